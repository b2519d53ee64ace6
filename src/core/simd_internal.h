/*
 * simd_internal.h — wider vectors for the core's element-wise and matrix
 * loops where the CPU has them, picked when the program loads. The results
 * do not change: every output element is still computed by the same
 * operations in the same order (no reductions are split, no FMA: the build
 * has -ffp-contract=off), only several outputs are computed side by side.
 */
#ifndef DNN_CORE_SIMD_INTERNAL_H
#define DNN_CORE_SIMD_INTERNAL_H

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && \
    !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
#define CORE_SIMD_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define CORE_SIMD_CLONES
#endif

#endif
