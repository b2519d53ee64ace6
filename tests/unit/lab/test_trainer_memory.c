/*
 * test_trainer_memory.c — the trainer says "out of memory" when the network's
 * caches for the data set cannot be allocated (under `ulimit -v` it said "the
 * network does not fit the data set (2 inputs)", which sent the learner after
 * the wrong problem). The data set here claims 2^26 examples without holding
 * them: nn_bind asks for far more than any machine has before it reads one.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "lab/trainer_internal.h"

static void caches_that_cannot_be_allocated_are_out_of_memory(void **state)
{
    (void)state;
    run_spec sp = runspec_default();
    sp.hidden = 0;
    sp.n_layers = 4;
    const int layers[] = {1024, 1024, 1024, 1};
    memcpy(sp.layers, layers, sizeof layers);
    mat X = {2, (size_t)1 << 26, NULL}, Y = {1, (size_t)1 << 26, NULL};
    trainer_data data;
    memset(&data, 0, sizeof data);
    data.X = &X;
    data.Y = &Y;
    char err[256] = "";
    nn_net *net = trainer_build_net(&sp, &data, err, sizeof err);
    assert_null(net);
    /* "out of memory …", or the budget check's "… needs N GiB of memory; the limit here is …" */
    print_message("%s\n", err);
    assert_non_null(strstr(err, "memory"));
    assert_null(strstr(err, "does not fit"));
}

/* What the screen measures beside training (on a copy of the network) says
 * when memory ran out, so the screen can say "out of memory" rather than
 * show a NaN cost that reads as divergence. */
static void a_measure_without_memory_says_so(void **state)
{
    (void)state;
    const int dims[] = {2, 1024, 1024, 1024, 1};
    nn_config cfg = nn_config_make(dims, 5, ACT_RELU, NN_INIT_COURSE_W4);
    nn_net *copy = nn_new(&cfg);
    assert_non_null(copy);
    mat X = {2, (size_t)1 << 26, NULL}, Y = {1, (size_t)1 << 26, NULL};
    trainer_data data;
    memset(&data, 0, sizeof data);
    data.X = &X;
    data.Y = &Y;
    trainer_measure m;
    assert_false(trainer_measure_copy(&data, copy, false, &m, NULL, 0, NULL));
    assert_true(m.cost != m.cost); /* NAN */
    nn_free(copy);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(caches_that_cannot_be_allocated_are_out_of_memory),
        cmocka_unit_test(a_measure_without_memory_says_so),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
