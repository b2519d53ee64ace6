/* Backpropagation agrees with central differences for a 3-layer network
 * with each hidden activation, on weights that are not trivially small; a
 * wide network is checked on a budgeted, repeatable sample of its entries,
 * and a broken gradient at a sampled entry is caught. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "dnn_test.h"

#include <math.h>

#include "gradcheck.h"
#include "rng.h"

static void make_data(mat **X, mat **Y)
{
    rng r;
    rng_seed(&r, 7);
    *X = mat_new(3, 6);
    *Y = mat_new(1, 6);
    rng_fill_randn(&r, *X);
    for (int i = 0; i < 6; i++)
        (*Y)->v[i] = (i * 5 % 3) == 0;
}

static void each_activation_passes_the_gradient_check(void **state)
{
    (void)state;
    mat *X, *Y;
    make_data(&X, &Y);
    for (int k = 0; k < ACT_COUNT; k++) {
        nn_config cfg = nn_config_make((int[]){3, 4, 3, 1}, 4, (act_kind)k, NN_INIT_COURSE_W4);
        cfg.seed = 11;
        nn_net *net = nn_new(&cfg);
        assert_non_null(net);
        /* Non-zero biases so ReLU kinks are not sat on and b gets a real gradient. */
        for (int l = 1; l <= 3; l++) {
            mat *b = nn_param(net, NN_B, l);
            for (size_t i = 0; i < mat_size(b); i++)
                b->v[i] = 0.1 * (double)(i + 1) * (l % 2 ? 1 : -1);
        }
        nn_bind(net, X, Y);
        gc_result res;
        assert_int_equal(gc_check(net, 1e-7, &res), NN_OK);
        if (!(res.difference < 1e-7))
            fail_msg("%s: relative difference %.3g", act_name((act_kind)k), res.difference);
        for (int l = 1; l <= 3; l++) {
            assert_true(res.layer[l].dW_norm > 1e-6); /* the gradient is not zero */
            assert_true(res.layer[l].dW_difference < 1e-6);
            assert_true(res.layer[l].db_difference < 1e-6);
        }
        nn_free(net);
    }
    mat_free(X), mat_free(Y);
}

static void the_check_leaves_the_network_unchanged(void **state)
{
    (void)state;
    mat *X, *Y;
    make_data(&X, &Y);
    nn_config cfg = nn_config_make((int[]){3, 2, 1}, 3, ACT_TANH, NN_INIT_COURSE_W3);
    nn_net *net = nn_new(&cfg);
    nn_bind(net, X, Y);
    mat *before = mat_clone(nn_value_of(net, NN_W, 1));
    gc_result res;
    gc_check(net, 1e-7, &res);
    assert_exact(mat_max_abs_diff(before, nn_value_of(net, NN_W, 1)), 0.0);
    assert_false(nn_has(net, NN_DW, 1));
    mat_free(before);
    nn_free(net);
    mat_free(X), mat_free(Y);
}

static void an_unbound_network_is_a_bad_argument(void **state)
{
    (void)state;
    nn_config cfg = nn_config_make((int[]){3, 2, 1}, 3, ACT_TANH, NN_INIT_COURSE_W3);
    nn_net *net = nn_new(&cfg);
    gc_result res;
    assert_int_equal(gc_check(net, 1e-7, &res), NN_BAD_ARGUMENT);
    nn_free(net);
}

/* The wide network of the sampled tests: 4096-20-1 (tanh) on 4 examples,
 * 81,961 parameters; a pass is 4·(20·4097 + 21) = 327,844 multiply-adds. */
#define WIDE_BUDGET 1e8
static nn_net *wide_net(mat **X, mat **Y)
{
    rng r;
    rng_seed(&r, 5);
    *X = mat_new(4096, 4);
    *Y = mat_new(1, 4);
    rng_fill_randn(&r, *X);
    for (int i = 0; i < 4; i++)
        (*Y)->v[i] = i % 2;
    nn_config cfg = nn_config_make((int[]){4096, 20, 1}, 3, ACT_TANH, NN_INIT_COURSE_W4);
    nn_net *net = nn_new(&cfg);
    assert_non_null(net);
    mat *b = nn_param(net, NN_B, 1);
    for (size_t i = 0; i < mat_size(b); i++)
        b->v[i] = 0.05 * (double)i - 0.4;
    assert_int_equal(nn_bind(net, *X, *Y), NN_OK);
    return net;
}

static void a_wide_network_is_checked_on_a_budgeted_repeatable_sample(void **state)
{
    (void)state;
    mat *X, *Y;
    nn_net *net = wide_net(&X, &Y);
    assert_exact(gc_pass_madds(net), 327844.0);
    gc_plan plan;
    assert_true(gc_plan_within(net, WIDE_BUDGET, &plan));
    /* ⌊1e8 / (2 · 327,844)⌋ = 152 entries: b[2] (1) and b[1], W[2] (20
     * each) whole, the other 111 spread over W[1]. */
    assert_int_equal(plan.total, 81961);
    assert_int_equal(plan.checked, 152);
    assert_int_equal(plan.b_count[2], 1);
    assert_int_equal(plan.b_count[1], 20);
    assert_int_equal(plan.W_count[2], 20);
    assert_int_equal(plan.W_count[1], 111);
    assert_true(plan.madds <= WIDE_BUDGET);
    /* The sampled entries ascend, one per stratum, inside the matrix. */
    size_t prev = 0;
    for (size_t i = 0; i < plan.W_count[1]; i++) {
        size_t at = gc_sample_index(81920, plan.W_count[1], i);
        assert_true(at >= i * 81920 / 111 && at < (i + 1) * 81920 / 111);
        assert_true(i == 0 || at > prev);
        prev = at;
    }
    gc_result a, b;
    assert_int_equal(gc_check_plan(net, 1e-7, &plan, &a), NN_OK);
    assert_int_equal(gc_check_plan(net, 1e-7, &plan, &b), NN_OK);
    assert_int_equal(a.checked, 152);
    assert_int_equal(a.total, 81961);
    assert_true(a.difference == b.difference && a.layer[1].dW_difference == b.layer[1].dW_difference);
    assert_true(a.layer[1].dW_norm > 1e-6);
    if (!(a.difference < 1e-7))
        fail_msg("relative difference %.3g on the sample", a.difference);
    nn_free(net);
    mat_free(X), mat_free(Y);
}

/* The analytic gradients of net's parameters, from one iteration with α = 0. */
static nn_net *gradients_of(const nn_net *net, const mat *dW[], const mat *db[])
{
    nn_net *g = nn_clone(net);
    assert_int_equal(nn_iterate(g, 0.0, true), NN_OK);
    for (int l = 1; l <= nn_layers(g); l++) {
        dW[l] = mat_clone(nn_value_of(g, NN_DW, l));
        db[l] = mat_clone(nn_value_of(g, NN_DB, l));
    }
    return g;
}

static void a_wrong_gradient_at_a_sampled_entry_is_flagged(void **state)
{
    (void)state;
    mat *X, *Y;
    nn_net *net = wide_net(&X, &Y);
    gc_plan plan;
    assert_true(gc_plan_within(net, WIDE_BUDGET, &plan));
    const mat *dW[NN_MAX_LAYERS + 1] = {0}, *db[NN_MAX_LAYERS + 1] = {0};
    nn_net *g = gradients_of(net, dW, db);
    gc_result res;
    assert_int_equal(gc_compare(net, 1e-7, &plan, dW, db, &res), NN_OK);
    assert_true(res.layer[1].dW_difference < 1e-7);

    /* An entry between two sampled ones is not visited: no difference. */
    mat *bad = (mat *)dW[1];
    size_t hit = gc_sample_index(81920, plan.W_count[1], 57);
    size_t miss = hit + 1;
    assert_true(miss < gc_sample_index(81920, plan.W_count[1], 58));
    bad->v[miss] += 0.5;
    assert_int_equal(gc_compare(net, 1e-7, &plan, dW, db, &res), NN_OK);
    assert_true(res.layer[1].dW_difference < 1e-7);
    bad->v[miss] -= 0.5;

    /* A sampled entry off by 0.5: W[1]'s and the whole difference show it. */
    bad->v[hit] += 0.5;
    assert_int_equal(gc_compare(net, 1e-7, &plan, dW, db, &res), NN_OK);
    if (!(res.layer[1].dW_difference > 1e-3 && res.difference > 1e-3))
        fail_msg("a wrong sampled gradient passed: %.3g", res.layer[1].dW_difference);
    assert_true(res.layer[2].dW_difference < 1e-7);

    for (int l = 1; l <= 2; l++)
        mat_free((mat *)dW[l]), mat_free((mat *)db[l]);
    nn_free(g);
    nn_free(net);
    mat_free(X), mat_free(Y);
}

static void a_small_network_within_the_budget_checks_every_parameter(void **state)
{
    (void)state;
    mat *X, *Y;
    make_data(&X, &Y);
    nn_config cfg = nn_config_make((int[]){3, 4, 3, 1}, 4, ACT_TANH, NN_INIT_COURSE_W4);
    nn_net *net = nn_new(&cfg);
    nn_bind(net, X, Y);
    gc_plan plan;
    assert_true(gc_plan_within(net, WIDE_BUDGET, &plan));
    assert_int_equal(plan.total, 12 + 4 + 12 + 3 + 3 + 1);
    assert_int_equal(plan.checked, plan.total);
    gc_result all, planned;
    assert_int_equal(gc_check(net, 1e-7, &all), NN_OK);
    assert_int_equal(gc_check_plan(net, 1e-7, &plan, &planned), NN_OK);
    assert_int_equal(all.checked, all.total);
    assert_true(all.difference == planned.difference);
    for (size_t i = 0; i < 16; i++)
        assert_int_equal(gc_sample_index(16, 16, i), i);
    nn_free(net);
    mat_free(X), mat_free(Y);
}

static void a_network_too_big_for_one_entry_per_matrix_is_refused(void **state)
{
    (void)state;
    mat *X, *Y;
    nn_net *net = wide_net(&X, &Y);
    gc_plan plan;
    /* 4 matrices need 8 passes: 7 do not do. */
    assert_false(gc_plan_within(net, 7 * 327844.0, &plan));
    assert_int_equal(plan.checked, 0);
    assert_int_equal(plan.total, 81961);
    assert_true(gc_plan_within(net, 8 * 327844.0, &plan));
    assert_int_equal(plan.checked, 4);
    nn_free(net);
    mat_free(X), mat_free(Y);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(each_activation_passes_the_gradient_check),
        cmocka_unit_test(the_check_leaves_the_network_unchanged),
        cmocka_unit_test(an_unbound_network_is_a_bad_argument),
        cmocka_unit_test(a_wide_network_is_checked_on_a_budgeted_repeatable_sample),
        cmocka_unit_test(a_wrong_gradient_at_a_sampled_entry_is_flagged),
        cmocka_unit_test(a_small_network_within_the_budget_checks_every_parameter),
        cmocka_unit_test(a_network_too_big_for_one_entry_per_matrix_is_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
