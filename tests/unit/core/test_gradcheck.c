/* Backpropagation agrees with central differences for a 3-layer network
 * with each hidden activation, on weights that are not trivially small, and
 * a broken gradient is caught. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>

#include "gradcheck.h"
#include "rng.h"

static void make_data(mat **X, mat **Y)
{
    rng r;
    rng_seed(&r, 7);
    *X = mat_new(3, 6);
    *Y = mat_new(1, 6);
    rng_fill_randn(&r, *X);
    for (int i = 0; i < 6; i++)
        (*Y)->v[i] = (i * 5 % 3) == 0;
}

static void each_activation_passes_the_gradient_check(void **state)
{
    (void)state;
    mat *X, *Y;
    make_data(&X, &Y);
    for (int k = 0; k < ACT_COUNT; k++) {
        nn_config cfg = nn_config_make((int[]){3, 4, 3, 1}, 4, (act_kind)k, NN_INIT_COURSE_W4);
        cfg.seed = 11;
        nn_net *net = nn_new(&cfg);
        assert_non_null(net);
        /* Non-zero biases so ReLU kinks are not sat on and b gets a real gradient. */
        for (int l = 1; l <= 3; l++) {
            mat *b = nn_param(net, NN_B, l);
            for (size_t i = 0; i < mat_size(b); i++)
                b->v[i] = 0.1 * (double)(i + 1) * (l % 2 ? 1 : -1);
        }
        nn_bind(net, X, Y);
        gc_result res;
        assert_int_equal(gc_check(net, 1e-7, &res), NN_OK);
        if (!(res.difference < 1e-7))
            fail_msg("%s: relative difference %.3g", act_name((act_kind)k), res.difference);
        for (int l = 1; l <= 3; l++) {
            assert_true(res.layer[l].dW_norm > 1e-6); /* the gradient is not zero */
            assert_true(res.layer[l].dW_difference < 1e-6);
            assert_true(res.layer[l].db_difference < 1e-6);
        }
        nn_free(net);
    }
    mat_free(X), mat_free(Y);
}

static void the_check_leaves_the_network_unchanged(void **state)
{
    (void)state;
    mat *X, *Y;
    make_data(&X, &Y);
    nn_config cfg = nn_config_make((int[]){3, 2, 1}, 3, ACT_TANH, NN_INIT_COURSE_W3);
    nn_net *net = nn_new(&cfg);
    nn_bind(net, X, Y);
    mat *before = mat_clone(nn_value_of(net, NN_W, 1));
    gc_result res;
    gc_check(net, 1e-7, &res);
    assert_true(mat_max_abs_diff(before, nn_value_of(net, NN_W, 1)) == 0.0);
    assert_false(nn_has(net, NN_DW, 1));
    mat_free(before);
    nn_free(net);
    mat_free(X), mat_free(Y);
}

static void an_unbound_network_is_a_bad_argument(void **state)
{
    (void)state;
    nn_config cfg = nn_config_make((int[]){3, 2, 1}, 3, ACT_TANH, NN_INIT_COURSE_W3);
    nn_net *net = nn_new(&cfg);
    gc_result res;
    assert_int_equal(gc_check(net, 1e-7, &res), NN_BAD_ARGUMENT);
    nn_free(net);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(each_activation_passes_the_gradient_check),
        cmocka_unit_test(the_check_leaves_the_network_unchanged),
        cmocka_unit_test(an_unbound_network_is_a_bad_argument),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
