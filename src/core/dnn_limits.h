/*
 * dnn_limits.h — every limit on what a learner may ask for, named once.
 *
 * The command line (cli/options.c through data/runspec_option.c), a lesson's
 * lab block (lesson/lesson_schema_lab.c), the trainer's layer editor and the
 * core's own config check all read these; none writes a number of its own.
 * Raising a width is a one-line change here.
 */
#ifndef DNN_CORE_DNN_LIMITS_H
#define DNN_CORE_DNN_LIMITS_H

#define NN_MAX_LAYERS 10          /* layers with weights, after the input */
#define NN_MAX_UNITS 1024         /* units of a hidden or output layer */
#define NN_MAX_INPUTS 65536       /* inputs n[0], a data set's features: a 128×128 colour picture is 49152 */
#define CSV_MAX_FEATURES NN_MAX_INPUTS /* feature columns of a CSV file (the cat pictures exported as CSV load) */
#define H5DATA_MAX_FEATURES NN_MAX_INPUTS /* values in one picture of an HDF5 file (h·w·c) */
#define RUN_MAX_NET_BYTES ((size_t)8 << 30) /* a network's parameters, gradients and caches on its data */

#define RUN_LR_MAX 100.0          /* the learning rate is in (0, RUN_LR_MAX] */
#define RUN_ITERATIONS_MAX 100000000L   /* iterations and print-every, 0 … this */
#define RUN_TEST_SPLIT_MAX 0.9    /* the held-out fraction, 0 … this */
#define RUN_SEED_MAX 4294967295L  /* init and data seeds, 0 … this (a uint32_t) */
#define RUN_SWEEP_MAX 16          /* hidden sizes one `sweep` may try */
#define RUN_THREADS_MAX 64        /* --threads: matrix-product threads, 1 … this */

/* A limit as a help text writes it: DNN_LIMIT_TEXT(NN_MAX_UNITS) is "1024". */
#define DNN_LIMIT_TEXT_(x) #x
#define DNN_LIMIT_TEXT(x) DNN_LIMIT_TEXT_(x)

#endif
