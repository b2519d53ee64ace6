/*
 * picture.h — a learner's own picture (PNG or JPEG, read with libpng and
 * libjpeg) turned into one example the way the week 4 notebook does it:
 *
 *   image = resize(picture, (64, 64))           RGB, 8 bits a channel
 *   x     = image.reshape(64 * 64 * 3, 1) / 255  feature (row·w + col)·3 + channel
 *
 * The resize here averages the source pixels each target pixel covers (a
 * box filter) — close to, not bit for bit, what the notebook's PIL does.
 *
 * Every failure is one error value naming the file and what is wrong (not
 * PNG or JPEG, truncated or damaged, too large); nothing is handed back
 * half-read. The libraries' own warnings and errors are caught, never
 * printed.
 */
#ifndef DNN_DATA_PICTURE_H
#define DNN_DATA_PICTURE_H

#include <stddef.h>

#include "../core/matrix.h"
#include "data_error.h"

#define PICTURE_MAX_SIDE 16384              /* width or height of a file we read */
#define PICTURE_MAX_PIXELS ((size_t)1 << 26) /* width · height (64 Mpixel, 192 MiB of RGB) */

/* RGB bytes, (row, col, channel) in C order. Owns rgb; picture_free. */
typedef struct picture {
    int height, width;
    unsigned char *rgb; /* height · width · 3 */
} picture;

/* Reads a PNG or a JPEG file (told apart by their signatures, whatever the
 * name) into RGB: grey becomes three equal channels, an alpha channel is
 * composited onto black, 16-bit channels are cut to 8. On DATA_OK *out holds
 * the picture; otherwise *out is zeroed and err says why: NOT_FOUND, IO
 * (a directory, unreadable), BAD_FORMAT (neither PNG nor JPEG, truncated,
 * damaged), TOO_LARGE (over the limits above), NO_MEMORY. */
data_status picture_load(const char *path, picture *out, data_error *err);

/* Frees what p owns and zeroes it; a zeroed picture is fine. */
void picture_free(picture *p);

/* A height × width copy of in, each target pixel the mean of the source
 * pixels its box covers (the nearest one when enlarging). False when memory
 * runs out or a size is below 1; *out is then zeroed. */
bool picture_resize(const picture *in, int height, int width, picture *out);

/* The largest centred part of in with the aspect ratio height : width (a
 * wide photo loses its left and right edges, a tall one its top and bottom),
 * so that resizing it to height × width does not stretch it. The part is
 * written to *out and its size to out->height, out->width (in's own size when
 * the ratio already holds). False when memory runs out or a size is below 1;
 * *out is then zeroed. */
bool picture_crop_centre(const picture *in, int height, int width, picture *out);

/* The picture as one example with `channels` values a pixel, bytes / 255 in
 * C order: 3 is picture_column; 1 is the grey level (R + G + B) / 3 of each
 * pixel, for a data set of grey pictures. NULL when memory runs out or
 * channels is neither 1 nor 3. */
mat *picture_column_channels(const picture *p, int channels);

/* The picture as one example: a (height·width·3, 1) column of bytes / 255 in
 * C order, as the course flattens its pictures; NULL when memory runs out. */
mat *picture_column(const picture *p);

#endif
