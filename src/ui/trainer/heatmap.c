/*
 * heatmap.c — the half-block probability map and its points (heatmap.h).
 */
#include "heatmap.h"

#include <math.h>

#include "../glyphs.h"

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

void heatmap_points(ui_canvas *c, ui_rect area, const heatmap_window *win, const double *xs,
                    const double *ys, const double *labels, size_t n, bool test, bool ascii)
{
    for (size_t i = 0; i < n; i++) {
        int cx, cy;
        if (!heatmap_cell_of(area, win, xs[i], ys[i], &cx, &cy))
            continue;
        int label = labels[i] > 0.5;
        canvas_put(c, cx, cy, heatmap_point_glyph(label, test, ascii), label ? ROLE_CLASS1 : ROLE_CLASS0);
        ui_cell *cell = canvas_at(c, cx, cy);
        if (cell)
            cell->flags |= UI_CELL_BOLD | (test ? UI_CELL_UNDERLINE : 0);
    }
}
