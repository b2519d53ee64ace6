/*
 * trainer_data.c — the trainer's view of a data set (data/dataset.h).
 */
#include <stdio.h>
#include <string.h>

#include "../data/dataset.h"
#include "trainer_internal.h"

bool trainer_data_load(const run_spec *spec, trainer_data *out, char *err, size_t err_size)
{
    memset(out, 0, sizeof *out);
    data_load_options opt = data_load_options_from_spec(spec);
    const dataset_info *info = dataset_builtin_info(spec->dataset);
    if (opt.test_split == 0.0 && info && !info->two_d)
        opt.test_split = info->suggested_split;
    dataset *ds = NULL;
    data_error e;
    memset(&e, 0, sizeof e);
    if (dataset_load(spec->dataset, &opt, &ds, &e) != DATA_OK) {
        char line[DATA_ERROR_TEXT_MAX];
        data_error_format(&e, line, sizeof line);
        snprintf(err, err_size, "%s", line);
        return false;
    }
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
