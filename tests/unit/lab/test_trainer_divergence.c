/*
 * test_trainer_divergence.c — the divergence watch: NaN, infinity, a cost
 * that keeps growing, and no false alarm on the course's run.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "trainer_fixture.h"

static void a_nan_weight_stops_training_as_nonfinite(void **state)
{
    (void)state;
    trainer *t = make("planar", ACT_TANH, 1.2);
    trainer_run(t, 10);
    mat_set(nn_param(trainer_net_mut(t), NN_W, 1), 0, 0, NAN);
    long ran = trainer_run(t, 100);
    assert_true(ran >= 1 && ran <= TRAINER_COST_EVERY);
    assert_int_equal(trainer_state_of(t), TRAINER_DIVERGED);
    assert_int_equal(trainer_divergence_of(t), TRAINER_DIV_NONFINITE);
    /* Nothing more runs, and resuming is refused, until a re-init. */
    assert_int_equal(trainer_run(t, 10), 0);
    assert_false(trainer_set_paused(t, false));
    assert_true(isnan(trainer_accuracy(t, false)));
    trainer_reinit(t);
    assert_int_equal(trainer_state_of(t), TRAINER_RUNNING);
    assert_int_equal(trainer_run(t, 10), 10);
    trainer_free(t);
}

static void lr_10_with_leaky_relu_on_planar_overflows_and_is_caught(void **state)
{
    (void)state;
    trainer *t = make("planar", ACT_LEAKY_RELU, 10.0);
    long ran = trainer_run(t, 5000);
    assert_true(ran < 5000);
    assert_int_equal(trainer_state_of(t), TRAINER_DIVERGED);
    assert_int_equal(trainer_divergence_of(t), TRAINER_DIV_NONFINITE);
    trainer_free(t);
}

static void lr_10_with_sigmoid_on_planar_is_caught_as_growing(void **state)
{
    (void)state;
    trainer *t = make("planar", ACT_SIGMOID, 10.0);
    long ran = trainer_run(t, 20000);
    assert_true(ran < 20000);
    assert_int_equal(trainer_state_of(t), TRAINER_DIVERGED);
    assert_int_equal(trainer_divergence_of(t), TRAINER_DIV_GROWING);
    assert_true(isfinite(trainer_cost(t)));
    /* The learner may go on anyway: the warning is cleared. */
    assert_true(trainer_set_paused(t, false));
    assert_int_equal(trainer_state_of(t), TRAINER_RUNNING);
    assert_int_equal(trainer_divergence_of(t), TRAINER_DIV_NONE);
    trainer_free(t);
}

static void lr_10_with_tanh_on_planar_keeps_training_without_a_false_alarm(void **state)
{
    (void)state;
    /* The course's network survives lr 10: the cost jumps but stays low. */
    trainer *t = make("planar", ACT_TANH, 10.0);
    assert_int_equal(trainer_run(t, 20000), 20000);
    assert_int_equal(trainer_state_of(t), TRAINER_RUNNING);
    assert_true(trainer_cost(t) < 0.5);
    trainer_free(t);
}

static void the_course_run_at_lr_1_2_raises_no_alarm(void **state)
{
    (void)state;
    trainer *t = make("planar", ACT_TANH, 1.2);
    assert_int_equal(trainer_run(t, 10000), 10000);
    assert_int_equal(trainer_state_of(t), TRAINER_RUNNING);
    assert_double_equal(trainer_accuracy(t, false), 90.5, 1e-9);
    trainer_free(t);
}

static void pausing_does_not_stop_a_single_step(void **state)
{
    (void)state;
    trainer *t = make("planar", ACT_TANH, 1.2);
    trainer_set_paused(t, true);
    assert_int_equal(trainer_state_of(t), TRAINER_PAUSED);
    assert_int_equal(trainer_run(t, 1), 1);
    assert_int_equal(trainer_iterations(t), 1);
    assert_int_equal(trainer_state_of(t), TRAINER_PAUSED);
    trainer_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_nan_weight_stops_training_as_nonfinite),
        cmocka_unit_test(lr_10_with_leaky_relu_on_planar_overflows_and_is_caught),
        cmocka_unit_test(lr_10_with_sigmoid_on_planar_is_caught_as_growing),
        cmocka_unit_test(lr_10_with_tanh_on_planar_keeps_training_without_a_false_alarm),
        cmocka_unit_test(the_course_run_at_lr_1_2_raises_no_alarm),
        cmocka_unit_test(pausing_does_not_stop_a_single_step),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
