/*
 * notebook.h — the accuracies the course's week 2 and week 4 notebooks print,
 * computed as numpy computes them, so the printed digits are the notebook's
 * to the last one.
 *
 *   week 2   100 - np.mean(np.abs(Y_prediction - Y)) * 100
 *            the mean of 0/1 values is exact: 100 − (wrong / m) · 100
 *   week 4   np.sum((p == y) / m)
 *            a sum of m values each 0 or 1/m, in numpy's pairwise order: it
 *            is not always right / m (10 of 12 gives 0.8333333333333335)
 *
 * p = (A[L] > 0.5) in both. The numbers are for printing with Python's
 * str(float) (cli/pyfloat.h).
 */
#ifndef DNN_LAB_NOTEBOOK_H
#define DNN_LAB_NOTEBOOK_H

#include <stddef.h>

#include "../core/network.h"

/* np.sum over a contiguous float64 array of n values: numpy's pairwise sum
 * (a plain loop below 8 values, 8 accumulators up to 128, halves above),
 * checked against numpy 1.24. 0 for n = 0. */
double notebook_np_sum(const double *a, size_t n);

/* The week 2 notebook's "train accuracy: {} %" number for net on X, Y; NAN on
 * a shape mismatch or no memory. */
double notebook_w2_accuracy(const nn_net *net, const mat *X, const mat *Y);

/* The week 4 notebook's predict(): "Accuracy: {}" number for net on X, Y;
 * NAN on a shape mismatch or no memory. */
double notebook_w4_accuracy(const nn_net *net, const mat *X, const mat *Y);

#endif
