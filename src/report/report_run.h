/*
 * report_run.h — the numbers a report is made of: the main run and the two
 * experiments around it, computed before anything is written.
 *
 * Ownership: report_data_build fills a report_data the caller releases with
 * report_data_free (also after a failed build).
 */
#ifndef DNN_REPORT_RUN_H
#define DNN_REPORT_RUN_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "../lab/course.h"
#include "../lab/run.h"

#define REPORT_SWEEP_N COURSE_SWEEP_COUNT
#define REPORT_LR_MAX 7

/* Predicted vs true labels: tp = predicted 1 and labelled 1, and so on. */
typedef struct report_confusion {
    long tp, fp, fn, tn;
} report_confusion;

/* Classes predicted on a gw × gh grid over the data set's plot range
 * (row 0 at the top); NULL cells when the data set is not 2-D. */
typedef struct report_grid {
    int gw, gh;
    unsigned char *cells;
} report_grid;

typedef struct report_sweep_item {
    int hidden;
    run_result res;           /* costs not recorded; accuracies, final cost, divergence */
    report_grid grid;
} report_sweep_item;

typedef struct report_lr_item {
    double lr;
    run_result res;           /* costs every report_data.lr_every iterations */
} report_lr_item;

typedef struct report_data {
    run_spec spec;              /* as requested */
    run_setup main;             /* data set and the trained network */
    run_result res;             /* the main run */
    report_confusion conf_train, conf_test;
    report_grid grid;

    long sweep_iterations;
    report_sweep_item sweep[REPORT_SWEEP_N];

    long lr_iterations, lr_every;
    report_lr_item lr[REPORT_LR_MAX];
    int n_lr;
    int lr_main;                /* index of the main run's rate in lr[] */

    /* The accuracies as the notebook of spec.assignment prints them (lab/notebook.h):
     * week 2's percent, week 4's fraction; NAN without an assignment of those weeks
     * or without a test set. */
    double nb_train, nb_test;

    /* The facts the learner's analysis argues from (report_facts.c shows them). */
    long n_pos, n_pos_test;     /* examples labelled 1 in the training and the test set */
    bool zero_ran;              /* the zero-initialisation run (only with a hidden layer) */
    long zero_iterations;
    run_result zero;            /* the same network and α from all-zero weights */
    double zero_row_spread;     /* after that run: the largest |W[1]_jk − W[1]_0k| (0: every hidden
                                   unit is the same function) */

    double seconds;             /* wall clock for everything */
} report_data;

/* The sweep's hidden sizes (the course's 1, 2, 3, 4, 5, 20, 50). */
extern const int report_sweep_sizes[REPORT_SWEEP_N];

/* Trains the main run, then the sweep, the learning-rate comparison and (with
 * a hidden layer) the same network from zeros; counts the labels.
 * Returns 0, or 1 (data set, memory, main run diverged, *cancel set: see
 * report_request) / 2 (impossible config) with one line in err. cancel may
 * be NULL. */
int report_data_build(const run_spec *spec, atomic_bool *cancel, report_data *d, char *err, size_t err_size);
/* Releases everything d owns (the data set, the network, costs, grids) and zeroes it. */
void report_data_free(report_data *d);

/* Whether the data set can be drawn as points over decision regions. */
bool report_is_2d(const report_data *d);

#endif
