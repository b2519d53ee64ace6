/*
 * trainer_gallery.h — the deep trainer's gallery on a data set of pictures
 * (the course's cat pictures, any HDF5 picture set): the test pictures in
 * their own colours, the misclassified ones first, each with ✓/✗, the
 * network's probability of label 1 and the picture's label — the week 4
 * notebook's print_mislabeled_images, in a terminal.
 *
 *   ▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀
 *   ▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀▀▀▀▀▀     (picture_cells.h)
 *   ✗.81 non-cat ✗.12 cat     ✓.97 cat
 *   …
 *   2 of 12 test pictures wrong (p = p(cat))
 */
#ifndef DNN_UI_TRAINER_GALLERY_H
#define DNN_UI_TRAINER_GALLERY_H

#include <stdbool.h>

#include "trainer_screen_internal.h"

/* Whether the trainer's data set is one of pictures the gallery draws: an
 * HDF5 set (image_height > 0; digits' 8×8 have their own gallery). */
bool trainer_gallery_applies(const trainer_screen *ts);

/* Draws the gallery into `in` from the model's test set and ts->p_test
 * (pictures without a probability yet get their label only). Reads state
 * only; the lock is held by the caller, as for every render. */
void trainer_gallery_render(const trainer_screen *ts, ui_canvas *c, ui_rect in, const ui_ctx *ctx);

/* The deep lab's digits (image_side 8): test images as 8×8 grey pictures,
 * the misclassified ones first, each with its label's glyph, ŷ and ✓/✗,
 * and how many are wrong. Reads state only. */
void trainer_digits_render(const trainer_screen *ts, ui_canvas *c, ui_rect in, const ui_ctx *ctx);

/* The pixel side of each thumbnail the gallery picks for an area of
 * w × h cells and m test pictures of side × side pixels (24, 16, 12 or 8;
 * no more than the pictures' own side unless that is below 8). */
int trainer_gallery_side(int w, int h, size_t m, int side);

#endif
