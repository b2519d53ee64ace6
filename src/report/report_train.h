/*
 * report_train.h — the report layer's own training loop: a run_spec turned
 * into a loaded data set and a bound network, trained with the course's
 * recording schedule.
 *
 * It does what src/cli/run.[ch] does for `train` and `sweep`, one layer
 * lower, so that the report can be written from ui (the trainer's key) as
 * well as from cli. (Were run.c moved here, cli could use this and the two
 * would be one.)
 */
#ifndef DNN_REPORT_TRAIN_H
#define DNN_REPORT_TRAIN_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/network.h"
#include "../data/dataset.h"
#include "../data/runspec.h"

/* A data set and a network built from a spec, bound together. Both owned. */
typedef struct report_setup {
    dataset *data;
    nn_net *net;
} report_setup;

/* Loads spec->dataset and builds and binds the network. Returns 0, or 1 (bad
 * or missing data, no memory) / 2 (an option out of range, an impossible
 * config) with one line in err; *out is then empty. */
int report_setup_open(const run_spec *spec, report_setup *out, char *err, size_t err_size);
/* Frees what report_setup_open made; an empty setup is fine. */
void report_setup_close(report_setup *s);

/* One recorded cost: the cost before the update of `iteration`. */
typedef struct report_cost {
    long iteration;
    double cost;
} report_cost;

typedef struct report_result {
    report_cost *costs;       /* every print_every-th iteration (malloc'd; report_result_free) */
    size_t n_costs;
    bool diverged;
    long diverged_at;         /* the iteration whose cost or update stopped being finite */
    double final_cost;        /* the cost after the last update (NAN when diverged) */
    double train_accuracy;    /* percent (NAN when diverged) */
    double test_accuracy;     /* percent, NAN without a test split or when diverged */
    double seconds;           /* training time, wall clock */
} report_result;

/* Trains s->net spec->iterations iterations with spec->lr on the bound data,
 * recording the cost every spec->print_every iterations (before that
 * iteration's update, as the course prints it; 0 = never). Stops at
 * divergence. out->costs is NULL when nothing is recorded or memory ran out
 * (then n_costs is 0). */
void report_train(report_setup *s, const run_spec *spec, report_result *out);
/* Releases the recorded costs. */
void report_result_free(report_result *r);

/* Monotonic seconds. */
double report_now(void);

#endif
