/*
 * test_run.c — the one training run: the loader, the builder, and the
 * steppable loop that train, sweep, the report and the trainer share.
 */
#include "dnn_test.h"

#include <string.h>

#include "lab/run.h"

typedef struct costs {
    long it[64];
    double cost[64];
    int n;
} costs;

static bool keep_cost(void *user, long iteration, double cost)
{
    costs *c = user;
    if (c->n < 64) {
        c->it[c->n] = iteration;
        c->cost[c->n++] = cost;
    }
    return false;
}

/* The course's week-3 run: "Cost after iteration 1000: 0.288083". */
static void run_train_prints_the_courses_costs(void **state)
{
    (void)state;
    char err[300];
    run_spec spec = runspec_default();
    spec.iterations = 2000;
    run_setup s;
    assert_int_equal(run_setup_open(&spec, &s, err, sizeof err), 0);
    run_result r;
    run_train(&s, &spec, NULL, &r);
    assert_int_equal(r.n_costs, 2);
    assert_int_equal(r.costs[0].iteration, 0);
    assert_near(r.costs[0].cost, 0.693048, 5e-7);
    assert_int_equal(r.costs[1].iteration, 1000);
    assert_near(r.costs[1].cost, 0.288083, 5e-7);
    assert_false(r.diverged);
    run_result_free(&r);
    run_setup_close(&s);
}

/* step(n) in slices is the same run as one long step: the same costs, bit for
 * bit, at the same iterations. */
static void stepping_in_slices_is_the_same_run(void **state)
{
    (void)state;
    char err[300];
    run_spec spec = runspec_default();
    run_setup a, b;
    assert_int_equal(run_setup_open(&spec, &a, err, sizeof err), 0);
    assert_int_equal(run_setup_open(&spec, &b, err, sizeof err), 0);
    costs ca = {0}, cb = {0};
    run_loop la, lb;
    const run_hooks ha = {.on_cost = keep_cost, .user = &ca}, hb = {.on_cost = keep_cost, .user = &cb};
    run_loop_begin(&la, a.net, 1.2, 100, &ha);
    run_loop_begin(&lb, b.net, 1.2, 100, &hb);
    assert_int_equal(run_loop_step(&la, 1000), 1000);
    for (int k = 0; k < 1000 / 37 + 1; k++)
        run_loop_step(&lb, nn_iterations(b.net) + 37 > 1000 ? 1000 - nn_iterations(b.net) : 37);
    assert_int_equal(nn_iterations(b.net), 1000);
    assert_int_equal(ca.n, 10);
    assert_int_equal(cb.n, 10);
    for (int i = 0; i < ca.n; i++) {
        assert_int_equal(ca.it[i], 100L * i);
        assert_exact(ca.cost[i], cb.cost[i]);
    }
    run_setup_close(&a);
    run_setup_close(&b);
}

/* A run whose pause hook says "let go" every third operation. */
typedef struct pausing {
    costs c;
    int polls, pauses;
} pausing;

static bool keep_cost_pausing(void *user, long iteration, double cost)
{
    return keep_cost(&((pausing *)user)->c, iteration, cost);
}

static bool every_third_operation(void *user)
{
    pausing *p = user;
    if (++p->polls % 3)
        return false;
    p->pauses++;
    return true;
}

/* Let go inside iterations (a pause hook) and picked up again, the run is
 * the same to the last bit; an iteration left part-way is finished by the
 * next step, with or without the hook, and counted once. */
static void pausing_inside_iterations_is_the_same_run(void **state)
{
    (void)state;
    char err[300];
    run_spec spec = runspec_default();
    run_setup a, b;
    assert_int_equal(run_setup_open(&spec, &a, err, sizeof err), 0);
    assert_int_equal(run_setup_open(&spec, &b, err, sizeof err), 0);
    costs ca = {0};
    pausing pb = {0};
    run_loop la, lb;
    const run_hooks ha = {.on_cost = keep_cost, .user = &ca};
    const run_hooks hb = {.on_cost = keep_cost_pausing, .pause = every_third_operation, .user = &pb};
    run_loop_begin(&la, a.net, 1.2, 10, &ha);
    run_loop_begin(&lb, b.net, 1.2, 10, &hb);
    assert_int_equal(run_loop_step(&la, 300), 300);
    /* The first step lets go after three operations, inside iteration 0. */
    assert_int_equal(run_loop_step(&lb, 300), 0);
    assert_true(lb.paused);
    assert_true(run_loop_mid_iteration(&lb));
    assert_int_equal(nn_iterations(b.net), 0);
    long done = 0;
    for (int k = 0; k < 100000 && done < 299; k++)
        done += run_loop_step(&lb, 299 - done);
    assert_int_equal(done, 299);
    /* Part-way into the last one, then a step without the hook finishes it. */
    assert_false(run_loop_mid_iteration(&lb));
    assert_int_equal(run_loop_step(&lb, 1), 0);
    assert_true(run_loop_mid_iteration(&lb));
    lb.hooks.pause = NULL;
    assert_int_equal(run_loop_step(&lb, 1), 1);
    assert_false(run_loop_mid_iteration(&lb));
    assert_int_equal(nn_iterations(b.net), 300);
    assert_true(pb.pauses > 300);
    assert_int_equal(ca.n, 30);
    assert_int_equal(pb.c.n, 30);
    for (int i = 0; i < ca.n; i++) {
        assert_int_equal(pb.c.it[i], ca.it[i]);
        assert_exact(pb.c.cost[i], ca.cost[i]);
    }
    for (int l = 1; l <= nn_layers(a.net); l++)
        assert_exact(mat_max_abs_diff(nn_value_of(a.net, NN_W, l), nn_value_of(b.net, NN_W, l)), 0.0);
    run_setup_close(&a);
    run_setup_close(&b);
}

/* The rate is the loop's: changing it between steps changes the next updates. */
static void the_rate_lives_in_the_loop(void **state)
{
    (void)state;
    char err[300];
    run_spec spec = runspec_default();
    run_setup a, b;
    assert_int_equal(run_setup_open(&spec, &a, err, sizeof err), 0);
    assert_int_equal(run_setup_open(&spec, &b, err, sizeof err), 0);
    run_loop la, lb;
    run_loop_begin(&la, a.net, 1.2, 0, NULL);
    run_loop_begin(&lb, b.net, 1.2, 0, NULL);
    run_loop_step(&la, 10);
    run_loop_step(&lb, 10);
    lb.lr = 0.5;
    run_loop_step(&la, 10);
    run_loop_step(&lb, 10);
    assert_true(nn_compute_cost(a.net) != nn_compute_cost(b.net));
    run_setup_close(&a);
    run_setup_close(&b);
}

/* A diverging update ends the step, is counted, and nothing runs after it;
 * on_cost returning true ends a step early. */
static void divergence_and_the_hook_end_a_step(void **state)
{
    (void)state;
    char err[300];
    run_spec spec = runspec_default();
    run_setup s;
    assert_int_equal(run_setup_open(&spec, &s, err, sizeof err), 0);
    run_loop l;
    run_loop_begin(&l, s.net, 1e300, 0, NULL);
    long n = run_loop_step(&l, 1000);
    assert_true(l.diverged);
    assert_true(n >= 1 && n < 1000);
    assert_int_equal(l.diverged_at, n - 1);
    assert_int_equal(run_loop_step(&l, 10), 0);
    run_setup_close(&s);
}

static bool stop_at_third(void *user, long iteration, double cost)
{
    (void)cost;
    (void)iteration;
    return ++*(int *)user == 3;
}

static void a_hook_returning_true_ends_the_step(void **state)
{
    (void)state;
    char err[300];
    run_spec spec = runspec_default();
    run_setup s;
    assert_int_equal(run_setup_open(&spec, &s, err, sizeof err), 0);
    int seen = 0;
    const run_hooks h = {.on_cost = stop_at_third, .user = &seen};
    run_loop l;
    run_loop_begin(&l, s.net, 1.2, 10, &h);
    assert_int_equal(run_loop_step(&l, 1000), 21);
    assert_false(l.stopped);
    run_setup_close(&s);
}

/* The builder's refusals: a config the core refuses is 2 with its reason. */
static void the_builder_says_why_it_refuses(void **state)
{
    (void)state;
    char err[300];
    run_spec spec = runspec_default();
    spec.hidden = 0;
    spec.n_layers = 2;
    spec.layers[0] = 4;
    spec.layers[1] = 2;
    run_setup s;
    assert_int_equal(run_setup_open(&spec, &s, err, sizeof err), 2);
    assert_non_null(strstr(err, "output layer must have 1 unit"));
    assert_null(s.net);
    assert_null(s.data);
    snprintf(spec.dataset, sizeof spec.dataset, "flowers");
    assert_int_equal(run_setup_open(&spec, &s, err, sizeof err), 1);
}

/* The one split rule, for the loader and the trainer's report: a given split
 * stands; without one, a built-in set that is not 2-D gets its suggested
 * split when asked (digits: 0.2), a 2-D set never. */
static void the_test_split_is_the_given_one_else_the_suggested_one(void **state)
{
    (void)state;
    run_spec spec = runspec_default();
    snprintf(spec.dataset, sizeof spec.dataset, "digits");
    assert_exact(run_test_split(&spec, false), 0.0);
    assert_exact(run_test_split(&spec, true), 0.2);
    spec.test_split = 0.3;
    assert_exact(run_test_split(&spec, true), 0.3);
    snprintf(spec.dataset, sizeof spec.dataset, "planar");
    spec.test_split = 0.0;
    assert_exact(run_test_split(&spec, true), 0.0);
    char err[300];
    dataset *ds;
    snprintf(spec.dataset, sizeof spec.dataset, "digits");
    assert_int_equal(run_load(&spec, true, &ds, err, sizeof err), 0);
    assert_non_null(ds->X_test);
    assert_int_equal(ds->X->cols + ds->X_test->cols, 1797);
    dataset_free(ds);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(run_train_prints_the_courses_costs),
        cmocka_unit_test(stepping_in_slices_is_the_same_run),
        cmocka_unit_test(pausing_inside_iterations_is_the_same_run),
        cmocka_unit_test(the_rate_lives_in_the_loop),
        cmocka_unit_test(divergence_and_the_hook_end_a_step),
        cmocka_unit_test(a_hook_returning_true_ends_the_step),
        cmocka_unit_test(the_builder_says_why_it_refuses),
        cmocka_unit_test(the_test_split_is_the_given_one_else_the_suggested_one),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
