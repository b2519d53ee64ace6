/* The matrix operations, checked on small hand-computed cases. */
#include "dnn_test.h"

#include <math.h>

#include "matrix.h"

static mat *from(size_t rows, size_t cols, const double *v)
{
    mat *m = mat_new(rows, cols);
    for (size_t i = 0; i < rows * cols; i++)
        m->v[i] = v[i];
    return m;
}

static void expect(const mat *m, const double *want)
{
    for (size_t i = 0; i < mat_size(m); i++)
        assert_near(m->v[i], want[i], 1e-12);
}

static void new_refuses_empty_and_absurd_shapes(void **state)
{
    (void)state;
    assert_null(mat_new(0, 3));
    assert_null(mat_new(3, 0));
    assert_null(mat_new((size_t)1 << 20, (size_t)1 << 20));
    mat *m = mat_new(2, 3);
    assert_non_null(m);
    for (size_t i = 0; i < 6; i++)
        assert_exact(m->v[i], 0.0);
    mat_free(m);
}

/* [[1 2 3] [4 5 6]] · [[1 0] [0 1] [1 1]] = [[4 5] [10 11]] */
static void product_of_2x3_and_3x2(void **state)
{
    (void)state;
    mat *a = from(2, 3, (double[]){1, 2, 3, 4, 5, 6});
    mat *b = from(3, 2, (double[]){1, 0, 0, 1, 1, 1});
    mat *out = mat_new(2, 2);
    mat_mul(out, a, b);
    expect(out, (double[]){4, 5, 10, 11});
    mat_free(a), mat_free(b), mat_free(out);
}

/* aᵀ·b with a (2, 3): aᵀ is [[1 4] [2 5] [3 6]]; b = [[1] [1]] → [[5] [7] [9]] */
static void transpose_product_on_the_left(void **state)
{
    (void)state;
    mat *a = from(2, 3, (double[]){1, 2, 3, 4, 5, 6});
    mat *b = from(2, 1, (double[]){1, 1});
    mat *out = mat_new(3, 1);
    mat_mul_tn(out, a, b);
    expect(out, (double[]){5, 7, 9});
    mat_free(a), mat_free(b), mat_free(out);
}

/* a·bᵀ with a (1, 3) = [1 2 3], b (2, 3) = [[1 1 1] [0 1 0]] → [[6 2]] */
static void transpose_product_on_the_right(void **state)
{
    (void)state;
    mat *a = from(1, 3, (double[]){1, 2, 3});
    mat *b = from(2, 3, (double[]){1, 1, 1, 0, 1, 0});
    mat *out = mat_new(1, 2);
    double scratch[6];
    mat_mul_nt(out, a, b, scratch);
    expect(out, (double[]){6, 2});
    mat_free(a), mat_free(b), mat_free(out);
}

static void column_broadcast_and_row_sums_keep_dims(void **state)
{
    (void)state;
    mat *m = from(2, 3, (double[]){1, 2, 3, 4, 5, 6});
    mat *col = from(2, 1, (double[]){10, 100});
    mat_add_col(m, col);
    expect(m, (double[]){11, 12, 13, 104, 105, 106});
    mat *sums = mat_new(2, 1);
    mat_row_sums(sums, m);
    expect(sums, (double[]){36, 315});
    mat_free(m), mat_free(col), mat_free(sums);
}

static void element_wise_operations_and_update(void **state)
{
    (void)state;
    mat *a = from(1, 3, (double[]){1, 2, 3});
    mat *b = from(1, 3, (double[]){4, 5, 6});
    mat *out = mat_new(1, 3);
    mat_sub(out, a, b);
    expect(out, (double[]){-3, -3, -3});
    mat_add(out, a, b);
    expect(out, (double[]){5, 7, 9});
    mat_hadamard(out, a, b);
    expect(out, (double[]){4, 10, 18});
    mat_axpy_neg(a, 0.5, b); /* a − 0.5 b */
    expect(a, (double[]){-1, -0.5, 0});
    mat_free(a), mat_free(b), mat_free(out);
}

static void finiteness_check_sees_nan_and_inf(void **state)
{
    (void)state;
    mat *a = from(1, 3, (double[]){1, 2, 3});
    assert_true(mat_all_finite(a));
    a->v[1] = NAN;
    assert_false(mat_all_finite(a));
    a->v[1] = INFINITY;
    assert_false(mat_all_finite(a));
    mat_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(new_refuses_empty_and_absurd_shapes),
        cmocka_unit_test(product_of_2x3_and_3x2),
        cmocka_unit_test(transpose_product_on_the_left),
        cmocka_unit_test(transpose_product_on_the_right),
        cmocka_unit_test(column_broadcast_and_row_sums_keep_dims),
        cmocka_unit_test(element_wise_operations_and_update),
        cmocka_unit_test(finiteness_check_sees_nan_and_inf),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
