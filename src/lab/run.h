/*
 * run.h — one training run, for everyone who trains: `dnn-tutor train` and
 * `sweep` (cli), the report's main run and its two experiments
 * (report_run.c), the trainer lab and its sweep, and — for building its
 * network — the stepper lab.
 *
 *   run_load(spec)              ──► the data set (the one loader)
 *   run_build_net(spec, X, Y)   ──► a network built and bound (the one builder)
 *   run_loop_begin(net, lr, …)  ──► a steppable run over that network:
 *   run_loop_step(loop, n)      ──► nn_iterate × up to n at loop->lr, the cost
 *                                   handed to hooks->on_cost every cost_every
 *                                   iterations; stops at divergence, when
 *                                   on_cost or stop says so
 *   run_train(setup, spec)      ──► set up once, step(spec->iterations), then
 *                                   the final cost and the accuracies
 *
 * The learning rate of a run lives in its run_loop (loop->lr), never in a
 * run_spec: a spec says how a run starts, the loop what it does now.
 *
 * No printing here: a caller that wants the course's "Cost after iteration"
 * lines as they happen prints them from on_cost.
 *
 * Ownership: a run_setup owns its data set and network (run_setup_close);
 * a run_result owns its costs (run_result_free); a run_loop owns nothing.
 */
#ifndef DNN_LAB_RUN_H
#define DNN_LAB_RUN_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/network.h"
#include "../data/dataset.h"
#include "../data/runspec.h"

/* ---- the one loader and the one builder ---- */

/* Loads spec->dataset with the spec's split, seed and standardisation. With
 * suggested_split, a built-in data set that is not 2-D and has no test_split
 * in the spec gets the data layer's suggested split (digits: 0.2), so a test
 * accuracy exists (the trainer's choice). Returns 0, or 1 (bad or missing
 * data, no memory) / 2 (an option out of range) with one line in err; *out
 * is then NULL. */
int run_load(const run_spec *spec, bool suggested_split, dataset **out, char *err, size_t err_size);
/* The held-out fraction run_load uses: spec->test_split, or with
 * suggested_split the built-in set's suggested one when that is 0 and the set
 * is not 2-D. (The trainer's report asks it, to train on the same examples.) */
double run_test_split(const run_spec *spec, bool suggested_split);

/* A network from cfg, bound to X (n[0], m) and Y (1, m). Returns 0, or 2 (the
 * core refuses the config, or X does not have n[0] rows) / 1 (no memory)
 * with one line in err; *out is then NULL. */
int run_net_new(const nn_config *cfg, const mat *X, const mat *Y, nn_net **out, char *err, size_t err_size);

/* The network spec describes for data with X->rows features
 * (runspec_net_config), built and bound by run_net_new. Same returns. Also
 * sets the matrix products' threads to spec->threads (mat_set_threads; 0 =
 * every core), a setting of the whole process. */
int run_build_net(const run_spec *spec, const mat *X, const mat *Y, nn_net **out, char *err, size_t err_size);

/* The defaults runspec_deep_defaults chose (`chose`, its return), named for
 * a learner in one place for every front end — train on stderr, the labs in
 * their notes: "ReLU, randn/sqrt(n[l-1]), lr 0.0075" (with zh "、" between
 * and "学习率 0.0075"); "" when chose is 0. snprintf's contract. */
size_t run_deep_default_words(unsigned chose, bool zh, char *buf, size_t size);

/* A data set and a network built from a spec, bound together. Both owned. */
typedef struct run_setup {
    dataset *data;
    nn_net *net;
} run_setup;

/* run_load (no suggested split) then run_build_net. Returns 0, 1 or 2 as
 * they do, with one line in err; *out is then empty. */
int run_setup_open(const run_spec *spec, run_setup *out, char *err, size_t err_size);
/* Frees what run_setup_open made; an empty setup is fine. */
void run_setup_close(run_setup *s);

/* ---- the steppable run ---- */

/* What a caller may do while a run trains; every member may be NULL. */
typedef struct run_hooks {
    /* Called with each computed cost: the cost before the update of
     * `iteration` (nn_iterations before it), as the course prints it. Also
     * called for an iteration that diverged (loop->diverged is then set).
     * Returning true ends the step (loop->stopped stays false). */
    bool (*on_cost)(void *user, long iteration, double cost);
    /* Polled before every iteration; true ends the step and sets loop->stopped. */
    bool (*stop)(void *user);
    /* When set, an iteration runs one operation at a time (nn_run_op) and
     * this is polled after every operation but the last: true ends the step
     * part-way through the iteration (loop->op_next says where, and
     * loop->paused is set); the next step goes on from there. So a caller
     * that holds a lock while a wide network trains can let another thread
     * in within one matrix operation, not one iteration. */
    bool (*pause)(void *user);
    void *user;
    /* pause's argument when it is not user (a loop whose user is its own
     * bookkeeping, paused by whoever holds the lock); NULL: user */
    void *pause_user;
} run_hooks;

typedef struct run_loop {
    nn_net *net;           /* bound; borrowed */
    double lr;             /* the live learning rate: change it between steps */
    long cost_every;       /* cost computed when nn_iterations(net) % cost_every == 0; 0 = never */
    run_hooks hooks;
    bool diverged;         /* an update made the cost or a parameter non-finite */
    long diverged_at;      /* nn_iterations before that update; -1 until then */
    bool stopped;          /* hooks.stop ended the last step */
    bool paused;           /* hooks.pause ended the last step inside an iteration */
    int op_next;           /* the next operation of the current iteration; 0 between iterations */
    bool op_record;        /* the current iteration computes its cost (decided at its start) */
} run_loop;

/* A run over net (bound) at rate lr, the cost every cost_every iterations
 * (0 = never). hooks may be NULL. */
void run_loop_begin(run_loop *loop, nn_net *net, double lr, long cost_every, const run_hooks *hooks);
/* True while an iteration is part-way (a pause hook ended the last step
 * inside it): the parameters are those before its update, the caches are
 * half new. */
bool run_loop_mid_iteration(const run_loop *loop);
/* Runs up to n iterations: nn_iterate at loop->lr, the cost first when the
 * iteration is a multiple of cost_every. Stops after an iteration that
 * diverges (loop->diverged), when on_cost returns true, before an
 * iteration when stop says so (loop->stopped), or inside one when pause
 * says so (loop->paused; the iteration is finished by the next step).
 * Nothing runs once diverged. Returns the iterations completed, the
 * diverging one included (an iteration finished here that an earlier step
 * began counts). */
long run_loop_step(run_loop *loop, long n);

/* ---- a whole run, as train, sweep and the report make it ---- */

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

/* Trains s->net spec->iterations iterations with spec->lr on the bound data
 * (a run_loop stepped once), recording the cost every spec->print_every
 * iterations (0 = never) — and, with spec->print_last, at the last
 * iteration too, as the week 4 notebook prints — and handing each to
 * hooks->on_cost (whose return is
 * ignored). Stops at divergence or when hooks->stop says so. hooks may be
 * NULL. out->costs is NULL when nothing is recorded or memory ran out (then
 * n_costs is 0). */
void run_train(run_setup *s, const run_spec *spec, const run_hooks *hooks, run_result *out);
/* Releases the recorded costs. */
void run_result_free(run_result *r);

#endif
