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
 * Inputs beyond ±708 saturate (e^x → 0 or +Inf as libm does); NaN stays NaN.
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
