/* Train/test split and standardisation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "dnn_test.h"

#include <math.h>
#include <string.h>

#include "prep.h"

/* X (2, m): row 0 holds 0 … m−1 (so a column can be traced), row 1 holds 2i;
 * Y marks odd columns. */
static void make_traceable(size_t m, mat **X, mat **Y)
{
    *X = mat_new(2, m);
    *Y = mat_new(1, m);
    for (size_t i = 0; i < m; i++) {
        mat_set(*X, 0, i, (double)i);
        mat_set(*X, 1, i, 2.0 * (double)i);
        mat_set(*Y, 0, i, (double)(i % 2));
    }
}

static void the_test_count_is_the_ceiling_and_leaves_both_parts_non_empty(void **state)
{
    (void)state;
    assert_int_equal(prep_test_count(569, 0.2), 114); /* ceil(113.8), as scikit-learn */
    assert_int_equal(prep_test_count(400, 0.25), 100);
    assert_int_equal(prep_test_count(10, 0.01), 1);
    assert_int_equal(prep_test_count(2, 0.9), 1);
    assert_int_equal(prep_test_count(400, 0.0), 0);
}

static void a_split_partitions_the_examples_by_numpys_permutation(void **state)
{
    (void)state;
    mat *X, *Y, *xtr, *ytr, *xte, *yte;
    make_traceable(10, &X, &Y);
    assert_int_equal(prep_split(X, Y, 0.3, 0, &xtr, &ytr, &xte, &yte, NULL), DATA_OK);
    assert_int_equal(xte->cols, 3);
    assert_int_equal(xtr->cols, 7);
    assert_int_equal(ytr->cols, 7);
    /* np.random.seed(0); np.random.permutation(10) = [2 8 4 9 1 6 7 3 0 5] */
    static const double want_test[] = {2, 8, 4}, want_train[] = {9, 1, 6, 7, 3, 0, 5};
    for (size_t k = 0; k < 3; k++)
        assert_exact(mat_get(xte, 0, k), want_test[k]);
    for (size_t k = 0; k < 7; k++)
        assert_exact(mat_get(xtr, 0, k), want_train[k]);
    /* columns move whole: row 1 and Y follow row 0 */
    for (size_t k = 0; k < 7; k++) {
        double i = mat_get(xtr, 0, k);
        assert_exact(mat_get(xtr, 1, k), 2.0 * i);
        assert_exact(mat_get(ytr, 0, k), fmod(i, 2.0));
    }
    mat_free(xtr);
    mat_free(ytr);
    mat_free(xte);
    mat_free(yte);
    mat_free(X);
    mat_free(Y);
}

static void a_split_is_the_same_for_a_seed_and_differs_between_seeds(void **state)
{
    (void)state;
    mat *X, *Y, *a[4], *b[4], *c[4];
    make_traceable(400, &X, &Y);
    assert_int_equal(prep_split(X, Y, 0.25, 5, &a[0], &a[1], &a[2], &a[3], NULL), DATA_OK);
    assert_int_equal(prep_split(X, Y, 0.25, 5, &b[0], &b[1], &b[2], &b[3], NULL), DATA_OK);
    assert_int_equal(prep_split(X, Y, 0.25, 6, &c[0], &c[1], &c[2], &c[3], NULL), DATA_OK);
    assert_exact(mat_max_abs_diff(a[0], b[0]), 0.0);
    assert_exact(mat_max_abs_diff(a[2], b[2]), 0.0);
    assert_true(mat_max_abs_diff(a[2], c[2]) > 0.0);
    /* every example is in exactly one part */
    int seen[400];
    memset(seen, 0, sizeof seen);
    for (size_t k = 0; k < a[0]->cols; k++)
        seen[(int)mat_get(a[0], 0, k)]++;
    for (size_t k = 0; k < a[2]->cols; k++)
        seen[(int)mat_get(a[2], 0, k)]++;
    for (int i = 0; i < 400; i++)
        assert_int_equal(seen[i], 1);
    for (int k = 0; k < 4; k++) {
        mat_free(a[k]);
        mat_free(b[k]);
        mat_free(c[k]);
    }
    mat_free(X);
    mat_free(Y);
}

static void a_split_refuses_a_fraction_out_of_range(void **state)
{
    (void)state;
    mat *X, *Y, *o[4];
    make_traceable(10, &X, &Y);
    data_error err;
    assert_int_equal(prep_split(X, Y, 0.95, 1, &o[0], &o[1], &o[2], &o[3], &err), DATA_BAD_ARGUMENT);
    assert_non_null(strstr(err.message, "out of range"));
    assert_null(o[0]);
    assert_null(o[2]);
    assert_int_equal(prep_split(X, Y, 0.0, 1, &o[0], &o[1], &o[2], &o[3], &err), DATA_BAD_ARGUMENT);
    assert_int_equal(prep_split(X, Y, NAN, 1, &o[0], &o[1], &o[2], &o[3], &err), DATA_BAD_ARGUMENT);
    mat_free(X);
    mat_free(Y);
}

static void standardising_uses_the_training_mean_and_population_std(void **state)
{
    (void)state;
    /* row 0: 1 2 3 4 → μ 2.5, σ = sqrt(1.25); row 1 constant 7 → σ taken as 1 */
    mat *tr = mat_new(2, 4), *te = mat_new(2, 1);
    for (size_t i = 0; i < 4; i++) {
        mat_set(tr, 0, i, (double)(i + 1));
        mat_set(tr, 1, i, 7.0);
    }
    mat_set(te, 0, 0, 5.0);
    mat_set(te, 1, 0, 9.0);
    double mean[2], std[2];
    assert_true(prep_standardise(tr, te, mean, std));
    assert_near(mean[0], 2.5, 0);
    assert_near(std[0], sqrt(1.25), 1e-15);
    assert_near(mean[1], 7.0, 0);
    assert_near(std[1], 1.0, 0);
    assert_near(mat_get(tr, 0, 0), (1 - 2.5) / sqrt(1.25), 1e-12);
    assert_exact(mat_get(tr, 1, 3), 0.0);
    /* the test column is scaled with the training numbers, not its own */
    assert_near(mat_get(te, 0, 0), (5 - 2.5) / sqrt(1.25), 1e-12);
    assert_exact(mat_get(te, 1, 0), 2.0);
    /* afterwards each training row has mean 0 and std 1 */
    double m2[2], s2[2];
    prep_feature_stats(tr, m2, s2);
    assert_near(m2[0], 0, 1e-12);
    assert_near(s2[0], 1.0, 1e-12);
    mat_free(tr);
    mat_free(te);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_test_count_is_the_ceiling_and_leaves_both_parts_non_empty),
        cmocka_unit_test(a_split_partitions_the_examples_by_numpys_permutation),
        cmocka_unit_test(a_split_is_the_same_for_a_seed_and_differs_between_seeds),
        cmocka_unit_test(a_split_refuses_a_fraction_out_of_range),
        cmocka_unit_test(standardising_uses_the_training_mean_and_population_std),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
