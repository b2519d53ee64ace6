/*
 * picture_cells.c — pictures as half-block cells (see picture_cells.h).
 */
#include "picture_cells.h"

#include <math.h>

static const uint32_t ramp_utf8[] = {' ', 0x2591, 0x2592, 0x2593, 0x2588}; /* " ░▒▓█" */
static const char ramp_ascii[] = " .:-=+*#%@";

static double picture_value(const ui_picture *pic, int row, int col, int channel)
{
    double v = pic->px[((size_t)(row * pic->width + col) * (size_t)pic->channels + (size_t)channel) * pic->stride];
    return !(v > 0) ? 0 : v > 1 ? 1 : v;
}

void picture_cells_box(const ui_picture *pic, int r0, int r1, int c0, int c1, uint8_t out[3])
{
    double sum[3] = {0, 0, 0};
    for (int r = r0; r < r1; r++)
        for (int col = c0; col < c1; col++)
            for (int ch = 0; ch < 3; ch++)
                sum[ch] += picture_value(pic, r, col, pic->channels == 3 ? ch : 0);
    double n = (double)(r1 - r0) * (double)(c1 - c0);
    for (int ch = 0; ch < 3; ch++)
        out[ch] = (uint8_t)lround(sum[ch] / n * 255.0);
}

/* Pixel k of n target pixels covers source pixels [*a, *b) of size; at least one. */
static void picture_span(int k, int n, int size, int *a, int *b)
{
    *a = (int)((long long)k * size / n);
    *b = (int)((long long)(k + 1) * size / n);
    if (*b <= *a)
        *b = *a + 1;
}

/* Perceived grey of a colour, 0 … 1 (Rec. 601 weights). */
static double picture_grey(const uint8_t rgb[3])
{
    return (0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]) / 255.0;
}

void picture_cells_draw(ui_canvas *c, int x, int y, int w, int h, const ui_picture *pic, bool color,
                        bool ascii)
{
    if (w < 1 || h < 1 || !pic || pic->height < 1 || pic->width < 1 || (pic->channels != 1 && pic->channels != 3))
        return;
    for (int cy = 0; cy < h; cy++) {
        int top0, top1, bot0, bot1;
        picture_span(2 * cy, 2 * h, pic->height, &top0, &top1);
        picture_span(2 * cy + 1, 2 * h, pic->height, &bot0, &bot1);
        for (int cx = 0; cx < w; cx++) {
            int c0, c1;
            picture_span(cx, w, pic->width, &c0, &c1);
            uint8_t top[3], bottom[3];
            picture_cells_box(pic, top0, top1, c0, c1, top);
            picture_cells_box(pic, bot0, bot1, c0, c1, bottom);
            if (color && !ascii) {
                canvas_put_rgb(c, x + cx, y + cy, 0x2580, top, bottom); /* ▀ */
            } else if (color) {
                uint8_t mean[3];
                for (int ch = 0; ch < 3; ch++)
                    mean[ch] = (uint8_t)((top[ch] + bottom[ch] + 1) / 2);
                canvas_put_rgb(c, x + cx, y + cy, ' ', mean, mean);
            } else {
                double g = (picture_grey(top) + picture_grey(bottom)) / 2;
                if (ascii) {
                    int k = (int)lround(g * (double)(sizeof ramp_ascii - 2));
                    canvas_put(c, x + cx, y + cy, (uint32_t)ramp_ascii[k], ROLE_NORMAL);
                } else {
                    int k = (int)lround(g * (double)(sizeof ramp_utf8 / sizeof ramp_utf8[0] - 1));
                    canvas_put(c, x + cx, y + cy, ramp_utf8[k], ROLE_NORMAL);
                }
            }
        }
    }
}
