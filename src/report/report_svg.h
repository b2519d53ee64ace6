/*
 * report_svg.h — the report's figures as SVG text, written by hand: no
 * plotting library, just <line>, <polyline>, <rect>, <circle>, <text>.
 *
 *   ┌ title ───────────────────────────────┐
 *   │ 0.6 ┤╲                     ┌ legend ┐ │   line chart: one polyline per series,
 *   │ 0.4 ┤ ╲___                 └────────┘ │   a "diverged" mark where a series
 *   │ 0.2 ┤     ‾‾‾‾‾‾‾‾‾‾‾‾‾‾‾‾‾‾          │   stops being finite
 *   │     └──┬──────┬──────┬──────┬─       │
 *   │        0    2000   4000   6000  x    │
 *   └───────────────────────────────────────┘
 *
 * The line chart's legend sits to the right of the plot, so it never hides a curve.
 *
 * Every function appends one complete <svg> element (with xmlns, a <title>,
 * a viewBox and the pixel size) to out; text is XML-escaped UTF-8. The caller
 * adds an XML declaration when the SVG becomes a file of its own. No
 * coordinate written is ever NaN or infinite.
 */
#ifndef DNN_REPORT_SVG_H
#define DNN_REPORT_SVG_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/matrix.h"
#include "report_buf.h"

/* One curve: n points (x[i], y[i]). The curve stops at the first non-finite
 * y; if `diverged` the last drawn point gets a cross and `diverged_label`. */
typedef struct svg_series {
    const char *label;     /* legend text */
    const double *x, *y;
    size_t n;
    bool diverged;
    double diverged_x;     /* where it diverged (the cross goes there, at the top of the chart) */
} svg_series;

typedef struct svg_line_chart {
    int width, height;
    const char *title, *x_label, *y_label;
    const char *diverged_label;   /* e.g. "diverged" */
    const svg_series *series;
    int n_series;
    bool markers;                 /* a dot on every point (for short curves) */
    double y_cap;                 /* > 0: the y axis stops here; higher values are clipped to the top */
    double x_max;                 /* > 0: the x axis runs to here at least (the last iteration) */
} svg_line_chart;

/* Appends the chart: axes with nice ticks over all finite points (the y axis
 * from 0 or the lowest cost, capped by y_cap), one styled polyline per series,
 * the divergence marks, the legend. */
void svg_write_line_chart(rbuf *out, const svg_line_chart *c);

/* One decision-region panel: a grid of predicted classes over the plot range
 * and the examples on top. grid[r * gw + c] is the class (0/1) predicted at
 * the centre of cell (r, c); row 0 is the top (x2 = hi[1]). */
typedef struct svg_map_panel {
    const char *title;
    double lo[2], hi[2];
    int gw, gh;
    const unsigned char *grid;    /* NULL: the panel says `empty_label` instead (e.g. diverged) */
    const char *empty_label;
    const mat *X, *Y;             /* (2, m) points and (1, m) labels */
    const mat *X_test, *Y_test;   /* held-out points, drawn hollow (NULL: none) */
} svg_map_panel;

typedef struct svg_map_figure {
    int width, height;
    const char *title;
    const char *class_label[2];   /* legend: "class 0 (red)", … */
    const char *region_label[2];  /* legend: "predicted 0", … */
    const char *test_label;       /* legend of the hollow held-out points (NULL: no test points) */
    const svg_map_panel *panels;
    int n_panels;
    int cols;                     /* panels per row; 1 panel gets full axes with ticks */
} svg_map_figure;

/* Appends the figure: one panel with full axes, or small panels in rows of
 * `cols` each under its title; the legend of points and regions at the bottom. */
void svg_write_map_figure(rbuf *out, const svg_map_figure *f);

/* A bar per category, values in 0 … 100 (percent); NaN draws no bar and the
 * `missing_label` instead. */
typedef struct svg_bar_chart {
    int width, height;
    const char *title, *x_label, *y_label, *missing_label;
    const char *const *categories;
    const double *values;
    int n;
} svg_bar_chart;

/* Appends the chart: a 0–100 axis, one bar with its value per category. */
void svg_write_bar_chart(rbuf *out, const svg_bar_chart *c);

/* Nice axis ticks for [lo, hi]: about `want` round steps (1, 2, 5 × 10^k).
 * Fills ticks (at most max of them) and returns how many. */
int svg_nice_ticks(double lo, double hi, int want, double *ticks, int max);

#endif
