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
} run_spec;

/* The course's week-3 run: planar, n_h = 4, tanh, course-w3, lr 1.2, 10000 iterations. */
run_spec runspec_default(void);
/* The network config for a data set with n_x inputs; false with a one-line
 * reason in msg when the sizes or activations are impossible. */
bool runspec_net_config(const run_spec *spec, int n_x, nn_config *out, char *msg, size_t msg_size);
/* Checks the training settings that do not depend on the data set: a data
 * set is named, lr > 0 (and below 1e6), iterations >= 0, print_every >= 0,
 * 0 <= test_split <= 0.9. False with a one-line reason in msg otherwise. */
bool runspec_check(const run_spec *spec, char *msg, size_t msg_size);

#endif
