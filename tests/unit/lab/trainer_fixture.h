/*
 * trainer_fixture.h — what the trainer model's tests share: a trainer on a
 * named data set with a hidden activation and a learning rate (the rest as
 * runspec_default), and a float comparison that names the expression.
 * Include after <cmocka.h>.
 */
#ifndef DNN_TESTS_TRAINER_FIXTURE_H
#define DNN_TESTS_TRAINER_FIXTURE_H

#include <math.h>
#include <stdio.h>

#include "lab/trainer.h"

/* |a − b| <= eps, reporting both values when not. */
#define assert_double_equal(a, b, eps) assert_close_at((a), (b), (eps), #a, __FILE__, __LINE__)
static inline void assert_close_at(double a, double b, double eps, const char *what, const char *file, int line)
{
    if (!(fabs(a - b) <= eps))
        fail_msg("%s:%d: %s = %.9g, expected %.9g (within %g)", file, line, what, a, b, eps);
}

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
