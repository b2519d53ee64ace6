/*
 * test_stepper_ops.c — the stepper walks the core's operations in order,
 * undo restores the previous state bit for bit, and a whole iteration of
 * single steps leaves the same parameters as one nn_iterate.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "stepper_fixture.h"
#include "dnn_test.h"

typedef struct expected_op {
    nn_op_kind kind;
    int layer;
} expected_op;

/* Steps through one iteration and checks each op that runs against want. */
static void check_sequence(stepper *s, const expected_op *want, int n)
{
    const nn_net *net = stepper_net(s);
    assert_int_equal(nn_op_count(net), n);
    for (int i = 0; i < n; i++) {
        assert_int_equal(stepper_next_index(s), i);
        nn_op op = stepper_next_op(s);
        assert_int_equal(op.kind, want[i].kind);
        if (want[i].layer >= 0)
            assert_int_equal(op.layer, want[i].layer);
        assert_int_equal(stepper_step(s), NN_OK);
        assert_int_equal(stepper_done(s), i + 1);
        bool computed;
        assert_int_equal(stepper_shown_index(s, &computed), i);
        assert_true(computed);
    }
    /* After UPDATE the next op is LINEAR 1 of the next iteration. */
    assert_int_equal(stepper_iteration(s), 1);
    assert_int_equal(stepper_next_index(s), 0);
    assert_int_equal(stepper_next_op(s).kind, NN_OP_LINEAR);
    assert_int_equal(stepper_step(s), NN_OK);
    assert_int_equal(stepper_done(s), 1);
}

static void logistic_regression_has_seven_operations_in_the_course_order(void **state)
{
    (void)state;
    int dims[] = {3, 1};
    stepper *s = fixture_tiny(dims, 2, ACT_TANH);
    assert_non_null(s);
    const expected_op want[] = {
        {NN_OP_LINEAR, 1}, {NN_OP_ACTIVATE, 1}, {NN_OP_COST, -1}, {NN_OP_DZ_OUTPUT, 1},
        {NN_OP_DW, 1}, {NN_OP_DB, 1}, {NN_OP_UPDATE, -1},
    };
    check_sequence(s, want, 7);
    stepper_free(s);
}

static void a_two_layer_network_runs_forward_cost_backward_then_update(void **state)
{
    (void)state;
    stepper *s = fixture_planar();
    assert_non_null(s);
    const expected_op want[] = {
        {NN_OP_LINEAR, 1}, {NN_OP_ACTIVATE, 1}, {NN_OP_LINEAR, 2}, {NN_OP_ACTIVATE, 2},
        {NN_OP_COST, -1}, {NN_OP_DZ_OUTPUT, 2}, {NN_OP_DW, 2}, {NN_OP_DB, 2},
        {NN_OP_DA_PREV, -1}, {NN_OP_DZ, 1}, {NN_OP_DW, 1}, {NN_OP_DB, 1}, {NN_OP_UPDATE, -1},
    };
    check_sequence(s, want, 13);
    stepper_free(s);
}

static void a_three_layer_network_has_nineteen_operations(void **state)
{
    (void)state;
    int dims[] = {2, 3, 2, 1};
    stepper *s = fixture_tiny(dims, 4, ACT_RELU);
    assert_non_null(s);
    const expected_op want[] = {
        {NN_OP_LINEAR, 1}, {NN_OP_ACTIVATE, 1}, {NN_OP_LINEAR, 2}, {NN_OP_ACTIVATE, 2},
        {NN_OP_LINEAR, 3}, {NN_OP_ACTIVATE, 3}, {NN_OP_COST, -1}, {NN_OP_DZ_OUTPUT, 3},
        {NN_OP_DW, 3}, {NN_OP_DB, 3}, {NN_OP_DA_PREV, -1}, {NN_OP_DZ, 2},
        {NN_OP_DW, 2}, {NN_OP_DB, 2}, {NN_OP_DA_PREV, -1}, {NN_OP_DZ, 1},
        {NN_OP_DW, 1}, {NN_OP_DB, 1}, {NN_OP_UPDATE, -1},
    };
    check_sequence(s, want, 19);
    stepper_free(s);
}

/* Every value of every layer equal (or absent) in both networks. */
static void assert_same_values(const nn_net *a, const nn_net *b)
{
    for (int l = 0; l <= nn_layers(a); l++)
        for (int v = 0; v < NN_VALUE_COUNT; v++) {
            const mat *x = nn_value_of(a, (nn_value)v, l), *y = nn_value_of(b, (nn_value)v, l);
            assert_true((x == NULL) == (y == NULL));
            if (x) {
                assert_true(mat_same_shape(x, y));
                assert_memory_equal(x->v, y->v, mat_size(x) * sizeof(double));
            }
        }
    assert_int_equal(nn_iterations(a), nn_iterations(b));
}

static void undo_restores_exactly_the_state_before_each_step(void **state)
{
    (void)state;
    stepper *s = fixture_planar();
    assert_non_null(s);
    assert_false(stepper_can_undo(s));
    assert_false(stepper_undo(s));
    /* Walk 1.5 iterations; after each step undo it and compare with a copy. */
    for (int i = 0; i < 20; i++) {
        nn_net *before = nn_clone(stepper_net(s));
        int done = stepper_done(s);
        assert_non_null(before);
        assert_int_equal(stepper_step(s), NN_OK);
        assert_true(stepper_can_undo(s));
        assert_true(stepper_undo(s));
        assert_same_values(stepper_net(s), before);
        assert_int_equal(stepper_done(s), done);
        double J0 = nn_cost(before), J1 = nn_cost(stepper_net(s));
        assert_true((J0 != J0 && J1 != J1) || J0 == J1);
        assert_int_equal(stepper_step(s), NN_OK);
        nn_free(before);
    }
    stepper_free(s);
}

static void undo_walks_back_across_the_start_of_an_iteration(void **state)
{
    (void)state;
    stepper *s = fixture_planar();
    assert_non_null(s);
    int count = nn_op_count(stepper_net(s));
    for (int i = 0; i < count; i++)
        stepper_step(s);
    nn_net *after_update = nn_clone(stepper_net(s));
    stepper_step(s);  /* LINEAR 1 of iteration 1 */
    assert_int_equal(stepper_done(s), 1);
    assert_true(stepper_undo(s));
    assert_int_equal(stepper_done(s), count);
    assert_same_values(stepper_net(s), after_update);
    /* All the way back to the start. */
    while (stepper_undo(s))
        ;
    assert_int_equal(stepper_done(s), 0);
    assert_int_equal(stepper_iteration(s), 0);
    nn_free(after_update);
    stepper_free(s);
}

static void a_full_iteration_of_steps_equals_one_nn_iterate(void **state)
{
    (void)state;
    stepper *s = fixture_planar();
    assert_non_null(s);
    nn_net *ref = nn_clone(stepper_net(s));
    assert_non_null(ref);
    for (int it = 0; it < 3; it++) {
        for (int i = 0; i < nn_op_count(ref); i++)
            assert_int_equal(stepper_step(s), NN_OK);
        assert_int_equal(nn_iterate(ref, 1.2, true), NN_OK);
        for (int l = 1; l <= 2; l++) {
            const mat *w = nn_value_of(stepper_net(s), NN_W, l), *w_ref = nn_value_of(ref, NN_W, l);
            const mat *b = nn_value_of(stepper_net(s), NN_B, l), *b_ref = nn_value_of(ref, NN_B, l);
            assert_memory_equal(w->v, w_ref->v, mat_size(w) * sizeof(double));
            assert_memory_equal(b->v, b_ref->v, mat_size(b) * sizeof(double));
        }
        assert_exact(nn_cost(stepper_net(s)), nn_cost(ref));
    }
    /* The course's first printed cost. */
    assert_near(nn_cost(ref), 0.693, 0.01);
    nn_free(ref);
    stepper_free(s);
}

static void the_first_cost_is_the_course_s_0_693048(void **state)
{
    (void)state;
    stepper *s = fixture_planar();
    assert_non_null(s);
    for (int i = 0; i < 5; i++)
        stepper_step(s);
    assert_near(nn_cost(stepper_net(s)), 0.693048, 5e-7);
    stepper_free(s);
}

/* The first backward pass of the week-3 network, as numpy computes it from
 * the course's planar data and seed(2) weights (checked with numpy 1.24). */
static void the_first_gradients_are_numpy_s(void **state)
{
    (void)state;
    stepper *s = fixture_planar();
    assert_non_null(s);
    for (int i = 0; i < 12; i++)
        stepper_step(s);
    const nn_net *net = stepper_net(s);
    const double dW1[] = {0.00023606, -0.00207914, 0.0002091, -0.00178201,
                          -0.00012051, 0.0010843, -0.00051496, 0.00449162};
    const double db1[] = {1.06848030e-07, -9.70907252e-07, -7.20012658e-08, 3.03048452e-07};
    const double dW2[] = {-1.75478714e-05, 3.70240274e-03, -1.25686736e-03, -2.55725650e-03};
    const mat *g = nn_value_of(net, NN_DW, 1);
    for (int i = 0; i < 8; i++)
        assert_near(g->v[i], dW1[i], 5e-9);
    /* numpy printed these with 9 significant digits: equal to 1e-8 relative. */
    g = nn_value_of(net, NN_DB, 1);
    for (int i = 0; i < 4; i++)
        assert_close(g->v[i], db1[i], 1e-8, 0.0);
    g = nn_value_of(net, NN_DW, 2);
    for (int i = 0; i < 4; i++)
        assert_close(g->v[i], dW2[i], 1e-8, 0.0);
    stepper_free(s);
}

static void the_undo_stack_is_bounded_and_keeps_the_newest_steps(void **state)
{
    (void)state;
    int dims[] = {2, 1};
    stepper *s = fixture_tiny(dims, 2, ACT_TANH);
    assert_non_null(s);
    for (int i = 0; i < STEPPER_UNDO_DEPTH + 10; i++)
        assert_int_equal(stepper_step(s), NN_OK);
    int undone = 0;
    while (stepper_undo(s))
        undone++;
    assert_int_equal(undone, STEPPER_UNDO_DEPTH);
    assert_int_equal(stepper_undo_depth_for(stepper_net(s)), STEPPER_UNDO_DEPTH);
    stepper_free(s);
}

/* The update on show: stepper_before holds W and b as they were, and the
 * new ones are those minus α·dW, α·db; after the next step and its undo the
 * old parameters are still there. The parameters on show cycle through
 * W[1], b[1], W[2], b[2] and start again at W[1] after a step. */
static void the_network_before_the_update_holds_the_old_parameters(void **state)
{
    (void)state;
    stepper *s = fixture_planar();
    assert_non_null(s);
    assert_null(stepper_before(s));
    int count = nn_op_count(stepper_net(s));
    for (int i = 0; i < count - 1; i++)
        stepper_step(s);
    nn_net *old = nn_clone(stepper_net(s));
    assert_non_null(old);
    stepper_step(s);
    for (int round = 0; round < 2; round++) {
        const nn_net *before = stepper_before(s), *now = stepper_net(s);
        assert_non_null(before);
        assert_same_values(before, old);
        for (int l = 1; l <= nn_layers(now); l++) {
            const mat *w = nn_value_of(now, NN_W, l), *w0 = nn_value_of(before, NN_W, l);
            const mat *dw = nn_value_of(now, NN_DW, l);
            for (size_t i = 0; i < mat_size(w); i++)
                assert_near(w->v[i], w0->v[i] - 1.2 * dw->v[i], 1e-15);
            assert_true(memcmp(w->v, w0->v, mat_size(w) * sizeof(double)) != 0);
        }
        stepper_step(s);
        assert_true(stepper_undo(s));
    }
    assert_int_equal(stepper_update_first(s), 0);
    for (int k = 1; k <= 4; k++) {
        stepper_update_next(s);
        assert_int_equal(stepper_update_first(s), k % 4);
    }
    stepper_update_next(s);
    stepper_step(s);
    assert_int_equal(stepper_update_first(s), 0);
    nn_free(old);
    stepper_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(logistic_regression_has_seven_operations_in_the_course_order),
        cmocka_unit_test(a_two_layer_network_runs_forward_cost_backward_then_update),
        cmocka_unit_test(a_three_layer_network_has_nineteen_operations),
        cmocka_unit_test(undo_restores_exactly_the_state_before_each_step),
        cmocka_unit_test(undo_walks_back_across_the_start_of_an_iteration),
        cmocka_unit_test(a_full_iteration_of_steps_equals_one_nn_iterate),
        cmocka_unit_test(the_first_cost_is_the_course_s_0_693048),
        cmocka_unit_test(the_first_gradients_are_numpy_s),
        cmocka_unit_test(the_undo_stack_is_bounded_and_keeps_the_newest_steps),
        cmocka_unit_test(the_network_before_the_update_holds_the_old_parameters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
