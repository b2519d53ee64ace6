/*
 * heatmap.h — a probability map drawn with half-blocks, and data points on it.
 *
 * In colour with UTF-8, a cell is ▀ whose foreground is the upper pixel and
 * whose background is the lower one, so a w×h area shows w×2h pixels:
 *
 *     grid pixel rows   0 ─┐
 *                       1 ─┴─ cell row 0:  ▀  fg = shade(p[0]), bg = shade(p[1])
 *
 * A pixel's shade is 1 + ⌊p·UI_SHADES⌋ (1 … UI_SHADES; p = 0 is class 0,
 * p = 1 class 1), drawn in ROLE_HEAT with UI_CELL_SHADED. Without colour (or
 * without UTF-8) a cell is one pixel drawn as a character of rising density
 * " .:-=+*#%@", so the map still reads in monochrome and in ASCII.
 *
 * Data points: class 0 ○ / o, class 1 ● / x (ROLE_CLASS0 / ROLE_CLASS1,
 * bold), test points □ / O and ■ / X (also underlined). A point keeps the
 * region under it: in colour its cell's background is the region's shade and
 * its glyph the class's ink (UI_SHADE_POINT0/1). A point the map puts on the
 * wrong side (ŷ > 0.5 where it is 0, or the reverse) is drawn reversed, in
 * colour and in monochrome alike.
 * Pure drawing: nothing is allocated.
 */
#ifndef DNN_UI_TRAINER_HEATMAP_H
#define DNN_UI_TRAINER_HEATMAP_H

#include <stdbool.h>
#include <stddef.h>

#include "../canvas.h"
#include "../screen.h"

/* A grid of probabilities, row-major, row 0 at the top. A non-finite value
 * is drawn as blank. */
typedef struct heatmap_grid {
    const float *p;
    int w, h;
} heatmap_grid;

/* The density ramp for monochrome and ASCII, from p = 0 to p = 1. */
#define HEATMAP_RAMP " .:-=+*#%@"

/* The shade 1 … UI_SHADES of a probability (clamped). */
int heatmap_shade(double p);
/* The ramp character of a probability (clamped); ' ' for a non-finite p. */
char heatmap_ramp_char(double p);

/* Draws grid g stretched over `area` (nearest pixel). `color` picks the
 * half-block form (which also needs !ascii); otherwise one ramp character
 * per cell. */
void heatmap_render(ui_canvas *c, ui_rect area, const heatmap_grid *g, bool ascii, bool color);

/* The data-space window a map shows: x to the right, y upwards. */
typedef struct heatmap_window {
    double x0, x1;  /* left, right */
    double y0, y1;  /* bottom, top */
} heatmap_window;

/* The cell of a data point in a map of `area` over window `win`; false when
 * the point lies outside. */
bool heatmap_cell_of(ui_rect area, const heatmap_window *win, double x, double y, int *cx, int *cy);

/* Draws n points (xs[i], ys[i]) with labels (0 or 1, as doubles: a Y row)
 * onto a map of g drawn by heatmap_render(c, area, g, ascii, color) over
 * window win. `test` marks them as held-out points. g may be NULL (no
 * region: plain glyphs, none reversed). */
void heatmap_points(ui_canvas *c, ui_rect area, const heatmap_window *win, const heatmap_grid *g,
                    const double *xs, const double *ys, const double *labels, size_t n, bool test, bool ascii,
                    bool color);

/* The legend of a map in one row from (x, y), at most max_w columns:
 * "ŷ 0 ▀▀▀▀▀▀▀▀ 1 ○ y=0 ● y=1 ● wrong" with the shades (or the density
 * ramp), the class glyphs and a reversed point; `wrong` is the last word in
 * the screen's language. Returns the columns drawn (0 when it does not fit). */
int heatmap_legend(ui_canvas *c, int x, int y, int max_w, bool ascii, bool color, const char *wrong);

/* The glyph of a point of class `label` (0 or 1), training or test. */
uint32_t heatmap_point_glyph(int label, bool test, bool ascii);

#endif
