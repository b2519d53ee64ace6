/*
 * test_trainer_sweep.c — the hidden-size sweep against the course's figures.
 *
 * The course (seed 2 weights, planar seed 1, lr 1.2, 5000 iterations) prints
 * 1: 67.5%, 2: 67.25%, 3: 90.75%, 4: 90.5%, 5: 91.25%, 20: 90.0%, 50: 90.75%.
 * Our sums run in another order than numpy's, and over 5000 iterations the
 * tiny differences move a point or two of the 400 across the boundary for
 * the wide networks: we match n_h 1 … 5 exactly and 20 and 50 within 0.75%
 * (three points).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dnn_test.h"
#include "lab/trainer_internal.h"

static void the_sweep_reproduces_the_course_accuracies(void **state)
{
    (void)state;
    char err[256] = "";
    run_spec sp = runspec_default();
    trainer *t = trainer_new(&sp, err, sizeof err);
    assert_non_null(t);
    assert_false(trainer_sweep_active(t));
    assert_true(trainer_sweep_start(t, TRAINER_SWEEP_ITERATIONS, err, sizeof err));
    /* Slices, as the screen runs it; the live network does not move. */
    long slices = 0, ran;
    while ((ran = trainer_sweep_work(t, 997, NULL, NULL)) > 0) {
        assert_true(ran <= 997);
        slices++;
    }
    assert_true(slices >= 7L * TRAINER_SWEEP_ITERATIONS / 997);
    assert_true(trainer_sweep_finished(t));
    assert_int_equal(trainer_iterations(t), 0);
    const trainer_sweep_entry *e;
    assert_int_equal(trainer_sweep_entries(t, &e), TRAINER_SWEEP_COUNT);
    static const int sizes[] = {1, 2, 3, 4, 5, 20, 50};
    static const double course[] = {67.5, 67.25, 90.75, 90.5, 91.25, 90.0, 90.75};
    for (int i = 0; i < TRAINER_SWEEP_COUNT; i++) {
        assert_int_equal(e[i].n_h, sizes[i]);
        assert_int_equal(e[i].done, TRAINER_SWEEP_ITERATIONS);
        assert_false(e[i].diverged);
        double tol = sizes[i] <= 5 ? 1e-9 : 0.75 + 1e-9;
        if (fabs(e[i].accuracy - course[i]) > tol)
            fail_msg("n_h %d: %.2f%%, course %.2f%%", sizes[i], e[i].accuracy, course[i]);
    }
    trainer_sweep_stop(t);
    assert_int_equal(trainer_sweep_entries(t, &e), 0);
    assert_int_equal(trainer_sweep_work(t, 10, NULL, NULL), 0);
    trainer_free(t);
}

/* With a test split (the digits have one) every finished size also has its
 * test accuracy, that of its own network on the held-out examples; without
 * one it stays NAN. */
static void each_size_has_its_test_accuracy_when_there_is_a_test_set(void **state)
{
    (void)state;
    char err[256] = "";
    run_spec sp = runspec_default();
    snprintf(sp.dataset, sizeof sp.dataset, "moons");
    sp.test_split = 0.25;
    trainer *t = trainer_new(&sp, err, sizeof err);
    assert_non_null(t);
    const trainer_data *d = trainer_data_of(t);
    assert_non_null(d->X_test);
    assert_true(trainer_sweep_start(t, 200, err, sizeof err));
    while (trainer_sweep_work(t, 500, NULL, NULL) > 0)
        ;
    const trainer_sweep_entry *e;
    assert_int_equal(trainer_sweep_entries(t, &e), TRAINER_SWEEP_COUNT);
    for (int i = 0; i < TRAINER_SWEEP_COUNT; i++) {
        assert_false(e[i].diverged);
        assert_true(isfinite(e[i].accuracy_test));
        assert_near(e[i].accuracy_test, nn_accuracy(e[i].net, d->X_test, d->Y_test), 0.0);
        assert_near(e[i].accuracy, nn_accuracy(e[i].net, d->X, d->Y), 0.0);
    }
    trainer_free(t);

    sp.test_split = 0;
    t = trainer_new(&sp, err, sizeof err);
    assert_non_null(t);
    assert_true(trainer_sweep_start(t, 20, err, sizeof err));
    while (trainer_sweep_work(t, 500, NULL, NULL) > 0)
        ;
    trainer_sweep_entries(t, &e);
    for (int i = 0; i < TRAINER_SWEEP_COUNT; i++) {
        assert_true(isfinite(e[i].accuracy));
        assert_true(isnan(e[i].accuracy_test));
    }
    trainer_free(t);
}

/* The learning-rate comparison: fresh networks at 10, 1, 0.1 and 0.01
 * times the live rate, from the same weights. The live rate's curve is the
 * live network's run to the last bit (the course's 0.693048 first), the
 * smallest rate crawls, and the live network does not move meanwhile. */
static void the_rate_comparison_runs_the_same_network_at_four_rates(void **state)
{
    (void)state;
    char err[256] = "";
    run_spec sp = runspec_default();
    trainer *t = trainer_new(&sp, err, sizeof err), *alone = trainer_new(&sp, err, sizeof err);
    assert_non_null(t);
    assert_non_null(alone);
    assert_false(trainer_rates_active(t));
    assert_true(trainer_rates_start(t, TRAINER_RATES_ITERATIONS, err, sizeof err));
    /* Starting builds nothing (a key starts it; a wide network takes a
     * while to build): each network is built when its turn comes. */
    for (int i = 0; i < TRAINER_RATES_COUNT; i++)
        assert_null(t->rates_nets[i]);
    assert_int_equal(trainer_rates_work(t, 10, NULL, NULL), 10);
    assert_non_null(t->rates_nets[0]);
    assert_null(t->rates_nets[1]);
    while (trainer_rates_work(t, 997, NULL, NULL) > 0)
        ;
    assert_true(trainer_rates_finished(t));
    assert_int_equal(trainer_iterations(t), 0);
    const trainer_rate_entry *e;
    assert_int_equal(trainer_rates_entries(t, &e), TRAINER_RATES_COUNT);
    static const double lr[TRAINER_RATES_COUNT] = {12.0, 1.2, 0.12, 0.012};
    for (int i = 0; i < TRAINER_RATES_COUNT; i++) {
        if (fabs(e[i].lr - lr[i]) > 1e-12)
            fail_msg("rate %d is %g, want %g", i, e[i].lr, lr[i]);
        assert_int_equal(e[i].done, TRAINER_RATES_ITERATIONS);
        assert_true(e[i].n >= TRAINER_RATES_POINTS && e[i].n <= TRAINER_RATES_POINTS + 2);
        assert_exact(e[i].x[0], 0.0);
        assert_exact(e[i].x[e[i].n - 1], (double)TRAINER_RATES_ITERATIONS);
    }
    assert_near(e[1].cost[0], 0.693048, 5e-7);
    trainer_run(alone, TRAINER_RATES_ITERATIONS);
    trainer_measure m;
    trainer_measure_now(alone, &m);
    assert_exact(e[1].final_cost, m.cost);
    assert_true(e[3].final_cost > e[2].final_cost && e[2].final_cost > e[1].final_cost);
    trainer_rates_stop(t);
    assert_int_equal(trainer_rates_entries(t, &e), 0);
    assert_int_equal(trainer_rates_work(t, 10, NULL, NULL), 0);
    trainer_free(alone);
    trainer_free(t);
}

/* A pause hook that asks to stop after every fifth operation. */
static bool every_fifth_operation(void *user)
{
    int *calls = user;
    return ++*calls % 5 == 0;
}

/* With a pause hook (the trainer screen's worker passes one for a wide
 * network, so a key waits for one matrix operation, not one iteration of
 * each size or rate) the sweep and the comparison stop inside iterations
 * and go on from there: the same networks and costs, bit for bit, as
 * without pauses. */
static void the_sweep_and_the_comparison_stop_inside_an_iteration_and_go_on(void **state)
{
    (void)state;
    char err[256] = "";
    run_spec sp = runspec_default();
    trainer *cut = trainer_new(&sp, err, sizeof err), *whole = trainer_new(&sp, err, sizeof err);
    assert_non_null(cut);
    assert_non_null(whole);
    const long iterations = 40;
    int calls = 0, rounds = 0;
    bool paused_inside = false;

    assert_true(trainer_sweep_start(cut, iterations, err, sizeof err));
    assert_true(trainer_sweep_start(whole, iterations, err, sizeof err));
    while (!trainer_sweep_finished(cut) && rounds++ < 100000) {
        trainer_sweep_work(cut, 7, every_fifth_operation, &calls);
        for (int i = 0; i < TRAINER_SWEEP_COUNT; i++)
            paused_inside |= run_loop_mid_iteration(&cut->sweep_loops[i]);
    }
    assert_true(trainer_sweep_finished(cut));
    assert_true(paused_inside);
    while (trainer_sweep_work(whole, 997, NULL, NULL) > 0)
        ;
    const trainer_sweep_entry *a, *b;
    assert_int_equal(trainer_sweep_entries(cut, &a), TRAINER_SWEEP_COUNT);
    assert_int_equal(trainer_sweep_entries(whole, &b), TRAINER_SWEEP_COUNT);
    for (int i = 0; i < TRAINER_SWEEP_COUNT; i++) {
        assert_int_equal(a[i].done, iterations);
        assert_memory_equal(&a[i].accuracy, &b[i].accuracy, sizeof a[i].accuracy);
        const mat *wa = nn_value_of(a[i].net, NN_W, 1), *wb = nn_value_of(b[i].net, NN_W, 1);
        assert_memory_equal(wa->v, wb->v, mat_size(wa) * sizeof *wa->v);
    }

    paused_inside = false;
    rounds = 0;
    assert_true(trainer_rates_start(cut, iterations, err, sizeof err));
    assert_true(trainer_rates_start(whole, iterations, err, sizeof err));
    while (!trainer_rates_finished(cut) && rounds++ < 100000) {
        trainer_rates_work(cut, 7, every_fifth_operation, &calls);
        for (int i = 0; i < TRAINER_RATES_COUNT; i++)
            paused_inside |= run_loop_mid_iteration(&cut->rates_loops[i]);
    }
    assert_true(trainer_rates_finished(cut));
    assert_true(paused_inside);
    while (trainer_rates_work(whole, 997, NULL, NULL) > 0)
        ;
    const trainer_rate_entry *ra, *rb;
    assert_int_equal(trainer_rates_entries(cut, &ra), TRAINER_RATES_COUNT);
    assert_int_equal(trainer_rates_entries(whole, &rb), TRAINER_RATES_COUNT);
    for (int i = 0; i < TRAINER_RATES_COUNT; i++) {
        assert_int_equal(ra[i].done, iterations);
        assert_int_equal(ra[i].n, rb[i].n);
        assert_memory_equal(ra[i].cost, rb[i].cost, ra[i].n * sizeof *ra[i].cost);
        assert_memory_equal(&ra[i].final_cost, &rb[i].final_cost, sizeof ra[i].final_cost);
    }
    trainer_free(cut);
    trainer_free(whole);
}

/* course.h writes each setting of the course's sweep as a number and as the
 * words the screens and help texts print: the two say the same. */
static void the_course_sweep_settings_say_in_words_what_they_are_in_numbers(void **state)
{
    (void)state;
    static const int sizes[COURSE_SWEEP_COUNT] = COURSE_SWEEP_SIZES;
    char words[128] = "", arg[128] = "", num[32];
    for (int i = 0; i < COURSE_SWEEP_COUNT; i++) {
        snprintf(words + strlen(words), sizeof words - strlen(words), "%s%d", i ? ", " : "", sizes[i]);
        snprintf(arg + strlen(arg), sizeof arg - strlen(arg), "%s%d", i ? "," : "", sizes[i]);
    }
    assert_string_equal(words, COURSE_SWEEP_SIZES_TEXT);
    assert_string_equal(arg, COURSE_SWEEP_SIZES_ARG);
    snprintf(num, sizeof num, "%d", COURSE_SWEEP_ITERATIONS);
    assert_string_equal(num, COURSE_SWEEP_ITERATIONS_TEXT);
    snprintf(num, sizeof num, "%d", COURSE_SWEEP_SEED);
    assert_string_equal(num, COURSE_SWEEP_SEED_TEXT);
    assert_near(strtod(COURSE_SWEEP_LR_TEXT, NULL), COURSE_SWEEP_LR, 0);
    assert_string_equal(act_name(COURSE_SWEEP_ACT), COURSE_SWEEP_ACT_TEXT);
    /* and the default run is the course's, so the sweep from defaults matches it */
    run_spec sp = runspec_default();
    assert_string_equal(sp.dataset, COURSE_SWEEP_DATASET);
    assert_int_equal(sp.hidden_act, COURSE_SWEEP_ACT);
    assert_near(sp.lr, COURSE_SWEEP_LR, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_sweep_reproduces_the_course_accuracies),
        cmocka_unit_test(each_size_has_its_test_accuracy_when_there_is_a_test_set),
        cmocka_unit_test(the_rate_comparison_runs_the_same_network_at_four_rates),
        cmocka_unit_test(the_sweep_and_the_comparison_stop_inside_an_iteration_and_go_on),
        cmocka_unit_test(the_course_sweep_settings_say_in_words_what_they_are_in_numbers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
