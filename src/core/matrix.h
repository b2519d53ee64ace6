/*
 * matrix.h — the dense matrix every layer of dnn-tutor passes around.
 *
 * A matrix is row-major doubles with its shape, like a 2-D numpy array:
 *
 *        cols →
 *   rows  v[0]      v[1]      …  v[cols-1]
 *    ↓    v[cols]   v[cols+1] …
 *
 * In the course's notation a layer's activations A^[l] are (n^[l], m): one
 * row per unit, one column per example. Element (r, c) is v[r*cols + c].
 *
 * Ownership: mat_new/mat_clone return a matrix the caller frees with
 * mat_free. Operations write into an `out` the caller allocated with the
 * right shape (checked by assert); none of them allocate, so a training loop
 * runs without malloc. `out` may alias an input only where a function says so.
 */
#ifndef DNN_CORE_MATRIX_H
#define DNN_CORE_MATRIX_H

#include <stdbool.h>
#include <stddef.h>

typedef struct mat {
    size_t rows;
    size_t cols;
    double *v;
} mat;

/* Upper bound on rows*cols for one matrix (about 1 GiB of doubles); larger
 * requests make mat_new return NULL instead of trying to allocate. */
#define MAT_MAX_ELEMENTS ((size_t)1 << 27)

/* A rows×cols matrix of zeros, or NULL when rows or cols is 0, the product is
 * above MAT_MAX_ELEMENTS, or memory runs out. */
mat *mat_new(size_t rows, size_t cols);
/* A deep copy of m, or NULL on allocation failure. */
mat *mat_clone(const mat *m);
/* Frees m and its data; NULL is allowed. */
void mat_free(mat *m);

static inline double mat_get(const mat *m, size_t r, size_t c) { return m->v[r * m->cols + c]; }
static inline void mat_set(mat *m, size_t r, size_t c, double x) { m->v[r * m->cols + c] = x; }
static inline size_t mat_size(const mat *m) { return m->rows * m->cols; }
static inline bool mat_same_shape(const mat *a, const mat *b) { return a->rows == b->rows && a->cols == b->cols; }

/* dst := src (same shape). */
void mat_copy(mat *dst, const mat *src);
/* Every element := x. */
void mat_fill(mat *m, double x);
/* Every element := x * scale. */
void mat_scale(mat *m, double scale);

/* The three products below compute every out[i][j] as the sum over k in k
 * order. Small products (under ~32k multiply-adds: the planar network) run
 * plain loops, each sum with separate multiplies and adds; larger ones run
 * the blocked kernel of gemm.c, with fused multiply-add where the CPU has it
 * and split over up to mat_threads() threads (the result does not depend on
 * how many). */

/* out := a · b        a (n, k), b (k, m), out (n, m). out must not alias. */
void mat_mul(mat *out, const mat *a, const mat *b);
/* out := aᵀ · b       a (k, n), b (k, m), out (n, m).  e.g. dA^[l-1] = W^[l]ᵀ dZ^[l] */
void mat_mul_tn(mat *out, const mat *a, const mat *b);
/* out := a · bᵀ       a (n, k), b (m, k), out (n, m).  e.g. dW^[l] = dZ^[l] A^[l-1]ᵀ
 * scratch holds at least m·k doubles (the caller's, so the loop does not allocate). */
void mat_mul_nt(mat *out, const mat *a, const mat *b, double *scratch);
/* How many threads a large product may use: n >= 1, or 0 for one per online
 * core (the default). Shared by the whole process. */
void mat_set_threads(int n);
/* The number a product may use now (the setting, or the online cores). */
int mat_threads(void);

/* m[r][c] += col[r] for every c: numpy's broadcast of an (n, 1) column over
 * an (n, m) matrix.  e.g. Z^[l] = W^[l]A^[l-1] + b^[l] */
void mat_add_col(mat *m, const mat *col);
/* out[r][0] := Σ_c m[r][c]: np.sum(m, axis=1, keepdims=True). out is (rows, 1). */
void mat_row_sums(mat *out, const mat *m);
/* out := a − b, out := a + b, out := a ∗ b (element-wise). out may alias a or b. */
void mat_sub(mat *out, const mat *a, const mat *b);
void mat_add(mat *out, const mat *a, const mat *b);
void mat_hadamard(mat *out, const mat *a, const mat *b);
/* m := m − alpha·d, the gradient-descent update W := W − α dW. */
void mat_axpy_neg(mat *m, double alpha, const mat *d);

/* True when every element is finite (no NaN, no ±Inf). */
bool mat_all_finite(const mat *m);
/* Largest |a_i − b_i|; shapes must match. */
double mat_max_abs_diff(const mat *a, const mat *b);

#endif
