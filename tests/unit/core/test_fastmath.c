/* The vectorised e^x, σ and tanh agree with libm to a few ulp everywhere
 * the networks use them, and handle the extremes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "dnn_test.h"

#include <math.h>

#include "fastmath.h"

#define N 20001

static double rel(double got, double want)
{
    if (got == want)
        return 0.0;
    return fabs(got - want) / fmax(fabs(want), 1e-300);
}

static void exp_agrees_with_libm_within_a_few_ulp(void **state)
{
    (void)state;
    static double x[N], y[N];
    for (int i = 0; i < N; i++)
        x[i] = -700.0 + 1400.0 * i / (N - 1);
    fm_exp_array(y, x, N);
    double worst = 0;
    for (int i = 0; i < N; i++)
        worst = fmax(worst, rel(y[i], exp(x[i])));
    if (worst > 1e-15)
        fail_msg("worst relative error %.3g", worst);
}

static void tanh_agrees_with_libm_near_zero_and_far_out(void **state)
{
    (void)state;
    static double x[N], y[N];
    for (int i = 0; i < N; i++) {
        double t = -1.0 + 2.0 * i / (N - 1);
        x[i] = t * t * t * 30.0; /* dense near 0, reaching ±30 */
    }
    fm_tanh_array(y, x, N);
    double worst = 0;
    for (int i = 0; i < N; i++)
        worst = fmax(worst, rel(y[i], tanh(x[i])));
    if (worst > 2e-15)
        fail_msg("worst relative error %.3g", worst);
}

static void sigmoid_agrees_with_the_course_formula(void **state)
{
    (void)state;
    static double x[N], y[N];
    for (int i = 0; i < N; i++)
        x[i] = -40.0 + 80.0 * i / (N - 1);
    fm_sigmoid_array(y, x, N);
    for (int i = 0; i < N; i++)
        if (rel(y[i], 1.0 / (1.0 + exp(-x[i]))) > 1e-15)
            fail_msg("σ(%g) = %.17g, libm gives %.17g", x[i], y[i], 1.0 / (1.0 + exp(-x[i])));
}

static void extremes_saturate_and_nan_propagates(void **state)
{
    (void)state;
    double x[6] = {-1000.0, 1000.0, NAN, 0.0, -0.0, 800.0}, y[6];
    fm_exp_array(y, x, 6);
    assert_exact(y[0], 0.0);
    assert_true(isinf(y[1]));
    assert_true(isnan(y[2]));
    assert_exact(y[3], 1.0);
    fm_tanh_array(y, x, 6);
    assert_exact(y[0], -1.0);
    assert_exact(y[1], 1.0);
    assert_true(isnan(y[2]));
    assert_exact(y[3], 0.0);
    fm_sigmoid_array(y, x, 6);
    assert_exact(y[0], 0.0);
    assert_exact(y[1], 1.0);
    assert_true(isnan(y[2]));
    assert_exact(y[3], 0.5);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(exp_agrees_with_libm_within_a_few_ulp),
        cmocka_unit_test(tanh_agrees_with_libm_near_zero_and_far_out),
        cmocka_unit_test(sigmoid_agrees_with_the_course_formula),
        cmocka_unit_test(extremes_saturate_and_nan_propagates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
