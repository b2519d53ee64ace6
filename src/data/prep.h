/*
 * prep.h — getting a data set ready for training: a seeded train/test split
 * and per-feature standardisation.
 *
 *   split         np.random.seed(seed); p = np.random.permutation(m)
 *                 test  = columns p[0 … n_test)          n_test = ceil(fraction · m)
 *                 train = columns p[n_test … m)          (scikit-learn's ShuffleSplit order)
 *
 *   standardise   for each feature (row) j of the TRAINING X:
 *                   μ_j = (1/m) Σ_i x_j⁽ⁱ⁾      σ_j = sqrt((1/m) Σ_i (x_j⁽ⁱ⁾ − μ_j)²)
 *                 x_j := (x_j − μ_j) / σ_j on train and test alike (σ_j = 0 → 1)
 *
 * The test part is scaled with the training part's μ and σ: the model must not
 * peek at the test examples, not even through their mean.
 */
#ifndef DNN_DATA_PREP_H
#define DNN_DATA_PREP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/matrix.h"
#include "data_error.h"

/* The largest fraction a test split may hold. */
#define PREP_MAX_TEST_SPLIT 0.9

/* Examples a split of m sends to the test part: ceil(fraction · m), and at
 * least 1 and at most m − 1 when 0 < fraction; 0 when fraction is 0. */
size_t prep_test_count(size_t m, double fraction);

/* Splits the columns of X (n_x, m) and Y (1, m) as described above. On
 * DATA_OK the four outputs are new matrices the caller frees; on failure
 * they are all NULL and err says why: DATA_BAD_ARGUMENT when fraction is not
 * in (0, PREP_MAX_TEST_SPLIT] or m < 2, DATA_NO_MEMORY. X and Y are left
 * alone. err->file is left empty. */
data_status prep_split(const mat *X, const mat *Y, double fraction, uint32_t seed,
                       mat **X_train, mat **Y_train, mat **X_test, mat **Y_test, data_error *err);

/* Per-row mean and population standard deviation of X (n_x, m), as above;
 * mean and std have X->rows entries; a constant row gets std 1. */
void prep_feature_stats(const mat *X, double *mean, double *std);
/* x_j := (x_j − mean_j) / std_j for every row j of X. */
void prep_apply_standardise(mat *X, const double *mean, const double *std);
/* Standardises X_train with its own statistics and X_test (may be NULL; same
 * rows) with the same ones. If mean_out / std_out are non-NULL they receive
 * the statistics (X_train->rows entries each). False when memory runs out
 * (nothing changed). */
bool prep_standardise(mat *X_train, mat *X_test, double *mean_out, double *std_out);

#endif
