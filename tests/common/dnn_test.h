/* dnn_test.h — what every cmocka test of dnn-tutor includes.
 *
 * It brings cmocka (with the headers cmocka needs before it) and a
 * double-precision comparison. cmocka 1.1.5's float equality assertion casts both
 * values and the tolerance to float, so a tolerance of 1e-9 is really about
 * 1e-7 there: never use it for doubles. Use these instead:
 *
 *   assert_close(got, want, rtol, atol)   |got - want| <= max(atol, rtol * max(|got|, |want|))
 *   assert_near(got, want, atol)          the same with rtol = 0 (an absolute tolerance)
 *   assert_exact(got, want)               got == want: the same double (a parsed literal, a
 *                                         copy, a value the test knows to the last bit)
 *   assert_not_near(got, other, atol)     |got - other| > atol (a value that must have moved;
 *                                         NaN is never apart from anything)
 *
 * On failure they print both values to 17 significant digits (enough to tell
 * any two doubles apart) and their difference, then fail the test at the
 * caller's line. The predicate under them, dnn_close(), is a plain function,
 * so the comparison itself is tested directly (tests/common/test_dnn_test.c).
 *
 * In meson, link `dnn_test_dep` (tests/common/meson.build) instead of cmocka.
 */
#ifndef DNN_TEST_H
#define DNN_TEST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>

#include <math.h>

/* True when a and b agree within the larger of the absolute tolerance atol and
 * the relative tolerance rtol (relative to the larger magnitude). Equal values,
 * infinities of one sign included, are always close; a NaN is never close to
 * anything. Negative tolerances count as 0. */
static inline bool dnn_close(double a, double b, double rtol, double atol)
{
    if (a == b)
        return true;
    if (isnan(a) || isnan(b) || isinf(a) || isinf(b))
        return false;
    double diff = fabs(a - b);
    double scale = fmax(fabs(a), fabs(b));
    double tol = fmax(atol > 0 ? atol : 0.0, (rtol > 0 ? rtol : 0.0) * scale);
    return diff <= tol;
}

/* Writes the failure message for got/want into buf (always terminated):
 * "<got_expr> = <got>, <want_expr> = <want>, difference <d> (rtol <r>, atol <a>)",
 * values to 17 significant digits. Returns what snprintf returns. */
static inline int dnn_close_message(char *buf, size_t n, const char *got_expr, double got,
                                    const char *want_expr, double want, double rtol, double atol)
{
    return snprintf(buf, n, "%s = %.17g, %s = %.17g, difference %.17g (rtol %g, atol %g)",
                    got_expr, got, want_expr, want, got - want, rtol, atol);
}

/* The assertions' body: reports and fails at file:line when not close. */
static inline void dnn_assert_close(double got, double want, double rtol, double atol,
                                    const char *got_expr, const char *want_expr,
                                    const char *file, int line)
{
    if (dnn_close(got, want, rtol, atol))
        return;
    char msg[512];
    dnn_close_message(msg, sizeof msg, got_expr, got, want_expr, want, rtol, atol);
    print_error("%s\n", msg);
    _fail(file, line);
}

/* assert_not_near's body: reports and fails at file:line unless got and
 * other are more than atol apart. */
static inline void dnn_assert_apart(double got, double other, double atol, const char *got_expr,
                                    const char *other_expr, const char *file, int line)
{
    if (fabs(got - other) > atol)
        return;
    print_error("%s = %.17g, %s = %.17g, difference %.17g: expected more than %g apart\n", got_expr, got,
                other_expr, other, got - other, atol);
    _fail(file, line);
}

#define assert_close(got, want, rtol, atol) \
    dnn_assert_close((got), (want), (rtol), (atol), #got, #want, __FILE__, __LINE__)

#define assert_near(got, want, atol) \
    dnn_assert_close((got), (want), 0.0, (atol), #got, #want, __FILE__, __LINE__)

#define assert_exact(got, want) \
    dnn_assert_close((got), (want), 0.0, 0.0, #got, #want, __FILE__, __LINE__)

#define assert_not_near(got, other, atol) \
    dnn_assert_apart((got), (other), (atol), #got, #other, __FILE__, __LINE__)

#endif
