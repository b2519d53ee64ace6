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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(caches_that_cannot_be_allocated_are_out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
