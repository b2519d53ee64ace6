/*
 * test_stepper_fmt.c — matrices print as numpy prints them. Each expected
 * text is what numpy 1.24 printed for the same array (the summaries with
 * numpy's threshold lowered so that it summarises too).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "ui/stepper/stepper_fmt.h"

static mat *make(size_t r, size_t c, const double *v)
{
    mat *m = mat_new(r, c);
    memcpy(m->v, v, r * c * sizeof *v);
    return m;
}

static void fixed_notation_aligns_on_the_point_and_drops_trailing_zeros(void **state)
{
    (void)state;
    const double v[] = {0.5, -0.25, 1.0, 12.125};
    mat *m = make(2, 2, v);
    char buf[512];
    assert_int_equal(stepper_format_matrix(m, 80, 10, buf, sizeof buf), 2);
    assert_string_equal(buf, "[[ 0.5   -0.25 ]\n [ 1.    12.125]]");
    mat_free(m);
}

static void eight_decimals_at_most(void **state)
{
    (void)state;
    const double v[] = {-0.0041675785, -0.00056266827};
    mat *m = make(1, 2, v);
    char buf[512];
    stepper_format_matrix(m, 80, 10, buf, sizeof buf);
    assert_string_equal(buf, "[[-0.00416758 -0.00056267]]");
    mat_free(m);
}

static void zeros_print_as_a_point(void **state)
{
    (void)state;
    mat *m = mat_new(2, 1);
    char buf[512];
    stepper_format_matrix(m, 80, 10, buf, sizeof buf);
    assert_string_equal(buf, "[[0.]\n [0.]]");
    mat_free(m);
}

static void tiny_values_switch_to_scientific_notation(void **state)
{
    (void)state;
    const double v[] = {1.06848030e-07, -9.7090725e-07};
    mat *m = make(2, 1, v);
    char buf[512];
    stepper_format_matrix(m, 80, 10, buf, sizeof buf);
    assert_string_equal(buf, "[[ 1.0684803e-07]\n [-9.7090725e-07]]");
    mat_free(m);
}

static void a_wide_ratio_switches_to_scientific_notation(void **state)
{
    (void)state;
    const double v[] = {1.0, 2000.0};
    mat *m = make(1, 2, v);
    char buf[512];
    stepper_format_matrix(m, 80, 10, buf, sizeof buf);
    assert_string_equal(buf, "[[1.e+00 2.e+03]]");
    mat_free(m);
}

static void exponents_are_padded_to_the_widest(void **state)
{
    (void)state;
    const double v[] = {0.0, 1.0, 1e-5, 1e-100};
    mat *m = make(1, 4, v);
    char buf[512];
    stepper_format_matrix(m, 80, 10, buf, sizeof buf);
    assert_string_equal(buf, "[[0.e+000 1.e+000 1.e-005 1.e-100]]");
    mat_free(m);
}

static void wide_matrices_keep_the_corners_around_an_ellipsis(void **state)
{
    (void)state;
    mat *m = mat_new(2, 100);
    for (size_t j = 0; j < 100; j++) {
        mat_set(m, 0, j, (double)j);
        mat_set(m, 1, j, -(double)j);
    }
    char buf[1024];
    stepper_format_matrix(m, 80, 10, buf, sizeof buf);
    assert_string_equal(buf, "[[  0.   1.   2. ...  97.  98.  99.]\n"
                             " [ -0.  -1.  -2. ... -97. -98. -99.]]");
    /* Narrower: one column each side. */
    stepper_format_matrix(m, 20, 10, buf, sizeof buf);
    assert_string_equal(buf, "[[  0. ...  99.]\n [ -0. ... -99.]]");
    mat_free(m);
}

static void tall_matrices_keep_the_first_and_last_rows(void **state)
{
    (void)state;
    mat *m = mat_new(10, 1);
    for (size_t i = 0; i < 10; i++)
        mat_set(m, i, 0, (double)i);
    char buf[1024];
    assert_int_equal(stepper_format_matrix(m, 80, 5, buf, sizeof buf), 5);
    assert_string_equal(buf, "[[0.]\n [1.]\n ...\n [8.]\n [9.]]");
    mat_free(m);
}

static void non_finite_values_print_like_numpy(void **state)
{
    (void)state;
    const double v[] = {NAN, 1.5, -INFINITY};
    mat *m = make(1, 3, v);
    char buf[256];
    stepper_format_matrix(m, 80, 2, buf, sizeof buf);
    assert_string_equal(buf, "[[ nan  1.5 -inf]]");
    mat_free(m);
}

static void a_value_alone_has_no_padding(void **state)
{
    (void)state;
    char buf[64];
    stepper_format_value(-0.00416757847, buf, sizeof buf);
    assert_string_equal(buf, "-0.00416758");
    stepper_format_value(0.0, buf, sizeof buf);
    assert_string_equal(buf, "0.");
    stepper_format_value(0.69304802, buf, sizeof buf);
    assert_string_equal(buf, "0.69304802");
}

static void a_small_buffer_is_cut_but_terminated(void **state)
{
    (void)state;
    mat *m = mat_new(4, 4);
    char buf[10];
    stepper_format_matrix(m, 80, 10, buf, sizeof buf);
    assert_int_equal(strlen(buf), 9);
    mat_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fixed_notation_aligns_on_the_point_and_drops_trailing_zeros),
        cmocka_unit_test(eight_decimals_at_most),
        cmocka_unit_test(zeros_print_as_a_point),
        cmocka_unit_test(tiny_values_switch_to_scientific_notation),
        cmocka_unit_test(a_wide_ratio_switches_to_scientific_notation),
        cmocka_unit_test(exponents_are_padded_to_the_widest),
        cmocka_unit_test(wide_matrices_keep_the_corners_around_an_ellipsis),
        cmocka_unit_test(tall_matrices_keep_the_first_and_last_rows),
        cmocka_unit_test(non_finite_values_print_like_numpy),
        cmocka_unit_test(a_value_alone_has_no_padding),
        cmocka_unit_test(a_small_buffer_is_cut_but_terminated),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
