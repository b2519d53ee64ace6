/*
 * trainer_gallery.c — the test pictures of a picture data set in the deep
 * trainer (see trainer_gallery.h).
 *
 * A tile is the thumbnail (s columns × s/2 rows of half-blocks) over one
 * label row; tiles are one column apart:
 *
 *   ┌─ s ─┐
 *   ▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀
 *   ▀▀▀▀▀▀▀ ▀▀▀▀▀▀▀
 *   ✗.81 no ✓.97 ca      mark, p(label 1) as .81 (1.0 at one), the label's name
 */
#include "trainer_gallery.h"

#include <stdio.h>
#include <string.h>

#include "../glyphs.h"
#include "../picture_cells.h"
#include "../../data/dataset.h"
#include "heatmap.h"

#define GALLERY_LABEL_MIN 8 /* mark, ".81", a space and at least three letters of the name */

bool trainer_gallery_applies(const trainer_screen *ts)
{
    const trainer_data *d = trainer_data_of(ts->model);
    return d->ds && d->image_side == 0 && d->ds->image_height > 0 && d->ds->image_width > 0 &&
           (d->ds->image_channels == 1 || d->ds->image_channels == 3);
}

static int gallery_tile_w(int s)
{
    return (s > GALLERY_LABEL_MIN ? s : GALLERY_LABEL_MIN) + 1;
}

/* How many tiles of side s fit in w × h (the last row of h is the summary). */
static size_t gallery_capacity(int w, int h, int s)
{
    int cols = (w + 1) / gallery_tile_w(s), rows = (h - 1) / ((s + 1) / 2 + 1);
    return cols > 0 && rows > 0 ? (size_t)cols * (size_t)rows : 0;
}

int trainer_gallery_side(int w, int h, size_t m, int side)
{
    static const int sides[] = {24, 16, 12, 8};
    size_t want = m < 6 ? m : 6;
    for (size_t k = 0; k < sizeof sides / sizeof sides[0]; k++) {
        int s = sides[k];
        if (s > side && s > 8)
            continue;
        if (gallery_capacity(w, h, s) >= want)
            return s;
    }
    return 8;
}

/* Whether test picture i is misclassified (false when there is no ŷ yet). */
static bool gallery_wrong(const trainer_screen *ts, const mat *Y, size_t i)
{
    return i < ts->p_test_n && (ts->p_test[i] > 0.5) != (mat_get(Y, 0, i) > 0.5);
}

static void gallery_label(const trainer_screen *ts, ui_canvas *c, int x, int y, int w, size_t i, int label,
                          const dataset *ds, const ui_ctx *ctx)
{
    int col = x;
    if (i < ts->p_test_n) {
        double p = ts->p_test[i];
        bool right = (p > 0.5) == (label == 1);
        canvas_put(c, col++, y, glyph_cp(right ? GLYPH_DONE : GLYPH_WRONG, ctx->ascii), right ? ROLE_OK : ROLE_BAD);
        char num[16];
        snprintf(num, sizeof num, "%.2f", p);
        col += canvas_text(c, col, y, 3, num[0] == '1' ? "1.0" : num + 1, ROLE_NORMAL);
        col++;
    }
    canvas_text(c, col, y, x + w - col, ds->class_names[label], label ? ROLE_CLASS1 : ROLE_CLASS0);
}

void trainer_gallery_render(const trainer_screen *ts, ui_canvas *c, ui_rect in, const ui_ctx *ctx)
{
    const trainer_data *d = trainer_data_of(ts->model);
    const dataset *ds = d->ds;
    if (!d->X_test || d->X_test->cols == 0) {
        canvas_text(c, in.x, in.y, in.w, UI_TR(ctx, "No test pictures.", "没有测试图片。"), ROLE_DIM);
        return;
    }
    size_t m = d->X_test->cols, wrong = 0;
    for (size_t i = 0; i < m; i++)
        wrong += gallery_wrong(ts, d->Y_test, i);
    int side = ds->image_height < ds->image_width ? ds->image_height : ds->image_width;
    int s = trainer_gallery_side(in.w, in.h, m, side);
    int tile_w = gallery_tile_w(s), img_h = (s + 1) / 2;
    int cols = (in.w + 1) / tile_w, rows = (in.h - 1) / (img_h + 1);
    size_t slot = 0, slots = cols > 0 && rows > 0 ? (size_t)cols * (size_t)rows : 0;
    /* the misclassified pictures first, then the others, each in test-set order */
    for (int pass = 0; pass < 2 && slot < slots; pass++)
        for (size_t i = 0; i < m && slot < slots; i++) {
            if (gallery_wrong(ts, d->Y_test, i) != (pass == 0))
                continue;
            int tx = in.x + (int)(slot % (size_t)cols) * tile_w, ty = in.y + (int)(slot / (size_t)cols) * (img_h + 1);
            ui_picture pic = {d->X_test->v + i, m, ds->image_height, ds->image_width, ds->image_channels};
            picture_cells_draw(c, tx, ty, s, img_h, &pic, ctx->color, ctx->ascii);
            gallery_label(ts, c, tx, ty + img_h, tile_w - 1, i, mat_get(d->Y_test, 0, i) > 0.5, ds, ctx);
            slot++;
        }
    char summary[256];
    if (ts->p_test_n)
        snprintf(summary, sizeof summary, UI_TR(ctx, "%zu of %zu wrong; p = p(%s)", "%zu / %zu 张分错；p = p(%s)"), wrong,
                 m, ds->class_names[1]);
    else
        snprintf(summary, sizeof summary, UI_TR(ctx, "%zu test pictures", "%zu 张测试图片"), m);
    canvas_text(c, in.x, in.y + in.h - 1, in.w, summary, wrong ? ROLE_WARN : ROLE_OK);
}

/* The deep view's gallery: test images as 8×8 grey pictures (8 columns × 4
 * half-block rows, picture_cells.h), each with its label's glyph, ŷ and ✓/✗. */
void trainer_digits_render(const trainer_screen *ts, ui_canvas *c, ui_rect in, const ui_ctx *ctx)
{
    const trainer_data *d = trainer_data_of(ts->model);
    int side = d->image_side;
    if (!d->X_test || side < 1 || side > 16) {
        canvas_text(c, in.x, in.y, in.w, UI_TR(ctx, "No test images.", "没有测试图像。"), ROLE_DIM);
        return;
    }
    int tile_w = side + 1, img_h = (side + 1) / 2, tile_h = img_h + 2; /* two pixel rows per cell */
    int cols = in.w / tile_w, rows = (in.h - 1) / tile_h;
    size_t m = d->X_test->cols, shown = 0, wrong = 0;
    for (size_t i = 0; i < ts->p_test_n && i < m; i++)
        wrong += (ts->p_test[i] > 0.5) != (mat_get(d->Y_test, 0, i) > 0.5);
    /* The misclassified images first (what the learner wants to see), then
     * the others, each group in test-set order. */
    size_t next_wrong = 0, next_right = 0;
    for (int r = 0; r < rows; r++)
        for (int k = 0; k < cols && shown < m; k++, shown++) {
            size_t i = m;
            while (next_wrong < m && i == m) {
                size_t j = next_wrong++;
                if (j < ts->p_test_n && (ts->p_test[j] > 0.5) != (mat_get(d->Y_test, 0, j) > 0.5))
                    i = j;
            }
            while (i == m && next_right < m) {
                size_t j = next_right++;
                if (!(j < ts->p_test_n && (ts->p_test[j] > 0.5) != (mat_get(d->Y_test, 0, j) > 0.5)))
                    i = j;
            }
            if (i == m)
                break;
            /* A picture, so a grey ramp (the ink's own level), not the
             * decision map's class palette. */
            ui_picture pic = {d->X_test->v + i, m, side, side, 1};
            ui_rect tile = {in.x + k * tile_w, in.y + r * tile_h, side, img_h};
            picture_cells_draw(c, tile.x, tile.y, tile.w, tile.h, &pic, ctx->color, ctx->ascii);
            int y = (int)(mat_get(d->Y_test, 0, i) > 0.5);
            int lx = tile.x, ly = tile.y + img_h;
            canvas_put(c, lx, ly, heatmap_point_glyph(y, false, ctx->ascii), y ? ROLE_CLASS1 : ROLE_CLASS0);
            if (i < ts->p_test_n) {
                double p = ts->p_test[i];
                bool right = (p > 0.5) == (y == 1);
                char num[16];
                snprintf(num, sizeof num, "%.2f", p);
                canvas_text(c, lx + 1, ly, 4, num[0] == '1' ? "1.0" : num + 1, ROLE_NORMAL);
                canvas_put(c, lx + 5, ly, glyph_cp(right ? GLYPH_DONE : GLYPH_WRONG, ctx->ascii),
                           right ? ROLE_OK : ROLE_BAD);
            }
        }
    canvas_printf(c, in.x, in.y + in.h - 1, in.w, wrong ? ROLE_WARN : ROLE_OK,
                  UI_TR(ctx, "%zu of %zu test images wrong", "%zu / %zu 张测试图像分错"), wrong, m);
}
