/*
 * matrix.c — the dense row-major matrix and the handful of operations the
 * course's networks need. Loops are written so the compiler can vectorise
 * them (unit stride innermost, no aliasing surprises) without changing the
 * order of floating-point additions that the course's numbers depend on.
 */
#include "matrix.h"

#include "gemm_internal.h"
#include "simd_internal.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

mat *mat_new(size_t rows, size_t cols)
{
    if (rows == 0 || cols == 0 || rows > MAT_MAX_ELEMENTS / cols)
        return NULL;
    mat *m = malloc(sizeof *m);
    if (!m)
        return NULL;
    m->v = calloc(rows * cols, sizeof *m->v);
    if (!m->v) {
        free(m);
        return NULL;
    }
    m->rows = rows;
    m->cols = cols;
    return m;
}

mat *mat_clone(const mat *src)
{
    mat *m = mat_new(src->rows, src->cols);
    if (m)
        mat_copy(m, src);
    return m;
}

void mat_free(mat *m)
{
    if (!m)
        return;
    free(m->v);
    free(m);
}

void mat_copy(mat *dst, const mat *src)
{
    assert(mat_same_shape(dst, src));
    memcpy(dst->v, src->v, mat_size(src) * sizeof *src->v);
}

void mat_fill(mat *m, double x)
{
    size_t n = mat_size(m);
    for (size_t i = 0; i < n; i++)
        m->v[i] = x;
}

/* The element-wise loops that run over every weight each iteration (scale
 * dW, update W, check W) are compiled for the widest vectors the CPU has;
 * each element is the same operation as in the plain loop. */
CORE_SIMD_CLONES static void scale_array(double *restrict v, size_t n, double scale)
{
    for (size_t i = 0; i < n; i++)
        v[i] *= scale;
}

void mat_scale(mat *m, double scale)
{
    scale_array(m->v, mat_size(m), scale);
}

/* out (n, M) := a (n, K) · b, b given as K rows of M at bv: each out[i][j]
 * accumulated in k order, as a dot product would be. The i-k-j loop keeps the
 * inner loop contiguous over j, so it vectorises across outputs. */
static inline void mul_ikj(mat *out, const mat *a, const double *bv, size_t M)
{
    const size_t n = a->rows, K = a->cols;
    for (size_t i = 0; i < n; i++) {
        double *restrict o = out->v + i * M;
        const double *arow = a->v + i * K;
        for (size_t j = 0; j < M; j++)
            o[j] = 0.0;
        for (size_t k = 0; k < K; k++) {
            const double aik = arow[k];
            const double *restrict brow = bv + k * M;
            for (size_t j = 0; j < M; j++)
                o[j] += aik * brow[j];
        }
    }
}

/* Whether a product of n·k·m multiply-adds goes to gemm (blocked, FMA,
 * threads) rather than the plain loops below. The small networks (planar)
 * stay on the plain loops, whose sums are today's bit for bit. */
static bool use_gemm(size_t n, size_t k, size_t m)
{
    return n * k * m >= GEMM_MIN_WORK;
}

static gemm_view view_of(const mat *x) { return (gemm_view){x->v, (ptrdiff_t)x->cols, 1}; }
/* The same memory read as its transpose. */
static gemm_view view_t(const mat *x) { return (gemm_view){x->v, 1, (ptrdiff_t)x->cols}; }

CORE_SIMD_CLONES static void mul_plain(mat *out, const mat *a, const mat *b)
{
    mul_ikj(out, a, b->v, b->cols);
}

void mat_mul(mat *out, const mat *a, const mat *b)
{
    assert(a->cols == b->rows && out->rows == a->rows && out->cols == b->cols);
    assert(out != a && out != b);
    if (use_gemm(a->rows, a->cols, b->cols))
        gemm(a->rows, b->cols, a->cols, view_of(a), view_of(b), view_of(out));
    else
        mul_plain(out, a, b);
}

/* out[i][j] = Σ_k a[k][i] b[k][j]. */
CORE_SIMD_CLONES static void mul_tn_plain(mat *out, const mat *a, const mat *b)
{
    const size_t n = a->cols, K = a->rows, M = b->cols;
    for (size_t i = 0; i < n; i++) {
        double *restrict o = out->v + i * M;
        for (size_t j = 0; j < M; j++)
            o[j] = 0.0;
        for (size_t k = 0; k < K; k++) {
            const double aki = a->v[k * n + i];
            const double *restrict brow = b->v + k * M;
            for (size_t j = 0; j < M; j++)
                o[j] += aki * brow[j];
        }
    }
}

void mat_mul_tn(mat *out, const mat *a, const mat *b)
{
    assert(a->rows == b->rows && out->rows == a->cols && out->cols == b->cols);
    assert(out != a && out != b);
    if (use_gemm(a->cols, a->rows, b->cols))
        gemm(a->cols, b->cols, a->rows, view_t(a), view_of(b), view_of(out));
    else
        mul_tn_plain(out, a, b);
}

/* out[i][j] = Σ_k a[i][k] b[j][k], each sum taken in k order (so the result
 * is the plain dot products, bit for bit). With many output columns, b is
 * first transposed into scratch so the inner loop runs over j with unit
 * stride and vectorises; with few, the dot products run directly. */
CORE_SIMD_CLONES static void mul_nt_plain(mat *out, const mat *a, const mat *b, double *scratch)
{
    const size_t n = a->rows, K = a->cols, M = b->rows;
    if (M < 16) {
        for (size_t i = 0; i < n; i++) {
            const double *arow = a->v + i * K;
            for (size_t j = 0; j < M; j++) {
                const double *brow = b->v + j * K;
                double s = 0.0;
                for (size_t k = 0; k < K; k++)
                    s += arow[k] * brow[k];
                out->v[i * M + j] = s;
            }
        }
        return;
    }
    double *bt = scratch; /* bᵀ: (K, M) */
    for (size_t j = 0; j < M; j++)
        for (size_t k = 0; k < K; k++)
            bt[k * M + j] = b->v[j * K + k];
    mul_ikj(out, a, bt, M);
}

/* gemm reads B in place only when its rows are contiguous, and copies it in
 * slices otherwise; bᵀ is not, so the product is taken the way round that
 * copies the smaller operand: out = a·bᵀ when a has more rows than b (the
 * slices of bᵀ are copied), else outᵀ = b·aᵀ, written into out transposed
 * (the slices of aᵀ are copied). For dW[1] = dZ[1]·Xᵀ on the cat pictures
 * that is Xᵀ's transpose, X itself, read in place, and dZ[1] copied. */
void mat_mul_nt(mat *out, const mat *a, const mat *b, double *scratch)
{
    assert(a->cols == b->cols && out->rows == a->rows && out->cols == b->rows);
    assert(out != a && out != b);
    if (!use_gemm(a->rows, a->cols, b->rows))
        mul_nt_plain(out, a, b, scratch);
    else if (a->rows < 8)
        gemm_dots(a->rows, b->rows, a->cols, a->v, b->v, out->v);
    else if (a->rows >= b->rows)
        gemm(a->rows, b->rows, a->cols, view_of(a), view_t(b), view_of(out));
    else
        gemm(b->rows, a->rows, a->cols, view_of(b), view_t(a), view_t(out));
}

void mat_add_col(mat *m, const mat *col)
{
    assert(col->rows == m->rows && col->cols == 1);
    for (size_t r = 0; r < m->rows; r++) {
        const double c = col->v[r];
        double *restrict row = m->v + r * m->cols;
        for (size_t j = 0; j < m->cols; j++)
            row[j] += c;
    }
}

/* Each row is summed left to right; the rows run side by side (independent
 * sums) so the loop is not bound by the latency of one long chain. */
/* Each row's sum is one chain in column order (numbers as a plain loop
 * gives them); four rows are summed side by side so the additions of one
 * row do not wait for the previous one, and each row is read contiguously. */
void mat_row_sums(mat *out, const mat *m)
{
    assert(out->rows == m->rows && out->cols == 1);
    const size_t n = m->cols;
    size_t r = 0;
    for (; r + 4 <= m->rows; r += 4) {
        const double *a = m->v + r * n, *b = a + n, *c = b + n, *d = c + n;
        double sa = 0.0, sb = 0.0, sc = 0.0, sd = 0.0;
        for (size_t j = 0; j < n; j++) {
            sa += a[j];
            sb += b[j];
            sc += c[j];
            sd += d[j];
        }
        out->v[r] = sa;
        out->v[r + 1] = sb;
        out->v[r + 2] = sc;
        out->v[r + 3] = sd;
    }
    for (; r < m->rows; r++) {
        const double *a = m->v + r * n;
        double s = 0.0;
        for (size_t j = 0; j < n; j++)
            s += a[j];
        out->v[r] = s;
    }
}

void mat_sub(mat *out, const mat *a, const mat *b)
{
    assert(mat_same_shape(a, b) && mat_same_shape(out, a));
    size_t n = mat_size(a);
    for (size_t i = 0; i < n; i++)
        out->v[i] = a->v[i] - b->v[i];
}

void mat_add(mat *out, const mat *a, const mat *b)
{
    assert(mat_same_shape(a, b) && mat_same_shape(out, a));
    size_t n = mat_size(a);
    for (size_t i = 0; i < n; i++)
        out->v[i] = a->v[i] + b->v[i];
}

void mat_hadamard(mat *out, const mat *a, const mat *b)
{
    assert(mat_same_shape(a, b) && mat_same_shape(out, a));
    size_t n = mat_size(a);
    for (size_t i = 0; i < n; i++)
        out->v[i] = a->v[i] * b->v[i];
}

CORE_SIMD_CLONES static void axpy_neg_array(double *restrict v, double alpha, const double *restrict d, size_t n)
{
    for (size_t i = 0; i < n; i++)
        v[i] = v[i] - alpha * d[i];
}

void mat_axpy_neg(mat *m, double alpha, const mat *d)
{
    assert(mat_same_shape(m, d) && m != d);
    axpy_neg_array(m->v, alpha, d->v, mat_size(m));
}

/* x − x is 0 exactly when x is finite (NaN for ±∞ and NaN), a test the
 * compiler vectorises where isfinite's is not. */
CORE_SIMD_CLONES static bool all_finite_array(const double *v, size_t n)
{
    int ok = 1;
    for (size_t i = 0; i < n; i++)
        ok &= (v[i] - v[i] == 0.0);
    return ok;
}

bool mat_all_finite(const mat *m)
{
    return all_finite_array(m->v, mat_size(m));
}

double mat_max_abs_diff(const mat *a, const mat *b)
{
    assert(mat_same_shape(a, b));
    double worst = 0.0;
    size_t n = mat_size(a);
    for (size_t i = 0; i < n; i++) {
        double d = fabs(a->v[i] - b->v[i]);
        if (d > worst || isnan(d))
            worst = d;
    }
    return worst;
}
