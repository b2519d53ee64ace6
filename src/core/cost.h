/*
 * cost.h — the cross-entropy cost of a binary classifier.
 *
 *   J = −(1/m) Σ_i [ y⁽ⁱ⁾ log a⁽ⁱ⁾ + (1 − y⁽ⁱ⁾) log(1 − a⁽ⁱ⁾) ]
 *
 * computed as numpy's course code does: the element-wise log-probabilities,
 * summed in order, then multiplied by −1/m.
 */
#ifndef DNN_CORE_COST_H
#define DNN_CORE_COST_H

#include "matrix.h"

/* AL and Y are (1, m). Returns J; +Inf or NaN when AL holds 0 or 1 where the
 * label disagrees, or non-finite values (the caller treats that as divergence). */
double cost_cross_entropy(const mat *AL, const mat *Y);

#endif
