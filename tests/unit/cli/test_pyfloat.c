/*
 * test_pyfloat.c — sweep's accuracies print as Python prints a float
 * ("Accuracy for 1 hidden units: 50.0 %", never 5e+01). The known cases
 * here; every accuracy k/m·100 of up to 500 examples against Python itself
 * in test_pyfloat.sh. With an argument "-", reads C99 hex doubles from stdin
 * and prints each formatted (the script's helper).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pyfloat.h"

static const char *fmt(double x)
{
    static char buf[64];
    return pyfloat_format(buf, sizeof buf, x);
}

static void whole_numbers_keep_a_point_zero_as_python_does(void **state)
{
    (void)state;
    assert_string_equal(fmt(50.0), "50.0");
    assert_string_equal(fmt(100.0), "100.0");
    assert_string_equal(fmt(0.0), "0.0");
    assert_string_equal(fmt(-0.0), "-0.0");
    assert_string_equal(fmt(1.0), "1.0");
    assert_string_equal(fmt(1234567890123456.0), "1234567890123456.0");
}

static void fractions_are_the_shortest_that_read_back(void **state)
{
    (void)state;
    assert_string_equal(fmt(90.5), "90.5");
    assert_string_equal(fmt(67.25), "67.25");
    assert_string_equal(fmt(29.0 / 100.0 * 100.0), "28.999999999999996");
    assert_string_equal(fmt(0.1), "0.1");
    assert_string_equal(fmt(1.0 / 3.0), "0.3333333333333333");
    assert_string_equal(fmt(0.0001), "0.0001");
    assert_string_equal(fmt(-2.5), "-2.5");
    /* rounded to 16 digits 2^-44 is ...801e-14, which does not read back; ...802e-14 does */
    assert_string_equal(fmt(ldexp(1.0, -44)), "5.684341886080802e-14");
}

static void large_and_small_numbers_use_an_exponent_of_two_digits_at_least(void **state)
{
    (void)state;
    assert_string_equal(fmt(1e16), "1e+16");
    assert_string_equal(fmt(1.5e16), "1.5e+16");
    assert_string_equal(fmt(1e-05), "1e-05");
    assert_string_equal(fmt(1.25e-7), "1.25e-07");
    assert_string_equal(fmt(5e-324), "5e-324");
    assert_string_equal(fmt(1.7976931348623157e308), "1.7976931348623157e+308");
}

static void infinities_and_nan_are_spelled_as_python_does(void **state)
{
    (void)state;
    assert_string_equal(fmt(INFINITY), "inf");
    assert_string_equal(fmt(-INFINITY), "-inf");
    assert_string_equal(fmt(NAN), "nan");
}

int main(int argc, char **argv)
{
    if (argc == 2 && !strcmp(argv[1], "-")) {
        char line[128], buf[64];
        while (fgets(line, sizeof line, stdin))
            printf("%s\n", pyfloat_format(buf, sizeof buf, strtod(line, NULL)));
        return 0;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(whole_numbers_keep_a_point_zero_as_python_does),
        cmocka_unit_test(fractions_are_the_shortest_that_read_back),
        cmocka_unit_test(large_and_small_numbers_use_an_exponent_of_two_digits_at_least),
        cmocka_unit_test(infinities_and_nan_are_spelled_as_python_does),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
