/*
 * rng.c — numpy's legacy RandomState: MT19937 with init_genrand seeding,
 * 53-bit doubles and the polar-method gaussian with its cached second value.
 */
#include "rng.h"

#include <math.h>

enum { MT_N = 624, MT_M = 397 };
#define MT_MATRIX_A 0x9908b0dfU
#define MT_UPPER 0x80000000U
#define MT_LOWER 0x7fffffffU

void rng_seed(rng *r, uint32_t seed)
{
    r->mt[0] = seed;
    for (int i = 1; i < MT_N; i++)
        r->mt[i] = 1812433253U * (r->mt[i - 1] ^ (r->mt[i - 1] >> 30)) + (uint32_t)i;
    r->index = MT_N;
    r->has_gauss = 0;
    r->gauss = 0.0;
}

static void mt_generate(rng *r)
{
    uint32_t *mt = r->mt;
    int k;
    for (k = 0; k < MT_N - MT_M; k++) {
        uint32_t y = (mt[k] & MT_UPPER) | (mt[k + 1] & MT_LOWER);
        mt[k] = mt[k + MT_M] ^ (y >> 1) ^ ((y & 1U) ? MT_MATRIX_A : 0U);
    }
    for (; k < MT_N - 1; k++) {
        uint32_t y = (mt[k] & MT_UPPER) | (mt[k + 1] & MT_LOWER);
        mt[k] = mt[k + (MT_M - MT_N)] ^ (y >> 1) ^ ((y & 1U) ? MT_MATRIX_A : 0U);
    }
    uint32_t y = (mt[MT_N - 1] & MT_UPPER) | (mt[0] & MT_LOWER);
    mt[MT_N - 1] = mt[MT_M - 1] ^ (y >> 1) ^ ((y & 1U) ? MT_MATRIX_A : 0U);
    r->index = 0;
}

uint32_t rng_u32(rng *r)
{
    if (r->index >= MT_N)
        mt_generate(r);
    uint32_t y = r->mt[r->index++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= (y >> 18);
    return y;
}

double rng_rand(rng *r)
{
    uint32_t a = rng_u32(r) >> 5, b = rng_u32(r) >> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
}

double rng_randn(rng *r)
{
    if (r->has_gauss) {
        r->has_gauss = 0;
        return r->gauss;
    }
    double x1, x2, r2;
    do {
        x1 = 2.0 * rng_rand(r) - 1.0;
        x2 = 2.0 * rng_rand(r) - 1.0;
        r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 == 0.0);
    double f = sqrt(-2.0 * log(r2) / r2);
    r->gauss = f * x1;
    r->has_gauss = 1;
    return f * x2;
}

void rng_fill_randn(rng *r, mat *m)
{
    size_t n = mat_size(m);
    for (size_t i = 0; i < n; i++)
        m->v[i] = rng_randn(r);
}

void rng_fill_rand(rng *r, mat *m)
{
    size_t n = mat_size(m);
    for (size_t i = 0; i < n; i++)
        m->v[i] = rng_rand(r);
}

/* numpy's masked rejection: the smallest all-ones mask covering max, then
 * draw until the masked value is <= max. */
static uint32_t rng_interval(rng *r, uint32_t max)
{
    if (max == 0)
        return 0;
    uint32_t mask = max;
    mask |= mask >> 1;
    mask |= mask >> 2;
    mask |= mask >> 4;
    mask |= mask >> 8;
    mask |= mask >> 16;
    uint32_t v;
    while ((v = (rng_u32(r) & mask)) > max)
        ;
    return v;
}

uint32_t rng_below(rng *r, uint32_t n)
{
    return n == 0 ? 0 : rng_interval(r, n - 1);
}

void rng_permutation(rng *r, size_t *out, size_t n)
{
    for (size_t i = 0; i < n; i++)
        out[i] = i;
    for (size_t i = n; i-- > 1;) {
        size_t j = rng_interval(r, (uint32_t)i);
        size_t t = out[i];
        out[i] = out[j];
        out[j] = t;
    }
}
