/*
 * heatmap.c — the half-block probability map and its points (heatmap.h).
 */
#include "heatmap.h"

#include <math.h>
#include <string.h>

#include "../glyphs.h"
#include "../text.h"

int heatmap_shade(double p)
{
    if (!(p > 0.0))
        return 1;
    int s = 1 + (int)(p * UI_SHADES);
    return s > UI_SHADES ? UI_SHADES : s;
}

char heatmap_ramp_char(double p)
{
    static const char ramp[] = HEATMAP_RAMP;
    const int n = (int)sizeof ramp - 1;
    if (!isfinite(p))
        return ' ';
    int i = p > 0.0 ? (int)(p * n) : 0;
    return ramp[i >= n ? n - 1 : i];
}

/* The grid value under pixel (px, py) of a pw×ph pixel picture. */
static double heatmap_sample(const heatmap_grid *g, int px, int py, int pw, int ph)
{
    int gx = (int)(((double)px + 0.5) * g->w / pw);
    int gy = (int)(((double)py + 0.5) * g->h / ph);
    if (gx >= g->w)
        gx = g->w - 1;
    if (gy >= g->h)
        gy = g->h - 1;
    return g->p[(size_t)gy * (size_t)g->w + (size_t)gx];
}

void heatmap_render(ui_canvas *c, ui_rect area, const heatmap_grid *g, bool ascii, bool color)
{
    if (!g || !g->p || g->w < 1 || g->h < 1 || area.w < 1 || area.h < 1)
        return;
    bool half = color && !ascii;
    int pw = area.w, ph = half ? 2 * area.h : area.h;
    for (int y = 0; y < area.h; y++) {
        for (int x = 0; x < area.w; x++) {
            if (half) {
                double top = heatmap_sample(g, x, 2 * y, pw, ph);
                double bottom = heatmap_sample(g, x, 2 * y + 1, pw, ph);
                if (!isfinite(top) || !isfinite(bottom)) {
                    canvas_put(c, area.x + x, area.y + y, ' ', ROLE_HEAT);
                    continue;
                }
                canvas_put_shaded(c, area.x + x, area.y + y, glyph_cp(GLYPH_HALF_UPPER, false),
                                  (uint8_t)heatmap_shade(top), (uint8_t)heatmap_shade(bottom));
            } else {
                double p = heatmap_sample(g, x, y, pw, ph);
                canvas_put(c, area.x + x, area.y + y, (uint32_t)(unsigned char)heatmap_ramp_char(p),
                           ROLE_HEAT);
                if (color && isfinite(p)) {
                    ui_cell *cell = canvas_at(c, area.x + x, area.y + y);
                    if (cell) {
                        cell->flags |= UI_CELL_SHADED;
                        cell->fg = (uint8_t)heatmap_shade(p);
                        cell->bg = 0;
                    }
                }
            }
        }
    }
}

bool heatmap_cell_of(ui_rect area, const heatmap_window *win, double x, double y, int *cx, int *cy)
{
    if (!(x >= win->x0 && x <= win->x1 && y >= win->y0 && y <= win->y1))
        return false;
    if (area.w < 1 || area.h < 1 || !(win->x1 > win->x0) || !(win->y1 > win->y0))
        return false;
    int col = (int)((x - win->x0) / (win->x1 - win->x0) * area.w);
    int row = (int)((win->y1 - y) / (win->y1 - win->y0) * area.h);
    *cx = area.x + (col >= area.w ? area.w - 1 : col);
    *cy = area.y + (row >= area.h ? area.h - 1 : row);
    return true;
}

uint32_t heatmap_point_glyph(int label, bool test, bool ascii)
{
    if (!test)
        return glyph_cp(label ? GLYPH_CLASS1 : GLYPH_CLASS0, ascii);
    if (ascii)
        return label ? 'X' : 'O';
    return label ? 0x25A0 : 0x25A1; /* ■ □ */
}

/* The region's ŷ at data point (x, y) of window win (NAN outside or unknown). */
static double heatmap_value_at(const heatmap_grid *g, const heatmap_window *win, double x, double y)
{
    if (!g || !g->p || g->w < 1 || g->h < 1 || !(win->x1 > win->x0) || !(win->y1 > win->y0))
        return NAN;
    double fx = (x - win->x0) / (win->x1 - win->x0), fy = (win->y1 - y) / (win->y1 - win->y0);
    if (!(fx >= 0.0 && fx <= 1.0 && fy >= 0.0 && fy <= 1.0))
        return NAN;
    int gx = (int)(fx * g->w), gy = (int)(fy * g->h);
    gx = gx >= g->w ? g->w - 1 : gx;
    gy = gy >= g->h ? g->h - 1 : gy;
    return g->p[(size_t)gy * (size_t)g->w + (size_t)gx];
}

void heatmap_points(ui_canvas *c, ui_rect area, const heatmap_window *win, const heatmap_grid *g,
                    const double *xs, const double *ys, const double *labels, size_t n, bool test, bool ascii,
                    bool color)
{
    for (size_t i = 0; i < n; i++) {
        int cx, cy;
        if (!heatmap_cell_of(area, win, xs[i], ys[i], &cx, &cy))
            continue;
        int label = labels[i] > 0.5;
        double p = heatmap_value_at(g, win, xs[i], ys[i]);
        bool wrong = isfinite(p) && (p > 0.5) != (label == 1);
        ui_cell *under = canvas_at(c, cx, cy);
        uint8_t region = 0;
        /* The region's shade: of the map cell, or, where a point is drawn
         * already (two points in one cell), the one that point kept. */
        if (color && !ascii && under && (under->flags & UI_CELL_SHADED))
            region = under->fg <= UI_SHADES ? (uint8_t)((under->fg + under->bg + 1) / 2) : under->bg;
        canvas_put(c, cx, cy, heatmap_point_glyph(label, test, ascii), label ? ROLE_CLASS1 : ROLE_CLASS0);
        ui_cell *cell = canvas_at(c, cx, cy);
        if (!cell)
            continue;
        cell->flags |= UI_CELL_BOLD | (test ? UI_CELL_UNDERLINE : 0) | (wrong ? UI_CELL_REVERSE : 0);
        if (color) {
            cell->flags |= UI_CELL_SHADED;
            cell->fg = label ? UI_SHADE_POINT1 : UI_SHADE_POINT0;
            cell->bg = region;
        }
    }
}

int heatmap_legend(ui_canvas *c, int x, int y, int max_w, bool ascii, bool color, const char *wrong)
{
    bool half = color && !ascii;
    const char *ramp = HEATMAP_RAMP + 1;  /* without the blank of p = 0 */
    int shades = half ? UI_SHADES : (int)sizeof HEATMAP_RAMP - 2;
    int need = 4 + shades + 3 + 6 + 6 + 2 + text_width(wrong);
    if (max_w < need)
        return 0;
    int cx = x;
    cx += canvas_text(c, cx, y, -1, ascii ? "y^ 0 " : "\xc5\xb7 0 ", ROLE_DIM);
    for (int i = 0; i < shades; i++, cx++) {
        if (half)
            canvas_put_shaded(c, cx, y, glyph_cp(GLYPH_HALF_UPPER, false), (uint8_t)(i + 1), (uint8_t)(i + 1));
        else
            canvas_put(c, cx, y, (uint32_t)(unsigned char)ramp[i], ROLE_HEAT);
    }
    cx += canvas_text(c, cx, y, -1, " 1 ", ROLE_DIM);
    for (int label = 0; label < 3; label++) {
        int k = label == 2 ? 1 : label;
        canvas_put(c, cx, y, heatmap_point_glyph(k, false, ascii), k ? ROLE_CLASS1 : ROLE_CLASS0);
        ui_cell *cell = canvas_at(c, cx, y);
        if (cell) {
            cell->flags |= UI_CELL_BOLD | (label == 2 ? UI_CELL_REVERSE : 0);
            if (color) {
                cell->flags |= UI_CELL_SHADED;
                cell->fg = k ? UI_SHADE_POINT1 : UI_SHADE_POINT0;
                cell->bg = label == 2 ? 2 : 0;
            }
        }
        cx += 1;
        cx += canvas_text(c, cx, y, -1, label == 0 ? " y=0 " : label == 1 ? " y=1 " : " ", ROLE_DIM);
    }
    cx += canvas_text(c, cx, y, -1, wrong, ROLE_DIM);
    return cx - x;
}
