/*
 * test_app_sizes.c — every screen renders at any size KEY_RESIZE can
 * deliver: 1×1, one row, one column, just below and at 80×24, and huge
 * (1000×500, 4000×30, 80×1500). No crash and no out-of-bounds write (the
 * sanitizer builds run this), the too-small notice below 80×24, and at every
 * size that fits, the screen's own title in its first row.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "canvas.h"
#include "labs.h"
#include "layout.h"
#include "progress.h"
#include "ui_fixture.h"

static const struct {
    int w, h;
} sizes[] = {
    {1, 1}, {2, 1}, {1, 2}, {300, 1}, {1, 300}, {79, 24}, {80, 23}, {80, 24}, {81, 25},
    {1000, 500}, {4000, 30}, {80, 1500}, {80, 24},
};

/* The first row of c as text (the title bar). */
static char *first_row(const ui_canvas *c)
{
    char *text = canvas_to_text(c);
    assert_non_null(text);
    char *nl = strchr(text, '\n');
    if (nl)
        *nl = '\0';
    return text;
}

/* Renders the app at every size; `title` must show in the first row of
 * every size that is not too small. The help overlay too, when `help`. */
static void render_at_every_size(ui_app *app, const char *title)
{
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        int w = sizes[i].w, h = sizes[i].h;
        ui_canvas *c = canvas_new(w, h);
        assert_non_null(c);
        app_resize(app, w, h);
        app_render(app, c);
        char *text = canvas_to_text(c);
        assert_non_null(text);
        bool small = w < LAYOUT_MIN_W || h < LAYOUT_MIN_H;
        if (small && w >= 40 && h >= 2 && !strstr(text, "terminal too small"))
            fail_msg("%d×%d: no too-small notice:\n%s", w, h, text);
        free(text);
        if (!small) {
            char *row = first_row(c);
            if (!strstr(row, title))
                fail_msg("%d×%d: '%s' not in the first row '%s'", w, h, title, row);
            free(row);
        }
        canvas_free(c);
    }
}

static ui_app *new_app(lesson_course *course, bool ascii)
{
    ui_app_config cfg = {.lang = UI_LANG_EN, .ascii = ascii, .color = true};
    ui_app *app = app_new(course, progress_new(), &cfg);
    assert_non_null(app);
    app_resize(app, 80, 24);
    assert_true(app_open_course(app));
    return app;
}

static void the_map_the_reader_and_help_render_at_any_size(void **state)
{
    (void)state;
    lesson_course *course = ui_fixture_course();
    assert_non_null(course);
    for (int ascii = 0; ascii < 2; ascii++) {
        ui_app *app = new_app(course, ascii);
        render_at_every_size(app, "Course map");
        app_resize(app, 80, 24);
        app_key(app, (ui_key){UI_KEY_ENTER, 0});
        assert_string_equal(app_top(app)->ops->name, "reader");
        render_at_every_size(app, "Shapes");
        app_resize(app, 80, 24);
        app_key(app, (ui_key){UI_KEY_CHAR, '?'});
        assert_true(app_help_open(app));
        render_at_every_size(app, "");
        app_free(app);
    }
    lesson_course_free(course);
}

/* Opens lab `kind` on top of the map and renders it at every size, before
 * and after a few ticks (so the trainer's caches are filled). */
static void lab_renders_at_any_size(ui_lab_kind kind, const char *title)
{
    lesson_course *course = ui_fixture_course();
    assert_non_null(course);
    for (int ascii = 0; ascii < 2; ascii++) {
        ui_app *app = new_app(course, ascii);
        run_spec spec = runspec_default();
        char err[256] = "";
        ui_screen *s = lab_screen_new(kind, &spec, app_ctx(app), err, sizeof err);
        if (!s)
            fail_msg("lab %d: %s", (int)kind, err);
        assert_true(app_push(app, s));
        render_at_every_size(app, title);
        for (int i = 0; i < 5; i++) {
            app_key(app, (ui_key){UI_KEY_CHAR, 's'});  /* a step (stepper: nothing; trainer: paused step) */
            app_key(app, (ui_key){UI_KEY_RIGHT, 0});
            app_tick(app, 2.0);
        }
        render_at_every_size(app, title);
        app_free(app);
    }
    lesson_course_free(course);
}

static void the_stepper_renders_at_any_size(void **state)
{
    (void)state;
    lab_renders_at_any_size(UI_LAB_STEPPER, "Stepper");
}

static void the_trainer_renders_at_any_size(void **state)
{
    (void)state;
    lab_renders_at_any_size(UI_LAB_TRAINER, "Live trainer");
}

static void the_deep_trainer_renders_at_any_size(void **state)
{
    (void)state;
    lab_renders_at_any_size(UI_LAB_DEEP_TRAINER, "Live trainer");
}

static void the_sweep_renders_at_any_size(void **state)
{
    (void)state;
    lab_renders_at_any_size(UI_LAB_SWEEP, "sweep");
}

int main(void)
{
    setlocale(LC_ALL, "");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_map_the_reader_and_help_render_at_any_size),
        cmocka_unit_test(the_stepper_renders_at_any_size),
        cmocka_unit_test(the_trainer_renders_at_any_size),
        cmocka_unit_test(the_deep_trainer_renders_at_any_size),
        cmocka_unit_test(the_sweep_renders_at_any_size),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
