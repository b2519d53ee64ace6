/*
 * plot.c — the braille line plot (plot.h).
 *
 * The curve lives on a dot grid of (2·pw) × (4·ph) dots, pw × ph being the
 * plot cells right of the gutter. A point (x, y) lands on dot column
 * dx = round((x − x0)/(x1 − x0) · (2pw − 1)) and dot row
 * dy = round((y1 − y)/(y1 − y0) · (4ph − 1)), top row 0. Consecutive points
 * are joined by a vertical run in the later column, so many points in one
 * column show as the range they span and a jump stays connected.
 */
#include "plot.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../glyphs.h"

/* The bit of dot (col 0|1, row 0…3) inside a braille cell (Unicode numbering). */
static const uint8_t braille_bit[4][2] = {
    {0x01, 0x08},
    {0x02, 0x10},
    {0x04, 0x20},
    {0x40, 0x80},
};

/* Dot patterns of up to 512 plot cells per row are kept on the stack; wider
 * areas are clipped to that. */
#define PLOT_MAX_COLS 512
#define PLOT_MAX_ROWS 256

char *plot_format_value(double v, char *buf, size_t size)
{
    double a = fabs(v);
    if (!isfinite(v))
        snprintf(buf, size, "%s", isnan(v) ? "NaN" : (v > 0 ? "inf" : "-inf"));
    else if (a == 0.0 || (a >= 0.001 && a < 10.0))
        snprintf(buf, size, "%.4f", v);
    else if (a >= 10.0 && a < 1000.0)
        snprintf(buf, size, "%.2f", v);
    else if (a >= 1000.0 && a < 100000.0)
        snprintf(buf, size, "%.0f", v);
    else
        snprintf(buf, size, "%.1e", v);
    return buf;
}

static bool plot_usable(double y, bool log_y)
{
    return isfinite(y) && (!log_y || y > 0.0);
}

static double plot_tf(double y, bool log_y)
{
    return log_y ? log10(y) : y;
}

static int plot_round_clamp(double v, int hi)
{
    if (!(v >= 0.0))
        return 0;
    long r = lround(v);
    return r > hi ? hi : (int)r;
}

/* One cell row's dot bits, row-major, pw × ph cells. */
typedef struct plot_dots {
    int pw, ph;
    uint8_t bits[PLOT_MAX_ROWS][PLOT_MAX_COLS];
} plot_dots;

/* Empties d for pw × ph cells; returns d. */
static plot_dots *plot_dots_clear(plot_dots *d, int pw, int ph)
{
    memset(d, 0, sizeof *d);
    d->pw = pw;
    d->ph = ph;
    return d;
}

static void plot_set_dot(plot_dots *d, int dx, int dy)
{
    int cx = dx / 2, cy = dy / 4;
    if (cx < 0 || cy < 0 || cx >= d->pw || cy >= d->ph)
        return;
    d->bits[cy][cx] |= braille_bit[dy % 4][dx % 2];
}

static void plot_label(ui_canvas *c, int x, int y, double v, ui_role role, uint32_t tick, bool ascii)
{
    char buf[32];
    plot_format_value(v, buf, sizeof buf);
    int w = (int)strlen(buf);
    if (w > PLOT_GUTTER - 1)
        w = PLOT_GUTTER - 1;
    canvas_fill(c, x, y, PLOT_GUTTER - 1, 1, ' ', ROLE_DIM);
    canvas_text(c, x + PLOT_GUTTER - 1 - w, y, w, buf, role);
    canvas_put(c, x + PLOT_GUTTER - 1, y, ascii ? '+' : tick, ROLE_BORDER);
}

/* The axes' ranges, in dot units after plot_tf. */
typedef struct plot_range {
    double x0, x1, y0, y1;
    int max_dx, max_dy;
    bool log_y;
} plot_range;

/* Sets the dots of the line through the n points (x − x_from, y); returns
 * the dot row of the last usable point. */
static int plot_trace(plot_dots *d, const double *xs, const double *ys, size_t n, double x_from, const plot_range *g)
{
    const double x0 = g->x0, x1 = g->x1, y0 = g->y0, y1 = g->y1;
    const int max_dx = g->max_dx, max_dy = g->max_dy;
    const bool log_y = g->log_y;
    int prev_dx = -1, prev_dy = -1, last_dy = 0;
    for (size_t i = 0; i < n; i++) {
        if (!plot_usable(ys[i], log_y)) {
            prev_dx = -1;
            continue;
        }
        int dx = plot_round_clamp((xs[i] - x_from - x0) / (x1 - x0) * max_dx, max_dx);
        int dy = plot_round_clamp((y1 - plot_tf(ys[i], log_y)) / (y1 - y0) * max_dy, max_dy);
        if (prev_dx < 0 || dx == prev_dx) {
            /* First point of a run, or more points in the same column:
             * the column shows the span between them. */
            int from = prev_dx < 0 ? dy : prev_dy;
            int lo = from < dy ? from : dy, hi = from < dy ? dy : from;
            for (int k = lo; k <= hi; k++)
                plot_set_dot(d, dx, k);
        } else {
            /* A straight line to the previous point, one column at a time,
             * each column filled from the row it enters at to the row it leaves. */
            int row_in = prev_dy;
            for (int k = prev_dx + 1; k <= dx; k++) {
                int row_out = prev_dy + (int)lround((double)(dy - prev_dy) * (k - prev_dx) / (dx - prev_dx));
                int lo = row_in < row_out ? row_in : row_out, hi = row_in < row_out ? row_out : row_in;
                if (lo != hi)
                    lo = row_in < row_out ? lo + 1 : lo, hi = row_in < row_out ? hi : hi - 1;
                for (int r = lo; r <= hi; r++)
                    plot_set_dot(d, k, r);
                row_in = row_out;
            }
        }
        prev_dx = dx;
        prev_dy = dy;
        last_dy = dy;
    }
    return last_dy;
}

void plot_render_curve(ui_canvas *c, ui_rect area, const plot_curve *curve, const plot_options *opt)
{
    if (area.w < PLOT_GUTTER + 4 || area.h < 3)
        return;
    bool ascii = opt && opt->ascii, log_y = opt && opt->log_y;
    int pw = area.w - PLOT_GUTTER, ph = area.h - 1;
    if (pw > PLOT_MAX_COLS)
        pw = PLOT_MAX_COLS;
    if (ph > PLOT_MAX_ROWS)
        ph = PLOT_MAX_ROWS;
    int px = area.x + PLOT_GUTTER, py = area.y;

    for (int r = 0; r < ph; r++)
        canvas_put(c, px - 1, py + r, glyph_cp(GLYPH_V_LINE, ascii), ROLE_BORDER);

    /* The ranges: x from the first to the last point, y over usable points,
     * the ghost's included. */
    double x0 = 0, x1 = 0, y0 = INFINITY, y1 = -INFINITY, last = NAN;
    size_t used = 0;
    for (size_t i = 0; curve && i < curve->n; i++) {
        if (!plot_usable(curve->y[i], log_y))
            continue;
        double t = plot_tf(curve->y[i], log_y);
        y0 = fmin(y0, t);
        y1 = fmax(y1, t);
        last = curve->y[i];
        used++;
    }
    if (curve && curve->n > 0) {
        x0 = curve->x[0] - curve->x_from;
        x1 = curve->x[curve->n - 1] - curve->x_from;
    }
    const bool tip = curve && curve->tip && plot_usable(curve->tip_y, log_y);
    if (tip) {
        double t = plot_tf(curve->tip_y, log_y), tx = curve->tip_x - curve->x_from;
        y0 = fmin(y0, t);
        y1 = fmax(y1, t);
        x0 = used > 0 || curve->n > 0 ? fmin(x0, tx) : tx;
        x1 = fmax(x1, tx);
        last = curve->tip_y;
        used++;
    }
    for (size_t i = 0; used > 0 && curve->y_test && i < curve->n; i++)
        if (plot_usable(curve->y_test[i], log_y)) {
            y0 = fmin(y0, plot_tf(curve->y_test[i], log_y));
            y1 = fmax(y1, plot_tf(curve->y_test[i], log_y));
        }
    if (used > 0 && curve->ghost_n > 0) {
        for (size_t i = 0; i < curve->ghost_n; i++)
            if (plot_usable(curve->ghost_y[i], log_y)) {
                y0 = fmin(y0, plot_tf(curve->ghost_y[i], log_y));
                y1 = fmax(y1, plot_tf(curve->ghost_y[i], log_y));
            }
        x0 = fmin(x0, curve->ghost_x[0] - curve->ghost_x_from);
        x1 = fmax(x1, curve->ghost_x[curve->ghost_n - 1] - curve->ghost_x_from);
    }
    if (used == 0) {
        canvas_text(c, px + 1, py + ph / 2, pw - 1, "\xe2\x80\xa6", ROLE_DIM);
        return;
    }
    if (x1 <= x0)
        x1 = x0 + 1.0;
    double real_min = log_y ? pow(10.0, y0) : y0, real_max = log_y ? pow(10.0, y1) : y1;
    if (y1 - y0 < 1e-12) {
        double pad = fabs(y0) > 1e-9 ? fabs(y0) * 0.05 : 0.5;
        y0 -= pad;
        y1 += pad;
    }

    /* Three dot layers: the curve, the test series, the ghost (large, so
     * static; the UI is single-threaded). */
    static plot_dots dots, test, ghost;
    const plot_range rng = {x0, x1, y0, y1, 2 * pw - 1, 4 * ph - 1, log_y};
    const int max_dx = rng.max_dx;
    int last_dy = plot_trace(plot_dots_clear(&dots, pw, ph), curve->x, curve->y, curve->n, curve->x_from, &rng);
    if (tip) {
        /* on from the last usable point to the tip */
        size_t k = curve->n;
        while (k > 0 && !plot_usable(curve->y[k - 1], log_y))
            k--;
        const double xs[2] = {k ? curve->x[k - 1] : curve->tip_x, curve->tip_x};
        const double ys[2] = {k ? curve->y[k - 1] : curve->tip_y, curve->tip_y};
        last_dy = plot_trace(&dots, xs, ys, 2, curve->x_from, &rng);
    }
    plot_trace(plot_dots_clear(&test, pw, ph), curve->x, curve->y_test, curve->y_test ? curve->n : 0, curve->x_from,
               &rng);
    plot_trace(plot_dots_clear(&ghost, pw, ph), curve->ghost_x, curve->ghost_y, curve->ghost_n, curve->ghost_x_from,
               &rng);

    /* Markers first, so the curve's cells win where they cross. */
    for (size_t m = 0; curve->marks && m < curve->n_marks; m++) {
        double mx = curve->marks[m] - curve->x_from;
        if (mx < x0 || mx > x1)
            continue;
        int cx = plot_round_clamp((mx - x0) / (x1 - x0) * max_dx, max_dx) / 2;
        for (int r = 0; r < ph; r++)
            canvas_put(c, px + cx, py + r, ascii ? '!' : 0x250A, ROLE_MARKER);
        canvas_put(c, px + cx, py, glyph_cp(GLYPH_MARKER, ascii), ROLE_MARKER);
    }
    for (int r = 0; r < ph; r++)
        for (int x = 0; x < pw; x++)
            if (dots.bits[r][x])
                canvas_put(c, px + x, py + r, glyph_braille(dots.bits[r][x], ascii), ROLE_PLOT);
            else if (test.bits[r][x])
                canvas_put(c, px + x, py + r, glyph_braille(test.bits[r][x], ascii), ROLE_CLASS1);
            else if (ghost.bits[r][x])
                canvas_put(c, px + x, py + r, glyph_braille(ghost.bits[r][x], ascii), ROLE_DIM);

    uint32_t tick = glyph_cp(GLYPH_TEE_LEFT, ascii);
    plot_label(c, area.x, py, real_max, ROLE_DIM, tick, ascii);
    plot_label(c, area.x, py + ph - 1, real_min, ROLE_DIM, tick, ascii);
    plot_label(c, area.x, py + last_dy / 4, last, ROLE_CURRENT, tick, ascii);

    /* The x range under the plot. */
    int row = area.y + area.h - 1;
    char left[32], right[48];
    snprintf(left, sizeof left, "%.0f", x0);
    snprintf(right, sizeof right, "%.0f%s%s", x1, opt && opt->x_unit ? " " : "",
             opt && opt->x_unit ? opt->x_unit : "");
    canvas_text(c, px, row, pw, left, ROLE_DIM);
    int rw = (int)strlen(right);
    if (rw < pw - (int)strlen(left) - 1)
        canvas_text(c, px + pw - rw, row, rw, right, ROLE_DIM);
}

void plot_render_curves(ui_canvas *c, ui_rect area, const plot_curve *curves, size_t k, const ui_role *roles,
                        const char *const *labels, const plot_options *opt)
{
    if (area.w < PLOT_GUTTER + 4 || area.h < 3)
        return;
    bool ascii = opt && opt->ascii, log_y = opt && opt->log_y;
    int pw = area.w - PLOT_GUTTER, ph = area.h - 1;
    if (pw > PLOT_MAX_COLS)
        pw = PLOT_MAX_COLS;
    if (ph > PLOT_MAX_ROWS)
        ph = PLOT_MAX_ROWS;
    int px = area.x + PLOT_GUTTER, py = area.y;
    for (int r = 0; r < ph; r++)
        canvas_put(c, px - 1, py + r, glyph_cp(GLYPH_V_LINE, ascii), ROLE_BORDER);

    /* One pair of ranges for every curve. */
    double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
    size_t used = 0;
    for (size_t j = 0; j < k; j++) {
        const plot_curve *cv = &curves[j];
        if (cv->n > 0) {
            x0 = fmin(x0, cv->x[0]);
            x1 = fmax(x1, cv->x[cv->n - 1]);
        }
        for (size_t i = 0; i < cv->n; i++)
            if (plot_usable(cv->y[i], log_y)) {
                double t = plot_tf(cv->y[i], log_y);
                y0 = fmin(y0, t);
                y1 = fmax(y1, t);
                used++;
            }
    }
    if (used == 0) {
        canvas_text(c, px + 1, py + ph / 2, pw - 1, "\xe2\x80\xa6", ROLE_DIM);
        return;
    }
    if (x1 <= x0)
        x1 = x0 + 1.0;
    double real_min = log_y ? pow(10.0, y0) : y0, real_max = log_y ? pow(10.0, y1) : y1;
    if (y1 - y0 < 1e-12) {
        double pad = fabs(y0) > 1e-9 ? fabs(y0) * 0.05 : 0.5;
        y0 -= pad;
        y1 += pad;
    }
    static plot_dots dots; /* large; the UI is single-threaded */
    const plot_range rng = {x0, x1, y0, y1, 2 * pw - 1, 4 * ph - 1, log_y};
    /* Each curve in its role; where two cross, the later one's cell shows. */
    int end_x[PLOT_MAX_CURVES], end_y[PLOT_MAX_CURVES];
    if (k > PLOT_MAX_CURVES)
        k = PLOT_MAX_CURVES;
    for (size_t j = 0; j < k; j++) {
        const plot_curve *cv = &curves[j];
        end_x[j] = -1;
        int last_dy = plot_trace(plot_dots_clear(&dots, pw, ph), cv->x, cv->y, cv->n, 0.0, &rng);
        for (int r = 0; r < ph; r++)
            for (int x = 0; x < pw; x++)
                if (dots.bits[r][x])
                    canvas_put(c, px + x, py + r, glyph_braille(dots.bits[r][x], ascii), roles[j]);
        size_t last = cv->n;
        while (last > 0 && !plot_usable(cv->y[last - 1], log_y))
            last--;
        if (last > 0) {
            end_x[j] = plot_round_clamp((cv->x[last - 1] - x0) / (x1 - x0) * rng.max_dx, rng.max_dx) / 2;
            end_y[j] = last_dy / 4;
        }
    }
    /* The labels over the curves: at each curve's last point (left of it at
     * the right edge), moved to the nearest free row when an earlier label
     * is in the way. */
    int label_x[PLOT_MAX_CURVES], label_y[PLOT_MAX_CURVES], label_w[PLOT_MAX_CURVES];
    for (size_t j = 0; j < k; j++) {
        label_w[j] = 0;
        if (end_x[j] < 0 || !labels || !labels[j])
            continue;
        int w = (int)strlen(labels[j]), lx = px + end_x[j] + 1;
        if (lx + w > px + pw)
            lx = px + end_x[j] - w;
        if (lx < px)
            lx = px;
        int ly = -1;
        for (int step = 0; step < 2 * ph && ly < 0; step++) {
            int r = end_y[j] + (step % 2 ? (step + 1) / 2 : -(step / 2));
            bool free_row = r >= 0 && r < ph;
            for (size_t i = 0; free_row && i < j; i++)
                free_row = !(label_w[i] && label_y[i] == r && lx < label_x[i] + label_w[i] + 1 && label_x[i] < lx + w + 1);
            if (free_row)
                ly = r;
        }
        if (ly < 0)
            continue;
        label_x[j] = lx;
        label_y[j] = ly;
        label_w[j] = w;
        canvas_text(c, lx, py + ly, w, labels[j], roles[j]);
    }
    uint32_t tick = glyph_cp(GLYPH_TEE_LEFT, ascii);
    plot_label(c, area.x, py, real_max, ROLE_DIM, tick, ascii);
    plot_label(c, area.x, py + ph - 1, real_min, ROLE_DIM, tick, ascii);
    int row = area.y + area.h - 1;
    char left[32], right[48];
    snprintf(left, sizeof left, "%.0f", x0);
    snprintf(right, sizeof right, "%.0f%s%s", x1, opt && opt->x_unit ? " " : "", opt && opt->x_unit ? opt->x_unit : "");
    canvas_text(c, px, row, pw, left, ROLE_DIM);
    int rw = (int)strlen(right);
    if (rw < pw - (int)strlen(left) - 1)
        canvas_text(c, px + pw - rw, row, rw, right, ROLE_DIM);
}
