/*
 * fastmath.h — e^x and tanh over arrays, written so the compiler vectorises
 * them, and accurate to a few units in the last place (far below the six
 * decimals the course prints; the course-number tests hold them to that).
 *
 *   e^x = 2^k · e^r,  k = round(x / ln 2),  r = x − k ln 2  (|r| ≤ ln2/2),
 *   e^r by its Taylor polynomial to r^13 (truncation below 1e-17 relative).
 *   tanh x = −expm1(−2|x|) / (2 + expm1(−2|x|)) with the sign of x restored;
 *   for |x| < 1/8 the odd Taylor series of tanh to x^13 avoids cancellation.
 *
 * Saturation: e^x is clamped at x = ±708 (e^708 ≈ 3.0e307, e^−708 ≈ 3.3e−308)
 * up to where libm's result stops being a normal double: +Inf above 709.7,
 * 0 below −745. So between 708 and 709.7, and between −745 and −708, the
 * value is e^±708 rather than libm's (finite, or subnormal) one — far out in
 * σ's flat tails, where the course's numbers never go. NaN stays NaN.
 */
#ifndef DNN_CORE_FASTMATH_H
#define DNN_CORE_FASTMATH_H

#include <stddef.h>

/* out[i] = e^(x[i]); out may alias x. */
void fm_exp_array(double *out, const double *x, size_t n);
/* out[i] = 1 / (1 + e^(−x[i])); out may alias x. */
void fm_sigmoid_array(double *out, const double *x, size_t n);
/* out[i] = tanh(x[i]); out may alias x. */
void fm_tanh_array(double *out, const double *x, size_t n);

#endif
