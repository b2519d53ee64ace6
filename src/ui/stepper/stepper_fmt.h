/*
 * stepper_fmt.h — matrices printed the way numpy prints them, so what the
 * stepper shows reads like the course notebook's output.
 *
 *   [[-0.00416758 -0.00056267]          fixed notation: up to 8 decimals,
 *    [-0.02136196  0.01640271]           trailing zeros dropped, columns
 *    ...                                 aligned on the point
 *    [ 0.00502881 -0.01245288]]
 *   [[ 1.20444229 ... -3.75021595]]     a summary (…) of the middle rows and
 *                                        columns when the matrix does not fit
 *   [[4.2e-05 1.0e-03]]                 scientific when numpy would use it:
 *                                        the smallest non-zero |x| < 1e-4,
 *                                        the largest >= 1e8, or their ratio > 1000
 *
 * The numbers follow numpy's default print options (precision 8, floatmode
 * "maxprec", edgeitems 3); the summary is used whenever the text must fit a
 * given number of columns and lines (numpy's own threshold is 1000 elements).
 */
#ifndef DNN_UI_STEPPER_FMT_H
#define DNN_UI_STEPPER_FMT_H

#include <stddef.h>

#include "../../core/matrix.h"

/* Writes m as numpy would print it, in at most max_lines lines (>= 1) of
 * about max_cols columns (the summary is chosen to fit; with one column
 * each side still too wide the lines are longer than max_cols). Lines are
 * separated by '\n' (none after the last). Returns the number of lines;
 * buf is always NUL-terminated when size > 0 (cut when too small). The
 * text is ASCII. */
int stepper_format_matrix(const mat *m, int max_cols, int max_lines, char *buf, size_t size);
/* One value as numpy prints an element on its own ("-0.00416758", "0.",
 * "4.16757847e-03", "nan"); returns the length. */
size_t stepper_format_value(double x, char *buf, size_t size);

#endif
