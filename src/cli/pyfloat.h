/*
 * pyfloat.h — a double as Python's str(float)/repr(float) prints it, so the
 * course's `print("Accuracy for {} hidden units: {} %".format(n_h, accuracy))`
 * lines read the same: 90.5, 50.0, 100.0, 28.999999999999996, 1e-05, 1e+16,
 * inf, nan.
 */
#ifndef DNN_CLI_PYFLOAT_H
#define DNN_CLI_PYFLOAT_H

#include <stddef.h>

/* The shortest decimal that reads back as x, laid out as Python does: fixed
 * notation with at least one digit after the point when the decimal exponent
 * is -4 … 15, else d[.ddd]e±XX. Writes at most size bytes (32 always fit);
 * returns buf. */
char *pyfloat_format(char *buf, size_t size, double x);

#endif
