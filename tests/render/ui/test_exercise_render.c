/*
 * test_exercise_render.c — the exercise screen, the reader's exercise block
 * and the map's exercises, drawn at 80×24 and compared with golden files in
 * tests/render/golden/exercise/ (UTF-8 and ASCII). The screen is a manual
 * one (exercise_screen.h): no Python runs; each case gives it what a check
 * would have found — no file yet, no Python with numpy, a failing result
 * built here, a passing one — so the frames are the same on every machine.
 * DNN_UPDATE_GOLDEN=1 rewrites the files; read them before committing.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "ex_files.h"
#include "ex_python.h"
#include "exercise/exercise_screen.h"
#include "lesson.h"
#include "progress.h"
#include "render/golden.h"
#include "screens.h"
#include "text.h"

static const char course_json[] =
    "{ \"schema_version\": 1, \"weeks\": [\n"
    "{ \"id\": \"t4\", \"number\": 4, \"title\": {\"zh\": \"深层网络\", \"en\": \"Deep networks\"},\n"
    "  \"lessons\": [\n"
    "  { \"id\": \"t4-fwd\", \"title\": {\"zh\": \"前向传播\", \"en\": \"Forward propagation\"},\n"
    "    \"pages\": [\n"
    "    { \"blocks\": [\n"
    "      {\"paragraph\": {\"zh\": \"现在用 numpy 写出来。\", \"en\": \"Now write it in numpy.\"}},\n"
    "      {\"exercise\": {\"id\": \"w4a1/linear_forward\",\n"
    "                    \"caption\": {\"zh\": \"Z = WA + b，一行代码。\", \"en\": \"Z = WA + b, one line.\"}}},\n"
    "      {\"exercise\": {\"id\": \"w4a1/L_model_forward\"}}\n"
    "    ]}]}]}]}\n";

static const ex_python test_python = {"/usr/bin/python3", "PATH", "3.11.2", "1.24.2"};

static lesson_course *course_new(void)
{
    lesson_source src = {"exercise-fixture.json", course_json, strlen(course_json)};
    lesson_course *c = lesson_load_sources(&src, 1);
    assert_non_null(c);
    assert_int_equal(c->n_problems, 0);
    return c;
}

/* A (rows, cols) float64 array holding 0.5, 1.5, … */
static ex_value *array(size_t rows, size_t cols)
{
    size_t shape[2] = {rows, cols};
    ex_value *v = exv_array(2, shape);
    assert_non_null(v);
    for (size_t i = 0; i < v->size; i++)
        v->data[i] = 0.5 + (double)i;
    return v;
}

/* linear_forward with its Z transposed in the first case: a shape verdict,
 * the other cases not run. */
static void failing_result(ex_result *r)
{
    memset(r, 0, sizeof *r);
    r->def = ex_def_find("w4a1/linear_forward");
    snprintf(r->file, sizeof r->file, "/home/learner/dnn-tutor-exercises/w4a1.py");
    r->outcome = EX_SHAPE;
    r->n_cases = 3;
    ex_case_result *c = &r->cases[0];
    snprintf(c->name, sizeof c->name, "seed 1, A (3, 2), W (1, 3), b (1, 1)");
    c->v.outcome = EX_SHAPE;
    snprintf(c->v.path, sizeof c->v.path, "Z");
    snprintf(c->v.expected_shape, sizeof c->v.expected_shape, "(1, 2)");
    snprintf(c->v.got_shape, sizeof c->v.got_shape, "(2, 1)");
    c->expected = array(1, 2);
    c->got = array(2, 1);
    snprintf(r->cases[1].name, sizeof r->cases[1].name, "seed 3, A (5, 4), W (2, 5), b (2, 1)");
    r->cases[1].hidden = true;
    r->cases[1].v.outcome = EX_NOT_RUN;
    snprintf(r->cases[2].name, sizeof r->cases[2].name, "seed 7, A (1, 6), W (3, 1), b (3, 1)");
    r->cases[2].hidden = true;
    r->cases[2].v.outcome = EX_NOT_RUN;
}

static void passing_result(ex_result *r)
{
    memset(r, 0, sizeof *r);
    r->def = ex_def_find("w4a1/linear_forward");
    r->outcome = EX_PASS;
    r->n_cases = 2;
    snprintf(r->cases[0].name, sizeof r->cases[0].name, "seed 1, A (3, 2), W (1, 3), b (1, 1)");
    snprintf(r->cases[1].name, sizeof r->cases[1].name, "seed 3, A (5, 4), W (2, 5), b (2, 1)");
    r->cases[1].hidden = true;
}

typedef enum { ST_NO_FILE, ST_NO_PYTHON, ST_CHECKING, ST_FAILING, ST_PASSING } ex_state;

typedef struct ex_case_def {
    const char *name;
    ex_state state;
    const char *keys;  /* typed on the exercise screen */
    ui_lang lang;
} ex_case_def;

static const ex_case_def cases[] = {
    {"no_file", ST_NO_FILE, "", UI_LANG_EN},
    {"no_file_zh", ST_NO_FILE, "", UI_LANG_ZH},
    {"no_python", ST_NO_PYTHON, "", UI_LANG_EN},
    {"checking", ST_CHECKING, "", UI_LANG_EN},
    {"failing", ST_FAILING, "", UI_LANG_EN},
    {"failing_zh", ST_FAILING, "", UI_LANG_ZH},
    {"failing_arrays", ST_FAILING, "v", UI_LANG_EN},
    {"failing_hints", ST_FAILING, "hh", UI_LANG_EN},
    {"passing", ST_PASSING, "", UI_LANG_EN},
    {"passing_solution", ST_PASSING, "s", UI_LANG_EN},
    {"help", ST_FAILING, "?", UI_LANG_EN},
};

static char *render_app(ui_app *app)
{
    ui_canvas *c = canvas_new(80, 24);
    app_render(app, c);
    char *text = canvas_to_text(c);
    canvas_free(c);
    return text;
}

static void type_keys(ui_app *app, const char *keys)
{
    for (const char *k = keys; *k; k++)
        app_key(app, (ui_key){UI_KEY_CHAR, (uint32_t)(unsigned char)*k});
}

static char *render_exercise(const ex_case_def *ec, bool ascii)
{
    lesson_course *course = course_new();
    ui_app_config cfg = {.lang = ec->lang, .ascii = ascii, .color = true};
    ui_app *app = app_new(course, progress_new(), &cfg);
    app_resize(app, 80, 24);
    assert_true(app_open_course(app));
    char root[4096], err[256] = "";
    assert_true(ex_find_root(root, sizeof root));
    exercise_setup setup = {root, "/home/learner/dnn-tutor-exercises", "w4a1/linear_forward", true};
    ui_screen *s = exercise_screen_open(app_ctx(app), &setup, err, sizeof err);
    if (!s)
        fail_msg("%s", err);
    assert_true(app_push(app, s));
    ex_result r;
    switch (ec->state) {
    case ST_NO_FILE:
        exercise_screen_feed(s, app_ctx(app), false, &test_python, NULL, NULL);
        break;
    case ST_NO_PYTHON: {
        /* the message ex_python_find gives when only /usr/bin/python3 was there */
        char missing[1024];
        ex_python_missing_text("/usr/bin/python3", missing, sizeof missing);
        exercise_screen_feed(s, app_ctx(app), true, NULL, missing, NULL);
        break;
    }
    case ST_CHECKING:
        exercise_screen_feed(s, app_ctx(app), true, &test_python, NULL, NULL);
        break;
    case ST_FAILING:
        failing_result(&r);
        exercise_screen_feed(s, app_ctx(app), true, &test_python, NULL, &r);
        break;
    case ST_PASSING:
        passing_result(&r);
        exercise_screen_feed(s, app_ctx(app), true, &test_python, NULL, &r);
        break;
    }
    type_keys(app, ec->keys);
    char *text = render_app(app);
    app_free(app);
    lesson_course_free(course);
    return text;
}

static void every_exercise_state_matches_its_golden_text(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        for (int ascii = 0; ascii < 2; ascii++) {
            char file[128];
            snprintf(file, sizeof file, "%s%s.txt", cases[i].name, ascii ? "_ascii" : "");
            char *text = render_exercise(&cases[i], ascii);
            golden_check("exercise", file, text);
            free(text);
        }
}

/* A check's result is the progress the map and the reader show. */
static void a_result_is_recorded_in_the_progress(void **state)
{
    (void)state;
    lesson_course *course = course_new();
    ui_app_config cfg = {.lang = UI_LANG_EN, .color = true};
    ui_app *app = app_new(course, progress_new(), &cfg);
    assert_true(app_open_course(app));
    char root[4096], err[256];
    assert_true(ex_find_root(root, sizeof root));
    exercise_setup setup = {root, "/nowhere", "w4a1/linear_forward", true};
    ui_screen *s = exercise_screen_open(app_ctx(app), &setup, err, sizeof err);
    assert_non_null(s);
    assert_true(app_push(app, s));
    ex_result r;
    failing_result(&r);
    exercise_screen_feed(s, app_ctx(app), true, &test_python, NULL, &r);
    assert_int_equal(progress_exercise_get(app_ctx(app)->progress, "w4a1/linear_forward"), PROGRESS_EX_FAIL);
    passing_result(&r);
    exercise_screen_feed(s, app_ctx(app), true, &test_python, NULL, &r);
    assert_int_equal(progress_exercise_get(app_ctx(app)->progress, "w4a1/linear_forward"), PROGRESS_EX_PASS);
    /* n moves on to the next exercise of the catalog */
    type_keys(app, "n");
    assert_string_equal(exercise_screen_id(app_top(app)), "w4a1/linear_activation_forward");
    app_free(app);
    lesson_course_free(course);
}

/* The reader's exercise blocks show the saved status, and the map lists the
 * selected lesson's exercises with their marks. */
static void the_reader_and_the_map_show_each_exercise_s_status(void **state)
{
    (void)state;
    for (int ascii = 0; ascii < 2; ascii++) {
        for (int screen = 0; screen < 2; screen++) {
            lesson_course *course = course_new();
            ui_progress *p = progress_new();
            progress_exercise_set(p, "w4a1/linear_forward", PROGRESS_EX_PASS);
            progress_exercise_set(p, "w4a1/L_model_forward", PROGRESS_EX_FAIL);
            ui_app_config cfg = {.lang = UI_LANG_EN, .ascii = ascii, .color = true};
            ui_app *app = app_new(course, p, &cfg);
            app_resize(app, 80, 24);
            assert_true(app_open_course(app));
            if (screen == 1)
                app_key(app, (ui_key){UI_KEY_ENTER, 0});
            char *text = render_app(app);
            char file[64];
            snprintf(file, sizeof file, "%s%s.txt", screen ? "reader_blocks" : "map_exercises", ascii ? "_ascii" : "");
            golden_check("exercise", file, text);
            free(text);
            app_free(app);
            lesson_course_free(course);
        }
    }
}

/* Enter on a lesson's exercise block, and x on the map, open the exercise
 * screen at the right exercise (the screen only starts checking on its
 * first tick, which these key-only tests never give it). */
static void the_reader_and_the_map_open_the_right_exercise(void **state)
{
    (void)state;
    for (int from_map = 0; from_map < 2; from_map++) {
        lesson_course *course = course_new();
        ui_progress *p = progress_new();
        progress_exercise_set(p, "w4a1/linear_forward", PROGRESS_EX_PASS);
        ui_app_config cfg = {.lang = UI_LANG_EN, .color = true};
        ui_app *app = app_new(course, p, &cfg);
        app_resize(app, 80, 24);
        assert_true(app_open_course(app));
        if (from_map) {
            type_keys(app, "x");
        } else {
            app_key(app, (ui_key){UI_KEY_ENTER, 0});
            app_key(app, (ui_key){UI_KEY_ENTER, 0});
        }
        ui_screen *top = app_top(app);
        assert_string_equal(top->ops->name, "exercise");
        /* the map skips the one that passes; the reader opens the focused block */
        assert_string_equal(exercise_screen_id(top), from_map ? "w4a1/L_model_forward" : "w4a1/linear_forward");
        app_free(app);
        lesson_course_free(course);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_exercise_state_matches_its_golden_text),
        cmocka_unit_test(a_result_is_recorded_in_the_progress),
        cmocka_unit_test(the_reader_and_the_map_show_each_exercise_s_status),
        cmocka_unit_test(the_reader_and_the_map_open_the_right_exercise),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
