/*
 * runspec_option.c — the one parser of run options, whoever gives them: the
 * command line (cli/options.c walks argv and hands each --NAME VALUE here),
 * the trainer's layer editor (runspec_parse_layers), `sweep`'s size list.
 * Every bound comes from dnn_limits.h. A value out of range, trailing junk or
 * a missing value is an error naming the option and the value.
 */
#include "runspec.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const option_names[RUNSPEC_OPTION_COUNT] = {
    "dataset", "hidden", "layers", "activation", "init", "seed", "lr",
    "iterations", "print-every", "test-split", "data-seed", "standardise", "assignment", "course-data",
    "test-data", "threads",
};

static const char *const assignment_names[RUNSPEC_ASSIGNMENT_COUNT] = {
    "", "w2-logreg", "w3-planar", "w4-two-layer", "w4-deep",
};

const char *runspec_assignment_name(runspec_assignment a)
{
    return a >= 0 && a < RUNSPEC_ASSIGNMENT_COUNT ? assignment_names[a] : "";
}

bool runspec_assignment_parse(const char *name, runspec_assignment *out)
{
    for (int a = 1; name && a < RUNSPEC_ASSIGNMENT_COUNT; a++)
        if (!strcmp(assignment_names[a], name)) {
            *out = (runspec_assignment)a;
            return true;
        }
    return false;
}

void runspec_apply_assignment(run_spec *spec, runspec_assignment a)
{
    const run_spec def = runspec_default();
    bool w4 = a == RUNSPEC_W4_TWO_LAYER || a == RUNSPEC_W4_DEEP;
    spec->assignment = a;
    spec->given |= RUNSPEC_GIVEN(RUNSPEC_ASSIGNMENT);
    spec->print_last = w4;
    if (a == RUNSPEC_ASSIGNMENT_NONE)
        return;
#define UNLESS_GIVEN(o) if (!runspec_given(spec, o))
    UNLESS_GIVEN(RUNSPEC_DATASET)
        snprintf(spec->dataset, sizeof spec->dataset, "%s", a == RUNSPEC_W3_PLANAR ? "planar" : "cat");
    if (!runspec_given(spec, RUNSPEC_HIDDEN) && !runspec_given(spec, RUNSPEC_LAYERS)) {
        spec->hidden = 0;
        spec->n_layers = 0;
        spec->input_size = 0;
        spec->acts_given = false;
        if (a == RUNSPEC_W3_PLANAR)
            spec->hidden = 4;
        else if (a == RUNSPEC_W4_TWO_LAYER)
            spec->hidden = 7;
        else if (a == RUNSPEC_W4_DEEP) {
            static const int deep[4] = {20, 7, 5, 1};
            spec->n_layers = 4;
            memcpy(spec->layers, deep, sizeof deep);
        } else {
            spec->n_layers = 1; /* logistic regression: n_x → 1 */
            spec->layers[0] = 1;
        }
    }
    UNLESS_GIVEN(RUNSPEC_ACTIVATION)
        spec->hidden_act = w4 ? ACT_RELU : def.hidden_act;
    if (!runspec_given(spec, RUNSPEC_INIT) && !runspec_given(spec, RUNSPEC_SEED)) {
        spec->init = a == RUNSPEC_W2_LOGREG ? NN_INIT_ZEROS : a == RUNSPEC_W4_DEEP ? NN_INIT_COURSE_W4 : NN_INIT_COURSE_W3;
        /* week 4's two-layer init is week 3's randn·0.01, from seed 1 */
        spec->seed_given = a == RUNSPEC_W4_TWO_LAYER;
        spec->seed = a == RUNSPEC_W4_TWO_LAYER ? 1 : nn_init_default_seed(spec->init);
    }
    UNLESS_GIVEN(RUNSPEC_LR)
        spec->lr = a == RUNSPEC_W2_LOGREG ? 0.005 : w4 ? 0.0075 : def.lr;
    UNLESS_GIVEN(RUNSPEC_ITERATIONS)
        spec->iterations = a == RUNSPEC_W2_LOGREG ? 2000 : w4 ? 2500 : def.iterations;
    UNLESS_GIVEN(RUNSPEC_PRINT_EVERY)
        spec->print_every = a == RUNSPEC_W3_PLANAR ? def.print_every : 100;
#undef UNLESS_GIVEN
}

bool runspec_option_find(const char *name, runspec_option *out)
{
    for (int o = 0; name && o < RUNSPEC_OPTION_COUNT; o++)
        if (!strcmp(option_names[o], name)) {
            *out = (runspec_option)o;
            return true;
        }
    return false;
}

const char *runspec_option_name(runspec_option o)
{
    return o >= 0 && o < RUNSPEC_OPTION_COUNT ? option_names[o] : "?";
}

bool runspec_option_takes_value(runspec_option o)
{
    return o != RUNSPEC_STANDARDISE;
}

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

/* Reads a comma-separated list of positive integers, spaces allowed around
 * each; entry i must be 1 … hi(i). False on anything else or past max. */
static bool parse_list(const char *s, int *out, int max, long (*hi)(int i, int arg), int arg, int *count)
{
    int n = 0;
    if (!s)
        return false;
    const char *p = s;
    for (;;) {
        while (*p == ' ')
            p++;
        if (*p < '0' || *p > '9' || n >= max)
            return false;
        char *end;
        errno = 0;
        long v = strtol(p, &end, 10);
        if (errno || v < 1 || v > hi(n, arg))
            return false;
        out[n++] = (int)v;
        p = end;
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        if (*p++ != ',')
            return false;
    }
    *count = n;
    return true;
}

static long fixed_hi(int i, int hi)
{
    (void)i;
    return hi;
}

static long layer_hi(int i, int unused)
{
    (void)unused;
    return i == 0 ? NN_MAX_INPUTS : NN_MAX_UNITS;
}

bool runspec_parse_int_list(const char *text, int *out, int max, int hi, int *count)
{
    return parse_list(text, out, max, fixed_hi, hi, count);
}

bool runspec_parse_layers(const char *text, int *sizes, int *count, char *err, size_t err_size)
{
    int n = 0;
    if (!parse_list(text, sizes, NN_MAX_LAYERS + 1, layer_hi, 0, &n) || n < 2) {
        snprintf(err, err_size,
                 "expected the input size (1 to %d), then 1 to %d layer sizes from 1 to %d, separated by "
                 "commas (e.g. 2,4,1)",
                 NN_MAX_INPUTS, NN_MAX_LAYERS, NN_MAX_UNITS);
        return false;
    }
    *count = n;
    return true;
}

/* Sets o from v into spec; false with err (spec may be half-changed: the
 * caller works on a copy). */
static bool apply(run_spec *spec, runspec_option o, const char *v, char *err, size_t err_size)
{
    long n;
    double x;
    switch (o) {
    case RUNSPEC_DATASET:
        if (!v || !*v) {
            snprintf(err, err_size, "--dataset: expected a data set name or a CSV path");
            return false;
        }
        if (strlen(v) >= sizeof spec->dataset) {
            snprintf(err, err_size, "--dataset: the name is %zu characters long; at most %zu are taken",
                     strlen(v), sizeof spec->dataset - 1);
            return false;
        }
        snprintf(spec->dataset, sizeof spec->dataset, "%s", v);
        return true;
    case RUNSPEC_HIDDEN:
        if (!parse_long(v, 0, NN_MAX_UNITS, &n)) {
            snprintf(err, err_size, "--hidden: expected a number of units from 0 to %d, got '%s'", NN_MAX_UNITS, v);
            return false;
        }
        spec->hidden = (int)n;
        spec->n_layers = 0;
        spec->input_size = 0;
        spec->acts_given = false;
        spec->given &= ~RUNSPEC_GIVEN(RUNSPEC_LAYERS);
        return true;
    case RUNSPEC_LAYERS: {
        int sizes[NN_MAX_LAYERS + 1], count;
        char why[200];
        if (!runspec_parse_layers(v, sizes, &count, why, sizeof why)) {
            snprintf(err, err_size, "--layers: %s, got '%s'", why, v);
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
        spec->given &= ~RUNSPEC_GIVEN(RUNSPEC_HIDDEN);
        return true;
    }
    case RUNSPEC_ACTIVATION:
        if (!act_parse(v, &spec->hidden_act)) {
            snprintf(err, err_size, "--activation: expected tanh, relu, leaky-relu or sigmoid, got '%s'", v);
            return false;
        }
        spec->acts_given = false;
        return true;
    case RUNSPEC_INIT:
        if (!nn_init_parse(v, &spec->init)) {
            snprintf(err, err_size, "--init: expected course-w3, course-w4 or zeros, got '%s'", v);
            return false;
        }
        return true;
    case RUNSPEC_SEED:
        if (!parse_long(v, 0, RUN_SEED_MAX, &n)) {
            snprintf(err, err_size, "--seed: expected an integer from 0 to %ld, got '%s'", RUN_SEED_MAX, v);
            return false;
        }
        spec->seed = (uint32_t)n;
        spec->seed_given = true;
        return true;
    case RUNSPEC_LR:
        if (v && *v && !parse_double(v, &x) && strtod(v, NULL) >= 0.0 && strtod(v, NULL) < DBL_MIN) {
            snprintf(err, err_size, "--lr: '%s' is too small to train with (below %g, the smallest normal "
                                    "double)", v, DBL_MIN);
            return false;
        }
        if (!parse_double(v, &x) || !(x > 0.0) || x > RUN_LR_MAX) {
            snprintf(err, err_size, "--lr: expected a learning rate above 0 and at most %g, got '%s'", RUN_LR_MAX,
                     v);
            return false;
        }
        spec->lr = x;
        return true;
    case RUNSPEC_ITERATIONS:
    case RUNSPEC_PRINT_EVERY:
        if (!parse_long(v, 0, RUN_ITERATIONS_MAX, &n)) {
            snprintf(err, err_size, "--%s: expected an integer from 0 to %ld, got '%s'", option_names[o],
                     RUN_ITERATIONS_MAX, v);
            return false;
        }
        *(o == RUNSPEC_ITERATIONS ? &spec->iterations : &spec->print_every) = n;
        return true;
    case RUNSPEC_TEST_SPLIT:
        if (!parse_double(v, &x) || x < 0.0 || x > RUN_TEST_SPLIT_MAX) {
            snprintf(err, err_size, "--test-split: expected a fraction from 0 to %g, got '%s'", RUN_TEST_SPLIT_MAX,
                     v);
            return false;
        }
        spec->test_split = x;
        return true;
    case RUNSPEC_DATA_SEED:
        if (!parse_long(v, 0, RUN_SEED_MAX, &n)) {
            snprintf(err, err_size, "--data-seed: expected an integer from 0 to %ld, got '%s'", RUN_SEED_MAX, v);
            return false;
        }
        spec->data_seed = (uint32_t)n;
        return true;
    case RUNSPEC_THREADS:
        if (!parse_long(v, 1, RUN_THREADS_MAX, &n)) {
            snprintf(err, err_size, "--threads: expected a number of threads from 1 to %d, got '%s'", RUN_THREADS_MAX,
                     v);
            return false;
        }
        spec->threads = (int)n;
        return true;
    case RUNSPEC_STANDARDISE:
        spec->standardise = true;
        return true;
    case RUNSPEC_ASSIGNMENT: {
        runspec_assignment a;
        if (!runspec_assignment_parse(v, &a)) {
            snprintf(err, err_size, "--assignment: expected w2-logreg, w3-planar, w4-two-layer or w4-deep, got '%s'",
                     v ? v : "");
            return false;
        }
        runspec_apply_assignment(spec, a);
        return true;
    }
    case RUNSPEC_COURSE_DATA:
    case RUNSPEC_TEST_DATA: {
        char *dst = o == RUNSPEC_COURSE_DATA ? spec->course_dir : spec->test_data;
        if (!v || !*v || strlen(v) >= RUNSPEC_NAME_MAX) {
            snprintf(err, err_size, "--%s: expected a %s of fewer than %d bytes", option_names[o],
                     o == RUNSPEC_COURSE_DATA ? "directory" : "file name", RUNSPEC_NAME_MAX);
            return false;
        }
        snprintf(dst, RUNSPEC_NAME_MAX, "%s", v);
        return true;
    }
    default:
        snprintf(err, err_size, "unknown option");
        return false;
    }
}

bool runspec_set(run_spec *spec, runspec_option o, const char *value, char *err, size_t err_size)
{
    run_spec next = *spec;
    if (!apply(&next, o, value, err, err_size))
        return false;
    next.given |= RUNSPEC_GIVEN(o);
    *spec = next;
    return true;
}
