/* The test helper's double comparison must be as strict as it reads. */
#include "dnn_test.h"

#include <string.h>

/* The example: test_rng.c's 1.62434536 changed in its last digit
 * still passed cmocka's float equality assertion, which compares floats. */
static void a_change_in_the_eighth_decimal_fails_at_1e_9(void **state)
{
    (void)state;
    assert_false(dnn_close(1.62434536, 1.62434537, 0.0, 1e-9));
    assert_false(dnn_close(1.62434536, 1.62434537, 1e-9, 0.0));
}

/* One ulp of a float near 1 is about 1.2e-7: a difference of that scale (and
 * far smaller) must fail at a tolerance of 1e-9, absolute or relative. */
static void a_float_ulp_scale_difference_fails_at_1e_9(void **state)
{
    (void)state;
    double one_float_ulp = (double)nextafterf(1.0f, 2.0f) - 1.0;
    assert_false(dnn_close(1.0, 1.0 + one_float_ulp, 1e-9, 1e-9));
    assert_false(dnn_close(1.0, 1.0 + 1e-8, 1e-9, 1e-9));
    assert_false(dnn_close(-3.5e-3, -3.5e-3 * (1 + 1e-8), 1e-9, 0.0));
}

/* One double ulp fails at zero tolerance and passes at 1e-9. */
static void one_double_ulp_fails_at_zero_and_passes_at_1e_9(void **state)
{
    (void)state;
    double next = nextafter(1.0, 2.0);
    assert_false(dnn_close(1.0, next, 0.0, 0.0));
    assert_true(dnn_close(1.0, next, 1e-9, 0.0));
    assert_true(dnn_close(1.0, next, 0.0, 1e-9));
}

static void the_absolute_tolerance_covers_values_near_zero(void **state)
{
    (void)state;
    assert_true(dnn_close(1e-20, -1e-20, 0.0, 1e-12));
    assert_false(dnn_close(1e-20, -1e-20, 1e-6, 0.0));
    assert_true(dnn_close(0.0, -0.0, 0.0, 0.0));
}

static void the_relative_tolerance_scales_with_the_larger_value(void **state)
{
    (void)state;
    assert_true(dnn_close(1e6, 1e6 + 0.5, 1e-6, 0.0));
    assert_false(dnn_close(1e6, 1e6 + 2.0, 1e-6, 0.0));
    assert_true(dnn_close(1e6 + 0.5, 1e6, 1e-6, 0.0));
}

static void nan_is_never_close_and_equal_infinities_are(void **state)
{
    (void)state;
    assert_false(dnn_close(NAN, NAN, 1.0, 1.0));
    assert_false(dnn_close(NAN, 0.0, 1.0, 1e300));
    assert_true(dnn_close(INFINITY, INFINITY, 0.0, 0.0));
    assert_false(dnn_close(INFINITY, -INFINITY, 1.0, 1.0));
    assert_false(dnn_close(INFINITY, 1e308, 1.0, 1.0));
}

static void the_message_prints_both_values_to_17_digits_and_the_difference(void **state)
{
    (void)state;
    char msg[512];
    dnn_close_message(msg, sizeof msg, "got", 0.1, "want", 0.2, 0.0, 1e-9);
    assert_string_equal(msg, "got = 0.10000000000000001, want = 0.20000000000000001, "
                             "difference -0.10000000000000001 (rtol 0, atol 1e-09)");
}

static void the_assertions_pass_on_close_values(void **state)
{
    (void)state;
    assert_close(0.1 + 0.2, 0.3, 1e-15, 0.0);
    assert_near(0.1 + 0.2, 0.3, 1e-15);
}

static void assert_not_near_passes_on_values_apart_beyond_the_tolerance(void **state)
{
    (void)state;
    assert_not_near(0.693048 + 2e-5, 0.693048, 1e-5);
    assert_not_near(INFINITY, 1.0, 1e300);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_change_in_the_eighth_decimal_fails_at_1e_9),
        cmocka_unit_test(a_float_ulp_scale_difference_fails_at_1e_9),
        cmocka_unit_test(one_double_ulp_fails_at_zero_and_passes_at_1e_9),
        cmocka_unit_test(the_absolute_tolerance_covers_values_near_zero),
        cmocka_unit_test(the_relative_tolerance_scales_with_the_larger_value),
        cmocka_unit_test(nan_is_never_close_and_equal_infinities_are),
        cmocka_unit_test(the_message_prints_both_values_to_17_digits_and_the_difference),
        cmocka_unit_test(the_assertions_pass_on_close_values),
        cmocka_unit_test(assert_not_near_passes_on_values_apart_beyond_the_tolerance),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
