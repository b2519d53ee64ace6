/*
 * stepper_data.c — loads a run_spec's data set for the stepper through the
 * data layer (built-ins, CSV files, the spec's seed and test split). The
 * stepper trains on the training part only; a held-out part is dropped.
 */
#include "stepper_data.h"

#include <stdio.h>

#include "../data/dataset.h"

bool stepper_data_load(const run_spec *spec, mat **X, mat **Y, char *msg, size_t msg_size)
{
    *X = *Y = NULL;
    data_load_options opt = data_load_options_from_spec(spec);
    dataset *ds = NULL;
    data_error err;
    if (dataset_load(spec->dataset, &opt, &ds, &err) != DATA_OK) {
        char line[DATA_ERROR_TEXT_MAX];
        data_error_format(&err, line, sizeof line);
        snprintf(msg, msg_size, "%s", line);
        return false;
    }
    /* Take the training matrices; dataset_free leaves them alone once NULL. */
    *X = ds->X;
    *Y = ds->Y;
    ds->X = ds->Y = NULL;
    dataset_free(ds);
    return true;
}
