/*
 * fastmath.c — branch-free e^x, σ and tanh loops (see fastmath.h).
 *
 * Rounding to an integer uses the 1.5·2^52 trick: adding it to a double of
 * magnitude < 2^51 leaves round-to-nearest(x) in the low mantissa bits, with
 * no call and no conversion instruction, so the loop vectorises with SSE2 or
 * AVX2 alike. The scale 2^k is built from its exponent bits.
 */
#include "fastmath.h"

#include "simd_internal.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#define FM_SHIFTER 6755399441055744.0 /* 1.5 · 2^52 */
#define FM_LOG2E 1.4426950408889634
#define FM_LN2_HI 6.93147180369123816490e-01 /* ln 2 split so k·LN2_HI is exact */
#define FM_LN2_LO 1.90821492927058770002e-10

/* e^r − 1 for |r| ≤ ln2/2 + a little, Horner form of Σ_{j=1..13} r^j / j!. */
static inline double expm1_reduced(double r)
{
    double p = 1.0 / 6227020800.0;
    p = p * r + 1.0 / 479001600.0;
    p = p * r + 1.0 / 39916800.0;
    p = p * r + 1.0 / 3628800.0;
    p = p * r + 1.0 / 362880.0;
    p = p * r + 1.0 / 40320.0;
    p = p * r + 1.0 / 5040.0;
    p = p * r + 1.0 / 720.0;
    p = p * r + 1.0 / 120.0;
    p = p * r + 1.0 / 24.0;
    p = p * r + 1.0 / 6.0;
    p = p * r + 0.5;
    p = p * r + 1.0;
    return p * r;
}

/* e^x for x already clamped to [−708, 708]; 2^k built from exponent bits. */
static inline double exp_clamped(double x)
{
    double kd = x * FM_LOG2E + FM_SHIFTER;
    uint64_t kbits;
    memcpy(&kbits, &kd, sizeof kbits);
    kd -= FM_SHIFTER;
    double r = (x - kd * FM_LN2_HI) - kd * FM_LN2_LO;
    int64_t k = (int64_t)(kbits & 0xfffff) - (int64_t)((kbits & 0x80000) << 1); /* low 20 bits, signed */
    uint64_t scale_bits = (uint64_t)(k + 1023) << 52;
    double scale;
    memcpy(&scale, &scale_bits, sizeof scale);
    return (expm1_reduced(r) + 1.0) * scale;
}

static inline double exp_one(double x)
{
    double c = x < -708.0 ? -708.0 : (x > 708.0 ? 708.0 : x);
    double e = exp_clamped(c);
    e = x < -745.0 ? 0.0 : e;
    e = x > 709.7 ? INFINITY : e;
    return x != x ? x : e;
}

CORE_SIMD_CLONES void fm_exp_array(double *out, const double *x, size_t n)
{
    for (size_t i = 0; i < n; i++)
        out[i] = exp_one(x[i]);
}

CORE_SIMD_CLONES void fm_sigmoid_array(double *out, const double *x, size_t n)
{
    for (size_t i = 0; i < n; i++)
        out[i] = 1.0 / (1.0 + exp_one(-x[i]));
}

/* tanh by its odd Taylor series for |x| < 1/8:
 * x − x³/3 + 2x⁵/15 − 17x⁷/315 + 62x⁹/2835 − 1382x¹¹/155925 + 21844x¹³/6081075 */
static inline double tanh_small(double x)
{
    double x2 = x * x;
    double p = 21844.0 / 6081075.0;
    p = p * x2 - 1382.0 / 155925.0;
    p = p * x2 + 62.0 / 2835.0;
    p = p * x2 - 17.0 / 315.0;
    p = p * x2 + 2.0 / 15.0;
    p = p * x2 - 1.0 / 3.0;
    return x + x * x2 * p;
}

/* e^(−2|x|) − 1 with the reduction of exp_clamped, keeping the −1 exact. */
static inline double tanh_large(double x)
{
    double a = fabs(x);
    double t = -2.0 * a;
    t = t < -708.0 ? -708.0 : t;
    double em1 = exp_clamped(t) - 1.0; /* in (−1, 0]; no cancellation for |x| ≥ 1/8 */
    double r = -em1 / (2.0 + em1);
    return copysign(r, x);
}

CORE_SIMD_CLONES void fm_tanh_array(double *out, const double *x, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        double v = x[i];
        double small = tanh_small(v);
        double large = tanh_large(v);
        double r = fabs(v) < 0.125 ? small : large;
        out[i] = v != v ? v : r;
    }
}
