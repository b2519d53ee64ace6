/* The network: the course's initialisations, the operation sequence, one
 * iteration checked by hand, and divergence as a state. */
#include "dnn_test.h"

#include <math.h>
#include <string.h>

#include "cost.h"
#include "network.h"

static nn_net *make(const int *dims, int count, act_kind hidden, nn_init_kind init)
{
    nn_config cfg = nn_config_make(dims, count, hidden, init);
    nn_net *net = nn_new(&cfg);
    assert_non_null(net);
    return net;
}

static void expect_first(const mat *m, const double *want, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (fabs(m->v[i] - want[i]) > 5e-9)
            fail_msg("element %zu: got %.10f, course gives %.8f", i, m->v[i], want[i]);
}

/* The week-3 notebook's initialize_parameters(2, 4, 1) with np.random.seed(2). */
static void week3_init_gives_the_course_weights(void **state)
{
    (void)state;
    nn_net *net = make((int[]){2, 4, 1}, 3, ACT_TANH, NN_INIT_COURSE_W3);
    expect_first(nn_value_of(net, NN_W, 1),
                 (double[]){-0.00416758, -0.00056267, -0.02136196, 0.01640271,
                            -0.01793436, -0.00841747, 0.00502881, -0.01245288}, 8);
    expect_first(nn_value_of(net, NN_W, 2), (double[]){-0.01057952, -0.00909008, 0.00551454, 0.02292208}, 4);
    for (int l = 1; l <= 2; l++) {
        const mat *b = nn_value_of(net, NN_B, l);
        for (size_t i = 0; i < mat_size(b); i++)
            assert_exact(b->v[i], 0.0);
    }
    nn_free(net);
}

/* initialize_parameters_deep([5, 4, 3]) with seed 3 and ×0.01: the first row
 * of W1 is the course's; our output layer must be 1 unit, so use [5, 4, 1]. */
static void scaled_init_with_seed_3_gives_the_deep_exercise_row(void **state)
{
    (void)state;
    nn_config cfg = nn_config_make((int[]){5, 4, 1}, 3, ACT_RELU, NN_INIT_COURSE_W3);
    cfg.seed = 3;
    nn_net *net = nn_new(&cfg);
    const mat *W1 = nn_value_of(net, NN_W, 1);
    assert_int_equal(W1->rows, 4);
    assert_int_equal(W1->cols, 5);
    expect_first(W1, (double[]){0.01788628, 0.0043651, 0.00096497, -0.01863493, -0.00277388}, 5);
    nn_free(net);
}

/* course-w4: seed 1, W[l] = randn(n[l], n[l−1]) / sqrt(n[l−1]). */
static void week4_init_divides_by_the_root_of_the_fan_in(void **state)
{
    (void)state;
    nn_net *net = make((int[]){4, 2, 1}, 3, ACT_RELU, NN_INIT_COURSE_W4);
    const mat *W1 = nn_value_of(net, NN_W, 1);
    assert_near(W1->v[0], 1.62434536 / 2.0, 5e-9);
    assert_near(W1->v[1], -0.61175641 / 2.0, 5e-9);
    const mat *W2 = nn_value_of(net, NN_W, 2); /* draws 9 and 10 of seed 1, / sqrt(2) */
    assert_near(W2->v[0], 0.3190391 / sqrt(2.0), 5e-8);
    nn_free(net);
}

static void configs_the_core_cannot_run_are_refused_with_a_reason(void **state)
{
    (void)state;
    char msg[128];
    nn_config cfg = nn_config_make((int[]){2, 4, 3}, 3, ACT_TANH, NN_INIT_COURSE_W3);
    assert_false(nn_config_check(&cfg, msg, sizeof msg));
    assert_non_null(strstr(msg, "output layer must have 1 unit"));
    assert_null(nn_new(&cfg));
    cfg = nn_config_make((int[]){2, 4, 1}, 3, ACT_TANH, NN_INIT_COURSE_W3);
    cfg.act[2] = ACT_TANH;
    assert_false(nn_config_check(&cfg, msg, sizeof msg));
    assert_non_null(strstr(msg, "sigmoid"));
    cfg = nn_config_make((int[]){2, 2000, 1}, 3, ACT_TANH, NN_INIT_COURSE_W3);
    assert_false(nn_config_check(&cfg, msg, sizeof msg));
    assert_non_null(strstr(msg, "layer 1 must have 1 to 1024 units"));
    cfg.L = 11;
    assert_false(nn_config_check(&cfg, msg, sizeof msg));
}

/* The sequence of operations for L = 1 (logistic regression) and L = 3. */
static void operation_sequence_follows_the_course(void **state)
{
    (void)state;
    nn_net *lr = make((int[]){2, 1}, 2, ACT_TANH, NN_INIT_ZEROS);
    assert_int_equal(nn_op_count(lr), 7);
    const nn_op_kind want1[7] = {NN_OP_LINEAR, NN_OP_ACTIVATE, NN_OP_COST, NN_OP_DZ_OUTPUT,
                                 NN_OP_DW, NN_OP_DB, NN_OP_UPDATE};
    for (int i = 0; i < 7; i++)
        assert_int_equal(nn_op_at(lr, i).kind, want1[i]);
    nn_free(lr);

    nn_net *deep = make((int[]){2, 5, 3, 1}, 4, ACT_RELU, NN_INIT_COURSE_W4);
    assert_int_equal(nn_op_count(deep), 19);
    const nn_op want3[19] = {
        {NN_OP_LINEAR, 1}, {NN_OP_ACTIVATE, 1}, {NN_OP_LINEAR, 2}, {NN_OP_ACTIVATE, 2},
        {NN_OP_LINEAR, 3}, {NN_OP_ACTIVATE, 3}, {NN_OP_COST, 0}, {NN_OP_DZ_OUTPUT, 3},
        {NN_OP_DW, 3}, {NN_OP_DB, 3}, {NN_OP_DA_PREV, 3}, {NN_OP_DZ, 2},
        {NN_OP_DW, 2}, {NN_OP_DB, 2}, {NN_OP_DA_PREV, 2}, {NN_OP_DZ, 1},
        {NN_OP_DW, 1}, {NN_OP_DB, 1}, {NN_OP_UPDATE, 0}};
    for (int i = 0; i < 19; i++) {
        assert_int_equal(nn_op_at(deep, i).kind, want3[i].kind);
        assert_int_equal(nn_op_at(deep, i).layer, want3[i].layer);
    }
    nn_free(deep);
}

/* A 1-1-1 network small enough to follow by hand:
 *   x = [1, −1], y = [1, 0], W1 = 0.5, b1 = 0, W2 = 2, b2 = 0.1, tanh hidden.
 *   Z1 = [0.5, −0.5], A1 = tanh(Z1) = [t, −t] with t = tanh(0.5)
 *   Z2 = 2A1 + 0.1, A2 = σ(Z2), dZ2 = A2 − Y
 *   dW2 = (1/2) Σ dZ2·A1, db2 = (1/2) Σ dZ2, dA1 = 2 dZ2, dZ1 = dA1 (1 − A1²),
 *   dW1 = (1/2) Σ dZ1·x, db1 = (1/2) Σ dZ1. */
static void one_iteration_step_by_step_matches_hand_computation(void **state)
{
    (void)state;
    nn_net *net = make((int[]){1, 1, 1}, 3, ACT_TANH, NN_INIT_ZEROS);
    nn_param(net, NN_W, 1)->v[0] = 0.5;
    nn_param(net, NN_W, 2)->v[0] = 2.0;
    nn_param(net, NN_B, 2)->v[0] = 0.1;
    mat *X = mat_new(1, 2), *Y = mat_new(1, 2);
    X->v[0] = 1, X->v[1] = -1, Y->v[0] = 1, Y->v[1] = 0;
    assert_int_equal(nn_bind(net, X, Y), NN_OK);

    const double t = tanh(0.5);
    const double a2[2] = {1 / (1 + exp(-(2 * t + 0.1))), 1 / (1 + exp(-(-2 * t + 0.1)))};
    const double dz2[2] = {a2[0] - 1, a2[1] - 0};
    const double dz1[2] = {2 * dz2[0] * (1 - t * t), 2 * dz2[1] * (1 - t * t)};
    const double J = -(log(a2[0]) + log(1 - a2[1])) / 2;

    assert_false(nn_has(net, NN_Z, 1));
    for (int i = 0; i < nn_op_count(net) - 1; i++)
        assert_int_equal(nn_run_op(net, nn_op_at(net, i), 0.1), NN_OK);
    assert_true(nn_has(net, NN_Z, 1));
    assert_false(nn_has(net, NN_DA, 2)); /* dZ[L] comes straight from A[L] − Y */
    assert_near(nn_value_of(net, NN_A, 1)->v[0], t, 1e-15);
    assert_near(nn_value_of(net, NN_A, 2)->v[1], a2[1], 1e-15);
    assert_near(nn_cost(net), J, 1e-15);
    assert_near(nn_value_of(net, NN_DZ, 2)->v[0], dz2[0], 1e-15);
    assert_near(nn_value_of(net, NN_DW, 2)->v[0], (dz2[0] * t - dz2[1] * t) / 2, 1e-15);
    assert_near(nn_value_of(net, NN_DB, 2)->v[0], (dz2[0] + dz2[1]) / 2, 1e-15);
    assert_near(nn_value_of(net, NN_DZ, 1)->v[1], dz1[1], 1e-15);
    assert_near(nn_value_of(net, NN_DW, 1)->v[0], (dz1[0] - dz1[1]) / 2, 1e-15);
    assert_near(nn_value_of(net, NN_DB, 1)->v[0], (dz1[0] + dz1[1]) / 2, 1e-15);

    const double dw1 = nn_value_of(net, NN_DW, 1)->v[0];
    assert_int_equal(nn_run_op(net, nn_op_at(net, nn_op_count(net) - 1), 0.1), NN_OK);
    assert_near(nn_value_of(net, NN_W, 1)->v[0], 0.5 - 0.1 * dw1, 1e-15);
    assert_int_equal(nn_iterations(net), 1);
    nn_free(net);
    mat_free(X), mat_free(Y);
}

/* nn_iterate is the operations in a row, with or without the cost. */
/* An operation for a layer it does not exist for is refused, not run on
 * caches that are not there (dA[0], Z[L+1], …); so is any before nn_bind. */
static void an_operation_on_a_missing_layer_is_a_bad_argument(void **state)
{
    (void)state;
    nn_net *net = make((int[]){2, 3, 1}, 3, ACT_TANH, NN_INIT_COURSE_W3);
    assert_int_equal(nn_run_op(net, (nn_op){NN_OP_LINEAR, 1}, 0.1), NN_BAD_ARGUMENT); /* nothing bound */
    mat *X = mat_new(2, 5), *Y = mat_new(1, 5);
    assert_int_equal(nn_bind(net, X, Y), NN_OK);
    const nn_op bad[] = {{NN_OP_LINEAR, 0}, {NN_OP_LINEAR, 3}, {NN_OP_ACTIVATE, -1}, {NN_OP_DW, 3},
                         {NN_OP_DB, 0},     {NN_OP_DA_PREV, 1}, {NN_OP_DZ, 2},      {NN_OP_DZ_OUTPUT, 1}};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (nn_run_op(net, bad[i], 0.1) != NN_BAD_ARGUMENT)
            fail_msg("operation %d on layer %d was run", (int)bad[i].kind, bad[i].layer);
    for (int i = 0; i < nn_op_count(net); i++) /* every listed operation is valid */
        assert_int_equal(nn_run_op(net, nn_op_at(net, i), 0.1), NN_OK);
    nn_free(net);
    mat_free(X), mat_free(Y);
}

static void a_whole_iteration_equals_its_operations(void **state)
{
    (void)state;
    mat *X = mat_new(2, 5), *Y = mat_new(1, 5);
    for (int i = 0; i < 10; i++)
        X->v[i] = sin(i * 1.7);
    for (int i = 0; i < 5; i++)
        Y->v[i] = i % 2;
    nn_net *a = make((int[]){2, 3, 2, 1}, 4, ACT_LEAKY_RELU, NN_INIT_COURSE_W4);
    nn_net *b = make((int[]){2, 3, 2, 1}, 4, ACT_LEAKY_RELU, NN_INIT_COURSE_W4);
    nn_bind(a, X, Y);
    nn_bind(b, X, Y);
    for (int it = 0; it < 3; it++) {
        assert_int_equal(nn_iterate(a, 0.3, it == 1), NN_OK);
        for (int i = 0; i < nn_op_count(b); i++)
            nn_run_op(b, nn_op_at(b, i), 0.3);
    }
    for (int l = 1; l <= 3; l++) {
        assert_exact(mat_max_abs_diff(nn_value_of(a, NN_W, l), nn_value_of(b, NN_W, l)), 0.0);
        assert_exact(mat_max_abs_diff(nn_value_of(a, NN_B, l), nn_value_of(b, NN_B, l)), 0.0);
    }
    nn_free(a), nn_free(b);
    mat_free(X), mat_free(Y);
}

static void a_clone_is_deep_and_equal(void **state)
{
    (void)state;
    mat *X = mat_new(2, 3), *Y = mat_new(1, 3);
    X->v[0] = 1, X->v[4] = -2, Y->v[1] = 1;
    nn_net *net = make((int[]){2, 4, 1}, 3, ACT_TANH, NN_INIT_COURSE_W3);
    nn_bind(net, X, Y);
    nn_iterate(net, 1.2, true);
    nn_net *copy = nn_clone(net);
    assert_exact(mat_max_abs_diff(nn_value_of(net, NN_DW, 1), nn_value_of(copy, NN_DW, 1)), 0.0);
    nn_iterate(copy, 1.2, true);
    assert_true(mat_max_abs_diff(nn_value_of(net, NN_W, 1), nn_value_of(copy, NN_W, 1)) > 0.0);
    assert_true(nn_copy_into(copy, net));
    assert_exact(mat_max_abs_diff(nn_value_of(net, NN_W, 1), nn_value_of(copy, NN_W, 1)), 0.0);
    assert_int_equal(nn_iterations(copy), 1);
    nn_free(net), nn_free(copy);
    mat_free(X), mat_free(Y);
}

static void a_non_finite_parameter_is_reported_as_divergence(void **state)
{
    (void)state;
    mat *X = mat_new(2, 2), *Y = mat_new(1, 2);
    X->v[0] = 1, Y->v[0] = 1;
    nn_net *net = make((int[]){2, 3, 1}, 3, ACT_TANH, NN_INIT_COURSE_W3);
    nn_bind(net, X, Y);
    nn_param(net, NN_W, 1)->v[0] = INFINITY;
    assert_int_equal(nn_iterate(net, 1.0, true), NN_DIVERGED);
    assert_int_equal(nn_status_of(net), NN_DIVERGED);
    nn_reinit(net);
    assert_int_equal(nn_status_of(net), NN_OK);
    assert_int_equal(nn_iterate(net, 1.0, true), NN_OK);
    nn_free(net);
    mat_free(X), mat_free(Y);
}

/* σ(100) is exactly 1.0 in doubles: an example labelled 0 then has an
 * infinite cost, caught at dZ[L] even when the cost is not computed. */
static void a_certain_and_wrong_output_is_divergence_without_computing_the_cost(void **state)
{
    (void)state;
    nn_net *net = make((int[]){1, 1}, 2, ACT_SIGMOID, NN_INIT_ZEROS);
    nn_param(net, NN_W, 1)->v[0] = 100.0;
    mat *X = mat_new(1, 2), *Y = mat_new(1, 2);
    X->v[0] = 1.0, X->v[1] = -1.0, Y->v[0] = 0.0, Y->v[1] = 0.0;
    nn_bind(net, X, Y);
    assert_int_equal(nn_iterate(net, 0.1, false), NN_DIVERGED);
    assert_int_equal(nn_status_of(net), NN_DIVERGED);
    nn_param(net, NN_W, 1)->v[0] = 1.0; /* merely confident: finite */
    nn_reinit_with(net, NN_INIT_ZEROS, 0);
    assert_int_equal(nn_iterate(net, 0.1, false), NN_OK);
    nn_free(net);
    mat_free(X), mat_free(Y);
}

static void prediction_and_accuracy_threshold_at_one_half(void **state)
{
    (void)state;
    nn_net *net = make((int[]){1, 1}, 2, ACT_SIGMOID, NN_INIT_ZEROS);
    nn_param(net, NN_W, 1)->v[0] = 10.0; /* σ(10x): > 0.5 exactly when x > 0 */
    mat *X = mat_new(1, 4), *Y = mat_new(1, 4), *P = mat_new(1, 4);
    const double x[4] = {-1, 2, 3, -4}, y[4] = {0, 1, 0, 0};
    memcpy(X->v, x, sizeof x);
    memcpy(Y->v, y, sizeof y);
    assert_int_equal(nn_predict_proba(net, X, P), NN_OK);
    assert_near(P->v[1], 1 / (1 + exp(-20.0)), 1e-15);
    assert_near(nn_accuracy(net, X, Y), 75.0, 1e-12);
    mat_free(X), mat_free(Y), mat_free(P);
    nn_free(net);
}

/* The notebook computes float((right) / float(m) * 100): 29 right of 100 is
 * 28.999999999999996 there, and 'Accuracy: %d' prints 28. Ours is the same
 * double, so printed accuracies agree with the notebook's to the last digit. */
static void accuracy_is_right_over_m_times_100_as_the_notebook_computes_it(void **state)
{
    (void)state;
    nn_net *net = make((int[]){1, 1}, 2, ACT_SIGMOID, NN_INIT_ZEROS);
    nn_param(net, NN_W, 1)->v[0] = 10.0; /* predicts 1 exactly where x > 0 */
    mat *X = mat_new(1, 100), *Y = mat_new(1, 100);
    for (int i = 0; i < 100; i++) {
        X->v[i] = i < 29 ? 1.0 : -1.0;
        Y->v[i] = 1.0;
    }
    const double acc = nn_accuracy(net, X, Y);
    assert_exact(acc, 28.999999999999996); /* Python: 29 / 100.0 * 100 */
    assert_int_equal((int)acc, 28);
    mat_free(X), mat_free(Y);
    nn_free(net);
}

static void cost_of_one_half_everywhere_is_log_2(void **state)
{
    (void)state;
    mat *A = mat_new(1, 4), *Y = mat_new(1, 4);
    mat_fill(A, 0.5);
    Y->v[0] = 1, Y->v[2] = 1;
    assert_near(cost_cross_entropy(A, Y), log(2.0), 1e-15);
    A->v[0] = 0.0; /* certain and wrong: infinite cost, the caller's divergence */
    assert_false(isfinite(cost_cross_entropy(A, Y)));
    mat_free(A), mat_free(Y);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(week3_init_gives_the_course_weights),
        cmocka_unit_test(scaled_init_with_seed_3_gives_the_deep_exercise_row),
        cmocka_unit_test(week4_init_divides_by_the_root_of_the_fan_in),
        cmocka_unit_test(configs_the_core_cannot_run_are_refused_with_a_reason),
        cmocka_unit_test(operation_sequence_follows_the_course),
        cmocka_unit_test(one_iteration_step_by_step_matches_hand_computation),
        cmocka_unit_test(an_operation_on_a_missing_layer_is_a_bad_argument),
        cmocka_unit_test(a_whole_iteration_equals_its_operations),
        cmocka_unit_test(a_clone_is_deep_and_equal),
        cmocka_unit_test(a_non_finite_parameter_is_reported_as_divergence),
        cmocka_unit_test(a_certain_and_wrong_output_is_divergence_without_computing_the_cost),
        cmocka_unit_test(prediction_and_accuracy_threshold_at_one_half),
        cmocka_unit_test(accuracy_is_right_over_m_times_100_as_the_notebook_computes_it),
        cmocka_unit_test(cost_of_one_half_everywhere_is_log_2),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
