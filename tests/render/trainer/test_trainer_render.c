/*
 * test_trainer_render.c — golden text of the braille cost curve, the
 * half-block heatmap (colour shades and monochrome density) and the whole
 * trainer screen at 80×24 and 100×30, in UTF-8 and in ASCII.
 *
 * Goldens live in tests/render/golden/trainer/. DNN_UPDATE_GOLDEN=1 writes
 * them from the current rendering instead of comparing (then read them by eye).
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
#include "trainer/heatmap.h"
#include "trainer/plot.h"
#include "trainer/trainer_screen_internal.h"
#include "render/golden.h"

/* Cell shades as digits (fg then bg grid), '.' for unshaded cells. */
static char *shades_text(const ui_canvas *c)
{
    size_t size = (size_t)(c->width + 1) * (size_t)c->height * 2 + 16;
    char *s = malloc(size), *p = s;
    for (int pass = 0; pass < 2; p += 0, pass++) {
        for (int y = 0; y < c->height; y++) {
            for (int x = 0; x < c->width; x++) {
                const ui_cell *cell = canvas_cell(c, x, y);
                *p++ = (cell->flags & UI_CELL_SHADED) ? (char)('0' + (pass ? cell->bg : cell->fg)) : '.';
            }
            *p++ = '\n';
        }
    }
    *p = '\0';
    return s;
}

static void golden_canvas(const char *stem, const ui_canvas *c, bool roles, bool shades)
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
    if (shades) {
        t = shades_text(c);
        snprintf(name, sizeof name, "%s.shades", stem);
        golden_check("trainer", name, t);
        free(t);
    }
}

/* A made-up cost curve: a fast drop, a marker, a small bump. */
static void the_cost_curve_draws_in_braille_with_labelled_axis(void **state)
{
    (void)state;
    double x[60], y[60], marks[] = {300};
    for (int i = 0; i < 60; i++) {
        x[i] = i * 10;
        y[i] = 0.2 + 0.5 * exp(-i / 8.0) + (i >= 30 ? 0.05 * exp(-(i - 30) / 4.0) : 0);
    }
    plot_curve curve = {.x = x, .y = y, .n = 60, .marks = marks, .n_marks = 1};
    for (int mode = 0; mode < 3; mode++) {
        ui_canvas *c = canvas_new(40, 10);
        plot_options opt = {mode == 1, mode == 2, "it"};
        plot_render_curve(c, (ui_rect){0, 0, 40, 10}, &curve, &opt);
        static const char *const stems[] = {"plot_linear", "plot_log", "plot_ascii"};
        golden_canvas(stems[mode], c, mode == 0, false);
        canvas_free(c);
    }
}

/* The previous run as a faint ghost: the current run's curve counts from
 * its own start (x_from) and is drawn in ROLE_PLOT; the ghost, on the same
 * axes from its own start, in ROLE_DIM where the curve does not cover it;
 * the y range covers both. Golden: plot_ghost. */
static void a_ghost_run_is_drawn_faint_behind_the_curve_on_the_same_axes(void **state)
{
    (void)state;
    double x[20], y[20], gx[30], gy[30];
    for (int i = 0; i < 30; i++) {
        gx[i] = 100 + i * 10; /* the last run: clock 100 … 390 */
        gy[i] = 0.9 - 0.01 * i;
    }
    for (int i = 0; i < 20; i++) {
        x[i] = 400 + i * 10; /* this run: clock 400 … 590 */
        y[i] = 0.3 - 0.005 * i;
    }
    plot_curve curve = {.x = x, .y = y, .n = 20, .x_from = 400, .ghost_x = gx, .ghost_y = gy, .ghost_n = 30, .ghost_x_from = 100};
    ui_canvas *c = canvas_new(40, 10);
    plot_options opt = {false, false, "it"};
    plot_render_curve(c, (ui_rect){0, 0, 40, 10}, &curve, &opt);
    golden_canvas("plot_ghost", c, true, false);
    int dim = 0, plot = 0, top_dim = 0;
    for (int yy = 0; yy < 9; yy++)
        for (int xx = PLOT_GUTTER; xx < 40; xx++) {
            const ui_cell *cell = canvas_cell(c, xx, yy);
            dim += cell->role == ROLE_DIM && cell->ch >= 0x2800 && cell->ch <= 0x28FF;
            plot += cell->role == ROLE_PLOT;
            top_dim += yy == 0 && cell->role == ROLE_DIM && cell->ch != ' ';
        }
    assert_true(dim > 0);
    assert_true(plot > 0);
    assert_true(top_dim > 0); /* the ghost's 0.9 is the top of the range */
    char *t = canvas_to_text(c);
    assert_non_null(strstr(t, "0.9000"));
    /* The axis counts from each run's start: 0 … 290 (the ghost is the longer). */
    assert_non_null(strstr(t, "0 "));
    assert_non_null(strstr(t, "290 it"));
    free(t);
    canvas_free(c);
}

static void an_empty_curve_draws_only_its_axis(void **state)
{
    (void)state;
    ui_canvas *c = canvas_new(20, 5);
    plot_curve curve = {.n = 0};
    plot_options opt = {false, false, NULL};
    plot_render_curve(c, (ui_rect){0, 0, 20, 5}, &curve, &opt);
    char *t = canvas_to_text(c);
    assert_non_null(strstr(t, "\xe2\x94\x82"));       /* the axis line */
    assert_null(strstr(t, "\xe2\xa0"));                /* no braille */
    free(t);
    canvas_free(c);
}

/* p rises left to right, 0 … 1, with a NaN corner. */
static void the_heatmap_uses_half_blocks_in_colour_and_density_in_monochrome(void **state)
{
    (void)state;
    float p[8 * 4];
    for (int y = 0; y < 4; y++)
        for (int x = 0; x < 8; x++)
            p[y * 8 + x] = (float)x / 7.0f * (y < 2 ? 1.0f : 0.5f);
    p[31] = NAN;
    heatmap_grid g = {p, 8, 4};
    double xs[] = {0.1, 0.9, 0.5}, ys[] = {0.9, 0.1, 0.5}, labels[] = {0, 1, 1};
    heatmap_window win = {0, 1, 0, 1};
    for (int mode = 0; mode < 3; mode++) {
        bool ascii = mode == 2, color = mode == 0;
        ui_canvas *c = canvas_new(8, mode == 0 ? 2 : 4);
        ui_rect area = {0, 0, 8, mode == 0 ? 2 : 4};
        heatmap_render(c, area, &g, ascii, color);
        if (mode != 0)
            heatmap_points(c, area, &win, &g, xs, ys, labels, 3, false, ascii, color);
        static const char *const stems[] = {"heatmap_colour", "heatmap_mono", "heatmap_ascii"};
        golden_canvas(stems[mode], c, true, mode == 0);
        canvas_free(c);
    }
    assert_int_equal(heatmap_shade(0.0), 1);
    assert_int_equal(heatmap_shade(1.0), UI_SHADES);
    assert_int_equal(heatmap_ramp_char(0.0), ' ');
    assert_int_equal(heatmap_ramp_char(1.0), '@');
    assert_int_equal(heatmap_ramp_char(NAN), ' ');
}

/* A point keeps the region under it: in colour its background is the
 * region's shade and its glyph the class's ink; a point on the wrong side of
 * the boundary is reversed, in colour and in monochrome. The legend names
 * the shades, the glyphs and the reversed mark. */
static void points_keep_the_region_under_them_and_wrong_ones_are_reversed(void **state)
{
    (void)state;
    float p[8 * 4];
    for (int i = 0; i < 32; i++)
        p[i] = (i % 8) < 4 ? 0.1f : 0.9f;  /* left half class 0, right half class 1 */
    heatmap_grid g = {p, 8, 4};
    heatmap_window win = {0, 1, 0, 1};
    /* a 0 on the left (right), a 1 on the left (wrong), and a second 0 in the
     * first one's cell (it kept the terminal's background, a hole in the map) */
    double xs[] = {0.1, 0.3, 0.11}, ys[] = {0.9, 0.1, 0.9}, labels[] = {0, 1, 0};
    for (int color = 0; color < 2; color++) {
        ui_canvas *c = canvas_new(8, 4);
        ui_rect area = {0, 0, 8, color ? 2 : 4};
        heatmap_render(c, area, &g, false, color);
        heatmap_points(c, area, &win, &g, xs, ys, labels, 3, false, false, color);
        int ok_x, ok_y, bad_x, bad_y, two_x, two_y;
        assert_true(heatmap_cell_of(area, &win, xs[0], ys[0], &ok_x, &ok_y));
        assert_true(heatmap_cell_of(area, &win, xs[1], ys[1], &bad_x, &bad_y));
        assert_true(heatmap_cell_of(area, &win, xs[2], ys[2], &two_x, &two_y));
        assert_true(two_x == ok_x && two_y == ok_y); /* the second 0 is drawn last, over the first */
        const ui_cell *ok = canvas_at(c, ok_x, ok_y), *bad = canvas_at(c, bad_x, bad_y);
        assert_false(ok->flags & UI_CELL_REVERSE);
        assert_true(bad->flags & UI_CELL_REVERSE);
        if (color) {
            assert_true(ok->flags & UI_CELL_SHADED);
            assert_int_equal(ok->fg, UI_SHADE_POINT0);
            assert_int_equal(ok->bg, heatmap_shade(0.1));
            assert_int_equal(bad->fg, UI_SHADE_POINT1);
            assert_int_equal(bad->bg, heatmap_shade(0.1));
        }
        canvas_free(c);
    }
    ui_canvas *c = canvas_new(40, 1);
    assert_true(heatmap_legend(c, 0, 0, 40, false, true, "wrong") > 0);
    char *t = canvas_to_text(c);
    assert_non_null(strstr(t, "\xc5\xb7 0 "));
    assert_non_null(strstr(t, " 1 \xe2\x97\x8b y=0 \xe2\x97\x8f y=1 \xe2\x97\x8f wrong"));
    free(t);
    assert_int_equal(heatmap_legend(c, 0, 0, 20, false, true, "wrong"), 0);
    canvas_free(c);
}

static ui_screen *screen_after(ui_lab_kind kind, long iterations, ui_ctx *ctx)
{
    char err[256] = "";
    run_spec sp = runspec_default();
    ui_screen *s = trainer_screen_new(kind, &sp, ctx, err, sizeof err);
    if (!s)
        fail_msg("trainer_screen_new: %s", err);
    trainer_run(trainer_screen_model(s), iterations);
    trainer_screen_refresh(s, ctx);
    return s;
}

static void render_screen(ui_screen *s, const ui_ctx *ctx, int w, int h, const char *stem, bool roles)
{
    ui_canvas *c = canvas_new(w, h);
    s->ops->render(s, c, (ui_rect){0, 0, w, h - 1}, ctx);
    golden_canvas(stem, c, roles, false);
    canvas_free(c);
}

static void the_trainer_screen_after_3000_iterations(void **state)
{
    (void)state;
    ui_ctx ctx = {.lang = UI_LANG_EN, .color = true};
    ui_screen *s = screen_after(UI_LAB_TRAINER, 3000, &ctx);
    render_screen(s, &ctx, 80, 24, "screen_80x24", true);
    render_screen(s, &ctx, 100, 30, "screen_100x30", false);
    /* A marker, units as maps, log axis, paused. */
    s->ops->on_key(s, (ui_key){UI_KEY_RIGHT, 0}, &ctx);
    trainer_run(trainer_screen_model(s), 1000);
    s->ops->on_key(s, (ui_key){UI_KEY_CHAR, 'w'}, &ctx);
    s->ops->on_key(s, (ui_key){UI_KEY_CHAR, 'l'}, &ctx);
    s->ops->on_key(s, (ui_key){UI_KEY_CHAR, ' '}, &ctx);
    render_screen(s, &ctx, 100, 30, "screen_100x30_marker_log_units", false);
    ctx.lang = UI_LANG_ZH;
    render_screen(s, &ctx, 100, 30, "screen_100x30_zh", false);
    s->ops->destroy(s);
}

/* r starts a new run: its curve counts from 0 again, the run before stays
 * as a faint ghost (the title says so) and a new rate inside the run keeps
 * its marker. Golden: screen_80x24_ghost (text and roles). */
static void a_new_run_starts_its_own_curve_over_the_last_ones_ghost(void **state)
{
    (void)state;
    ui_ctx ctx = {.lang = UI_LANG_EN, .color = true};
    ui_screen *s = screen_after(UI_LAB_TRAINER, 3000, &ctx);
    s->ops->on_key(s, (ui_key){UI_KEY_CHAR, ' '}, &ctx);
    s->ops->on_key(s, (ui_key){UI_KEY_CHAR, 'r'}, &ctx);
    trainer_run(trainer_screen_model(s), 1000);
    s->ops->on_key(s, (ui_key){UI_KEY_LEFT, 0}, &ctx);
    trainer_run(trainer_screen_model(s), 1000);
    trainer_screen_refresh(s, &ctx);
    ui_canvas *c = canvas_new(80, 24);
    s->ops->render(s, c, (ui_rect){0, 0, 80, 23}, &ctx);
    golden_canvas("screen_80x24_ghost", c, true, false);
    char *t = canvas_to_text(c);
    assert_non_null(strstr(t, "faint: last run"));
    assert_non_null(strstr(t, "2990 it")); /* the ghost's 3000 iterations, recorded every 10: 0 … 2990 */
    free(t);
    canvas_free(c);
    s->ops->destroy(s);
}

/* t: a held-out test set, drawn apart (hollow and filled squares), its
 * accuracy on the status line and its cost curve beside the training cost
 * (ROLE_CLASS1). Golden: screen_80x24_test (text and roles). */
static void t_holds_out_a_test_set_with_its_own_cost_curve(void **state)
{
    (void)state;
    ui_ctx ctx = {.lang = UI_LANG_EN, .color = true};
    ui_screen *s = screen_after(UI_LAB_TRAINER, 0, &ctx);
    s->ops->on_key(s, (ui_key){UI_KEY_CHAR, ' '}, &ctx);
    s->ops->on_key(s, (ui_key){UI_KEY_CHAR, 't'}, &ctx);
    trainer_run(trainer_screen_model(s), 2000);
    trainer_screen_refresh(s, &ctx);
    ui_canvas *c = canvas_new(80, 24);
    s->ops->render(s, c, (ui_rect){0, 0, 80, 23}, &ctx);
    golden_canvas("screen_80x24_test", c, true, false);
    char *t = canvas_to_text(c);
    assert_non_null(strstr(t, "cost J: train, test"));
    assert_non_null(strstr(t, "  test "));
    assert_non_null(strstr(t, "\xe2\x96\xa1")); /* □ a test point of class 0 */
    free(t);
    int test_dots = 0;
    for (int y = 0; y < 24; y++)
        for (int x = 40; x < 80; x++)
            test_dots += canvas_cell(c, x, y)->role == ROLE_CLASS1 && canvas_cell(c, x, y)->ch >= 0x2800 &&
                         canvas_cell(c, x, y)->ch <= 0x28FF;
    assert_true(test_dots > 0);
    canvas_free(c);
    s->ops->destroy(s);
}

static void the_trainer_screen_in_ascii_monochrome(void **state)
{
    (void)state;
    ui_ctx ctx = {.lang = UI_LANG_EN, .ascii = true, .color = false};
    ui_screen *s = screen_after(UI_LAB_TRAINER, 3000, &ctx);
    render_screen(s, &ctx, 80, 24, "screen_80x24_ascii", false);
    s->ops->destroy(s);
    ctx.ascii = false;
    s = screen_after(UI_LAB_TRAINER, 3000, &ctx);
    render_screen(s, &ctx, 80, 24, "screen_80x24_mono", false);
    s->ops->destroy(s);
}

static void held_out_points_are_drawn_apart_from_training_points(void **state)
{
    (void)state;
    ui_ctx ctx = {.lang = UI_LANG_EN, .color = true};
    char err[256] = "";
    run_spec sp = runspec_default();
    sp.test_split = 0.25;
    snprintf(sp.dataset, sizeof sp.dataset, "moons");
    ui_screen *s = trainer_screen_new(UI_LAB_TRAINER, &sp, &ctx, err, sizeof err);
    if (!s)
        fail_msg("trainer_screen_new: %s", err);
    trainer_run(trainer_screen_model(s), 2000);
    trainer_screen_refresh(s, &ctx);
    render_screen(s, &ctx, 80, 24, "moons_split_80x24", true);
    s->ops->destroy(s);
}

static void the_sweep_and_the_deep_views(void **state)
{
    (void)state;
    ui_ctx ctx = {.lang = UI_LANG_EN, .color = true};
    ui_screen *s = screen_after(UI_LAB_SWEEP, 0, &ctx);
    trainer *t = trainer_screen_model(s);
    trainer_sweep_work(t, 4L * TRAINER_SWEEP_ITERATIONS + 1000, NULL, NULL);
    trainer_screen_refresh(s, &ctx);
    render_screen(s, &ctx, 80, 24, "sweep_80x24", false);
    s->ops->destroy(s);

    s = screen_after(UI_LAB_DEEP_TRAINER, 600, &ctx);
    render_screen(s, &ctx, 100, 30, "deep_100x30", false);
    render_screen(s, &ctx, 80, 24, "deep_80x24", false);
    /* S on digits: no maps to draw, so each size says so and shows its
     * train and test accuracy (the digits have a test split). */
    s->ops->on_key(s, (ui_key){UI_KEY_CHAR, 'S'}, &ctx);
    trainer_sweep_work(trainer_screen_model(s), 3L * TRAINER_SWEEP_ITERATIONS, NULL, NULL);
    trainer_screen_refresh(s, &ctx);
    render_screen(s, &ctx, 80, 24, "sweep_digits_80x24", false);
    s->ops->destroy(s);
}

int main(void)
{
    setlocale(LC_ALL, "");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_cost_curve_draws_in_braille_with_labelled_axis),
        cmocka_unit_test(an_empty_curve_draws_only_its_axis),
        cmocka_unit_test(a_ghost_run_is_drawn_faint_behind_the_curve_on_the_same_axes),
        cmocka_unit_test(the_heatmap_uses_half_blocks_in_colour_and_density_in_monochrome),
        cmocka_unit_test(points_keep_the_region_under_them_and_wrong_ones_are_reversed),
        cmocka_unit_test(the_trainer_screen_after_3000_iterations),
        cmocka_unit_test(the_trainer_screen_in_ascii_monochrome),
        cmocka_unit_test(a_new_run_starts_its_own_curve_over_the_last_ones_ghost),
        cmocka_unit_test(t_holds_out_a_test_set_with_its_own_cost_curve),
        cmocka_unit_test(held_out_points_are_drawn_apart_from_training_points),
        cmocka_unit_test(the_sweep_and_the_deep_views),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
