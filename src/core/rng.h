/*
 * rng.h — numpy's legacy random generator (np.random.seed / rand / randn /
 * permutation), reproduced bit for bit so that the course's seeds give the
 * course's numbers.
 *
 *   seed(n)    MT19937 init_genrand(n)  (not init_by_array)
 *   rand()     53-bit double from two 32-bit outputs a, b:
 *              ((a >> 5) * 67108864.0 + (b >> 6)) / 9007199254740992.0
 *   randn()    polar (Marsaglia) method: x1 = 2u−1, x2 = 2u−1 until
 *              0 < r2 = x1² + x2² < 1; f = sqrt(−2 log(r2) / r2);
 *              return f·x2 and keep f·x1 for the next call.
 *              Reseeding drops the kept value.
 *
 * Matrices are filled row-major, as numpy fills randn(rows, cols).
 * The generator is a plain value: copy it to fork a stream.
 */
#ifndef DNN_CORE_RNG_H
#define DNN_CORE_RNG_H

#include <stddef.h>
#include <stdint.h>

#include "matrix.h"

typedef struct rng {
    uint32_t mt[624];
    int index;
    int has_gauss;
    double gauss;
} rng;

/* np.random.seed(seed) for 0 <= seed < 2^32. */
void rng_seed(rng *r, uint32_t seed);
/* The next raw 32-bit MT19937 output. */
uint32_t rng_u32(rng *r);
/* np.random.rand(): uniform in [0, 1). */
double rng_rand(rng *r);
/* np.random.randn(): one standard normal draw. */
double rng_randn(rng *r);
/* m := randn(m->rows, m->cols), row-major. */
void rng_fill_randn(rng *r, mat *m);
/* m := rand(m->rows, m->cols), row-major. */
void rng_fill_rand(rng *r, mat *m);
/* np.random.randint(0, n) for 1 <= n < 2^32 (numpy's masked rejection); 0 for n = 0. */
uint32_t rng_below(rng *r, uint32_t n);
/* out[0..n) := np.random.permutation(n): the identity shuffled by numpy's
 * Fisher–Yates (i from n−1 down to 1, j = randint(0, i+1)). */
void rng_permutation(rng *r, size_t *out, size_t n);

#endif
