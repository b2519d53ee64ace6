/*
 * stepper_fixture.h — steppers for the tests: the course's planar network
 * (seed 1 data, n_h = 4, course-w3 init) and small networks of any depth on
 * a tiny fixed data set.
 */
#ifndef TEST_STEPPER_FIXTURE_H
#define TEST_STEPPER_FIXTURE_H

#include <math.h>
#include <stdlib.h>

#include "core/network.h"
#include "data/generate.h"
#include "lab/stepper.h"

/* The week-3 stepper: planar (seed 1, m = 400), 2-4-1 tanh/sigmoid, lr 1.2. */
static inline stepper *fixture_planar(void)
{
    mat *X = mat_new(2, GEN_DEFAULT_M), *Y = mat_new(1, GEN_DEFAULT_M);
    if (!X || !Y || !gen_planar(1, X, Y))
        return NULL;
    int dims[] = {2, 4, 1};
    nn_config cfg = nn_config_make(dims, 3, ACT_TANH, NN_INIT_COURSE_W3);
    char err[256];
    return stepper_new_with_data(&cfg, X, Y, 1.2, "planar", err, sizeof err);
}

/* A network with layer sizes dims[0 … count) on 6 examples of dims[0]
 * features: x_ij = sin(i + 2j) (not all equal, so no gradient is zero),
 * labels alternate 0, 1. course-w4 init so the weights are not tiny. */
static inline stepper *fixture_tiny(const int *dims, int count, act_kind hidden)
{
    const size_t m = 6;
    mat *X = mat_new((size_t)dims[0], m), *Y = mat_new(1, m);
    if (!X || !Y)
        return NULL;
    for (size_t i = 0; i < X->rows; i++)
        for (size_t j = 0; j < m; j++)
            mat_set(X, i, j, sin((double)i + 2.0 * (double)j));
    for (size_t j = 0; j < m; j++)
        mat_set(Y, 0, j, (double)(j % 2));
    nn_config cfg = nn_config_make(dims, count, hidden, NN_INIT_COURSE_W4);
    char err[256];
    return stepper_new_with_data(&cfg, X, Y, 0.5, "tiny", err, sizeof err);
}

#endif
