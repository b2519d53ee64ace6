/*
 * trainer_data.c — the trainer's view of a data set, loaded by run_load with
 * the suggested split.
 */
#include <string.h>

#include "run.h"
#include "trainer_internal.h"

bool trainer_data_load(const run_spec *spec, trainer_data *out, char *err, size_t err_size)
{
    memset(out, 0, sizeof *out);
    dataset *ds = NULL;
    if (run_load(spec, true, &ds, err, err_size))
        return false;
    out->ds = ds;
    out->X = ds->X;
    out->Y = ds->Y;
    out->X_test = ds->X_test;
    out->Y_test = ds->Y_test;
    out->image_side = ds->image_side;
    for (int i = 0; i < 2; i++) {
        out->lo[i] = ds->lo[i];
        out->hi[i] = ds->hi[i];
    }
    return true;
}

void trainer_data_free(trainer_data *d)
{
    dataset_free(d->ds);
    memset(d, 0, sizeof *d);
}
