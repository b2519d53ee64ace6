/*
 * options.c — the run options shared by train, sweep, stepper, trainer and
 * report: argv walked here, each value parsed by the data layer's one option
 * parser (runspec_set), which also records that the option was given.
 */
#include "options.h"

#include <stdio.h>
#include <string.h>

#include "../core/dnn_limits.h"

/* The run options' help in three parts, so that sweep, whose --hidden is a
 * list of sizes, can leave out the single-layer --hidden line. */
#define RUN_HELP_DATASET \
    "  --dataset NAME|FILE      planar (default), circles, moons, blobs, quantiles,\n" \
    "                           cancer, digits, cat (the course's pictures), a CSV file\n" \
    "                           (header row, numeric features, a 0/1 label in the last\n" \
    "                           column) or an HDF5 file in the course's layout\n"
#define RUN_HELP_HIDDEN \
    "  --hidden N               one hidden layer of N units (default 4; 0 = logistic regression)\n"
#define RUN_HELP_REST \
    "  --layers N0,N1,...,1     every layer's size, the input first, as the course's\n" \
    "                           layers_dims: 64,20,7,5,1 for digits, 2,1 for logistic regression\n" \
    "  --activation NAME        hidden activation: tanh (default), relu, leaky-relu, sigmoid\n" \
    "  --init NAME              course-w3 (default: seed 2, randn*0.01), course-w4\n" \
    "                           (seed 1, randn/sqrt(n[l-1])), zeros\n" \
    "  --seed N                 the seed of the initialisation (default: the init's own)\n" \
    "  --lr X                   learning rate alpha (default 1.2)\n" \
    "                           With two or more hidden layers the defaults are week 4's:\n" \
    "                           relu, course-w4 and lr 0.0075 (a given option is kept)\n" \
    "  --iterations N           gradient-descent iterations (default 10000)\n" \
    "  --print-every N          print the cost every N iterations (default 1000; 0 = never)\n" \
    "  --test-split F           hold out this fraction for testing (0 to " \
    DNN_LIMIT_TEXT(RUN_TEST_SPLIT_MAX) "; default 0)\n" \
    "  --data-seed N            seed of generated data sets and of the split (default 1)\n" \
    "  --standardise            standardise a CSV file's features (mean 0, variance 1)\n" \
    "  --assignment NAME        the course's notebook settings: w2-logreg (cat, logistic\n" \
    "                           regression), w3-planar, w4-two-layer (cat, n_x-7-1), w4-deep\n" \
    "                           (cat, n_x-20-7-5-1); options given explicitly override them\n" \
    "  --course-data DIR        where the course's train_catvnoncat.h5 and test_catvnoncat.h5\n" \
    "                           are (default: $DNN_TUTOR_COURSE_DATA, else\n" \
    "                           ~/.local/share/dnn-tutor/course, else the current directory)\n" \
    "  --test-data FILE         a test set of its own (HDF5 or CSV, the same features)\n" \
    "  --threads N              threads for the large matrix products, 1 to " \
    DNN_LIMIT_TEXT(RUN_THREADS_MAX) " (default:\n" \
    "                           every core; small products always run on one)\n"

const char cli_run_options_help[] = "Run options:\n" RUN_HELP_DATASET RUN_HELP_HIDDEN RUN_HELP_REST;
const char cli_run_options_help_sweep[] = "Run options:\n" RUN_HELP_DATASET RUN_HELP_REST;

cli_parse_result cli_parse_run_options(int argc, char **argv, run_spec *spec,
                                       const cli_extra_option *extras, int n_extras,
                                       cli_extra_fn on_extra, void *user,
                                       char *err, size_t err_size)
{
    bool hidden_given = false, layers_given = false;
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
        runspec_option run = RUNSPEC_OPTION_COUNT;
        if (!extra && !runspec_option_find(key, &run)) {
            snprintf(err, err_size, "unknown option '%s' (see --help)", arg);
            return CLI_PARSE_ERROR;
        }
        bool takes_value = extra ? extra->takes_value : runspec_option_takes_value(run);
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
        } else if (!runspec_set(spec, run, value, err, err_size)) {
            return CLI_PARSE_ERROR;
        }
        /* Both name the hidden layers: one would silently undo the other. */
        hidden_given |= !extra && run == RUNSPEC_HIDDEN;
        layers_given |= !extra && run == RUNSPEC_LAYERS;
        if (hidden_given && layers_given) {
            snprintf(err, err_size, "--hidden and --layers both give the hidden layers: use one "
                                    "(--hidden N for one hidden layer, --layers N0,...,1 for the whole list)");
            return CLI_PARSE_ERROR;
        }
    }
    /* Two or more hidden layers: week 4's activation, init and rate for what
     * was not given (the one rule, runspec_deep_defaults). */
    runspec_deep_defaults(spec);
    return CLI_PARSE_OK;
}
