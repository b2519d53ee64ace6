/*
 * plot.h — a line plot drawn in braille: each cell holds 2×4 dots, so a
 * w×h area gives a (2w)×(4h) dot curve. Used for the cost J against
 * iterations, with a labelled y-axis and markers where a setting changed.
 *
 *      0.6930┤⠑⢄                       ← max (top row)
 *            │  ⠈⠢⡀   ┊   ⠤⠤⠤⠤        ← ┊ a marker: a setting changed here;
 *            │                           faint dots: the ghost (the last run)
 *      0.2338┤     ⠉⠒⠒⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤  ← current (the last point)
 *            0               9000 it   ← x range
 *
 * With `ascii` the braille cells become their ASCII twins from glyphs.h
 * ('\'' top, '.' bottom, ':' both halves), markers '!' instead of '┊'.
 * Pure drawing: reads the arrays, writes the canvas, allocates nothing.
 */
#ifndef DNN_UI_TRAINER_PLOT_H
#define DNN_UI_TRAINER_PLOT_H

#include <stdbool.h>
#include <stddef.h>

#include "../canvas.h"
#include "../screen.h"

typedef struct plot_curve {
    const double *x;      /* n x values in increasing order */
    const double *y;      /* n y values; non-finite ones (and y <= 0 on a log axis) are skipped */
    size_t n;
    const double *marks;  /* x positions of markers (setting changes); may be NULL */
    size_t n_marks;
    double x_from;        /* subtracted from every x and mark: the axis counts from here */
    const double *y_test; /* a second series at the same x (the test set's cost); may be NULL */
    /* A faint ghost behind the curve (the previous run, for comparison): its
     * own x values less ghost_x_from, on the same axes; ghost_n may be 0. */
    const double *ghost_x, *ghost_y;
    size_t ghost_n;
    double ghost_x_from;
    /* A last point after the n, when `tip` (the live measure, newer than the
     * last recorded one): the curve is drawn on to it and its value is the
     * "current" label; x less x_from as the others. */
    bool tip;
    double tip_x, tip_y;
} plot_curve;

typedef struct plot_options {
    bool log_y;           /* plot log10(y); labels still show y itself */
    bool ascii;           /* ASCII twins instead of braille and box lines */
    const char *x_unit;   /* after the right-hand x label, e.g. "it"; may be NULL */
} plot_options;

/* Columns the y-axis labels and the axis line take on the left of the area. */
#define PLOT_GUTTER 8

/* Draws the curve into `area`: a PLOT_GUTTER-wide y-axis with the maximum
 * on the top row, the minimum on the bottom plot row and the last finite
 * value ("current": the tip's when there is one) on its own row in ROLE_CURRENT; the braille curve in
 * ROLE_PLOT over y_test's in ROLE_CLASS1 over the ghost's in ROLE_DIM (the
 * ranges cover all three); marker
 * columns in ROLE_MARKER; the x range on the last row.
 * An area smaller than PLOT_GUTTER + 4 columns or 3 rows draws nothing; a
 * curve with no drawable point draws the axis line and "…" in ROLE_DIM.
 * Not reentrant: the dots are gathered in a static buffer (one UI thread). */
void plot_render_curve(ui_canvas *c, ui_rect area, const plot_curve *curve, const plot_options *opt);

/* Several curves (at most PLOT_MAX_CURVES) on one pair of axes (the x and
 * y ranges span them all, the labels are the common maximum and minimum):
 * curve i in roles[i], its label labels[i] (labels or an entry may be
 * NULL) by its last point, on the nearest row no other label takes, so the
 * curves can be told apart without colour too. Where two curves share a
 * cell the later one's shows. As plot_render_curve otherwise. */
#define PLOT_MAX_CURVES 8
void plot_render_curves(ui_canvas *c, ui_rect area, const plot_curve *curves, size_t k, const ui_role *roles,
                        const char *const *labels, const plot_options *opt);

/* Formats a y-axis label of at most 7 columns: "0.6930", "12.35", "1.2e-05".
 * Returns buf. */
char *plot_format_value(double v, char *buf, size_t size);

#endif
