/*
 * cost.c — J = −(1/m) Σ [y log a + (1 − y) log(1 − a)].
 */
#include "cost.h"

#include <assert.h>
#include <math.h>

double cost_cross_entropy(const mat *AL, const mat *Y)
{
    assert(mat_same_shape(AL, Y) && AL->rows == 1);
    const size_t m = AL->cols;
    double sum = 0.0;
    for (size_t i = 0; i < m; i++) {
        const double a = AL->v[i], y = Y->v[i];
        /* logprobs = Y log(A) + (1 − Y) log(1 − A); a label of exactly 0 or 1
         * skips the term it zeroes, so a saturated but right a gives a finite J. */
        double lp = 0.0;
        if (y != 0.0)
            lp += y * log(a);
        if (y != 1.0)
            lp += (1.0 - y) * log(1.0 - a);
        sum += lp;
    }
    return -sum / (double)m;
}
