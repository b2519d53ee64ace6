/*
 * test_trainer_divergence.c — the divergence watch: NaN, a saturated output
 * (log 0), a cost that climbs far and stays up, no false alarm on a plateau
 * or on the course's run; and the measure of the network as it is now.
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
#include "lab/trainer_internal.h"

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
    assert_int_equal(trainer_state_of(t), TRAINER_PAUSED);
    assert_int_equal(trainer_run(t, 10), 10);
    trainer_free(t);
}

static void lr_10_with_leaky_relu_on_planar_saturates_an_output_and_says_which(void **state)
{
    (void)state;
    /* The weights stay finite; one output is certain and wrong, log(0). */
    trainer *t = make("planar", ACT_LEAKY_RELU, 10.0);
    long ran = trainer_run(t, 5000);
    assert_true(ran < 5000);
    assert_int_equal(trainer_state_of(t), TRAINER_DIVERGED);
    assert_int_equal(trainer_divergence_of(t), TRAINER_DIV_SATURATED);
    double sigma = 0.5;
    assert_true(trainer_saturation(t, &sigma) >= 1);
    assert_true(sigma == 0.0 || sigma == 1.0);
    assert_true(isfinite(trainer_accuracy(t, false)));
    trainer_measure m;
    trainer_measure_now(t, &m);
    assert_true(isinf(m.cost));
    /* It stays stopped until a re-init: going on would stop at once again. */
    assert_false(trainer_set_paused(t, false));
    assert_int_equal(trainer_run(t, 10), 0);
    trainer_reinit(t);
    assert_int_equal(trainer_divergence_of(t), TRAINER_DIV_NONE);
    assert_int_equal(trainer_saturation(t, NULL), 0);
    assert_int_equal(trainer_run(t, 10), 10);
    trainer_free(t);
}

static void an_output_bias_of_1000_saturates_every_point_labelled_0(void **state)
{
    (void)state;
    trainer *t = make("planar", ACT_TANH, 1.2);
    mat_set(nn_param(trainer_net_mut(t), NN_B, 2), 0, 0, 1000.0);
    assert_int_equal(trainer_run(t, 1), 1);
    assert_int_equal(trainer_divergence_of(t), TRAINER_DIV_SATURATED);
    double sigma = 0;
    assert_int_equal(trainer_saturation(t, &sigma), 200);
    assert_near(sigma, 1.0, 0);
    /* The update of the failing iteration did not run. */
    assert_int_equal(trainer_iterations(t), 0);
    trainer_free(t);
}

static void lr_10_with_sigmoid_on_planar_settles_high_without_an_alarm(void **state)
{
    (void)state;
    /* The cost rises for a while (0.69 to 0.79), then settles near 0.52:
     * slow, not divergent. */
    trainer *t = make("planar", ACT_SIGMOID, 10.0);
    assert_int_equal(trainer_run(t, 20000), 20000);
    assert_int_equal(trainer_state_of(t), TRAINER_RUNNING);
    assert_true(trainer_cost(t) < 0.6);
    trainer_free(t);
}

static void stepping_up_from_10_to_20_makes_the_cost_climb_and_is_caught(void **state)
{
    (void)state;
    trainer *t = make("planar", ACT_TANH, 10.0);
    assert_int_equal(trainer_run(t, 5000), 5000);
    double before = trainer_cost(t);
    assert_true(trainer_step_lr(t, 1));
    assert_near(trainer_lr(t), 20.0, 0);
    long ran = trainer_run(t, 5000);
    assert_true(ran < 5000);
    assert_int_equal(trainer_state_of(t), TRAINER_DIVERGED);
    assert_int_equal(trainer_divergence_of(t), TRAINER_DIV_GROWING);
    assert_true(isfinite(trainer_cost(t)) && trainer_cost(t) > 2 * before);
    /* The learner may go on anyway: the warning is cleared. */
    assert_true(trainer_set_paused(t, false));
    assert_int_equal(trainer_state_of(t), TRAINER_RUNNING);
    assert_int_equal(trainer_divergence_of(t), TRAINER_DIV_NONE);
    trainer_free(t);
}

static void a_smaller_rate_on_a_plateau_is_not_divergence(void **state)
{
    (void)state;
    /* planar at 1.2 for 20000, then 1.0: the cost creeps up by a few per
     * cent for a while (the old watch called it divergence at 24451). */
    trainer *t = make("planar", ACT_TANH, 1.2);
    assert_int_equal(trainer_run(t, 20000), 20000);
    assert_true(trainer_step_lr(t, -1));
    assert_int_equal(trainer_run(t, 50000), 50000);
    assert_int_equal(trainer_state_of(t), TRAINER_RUNNING);
    trainer_free(t);
}

static void the_top_of_the_ladder_makes_the_course_network_diverge(void **state)
{
    (void)state;
    /* The week 2 lesson promises J oscillates or grows with a large rate:
     * the ladder reaches a rate where the course's own network does. */
    trainer *t = make("planar", ACT_TANH, 1.2);
    assert_int_equal(trainer_run(t, 1000), 1000);
    while (trainer_step_lr(t, 1))
        ;
    assert_true(trainer_run(t, 1000) < 1000);
    assert_int_equal(trainer_state_of(t), TRAINER_DIVERGED);
    trainer_free(t);
}

static void logistic_regression_on_planar_goes_flat_and_the_course_run_is_not_at_20000(void **state)
{
    (void)state;
    char err[256];
    run_spec sp = runspec_default();
    sp.hidden = 0;
    trainer *t = trainer_new(&sp, err, sizeof err);
    assert_non_null(t);
    trainer_run(t, 5000);
    assert_false(trainer_cost_flat(t));  /* not TRAINER_FLAT_SPAN iterations yet */
    trainer_run(t, 20000);
    assert_true(trainer_cost_flat(t));
    /* Going on after a pause looks afresh. */
    trainer_set_paused(t, true);
    trainer_set_paused(t, false);
    assert_false(trainer_cost_flat(t));
    trainer_free(t);
    t = make("planar", ACT_TANH, 1.2);
    trainer_run(t, 20000);
    assert_false(trainer_cost_flat(t));
    trainer_free(t);
}

/* The history of a run past about 21 M iterations, thinned to one cost every
 * 10240 iterations: 100 costs, each `drop` (relative) below the one before. */
static void thinned_history(trainer *t, double drop)
{
    t->cost_every = 10240;
    t->hist_n = 100;
    t->segment_start = 0;
    for (size_t i = 0; i < t->hist_n; i++) {
        t->hist_x[i] = 21e6 + 10240.0 * (double)i;
        t->hist_y[i] = 0.25 * pow(1.0 - drop, (double)i);
        t->hist_test[i] = NAN;
    }
}

/* The last 10 000 iterations of a thinned history hold one cost; the check
 * reaches back over TRAINER_FLAT_POINTS costs rather than call any cost flat. */
static void a_thinned_history_is_flat_only_when_its_costs_are(void **state)
{
    (void)state;
    trainer *t = make("planar", ACT_TANH, 1.2);
    thinned_history(t, 1e-3); /* 0.1 % per 10240 iterations: still falling */
    assert_false(trainer_cost_flat(t));
    thinned_history(t, 1e-7);
    assert_true(trainer_cost_flat(t));
    /* and too few costs since a change are not enough to tell */
    t->segment_start = t->hist_n - TRAINER_FLAT_POINTS + 1;
    assert_false(trainer_cost_flat(t));
    trainer_free(t);
}

/* The course's run (2-4-1, tanh, lr 1.2) improves by more than 0.01 % per
 * 10 000 iterations until about 900 000 (cost 0.2017); from there on the
 * trainer's screen pauses it by itself. */
static void the_course_run_goes_flat_between_800k_and_a_million_iterations(void **state)
{
    (void)state;
    trainer *t = make("planar", ACT_TANH, 1.2);
    long flat_at = 0;
    while (!flat_at && trainer_iterations(t) < 1200000) {
        assert_int_equal(trainer_run(t, 10000), 10000);
        if (trainer_cost_flat(t))
            flat_at = trainer_iterations(t);
    }
    assert_int_equal(trainer_state_of(t), TRAINER_RUNNING);
    assert_in_range(flat_at, 800001, 1000000);
    assert_near(trainer_cost(t), 0.2017, 1e-3);
    trainer_free(t);
}

static void the_measure_is_the_network_as_it_is_now(void **state)
{
    (void)state;
    trainer *t = make("planar", ACT_TANH, 1.2);
    trainer_measure m;
    trainer_measure_now(t, &m);
    assert_int_equal(m.iterations, 0);
    assert_near(m.cost, 0.693048, 5e-7);
    /* The course's "Cost after iteration 1000", not the sample at 990. */
    trainer_run(t, 1000);
    trainer_measure_now(t, &m);
    assert_int_equal(m.iterations, 1000);
    assert_near(m.cost, 0.288083, 5e-7);
    /* One step from fresh weights: the cost after it (train --print-every 1). */
    trainer_reinit(t);
    trainer_run(t, 1);
    trainer_measure_now(t, &m);
    assert_int_equal(m.iterations, 1);
    assert_not_near(m.cost, 0.693048, 1e-5);
    assert_near(m.acc_train, trainer_accuracy(t, false), 0);
    assert_true(isnan(m.acc_test));
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
    assert_near(trainer_accuracy(t, false), 90.5, 1e-9);
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
        cmocka_unit_test(lr_10_with_leaky_relu_on_planar_saturates_an_output_and_says_which),
        cmocka_unit_test(an_output_bias_of_1000_saturates_every_point_labelled_0),
        cmocka_unit_test(lr_10_with_sigmoid_on_planar_settles_high_without_an_alarm),
        cmocka_unit_test(stepping_up_from_10_to_20_makes_the_cost_climb_and_is_caught),
        cmocka_unit_test(a_smaller_rate_on_a_plateau_is_not_divergence),
        cmocka_unit_test(the_top_of_the_ladder_makes_the_course_network_diverge),
        cmocka_unit_test(the_measure_is_the_network_as_it_is_now),
        cmocka_unit_test(logistic_regression_on_planar_goes_flat_and_the_course_run_is_not_at_20000),
        cmocka_unit_test(a_thinned_history_is_flat_only_when_its_costs_are),
        cmocka_unit_test(the_course_run_goes_flat_between_800k_and_a_million_iterations),
        cmocka_unit_test(lr_10_with_tanh_on_planar_keeps_training_without_a_false_alarm),
        cmocka_unit_test(the_course_run_at_lr_1_2_raises_no_alarm),
        cmocka_unit_test(pausing_does_not_stop_a_single_step),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
