/*
 * trainer_internal.h — the trainer's struct, shared by trainer.c,
 * trainer_sweep.c and trainer_data.c. Not for other modules.
 */
#ifndef DNN_UI_TRAINER_TRAINER_INTERNAL_H
#define DNN_UI_TRAINER_TRAINER_INTERNAL_H

#include "trainer.h"

struct trainer {
    run_spec spec;            /* current settings */
    trainer_data data;
    nn_net *net;
    long clock;
    trainer_state state;
    trainer_divergence divergence;
    bool zero_init;

    /* cost history */
    double *hist_x, *hist_y;
    size_t hist_n;
    long cost_every;
    size_t segment_start;     /* first history index after the last marker */
    trainer_marker markers[TRAINER_MARKERS_MAX];
    size_t n_markers;

    /* sweep */
    bool sweep_on;
    trainer_sweep_entry sweep[TRAINER_SWEEP_COUNT];
    nn_net *sweep_nets[TRAINER_SWEEP_COUNT];
};

/* Loads spec->dataset (with spec->test_split and spec->data_seed) into out.
 * False with a one-line reason in err; out is then all NULL. */
bool trainer_data_load(const run_spec *spec, trainer_data *out, char *err, size_t err_size);
void trainer_data_free(trainer_data *d);

/* A new network for spec on data, bound to data->X / Y; NULL with err. */
nn_net *trainer_build_net(const run_spec *spec, const trainer_data *data, char *err, size_t err_size);

#endif
