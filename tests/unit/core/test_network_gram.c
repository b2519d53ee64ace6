/* Logistic regression through the Gram matrix (network_gram.c): the same
 * iterations as nn_iterate up to rounding, W written back at the end, G kept
 * for the bound examples only, divergence caught, and the form refused where
 * it does not pay. */
#include "dnn_test.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "network.h"

enum { N_FEATURES = 600, M_EXAMPLES = 40 };

/* A deterministic fill in [0, 1) (pixel-like) and 0/1 labels. */
static void fill_data(mat *X, mat *Y, unsigned seed)
{
    uint64_t s = 0x9E3779B97F4A7C15ull * (seed + 1);
    for (size_t i = 0; i < mat_size(X); i++) {
        s ^= s << 13, s ^= s >> 7, s ^= s << 17;
        X->v[i] = (double)(s >> 11) / 9007199254740992.0;
    }
    for (size_t j = 0; j < Y->cols; j++)
        Y->v[j] = (double)((j * 7 + seed) % 3 == 0);
}

static nn_net *logreg(const mat *X, const mat *Y, nn_init_kind init)
{
    nn_config cfg = nn_config_make((int[]){(int)X->rows, 1}, 2, ACT_TANH, init);
    nn_net *net = nn_new(&cfg);
    assert_non_null(net);
    assert_int_equal(nn_bind(net, X, Y), NN_OK);
    return net;
}

/* Runs `n` iterations through the Gram form (which must be taken), the
 * costs of every iteration into costs[]. */
static void run_fast(nn_net *net, long n, double lr, double *costs)
{
    assert_true(nn_fast_begin(net, n));
    for (long i = 0; i < n; i++) {
        assert_int_equal(nn_fast_iterate(net, lr, true), NN_OK);
        costs[i] = nn_cost(net);
    }
    nn_fast_end(net);
}

static void expect_same_matrix(const mat *got, const mat *want, double rtol)
{
    assert_int_equal(mat_size(got), mat_size(want));
    for (size_t i = 0; i < mat_size(got); i++)
        assert_close(got->v[i], want->v[i], rtol, 1e-13);
}

/* From random (course-w4) weights: 300 iterations, in two runs of 120 and
 * 180 (G computed once, W written back in between), equal the direct loop's
 * costs, W, b, dW and db to 1e-10. */
static void the_gram_form_trains_as_the_direct_loop(void **state)
{
    (void)state;
    mat *X = mat_new(N_FEATURES, M_EXAMPLES), *Y = mat_new(1, M_EXAMPLES);
    fill_data(X, Y, 1);
    nn_net *direct = logreg(X, Y, NN_INIT_COURSE_W4), *fast = logreg(X, Y, NN_INIT_COURSE_W4);
    const double lr = 0.05;
    double want[300], got[300];
    for (int i = 0; i < 300; i++) {
        assert_int_equal(nn_iterate(direct, lr, true), NN_OK);
        want[i] = nn_cost(direct);
    }
    run_fast(fast, 120, lr, got);
    run_fast(fast, 180, lr, got + 120);
    for (int i = 0; i < 300; i++)
        assert_close(got[i], want[i], 1e-10, 0);
    assert_true(want[299] < want[0] * 0.8); /* it did learn: the check is not vacuous */
    assert_int_equal(nn_iterations(fast), 300);
    expect_same_matrix(nn_value_of(fast, NN_W, 1), nn_value_of(direct, NN_W, 1), 1e-10);
    expect_same_matrix(nn_value_of(fast, NN_B, 1), nn_value_of(direct, NN_B, 1), 1e-10);
    expect_same_matrix(nn_value_of(fast, NN_DW, 1), nn_value_of(direct, NN_DW, 1), 1e-8);
    expect_same_matrix(nn_value_of(fast, NN_DB, 1), nn_value_of(direct, NN_DB, 1), 1e-8);
    assert_close(nn_accuracy(fast, X, Y), nn_accuracy(direct, X, Y), 0, 0);
    nn_free(direct), nn_free(fast);
    mat_free(X), mat_free(Y);
}

/* Rebinding to other examples drops G: the next run is computed for the new
 * X (equal to the direct loop on it), not with the old G. */
static void rebinding_computes_g_for_the_new_examples(void **state)
{
    (void)state;
    mat *X1 = mat_new(N_FEATURES, M_EXAMPLES), *X2 = mat_new(N_FEATURES, M_EXAMPLES);
    mat *Y = mat_new(1, M_EXAMPLES);
    fill_data(X1, Y, 2);
    fill_data(X2, Y, 3);
    nn_net *fast = logreg(X1, Y, NN_INIT_ZEROS), *direct = logreg(X2, Y, NN_INIT_ZEROS);
    double c[50], want[50];
    run_fast(fast, 50, 0.05, c);
    nn_reinit(fast);
    assert_int_equal(nn_bind(fast, X2, Y), NN_OK);
    run_fast(fast, 50, 0.05, c);
    for (int i = 0; i < 50; i++) {
        assert_int_equal(nn_iterate(direct, 0.05, true), NN_OK);
        want[i] = nn_cost(direct);
    }
    for (int i = 0; i < 50; i++)
        assert_close(c[i], want[i], 1e-10, 0);
    nn_free(fast), nn_free(direct);
    mat_free(X1), mat_free(X2), mat_free(Y);
}

/* A rate so large that an output saturates on the wrong side: the Gram
 * form reports NN_DIVERGED as the direct loop does, and W is still written
 * back. */
static void a_saturated_output_diverges(void **state)
{
    (void)state;
    mat *X = mat_new(N_FEATURES, M_EXAMPLES), *Y = mat_new(1, M_EXAMPLES);
    fill_data(X, Y, 4);
    nn_net *net = logreg(X, Y, NN_INIT_ZEROS);
    assert_true(nn_fast_begin(net, 1000));
    nn_status st = NN_OK;
    long i = 0;
    for (; i < 1000 && st == NN_OK; i++)
        st = nn_fast_iterate(net, 1e6, true);
    nn_fast_end(net);
    assert_int_equal(st, NN_DIVERGED);
    assert_true(i < 1000);
    assert_true(mat_all_finite(nn_value_of(net, NN_W, 1)));
    nn_free(net);
    mat_free(X), mat_free(Y);
}

/* Where the form does not pay it is refused and the caller uses nn_iterate:
 * two layers, narrow inputs, a run too short to repay G, nothing bound. */
static void the_form_is_refused_where_it_does_not_pay(void **state)
{
    (void)state;
    mat *X = mat_new(N_FEATURES, M_EXAMPLES), *Y = mat_new(1, M_EXAMPLES);
    fill_data(X, Y, 5);
    nn_config two = nn_config_make((int[]){N_FEATURES, 3, 1}, 3, ACT_TANH, NN_INIT_COURSE_W3);
    nn_net *deep = nn_new(&two);
    assert_false(nn_fast_begin(deep, 1000)); /* not bound */
    assert_int_equal(nn_bind(deep, X, Y), NN_OK);
    assert_false(nn_fast_begin(deep, 1000));
    nn_net *net = logreg(X, Y, NN_INIT_ZEROS);
    assert_false(nn_fast_begin(net, M_EXAMPLES / 2 - 1)); /* G would cost more than it saves */
    assert_true(nn_fast_begin(net, M_EXAMPLES / 2));
    nn_fast_end(net);
    assert_true(nn_fast_begin(net, 1)); /* G is kept: any run pays now */
    nn_fast_end(net);
    mat *Xn = mat_new(2 * M_EXAMPLES - 1, M_EXAMPLES); /* fewer than two features per example */
    fill_data(Xn, Y, 6);
    nn_net *narrow = logreg(Xn, Y, NN_INIT_ZEROS);
    assert_false(nn_fast_begin(narrow, 1000));
    nn_free(deep), nn_free(net), nn_free(narrow);
    mat_free(X), mat_free(Xn), mat_free(Y);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_gram_form_trains_as_the_direct_loop),
        cmocka_unit_test(rebinding_computes_g_for_the_new_examples),
        cmocka_unit_test(a_saturated_output_diverges),
        cmocka_unit_test(the_form_is_refused_where_it_does_not_pay),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
