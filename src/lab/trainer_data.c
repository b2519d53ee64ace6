/*
 * trainer_data.c — the trainer's view of a data set, loaded by run_load with
 * the suggested split, and shared by count: the trainer holds one
 * reference, and a screen that predicts on a copy of the network off its
 * lock holds another, so a data set change cannot free what it reads.
 */
#include <stdatomic.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "run.h"
#include "trainer_internal.h"

typedef struct trainer_data_box {
    trainer_data d;   /* first: a trainer_data * is a box * */
    atomic_int refs;
} trainer_data_box;

trainer_data *trainer_data_open(const run_spec *spec, char *err, size_t err_size)
{
    trainer_data_box *box = calloc(1, sizeof *box);
    if (!box) {
        snprintf(err, err_size, "out of memory");
        return NULL;
    }
    trainer_data *out = &box->d;
    dataset *ds = NULL;
    if (run_load(spec, true, &ds, err, err_size)) {
        free(box);
        return NULL;
    }
    atomic_init(&box->refs, 1);
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
    return out;
}

const trainer_data *trainer_data_hold(const trainer_data *d)
{
    trainer_data_box *box = (trainer_data_box *)(void *)d;
    atomic_fetch_add(&box->refs, 1);
    return d;
}

void trainer_data_release(const trainer_data *d)
{
    if (!d)
        return;
    trainer_data_box *box = (trainer_data_box *)(void *)d;
    if (atomic_fetch_sub(&box->refs, 1) == 1) {
        dataset_free(box->d.ds);
        free(box);
    }
}
