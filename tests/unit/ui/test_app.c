/*
 * test_app.c — key → action → state: the course map, the reader, quizzes,
 * the way forward, language, help, back and quit. Uses the fixture course.
 */
#include <locale.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "keymap.h"
#include "progress.h"
#include "ui_fixture.h"

typedef struct world {
    lesson_course *course;
    ui_app *app;
    ui_progress *progress;  /* owned by app */
    char *screen;           /* the last render */
    int cols;               /* the width show() renders at; 0 = 80 */
} world;

static int world_setup(void **state)
{
    world *w = calloc(1, sizeof *w);
    w->course = ui_fixture_course();
    if (!w->course)
        return -1;
    w->progress = progress_new();
    ui_app_config cfg = {.lang = UI_LANG_EN, .ascii = false, .color = true, .progress_path = NULL};
    w->app = app_new(w->course, w->progress, &cfg);
    app_resize(w->app, 80, 24);
    if (!app_open_course(w->app))
        return -1;
    *state = w;
    return 0;
}

static int world_teardown(void **state)
{
    world *w = *state;
    app_free(w->app);
    lesson_course_free(w->course);
    free(w->screen);
    free(w);
    return 0;
}

/* Renders at 80×24 and keeps the text in w->screen. */
static const char *show(world *w)
{
    ui_canvas *c = canvas_new(w->cols ? w->cols : 80, 24);
    app_render(w->app, c);
    free(w->screen);
    w->screen = canvas_to_text(c);
    canvas_free(c);
    return w->screen;
}

/* The last line of the screen: the key bar. */
static const char *keybar(world *w)
{
    show(w);
    const char *s = w->screen + strlen(w->screen) - 1;
    while (s > w->screen && s[-1] != '\n')
        s--;
    return s;
}

static void assert_on_screen(world *w, const char *text)
{
    show(w);
    if (!strstr(w->screen, text))
        fail_msg("'%s' not on screen:\n%s", text, w->screen);
}

static void assert_not_on_screen(world *w, const char *text)
{
    show(w);
    if (strstr(w->screen, text))
        fail_msg("'%s' unexpectedly on screen:\n%s", text, w->screen);
}

static unsigned key(world *w, ui_keycode code)
{
    return app_key(w->app, (ui_key){code, 0});
}

static unsigned ch(world *w, uint32_t c)
{
    return app_key(w->app, (ui_key){UI_KEY_CHAR, c});
}

static void type(world *w, const char *s)
{
    for (; *s; s++)
        ch(w, (unsigned char)*s);
}

static const char *top_name(world *w)
{
    return app_top(w->app)->ops->name;
}

static void the_map_marks_the_current_lesson_and_moves_the_selection(void **state)
{
    world *w = *state;
    assert_string_equal(top_name(w), "map");
    assert_on_screen(w, "\u25b8 Shapes");
    assert_on_screen(w, "\u00b7 Choices");
    assert_on_screen(w, "0/3 lessons done");
    assert_on_screen(w, "the shape of a matrix");  /* the selected lesson's concepts */
    ch(w, 'j');
    assert_on_screen(w, "activation functions");
    assert_on_screen(w, "\u00b7 Shapes");  /* prerequisite, not done */
    key(w, UI_KEY_DOWN);
    key(w, UI_KEY_DOWN);  /* past the end: stays on the last lesson */
    assert_on_screen(w, "backpropagation");
    key(w, UI_KEY_ENTER);
    assert_string_equal(top_name(w), "reader");
    assert_on_screen(w, "Week 3 \u00b7 Long lines");
    assert_string_equal(w->progress->position_lesson, "t3-a");
}

static void q_goes_back_from_a_lesson_and_quits_on_the_map(void **state)
{
    world *w = *state;
    key(w, UI_KEY_ENTER);
    assert_string_equal(top_name(w), "reader");
    assert_false(ch(w, 'q') & UI_QUIT);
    assert_string_equal(top_name(w), "map");
    key(w, UI_KEY_ENTER);
    assert_false(key(w, UI_KEY_ESC) & UI_QUIT);
    assert_string_equal(top_name(w), "map");
    assert_true(ch(w, 'q') & UI_QUIT);
}

static void ctrl_c_quits_from_anywhere(void **state)
{
    world *w = *state;
    key(w, UI_KEY_ENTER);
    assert_true(key(w, UI_KEY_CTRL_C) & UI_QUIT);
}

static void the_way_forward_appears_only_once_the_quiz_is_answered(void **state)
{
    world *w = *state;
    key(w, UI_KEY_ENTER);               /* t2-a page 1: no quiz */
    assert_non_null(strstr(keybar(w), "n next "));
    ch(w, 'n');
    assert_on_screen(w, "page 2/3");
    assert_null(strstr(keybar(w), "n next "));
    assert_on_screen(w, "Answer the question above to go on.");
    ch(w, 'n');                         /* not offered: nothing moves */
    key(w, UI_KEY_RIGHT);
    assert_on_screen(w, "page 2/3");
    assert_on_screen(w, "Answer the question on this page first.");
    key(w, UI_KEY_ENTER);               /* start typing */
    assert_on_screen(w, "Enter check answer");
    type(w, "4,2");
    assert_on_screen(w, "Answer: 4,2");
    key(w, UI_KEY_ENTER);
    assert_on_screen(w, "\u2717 Not right: 4,2.");
    assert_not_on_screen(w, "One row per unit");  /* no explanation yet */
    assert_on_screen(w, "page 2/3");              /* never an automatic jump */
    assert_non_null(strstr(keybar(w), "n next "));
    const progress_quiz *pq = progress_quiz_get(w->progress, "t2-q-shape");
    assert_non_null(pq);
    assert_int_equal(pq->tries, 1);
    assert_false(pq->right);
}

static void a_typed_answer_right_shows_the_tick_and_the_explanation(void **state)
{
    world *w = *state;
    key(w, UI_KEY_ENTER);
    ch(w, 'n');
    ch(w, 'h');
    assert_on_screen(w, "Hint 1: Rows are units.");
    assert_not_on_screen(w, "Columns are examples.");
    ch(w, 'h');
    assert_on_screen(w, "Hint 2: Columns are examples.");
    key(w, UI_KEY_ENTER);
    type(w, "[4, 400]");
    key(w, UI_KEY_ENTER);
    assert_on_screen(w, "\u2713 Right.");
    assert_on_screen(w, "One row per unit, one column per example.");
    assert_true(progress_quiz_get(w->progress, "t2-q-shape")->right);
}

static void typing_owns_q_l_and_question_mark_and_backspace_edits(void **state)
{
    world *w = *state;
    key(w, UI_KEY_ENTER);
    ch(w, 'n');
    key(w, UI_KEY_ENTER);
    ch(w, 'q');
    ch(w, 'L');
    ch(w, '?');
    ch(w, 0x4E2D);  /* 中: UTF-8 input */
    assert_string_equal(top_name(w), "reader");
    assert_false(app_help_open(w->app));
    assert_on_screen(w, "Answer: qL?中");
    key(w, UI_KEY_BACKSPACE);
    key(w, UI_KEY_BACKSPACE);
    assert_on_screen(w, "Answer: qL\u258f");
    key(w, UI_KEY_LEFT);
    key(w, UI_KEY_LEFT);
    ch(w, '(');
    key(w, UI_KEY_END);
    ch(w, ')');
    assert_on_screen(w, "Answer: (qL)\u258f");
    key(w, UI_KEY_HOME);
    key(w, UI_KEY_RIGHT);
    key(w, UI_KEY_BACKSPACE);
    assert_on_screen(w, "Answer: \u258fqL)");
    key(w, UI_KEY_ESC);  /* stops typing, stays on the page */
    assert_string_equal(top_name(w), "reader");
    assert_on_screen(w, "Answer: qL)");
}

static void a_choice_quiz_takes_digits_and_arrows(void **state)
{
    world *w = *state;
    ch(w, 'j');
    key(w, UI_KEY_ENTER);               /* t2-b: the choice quiz */
    assert_on_screen(w, "\u25b8 1) tanh");
    ch(w, '3');
    assert_on_screen(w, "\u2717 3) ReLU");
    assert_on_screen(w, "Not right: 3.");
    key(w, UI_KEY_UP);                  /* the cursor (on 3 after the pick), not the page */
    assert_on_screen(w, "\u25b8 2) sigmoid");
    key(w, UI_KEY_ENTER);
    assert_on_screen(w, "\u2713 Right.");
    assert_on_screen(w, "\u2713 2) sigmoid");
    assert_on_screen(w, "sigmoid squashes");
    const progress_quiz *pq = progress_quiz_get(w->progress, "t2-q-act");
    assert_int_equal(pq->tries, 2);
    assert_true(pq->right);
}

static void three_wrong_tries_reveal_the_answer(void **state)
{
    world *w = *state;
    ch(w, 'j');
    key(w, UI_KEY_ENTER);
    ch(w, '1');
    ch(w, '3');
    ch(w, '1');
    assert_on_screen(w, "The answer: 2) sigmoid");
    assert_on_screen(w, "sigmoid squashes");
}

/* Enter on a choice quiz whose cursor was never moved must not pick the
 * first entry (it did, and used a try). */
static void enter_on_an_untouched_choice_quiz_picks_nothing(void **state)
{
    world *w = *state;
    ch(w, 'j');
    key(w, UI_KEY_ENTER);               /* t2-b: the choice quiz */
    key(w, UI_KEY_ENTER);
    assert_null(progress_quiz_get(w->progress, "t2-q-act"));
    assert_not_on_screen(w, "Not right");
    assert_on_screen(w, "Pick an answer first");
    key(w, UI_KEY_DOWN);
    key(w, UI_KEY_ENTER);
    assert_on_screen(w, "\u2713 Right.");
    assert_int_equal(progress_quiz_get(w->progress, "t2-q-act")->tries, 1);
}

/* On a shape or number quiz a digit starts the answer (it was ignored
 * until Enter). */
static void a_digit_typed_on_a_shape_quiz_starts_the_answer(void **state)
{
    world *w = *state;
    key(w, UI_KEY_ENTER);
    ch(w, 'n');
    type(w, "4");
    assert_on_screen(w, "Answer: 4\u258f");
    type(w, " x 400");
    key(w, UI_KEY_ENTER);
    assert_on_screen(w, "\u2713 Right.");
    assert_true(progress_quiz_get(w->progress, "t2-q-shape")->right);
}

/* An answer that cannot be read says how to write one, keeps the typing
 * going, and uses no try. */
static void an_unreadable_answer_uses_no_try(void **state)
{
    world *w = *state;
    key(w, UI_KEY_ENTER);
    ch(w, 'n');
    type(w, "4;400");
    key(w, UI_KEY_ENTER);
    assert_on_screen(w, "I could not read that as a shape");
    assert_null(progress_quiz_get(w->progress, "t2-q-shape"));
    assert_on_screen(w, "Enter check answer");  /* still typing */
    for (int i = 0; i < 4; i++)
        key(w, UI_KEY_BACKSPACE);
    type(w, ",400");
    key(w, UI_KEY_ENTER);
    assert_on_screen(w, "\u2713 Right.");
    assert_int_equal(progress_quiz_get(w->progress, "t2-q-shape")->tries, 1);
}

static void a_wrong_answer_the_quiz_foresaw_gets_its_feedback(void **state)
{
    world *w = *state;
    key(w, UI_KEY_ENTER);
    ch(w, 'n');
    type(w, "(400,4)");
    key(w, UI_KEY_ENTER);
    assert_on_screen(w, "Not right: (400,4).");
    assert_on_screen(w, "Transposed: one row per unit.");
    key(w, UI_KEY_ENTER);
    type(w, "4,2");
    key(w, UI_KEY_ENTER);
    assert_on_screen(w, "Not right: 4,2.");
    assert_not_on_screen(w, "Transposed");
}

/* After three wrong tries the answer is shown; coming back to the page opens
 * the quiz again, and the lesson is done only once it is answered right. */
static void a_revealed_quiz_can_be_retried_and_only_right_answers_finish_a_lesson(void **state)
{
    world *w = *state;
    ch(w, 'j');
    key(w, UI_KEY_ENTER);
    ch(w, '1');
    ch(w, '3');
    ch(w, '1');
    assert_on_screen(w, "The answer: 2) sigmoid");
    assert_non_null(strstr(keybar(w), "Enter try again"));
    ch(w, 'n');                         /* the last page: not done, the quiz is wrong */
    assert_on_screen(w, "page 2/2");
    assert_false(progress_is_done(w->progress, "t2-b"));
    ch(w, 'p');
    assert_not_on_screen(w, "The answer: 2) sigmoid");  /* a new visit: open again */
    ch(w, '2');
    assert_on_screen(w, "\u2713 Right.");
    const progress_quiz *pq = progress_quiz_get(w->progress, "t2-q-act");
    assert_int_equal(pq->tries, 4);
    assert_true(pq->right);
    ch(w, 'n');
    assert_true(progress_is_done(w->progress, "t2-b"));
}

static void enter_on_a_revealed_quiz_starts_it_again(void **state)
{
    world *w = *state;
    ch(w, 'j');
    key(w, UI_KEY_ENTER);
    ch(w, '1');
    ch(w, '3');
    ch(w, '1');
    assert_on_screen(w, "The answer: 2) sigmoid");
    key(w, UI_KEY_ENTER);
    assert_not_on_screen(w, "The answer:");
    ch(w, '2');
    assert_on_screen(w, "\u2713 Right.");
}

static void the_map_shows_right_and_attempted_per_lesson(void **state)
{
    world *w = *state;
    ch(w, 'j');
    key(w, UI_KEY_ENTER);
    ch(w, '1');
    ch(w, 'q');
    assert_on_screen(w, "Choices");
    assert_on_screen(w, "0/1 \u2502");
    assert_on_screen(w, "right/attempted: 0/1 of 1");
}

static void a_lesson_is_done_on_its_last_page_with_its_quizzes_answered(void **state)
{
    world *w = *state;
    key(w, UI_KEY_ENTER);
    ch(w, 'n');
    ch(w, 'n');
    assert_on_screen(w, "page 2/3");
    key(w, UI_KEY_ENTER);
    type(w, "4,400");
    key(w, UI_KEY_ENTER);
    assert_false(progress_is_done(w->progress, "t2-a"));
    ch(w, 'n');
    assert_on_screen(w, "page 3/3");
    assert_true(progress_is_done(w->progress, "t2-a"));
    assert_on_screen(w, "End of the lesson: done.");
    ch(w, 'p');
    assert_on_screen(w, "page 2/3");
    ch(w, 'q');
    assert_on_screen(w, "\u2713 Shapes");
    assert_on_screen(w, "\u25b8 Choices");
    assert_on_screen(w, "1/3 lessons done");
}

static void l_switches_every_text_between_english_and_chinese(void **state)
{
    world *w = *state;
    assert_on_screen(w, "Course map");
    ch(w, 'L');
    assert_int_equal(app_ctx(w->app)->lang, UI_LANG_ZH);
    assert_on_screen(w, "课程地图");
    assert_on_screen(w, "形状");
    assert_on_screen(w, "帮助");
    key(w, UI_KEY_ENTER);
    assert_on_screen(w, "第一页");
    ch(w, 'L');
    assert_on_screen(w, "Page one");
}

static void question_mark_opens_help_and_any_key_closes_it(void **state)
{
    world *w = *state;
    ch(w, '?');
    assert_true(app_help_open(w->app));
    assert_on_screen(w, "Help: Course map");
    assert_on_screen(w, "The course map lists the weeks");
    ch(w, 'x');
    assert_false(app_help_open(w->app));
    assert_string_equal(top_name(w), "map");
    key(w, UI_KEY_ENTER);
    ch(w, '?');
    assert_on_screen(w, "Help: Lesson");
    for (int i = 0; i < 100; i++)  /* scrolling stops at the end of the text */
        ch(w, 'j');
    assert_on_screen(w, "Ctrl-C");
    ch(w, 'q');  /* closes the help, does not leave the lesson */
    assert_string_equal(top_name(w), "reader");
}

static void a_small_terminal_shows_the_too_small_screen(void **state)
{
    world *w = *state;
    ui_canvas *c = canvas_new(79, 24);
    app_render(w->app, c);
    char *s = canvas_to_text(c);
    assert_non_null(strstr(s, "terminal too small: need 80\u00d724, have 79\u00d724"));
    free(s);
    canvas_free(c);
    /* Keys do not act unseen behind the notice; q quits as it says. */
    key(w, UI_KEY_ENTER);
    assert_string_equal(top_name(w), "reader");
    app_resize(w->app, 70, 20);
    assert_int_equal(ch(w, 'n'), UI_NOTHING);
    assert_int_equal(key(w, UI_KEY_ENTER), UI_NOTHING);
    assert_string_equal(top_name(w), "reader");
    assert_true(ch(w, 'q') & UI_QUIT);
    app_resize(w->app, 80, 24);
    assert_string_equal(top_name(w), "reader");
}

static void a_lab_block_opens_its_lab_and_leaving_returns_to_the_page(void **state)
{
    world *w = *state;
    ch(w, 'j');
    key(w, UI_KEY_ENTER);
    ch(w, '2');
    ch(w, 'n');
    assert_on_screen(w, "page 2/2");
    assert_on_screen(w, "Open the stepper lab");
    key(w, UI_KEY_ENTER);
    assert_string_equal(top_name(w), "stepper");
    assert_true(w->progress->has_lab);
    assert_int_equal(w->progress->lab.n_layers, 2);
    key(w, UI_KEY_ESC);
    assert_string_equal(top_name(w), "reader");
    assert_on_screen(w, "page 2/2");
}

static void the_app_reopens_where_the_learner_left_off(void **state)
{
    (void)state;
    lesson_course *course = ui_fixture_course();
    ui_progress *p = progress_new();
    progress_set_position(p, "t2-a", 1);
    ui_app_config cfg = {.lang = UI_LANG_EN};
    ui_app *app = app_new(course, p, &cfg);
    assert_true(app_open_course(app));
    assert_int_equal(app_depth(app), 2);
    assert_string_equal(app_top(app)->ops->name, "reader");
    ui_canvas *c = canvas_new(80, 24);
    app_render(app, c);
    char *s = canvas_to_text(c);
    assert_non_null(strstr(s, "page 2/3"));
    free(s);
    canvas_free(c);
    app_free(app);
    lesson_course_free(course);
}

/* A fixed-seed stream of keys (a typing learner, a cat on the keyboard):
 * the app never crashes, never empties its stack without quitting, and
 * renders at odd sizes too. Run under the sanitizers in CI. */
static void random_keys_never_break_the_app(void **state)
{
    (void)state;
    static const ui_keycode codes[] = {
        UI_KEY_UP, UI_KEY_DOWN, UI_KEY_LEFT, UI_KEY_RIGHT, UI_KEY_PGUP, UI_KEY_PGDN, UI_KEY_HOME,
        UI_KEY_END, UI_KEY_ENTER, UI_KEY_ESC, UI_KEY_BACKSPACE, UI_KEY_TAB,
    };
    static const char chars[] = "jkgGnphq?L123456789 ,()x4";
    lesson_course *course = ui_fixture_course();
    ui_app_config cfg = {.lang = UI_LANG_EN};
    ui_app *app = app_new(course, progress_new(), &cfg);
    app_resize(app, 80, 24);
    assert_true(app_open_course(app));
    ui_canvas *c = canvas_new(80, 24);
    uint32_t seed = 12345;
    int steps = 0, labs = 0, readers = 0;
    bool small = false;  /* below 80×24: q and Esc quit from any screen */
    for (int i = 0; i < 4000; i++) {
        seed = seed * 1664525u + 1013904223u;
        uint32_t r = seed >> 8;
        ui_key k;
        if (r % 3 == 0)
            k = (ui_key){codes[(r / 3) % (sizeof codes / sizeof codes[0])], 0};
        else
            k = (ui_key){UI_KEY_CHAR, (uint32_t)(unsigned char)chars[(r / 3) % (sizeof chars - 1)]};
        bool back = k.code == UI_KEY_ESC || (k.code == UI_KEY_CHAR && k.ch == 'q');
        if (back && (small || (app_depth(app) == 1 && !app_help_open(app))))
            continue;  /* quitting would end the walk */
        unsigned bits = app_key(app, k);
        if (bits & UI_QUIT) {
            /* q and Esc on the last screen are skipped above: nothing else may quit. */
            fail_msg("quit at step %d", i);
        }
        steps++;
        assert_true(app_depth(app) >= 1);
        if (i % 97 == 0) {
            int w = 60 + (int)(r % 150), h = 15 + (int)(r % 50);
            canvas_resize(c, w, h);
            app_resize(app, w, h);
            small = w < 80 || h < 24;
        }
        app_render(app, c);
        labs += !strcmp(app_top(app)->ops->name, "stepper");
        readers += !strcmp(app_top(app)->ops->name, "reader");
    }
    /* The walk went through the map, the reader and a lab. */
    assert_true(steps > 3000);
    assert_true(readers > 100);
    assert_true(labs > 0);
    canvas_free(c);
    app_free(app);
    lesson_course_free(course);
}

/* A screen that gives q a meaning of its own. */
static void claim_render(const ui_screen *s, ui_canvas *c, ui_rect body, const ui_ctx *ctx)
{
    (void)s, (void)c, (void)body, (void)ctx;
}
static unsigned claim_key(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    (void)s, (void)key, (void)ctx;
    return UI_NOTHING;
}
static unsigned claim_back(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    (void)s, (void)key, (void)ctx;
    return UI_POP;
}
static const ui_binding claim_bindings[] = {
    {{UI_CH('S'), UI_CH('q')}, "S/q", NULL, claim_back, "back to the trainer", "返回训练器", NULL, NULL, NULL},
};
static const ui_keymap claim_keymap = UI_KEYMAP("claim", claim_bindings);
static const char *claim_help(const ui_screen *s, const ui_ctx *ctx)
{
    (void)s, (void)ctx;
    return "";
}
static void claim_destroy(ui_screen *s)
{
    free(s);
}

static void the_bar_does_not_offer_q_twice_with_two_meanings(void **state)
{
    world *w = *state;
    /* The map: q quits. */
    if (!strstr(keybar(w), "q quit"))
        fail_msg("no q quit: %s", keybar(w));
    static const ui_screen_ops ops = {.name = "claim", .render = claim_render, .on_key = claim_key,
                                      .keymap = &claim_keymap, .help = claim_help, .destroy = claim_destroy};
    ui_screen *s = calloc(1, sizeof *s);
    s->ops = &ops;
    assert_true(app_push(w->app, s));
    const char *bar = keybar(w);
    if (!strstr(bar, "S/q back to the trainer") || strstr(bar, "  q "))
        fail_msg("the bar contradicts the screen's q: %s", bar);
    assert_non_null(strstr(bar, "? help"));
}

/* A screen with more keys than the bar holds: what fits is shown, in table
 * order, and `?` says there are more (the help lists them all); with room
 * for all of them `?` is plain help again. */
static unsigned many_act(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    (void)s, (void)key, (void)ctx;
    return UI_REDRAW;
}
static const ui_binding many_bindings[] = {
    {{UI_CH('a')}, "a", NULL, many_act, "first action", "第一", "the first", "第一", NULL},
    {{UI_CH('b')}, "b", NULL, many_act, "second action", "第二", "the second", "第二", NULL},
    {{UI_CH('c')}, "c", NULL, many_act, "third action", "第三", "the third", "第三", NULL},
    {{UI_CH('d')}, "d", NULL, many_act, "fourth action", "第四", "the fourth", "第四", NULL},
    {{UI_CH('e')}, "e", NULL, many_act, "fifth action", "第五", "the fifth", "第五", NULL},
    {{UI_CH('f')}, "f", NULL, many_act, "sixth action", "第六", "the sixth", "第六", NULL},
};
static const ui_keymap many_keymap = UI_KEYMAP("many", many_bindings);

static void a_bar_that_cannot_show_every_key_says_more_keys(void **state)
{
    world *w = *state;
    static const ui_screen_ops ops = {.name = "many", .render = claim_render, .on_key = claim_key,
                                      .keymap = &many_keymap, .help = claim_help, .destroy = claim_destroy};
    ui_screen *s = calloc(1, sizeof *s);
    s->ops = &ops;
    assert_true(app_push(w->app, s));
    const char *bar = keybar(w);
    if (!strstr(bar, "a first action") || strstr(bar, "f sixth action") || !strstr(bar, "? more keys"))
        fail_msg("at 80 columns: %s", bar);
    app_resize(w->app, 200, 24);
    w->cols = 200;
    bar = keybar(w);
    if (!strstr(bar, "f sixth action") || strstr(bar, "more keys") || !strstr(bar, "? help"))
        fail_msg("at 200 columns: %s", bar);
}

/* The table decides: the first enabled row that matches acts, a row whose
 * action returns nothing lets the next one try, and the help lists every
 * row with a help line. */
static bool when_never(const ui_screen *s, const ui_ctx *ctx)
{
    (void)s, (void)ctx;
    return false;
}
static unsigned act_nothing(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    (void)s, (void)key, (void)ctx;
    return UI_NOTHING;
}
static unsigned act_pop(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    (void)s, (void)key, (void)ctx;
    return UI_POP;
}
static void the_table_dispatches_to_the_first_enabled_row_that_acts(void **state)
{
    (void)state;
    static const ui_binding rows[] = {
        {{UI_CH('x')}, "x", NULL, act_pop, "never", "never", "never", "never", when_never},
        {{UI_ANY_CHAR}, "any", NULL, act_nothing, NULL, NULL, NULL, NULL, NULL},
        {{UI_CH('y'), UI_CH('x')}, "x/y", NULL, many_act, "draw", "draw", "draws", "draws", NULL},
        {{UI_K(UI_KEY_ESC)}, "Esc", NULL, act_pop, NULL, NULL, "back", "back", NULL},
    };
    static const ui_keymap km = UI_KEYMAP("t", rows);
    ui_ctx ctx = {0};
    ui_screen s = {0};
    assert_int_equal(ui_keymap_dispatch(&km, &s, UI_CH('x'), &ctx), UI_REDRAW);
    assert_int_equal(ui_keymap_dispatch(&km, &s, UI_CH('z'), &ctx), UI_NOTHING);
    assert_int_equal(ui_keymap_dispatch(&km, &s, UI_K(UI_KEY_ESC), &ctx), UI_POP);
    assert_int_equal(ui_keymap_dispatch(&km, &s, UI_K(UI_KEY_ENTER), &ctx), UI_NOTHING);
    assert_true(ui_keymap_claims(&km, &s, &ctx, UI_CH('y')));
    assert_false(ui_keymap_claims(&km, &s, &ctx, UI_K(UI_KEY_TAB)));
    assert_string_equal(ui_keymap_help_at(&km, 0)->help_en, "never");
    assert_string_equal(ui_keymap_help_at(&km, 1)->help_en, "draws");
    assert_string_equal(ui_keymap_help_at(&km, 2)->help_en, "back");
    assert_null(ui_keymap_help_at(&km, 3));
}

/* t and s open the trainer and the stepper straight from the map; q comes back. */
static void the_map_opens_the_labs_directly(void **state)
{
    world *w = *state;
    assert_non_null(strstr(keybar(w), "t trainer"));
    ch(w, 't');
    assert_string_equal(top_name(w), "trainer");
    ch(w, 'q');
    assert_string_equal(top_name(w), "map");
    ch(w, 's');
    assert_string_equal(top_name(w), "stepper");
    assert_on_screen(w, "2-4-1 tanh");
    ch(w, 'q');
    assert_string_equal(top_name(w), "map");
}

/* The shipped course is longer than 80×24: the map says there is more
 * below (week 4 is out of sight at first) and, at the end, more above. */
static void the_map_marks_weeks_out_of_sight(void **state)
{
    (void)state;
    const char *root = getenv("DNN_TUTOR_SOURCE_ROOT");
    assert_non_null(root);
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/lessons", root);
    lesson_course *course = lesson_load_dir(dir);
    assert_non_null(course);
    assert_true(course->n_lessons > 20);
    ui_app_config cfg = {.lang = UI_LANG_EN, .color = true};
    ui_app *app = app_new(course, progress_new(), &cfg);
    app_resize(app, 80, 24);
    assert_true(app_open_course(app));
    ui_canvas *c = canvas_new(80, 24);
    app_render(app, c);
    char *text = canvas_to_text(c);
    assert_null(strstr(text, "Week 4"));
    /* The list's last row ends in ↓ just left of the separator. */
    assert_int_equal(canvas_cell(c, 39, 22)->ch, 0x2193);
    assert_int_equal(canvas_cell(c, 39, 2)->ch, ' ');
    free(text);
    app_key(app, (ui_key){UI_KEY_CHAR, 'G'});
    app_render(app, c);
    text = canvas_to_text(c);
    assert_non_null(strstr(text, "Week 4"));
    assert_int_equal(canvas_cell(c, 39, 2)->ch, 0x2191);
    free(text);
    canvas_free(c);
    app_free(app);
    lesson_course_free(course);
}

/* A terminal without UTF-8 cannot show Chinese: L says so (in English). */
static void l_without_utf8_explains_the_question_marks(void **state)
{
    (void)state;
    lesson_course *course = ui_fixture_course();
    ui_app_config cfg = {.lang = UI_LANG_EN, .ascii = true, .no_cjk = true};
    ui_app *app = app_new(course, progress_new(), &cfg);
    app_resize(app, 80, 24);
    assert_true(app_open_course(app));
    app_key(app, (ui_key){UI_KEY_CHAR, 'L'});
    ui_canvas *c = canvas_new(80, 24);
    app_render(app, c);
    char *text = canvas_to_text(c);
    assert_non_null(strstr(text, "Chinese needs a UTF-8 terminal"));
    free(text);
    app_key(app, (ui_key){UI_KEY_CHAR, 'L'});
    app_render(app, c);
    text = canvas_to_text(c);
    assert_null(strstr(text, "Chinese needs a UTF-8 terminal"));
    free(text);
    canvas_free(c);
    app_free(app);
    lesson_course_free(course);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
#define T(f) cmocka_unit_test_setup_teardown(f, world_setup, world_teardown)
    const struct CMUnitTest tests[] = {
        T(the_map_marks_the_current_lesson_and_moves_the_selection),
        T(q_goes_back_from_a_lesson_and_quits_on_the_map),
        T(ctrl_c_quits_from_anywhere),
        T(the_way_forward_appears_only_once_the_quiz_is_answered),
        T(a_typed_answer_right_shows_the_tick_and_the_explanation),
        T(typing_owns_q_l_and_question_mark_and_backspace_edits),
        T(a_choice_quiz_takes_digits_and_arrows),
        T(three_wrong_tries_reveal_the_answer),
        T(enter_on_an_untouched_choice_quiz_picks_nothing),
        T(a_digit_typed_on_a_shape_quiz_starts_the_answer),
        T(an_unreadable_answer_uses_no_try),
        T(a_wrong_answer_the_quiz_foresaw_gets_its_feedback),
        T(a_revealed_quiz_can_be_retried_and_only_right_answers_finish_a_lesson),
        T(enter_on_a_revealed_quiz_starts_it_again),
        T(the_map_shows_right_and_attempted_per_lesson),
        T(a_lesson_is_done_on_its_last_page_with_its_quizzes_answered),
        T(l_switches_every_text_between_english_and_chinese),
        T(question_mark_opens_help_and_any_key_closes_it),
        T(a_small_terminal_shows_the_too_small_screen),
        T(a_lab_block_opens_its_lab_and_leaving_returns_to_the_page),
        T(the_bar_does_not_offer_q_twice_with_two_meanings),
        T(the_map_opens_the_labs_directly),
        T(a_bar_that_cannot_show_every_key_says_more_keys),
        cmocka_unit_test(the_table_dispatches_to_the_first_enabled_row_that_acts),
        cmocka_unit_test(the_app_reopens_where_the_learner_left_off),
        cmocka_unit_test(random_keys_never_break_the_app),
        cmocka_unit_test(the_map_marks_weeks_out_of_sight),
        cmocka_unit_test(l_without_utf8_explains_the_question_marks),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
