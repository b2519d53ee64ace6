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

/* Small matrices, one rule each: the values, and what numpy prints. */
static const struct fmt_case {
    const char *rule;
    size_t rows, cols;
    double v[4];
    const char *want;
} fmt_cases[] = {
    {"fixed notation aligns on the point and drops trailing zeros", 2, 2, {0.5, -0.25, 1.0, 12.125},
     "[[ 0.5   -0.25 ]\n [ 1.    12.125]]"},
    {"eight decimals at most", 1, 2, {-0.0041675785, -0.00056266827}, "[[-0.00416758 -0.00056267]]"},
    {"zeros print as a point", 2, 1, {0.0, 0.0}, "[[0.]\n [0.]]"},
    {"tiny values switch to scientific notation", 2, 1, {1.06848030e-07, -9.7090725e-07},
     "[[ 1.0684803e-07]\n [-9.7090725e-07]]"},
    {"a wide ratio switches to scientific notation", 1, 2, {1.0, 2000.0}, "[[1.e+00 2.e+03]]"},
    {"exponents are padded to the widest", 1, 4, {0.0, 1.0, 1e-5, 1e-100}, "[[0.e+000 1.e+000 1.e-005 1.e-100]]"},
    {"non-finite values print like numpy", 1, 3, {NAN, 1.5, -INFINITY}, "[[ nan  1.5 -inf]]"},
};

static void each_small_matrix_prints_as_numpy_prints_it(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof fmt_cases / sizeof fmt_cases[0]; i++) {
        const struct fmt_case *f = &fmt_cases[i];
        print_message("rule: %s\n", f->rule);
        mat *m = make(f->rows, f->cols, f->v);
        char buf[512];
        assert_int_equal(stepper_format_matrix(m, 80, 10, buf, sizeof buf), (int)f->rows);
        assert_string_equal(buf, f->want);
        mat_free(m);
    }
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

/* A (1, 4) dW[2] in a narrow panel: wrapped whole over two lines as numpy
 * wraps at its linewidth, not summarised to its two ends; with one line only
 * the summary stays. */
static void small_matrices_print_whole_when_wrapped_they_fit(void **state)
{
    (void)state;
    mat *m = make(1, 4, (double[]){-1.75e-05, -3.02e-04, -1.2e-03, -2.56e-03});
    char buf[256];
    assert_int_equal(stepper_format_matrix(m, 24, 3, buf, sizeof buf), 2);
    assert_string_equal(buf, "[[-1.75e-05 -3.02e-04\n  -1.20e-03 -2.56e-03]]");
    assert_int_equal(stepper_format_matrix(m, 24, 1, buf, sizeof buf), 1);
    assert_string_equal(buf, "[[-1.75e-05 ... -2.56e-03]]");
    mat_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(each_small_matrix_prints_as_numpy_prints_it),
        cmocka_unit_test(wide_matrices_keep_the_corners_around_an_ellipsis),
        cmocka_unit_test(tall_matrices_keep_the_first_and_last_rows),
        cmocka_unit_test(a_value_alone_has_no_padding),
        cmocka_unit_test(a_small_buffer_is_cut_but_terminated),
        cmocka_unit_test(small_matrices_print_whole_when_wrapped_they_fit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
