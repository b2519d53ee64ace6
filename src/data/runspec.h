/*
 * runspec.h — everything that defines one training run, whoever asks for it:
 * the `train`, `sweep`, `stepper`, `trainer` and `report` command lines, a
 * lesson's lab block, or a lab screen's own controls.
 *
 * A run is a data set plus a network config plus the training settings. The
 * hidden layers are given either as `hidden` (one hidden layer of that many
 * units, the week-3 shape) or as the full list of layer sizes after the input
 * (`layers`, e.g. 20,7,5,1; the input size comes from the data set). With
 * neither, the network is logistic regression: no hidden layer.
 */
#ifndef DNN_DATA_RUNSPEC_H
#define DNN_DATA_RUNSPEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/network.h"

#define RUNSPEC_NAME_MAX 512

/* The options a front end may set, by name: the command line's --NAME, a
 * lesson's lab block, a lab screen's controls (runspec_option.c). */
typedef enum runspec_option {
    RUNSPEC_DATASET, RUNSPEC_HIDDEN, RUNSPEC_LAYERS, RUNSPEC_ACTIVATION, RUNSPEC_INIT, RUNSPEC_SEED,
    RUNSPEC_LR, RUNSPEC_ITERATIONS, RUNSPEC_PRINT_EVERY, RUNSPEC_TEST_SPLIT, RUNSPEC_DATA_SEED,
    RUNSPEC_STANDARDISE, RUNSPEC_ASSIGNMENT, RUNSPEC_COURSE_DATA, RUNSPEC_TEST_DATA, RUNSPEC_THREADS, RUNSPEC_OPTION_COUNT
} runspec_option;

/* The course's graded notebooks, as presets (--assignment NAME): each sets
 * what its notebook sets, except the options given explicitly.
 *
 *   w2-logreg     cat, logistic regression, zeros, lr 0.005, 2000 iterations,
 *                 the cost every 100
 *   w3-planar     planar, n_h 4, tanh, course-w3 (seed 2), lr 1.2, 10000
 *                 iterations, the cost every 1000 (the defaults)
 *   w4-two-layer  cat, n_x-7-1, ReLU, randn·0.01 from seed 1, lr 0.0075, 2500
 *                 iterations, the cost every 100 and at the last iteration
 *   w4-deep       cat, [n_x, 20, 7, 5, 1], ReLU, course-w4 (randn/√n[l−1],
 *                 seed 1), lr 0.0075, 2500 iterations, as w4-two-layer prints */
typedef enum runspec_assignment {
    RUNSPEC_ASSIGNMENT_NONE,
    RUNSPEC_W2_LOGREG,
    RUNSPEC_W3_PLANAR,
    RUNSPEC_W4_TWO_LAYER,
    RUNSPEC_W4_DEEP,
    RUNSPEC_ASSIGNMENT_COUNT
} runspec_assignment;

/* The bit of `given` that says option o was set by the learner. */
#define RUNSPEC_GIVEN(o) (1u << (o))

typedef struct run_spec {
    char dataset[RUNSPEC_NAME_MAX];  /* built-in name or a CSV path; "planar" by default */
    int hidden;                      /* units of the single hidden layer; 0 = use `layers` */
    int n_layers;                    /* entries in layers (0 with `hidden`) */
    int layers[NN_MAX_LAYERS];       /* n[1] … n[L]; the last must be 1 */
    int input_size;                  /* n[0] as the user gave it (--layers lists it first, like the
                                        course's layers_dims); 0 = take it from the data set */
    act_kind hidden_act;             /* activation of every hidden layer (tanh by default) */
    bool acts_given;                 /* per-layer activations below override hidden_act */
    act_kind acts[NN_MAX_LAYERS];    /* g[1] … g[L] when acts_given */
    nn_init_kind init;               /* course-w3 by default */
    bool seed_given;
    uint32_t seed;                   /* init seed; the init's course seed when !seed_given */
    double lr;                       /* 1.2 by default */
    long iterations;                 /* 10000 by default */
    long print_every;                /* 1000 by default; 0 = never */
    double test_split;               /* fraction held out for testing, 0 … 0.9; 0 = none */
    uint32_t data_seed;              /* seed of generated data sets and of the split */
    bool standardise;                /* standardise a user CSV's features (built-ins decide alone) */
    runspec_assignment assignment;   /* the preset the run follows (how it prints); NONE by default */
    bool print_last;                 /* also record the cost of the last iteration (week 4's notebook) */
    char course_dir[RUNSPEC_NAME_MAX]; /* --course-data DIR: where the course's files are ("" = the
                                        usual places, data/course.h) */
    char test_data[RUNSPEC_NAME_MAX];  /* --test-data FILE: a test set of its own ("" = none) */
    int threads;                     /* --threads N: matrix-product threads, 1 … RUN_THREADS_MAX;
                                        0 (the default) = every core */
    unsigned given;                  /* RUNSPEC_GIVEN(o) for every option a front end set: a default
                                        is never told from a given value by comparing values */
} run_spec;

/* The course's week-3 run: planar, n_h = 4, tanh, course-w3, lr 1.2, 10000 iterations. */
run_spec runspec_default(void);
/* The network config for a data set with n_x inputs; false with a one-line
 * reason in msg when the sizes or activations are impossible. */
bool runspec_net_config(const run_spec *spec, int n_x, nn_config *out, char *msg, size_t msg_size);
/* Checks the training settings that do not depend on the data set, against
 * dnn_limits.h: a data set is named, 0 < lr <= RUN_LR_MAX, iterations and
 * print_every in 0 … RUN_ITERATIONS_MAX, 0 <= test_split <= RUN_TEST_SPLIT_MAX.
 * False with a one-line reason in msg otherwise. */
bool runspec_check(const run_spec *spec, char *msg, size_t msg_size);

/* "w2-logreg", … ("" for NONE); the parser of the same names. */
const char *runspec_assignment_name(runspec_assignment a);
bool runspec_assignment_parse(const char *name, runspec_assignment *out);
/* Sets spec->assignment and every setting of its preset that was not given
 * (spec->given; the hidden layers count as given when --hidden or --layers
 * was), so explicit options win whichever side of --assignment they stand.
 * Does not mark anything given but RUNSPEC_ASSIGNMENT. */
void runspec_apply_assignment(run_spec *spec, runspec_assignment a);

/* The deep-network defaults, one rule for train, stepper, trainer and the
 * rest: a network with two or more hidden layers (layers n[1] … n[L] with
 * L >= 3) gets week 4's ReLU hidden layers, randn/sqrt(n[l-1]) init
 * (course-w4, seed 1 unless --seed) and lr 0.0075 — for each of activation,
 * init and lr that was not given (spec->given; a preset that set them counts
 * as given). Week 3's tanh, randn·0.01 and 1.2 leave such a network stuck
 * predicting one class. Returns the RUNSPEC_GIVEN bits of the options it
 * set (0 for a shallower network); calling it again sets and returns the
 * same, so a lab can ask afterwards which defaults were chosen. */
unsigned runspec_deep_defaults(run_spec *spec);

/* True when option o was given (spec->given). */
bool runspec_given(const run_spec *spec, runspec_option o);

/* ---- the one option parser (runspec_option.c) ---- */

/* The option called name ("lr", "print-every"); false when there is none. */
bool runspec_option_find(const char *name, runspec_option *out);
const char *runspec_option_name(runspec_option o);
/* False only for the flags (standardise), which take no value. */
bool runspec_option_takes_value(runspec_option o);
/* Parses value for option o into spec, strictly (range, trailing junk), and
 * marks o given. value is ignored for a flag. False with one line naming the
 * option and the value in err; spec is then unchanged. */
bool runspec_set(run_spec *spec, runspec_option o, const char *value, char *err, size_t err_size);
/* Parses a list of layer sizes, the input first ("64,20,7,5,1", spaces around
 * the commas allowed): 2 … NN_MAX_LAYERS + 1 numbers, the first 1 …
 * NN_MAX_INPUTS, the others 1 … NN_MAX_UNITS. False with a reason in err.
 * That the last is 1 (the output) is the config's rule (runspec_net_config;
 * runspec_set checks it for --layers too). */
bool runspec_parse_layers(const char *text, int *sizes, int *count, char *err, size_t err_size);
/* Parses "1,2,3" into at most max ints in 1 … hi; false on any error. */
bool runspec_parse_int_list(const char *text, int *out, int max, int hi, int *count);

#endif
