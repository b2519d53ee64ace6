/*
 * test_gallery_render.c — the deep trainer on a picture data set (the
 * course-shaped fixture tests/data/course, 8×8×3): the gallery draws each
 * test picture's own pixels as half-blocks (upper pixel in front, lower
 * behind), the misclassified ones first with ✗, then the others with ✓, each
 * with p(cat) and its label; without colour a grey ramp (UTF-8 shades or
 * ASCII). Goldens: tests/render/golden/trainer/gallery_*.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "canvas.h"
#include "picture_cells.h"
#include "trainer/trainer_gallery.h"
#include "trainer/trainer_screen_internal.h"
#include "../data/dataset.h"
#include "render/golden.h"

static ui_screen *cat_screen(long iterations, const ui_ctx *ctx)
{
    const char *root = getenv("DNN_TUTOR_SOURCE_ROOT");
    if (!root)
        fail_msg("DNN_TUTOR_SOURCE_ROOT is not set");
    run_spec sp = runspec_default();
    char dir[512], err[512] = "";
    snprintf(dir, sizeof dir, "%s/tests/data/course", root);
    runspec_apply_assignment(&sp, RUNSPEC_W4_DEEP);
    if (!runspec_set(&sp, RUNSPEC_DATASET, "cat", err, sizeof err) ||
        !runspec_set(&sp, RUNSPEC_COURSE_DATA, dir, err, sizeof err))
        fail_msg("runspec_set: %s", err);
    ui_screen *s = trainer_screen_new(UI_LAB_DEEP_TRAINER, &sp, ctx, err, sizeof err);
    if (!s)
        fail_msg("trainer_screen_new: %s", err);
    trainer_run(trainer_screen_model(s), iterations);
    trainer_screen_refresh(s, ctx);
    return s;
}

static ui_canvas *render(ui_screen *s, const ui_ctx *ctx, int w, int h)
{
    ui_canvas *c = canvas_new(w, h);
    s->ops->render(s, c, (ui_rect){0, 0, w, h - 1}, ctx);
    return c;
}

static void golden_of(const ui_canvas *c, const char *stem, bool roles)
{
    char name[128];
    char *t = canvas_to_text(c);
    snprintf(name, sizeof name, "%s.txt", stem);
    golden_check("trainer", name, t);
    free(t);
    if (roles) {
        t = canvas_roles_to_text(c);
        snprintf(name, sizeof name, "%s.roles", stem);
        golden_check("trainer", name, t);
        free(t);
    }
}

/* Byte v of the fixture (X holds byte / 255) as the gallery must show it. */
static uint8_t byte_of(double v)
{
    return (uint8_t)lround(v * 255.0);
}

static void the_gallery_shows_each_pictures_own_pixels_wrong_ones_first(void **state)
{
    (void)state;
    ui_ctx ctx = {.lang = UI_LANG_EN, .color = true};
    ui_screen *s = cat_screen(300, &ctx);
    trainer_screen *ts = (trainer_screen *)s;
    assert_true(trainer_gallery_applies(ts));
    const trainer_data *d = trainer_data_of(ts->model);
    size_t m = d->X_test->cols;
    assert_int_equal(ts->p_test_n, m);
    ui_canvas *c = render(s, &ctx, 100, 30);
    golden_of(c, "gallery_100x30", true);

    /* The order the gallery promises, computed here from ŷ and the labels. */
    size_t order[64], n = 0, wrong = 0;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < m; i++) {
            bool bad = (ts->p_test[i] > 0.5) != (mat_get(d->Y_test, 0, i) > 0.5);
            if (bad == (pass == 0))
                order[n++] = i;
            wrong += bad && pass == 0;
        }
    if (!(wrong > 0 && wrong < m))
        fail_msg("want both kinds on screen: %zu of %zu wrong", wrong, m);
    /* Inside the left box (x 1, y 2): 8×8 pictures, tiles 9 wide, 4 rows + label. */
    int s8 = trainer_gallery_side(48, 23, m, 8);
    assert_int_equal(s8, 8);
    int cols = (48 + 1) / 9;
    for (size_t k = 0; k < 6 && k < n; k++) {
        size_t i = order[k];
        int tx = 1 + (int)(k % (size_t)cols) * 9, ty = 2 + (int)(k / (size_t)cols) * 5;
        for (int cy = 0; cy < 4; cy++)
            for (int cx = 0; cx < 8; cx++) {
                const ui_cell *cell = canvas_cell(c, tx + cx, ty + cy);
                assert_true(cell->flags & UI_CELL_RGB);
                assert_int_equal(cell->ch, 0x2580);
                for (int ch = 0; ch < 3; ch++) {
                    size_t top = (size_t)((2 * cy * 8 + cx) * 3 + ch), bottom = top + 8 * 3;
                    assert_int_equal(cell->rgb[ch], byte_of(mat_get(d->X_test, top, i)));
                    assert_int_equal(cell->rgb[3 + ch], byte_of(mat_get(d->X_test, bottom, i)));
                }
            }
        /* the label row: ✗ for the wrong ones, ✓ for the rest, then p(cat) and the label */
        const ui_cell *mark = canvas_cell(c, tx, ty + 4);
        assert_int_equal(mark->ch, k < wrong ? 0x2717 : 0x2713);
        char want[16], got[16] = "";
        double p = ts->p_test[i];
        snprintf(want, sizeof want, "%.2f", p);
        for (int j = 0; j < 3; j++)
            got[j] = (char)canvas_cell(c, tx + 1 + j, ty + 4)->ch;
        assert_string_equal(got, want[0] == '1' ? "1.0" : want + 1);
        const char *label = d->ds->class_names[mat_get(d->Y_test, 0, i) > 0.5];
        for (int j = 0; j < 3 && label[j]; j++)
            assert_int_equal(canvas_cell(c, tx + 5 + j, ty + 4)->ch, (uint32_t)label[j]);
    }
    canvas_free(c);
    c = render(s, &ctx, 80, 24);
    golden_of(c, "gallery_80x24", false);
    canvas_free(c);
    s->ops->destroy(s);
}

static void without_colour_the_pictures_are_a_grey_ramp(void **state)
{
    (void)state;
    ui_ctx ctx = {.lang = UI_LANG_EN, .color = false};
    ui_screen *s = cat_screen(300, &ctx);
    ui_canvas *c = render(s, &ctx, 80, 24);
    golden_of(c, "gallery_80x24_mono", false);
    for (int y = 0; y < c->height; y++)
        for (int x = 0; x < c->width; x++)
            assert_false(canvas_cell(c, x, y)->flags & UI_CELL_RGB);
    canvas_free(c);
    ctx.ascii = true;
    c = render(s, &ctx, 80, 24);
    golden_of(c, "gallery_80x24_ascii", false);
    char *t = canvas_to_text(c);
    for (const unsigned char *p = (const unsigned char *)t; *p; p++)
        assert_true(*p < 0x80);
    free(t);
    canvas_free(c);
    ctx.ascii = false;
    ctx.lang = UI_LANG_ZH;
    ctx.color = true;
    c = render(s, &ctx, 80, 24);
    golden_of(c, "gallery_80x24_zh", false);
    canvas_free(c);
    s->ops->destroy(s);
}

/* picture_cells on a made-up 2×4 picture: averages, ramps and clamping. */
/* The digits' deep lab draws its 8×8 test images as grey pictures too: each
 * cell holds its two pixels' grey levels (not the decision map's class
 * colours), the first tile being the first misclassified image. */
static void the_digits_gallery_draws_grey_pictures(void **state)
{
    (void)state;
    ui_ctx ctx = {.lang = UI_LANG_EN, .color = true};
    run_spec sp = runspec_default();
    char err[512] = "";
    ui_screen *s = trainer_screen_new(UI_LAB_DEEP_TRAINER, &sp, &ctx, err, sizeof err);
    if (!s)
        fail_msg("trainer_screen_new: %s", err);
    trainer_run(trainer_screen_model(s), 50);
    trainer_screen_refresh(s, &ctx);
    trainer_screen *ts = (trainer_screen *)s;
    const trainer_data *d = trainer_data_of(ts->model);
    assert_int_equal(d->image_side, 8);
    assert_false(trainer_gallery_applies(ts));
    size_t m = d->X_test->cols, first = m;
    for (size_t i = 0; i < m && first == m; i++)
        if ((ts->p_test[i] > 0.5) != (mat_get(d->Y_test, 0, i) > 0.5))
            first = i;
    if (first == m)
        first = 0;
    ui_canvas *c = render(s, &ctx, 100, 30);
    int lit = 0;
    for (int row = 0; row < 4; row++)
        for (int col = 0; col < 8; col++) {
            const ui_cell *cell = canvas_cell(c, 1 + col, 2 + row);
            assert_true(cell->flags & UI_CELL_RGB);
            uint8_t top = byte_of(mat_get(d->X_test, (size_t)(2 * row * 8 + col), first));
            uint8_t bottom = byte_of(mat_get(d->X_test, (size_t)((2 * row + 1) * 8 + col), first));
            for (int ch = 0; ch < 3; ch++) {
                assert_int_equal(cell->rgb[ch], top);
                assert_int_equal(cell->rgb[3 + ch], bottom);
            }
            lit += top > 0 || bottom > 0;
        }
    assert_true(lit > 0); /* a digit, not an empty tile */
    canvas_free(c);
    s->ops->destroy(s);
}

static void picture_cells_average_boxes_and_ramp_grey(void **state)
{
    (void)state;
    /* rows: black, white; grey picture (1 channel), 4 wide; one value out of range */
    double px[8] = {0, 0, 0, -3, 1, 1, 1, 7};
    ui_picture pic = {px, 1, 2, 4, 1};
    ui_canvas *c = canvas_new(4, 1);
    picture_cells_draw(c, 0, 0, 2, 1, &pic, true, false);
    const ui_cell *cell = canvas_cell(c, 0, 0);
    assert_true(cell->flags & UI_CELL_RGB);
    assert_int_equal(cell->rgb[0], 0);   /* upper row: black */
    assert_int_equal(cell->rgb[3], 255); /* lower row: white */
    assert_int_equal(canvas_cell(c, 1, 0)->rgb[1], 0);   /* -3 clamps to 0 */
    assert_int_equal(canvas_cell(c, 1, 0)->rgb[4], 255); /* 7 clamps to 1 */
    canvas_clear(c);
    picture_cells_draw(c, 0, 0, 4, 1, &pic, false, false); /* mean grey 0.5: the middle shade */
    assert_int_equal(canvas_cell(c, 0, 0)->ch, 0x2592);
    picture_cells_draw(c, 0, 0, 4, 1, &pic, false, true);
    assert_int_equal(canvas_cell(c, 0, 0)->ch, (uint32_t)" .:-=+*#%@"[(int)lround(0.5 * 9)]);
    picture_cells_draw(c, 0, 0, 4, 1, &pic, true, true); /* ASCII in colour: a space on the mean */
    assert_int_equal(canvas_cell(c, 0, 0)->ch, ' ');
    assert_int_equal(canvas_cell(c, 0, 0)->rgb[3], 128);
    canvas_free(c);
}

/* trainer --deep --assignment w4-deep: the preset's data set (cat), not the
 * deep lab's default (digits). */
static void the_deep_trainer_keeps_an_assignments_data_set(void **state)
{
    (void)state;
    char dir[512], err[512] = "";
    snprintf(dir, sizeof dir, "%s/tests/data/course", getenv("DNN_TUTOR_SOURCE_ROOT"));
    run_spec sp = runspec_default();
    runspec_apply_assignment(&sp, RUNSPEC_W4_DEEP);
    if (!runspec_set(&sp, RUNSPEC_COURSE_DATA, dir, err, sizeof err))
        fail_msg("runspec_set: %s", err);
    ui_ctx ctx = {.lang = UI_LANG_EN, .color = true};
    ui_screen *s = trainer_screen_new(UI_LAB_DEEP_TRAINER, &sp, &ctx, err, sizeof err);
    if (!s)
        fail_msg("trainer_screen_new: %s", err);
    assert_string_equal(trainer_spec(trainer_screen_model(s))->dataset, "cat");
    assert_true(trainer_gallery_applies((trainer_screen *)s));
    s->ops->destroy(s);
}

int main(void)
{
    setlocale(LC_ALL, "");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_gallery_shows_each_pictures_own_pixels_wrong_ones_first),
        cmocka_unit_test(without_colour_the_pictures_are_a_grey_ramp),
        cmocka_unit_test(the_digits_gallery_draws_grey_pictures),
        cmocka_unit_test(picture_cells_average_boxes_and_ramp_grey),
        cmocka_unit_test(the_deep_trainer_keeps_an_assignments_data_set),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
