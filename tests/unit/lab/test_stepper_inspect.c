/*
 * test_stepper_inspect.c — the inspector's cursor stays inside the matrix
 * and cycles over the op's matrices; the gradient check of the planar
 * network agrees with backprop.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "stepper_fixture.h"

static void the_inspector_starts_on_the_result_at_the_top_left(void **state)
{
    (void)state;
    stepper *s = fixture_planar();
    assert_non_null(s);
    stepper_step(s);  /* Z[1] */
    assert_true(stepper_inspect_begin(s));
    nn_ref ref;
    size_t r = 9, c = 9;
    const mat *m = stepper_inspect_matrix(s, &ref, &r, &c);
    assert_non_null(m);
    assert_int_equal(ref.value, NN_Z);
    assert_int_equal(ref.layer, 1);
    assert_int_equal(r, 0);
    assert_int_equal(c, 0);
    stepper_free(s);
}

static void the_cursor_is_clamped_to_the_matrix(void **state)
{
    (void)state;
    stepper *s = fixture_planar();
    assert_non_null(s);
    stepper_step(s);
    stepper_inspect_begin(s);
    size_t r, c;
    stepper_inspect_move(s, -5, -5);
    stepper_inspect_matrix(s, NULL, &r, &c);
    assert_int_equal(r, 0);
    assert_int_equal(c, 0);
    stepper_inspect_move(s, 100, 100000);
    stepper_inspect_matrix(s, NULL, &r, &c);
    assert_int_equal(r, 3);
    assert_int_equal(c, 399);
    stepper_inspect_move(s, -1, -1);
    stepper_inspect_matrix(s, NULL, &r, &c);
    assert_int_equal(r, 2);
    assert_int_equal(c, 398);
    stepper_free(s);
}

static void tab_cycles_through_the_op_s_matrices_and_clamps_the_cursor(void **state)
{
    (void)state;
    stepper *s = fixture_planar();
    assert_non_null(s);
    stepper_step(s);  /* Z[1] = W[1]·X + b[1]: W[1], X, b[1], Z[1] */
    nn_ref v[STEPPER_MAX_VIEWS];
    assert_int_equal(stepper_views(s, v), 4);
    stepper_inspect_begin(s);
    stepper_inspect_move(s, 3, 399);
    stepper_inspect_cycle(s);  /* wraps to W[1] (4, 2) */
    nn_ref ref;
    size_t r, c;
    const mat *m = stepper_inspect_matrix(s, &ref, &r, &c);
    assert_int_equal(ref.value, NN_W);
    assert_int_equal(m->cols, 2);
    assert_int_equal(r, 3);
    assert_int_equal(c, 1);
    stepper_inspect_cycle(s);  /* X */
    stepper_inspect_cycle(s);  /* b[1] (4, 1) */
    m = stepper_inspect_matrix(s, &ref, &r, &c);
    assert_int_equal(ref.value, NN_B);
    assert_int_equal(c, 0);
    stepper_inspect_end(s);
    assert_false(stepper_inspecting(s));
    assert_null(stepper_inspect_matrix(s, NULL, NULL, NULL));
    stepper_free(s);
}

static void before_any_step_the_operands_can_be_inspected(void **state)
{
    (void)state;
    stepper *s = fixture_planar();
    assert_non_null(s);
    nn_ref v[STEPPER_MAX_VIEWS];
    assert_int_equal(stepper_views(s, v), 3);  /* W[1], X, b[1]: Z[1] does not exist yet */
    assert_true(stepper_inspect_begin(s));
    stepper_free(s);
}

static void a_step_leaves_the_inspector(void **state)
{
    (void)state;
    stepper *s = fixture_planar();
    assert_non_null(s);
    stepper_inspect_begin(s);
    stepper_step(s);
    assert_false(stepper_inspecting(s));
    stepper_free(s);
}

static void the_gradient_check_of_the_planar_network_agrees_with_backprop(void **state)
{
    (void)state;
    stepper *s = fixture_planar();
    assert_non_null(s);
    /* A few iterations in, so the weights are not the tiny initial ones. */
    for (int i = 0; i < 13 * 3; i++)
        stepper_step(s);
    nn_net *before = nn_clone(stepper_net(s));
    assert_int_equal(stepper_gradcheck(s), NN_OK);
    const gc_result *gc = stepper_gradcheck_result(s);
    assert_non_null(gc);
    assert_int_equal(gc->L, 2);
    /* With ε = 1e-7 and gradients near 1e-2 the rounding noise of the
     * two-sided difference is about 1e-7 (measured: 3.8e-7 overall here);
     * a wrong backprop term gives differences near 1. */
    assert_true(gc->difference < 1e-6);
    for (int l = 1; l <= 2; l++) {
        assert_true(gc->layer[l].dW_norm > 1e-3);  /* a zero gradient would pass trivially */
        assert_true(gc->layer[l].dW_difference < 1e-6);
        assert_true(gc->layer[l].db_difference < STEPPER_GC_BUG);
    }
    /* The check does not change the parameters. */
    for (int l = 1; l <= 2; l++) {
        const mat *a = nn_value_of(stepper_net(s), NN_W, l), *b = nn_value_of(before, NN_W, l);
        assert_memory_equal(a->v, b->v, mat_size(a) * sizeof(double));
    }
    stepper_step(s);
    assert_null(stepper_gradcheck_result(s));
    nn_free(before);
    stepper_free(s);
}

/* The week-4 lab's network (planar, 2-5-3-1 ReLU, course-w4, b = 0): many
 * examples reach layer 2 with every A[1] entry 0, so Z[2] is exactly 0 there,
 * on ReLU's kink. The two-sided difference for db[2] then straddles the kink
 * (about 7.6e-2 here) though backprop is right: the stepper counts those
 * values so the screen can say so instead of "a bug". A tanh network has none. */
static void relu_kinks_are_counted_for_the_gradient_check(void **state)
{
    (void)state;
    mat *X = mat_new(2, GEN_DEFAULT_M), *Y = mat_new(1, GEN_DEFAULT_M);
    assert_true(X && Y && gen_planar(1, X, Y));
    int dims[] = {2, 5, 3, 1};
    nn_config cfg = nn_config_make(dims, 4, ACT_RELU, NN_INIT_COURSE_W4);
    char err[256];
    stepper *s = stepper_new_with_data(&cfg, X, Y, 0.5, "planar", err, sizeof err);
    assert_non_null(s);
    assert_int_equal(stepper_gradcheck_kinks(s), 0);  /* no check yet */
    assert_int_equal(stepper_gradcheck(s), NN_OK);
    const gc_result *gc = stepper_gradcheck_result(s);
    assert_true(gc->layer[2].db_difference > STEPPER_GC_BUG);
    assert_true(gc->layer[2].dW_difference < 1e-6);
    assert_true(stepper_gradcheck_kinks(s) > 0);
    stepper_free(s);
    s = fixture_planar();
    assert_int_equal(stepper_gradcheck(s), NN_OK);
    assert_int_equal(stepper_gradcheck_kinks(s), 0);
    stepper_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_inspector_starts_on_the_result_at_the_top_left),
        cmocka_unit_test(the_cursor_is_clamped_to_the_matrix),
        cmocka_unit_test(tab_cycles_through_the_op_s_matrices_and_clamps_the_cursor),
        cmocka_unit_test(before_any_step_the_operands_can_be_inspected),
        cmocka_unit_test(a_step_leaves_the_inspector),
        cmocka_unit_test(the_gradient_check_of_the_planar_network_agrees_with_backprop),
        cmocka_unit_test(relu_kinks_are_counted_for_the_gradient_check),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
