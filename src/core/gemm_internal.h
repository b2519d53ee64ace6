/*
 * gemm_internal.h — the blocked, threaded matrix product behind mat_mul,
 * mat_mul_tn and mat_mul_nt when a product is large enough to pay for it.
 * Nothing outside src/core/matrix.c and the core's tests includes this.
 *
 * Every operand is a strided view, so one routine serves all three products
 * (a transposed operand is the same memory with its strides swapped):
 *
 *     element (i, j) of a view  =  v[i·rs + j·cs]
 *
 *     C (M, N) := A (M, K) · B (K, N)
 *
 * How it is computed (see gemm.c): C is cut into tiles of GEMM_MR rows and
 * a few vectors of columns; a tile's sums run over k in order, in registers,
 * with fused multiply-add where the CPU has it (AVX-512F or AVX2+FMA, picked
 * when the program loads; plain multiply and add otherwise). k is cut into
 * blocks so the slice of B a tile reads stays in the first-level cache. Each
 * element of C is computed by one thread from start to end, so the result
 * does not depend on the number of threads — only on the CPU's vector width
 * and FMA, like numpy's with different OpenBLAS kernels.
 */
#ifndef DNN_CORE_GEMM_INTERNAL_H
#define DNN_CORE_GEMM_INTERNAL_H

#include <stddef.h>

typedef struct gemm_view {
    double *v;
    ptrdiff_t rs, cs; /* element (i, j) is v[i*rs + j*cs] */
} gemm_view;

/* C := A · B with A (M, K), B (K, N), C (M, N); C must not overlap A or B.
 * Uses up to gemm_threads() threads when the product is large enough. */
void gemm(size_t M, size_t N, size_t K, gemm_view A, gemm_view B, gemm_view C);

/* c (M, N) := a (M, K) · b (N, K)ᵀ as M·N dot products of contiguous rows,
 * for a product with few rows (M below a tile's height), where gemm's tiles
 * would be mostly padding. Each dot is eight partial sums added at the end. */
void gemm_dots(size_t M, size_t N, size_t K, const double *a, const double *b, double *c);

/* Multiply-adds (M·N·K) from which gemm is worth its set-up over the plain
 * loops, and from which it splits the work over threads: digits' largest
 * products (2.3 M) ran slower on two threads than on one (waking the
 * second costs more than it saves); the cat network's first layer (51 M)
 * gains. */
#define GEMM_MIN_WORK ((size_t)1 << 15)
#define GEMM_THREAD_WORK ((size_t)1 << 23)

/* The name of the kernel in use: "avx512", "avx2+fma" or "portable". */
const char *gemm_kernel_name(void);

#endif
