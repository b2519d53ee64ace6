/*
 * trainer_fixture.h — what the trainer model's tests share: a trainer on a
 * named data set with a hidden activation and a learning rate (the rest as
 * runspec_default). Doubles are compared with dnn_test.h's assert_near.
 */
#ifndef DNN_TESTS_TRAINER_FIXTURE_H
#define DNN_TESTS_TRAINER_FIXTURE_H

#include <stdio.h>

#include "dnn_test.h"
#include "lab/trainer.h"

/* A trainer the test frees with trainer_free; fails the test when it cannot be made. */
static inline trainer *make(const char *dataset, act_kind act, double lr)
{
    char err[256] = "";
    run_spec sp = runspec_default();
    snprintf(sp.dataset, sizeof sp.dataset, "%s", dataset);
    sp.hidden_act = act;
    sp.lr = lr;
    trainer *t = trainer_new(&sp, err, sizeof err);
    if (!t)
        fail_msg("trainer_new: %s", err);
    return t;
}

#endif
