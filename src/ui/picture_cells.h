/*
 * picture_cells.h — a picture (one example of a picture data set) drawn into
 * canvas cells, two pixel rows per cell:
 *
 *   colour        ▀ with the upper pixel's colour in front and the lower
 *                 one's behind (UI_CELL_RGB; the theme picks truecolor, 256
 *                 or 8 colours); with ASCII glyphs a space on the mean colour
 *   no colour     the pair's grey level on a ramp:  " ░▒▓█"  (UTF-8)
 *                                                   " .:-=+*#%@"  (ASCII)
 *
 * The picture is scaled to the cells by averaging each box of pixels (the
 * nearest pixel when enlarging). Pure drawing: reads the pixels, writes the
 * canvas, nothing else.
 */
#ifndef DNN_UI_PICTURE_CELLS_H
#define DNN_UI_PICTURE_CELLS_H

#include <stdbool.h>
#include <stddef.h>

#include "canvas.h"

/* Pixel (row, col, channel) of the picture is px[((row·width + col)·channels
 * + channel)·stride], a value in [0, 1] (the course's byte / 255; values
 * outside are clamped) — one column of a design matrix X (n_x, m) is
 * px = X->v + i, stride = m. channels is 1 (grey) or 3 (RGB). */
typedef struct ui_picture {
    const double *px;
    size_t stride;
    int height, width, channels;
} ui_picture;

/* Draws pic into the w × h cells at (x, y), as width w pixels and 2·h pixel
 * rows. Clipped to the canvas; nothing is drawn for an empty size or picture. */
void picture_cells_draw(ui_canvas *c, int x, int y, int w, int h, const ui_picture *pic, bool color,
                        bool ascii);

/* The picture's mean colour over rows [r0, r1) and columns [c0, c1), each
 * channel rounded to a byte (grey pictures give three equal bytes). The
 * ranges must lie inside the picture and not be empty. */
void picture_cells_box(const ui_picture *pic, int r0, int r1, int c0, int c1, uint8_t out[3]);

#endif
