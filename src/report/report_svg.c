/*
 * report_svg.c — line charts, decision-region maps and bar charts as SVG.
 *
 * Pixel space: x grows to the right, y grows downwards, so a data value v
 * on an axis [lo, hi] over a plot box [top, top + h] sits at
 *     y_px = top + h · (hi − v) / (hi − lo).
 */
#include "report_svg.h"

#include <math.h>
#include <stdio.h>

#define FONT "DejaVu Sans, Noto Sans CJK SC, Source Han Sans SC, WenQuanYi Micro Hei, Microsoft YaHei, sans-serif"

/* Okabe–Ito colours (told apart by colour-blind readers too) and dash
 * patterns, so curves differ in two ways. */
static const char *const series_colour[] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"};
static const char *const series_dash[] = {"", "6 3", "2 2", "8 3 2 3", "4 4", "1 3", "10 2"};
#define N_STYLES 7

static const char *const region_fill[2] = {"#f7d6d0", "#d4e2f4"};
static const char *const point_fill[2] = {"#c0392b", "#1f5fa8"};

typedef struct box {
    double x, y, w, h;  /* pixels: left, top, width, height */
} box;

static double px_x(box b, double lo, double hi, double v) { return b.x + b.w * (v - lo) / (hi - lo); }
static double px_y(box b, double lo, double hi, double v) { return b.y + b.h * (hi - v) / (hi - lo); }

int svg_nice_ticks(double lo, double hi, int want, double *ticks, int max)
{
    if (!(hi > lo) || !isfinite(lo) || !isfinite(hi) || want < 1 || max < 1)
        return 0;
    double raw = (hi - lo) / want;
    double mag = pow(10.0, floor(log10(raw)));
    double step = mag;
    if (raw / mag >= 7.5)
        step = 10 * mag;
    else if (raw / mag >= 3.5)
        step = 5 * mag;
    else if (raw / mag >= 1.5)
        step = 2 * mag;
    int n = 0;
    for (double t = ceil(lo / step - 1e-9) * step; t <= hi + step * 1e-9 && n < max; t += step)
        ticks[n++] = fabs(t) < step * 1e-9 ? 0.0 : t;
    return n;
}

/* A tick label with as many decimals as the step between ticks needs. */
static void tick_label(char *buf, size_t size, double v, double step)
{
    int decimals = step > 0 && step < 1 ? (int)ceil(-log10(step) - 1e-9) : 0;
    if (decimals > 6)
        decimals = 6;
    snprintf(buf, size, "%.*f", decimals, v);
}

static void svg_open(rbuf *out, int w, int h, const char *title)
{
    rbuf_printf(out,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                "font-family=\"%s\" font-size=\"12\" role=\"img\">\n<title>",
                w, h, w, h, FONT);
    rbuf_xml(out, title);
    rbuf_printf(out, "</title>\n<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", w, h);
    rbuf_printf(out, "<text x=\"%d\" y=\"22\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">", w / 2);
    rbuf_xml(out, title);
    rbuf_puts(out, "</text>\n");
}

static void svg_text(rbuf *out, double x, double y, const char *anchor, const char *extra, const char *s)
{
    rbuf_printf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\"%s%s>", x, y, anchor, extra ? " " : "",
                extra ? extra : "");
    rbuf_xml(out, s);
    rbuf_puts(out, "</text>\n");
}

/* Frame, grid lines, ticks and tick labels of a plot box, and the axis titles. */
static void svg_axes(rbuf *out, box b, double xlo, double xhi, double ylo, double yhi, const char *x_label,
                     const char *y_label, bool grid)
{
    double t[16];
    char lab[32];
    int n = svg_nice_ticks(xlo, xhi, 6, t, 16);
    double step = n > 1 ? t[1] - t[0] : 1;
    for (int i = 0; i < n; i++) {
        double x = px_x(b, xlo, xhi, t[i]);
        if (grid)
            rbuf_printf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e4e4e4\"/>\n", x, b.y, x,
                        b.y + b.h);
        rbuf_printf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>\n", x, b.y + b.h, x,
                    b.y + b.h + 5);
        tick_label(lab, sizeof lab, t[i], step);
        svg_text(out, x, b.y + b.h + 18, "middle", NULL, lab);
    }
    n = svg_nice_ticks(ylo, yhi, 5, t, 16);
    step = n > 1 ? t[1] - t[0] : 1;
    for (int i = 0; i < n; i++) {
        double y = px_y(b, ylo, yhi, t[i]);
        if (grid)
            rbuf_printf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e4e4e4\"/>\n", b.x, y,
                        b.x + b.w, y);
        rbuf_printf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>\n", b.x - 5, y, b.x,
                    y);
        tick_label(lab, sizeof lab, t[i], step);
        svg_text(out, b.x - 8, y + 4, "end", NULL, lab);
    }
    rbuf_printf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#333\"/>\n",
                b.x, b.y, b.w, b.h);
    if (x_label)
        svg_text(out, b.x + b.w / 2, b.y + b.h + 38, "middle", NULL, x_label);
    if (y_label) {
        char rot[96];
        snprintf(rot, sizeof rot, "transform=\"rotate(-90 %.1f %.1f)\"", b.x - 48, b.y + b.h / 2);
        svg_text(out, b.x - 48, b.y + b.h / 2, "middle", rot, y_label);
    }
}

/* How many leading points of s are finite. */
static size_t finite_prefix(const svg_series *s)
{
    size_t k = 0;
    while (k < s->n && isfinite(s->x[k]) && isfinite(s->y[k]))
        k++;
    return k;
}

void svg_write_line_chart(rbuf *out, const svg_line_chart *c)
{
    double xlo = INFINITY, xhi = -INFINITY, ylo = 0, yhi = -INFINITY;
    for (int s = 0; s < c->n_series; s++) {
        size_t k = finite_prefix(&c->series[s]);
        for (size_t i = 0; i < c->series[s].n && i < k + 1; i++)
            if (isfinite(c->series[s].x[i])) {
                xlo = fmin(xlo, c->series[s].x[i]);
                xhi = fmax(xhi, c->series[s].x[i]);
            }
        for (size_t i = 0; i < k; i++) {
            yhi = fmax(yhi, c->series[s].y[i]);
            ylo = fmin(ylo, c->series[s].y[i]);
        }
    }
    if (c->x_max > 0 && isfinite(xlo))
        xhi = fmax(xhi, c->x_max);
    if (!isfinite(xlo)) {
        xlo = 0;
        xhi = 1;
    }
    if (!(xhi > xlo))
        xhi = xlo + 1;
    if (!isfinite(yhi) || !(yhi > ylo))
        yhi = ylo + 1;
    if (c->y_cap > 0 && yhi > c->y_cap)
        yhi = c->y_cap;
    yhi += (yhi - ylo) * 0.05;

    /* Legend width from the labels: about 7 px a Latin character, 12 px a CJK one. */
    double lw = 0;
    for (int s = 0; s < c->n_series; s++) {
        double w = 0;
        for (const unsigned char *p = (const unsigned char *)c->series[s].label; *p; p++)
            if ((*p & 0xC0) != 0x80)
                w += *p >= 0xE0 ? 12 : 7;
        lw = fmax(lw, w);
    }
    lw += 40;

    svg_open(out, c->width, c->height, c->title);
    box b = {72, 40, c->width - 72 - 16 - lw - 12, c->height - 40 - 58};
    svg_axes(out, b, xlo, xhi, ylo, yhi, c->x_label, c->y_label, true);

    int n_diverged = 0;
    for (int s = 0; s < c->n_series; s++) {
        const svg_series *se = &c->series[s];
        const char *col = series_colour[s % N_STYLES], *dash = series_dash[s % N_STYLES];
        size_t k = finite_prefix(se);
        rbuf_printf(out, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s%s%s points=\"", col,
                    *dash ? " stroke-dasharray=\"" : "", dash, *dash ? "\"" : "");
        for (size_t i = 0; i < k; i++)
            rbuf_printf(out, "%s%.1f,%.1f", i ? " " : "", px_x(b, xlo, xhi, se->x[i]),
                        px_y(b, ylo, yhi, fmin(se->y[i], yhi)));
        rbuf_puts(out, "\"/>\n");
        if (c->markers)
            for (size_t i = 0; i < k; i++)
                rbuf_printf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>\n",
                            px_x(b, xlo, xhi, se->x[i]), px_y(b, ylo, yhi, fmin(se->y[i], yhi)), col);
        if (se->diverged) {
            /* The cross marks where it happened; the cost there is off the chart (not finite). */
            double dx = isfinite(se->diverged_x) ? fmin(fmax(se->diverged_x, xlo), xhi) : xlo;
            double x = px_x(b, xlo, xhi, dx), y = b.y + 8;
            if (k)
                rbuf_printf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1\" stroke-dasharray=\"2 2\"/>\n",
                            px_x(b, xlo, xhi, se->x[k - 1]), px_y(b, ylo, yhi, fmin(se->y[k - 1], yhi)), x, y, col);
            rbuf_printf(out,
                        "<path d=\"M%.1f %.1fL%.1f %.1fM%.1f %.1fL%.1f %.1f\" stroke=\"%s\" stroke-width=\"2.5\"/>\n",
                        x - 6, y - 6, x + 6, y + 6, x - 6, y + 6, x + 6, y - 6, col);
            char fill[128];
            snprintf(fill, sizeof fill, "fill=\"%s\" font-weight=\"bold\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\"", col);
            char what[160];
            snprintf(what, sizeof what, "%s: %s", se->label, c->diverged_label);
            svg_text(out, x + 9, y + 18 + 15.0 * n_diverged++, "start", fill, what);
        }
    }

    /* Legend: to the right of the plot, one row per series. */
    double lx = b.x + b.w + 12, ly = b.y, lh = 18.0 * c->n_series + 8;
    rbuf_printf(out,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#ffffff\" fill-opacity=\"0.9\" "
                "stroke=\"#999\"/>\n",
                lx, ly, lw, lh);
    for (int s = 0; s < c->n_series; s++) {
        const char *dash = series_dash[s % N_STYLES];
        double y = ly + 16 + 18.0 * s;
        rbuf_printf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"%s%s%s/>\n",
                    lx + 6, y - 4, lx + 28, y - 4, series_colour[s % N_STYLES], *dash ? " stroke-dasharray=\"" : "",
                    dash, *dash ? "\"" : "");
        svg_text(out, lx + 34, y, "start", NULL, c->series[s].label);
    }
    rbuf_puts(out, "</svg>\n");
}

/* A class-1 example is a square, a class-0 example a circle: two shapes as
 * well as two colours. A held-out (test) example is drawn hollow. */
static void svg_point(rbuf *out, double x, double y, int cls, double r, bool hollow)
{
    char paint[96];
    if (hollow)
        snprintf(paint, sizeof paint, "fill=\"#fff\" stroke=\"%s\" stroke-width=\"1.2\"", point_fill[cls]);
    else
        snprintf(paint, sizeof paint, "fill=\"%s\" stroke=\"#fff\" stroke-width=\"0.4\"", point_fill[cls]);
    if (cls)
        rbuf_printf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" %s/>\n", x - r, y - r, 2 * r,
                    2 * r, paint);
    else
        rbuf_printf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" %s/>\n", x, y, r, paint);
}

static void svg_points(rbuf *out, box b, const svg_map_panel *p, const mat *X, const mat *Y, double r, bool hollow)
{
    if (!X || !Y)
        return;
    for (size_t i = 0; i < X->cols; i++) {
        double x1 = mat_get(X, 0, i), x2 = mat_get(X, 1, i);
        if (isfinite(x1) && isfinite(x2))
            svg_point(out, px_x(b, p->lo[0], p->hi[0], x1), px_y(b, p->lo[1], p->hi[1], x2), mat_get(Y, 0, i) > 0.5,
                      r, hollow);
    }
}

static void svg_map_panel_draw(rbuf *out, const svg_map_panel *p, box b, bool full_axes, double point_r)
{
    if (p->grid) {
        /* One rect per run of equal cells in a row keeps the file small. */
        double cw = b.w / p->gw, ch = b.h / p->gh;
        rbuf_puts(out, "<g shape-rendering=\"crispEdges\">\n");
        for (int r = 0; r < p->gh; r++)
            for (int c0 = 0; c0 < p->gw;) {
                int c1 = c0;
                unsigned char cls = p->grid[r * p->gw + c0] ? 1 : 0;
                while (c1 < p->gw && (p->grid[r * p->gw + c1] ? 1 : 0) == cls)
                    c1++;
                rbuf_printf(out, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\"/>\n",
                            b.x + c0 * cw, b.y + r * ch, (c1 - c0) * cw + 0.3, ch + 0.3, region_fill[cls]);
                c0 = c1;
            }
        rbuf_puts(out, "</g>\n");
    } else {
        rbuf_printf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#f0f0f0\"/>\n", b.x, b.y,
                    b.w, b.h);
    }
    svg_points(out, b, p, p->X, p->Y, point_r, false);
    svg_points(out, b, p, p->X_test, p->Y_test, point_r, true);
    if (!p->grid && p->empty_label)
        svg_text(out, b.x + b.w / 2, b.y + b.h / 2, "middle", "font-weight=\"bold\" fill=\"#b00\"", p->empty_label);
    if (full_axes)
        svg_axes(out, b, p->lo[0], p->hi[0], p->lo[1], p->hi[1], "x1", "x2", false);
    else
        rbuf_printf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#333\"/>\n",
                    b.x, b.y, b.w, b.h);
}

void svg_write_map_figure(rbuf *out, const svg_map_figure *f)
{
    svg_open(out, f->width, f->height, f->title);
    const double legend_h = 28;
    if (f->n_panels == 1) {
        box b = {60, 40, f->width - 60 - 20, f->height - 40 - 50 - legend_h};
        svg_map_panel_draw(out, &f->panels[0], b, true, 2.6);
    } else {
        int cols = f->cols > 0 ? f->cols : 4;
        int rows = (f->n_panels + cols - 1) / cols;
        double cell_w = (f->width - 20.0) / cols, cell_h = (f->height - 36.0 - legend_h) / rows;
        for (int i = 0; i < f->n_panels; i++) {
            double cx = 10 + cell_w * (i % cols), cy = 36 + cell_h * (i / cols);
            box b = {cx + 6, cy + 20, cell_w - 12, cell_h - 26};
            svg_text(out, cx + cell_w / 2, cy + 14, "middle", "font-weight=\"bold\"", f->panels[i].title);
            svg_map_panel_draw(out, &f->panels[i], b, false, 1.3);
        }
    }
    /* Legend along the bottom: the two classes of examples, the two regions. */
    const double y = f->height - 12, step = f->width / (f->test_label ? 5.0 : 4.0);
    double x = 16;
    for (int k = 0; k < 2; k++) {
        svg_point(out, x + 5, y - 4, k, 4, false);
        svg_text(out, x + 14, y, "start", NULL, f->class_label[k]);
        x += step;
    }
    if (f->test_label) {
        svg_point(out, x + 5, y - 4, 0, 4, true);
        svg_point(out, x + 16, y - 4, 1, 4, true);
        svg_text(out, x + 25, y, "start", NULL, f->test_label);
        x += step;
    }
    for (int k = 0; k < 2; k++) {
        rbuf_printf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"12\" fill=\"%s\" stroke=\"#999\"/>\n", x,
                    y - 10, region_fill[k]);
        svg_text(out, x + 17, y, "start", NULL, f->region_label[k]);
        x += step;
    }
    rbuf_puts(out, "</svg>\n");
}

void svg_write_bar_chart(rbuf *out, const svg_bar_chart *c)
{
    svg_open(out, c->width, c->height, c->title);
    box b = {72, 40, c->width - 72 - 20, c->height - 40 - 58};
    /* The axes draw x ticks for a numeric axis; categories get their own labels instead. */
    double t[8];
    char lab[32];
    int n = svg_nice_ticks(0, 100, 5, t, 8);
    for (int i = 0; i < n; i++) {
        double y = px_y(b, 0, 100, t[i]);
        rbuf_printf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e4e4e4\"/>\n", b.x, y,
                    b.x + b.w, y);
        rbuf_printf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>\n", b.x - 5, y, b.x, y);
        snprintf(lab, sizeof lab, "%.0f", t[i]);
        svg_text(out, b.x - 8, y + 4, "end", NULL, lab);
    }
    double slot = b.w / (c->n > 0 ? c->n : 1);
    for (int i = 0; i < c->n; i++) {
        double cx = b.x + slot * (i + 0.5);
        if (isfinite(c->values[i])) {
            double v = fmax(0, fmin(100, c->values[i]));
            double y = px_y(b, 0, 100, v);
            rbuf_printf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>\n",
                        cx - slot * 0.3, y, slot * 0.6, b.y + b.h - y, series_colour[0]);
            snprintf(lab, sizeof lab, "%.1f%%", c->values[i]);
            if (y - 5 < b.y + 14) /* no room above a tall bar: write inside it */
                svg_text(out, cx, y + 15, "middle", "fill=\"#fff\" font-weight=\"bold\"", lab);
            else
                svg_text(out, cx, y - 5, "middle", NULL, lab);
        } else {
            svg_text(out, cx, b.y + b.h - 8, "middle", "fill=\"#b00\" font-weight=\"bold\"", c->missing_label);
        }
        svg_text(out, cx, b.y + b.h + 18, "middle", NULL, c->categories[i]);
    }
    rbuf_printf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#333\"/>\n", b.x,
                b.y, b.w, b.h);
    svg_text(out, b.x + b.w / 2, b.y + b.h + 38, "middle", NULL, c->x_label);
    char rot[96];
    snprintf(rot, sizeof rot, "transform=\"rotate(-90 %.1f %.1f)\"", b.x - 48, b.y + b.h / 2);
    svg_text(out, b.x - 48, b.y + b.h / 2, "middle", rot, c->y_label);
    rbuf_puts(out, "</svg>\n");
}
