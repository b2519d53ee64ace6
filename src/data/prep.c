/*
 * prep.c — the seeded train/test split and per-feature standardisation of
 * prep.h (numpy's permutation order; population standard deviation).
 */
#include "prep.h"

#include <math.h>
#include <stdlib.h>

#include "../core/rng.h"

size_t prep_test_count(size_t m, double fraction)
{
    if (!(fraction > 0.0) || m < 2)
        return 0;
    double want = ceil(fraction * (double)m);
    size_t n = want < 1.0 ? 1 : (size_t)want;
    return n > m - 1 ? m - 1 : n;
}

/* dst[:, k] := src[:, idx[k]] for k < dst->cols. */
static void prep_gather(mat *dst, const mat *src, const size_t *idx)
{
    for (size_t r = 0; r < src->rows; r++)
        for (size_t k = 0; k < dst->cols; k++)
            mat_set(dst, r, k, mat_get(src, r, idx[k]));
}

data_status prep_split(const mat *X, const mat *Y, double fraction, uint32_t seed,
                       mat **X_train, mat **Y_train, mat **X_test, mat **Y_test, data_error *err)
{
    *X_train = *Y_train = *X_test = *Y_test = NULL;
    size_t m = X->cols;
    if (!(fraction > 0.0 && fraction <= PREP_MAX_TEST_SPLIT))
        return data_error_set(err, DATA_BAD_ARGUMENT, NULL, 0, 0,
                              "test split %g is out of range; use a fraction in (0, %g]", fraction,
                              PREP_MAX_TEST_SPLIT);
    if (m < 2 || Y->rows != 1 || Y->cols != m)
        return data_error_set(err, DATA_BAD_ARGUMENT, NULL, 0, 0,
                              "cannot split %zu examples into a training and a test part", m);
    size_t n_test = prep_test_count(m, fraction), n_train = m - n_test;
    size_t *perm = malloc(m * sizeof *perm);
    mat *xtr = mat_new(X->rows, n_train), *ytr = mat_new(1, n_train);
    mat *xte = mat_new(X->rows, n_test), *yte = mat_new(1, n_test);
    if (perm == NULL || xtr == NULL || ytr == NULL || xte == NULL || yte == NULL) {
        free(perm);
        mat_free(xtr);
        mat_free(ytr);
        mat_free(xte);
        mat_free(yte);
        return data_error_set(err, DATA_NO_MEMORY, NULL, 0, 0, "out of memory splitting %zu examples", m);
    }
    rng g;
    rng_seed(&g, seed);
    rng_permutation(&g, perm, m);
    prep_gather(xte, X, perm);
    prep_gather(yte, Y, perm);
    prep_gather(xtr, X, perm + n_test);
    prep_gather(ytr, Y, perm + n_test);
    free(perm);
    *X_train = xtr;
    *Y_train = ytr;
    *X_test = xte;
    *Y_test = yte;
    return DATA_OK;
}

void prep_feature_stats(const mat *X, double *mean, double *std)
{
    size_t m = X->cols;
    for (size_t j = 0; j < X->rows; j++) {
        const double *row = X->v + j * m;
        double sum = 0.0;
        for (size_t i = 0; i < m; i++)
            sum += row[i];
        double mu = sum / (double)m;
        double ss = 0.0;
        for (size_t i = 0; i < m; i++) {
            double d = row[i] - mu;
            ss += d * d;
        }
        double sd = sqrt(ss / (double)m);
        mean[j] = mu;
        std[j] = sd > 0.0 ? sd : 1.0;
    }
}

void prep_apply_standardise(mat *X, const double *mean, const double *std)
{
    size_t m = X->cols;
    for (size_t j = 0; j < X->rows; j++) {
        double *row = X->v + j * m;
        for (size_t i = 0; i < m; i++)
            row[i] = (row[i] - mean[j]) / std[j];
    }
}

bool prep_standardise(mat *X_train, mat *X_test, double *mean_out, double *std_out)
{
    size_t n = X_train->rows;
    double *mean = malloc(n * sizeof *mean), *std = malloc(n * sizeof *std);
    if (mean == NULL || std == NULL) {
        free(mean);
        free(std);
        return false;
    }
    prep_feature_stats(X_train, mean, std);
    prep_apply_standardise(X_train, mean, std);
    if (X_test != NULL)
        prep_apply_standardise(X_test, mean, std);
    for (size_t j = 0; j < n; j++) {
        if (mean_out != NULL)
            mean_out[j] = mean[j];
        if (std_out != NULL)
            std_out[j] = std[j];
    }
    free(mean);
    free(std);
    return true;
}
