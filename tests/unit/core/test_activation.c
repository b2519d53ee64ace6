/* Every activation as training runs it (act_forward, act_backward, and
 * act_value, which the exercises use, through the same code): known values,
 * the backward rule against a central difference of the forward one, and the
 * one table of names. */
#include "dnn_test.h"

#include <math.h>
#include <string.h>

#include "activation.h"

/* g(z) through act_forward on a 1×n matrix: what a network's layer runs. */
static double forward_one(act_kind k, double z)
{
    mat *Z = mat_new(1, 1), *A = mat_new(1, 1);
    Z->v[0] = z;
    act_forward(k, A, Z);
    double a = A->v[0];
    mat_free(Z), mat_free(A);
    return a;
}

static void known_values_of_each_activation(void **state)
{
    (void)state;
    assert_close(forward_one(ACT_SIGMOID, 0.0), 0.5, 1e-15, 0);
    assert_close(forward_one(ACT_SIGMOID, 2.0), 0.8807970779778825, 1e-15, 0);
    assert_close(forward_one(ACT_SIGMOID, -2.0), 0.11920292202211755, 1e-15, 0);
    assert_close(forward_one(ACT_TANH, 0.5), 0.46211715726000974, 1e-15, 0);
    assert_close(forward_one(ACT_TANH, -3.0), -0.99505475368673046, 1e-15, 0);
    assert_near(forward_one(ACT_RELU, -3.0), 0.0, 0);
    assert_near(forward_one(ACT_RELU, 3.0), 3.0, 0);
    assert_near(forward_one(ACT_LEAKY_RELU, -3.0), -0.03, 1e-17);
    assert_near(forward_one(ACT_LEAKY_RELU, 3.0), 3.0, 0);
}

/* act_value is act_forward on one value, bit for bit, for every kind. */
static void act_value_is_what_the_forward_pass_computes(void **state)
{
    (void)state;
    const double zs[] = {-40.0, -3.0, -0.7, -1e-9, 0.0, 1e-9, 0.2, 0.9, 2.5, 40.0};
    mat *Z = mat_new(1, 10), *A = mat_new(1, 10);
    memcpy(Z->v, zs, sizeof zs);
    for (int k = 0; k < ACT_COUNT; k++) {
        act_forward((act_kind)k, A, Z);
        for (int i = 0; i < 10; i++)
            assert_exact(act_value((act_kind)k, zs[i]), A->v[i]);
    }
    mat_free(Z), mat_free(A);
}

/* dZ from act_backward with dA = 1 is g'(Z): it agrees with
 * (g(z + h) − g(z − h)) / 2h of act_forward away from ReLU's kink at 0. */
static void backward_agrees_with_central_differences_of_forward(void **state)
{
    (void)state;
    const double zs[] = {-3.0, -0.7, -0.1, 0.2, 0.9, 2.5};
    const int n = (int)(sizeof zs / sizeof zs[0]);
    const double h = 1e-6;
    mat *Z = mat_new(1, n), *A = mat_new(1, n), *dA = mat_new(1, n), *dZ = mat_new(1, n);
    memcpy(Z->v, zs, sizeof zs);
    for (int i = 0; i < n; i++)
        dA->v[i] = 1.0;
    for (int k = 0; k < ACT_COUNT; k++) {
        act_forward((act_kind)k, A, Z);
        act_backward((act_kind)k, dZ, dA, Z, A);
        for (int i = 0; i < n; i++) {
            double numeric = (forward_one((act_kind)k, zs[i] + h) - forward_one((act_kind)k, zs[i] - h)) / (2 * h);
            if (fabs(numeric - dZ->v[i]) > 1e-8)
                fail_msg("%s'(%g): backward %.10f, numeric %.10f", act_name((act_kind)k), zs[i], dZ->v[i], numeric);
        }
    }
    mat_free(Z), mat_free(A), mat_free(dA), mat_free(dZ);
}

/* act_backward is dA ∗ g'(Z) element by element: g'(0) and beyond, and a
 * dA that is not 1 scales it. */
static void backward_is_da_times_the_derivative(void **state)
{
    (void)state;
    const double z[6] = {0.0, 0.0, -1.0, 1.0, -1.0, 1.0};
    const act_kind kinds[6] = {ACT_SIGMOID, ACT_TANH, ACT_RELU, ACT_RELU, ACT_LEAKY_RELU, ACT_LEAKY_RELU};
    const double slope[6] = {0.25, 1.0, 0.0, 1.0, 0.01, 1.0};
    mat *Z = mat_new(1, 1), *A = mat_new(1, 1), *dA = mat_new(1, 1), *dZ = mat_new(1, 1);
    for (int i = 0; i < 6; i++) {
        Z->v[0] = z[i];
        dA->v[0] = -2.5;
        act_forward(kinds[i], A, Z);
        act_backward(kinds[i], dZ, dA, Z, A);
        assert_close(dZ->v[0], -2.5 * slope[i], 1e-15, 0);
    }
    mat_free(Z), mat_free(A), mat_free(dA), mat_free(dZ);
}

/* One table: what is typed, what a screen shows, what a formula writes. */
static void each_activation_has_its_three_names_in_one_table(void **state)
{
    (void)state;
    static const struct { act_kind k; const char *name, *label, *symbol; } names[] = {
        {ACT_SIGMOID, "sigmoid", "sigmoid", "σ"},
        {ACT_TANH, "tanh", "tanh", "tanh"},
        {ACT_RELU, "relu", "ReLU", "relu"},
        {ACT_LEAKY_RELU, "leaky-relu", "Leaky ReLU", "leaky_relu"},
    };
    assert_int_equal(sizeof names / sizeof names[0], ACT_COUNT);
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        assert_string_equal(act_name(names[i].k), names[i].name);
        assert_string_equal(act_label(names[i].k), names[i].label);
        assert_string_equal(act_symbol(names[i].k), names[i].symbol);
    }
    assert_string_equal(act_name(ACT_COUNT), "?");
    assert_string_equal(act_label(ACT_COUNT), "?");
    assert_string_equal(act_symbol(ACT_COUNT), "g");
}

static void names_round_trip_and_unknown_names_fail(void **state)
{
    (void)state;
    for (int k = 0; k < ACT_COUNT; k++) {
        act_kind parsed;
        assert_true(act_parse(act_name((act_kind)k), &parsed));
        assert_int_equal(parsed, k);
    }
    act_kind parsed;
    assert_true(act_parse("leaky_relu", &parsed) && parsed == ACT_LEAKY_RELU);
    assert_false(act_parse("softmax", &parsed));
    assert_false(act_parse("", &parsed));
    assert_false(act_parse("ReLU", &parsed));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(known_values_of_each_activation),
        cmocka_unit_test(act_value_is_what_the_forward_pass_computes),
        cmocka_unit_test(backward_agrees_with_central_differences_of_forward),
        cmocka_unit_test(backward_is_da_times_the_derivative),
        cmocka_unit_test(each_activation_has_its_three_names_in_one_table),
        cmocka_unit_test(names_round_trip_and_unknown_names_fail),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
