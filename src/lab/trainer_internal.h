/*
 * trainer_internal.h — the trainer's struct, shared by trainer.c,
 * trainer_sweep.c and trainer_data.c. Not for other modules.
 */
#ifndef DNN_UI_TRAINER_TRAINER_INTERNAL_H
#define DNN_UI_TRAINER_TRAINER_INTERNAL_H

#include "run.h"
#include "trainer.h"

struct trainer {
    run_spec spec;            /* how the current network was built; spec.lr is only the starting rate */
    trainer_data *data;       /* one reference (trainer_data_release) */
    nn_net *net;
    run_loop loop;            /* the run over net: loop.lr is the live learning rate */
    long builds;              /* trainer_begin_run calls: fresh weights, a new network or data */
    long step_from;           /* nn_iterations when the current trainer_run began */
    long clock;
    trainer_state state;
    trainer_divergence divergence;
    bool zero_init;
    int saturated_n;          /* TRAINER_DIV_SATURATED: outputs certain and wrong */
    double saturated_sigma;   /* the first one's σ */
    bool now_valid;           /* now_cost is the cost of the network as it is */
    double now_cost;

    /* cost history */
    double *hist_x, *hist_y;
    double *hist_test;        /* J on the test set at each hist_x; NAN without one */
    size_t hist_n;
    long cost_every;
    size_t segment_start;     /* first history index after the last marker */
    trainer_marker markers[TRAINER_MARKERS_MAX];
    size_t n_markers;

    /* sweep */
    bool sweep_on;
    trainer_sweep_entry sweep[TRAINER_SWEEP_COUNT];
    nn_net *sweep_nets[TRAINER_SWEEP_COUNT];
    run_loop sweep_loops[TRAINER_SWEEP_COUNT];

    /* learning-rate comparison */
    bool rates_on;
    run_spec rates_spec;      /* how each rate's network is built */
    long rates_every;         /* its cost is recorded every this many iterations */
    trainer_rate_entry rates[TRAINER_RATES_COUNT];
    nn_net *rates_nets[TRAINER_RATES_COUNT];
    run_loop rates_loops[TRAINER_RATES_COUNT];
};

/* Loads spec->dataset (with spec->test_split and spec->data_seed), holding
 * one reference; NULL with a one-line reason in err. */
trainer_data *trainer_data_open(const run_spec *spec, char *err, size_t err_size);

/* A new network for spec on data, bound to data->X / Y (run_build_net);
 * NULL with err. */
nn_net *trainer_build_net(const run_spec *spec, const trainer_data *data, char *err, size_t err_size);
/* Starts the run over t->net afresh at rate lr (after a build or re-init). */
void trainer_begin_run(trainer *t, double lr);
/* Records a change marker at the current clock (a new curve segment). */
void trainer_mark(trainer *t, trainer_change what);
/* run_loop_step(loop, n) with pause(user) polled after every operation
 * (pause NULL: whole iterations); the hook is gone again on return. */
long trainer_loop_pausing(run_loop *loop, long n, bool (*pause)(void *user), void *user);

/* After a rebuild or re-init: a running trainer runs on, a paused (or
 * diverged) one is paused — training goes on only when the learner says so. */
void trainer_keep_pause(trainer *t);

#endif
