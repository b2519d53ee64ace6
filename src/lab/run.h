/*
 * run.h — one training run from a run_spec, for everyone who trains headless:
 * `dnn-tutor train` and `sweep` (cli), the report's main run and its two
 * experiments (report_run.c), and so the trainer's report key (ui).
 *
 *   run_setup_open(spec) ──► data set loaded, network built and bound
 *   run_train(spec)      ──► nn_iterate × spec->iterations at spec->lr,
 *                            the cost recorded every spec->print_every
 *                            (and handed to hooks->on_cost as it comes)
 *   run_result           ──► costs, divergence, final cost, accuracies, time
 *
 * No printing here: a caller that wants the course's "Cost after iteration"
 * lines as they happen prints them from on_cost.
 *
 * Ownership: a run_setup owns its data set and network (run_setup_close);
 * a run_result owns its costs (run_result_free).
 */
#ifndef DNN_RUN_H
#define DNN_RUN_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/network.h"
#include "../data/dataset.h"
#include "../data/runspec.h"

/* A data set and a network built from a spec, bound together. Both owned. */
typedef struct run_setup {
    dataset *data;
    nn_net *net;
} run_setup;

/* Loads spec->dataset and builds and binds the network. Returns 0, or 1 (bad
 * or missing data, no memory) / 2 (an option out of range, an impossible
 * config) with one line in err; *out is then empty. */
int run_setup_open(const run_spec *spec, run_setup *out, char *err, size_t err_size);
/* Frees what run_setup_open made; an empty setup is fine. */
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
    bool stopped;             /* hooks->stop ended the run early: the numbers below stay NAN */
    double final_cost;        /* the cost after the last update (NAN when diverged) */
    double train_accuracy;    /* percent, of the network as it ended (also when diverged) */
    double test_accuracy;     /* percent, NAN without a test split */
    double seconds;           /* training time, wall clock */
} run_result;

/* What a caller may do while a run trains; every member may be NULL. */
typedef struct run_hooks {
    /* Called with each recorded cost, as soon as it is computed. */
    void (*on_cost)(void *user, long iteration, double cost);
    /* Polled before every iteration; true ends the run (out->stopped). */
    bool (*stop)(void *user);
    void *user;
} run_hooks;

/* Trains s->net spec->iterations iterations with spec->lr on the bound data,
 * recording the cost every spec->print_every iterations (before that
 * iteration's update, as the course prints it; 0 = never). Stops at
 * divergence or when hooks->stop says so. hooks may be NULL. out->costs is
 * NULL when nothing is recorded or memory ran out (then n_costs is 0). */
void run_train(run_setup *s, const run_spec *spec, const run_hooks *hooks, run_result *out);
/* Releases the recorded costs. */
void run_result_free(run_result *r);

/* Monotonic seconds. */
double run_now(void);

#endif
