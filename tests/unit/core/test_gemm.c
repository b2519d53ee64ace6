/* The blocked, threaded product (gemm.c) equals the plain product on odd
 * shapes: one row, one column, sizes that are not multiples of a tile or of
 * the k block, operands read transposed; and its result does not depend on
 * the number of threads. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>

#include "gemm_internal.h"
#include "matrix.h"

/* A deterministic fill in [−1, 1) that is not symmetric or periodic. */
static void fill(double *v, size_t n, unsigned seed)
{
    uint64_t s = 0x9E3779B97F4A7C15ull * (seed + 1);
    for (size_t i = 0; i < n; i++) {
        s ^= s << 13, s ^= s >> 7, s ^= s << 17;
        v[i] = (double)(s >> 11) / 4503599627370496.0 - 1.0;
    }
}

/* (i, j) of C = A·B, summed in long double, and the sum of |terms| (the
 * scale an error in double precision is measured against). */
static long double exact(gemm_view A, gemm_view B, size_t i, size_t j, size_t K, long double *scale)
{
    long double s = 0, a = 0;
    for (size_t k = 0; k < K; k++) {
        long double t = (long double)A.v[i * A.rs + k * A.cs] * B.v[k * B.rs + j * B.cs];
        s += t, a += fabsl(t);
    }
    *scale = a;
    return s;
}

/* Every element of C within K·2⁻⁵² of the exact sum, relative to Σ|terms|. */
static void expect_product(gemm_view A, gemm_view B, gemm_view C, size_t M, size_t N, size_t K)
{
    for (size_t i = 0; i < M; i++)
        for (size_t j = 0; j < N; j++) {
            long double scale;
            long double want = exact(A, B, i, j, K, &scale);
            double got = C.v[i * C.rs + j * C.cs];
            if (fabsl((long double)got - want) > (long double)K * 0x1p-52L * (scale + 1e-300L))
                fail_msg("(%zu, %zu) of %zu×%zu×%zu: %.17g, want %.17Lg", i, j, M, N, K, got, want);
        }
}

static const size_t sizes_m[] = {1, 3, 4, 5, 13, 37};
static const size_t sizes_n[] = {1, 7, 23, 24, 25, 49};
static const size_t sizes_k[] = {1, 2, 9, 255, 256, 300, 531};

/* Runs C := A·B for every shape above with A and B laid out as given
 * (transposed or not), and C transposed or not. */
static void every_shape(int a_t, int b_t, int c_t)
{
    for (size_t x = 0; x < sizeof sizes_m / sizeof *sizes_m; x++)
        for (size_t y = 0; y < sizeof sizes_n / sizeof *sizes_n; y++)
            for (size_t z = 0; z < sizeof sizes_k / sizeof *sizes_k; z++) {
                const size_t M = sizes_m[x], N = sizes_n[y], K = sizes_k[z];
                double *a = malloc(M * K * sizeof *a), *b = malloc(K * N * sizeof *b);
                double *c = malloc(M * N * sizeof *c);
                fill(a, M * K, 1), fill(b, K * N, 2), fill(c, M * N, 3);
                gemm_view A = a_t ? (gemm_view){a, 1, (ptrdiff_t)M} : (gemm_view){a, (ptrdiff_t)K, 1};
                gemm_view B = b_t ? (gemm_view){b, 1, (ptrdiff_t)K} : (gemm_view){b, (ptrdiff_t)N, 1};
                gemm_view C = c_t ? (gemm_view){c, 1, (ptrdiff_t)M} : (gemm_view){c, (ptrdiff_t)N, 1};
                gemm(M, N, K, A, B, C);
                expect_product(A, B, C, M, N, K);
                free(a), free(b), free(c);
            }
}

static void plain_operands_give_the_plain_product(void **state)
{
    (void)state;
    every_shape(0, 0, 0);
}

static void a_transposed_gives_the_plain_product(void **state)
{
    (void)state;
    every_shape(1, 0, 0);
}

static void b_transposed_into_a_transposed_c_gives_the_plain_product(void **state)
{
    (void)state;
    every_shape(0, 1, 0);
    every_shape(0, 1, 1);
}

static void dot_products_of_rows_give_the_plain_product(void **state)
{
    (void)state;
    const size_t Ms[] = {1, 2, 7}, Ns[] = {1, 5, 300}, Ks[] = {1, 7, 8, 9, 209};
    for (size_t x = 0; x < 3; x++)
        for (size_t y = 0; y < 3; y++)
            for (size_t z = 0; z < 5; z++) {
                const size_t M = Ms[x], N = Ns[y], K = Ks[z];
                double *a = malloc(M * K * sizeof *a), *b = malloc(N * K * sizeof *b);
                double *c = malloc(M * N * sizeof *c);
                fill(a, M * K, 4), fill(b, N * K, 5);
                gemm_dots(M, N, K, a, b, c);
                expect_product((gemm_view){a, (ptrdiff_t)K, 1}, (gemm_view){b, 1, (ptrdiff_t)K},
                               (gemm_view){c, (ptrdiff_t)N, 1}, M, N, K);
                free(a), free(b), free(c);
            }
}

/* The three mat_mul forms on the cat network's first-layer shapes, scaled
 * down (wide input, few units): equal to the plain loops' result. */
static void matrix_products_above_the_threshold_match_the_plain_loops(void **state)
{
    (void)state;
    const size_t n0 = 1500, m = 61, n1 = 9;
    mat *X = mat_new(n0, m), *W = mat_new(n1, n0), *Z = mat_new(n1, m);
    mat *dZ = mat_new(n1, m), *dW = mat_new(n1, n0), *dA = mat_new(n0, m), *w = mat_new(1, n0);
    mat *dz = mat_new(1, m), *dw = mat_new(1, n0);
    fill(X->v, mat_size(X), 6), fill(W->v, mat_size(W), 7), fill(dZ->v, mat_size(dZ), 8);
    fill(dz->v, mat_size(dz), 9);
    double *scratch = malloc(n0 * m * sizeof *scratch);
    mat_mul(Z, W, X);
    expect_product((gemm_view){W->v, (ptrdiff_t)n0, 1}, (gemm_view){X->v, (ptrdiff_t)m, 1},
                   (gemm_view){Z->v, (ptrdiff_t)m, 1}, n1, m, n0);
    mat_mul_nt(dW, dZ, X, scratch);
    expect_product((gemm_view){dZ->v, (ptrdiff_t)m, 1}, (gemm_view){X->v, 1, (ptrdiff_t)m},
                   (gemm_view){dW->v, (ptrdiff_t)n0, 1}, n1, n0, m);
    mat_mul_nt(dw, dz, X, scratch);
    expect_product((gemm_view){dz->v, (ptrdiff_t)m, 1}, (gemm_view){X->v, 1, (ptrdiff_t)m},
                   (gemm_view){dw->v, (ptrdiff_t)n0, 1}, 1, n0, m);
    mat_mul_tn(dA, W, dZ);
    expect_product((gemm_view){W->v, 1, (ptrdiff_t)n0}, (gemm_view){dZ->v, (ptrdiff_t)m, 1},
                   (gemm_view){dA->v, (ptrdiff_t)m, 1}, n0, m, n1);
    free(scratch);
    mat_free(X), mat_free(W), mat_free(Z), mat_free(dZ), mat_free(dW), mat_free(dA);
    mat_free(w), mat_free(dz), mat_free(dw);
}

/* Each element is one thread's from start to end: 1, 2 and 3 threads give
 * the same bits, for products split by rows and by columns. */
static void the_result_does_not_depend_on_the_number_of_threads(void **state)
{
    (void)state;
    const size_t shapes[][3] = {{20, 209, 3000}, {3000, 20, 209}, {1, 2000, 300}};
    for (size_t s = 0; s < 3; s++) {
        const size_t M = shapes[s][0], N = shapes[s][1], K = shapes[s][2];
        double *a = malloc(M * K * sizeof *a), *b = malloc(K * N * sizeof *b);
        double *c[3];
        fill(a, M * K, 10), fill(b, K * N, 11);
        for (int t = 0; t < 3; t++) {
            c[t] = malloc(M * N * sizeof *c[t]);
            mat_set_threads(t + 1);
            gemm(M, N, K, (gemm_view){a, (ptrdiff_t)K, 1}, (gemm_view){b, (ptrdiff_t)N, 1},
                 (gemm_view){c[t], (ptrdiff_t)N, 1});
        }
        for (size_t i = 0; i < M * N; i++)
            if (c[0][i] != c[1][i] || c[0][i] != c[2][i])
                fail_msg("element %zu of %zu×%zu×%zu differs between thread counts", i, M, N, K);
        for (int t = 0; t < 3; t++)
            free(c[t]);
        free(a), free(b);
    }
    mat_set_threads(0);
}

static void the_thread_setting_defaults_to_every_core(void **state)
{
    (void)state;
    mat_set_threads(1);
    assert_int_equal(mat_threads(), 1);
    mat_set_threads(0);
    assert_true(mat_threads() >= 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(plain_operands_give_the_plain_product),
        cmocka_unit_test(a_transposed_gives_the_plain_product),
        cmocka_unit_test(b_transposed_into_a_transposed_c_gives_the_plain_product),
        cmocka_unit_test(dot_products_of_rows_give_the_plain_product),
        cmocka_unit_test(matrix_products_above_the_threshold_match_the_plain_loops),
        cmocka_unit_test(the_result_does_not_depend_on_the_number_of_threads),
        cmocka_unit_test(the_thread_setting_defaults_to_every_core),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
