/*
 * test_stepper_predict.c — "predict the shape": what counts as a shape, when
 * the learner is asked, and the verdict before the op runs.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "stepper_fixture.h"

static void shapes_parse_in_the_forms_a_learner_types(void **state)
{
    (void)state;
    size_t r = 0, c = 0;
    assert_true(stepper_parse_shape("4,400", &r, &c));
    assert_int_equal(r, 4);
    assert_int_equal(c, 400);
    assert_true(stepper_parse_shape("(4, 400)", &r, &c));
    assert_int_equal(r, 4);
    assert_int_equal(c, 400);
    assert_true(stepper_parse_shape(" 1 x 4 ", &r, &c));
    assert_int_equal(r, 1);
    assert_int_equal(c, 4);
}

static void a_shape_needs_exactly_two_positive_numbers(void **state)
{
    (void)state;
    size_t r, c;
    assert_false(stepper_parse_shape("", &r, &c));
    assert_false(stepper_parse_shape("400", &r, &c));
    assert_false(stepper_parse_shape("4,400,1", &r, &c));
    assert_false(stepper_parse_shape("0,4", &r, &c));
    assert_false(stepper_parse_shape("(,)", &r, &c));
    assert_false(stepper_parse_shape("99999999999999999999,1", &r, &c));
}

static void only_shape_characters_can_be_typed(void **state)
{
    (void)state;
    stepper *s = fixture_planar();
    assert_non_null(s);
    stepper_set_predict(s, true);
    assert_true(stepper_input_char(s, '('));
    assert_true(stepper_input_char(s, '4'));
    assert_false(stepper_input_char(s, 'q'));
    assert_false(stepper_input_char(s, '-'));
    assert_string_equal(stepper_input(s), "(4");
    stepper_input_backspace(s);
    stepper_input_backspace(s);
    stepper_input_backspace(s);
    assert_string_equal(stepper_input(s), "");
    for (int i = 0; i < 100; i++)
        stepper_input_char(s, '1');
    assert_true(strlen(stepper_input(s)) < STEPPER_INPUT_MAX);
    stepper_free(s);
}

static void a_right_prediction_is_marked_right_and_the_op_runs(void **state)
{
    (void)state;
    stepper *s = fixture_planar();
    assert_non_null(s);
    stepper_set_predict(s, true);
    assert_true(stepper_asking(s));
    bool computed;
    assert_int_equal(stepper_shown_index(s, &computed), 0);
    assert_false(computed);
    for (const char *p = "(4, 400)"; *p; p++)
        assert_true(stepper_input_char(s, *p));
    assert_true(stepper_submit(s));
    assert_int_equal(stepper_done(s), 1);
    assert_false(stepper_asking(s));
    const stepper_prediction *pr = stepper_last_prediction(s);
    assert_non_null(pr);
    assert_int_equal(pr->verdict, STEPPER_VERDICT_RIGHT);
    assert_int_equal(pr->ref.value, NN_Z);
    assert_int_equal(pr->ref.layer, 1);
    assert_true(nn_has(stepper_net(s), NN_Z, 1));
    stepper_free(s);
}

static void a_wrong_prediction_gives_the_right_shape_and_the_op_still_runs(void **state)
{
    (void)state;
    stepper *s = fixture_planar();
    assert_non_null(s);
    stepper_set_predict(s, true);
    for (const char *p = "400,4"; *p; p++)
        stepper_input_char(s, *p);
    assert_true(stepper_submit(s));
    const stepper_prediction *pr = stepper_last_prediction(s);
    assert_non_null(pr);
    assert_int_equal(pr->verdict, STEPPER_VERDICT_WRONG);
    assert_int_equal(pr->said_rows, 400);
    assert_int_equal(pr->said_cols, 4);
    assert_int_equal(pr->rows, 4);
    assert_int_equal(pr->cols, 400);
    assert_int_equal(stepper_done(s), 1);
    stepper_free(s);
}

static void nothing_runs_on_text_that_is_not_a_shape(void **state)
{
    (void)state;
    stepper *s = fixture_planar();
    assert_non_null(s);
    stepper_set_predict(s, true);
    stepper_input_char(s, '4');
    assert_false(stepper_submit(s));
    assert_int_equal(stepper_done(s), 0);
    assert_true(stepper_asking(s));
    stepper_free(s);
}

static void the_cost_and_the_update_are_not_asked_for(void **state)
{
    (void)state;
    stepper *s = fixture_planar();
    assert_non_null(s);
    for (int i = 0; i < 4; i++)
        stepper_step(s);
    stepper_set_predict(s, true);  /* next is COST: a scalar */
    assert_false(stepper_asking(s));
    assert_false(stepper_op_predictable(stepper_net(s), stepper_next_op(s), NULL));
    for (int i = 4; i < 12; i++)
        stepper_step(s);
    stepper_ask(s);  /* next is UPDATE */
    assert_false(stepper_asking(s));
    stepper_free(s);
}

static void the_weight_gradient_shape_is_the_weight_shape(void **state)
{
    (void)state;
    stepper *s = fixture_planar();
    assert_non_null(s);
    for (int i = 0; i < 10; i++)
        stepper_step(s);
    stepper_set_predict(s, true);  /* next: dW[1] = (1/m) dZ[1]·Xᵀ, (4, 2) */
    assert_true(stepper_asking(s));
    for (const char *p = "4,2"; *p; p++)
        stepper_input_char(s, *p);
    assert_true(stepper_submit(s));
    assert_int_equal(stepper_last_prediction(s)->verdict, STEPPER_VERDICT_RIGHT);
    stepper_free(s);
}

static void turning_predict_off_stops_asking(void **state)
{
    (void)state;
    stepper *s = fixture_planar();
    assert_non_null(s);
    stepper_set_predict(s, true);
    stepper_input_char(s, '4');
    stepper_set_predict(s, false);
    assert_false(stepper_asking(s));
    assert_string_equal(stepper_input(s), "");
    stepper_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(shapes_parse_in_the_forms_a_learner_types),
        cmocka_unit_test(a_shape_needs_exactly_two_positive_numbers),
        cmocka_unit_test(only_shape_characters_can_be_typed),
        cmocka_unit_test(a_right_prediction_is_marked_right_and_the_op_runs),
        cmocka_unit_test(a_wrong_prediction_gives_the_right_shape_and_the_op_still_runs),
        cmocka_unit_test(nothing_runs_on_text_that_is_not_a_shape),
        cmocka_unit_test(the_cost_and_the_update_are_not_asked_for),
        cmocka_unit_test(the_weight_gradient_shape_is_the_weight_shape),
        cmocka_unit_test(turning_predict_off_stops_asking),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
