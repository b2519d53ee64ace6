/* The notebooks' accuracies as numpy computes them: np.sum over m values of
 * 0 or 1/m in numpy's pairwise order, which is not always right / m. The
 * expected values were printed by numpy (np.sum((p == y) / m)) for the same
 * patterns. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "dnn_test.h"

#include <stdlib.h>

#include "lab/notebook.h"

/* v[i] = 1/m when (7i + 3) mod k != 0, else 0 — what (p == y) / m holds. */
static double sum_of_pattern(size_t m, size_t k)
{
    double *v = malloc(m * sizeof *v);
    for (size_t i = 0; i < m; i++)
        v[i] = (i * 7 + 3) % k != 0 ? 1.0 / (double)m : 0.0;
    double s = notebook_np_sum(v, m);
    free(v);
    return s;
}

static void numpy_sums_in_pairs_so_the_last_digit_is_its_own(void **state)
{
    (void)state;
    struct { size_t m, k; const char *numpy; } cases[] = {
        {7, 3, "0.5714285714285714"},      /* under 8 values: a plain loop */
        {12, 5, "0.7500000000000001"},     /* 9 / 12 would be 0.75 */
        {50, 7, "1.0"},
        {209, 11, "0.909090909090909"},    /* the course's m: 190 / 209 is 0.9090909090909091 */
        {300, 13, "0.9233333333333336"},
        {1000, 9, "0.8890000000000003"},   /* above 128: halves */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double want = strtod(cases[i].numpy, NULL), got = sum_of_pattern(cases[i].m, cases[i].k);
        if (got != want)
            fail_msg("m %zu: %.17g, numpy %s", cases[i].m, got, cases[i].numpy);
    }
    assert_exact(notebook_np_sum(NULL, 0), 0.0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(numpy_sums_in_pairs_so_the_last_digit_is_its_own),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
