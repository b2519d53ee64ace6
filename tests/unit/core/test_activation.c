/* Every activation and its derivative: known values, and the derivative
 * against a central difference of the function itself. */
#include "dnn_test.h"

#include <math.h>
#include <string.h>

#include "activation.h"

static void known_values_of_each_activation(void **state)
{
    (void)state;
    assert_near(act_value(ACT_SIGMOID, 0.0), 0.5, 1e-15);
    assert_near(act_value(ACT_SIGMOID, 2.0), 0.8807970779778825, 1e-15);
    assert_near(act_value(ACT_TANH, 0.5), 0.46211715726000974, 1e-15);
    assert_near(act_value(ACT_RELU, -3.0), 0.0, 0);
    assert_near(act_value(ACT_RELU, 3.0), 3.0, 0);
    assert_near(act_value(ACT_LEAKY_RELU, -3.0), -0.03, 1e-15);
    assert_near(act_value(ACT_LEAKY_RELU, 3.0), 3.0, 0);
}

static void known_derivatives_at_zero_and_beyond(void **state)
{
    (void)state;
    assert_near(act_derivative(ACT_SIGMOID, 0.0), 0.25, 1e-15);
    assert_near(act_derivative(ACT_TANH, 0.0), 1.0, 1e-15);
    assert_near(act_derivative(ACT_RELU, -1.0), 0.0, 0);
    assert_near(act_derivative(ACT_RELU, 1.0), 1.0, 0);
    assert_near(act_derivative(ACT_LEAKY_RELU, -1.0), 0.01, 0);
    assert_near(act_derivative(ACT_LEAKY_RELU, 1.0), 1.0, 0);
}

/* g'(z) ≈ (g(z + h) − g(z − h)) / 2h away from ReLU's kink at 0. */
static void derivatives_agree_with_central_differences(void **state)
{
    (void)state;
    const double zs[] = {-3.0, -0.7, -0.1, 0.2, 0.9, 2.5};
    const double h = 1e-6;
    for (int k = 0; k < ACT_COUNT; k++)
        for (size_t i = 0; i < sizeof zs / sizeof zs[0]; i++) {
            double z = zs[i];
            double numeric = (act_value((act_kind)k, z + h) - act_value((act_kind)k, z - h)) / (2 * h);
            if (fabs(numeric - act_derivative((act_kind)k, z)) > 1e-8)
                fail_msg("%s'(%g): analytic %.10f, numeric %.10f", act_name((act_kind)k), z,
                         act_derivative((act_kind)k, z), numeric);
        }
}

/* act_backward must equal dA ∗ g'(Z) element by element, for every kind. */
static void backward_is_da_times_the_derivative(void **state)
{
    (void)state;
    mat *Z = mat_new(2, 3), *A = mat_new(2, 3), *dA = mat_new(2, 3), *dZ = mat_new(2, 3);
    const double z[6] = {-2, -0.5, 0.3, 1.5, -0.01, 4};
    const double da[6] = {0.3, -1, 2, 0.5, 1, -0.25};
    memcpy(Z->v, z, sizeof z);
    memcpy(dA->v, da, sizeof da);
    for (int k = 0; k < ACT_COUNT; k++) {
        act_forward((act_kind)k, A, Z);
        act_backward((act_kind)k, dZ, dA, Z, A);
        for (int i = 0; i < 6; i++) {
            assert_near(A->v[i], act_value((act_kind)k, z[i]), 1e-15);
            assert_near(dZ->v[i], da[i] * act_derivative((act_kind)k, z[i]), 1e-12);
        }
    }
    mat_free(Z), mat_free(A), mat_free(dA), mat_free(dZ);
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
    assert_false(act_parse("softmax", &parsed));
    assert_false(act_parse("", &parsed));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(known_values_of_each_activation),
        cmocka_unit_test(known_derivatives_at_zero_and_beyond),
        cmocka_unit_test(derivatives_agree_with_central_differences),
        cmocka_unit_test(backward_is_da_times_the_derivative),
        cmocka_unit_test(names_round_trip_and_unknown_names_fail),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
