/*
 * stepper_data.c — loads a run_spec's data set for the stepper.
 */
#include "stepper_data.h"

#include <stdio.h>

#include "../../data/csv.h"
#include "../../data/generate.h"

bool stepper_data_load(const run_spec *spec, mat **X, mat **Y, char *msg, size_t msg_size)
{
    *X = *Y = NULL;
    gen_kind kind;
    if (gen_parse(spec->dataset, &kind)) {
        mat *x = mat_new(2, GEN_DEFAULT_M), *y = mat_new(1, GEN_DEFAULT_M);
        if (!x || !y || !gen_make(kind, spec->data_seed, x, y)) {
            mat_free(x);
            mat_free(y);
            snprintf(msg, msg_size, "stepper: could not make the data set %s", spec->dataset);
            return false;
        }
        *X = x;
        *Y = y;
        return true;
    }
    csv_table t;
    data_error err;
    if (csv_load(spec->dataset, NULL, &t, &err) != DATA_OK) {
        char line[DATA_ERROR_TEXT_MAX];
        data_error_format(&err, line, sizeof line);
        snprintf(msg, msg_size, "stepper: %s", line);
        return false;
    }
    *X = t.X;
    *Y = t.Y;
    t.X = t.Y = NULL;
    csv_table_free(&t);
    return true;
}
