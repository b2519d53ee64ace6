/*
 * test_trainer_model.c — the live trainer's model: the learning-rate ladder,
 * rebuilds, the cost history with markers, and the course's numbers.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dnn_test.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "trainer_fixture.h"

static void the_ladder_runs_from_0_0001_to_100_through_1_2(void **state)
{
    (void)state;
    const double *r;
    size_t n = trainer_lr_ladder(&r);
    assert_true(n >= 10);
    assert_near(r[0], 0.0001, 0);
    assert_near(r[n - 1], 100.0, 0);
    bool has_course = false;
    for (size_t i = 0; i < n; i++) {
        has_course = has_course || r[i] == 1.2;
        if (i)
            assert_true(r[i] > r[i - 1]);
    }
    assert_true(has_course);
    assert_near(trainer_lr_neighbour(1.2, 1), 1.5, 0);
    assert_near(trainer_lr_neighbour(1.2, -1), 1.0, 0);
    /* Off the ladder: the neighbouring rungs. */
    assert_near(trainer_lr_neighbour(0.0075, 1), 0.01, 0);
    assert_near(trainer_lr_neighbour(0.0075, -1), 0.003, 0);
    /* The ends stay put. */
    assert_near(trainer_lr_neighbour(10.0, 1), 20.0, 0);
    assert_near(trainer_lr_neighbour(100.0, 1), 100.0, 0);
    assert_near(trainer_lr_neighbour(0.0001, -1), 0.0001, 0);
}

static void stepping_the_rate_keeps_the_network_and_its_iteration_count(void **state)
{
    (void)state;
    trainer *t = make("planar", ACT_TANH, 1.2);
    assert_int_equal(trainer_run(t, 250), 250);
    const nn_net *before = trainer_net(t);
    assert_true(trainer_step_lr(t, 1));
    assert_near(trainer_lr(t), 1.5, 0);
    /* The live rate is the run's, not the spec's: the spec says how it began. */
    assert_near(trainer_spec(t)->lr, 1.2, 0);
    assert_ptr_equal(trainer_net(t), before);
    assert_int_equal(trainer_iterations(t), 250);
    trainer_run(t, 50);
    assert_int_equal(trainer_iterations(t), 300);
    /* Up to the top: false there, nothing changes. */
    while (trainer_step_lr(t, 1))
        ;
    assert_near(trainer_lr(t), 100.0, 0);
    assert_false(trainer_step_lr(t, 1));
    while (trainer_step_lr(t, -1))
        ;
    assert_near(trainer_lr(t), 0.0001, 0);
    assert_false(trainer_step_lr(t, -1));
    trainer_free(t);
}

static void a_hidden_rebuild_keeps_the_rate_and_restarts_the_count(void **state)
{
    (void)state;
    trainer *t = make("planar", ACT_TANH, 1.2);
    trainer_step_lr(t, 1);
    trainer_run(t, 100);
    char err[128];
    assert_true(trainer_set_hidden(t, 5, err, sizeof err));
    assert_int_equal(nn_dim(trainer_net(t), 1), 5);
    assert_near(trainer_lr(t), 1.5, 0);
    assert_int_equal(trainer_iterations(t), 0);
    assert_int_equal(trainer_clock(t), 100);
    /* Fresh weights from the course's seed 2: W1 is randn(5, 2)·0.01 and its
     * first element is seed(2)'s first draw, −0.41675785 · 0.01. */
    assert_near(mat_get(nn_value_of(trainer_net(t), NN_W, 1), 0, 0), -0.0041675785, 1e-10);
    assert_false(trainer_set_hidden(t, 0, err, sizeof err));
    assert_false(trainer_set_hidden(t, 51, err, sizeof err));
    assert_true(trainer_set_hidden(t, 50, err, sizeof err));
    assert_int_equal(nn_dim(trainer_net(t), 1), 50);
    trainer_free(t);
}

static void the_history_holds_the_course_costs_and_a_marker_per_change(void **state)
{
    (void)state;
    trainer *t = make("planar", ACT_TANH, 1.2);
    trainer_run(t, 3001);
    const double *x, *y;
    size_t n = trainer_history(t, &x, &y);
    assert_int_equal(n, 3000 / TRAINER_COST_EVERY + 1);
    /* The course's "Cost after iteration i" lines. */
    static const double course[] = {0.693048, 0.288083, 0.254385, 0.233864};
    for (size_t i = 0; i < n; i++)
        if ((long)x[i] % 1000 == 0)
            assert_near(y[i], course[(long)x[i] / 1000], 5e-7);
    assert_near(trainer_cost(t), y[n - 1], 0);
    const trainer_marker *m;
    assert_int_equal(trainer_markers(t, &m), 0);
    trainer_step_lr(t, -1);
    char err[128];
    trainer_set_hidden(t, 3, err, sizeof err);
    trainer_zero_init(t);
    assert_int_equal(trainer_markers(t, &m), 3);
    assert_int_equal(m[0].what, TRAINER_CHANGE_LR);
    assert_int_equal(m[1].what, TRAINER_CHANGE_HIDDEN);
    assert_int_equal(m[2].what, TRAINER_CHANGE_ZERO_INIT);
    assert_near(m[0].clock, 3001, 0);
    /* The earlier curve stays after the rebuild. */
    assert_int_equal(trainer_history(t, &x, &y), n);
    trainer_free(t);
}

static void a_long_run_thins_its_history_but_keeps_the_start(void **state)
{
    (void)state;
    trainer *t = make("planar", ACT_TANH, 1.2);
    long total = (long)TRAINER_HISTORY_MAX * TRAINER_COST_EVERY + 5000;
    trainer_run(t, total);
    const double *x, *y;
    size_t n = trainer_history(t, &x, &y);
    assert_true(n <= TRAINER_HISTORY_MAX);
    assert_true(n > TRAINER_HISTORY_MAX / 2);
    assert_int_equal(trainer_cost_every(t), 2 * TRAINER_COST_EVERY);
    assert_near(x[0], 0, 0);
    assert_near(y[0], 0.693048, 5e-7);
    for (size_t i = 1; i < n; i++)
        assert_true(x[i] > x[i - 1]);
    trainer_free(t);
}

static void zero_init_keeps_every_hidden_unit_identical(void **state)
{
    (void)state;
    trainer *t = make("planar", ACT_TANH, 1.2);
    trainer_zero_init(t);
    assert_true(trainer_zero_initialised(t));
    trainer_run(t, 500);
    const mat *W = nn_value_of(trainer_net(t), NN_W, 1);
    for (size_t k = 1; k < W->rows; k++)
        for (size_t j = 0; j < W->cols; j++)
            assert_near(mat_get(W, k, j), mat_get(W, 0, j), 0);
    trainer_reinit(t);
    assert_false(trainer_zero_initialised(t));
    assert_near(mat_get(nn_value_of(trainer_net(t), NN_W, 1), 0, 0), -0.0041675785, 1e-10);
    trainer_free(t);
}

static void activation_and_dataset_cycle_through_every_choice(void **state)
{
    (void)state;
    assert_int_equal(trainer_next_activation(ACT_TANH), ACT_RELU);
    assert_int_equal(trainer_next_activation(ACT_RELU), ACT_LEAKY_RELU);
    assert_int_equal(trainer_next_activation(ACT_LEAKY_RELU), ACT_SIGMOID);
    assert_int_equal(trainer_next_activation(ACT_SIGMOID), ACT_TANH);
    const char *name = "planar";
    const char *seen[5];
    for (int i = 0; i < 5; i++) {
        seen[i] = name;
        name = trainer_next_dataset(name);
    }
    assert_string_equal(name, "planar");
    assert_string_equal(seen[4], "quantiles");
    trainer *t = make("planar", ACT_TANH, 1.2);
    char err[128];
    assert_true(trainer_set_dataset(t, "moons", err, sizeof err));
    assert_string_equal(trainer_spec(t)->dataset, "moons");
    assert_false(trainer_set_dataset(t, "no-such-set-here.csv", err, sizeof err));
    assert_string_equal(trainer_spec(t)->dataset, "moons");
    assert_true(trainer_set_activation(t, ACT_RELU, err, sizeof err));
    assert_int_equal(nn_activation(trainer_net(t), 1), ACT_RELU);
    trainer_free(t);
}

static void layers_can_be_set_for_a_deep_network(void **state)
{
    (void)state;
    trainer *t = make("planar", ACT_TANH, 1.2);
    char err[160];
    int layers[] = {5, 3, 1};
    assert_true(trainer_set_layers(t, layers, 3, NULL, err, sizeof err));
    assert_int_equal(nn_layers(trainer_net(t)), 3);
    assert_false(trainer_single_hidden(t));
    int bad[] = {5, 3, 2};
    assert_false(trainer_set_layers(t, bad, 3, NULL, err, sizeof err));
    assert_int_equal(nn_layers(trainer_net(t)), 3);
    trainer_free(t);
}

/* What a screen measures off its lock, on a copy of the parameters in a
 * network of the same config that is not bound to any data (whole or in
 * bands), is what the trainer measures on its own network, to the last
 * bit; and the data set a copy reads stays alive while held, after the
 * trainer moved on to another. */
static void a_copy_measures_as_the_trainer_and_holds_its_data(void **state)
{
    (void)state;
    trainer *t = make("planar", ACT_TANH, 1.2);
    trainer_run(t, 1234);
    nn_net *copy = nn_new(nn_get_config(trainer_net(t)));
    assert_non_null(copy);
    for (int l = 1; l <= nn_layers(copy); l++) {
        mat_copy(nn_param(copy, NN_W, l), nn_value_of(trainer_net(t), NN_W, l));
        mat_copy(nn_param(copy, NN_B, l), nn_value_of(trainer_net(t), NN_B, l));
    }
    const trainer_data *d = trainer_data_hold(trainer_data_of(t));
    trainer_measure now, off;
    trainer_measure_now(t, &now);
    mat *p_test = NULL;
    trainer_measure_copy(d, copy, false, &off, &p_test, 0, NULL);
    assert_exact(off.cost, now.cost);
    assert_true(off.acc_train == now.acc_train);
    assert_true(isnan(off.acc_test) && isnan(now.acc_test));
    assert_null(p_test); /* planar has no test split here */
    long builds = trainer_builds(t);
    char err[160];
    assert_true(trainer_set_dataset(t, "moons", err, sizeof err));
    assert_true(trainer_builds(t) > builds);
    assert_true(trainer_data_of(t) != d);
    /* The old data set is still there for the copy (ASan would see a use after free). */
    trainer_measure again;
    trainer_measure_copy(d, copy, false, &again, NULL, 0, NULL);
    assert_exact(again.cost, now.cost);
    trainer_data_release(d);
    nn_free(copy);
    trainer_free(t);
    /* With a test split (digits): the test accuracy and ŷ of every test example. */
    t = make("digits", ACT_RELU, 0.01);
    trainer_run(t, 300);
    trainer_measure_now(t, &now);
    trainer_measure_copy(trainer_data_of(t), trainer_net(t), false, &off, &p_test, 0, NULL);
    assert_exact(off.cost, now.cost);
    assert_true(off.acc_train == now.acc_train);
    assert_true(off.acc_test == now.acc_test);
    assert_non_null(p_test);
    assert_int_equal(p_test->cols, trainer_data_of(t)->X_test->cols);
    mat_free(p_test);
    /* In bands of 7 examples (how a screen measures a wide network, asking
     * between bands whether to go on): the same numbers. */
    trainer_measure banded;
    trainer_measure_copy(trainer_data_of(t), trainer_net(t), false, &banded, NULL, 7, NULL);
    assert_exact(banded.cost, now.cost);
    assert_true(banded.acc_train == now.acc_train);
    assert_true(banded.acc_test == now.acc_test);
    trainer_free(t);
}

/* Two or more hidden layers take week 4's defaults for what the learner has
 * not given or chosen: ReLU, randn/√n[l−1] and lr 0.0075; a rate stepped to
 * with ←/→ and an activation picked with a are choices, and stay. */
static void deep_layers_take_week_4s_defaults_unless_chosen(void **state)
{
    (void)state;
    trainer *t = make("planar", ACT_TANH, 1.2);
    char err[160];
    unsigned chose = 123;
    int one[] = {6, 1};
    assert_true(trainer_set_layers(t, one, 2, &chose, err, sizeof err));
    assert_int_equal(chose, 0);
    assert_near(trainer_lr(t), 1.2, 0);
    int deep[] = {6, 3, 1};
    assert_true(trainer_set_layers(t, deep, 3, &chose, err, sizeof err));
    assert_int_equal(chose, RUNSPEC_GIVEN(RUNSPEC_ACTIVATION) | RUNSPEC_GIVEN(RUNSPEC_INIT) | RUNSPEC_GIVEN(RUNSPEC_LR));
    assert_int_equal(nn_activation(trainer_net(t), 1), ACT_RELU);
    assert_int_equal(trainer_spec(t)->init, NN_INIT_COURSE_W4);
    assert_near(trainer_lr(t), 0.0075, 0);
    trainer_free(t);

    t = make("planar", ACT_TANH, 1.2);
    assert_true(trainer_step_lr(t, -1));
    assert_true(trainer_set_activation(t, ACT_SIGMOID, err, sizeof err));
    assert_true(trainer_set_layers(t, deep, 3, &chose, err, sizeof err));
    assert_int_equal(chose, RUNSPEC_GIVEN(RUNSPEC_INIT));
    assert_int_equal(nn_activation(trainer_net(t), 1), ACT_SIGMOID);
    assert_near(trainer_lr(t), 1.0, 0);
    trainer_free(t);
}

/* A held-out test set on and off: the data are loaded again with a quarter
 * kept out, the network rebuilt (a new run), and every recorded point has the
 * test set's cost beside the training cost; off, every point trains again
 * and the test cost is NAN. */
static void a_test_split_toggles_with_its_own_cost(void **state)
{
    (void)state;
    trainer *t = make("planar", ACT_TANH, 1.2);
    char err[160];
    size_t m = trainer_data_of(t)->X->cols;
    assert_null(trainer_data_of(t)->X_test);
    trainer_run(t, 100);
    assert_true(trainer_set_test_split(t, TRAINER_TOGGLE_SPLIT, err, sizeof err));
    const trainer_data *d = trainer_data_of(t);
    assert_non_null(d->X_test);
    assert_int_equal(d->X->cols + d->X_test->cols, m);
    assert_int_equal(d->X_test->cols, (size_t)(m * TRAINER_TOGGLE_SPLIT));
    assert_int_equal(trainer_iterations(t), 0);
    const trainer_marker *mk;
    size_t nm = trainer_markers(t, &mk);
    assert_int_equal(mk[nm - 1].what, TRAINER_CHANGE_DATASET);
    trainer_run(t, 500);
    const double *x, *y, *yt;
    size_t n = trainer_history(t, &x, &y);
    assert_int_equal(trainer_history_test(t, &yt), n);
    assert_true(isnan(yt[0]));       /* recorded before the split */
    assert_true(isfinite(yt[n - 1]));
    assert_true(yt[n - 1] > 0 && yt[n - 1] < yt[10] + 1);
    assert_true(isfinite(trainer_accuracy(t, true)));
    assert_true(trainer_set_test_split(t, 0, err, sizeof err));
    assert_null(trainer_data_of(t)->X_test);
    assert_int_equal(trainer_data_of(t)->X->cols, m);
    trainer_run(t, 20);
    n = trainer_history_test(t, &yt);
    assert_true(isnan(yt[n - 1]));
    trainer_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_ladder_runs_from_0_0001_to_100_through_1_2),
        cmocka_unit_test(deep_layers_take_week_4s_defaults_unless_chosen),
        cmocka_unit_test(a_test_split_toggles_with_its_own_cost),
        cmocka_unit_test(stepping_the_rate_keeps_the_network_and_its_iteration_count),
        cmocka_unit_test(a_hidden_rebuild_keeps_the_rate_and_restarts_the_count),
        cmocka_unit_test(the_history_holds_the_course_costs_and_a_marker_per_change),
        cmocka_unit_test(a_long_run_thins_its_history_but_keeps_the_start),
        cmocka_unit_test(zero_init_keeps_every_hidden_unit_identical),
        cmocka_unit_test(activation_and_dataset_cycle_through_every_choice),
        cmocka_unit_test(layers_can_be_set_for_a_deep_network),
        cmocka_unit_test(a_copy_measures_as_the_trainer_and_holds_its_data),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
