/*
 * notebook.c — numpy's summation order and the notebooks' accuracy formulas
 * (notebook.h).
 */
#include "notebook.h"

#include <math.h>
#include <stdlib.h>

/* numpy's pairwise_sum for float64 (umath/loops_utils.h): below 8 values a
 * plain loop; up to 128, eight running sums combined as
 * ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7)), then the tail; above,
 * the two halves (the first a multiple of 8) summed alone and added. */
static double notebook_pairwise(const double *a, size_t n)
{
    if (n < 8) {
        double res = 0.0;
        for (size_t i = 0; i < n; i++)
            res += a[i];
        return res;
    }
    if (n <= 128) {
        double r[8];
        for (size_t j = 0; j < 8; j++)
            r[j] = a[j];
        size_t i;
        for (i = 8; i < n - (n % 8); i += 8)
            for (size_t j = 0; j < 8; j++)
                r[j] += a[i + j];
        double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; i++)
            res += a[i];
        return res;
    }
    size_t n2 = n / 2;
    n2 -= n2 % 8;
    return notebook_pairwise(a, n2) + notebook_pairwise(a + n2, n - n2);
}

double notebook_np_sum(const double *a, size_t n)
{
    /* numpy 1.24 (Debian 12) sums the whole array pairwise, from add's identity 0 */
    return 0.0 + notebook_pairwise(a, n);
}

/* p = (A[L] > 0.5) for every column of X; NULL on error. */
static mat *notebook_predictions(const nn_net *net, const mat *X, const mat *Y)
{
    if (X == NULL || Y == NULL || Y->rows != 1 || Y->cols != X->cols)
        return NULL;
    mat *P = mat_new(1, X->cols);
    if (P == NULL)
        return NULL;
    if (nn_predict_proba(net, X, P) != NN_OK) {
        mat_free(P);
        return NULL;
    }
    for (size_t i = 0; i < P->cols; i++)
        P->v[i] = P->v[i] > 0.5 ? 1.0 : 0.0;
    return P;
}

double notebook_w2_accuracy(const nn_net *net, const mat *X, const mat *Y)
{
    mat *P = notebook_predictions(net, X, Y);
    if (P == NULL)
        return NAN;
    size_t m = P->cols, wrong = 0;
    for (size_t i = 0; i < m; i++)
        wrong += P->v[i] != Y->v[i];
    mat_free(P);
    /* np.mean of 0/1 values: an exact sum divided by m */
    return 100.0 - ((double)wrong / (double)m) * 100.0;
}

double notebook_w4_accuracy(const nn_net *net, const mat *X, const mat *Y)
{
    mat *P = notebook_predictions(net, X, Y);
    if (P == NULL)
        return NAN;
    size_t m = P->cols;
    /* (p == y) / m: each value is True / m = 1 / m or 0.0 */
    for (size_t i = 0; i < m; i++)
        P->v[i] = (P->v[i] == Y->v[i]) ? 1.0 / (double)m : 0.0;
    double sum = notebook_np_sum(P->v, m);
    mat_free(P);
    return sum;
}
