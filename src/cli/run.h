/*
 * run.h — what train, sweep and report share: turning a run_spec into a
 * loaded data set and a bound network, and training it with the course's
 * printing schedule.
 */
#ifndef DNN_CLI_RUN_H
#define DNN_CLI_RUN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "../core/network.h"
#include "../data/dataset.h"
#include "../data/runspec.h"

/* A data set and a network built from a spec, bound together. */
typedef struct run_setup {
    dataset *data;
    nn_net *net;
} run_setup;

/* Loads spec->dataset and builds and binds the network. Returns 0, or 1
 * (bad data) / 2 (impossible config) with one line in err. */
int run_setup_open(const run_spec *spec, run_setup *out, char *err, size_t err_size);
void run_setup_close(run_setup *s);

/* One recorded cost: the cost before the update of `iteration`. */
typedef struct run_cost {
    long iteration;
    double cost;
} run_cost;

typedef struct run_result {
    run_cost *costs;          /* every print_every-th iteration (malloc'd; run_result_free) */
    size_t n_costs;
    bool diverged;
    long diverged_at;         /* the iteration whose cost or update stopped being finite */
    double final_cost;        /* the cost after the last update (NAN when diverged) */
    double train_accuracy;    /* percent */
    double test_accuracy;     /* percent, NAN without a test split */
    double seconds;           /* training time, wall clock */
} run_result;

/* Trains spec->iterations iterations with spec->lr, recording the cost every
 * spec->print_every iterations (before that iteration's update, as the course
 * prints it) and, when `echo` is not NULL, printing each as the course does:
 * "Cost after iteration %i: %f". Stops at divergence. */
void run_train(run_setup *s, const run_spec *spec, FILE *echo, run_result *out);
void run_result_free(run_result *r);

/* Writes s as a JSON string literal (quotes and escapes) to f. */
void cli_json_string(FILE *f, const char *s);

/* Monotonic seconds. */
double run_now(void);

#endif
