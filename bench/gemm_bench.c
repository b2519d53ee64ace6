/*
 * gemm_bench — times dnn-tutor's matrix products on the cat network's two
 * large products, for bench/gemm.sh to set beside numpy's (OpenBLAS) on the
 * same shapes. It backs, or refutes, the README's reason for linking no BLAS.
 *
 *   gemm_bench THREADS REPEATS
 *     → one line per product: "<name> <M> <N> <K> <best seconds>"
 *
 * The products, with the course's sizes (n_x = 12288, n_h = 20, m = 209):
 *   forward   Z1 = W1 · X       (20, 12288) · (12288, 209)
 *   backward  dW1 = dZ1 · Xᵀ    (20, 209) · (209, 12288)ᵀ, X read in place
 * Operands are filled from a fixed pseudo-random pattern; the best of
 * REPEATS runs is printed (the first, which warms the caches and starts the
 * threads, counts like the others).
 */
#include <stdio.h>
#include <stdlib.h>

#include "matrix.h"
#include "monoclock.h"

static void fill(mat *a, unsigned seed)
{
    for (size_t i = 0; i < mat_size(a); i++) {
        seed = seed * 1103515245u + 12345u;
        a->v[i] = (double)(seed >> 8) / (double)(1u << 24) - 0.5;
    }
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: gemm_bench THREADS REPEATS\n");
        return 2;
    }
    int threads = atoi(argv[1]), repeats = atoi(argv[2]);
    if (threads < 1 || repeats < 1) {
        fprintf(stderr, "gemm_bench: THREADS and REPEATS must be at least 1\n");
        return 2;
    }
    const size_t n_x = 12288, n_h = 20, m = 209;
    mat *W = mat_new(n_h, n_x), *X = mat_new(n_x, m), *Z = mat_new(n_h, m);
    mat *dZ = mat_new(n_h, m), *dW = mat_new(n_h, n_x);
    double *scratch = malloc(n_x * m * sizeof *scratch);
    if (!W || !X || !Z || !dZ || !dW || !scratch) {
        fprintf(stderr, "gemm_bench: out of memory\n");
        return 1;
    }
    fill(W, 1);
    fill(X, 2);
    fill(dZ, 3);
    mat_set_threads(threads);

    double best_fwd = 1e30, best_bwd = 1e30;
    for (int r = 0; r < repeats; r++) {
        double t0 = mono_seconds();
        mat_mul(Z, W, X);
        double t1 = mono_seconds();
        mat_mul_nt(dW, dZ, X, scratch);
        double t2 = mono_seconds();
        if (t1 - t0 < best_fwd)
            best_fwd = t1 - t0;
        if (t2 - t1 < best_bwd)
            best_bwd = t2 - t1;
    }
    printf("forward %zu %zu %zu %.6f\n", n_h, m, n_x, best_fwd);
    printf("backward %zu %zu %zu %.6f\n", n_h, n_x, m, best_bwd);
    /* A value of each result, so the products cannot be optimised away. */
    fprintf(stderr, "gemm_bench: Z[0][0] = %.6f, dW[0][0] = %.6f\n", Z->v[0], dW->v[0]);
    mat_free(W);
    mat_free(X);
    mat_free(Z);
    mat_free(dZ);
    mat_free(dW);
    free(scratch);
    return 0;
}
