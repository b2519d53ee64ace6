/*
 * options.c — the run options shared by train, sweep, stepper, trainer and
 * report. Each option is parsed strictly: a value out of range, trailing
 * junk or a missing value is an error naming the option and the value.
 */
#include "options.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char cli_run_options_help[] =
    "Run options:\n"
    "  --dataset NAME|FILE.csv  planar (default), circles, moons, blobs, quantiles,\n"
    "                           cancer, digits, or a CSV file (header row, numeric\n"
    "                           features, a 0/1 label in the last column)\n"
    "  --hidden N               one hidden layer of N units (default 4; 0 = logistic regression)\n"
    "  --layers N0,N1,...,1     every layer's size, the input first, as the course's\n"
    "                           layers_dims: 64,20,7,5,1 for digits, 2,1 for logistic regression\n"
    "  --activation NAME        hidden activation: tanh (default), relu, leaky-relu, sigmoid\n"
    "  --init NAME              course-w3 (default: seed 2, randn*0.01), course-w4\n"
    "                           (seed 1, randn/sqrt(n[l-1])), zeros\n"
    "  --seed N                 the seed of the initialisation (default: the init's own)\n"
    "  --lr X                   learning rate alpha (default 1.2)\n"
    "  --iterations N           gradient-descent iterations (default 10000)\n"
    "  --print-every N          print the cost every N iterations (default 1000; 0 = never)\n"
    "  --test-split F           hold out this fraction for testing (0 to 0.9; default 0)\n"
    "  --data-seed N            seed of generated data sets and of the split (default 1)\n"
    "  --standardise            standardise a CSV file's features (mean 0, variance 1)\n";

static bool parse_long(const char *s, long lo, long hi, long *out)
{
    if (!s || !*s)
        return false;
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end || v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

static bool parse_double(const char *s, double *out)
{
    if (!s || !*s)
        return false;
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || *end || !isfinite(v))
        return false;
    *out = v;
    return true;
}

bool cli_parse_int_list(const char *s, int *out, int max, int *count)
{
    int n = 0;
    const char *p = s;
    if (!s || !*s)
        return false;
    while (*p) {
        char *end;
        errno = 0;
        long v = strtol(p, &end, 10);
        if (end == p || errno || v < 1 || v > NN_MAX_UNITS || n >= max)
            return false;
        out[n++] = (int)v;
        p = end;
        if (*p == ',') {
            p++;
            if (!*p)
                return false;
        } else if (*p) {
            return false;
        }
    }
    *count = n;
    return n > 0;
}

typedef enum run_option {
    OPT_DATASET, OPT_HIDDEN, OPT_LAYERS, OPT_ACTIVATION, OPT_INIT, OPT_SEED, OPT_LR,
    OPT_ITERATIONS, OPT_PRINT_EVERY, OPT_TEST_SPLIT, OPT_DATA_SEED, OPT_STANDARDISE, OPT_COUNT
} run_option;

static const char *const run_option_names[OPT_COUNT] = {
    "dataset", "hidden", "layers", "activation", "init", "seed", "lr",
    "iterations", "print-every", "test-split", "data-seed", "standardise",
};

static bool apply_run_option(run_option o, const char *v, run_spec *spec, char *err, size_t err_size)
{
    long n;
    double x;
    switch (o) {
    case OPT_DATASET:
        if (!*v || strlen(v) >= sizeof spec->dataset) {
            snprintf(err, err_size, "--dataset: expected a data set name or a CSV path");
            return false;
        }
        snprintf(spec->dataset, sizeof spec->dataset, "%s", v);
        return true;
    case OPT_HIDDEN:
        if (!parse_long(v, 0, NN_MAX_UNITS, &n)) {
            snprintf(err, err_size, "--hidden: expected a number of units from 0 to %d, got '%s'", NN_MAX_UNITS, v);
            return false;
        }
        spec->hidden = (int)n;
        spec->n_layers = 0;
        spec->input_size = 0;
        spec->acts_given = false;
        return true;
    case OPT_LAYERS: {
        int sizes[NN_MAX_LAYERS + 1], count;
        if (!cli_parse_int_list(v, sizes, NN_MAX_LAYERS + 1, &count) || count < 2) {
            snprintf(err, err_size,
                     "--layers: expected the input size, then 1 to %d layer sizes from 1 to %d, separated by "
                     "commas (e.g. 2,4,1), got '%s'",
                     NN_MAX_LAYERS, NN_MAX_UNITS, v);
            return false;
        }
        if (sizes[count - 1] != 1) {
            snprintf(err, err_size, "--layers: the last layer is the output and must be 1 unit, got '%s'", v);
            return false;
        }
        spec->input_size = sizes[0];
        spec->n_layers = count - 1;
        for (int i = 1; i < count; i++)
            spec->layers[i - 1] = sizes[i];
        spec->hidden = 0;
        return true;
    }
    case OPT_ACTIVATION:
        if (!act_parse(v, &spec->hidden_act)) {
            snprintf(err, err_size, "--activation: expected tanh, relu, leaky-relu or sigmoid, got '%s'", v);
            return false;
        }
        spec->acts_given = false;
        return true;
    case OPT_INIT:
        if (!nn_init_parse(v, &spec->init)) {
            snprintf(err, err_size, "--init: expected course-w3, course-w4 or zeros, got '%s'", v);
            return false;
        }
        return true;
    case OPT_SEED:
        if (!parse_long(v, 0, 4294967295L, &n)) {
            snprintf(err, err_size, "--seed: expected an integer from 0 to 4294967295, got '%s'", v);
            return false;
        }
        spec->seed = (uint32_t)n;
        spec->seed_given = true;
        return true;
    case OPT_LR:
        if (!parse_double(v, &x) || !(x > 0.0) || x > 100.0) {
            snprintf(err, err_size, "--lr: expected a learning rate above 0 and at most 100, got '%s'", v);
            return false;
        }
        spec->lr = x;
        return true;
    case OPT_ITERATIONS:
        if (!parse_long(v, 0, 100000000L, &n)) {
            snprintf(err, err_size, "--iterations: expected an integer from 0 to 100000000, got '%s'", v);
            return false;
        }
        spec->iterations = n;
        return true;
    case OPT_PRINT_EVERY:
        if (!parse_long(v, 0, 100000000L, &n)) {
            snprintf(err, err_size, "--print-every: expected an integer from 0 to 100000000, got '%s'", v);
            return false;
        }
        spec->print_every = n;
        return true;
    case OPT_TEST_SPLIT:
        if (!parse_double(v, &x) || x < 0.0 || x > 0.9) {
            snprintf(err, err_size, "--test-split: expected a fraction from 0 to 0.9, got '%s'", v);
            return false;
        }
        spec->test_split = x;
        return true;
    case OPT_DATA_SEED:
        if (!parse_long(v, 0, 4294967295L, &n)) {
            snprintf(err, err_size, "--data-seed: expected an integer from 0 to 4294967295, got '%s'", v);
            return false;
        }
        spec->data_seed = (uint32_t)n;
        return true;
    case OPT_STANDARDISE:
        spec->standardise = true;
        return true;
    default:
        return false;
    }
}

cli_parse_result cli_parse_run_options(int argc, char **argv, run_spec *spec,
                                       const cli_extra_option *extras, int n_extras,
                                       cli_extra_fn on_extra, void *user,
                                       char *err, size_t err_size)
{
    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i];
        if (!strcmp(arg, "-h") || !strcmp(arg, "--help"))
            return CLI_PARSE_HELP;
        const char *name;
        if (!strncmp(arg, "--", 2) && arg[2])
            name = arg + 2;
        else if (arg[0] == '-' && arg[1] && !arg[2])
            name = arg + 1; /* a short extra such as -o */
        else {
            snprintf(err, err_size, "unexpected argument '%s' (options start with --)", arg);
            return CLI_PARSE_ERROR;
        }
        char key[64];
        const char *eq = strchr(name, '=');
        size_t key_len = eq ? (size_t)(eq - name) : strlen(name);
        if (key_len >= sizeof key) {
            snprintf(err, err_size, "unknown option '%s'", arg);
            return CLI_PARSE_ERROR;
        }
        memcpy(key, name, key_len);
        key[key_len] = '\0';
        const char *inline_value = eq ? eq + 1 : NULL;

        const cli_extra_option *extra = NULL;
        for (int e = 0; e < n_extras; e++)
            if (!strcmp(extras[e].name, key))
                extra = &extras[e];
        int run = -1;
        for (int o = 0; o < OPT_COUNT && !extra; o++)
            if (!strcmp(run_option_names[o], key))
                run = o;
        if (!extra && run < 0) {
            snprintf(err, err_size, "unknown option '%s' (see --help)", arg);
            return CLI_PARSE_ERROR;
        }
        bool takes_value = extra ? extra->takes_value : run != OPT_STANDARDISE;
        const char *value = NULL;
        if (takes_value) {
            if (inline_value)
                value = inline_value;
            else if (i + 1 < argc)
                value = argv[++i];
            else {
                snprintf(err, err_size, "option '%s' needs a value", arg);
                return CLI_PARSE_ERROR;
            }
        } else if (inline_value) {
            snprintf(err, err_size, "option '--%s' takes no value", key);
            return CLI_PARSE_ERROR;
        }
        if (extra) {
            if (!on_extra || !on_extra(key, value, user, err, err_size))
                return CLI_PARSE_ERROR;
        } else if (!apply_run_option((run_option)run, value, spec, err, err_size)) {
            return CLI_PARSE_ERROR;
        }
    }
    return CLI_PARSE_OK;
}
