/*
 * test_trainer_plan.c — a rebuild in three steps (trainer.h: plan, build,
 * apply): the same network as the setter gives, built on another thread
 * while the trainer trains, refused when the data changed in between, and
 * trainer_plan_reinit giving the weights the trainer started with.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "trainer_fixture.h"

/* W[1], b[1], … of both networks are equal, element for element. */
static void assert_same_parameters(const nn_net *a, const nn_net *b)
{
    assert_int_equal(nn_layers(a), nn_layers(b));
    for (int l = 1; l <= nn_layers(a); l++) {
        assert_int_equal(nn_activation(a, l), nn_activation(b, l));
        for (int v = 0; v < 2; v++) {
            const mat *x = nn_value_of(a, v ? NN_B : NN_W, l), *y = nn_value_of(b, v ? NN_B : NN_W, l);
            assert_non_null(x);
            assert_non_null(y);
            assert_int_equal(mat_size(x), mat_size(y));
            if (memcmp(x->v, y->v, mat_size(x) * sizeof x->v[0]) != 0)
                fail_msg("%s[%d] differs", v ? "b" : "W", l);
        }
    }
}

static void a_plan_applied_is_the_setters_network(void **state)
{
    (void)state;
    char err[200] = "";
    trainer *by_setter = make("planar", ACT_TANH, 1.2);
    trainer *by_plan = make("planar", ACT_TANH, 1.2);
    trainer_run(by_setter, 40);
    trainer_run(by_plan, 40);
    assert_true(trainer_set_activation(by_setter, ACT_RELU, err, sizeof err));
    trainer_plan *p = trainer_plan_activation(by_plan, ACT_RELU, err, sizeof err);
    assert_non_null(p);
    assert_true(trainer_plan_bytes(p) > 0);
    assert_true(trainer_plan_build(p, err, sizeof err));
    /* Built, not applied: the trainer is as it was. */
    assert_int_equal(nn_activation(trainer_net(by_plan), 1), ACT_TANH);
    assert_int_equal(trainer_iterations(by_plan), 40);
    assert_true(trainer_plan_apply(by_plan, p, NULL));
    trainer_plan_free(p);
    assert_same_parameters(trainer_net(by_setter), trainer_net(by_plan));
    assert_int_equal(trainer_iterations(by_plan), 0);
    const trainer_marker *m;
    size_t n = trainer_markers(by_plan, &m);
    assert_true(n >= 1);
    assert_int_equal(m[n - 1].what, TRAINER_CHANGE_ACTIVATION);
    trainer_free(by_setter);
    trainer_free(by_plan);
}

static void *build_on_a_thread(void *arg)
{
    char err[200];
    return trainer_plan_build(arg, err, sizeof err) ? arg : NULL;
}

static void a_plan_builds_on_another_thread_while_the_trainer_trains(void **state)
{
    (void)state;
    char err[200] = "";
    trainer *t = make("planar", ACT_TANH, 1.2);
    static const int layers[] = {40, 30, 1};
    trainer_plan *p = trainer_plan_layers(t, layers, 3, err, sizeof err);
    assert_non_null(p);
    /* Two hidden layers: week 4's defaults, reported before the build. */
    assert_true(trainer_plan_chose(p) != 0);
    pthread_t th;
    assert_int_equal(pthread_create(&th, NULL, build_on_a_thread, p), 0);
    assert_int_equal(trainer_run(t, 300), 300); /* meanwhile, on the old network */
    void *built = NULL;
    pthread_join(th, &built);
    assert_ptr_equal(built, p);
    unsigned chose = 0;
    assert_true(trainer_plan_apply(t, p, &chose));
    trainer_plan_free(p);
    assert_true(chose != 0);
    assert_int_equal(nn_layers(trainer_net(t)), 3);
    assert_int_equal(nn_dim(trainer_net(t), 1), 40);
    assert_near(trainer_lr(t), 0.0075, 0);
    assert_int_equal(trainer_run(t, 10), 10);
    trainer_free(t);
}

static void a_plan_is_refused_when_the_data_changed_meanwhile(void **state)
{
    (void)state;
    char err[200] = "";
    trainer *t = make("planar", ACT_TANH, 1.2);
    trainer_plan *p = trainer_plan_hidden(t, 7, err, sizeof err);
    assert_non_null(p);
    assert_true(trainer_plan_build(p, err, sizeof err));
    assert_true(trainer_set_dataset(t, "moons", err, sizeof err));
    const nn_net *before = trainer_net(t);
    assert_false(trainer_plan_apply(t, p, NULL));
    assert_ptr_equal(trainer_net(t), before);
    assert_int_equal(nn_dim(trainer_net(t), 1), 4);
    trainer_plan_free(p); /* frees the unused network and its hold on planar */
    /* Not built: refused too. */
    p = trainer_plan_hidden(t, 7, err, sizeof err);
    assert_false(trainer_plan_apply(t, p, NULL));
    trainer_plan_free(p);
    /* Refused at once, as the setter refuses. */
    assert_null(trainer_plan_hidden(t, 0, err, sizeof err));
    assert_non_null(strstr(err, "hidden units must be"));
    trainer_free(t);
}

static void the_reinit_plan_gives_the_starting_weights(void **state)
{
    (void)state;
    char err[200] = "";
    trainer *fresh = make("planar", ACT_TANH, 1.2);
    trainer *t = make("planar", ACT_TANH, 1.2);
    trainer_run(t, 100);
    trainer_zero_init(t);
    trainer_run(t, 5);
    trainer_plan *p = trainer_plan_reinit(t, err, sizeof err);
    assert_true(trainer_plan_run(t, p, NULL, err, sizeof err));
    assert_false(trainer_zero_initialised(t));
    assert_int_equal(trainer_iterations(t), 0);
    assert_same_parameters(trainer_net(fresh), trainer_net(t));
    /* and the same as trainer_reinit on a trained network */
    trainer_run(fresh, 100);
    trainer_reinit(fresh);
    assert_same_parameters(trainer_net(fresh), trainer_net(t));
    trainer_free(fresh);
    trainer_free(t);
}

static void a_data_plan_loads_its_data_in_the_build(void **state)
{
    (void)state;
    char err[200] = "";
    trainer *t = make("planar", ACT_TANH, 1.2);
    trainer_plan *p = trainer_plan_test_split(t, TRAINER_TOGGLE_SPLIT, err, sizeof err);
    assert_non_null(p);
    assert_null(trainer_data_of(t)->X_test);
    assert_true(trainer_plan_build(p, err, sizeof err));
    assert_null(trainer_data_of(t)->X_test);
    assert_true(trainer_plan_apply(t, p, NULL));
    trainer_plan_free(p);
    assert_non_null(trainer_data_of(t)->X_test);
    /* A data set that cannot be loaded fails in the build; nothing changes. */
    p = trainer_plan_dataset(t, "no-such-data-set", err, sizeof err);
    assert_non_null(p);
    assert_false(trainer_plan_build(p, err, sizeof err));
    assert_true(err[0] != '\0');
    assert_false(trainer_plan_apply(t, p, NULL));
    trainer_plan_free(p);
    assert_string_equal(trainer_spec(t)->dataset, "planar");
    trainer_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_plan_applied_is_the_setters_network),
        cmocka_unit_test(a_plan_builds_on_another_thread_while_the_trainer_trains),
        cmocka_unit_test(a_plan_is_refused_when_the_data_changed_meanwhile),
        cmocka_unit_test(the_reinit_plan_gives_the_starting_weights),
        cmocka_unit_test(a_data_plan_loads_its_data_in_the_build),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
