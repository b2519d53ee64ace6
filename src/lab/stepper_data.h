/*
 * stepper_data.h — the stepper's one door to the data layer: a run_spec's
 * data set as X (n_x, m) and Y (1, m).
 */
#ifndef DNN_UI_STEPPER_DATA_H
#define DNN_UI_STEPPER_DATA_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/matrix.h"
#include "../data/runspec.h"

#define STEPPER_DATA_ERR_MAX 800

/* Loads spec->dataset (a built-in name or a CSV path) with spec->data_seed.
 * On success *X and *Y are new matrices the caller frees; on failure both
 * are NULL and msg holds one line (the data layer's "FILE:LINE: what"). */
bool stepper_data_load(const run_spec *spec, mat **X, mat **Y, char *msg, size_t msg_size);

#endif
