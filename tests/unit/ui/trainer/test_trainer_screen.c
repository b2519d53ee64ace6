/*
 * test_trainer_screen.c — the trainer screen's keys, status line and worker:
 * each key acts at once and says what it did; the tick trains in the
 * background and the screen can be closed while it does.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dnn_test.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "trainer/trainer_screen_internal.h"
#include "keymap.h"
#include "monoclock.h"

#include <math.h>

static double now_ms(void)
{
    return 1000.0 * mono_seconds();
}

static ui_screen *open_screen(ui_lab_kind kind, ui_ctx *ctx)
{
    char err[256] = "";
    run_spec sp = runspec_default();
    ui_screen *s = trainer_screen_new(kind, &sp, ctx, err, sizeof err);
    if (!s)
        fail_msg("trainer_screen_new: %s", err);
    return s;
}

static unsigned press(ui_screen *s, ui_ctx *ctx, ui_keycode code, uint32_t ch)
{
    return s->ops->on_key(s, (ui_key){code, ch}, ctx);
}

static void status_of(ui_screen *s, const ui_ctx *ctx, char *buf, size_t size)
{
    trainer_screen *ts = (trainer_screen *)s;
    ts_lock(ts);
    trainer_view_status(ts, ctx, buf, size);
    ts_unlock(ts);
}

static void the_status_line_has_its_fixed_tokens(void **state)
{
    (void)state;
    ui_ctx ctx = {.lang = UI_LANG_EN, .color = true};
    ui_screen *s = open_screen(UI_LAB_TRAINER, &ctx);
    trainer_run(trainer_screen_model(s), 3400);
    trainer_screen_refresh(s, &ctx);
    char st[320];
    status_of(s, &ctx, st, sizeof st);
    /* The course's cost at 3400 is not printed by the course; the tokens are. */
    assert_non_null(strstr(st, "iter 3400  cost 0.2"));
    assert_non_null(strstr(st, "  acc "));
    assert_non_null(strstr(st, "%  lr 1.2  n_h 4  tanh  planar  0 it/s"));
    assert_null(strstr(st, "paused"));
    press(s, &ctx, UI_KEY_CHAR, ' ');
    status_of(s, &ctx, st, sizeof st);
    assert_non_null(strstr(st, "  paused"));
    /* Nothing runs while paused: no "0 it/s" (it pushed "paused" to a second row). */
    assert_non_null(strstr(st, "planar  paused"));
    assert_null(strstr(st, "it/s"));
    s->ops->destroy(s);
}

static void arrows_change_the_rate_and_hidden_units_and_say_so(void **state)
{
    (void)state;
    ui_ctx ctx = {.lang = UI_LANG_EN, .color = true};
    ui_screen *s = open_screen(UI_LAB_TRAINER, &ctx);
    trainer_screen *ts = (trainer_screen *)s;
    trainer_run(trainer_screen_model(s), 100);
    unsigned r = press(s, &ctx, UI_KEY_RIGHT, 0);
    assert_true(r & UI_REDRAW);
    assert_true(r & UI_ANIMATE);
    assert_near(trainer_lr(trainer_screen_model(s)), 1.5, 0);
    assert_int_equal(trainer_iterations(trainer_screen_model(s)), 100);
    assert_non_null(strstr(ts->note_en, "1.2"));
    assert_non_null(strstr(ts->note_en, "1.5"));
    press(s, &ctx, UI_KEY_CHAR, '-');
    assert_near(trainer_lr(trainer_screen_model(s)), 1.2, 0);
    press(s, &ctx, UI_KEY_UP, 0);
    char st[320];
    status_of(s, &ctx, st, sizeof st);
    assert_non_null(strstr(st, "n_h 5"));
    assert_non_null(strstr(st, "iter 0 "));
    assert_non_null(strstr(ts->note_en, "5 hidden units"));
    assert_non_null(strstr(ts->note_zh, "5 个隐藏单元"));
    /* Down to 1, then the floor holds with a note. */
    for (int i = 0; i < 6; i++)
        press(s, &ctx, UI_KEY_DOWN, 0);
    assert_int_equal(nn_dim(trainer_net(trainer_screen_model(s)), 1), 1);
    assert_non_null(strstr(ts->note_en, "1 to 50"));
    s->ops->destroy(s);
}

static void the_layers_input_line_rebuilds_or_explains(void **state)
{
    (void)state;
    ui_ctx ctx = {.lang = UI_LANG_EN, .color = true};
    ui_screen *s = open_screen(UI_LAB_TRAINER, &ctx);
    trainer_screen *ts = (trainer_screen *)s;
    press(s, &ctx, UI_KEY_CHAR, 'e');
    assert_true(ts->editing);
    assert_string_equal(ts->input, "2,4,1");
    for (int i = 0; i < 3; i++)
        press(s, &ctx, UI_KEY_BACKSPACE, 0);
    const char *typed = "6,3,1";
    for (const char *p = typed; *p; p++)
        press(s, &ctx, UI_KEY_CHAR, (uint32_t)*p);
    press(s, &ctx, UI_KEY_ENTER, 0);
    assert_false(ts->editing);
    assert_int_equal(nn_layers(trainer_net(trainer_screen_model(s))), 3);
    char st[320];
    status_of(s, &ctx, st, sizeof st);
    assert_non_null(strstr(st, "layers 6,3,1"));
    /* Two hidden layers: the deep rule chose week 4's defaults, and says so. */
    assert_non_null(strstr(ts->note_en, "Layers 2,6,3,1: a deep net, so week 4's defaults ReLU, randn/sqrt(n[l-1]), lr 0.0075;"));
    assert_non_null(strstr(ts->note_zh, "第 4 周的默认设置 ReLU、randn/sqrt(n[l-1])、学习率 0.0075"));
    assert_non_null(strstr(st, "lr 0.0075  layers 6,3,1  relu"));
    /* A last layer that is not 1 is refused with a reason, the network kept. */
    press(s, &ctx, UI_KEY_CHAR, 'e');
    press(s, &ctx, UI_KEY_BACKSPACE, 0);
    press(s, &ctx, UI_KEY_CHAR, '2');
    press(s, &ctx, UI_KEY_ENTER, 0);
    assert_true(ts->note_warn);
    assert_int_equal(nn_layers(trainer_net(trainer_screen_model(s))), 3);
    /* The list starts with the input size, as --layers does: planar has 2. */
    press(s, &ctx, UI_KEY_CHAR, 'e');
    for (int i = 0; i < 10; i++)
        press(s, &ctx, UI_KEY_BACKSPACE, 0);
    for (const char *p = "3,4,1"; *p; p++)
        press(s, &ctx, UI_KEY_CHAR, (uint32_t)*p);
    press(s, &ctx, UI_KEY_ENTER, 0);
    assert_true(ts->note_warn);
    assert_non_null(strstr(ts->note_en, "this data set has 2 features, not 3"));
    assert_int_equal(nn_layers(trainer_net(trainer_screen_model(s))), 3);
    s->ops->destroy(s);
}

static void keys_help_and_back_are_there_in_both_languages(void **state)
{
    (void)state;
    ui_ctx ctx = {.lang = UI_LANG_EN, .color = true};
    ui_screen *s = open_screen(UI_LAB_TRAINER, &ctx);
    ui_keyhelp keys[32];
    int n = ui_screen_bar_keys(s, &ctx, keys, 32);
    const char *want[] = {"space", "s", "a", "d", "r", "z", "w", "S", "l", "e"};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        bool found = false;
        for (int k = 0; k < n; k++)
            found = found || !strcmp(keys[k].key, want[i]);
        if (!found)
            fail_msg("key %s missing from the bar", want[i]);
    }
    /* q back is the app's own entry: the screen does not list it twice. */
    for (int k = 0; k < n; k++)
        assert_string_not_equal(keys[k].key, "q");
    const char *en = s->ops->help(s, &ctx);
    ctx.lang = UI_LANG_ZH;
    const char *zh = s->ops->help(s, &ctx);
    assert_true(strlen(en) > 1000 && strlen(zh) > 1000);
    assert_non_null(strstr(en, "diverged"));
    assert_non_null(strstr(zh, "发散"));
    assert_int_equal(press(s, &ctx, UI_KEY_CHAR, 'q'), UI_POP);
    s->ops->destroy(s);
}

/* The bar offers what the keys do now: space says "go on" while paused;
 * ↑↓ (one hidden layer) and w (maps of the plane) only where they apply;
 * while the layers line is edited the app's ? L q are typed, not obeyed. */
static void the_bar_follows_the_state_and_the_network(void **state)
{
    (void)state;
    ui_ctx ctx = {.lang = UI_LANG_EN, .color = true};
    ui_screen *s = open_screen(UI_LAB_TRAINER, &ctx);
    ui_keyhelp keys[32];
    int n = ui_screen_bar_keys(s, &ctx, keys, 32);
    assert_string_equal(keys[0].key, "space");
    assert_string_equal(keys[0].en, "pause");
    press(s, &ctx, UI_KEY_CHAR, ' ');
    n = ui_screen_bar_keys(s, &ctx, keys, 32);
    assert_string_equal(keys[0].en, "go on");
    assert_false(ctx.text_input);
    press(s, &ctx, UI_KEY_CHAR, 'e');
    assert_true(ctx.text_input);
    press(s, &ctx, UI_KEY_ESC, 0);
    assert_false(ctx.text_input);
    s->ops->destroy(s);
    s = open_screen(UI_LAB_DEEP_TRAINER, &ctx);
    n = ui_screen_bar_keys(s, &ctx, keys, 32);
    for (int k = 0; k < n; k++) {
        assert_string_not_equal(keys[k].key, "w");
        assert_string_not_equal(keys[k].en, "n_h");
    }
    trainer_screen *ts = (trainer_screen *)s;
    press(s, &ctx, UI_KEY_CHAR, 'w');
    assert_false(ts->unit_maps);
    assert_non_null(strstr(ts->note_en, "no such plane"));
    s->ops->destroy(s);
}

/* The deep lab fills in what was not given (spec->given), whatever the
 * values: an explicit --lr 1.2 or --dataset planar is kept. */
static void the_deep_lab_defaults_only_what_was_not_given(void **state)
{
    (void)state;
    ui_ctx ctx = {.lang = UI_LANG_EN, .color = true};
    char err[256] = "";
    run_spec sp = runspec_default();
    ui_screen *s = trainer_screen_new(UI_LAB_DEEP_TRAINER, &sp, &ctx, err, sizeof err);
    assert_non_null(s);
    const trainer *t = trainer_screen_model(s);
    assert_near(trainer_lr(t), 0.0075, 0);
    assert_string_equal(trainer_spec(t)->dataset, "digits");
    assert_int_equal(nn_activation(trainer_net(t), 1), ACT_RELU);
    s->ops->destroy(s);

    assert_true(runspec_set(&sp, RUNSPEC_LR, "1.2", err, sizeof err));
    assert_true(runspec_set(&sp, RUNSPEC_DATASET, "planar", err, sizeof err));
    assert_true(runspec_set(&sp, RUNSPEC_ACTIVATION, "tanh", err, sizeof err));
    s = trainer_screen_new(UI_LAB_DEEP_TRAINER, &sp, &ctx, err, sizeof err);
    assert_non_null(s);
    t = trainer_screen_model(s);
    assert_exact(trainer_lr(t), 1.2);
    assert_string_equal(trainer_spec(t)->dataset, "planar");
    assert_int_equal(nn_layers(trainer_net(t)), 4);
    assert_int_equal(nn_activation(trainer_net(t), 1), ACT_TANH);
    s->ops->destroy(s);
}

static void the_sweep_view_opens_and_closes(void **state)
{
    (void)state;
    ui_ctx ctx = {.lang = UI_LANG_EN, .color = true};
    ui_screen *s = open_screen(UI_LAB_TRAINER, &ctx);
    trainer_screen *ts = (trainer_screen *)s;
    unsigned r = press(s, &ctx, UI_KEY_CHAR, 'S');
    assert_int_equal(ts->view, TS_VIEW_SWEEP);
    assert_true(r & UI_ANIMATE);
    char st[320];
    status_of(s, &ctx, st, sizeof st);
    assert_non_null(strstr(st, "sweep 1/7  n_h 1  0/5000"));
    r = press(s, &ctx, UI_KEY_CHAR, 'q');
    assert_int_equal(ts->view, TS_VIEW_TRAIN);
    assert_false(r & UI_POP);
    s->ops->destroy(s);
    /* Opened as the sweep lab, q leaves the lab. */
    s = open_screen(UI_LAB_SWEEP, &ctx);
    assert_int_equal(((trainer_screen *)s)->view, TS_VIEW_SWEEP);
    assert_true(press(s, &ctx, UI_KEY_CHAR, 'q') & UI_POP);
    s->ops->destroy(s);
}

/* The screen drawn at w × h, as text (caller frees). */
static char *screen_text(ui_screen *s, const ui_ctx *ctx, int w, int h)
{
    ui_canvas *c = canvas_new(w, h);
    assert_non_null(c);
    s->ops->render(s, c, (ui_rect){0, 0, w, h - 1}, ctx);
    char *text = canvas_to_text(c);
    canvas_free(c);
    return text;
}

static void the_sweep_compares_with_the_course_only_for_the_course_run(void **state)
{
    (void)state;
    ui_ctx ctx = {.lang = UI_LANG_EN, .color = true};
    ui_screen *s = open_screen(UI_LAB_TRAINER, &ctx);
    press(s, &ctx, UI_KEY_CHAR, 'S');
    char *text = screen_text(s, &ctx, 80, 24);
    assert_non_null(strstr(text, "3: 90.75  4: 90.50"));
    free(text);
    /* Another rate: the course's accuracies would mislead. */
    press(s, &ctx, UI_KEY_CHAR, 'S');
    press(s, &ctx, UI_KEY_RIGHT, 0);
    press(s, &ctx, UI_KEY_CHAR, 'S');
    text = screen_text(s, &ctx, 80, 24);
    assert_null(strstr(text, "90.75"));
    assert_non_null(strstr(text, "figures are for"));
    free(text);
    s->ops->destroy(s);
}

static void a_network_without_a_hidden_layer_is_called_logistic_regression(void **state)
{
    (void)state;
    ui_ctx ctx = {.lang = UI_LANG_EN, .color = true};
    char err[256] = "";
    run_spec sp = runspec_default();
    sp.hidden = 0;
    sp.n_layers = 1;
    sp.layers[0] = 1;
    sp.init = NN_INIT_ZEROS;
    ui_screen *s = trainer_screen_new(UI_LAB_TRAINER, &sp, &ctx, err, sizeof err);
    if (!s)
        fail_msg("trainer_screen_new: %s", err);
    char *text = screen_text(s, &ctx, 100, 30);
    assert_non_null(strstr(text, "Live trainer: planar, logistic regression (no hidden layer)"));
    assert_null(strstr(text, "1 layers"));
    free(text);
    s->ops->destroy(s);
}

static void the_other_keys_rebuild_and_a_nan_is_explained(void **state)
{
    (void)state;
    ui_ctx ctx = {.lang = UI_LANG_EN, .color = true};
    ui_screen *s = open_screen(UI_LAB_TRAINER, &ctx);
    trainer_screen *ts = (trainer_screen *)s;
    char st[320];
    press(s, &ctx, UI_KEY_CHAR, 'a');
    status_of(s, &ctx, st, sizeof st);
    assert_non_null(strstr(st, "  relu  planar"));
    press(s, &ctx, UI_KEY_CHAR, 'd');
    status_of(s, &ctx, st, sizeof st);
    assert_non_null(strstr(st, "  relu  circles"));
    assert_non_null(strstr(ts->note_en, "Data set circles"));
    press(s, &ctx, UI_KEY_CHAR, 'z');
    assert_true(trainer_zero_initialised(trainer_screen_model(s)));
    assert_non_null(strstr(ts->note_en, "identical"));
    press(s, &ctx, UI_KEY_CHAR, 'r');
    assert_false(trainer_zero_initialised(trainer_screen_model(s)));
    assert_non_null(strstr(ts->note_en, "Re-initialised"));
    press(s, &ctx, UI_KEY_CHAR, 'w');
    assert_true(ts->unit_maps);
    press(s, &ctx, UI_KEY_CHAR, 'l');
    assert_true(ts->log_y);
    /* A hand-made NaN, then one step: paused, "diverged", words and advice. */
    mat_set(nn_param(trainer_net_mut(trainer_screen_model(s)), NN_W, 1), 0, 0, NAN);
    press(s, &ctx, UI_KEY_CHAR, 's');
    status_of(s, &ctx, st, sizeof st);
    assert_non_null(strstr(st, "  diverged"));
    assert_non_null(strstr(st, "acc -"));
    assert_true(ts->note_warn);
    assert_non_null(strstr(ts->note_en, "NaN/inf"));
    assert_non_null(strstr(ts->note_en, "lower the rate"));
    /* space cannot go on after NaN; it says so again. */
    assert_false(press(s, &ctx, UI_KEY_CHAR, ' ') & UI_ANIMATE);
    assert_non_null(strstr(ts->note_en, "NaN/inf"));
    press(s, &ctx, UI_KEY_CHAR, 'r');
    status_of(s, &ctx, st, sizeof st);
    assert_null(strstr(st, "diverged"));
    s->ops->destroy(s);
}

/* A saturated output is named as such, not as overshooting weights. */
static void a_saturated_output_is_named_with_log_0(void **state)
{
    (void)state;
    ui_ctx ctx = {.lang = UI_LANG_EN, .color = true};
    ui_screen *s = open_screen(UI_LAB_TRAINER, &ctx);
    trainer_screen *ts = (trainer_screen *)s;
    mat_set(nn_param(trainer_net_mut(trainer_screen_model(s)), NN_B, 2), 0, 0, 1000.0);
    press(s, &ctx, UI_KEY_CHAR, 's');
    assert_true(ts->note_warn);
    assert_non_null(strstr(ts->note_en, "200 output(s) saturated, e.g. sigma = 1.0 on a point labelled 0"));
    assert_non_null(strstr(ts->note_en, "log(0)"));
    assert_non_null(strstr(ts->note_en, "every weight is finite"));
    assert_null(strstr(ts->note_en, "NaN/inf"));
    assert_non_null(strstr(ts->note_zh, "σ = 1.0 而标签是 0"));
    char st[320];
    status_of(s, &ctx, st, sizeof st);
    assert_non_null(strstr(st, "  diverged"));
    assert_null(strstr(st, "acc -"));  /* the weights are finite: the accuracy is shown */
    s->ops->destroy(s);
}

/* In Chinese the status line's words are Chinese, the state word too. */
static void the_status_line_speaks_chinese(void **state)
{
    (void)state;
    ui_ctx ctx = {.lang = UI_LANG_ZH, .color = true};
    ui_screen *s = open_screen(UI_LAB_TRAINER, &ctx);
    trainer_run(trainer_screen_model(s), 100);
    press(s, &ctx, UI_KEY_CHAR, ' ');
    char st[320];
    status_of(s, &ctx, st, sizeof st);
    assert_non_null(strstr(st, "迭代 100  代价 "));
    assert_non_null(strstr(st, "准确率 "));
    assert_non_null(strstr(st, "学习率 1.2"));
    assert_non_null(strstr(st, "已暂停"));
    assert_null(strstr(st, "paused"));
    assert_null(strstr(st, "iter "));
    s->ops->destroy(s);
}

/* The sweep's note: the sizes, then the iterations in a sentence apart. */
static void the_sweep_note_keeps_the_iterations_apart_from_the_sizes(void **state)
{
    (void)state;
    ui_ctx ctx = {.lang = UI_LANG_EN, .color = true};
    ui_screen *s = open_screen(UI_LAB_TRAINER, &ctx);
    trainer_screen *ts = (trainer_screen *)s;
    press(s, &ctx, UI_KEY_CHAR, 'S');
    assert_non_null(strstr(ts->note_en, "1, 2, 3, 4, 5, 20, 50. Each size trains 5000 iterations at lr 1.2"));
    assert_null(strstr(ts->note_en, "50, 5000"));
    assert_non_null(strstr(ts->note_zh, "以学习率 1.2 训练 5000 次迭代"));
    s->ops->destroy(s);
}

/* --iterations from the command line pauses there too, and says so without
 * a lesson. */
static void the_iterations_option_pauses_without_speaking_of_a_lesson(void **state)
{
    (void)state;
    ui_ctx ctx = {.lang = UI_LANG_EN, .color = true};
    ui_screen *s = open_screen(UI_LAB_TRAINER, &ctx);
    trainer_screen *ts = (trainer_screen *)s;
    trainer_screen_stop_at_option(s, 20);
    assert_non_null(strstr(ts->note_en, "pauses at iteration 20 (--iterations)"));
    ts_lock(ts);
    ts_note_stopped(ts);
    ts_unlock(ts);
    assert_null(strstr(ts->note_en, "lesson"));
    assert_non_null(strstr(ts->note_en, "--iterations"));
    assert_null(strstr(ts->note_zh, "本课"));
    s->ops->destroy(s);
}

/* A deep network opened without options says which defaults it chose. */
static void the_deep_lab_says_which_defaults_it_chose(void **state)
{
    (void)state;
    ui_ctx ctx = {.lang = UI_LANG_EN, .color = true};
    ui_screen *s = open_screen(UI_LAB_DEEP_TRAINER, &ctx);
    trainer_screen *ts = (trainer_screen *)s;
    assert_non_null(strstr(ts->note_en, "Week 4's defaults for a deep net: "));
    assert_non_null(strstr(ts->note_en, "ReLU, randn/sqrt(n[l-1]), lr 0.0075"));
    s->ops->destroy(s);
    char err[256];
    run_spec sp = runspec_default();
    assert_true(runspec_set(&sp, RUNSPEC_LR, "0.01", err, sizeof err));
    assert_true(runspec_set(&sp, RUNSPEC_ACTIVATION, "tanh", err, sizeof err));
    s = trainer_screen_new(UI_LAB_DEEP_TRAINER, &sp, &ctx, err, sizeof err);
    assert_non_null(s);
    ts = (trainer_screen *)s;
    assert_non_null(strstr(ts->note_en, "defaults for a deep net: randn/sqrt(n[l-1])."));
    assert_near(trainer_lr(trainer_screen_model(s)), 0.01, 0);
    s->ops->destroy(s);
}

/* The status line's iteration, cost and accuracy are of one moment, the
 * network as it is now: not the last sample of the curve (issue 12). */
static void the_status_line_numbers_are_the_network_as_it_is_now(void **state)
{
    (void)state;
    ui_ctx ctx = {.lang = UI_LANG_EN, .color = true};
    ui_screen *s = open_screen(UI_LAB_TRAINER, &ctx);
    char st[320];
    /* s from fresh weights, 21 times: the cost after 21 updates, as
     * `train --print-every 1` prints it (it showed 0.693048 for 22 steps). */
    for (int i = 0; i < 21; i++)
        press(s, &ctx, UI_KEY_CHAR, 's');
    status_of(s, &ctx, st, sizeof st);
    assert_non_null(strstr(st, "iter 21  cost 0.675254  "));
    /* 1000 iterations: the course's cost after iteration 1000, not 990's. */
    trainer_run(trainer_screen_model(s), 979);
    trainer_screen_refresh(s, &ctx);
    status_of(s, &ctx, st, sizeof st);
    assert_non_null(strstr(st, "iter 1000  cost 0.288083  "));
    /* r, then space: iteration 0 and the fresh weights' cost, not the last run's. */
    press(s, &ctx, UI_KEY_CHAR, 'r');
    press(s, &ctx, UI_KEY_CHAR, ' ');
    status_of(s, &ctx, st, sizeof st);
    assert_non_null(strstr(st, "iter 0  cost 0.693048  "));
    s->ops->destroy(s);
}

/* Paused with older numbers on screen (the worker measured them some
 * iterations ago), the state word does not say "paused" beside them: it says
 * "pausing…" until the numbers are of the iteration it stopped at, and the
 * next tick measures them when that is quick. (A CI run read "paused" and an
 * iteration 400 behind the one the pause kept.) */
static void paused_is_shown_with_the_numbers_of_the_paused_iteration(void **state)
{
    (void)state;
    ui_ctx ctx = {.lang = UI_LANG_EN, .color = true};
    ui_screen *s = open_screen(UI_LAB_TRAINER, &ctx);
    trainer_screen_refresh(s, &ctx);
    /* As the worker leaves it when space comes between two refreshes. */
    trainer_run(trainer_screen_model(s), 1000);
    trainer_set_paused(trainer_screen_model(s), true);
    char st[320];
    status_of(s, &ctx, st, sizeof st);
    assert_non_null(strstr(st, "iter 0  "));
    assert_non_null(strstr(st, "  pausing\xe2\x80\xa6"));
    assert_null(strstr(st, "paused"));
    ctx.now_ms = now_ms();
    unsigned r = s->ops->tick(s, 5.0, &ctx);
    assert_true(r & UI_REDRAW);
    status_of(s, &ctx, st, sizeof st);
    assert_non_null(strstr(st, "iter 1000  cost 0.288083  "));
    assert_non_null(strstr(st, "  paused"));
    assert_null(strstr(st, "pausing"));
    /* In ASCII the dots are three. */
    ui_ctx ascii = ctx;
    ascii.ascii = true;
    trainer_run(trainer_screen_model(s), 1);
    status_of(s, &ascii, st, sizeof st);
    assert_non_null(strstr(st, "  pausing..."));
    s->ops->destroy(s);
}

/* r, z, a and d while paused keep it paused; space goes on. */
static void rebuilding_while_paused_keeps_the_pause(void **state)
{
    (void)state;
    ui_ctx ctx = {.lang = UI_LANG_EN, .color = true};
    ui_screen *s = open_screen(UI_LAB_TRAINER, &ctx);
    trainer *t = trainer_screen_model(s);
    press(s, &ctx, UI_KEY_CHAR, ' ');
    assert_int_equal(trainer_state_of(t), TRAINER_PAUSED);
    static const char keys[] = {'r', 'z', 'a', 'd'};
    for (size_t i = 0; i < sizeof keys; i++) {
        unsigned r = press(s, &ctx, UI_KEY_CHAR, keys[i]);
        assert_int_equal(trainer_state_of(t), TRAINER_PAUSED);
        assert_false(r & UI_ANIMATE);
    }
    press(s, &ctx, UI_KEY_CHAR, ' ');
    assert_int_equal(trainer_state_of(t), TRAINER_RUNNING);
    s->ops->destroy(s);
}

/* The pace: , and . step through 1, 10, 100, 1000 it/s and full speed; the
 * worker may run what the clock allows (given clock values, no waiting). */
static void the_pace_allows_iterations_as_the_clock_goes(void **state)
{
    (void)state;
    ui_ctx ctx = {.lang = UI_LANG_EN, .color = true};
    ui_screen *s = open_screen(UI_LAB_TRAINER, &ctx);
    trainer_screen *ts = (trainer_screen *)s;
    char st[320];
    assert_true(ts_pace_rate(ts) == 0);
    press(s, &ctx, UI_KEY_CHAR, ',');
    press(s, &ctx, UI_KEY_CHAR, ',');
    press(s, &ctx, UI_KEY_CHAR, ',');
    assert_true(ts_pace_rate(ts) == 10);
    assert_non_null(strstr(ts->note_en, "Now pace 10 it/s"));
    status_of(s, &ctx, st, sizeof st);
    assert_non_null(strstr(st, "pace 10 it/s"));
    ts_lock(ts);
    double wait = 0;
    ts_pace_restart(ts, 1000.0);
    assert_int_equal(ts_pace_allow(ts, 64, 1000.0, &wait), 0);
    assert_true(wait > 99.0 && wait <= 100.0);
    assert_int_equal(ts_pace_allow(ts, 64, 1250.0, &wait), 2);
    ts_pace_ran(ts, trainer_run(ts->model, 2));
    assert_int_equal(ts_pace_allow(ts, 64, 1250.0, &wait), 0);
    assert_true(wait > 49.0 && wait <= 50.0);
    assert_int_equal(ts_pace_allow(ts, 64, 11000.0, &wait), 64);
    ts_unlock(ts);
    /* Down to 1 it/s, not below; up to full speed, not above. */
    press(s, &ctx, UI_KEY_CHAR, ',');
    press(s, &ctx, UI_KEY_CHAR, ',');
    assert_non_null(strstr(ts->note_en, "Already at pace 1 it/s"));
    for (int i = 0; i < 5; i++)
        press(s, &ctx, UI_KEY_CHAR, '.');
    assert_true(ts_pace_rate(ts) == 0);
    assert_non_null(strstr(ts->note_en, "Already at full speed"));
    s->ops->destroy(s);
}

static void ticks_train_in_the_background_and_closing_stops_the_worker(void **state)
{
    (void)state;
    ui_ctx ctx = {.lang = UI_LANG_EN, .color = true};
    ui_screen *s = open_screen(UI_LAB_TRAINER, &ctx);
    ui_canvas *c = canvas_new(80, 24);
    double deadline = now_ms() + 20000.0;
    long seen = 0;
    unsigned r = 0;
    /* Frames as the loop makes them: tick, render, then wait for the next
     * frame (the loop waits for a key that long), until training shows.
     * Without the wait this thread would take the lock back at once, which
     * starves the worker where threads share one CPU (valgrind). */
    while (now_ms() < deadline) {
        double frame = now_ms();
        ctx.now_ms = frame;
        r = s->ops->tick(s, 5.0, &ctx);
        s->ops->render(s, c, (ui_rect){0, 0, 80, 23}, &ctx);
        ts_lock((trainer_screen *)s);
        seen = trainer_iterations(trainer_screen_model(s));
        /* A small network's iterations are never cut for the UI thread:
         * it finds the network between two, where it measures every frame. */
        assert_false(trainer_mid_iteration(trainer_screen_model(s)));
        ts_unlock((trainer_screen *)s);
        if (seen >= 2000)
            break;
        double rest = frame + 33.0 - now_ms();
        if (rest > 0)
            nanosleep(&(struct timespec){0, (long)(rest * 1e6)}, NULL);
    }
    assert_true(seen >= 2000);
    assert_true(r & UI_ANIMATE);
    /* A key while the worker runs acts at once. */
    press(s, &ctx, UI_KEY_CHAR, ' ');
    ts_lock((trainer_screen *)s);
    long at_pause = trainer_iterations(trainer_screen_model(s));
    ts_unlock((trainer_screen *)s);
    /* The ticks go on only until the worker brought the caches of the
     * paused network, then stop; nothing trained meanwhile. */
    deadline = now_ms() + 20000.0;
    do {
        nanosleep(&(struct timespec){0, 2000000L}, NULL); /* a frame's wait, shortened */
        ctx.now_ms = now_ms();
        r = s->ops->tick(s, 5.0, &ctx);
    } while ((r & UI_ANIMATE) && now_ms() < deadline);
    assert_false(r & UI_ANIMATE);
    ts_lock((trainer_screen *)s);
    assert_int_equal(((trainer_screen *)s)->now.iterations, at_pause);
    assert_int_equal(trainer_iterations(trainer_screen_model(s)), at_pause);
    ts_unlock((trainer_screen *)s);
    press(s, &ctx, UI_KEY_CHAR, ' ');
    ctx.now_ms = now_ms();
    s->ops->tick(s, 5.0, &ctx);
    canvas_free(c);
    s->ops->destroy(s); /* while training: joins the worker */
}

/* Opened from a lesson with a run of N iterations, the trainer pauses once at
 * exactly N (so the status line can be compared with the lesson), says so,
 * and the frame after shows it; space then trains on past N. */
static void a_lesson_run_length_pauses_the_trainer_once_at_that_iteration(void **state)
{
    (void)state;
    ui_ctx ctx = {.lang = UI_LANG_EN, .color = true};
    ui_screen *s = open_screen(UI_LAB_TRAINER, &ctx);
    trainer_screen *ts = (trainer_screen *)s;
    trainer_screen_stop_at(s, 3000);
    assert_non_null(strstr(ts->note_en, "pauses at iteration 3000"));
    double deadline = now_ms() + 20000.0;
    unsigned r = UI_ANIMATE;
    while ((r & UI_ANIMATE) && now_ms() < deadline) {
        ctx.now_ms = now_ms();
        r = s->ops->tick(s, 5.0, &ctx);
    }
    assert_false(r & UI_ANIMATE);
    assert_true(r & UI_REDRAW);  /* the paused state is drawn, not left stale */
    ts_lock(ts);
    assert_int_equal(trainer_iterations(trainer_screen_model(s)), 3000);
    assert_int_equal(trainer_state_of(trainer_screen_model(s)), TRAINER_PAUSED);
    ts_unlock(ts);
    assert_non_null(strstr(ts->note_en, "Paused at iteration 3000"));
    char st[320];
    status_of(s, &ctx, st, sizeof st);
    assert_non_null(strstr(st, "iter 3000  "));
    /* Only once: going on runs past it. */
    press(s, &ctx, UI_KEY_CHAR, ' ');
    deadline = now_ms() + 20000.0;
    long seen = 0;
    while (seen <= 3500 && now_ms() < deadline) {
        ctx.now_ms = now_ms();
        s->ops->tick(s, 5.0, &ctx);
        ts_lock(ts);
        seen = trainer_iterations(trainer_screen_model(s));
        ts_unlock(ts);
    }
    assert_true(seen > 3500);
    s->ops->destroy(s);
}

/* Ticks until the screen stops animating (the worker paused) or 20 s pass. */
static void tick_until_still(ui_screen *s, ui_ctx *ctx)
{
    double deadline = now_ms() + 20000.0;
    unsigned r = UI_ANIMATE;
    while ((r & UI_ANIMATE) && now_ms() < deadline) {
        ctx->now_ms = now_ms();
        r = s->ops->tick(s, 5.0, ctx);
        nanosleep(&(struct timespec){0, 2000000}, NULL);
    }
    assert_false(r & UI_ANIMATE);
}

static void p_pauses_at_every_1000th_iteration_with_the_course_cost(void **state)
{
    (void)state;
    ui_ctx ctx = {.lang = UI_LANG_EN, .color = true};
    ui_screen *s = open_screen(UI_LAB_TRAINER, &ctx);
    trainer_screen *ts = (trainer_screen *)s;
    press(s, &ctx, UI_KEY_CHAR, 'p');
    assert_non_null(strstr(ts->note_en, "every 1000th"));
    tick_until_still(s, &ctx);
    ts_lock(ts);
    assert_int_equal(trainer_iterations(ts->model), 1000);
    assert_int_equal(trainer_state_of(ts->model), TRAINER_PAUSED);
    ts_unlock(ts);
    assert_non_null(strstr(ts->note_en, "Paused at iteration 1000 (p: every 1000): cost 0.288083."));
    press(s, &ctx, UI_KEY_CHAR, ' ');
    tick_until_still(s, &ctx);
    ts_lock(ts);
    assert_int_equal(trainer_iterations(ts->model), 2000);
    ts_unlock(ts);
    assert_non_null(strstr(ts->note_en, "cost 0.254385"));
    s->ops->destroy(s);
}

static void a_flat_cost_pauses_the_trainer_by_itself_once(void **state)
{
    (void)state;
    ui_ctx ctx = {.lang = UI_LANG_EN, .color = true};
    char err[256] = "";
    run_spec sp = runspec_default();
    sp.hidden = 0; /* logistic regression on planar: flat after a few thousand */
    ui_screen *s = trainer_screen_new(UI_LAB_TRAINER, &sp, &ctx, err, sizeof err);
    assert_non_null(s);
    trainer_screen *ts = (trainer_screen *)s;
    tick_until_still(s, &ctx);
    ts_lock(ts);
    long at = trainer_iterations(ts->model);
    assert_int_equal(trainer_state_of(ts->model), TRAINER_PAUSED);
    ts_unlock(ts);
    assert_true(at >= TRAINER_FLAT_SPAN);
    assert_non_null(strstr(ts->note_en, "by itself: the cost changed by less than 0.01% over the last 10000"));
    /* space goes on, and it does not stop again on the same flat curve. */
    press(s, &ctx, UI_KEY_CHAR, ' ');
    double deadline = now_ms() + 20000.0;
    long seen = at;
    while (seen < at + 3 * TRAINER_FLAT_SPAN && now_ms() < deadline) {
        ctx.now_ms = now_ms();
        s->ops->tick(s, 5.0, &ctx);
        ts_lock(ts);
        seen = trainer_iterations(ts->model);
        assert_int_equal(trainer_state_of(ts->model), TRAINER_RUNNING);
        ts_unlock(ts);
        nanosleep(&(struct timespec){0, 2000000}, NULL);
    }
    assert_true(seen >= at + 3 * TRAINER_FLAT_SPAN);
    s->ops->destroy(s);
}

/* The prediction map in bands (how the worker computes it, asking between
 * bands whether it is still wanted) is the map in one piece; a wide
 * network's bands are a row, a small network's the whole grid. */
static void the_map_in_bands_is_the_map_in_one_piece(void **state)
{
    (void)state;
    ui_ctx ctx = {.lang = UI_LANG_EN, .color = true};
    ui_screen *s = open_screen(UI_LAB_TRAINER, &ctx);
    trainer *t = trainer_screen_model(s);
    trainer_run(t, 700);
    const trainer_data *d = trainer_data_of(t);
    trainer_grid *whole = trainer_grid_new(TS_GRID_W, TS_GRID_H), *bands = trainer_grid_new(TS_GRID_W, TS_GRID_H);
    assert_true(trainer_grid_predict(whole, trainer_net(t), d->lo, d->hi));
    trainer_grid_place(bands, d->lo, d->hi);
    for (int row = 0; row < TS_GRID_H; row += 7)
        assert_true(trainer_grid_predict_rows(bands, trainer_net(t), row, 7));
    assert_memory_equal(whole->p, bands->p, sizeof(float) * TS_GRID_W * TS_GRID_H);
    assert_int_equal(trainer_grid_band_rows(whole, trainer_net(t), TS_BAND_MADDS), TS_GRID_H);
    int wide[] = {1024, 1024, 1024, 1};
    char err[200];
    assert_true(trainer_set_layers(t, wide, 4, NULL, err, sizeof err));
    assert_int_equal(trainer_grid_band_rows(whole, trainer_net(t), TS_BAND_MADDS), 1);
    trainer_grid_free(whole);
    trainer_grid_free(bands);
    s->ops->destroy(s);
}

/* c compares learning rates on one chart: each curve labelled by its rate,
 * a legend with each rate's final cost, the status line following it; c
 * goes back to the live network, which did not move. */
static void c_compares_learning_rates_on_one_chart(void **state)
{
    (void)state;
    ui_ctx ctx = {.lang = UI_LANG_EN, .color = true};
    ui_screen *s = open_screen(UI_LAB_TRAINER, &ctx);
    trainer_screen *ts = (trainer_screen *)s;
    press(s, &ctx, UI_KEY_CHAR, ' ');
    assert_true(press(s, &ctx, UI_KEY_CHAR, 'c') & UI_ANIMATE);
    assert_int_equal(ts->view, TS_VIEW_RATES);
    assert_non_null(strstr(ts->note_en, "Learning rates 12, 1.2, 0.12 and 0.012, 2000 iterations each from the same weights"));
    char st[320];
    status_of(s, &ctx, st, sizeof st);
    assert_non_null(strstr(st, "rates 1/4  lr 12  0/2000"));
    while (trainer_rates_work(trainer_screen_model(s), 5000, NULL, NULL) > 0)
        ;
    char *text = screen_text(s, &ctx, 100, 30);
    assert_non_null(strstr(text, "Learning rates compared: planar"));
    static const char *const want[] = {"\xce\xb1 12", "\xce\xb1 1.2", "\xce\xb1 0.12", "\xce\xb1 0.012"};
    for (size_t i = 0; i < 4; i++) {
        const char *first = strstr(text, want[i]);
        if (!first || !strstr(first + 1, want[i]))
            fail_msg("%s is not both on the chart and in the legend:\n%s", want[i], text);
    }
    assert_non_null(strstr(text, "cost after 2000 iterations 0.2"));
    assert_non_null(strstr(text, "(the live rate)"));
    free(text);
    status_of(s, &ctx, st, sizeof st);
    assert_non_null(strstr(st, "rates 4/4  done"));
    press(s, &ctx, UI_KEY_CHAR, 'c');
    assert_int_equal(ts->view, TS_VIEW_TRAIN);
    assert_false(trainer_rates_active(trainer_screen_model(s)));
    assert_int_equal(trainer_iterations(trainer_screen_model(s)), 0);
    s->ops->destroy(s);
}

/* The it/s window starts again when the sweep does: r in the sweep view
 * drops the finished sweep's iterations from the count, which showed a
 * negative rate (-60000 it/s) for up to half a second. */
static void running_the_sweep_again_never_shows_a_negative_rate(void **state)
{
    (void)state;
    ui_ctx ctx = {.lang = UI_LANG_EN, .color = true};
    ui_screen *s = open_screen(UI_LAB_TRAINER, &ctx);
    trainer_screen *ts = (trainer_screen *)s;
    press(s, &ctx, UI_KEY_CHAR, ' ');
    press(s, &ctx, UI_KEY_CHAR, 'S');
    assert_int_equal(ts->view, TS_VIEW_SWEEP);
    /* The sweep finished here (no worker yet), then a first frame: the
     * window starts from its iterations. */
    ts_lock(ts);
    while (trainer_sweep_work(trainer_screen_model(s), 5000, NULL, NULL) > 0)
        ;
    ts_unlock(ts);
    ctx.now_ms = 1000.0;
    s->ops->tick(s, 5.0, &ctx);
    press(s, &ctx, UI_KEY_CHAR, 'r');
    ctx.now_ms += 600.0;
    s->ops->tick(s, 5.0, &ctx);
    ts_lock(ts);
    double rate = ts->rate;
    ts_unlock(ts);
    if (rate < 0)
        fail_msg("it/s is %g after the sweep started again", rate);
    char st[320];
    status_of(s, &ctx, st, sizeof st);
    assert_null(strstr(st, " -"));
    s->ops->destroy(s);
}

/* s on a wide network asks the worker for one iteration; when the network
 * is re-initialised (z, r, a, …) before the worker ran it, the new network
 * is not stepped: it stays at iteration 0, as the change's note says. */
static void a_step_asked_of_a_network_replaced_since_is_dropped(void **state)
{
    (void)state;
    ui_ctx ctx = {.lang = UI_LANG_EN, .color = true};
    ui_screen *s = open_screen(UI_LAB_TRAINER, &ctx);
    trainer_screen *ts = (trainer_screen *)s;
    trainer *t = trainer_screen_model(s);
    press(s, &ctx, UI_KEY_CHAR, ' ');
    int wide[] = {1024, 1024, 1}; /* 2, 1024, 1024, 1 */
    char err[200];
    assert_true(trainer_set_layers(t, wide, 3, NULL, err, sizeof err));
    ctx.now_ms = now_ms();
    s->ops->tick(s, 5.0, &ctx); /* starts the worker */
    ts_lock(ts);
    assert_true(ts_step_away(ts)); /* s, as act_step asks it … */
    trainer_zero_init(t);          /* … and z before the worker took it */
    ts_unlock(ts);
    double deadline = now_ms() + 60000.0;
    bool waiting = true;
    while (waiting && now_ms() < deadline) {
        nanosleep(&(struct timespec){0, 2000000L}, NULL);
        ctx.now_ms = now_ms();
        s->ops->tick(s, 5.0, &ctx);
        ts_lock(ts);
        waiting = ts->step_wanted;
        ts_unlock(ts);
    }
    assert_false(waiting);
    ts_lock(ts);
    assert_int_equal(trainer_iterations(t), 0);
    assert_false(trainer_mid_iteration(t));
    ts_unlock(ts);
    s->ops->destroy(s);
}

/* The status line's numbers are due about every frame, the maps every
 * TS_MAPS_MS; a part that costs more than its share waits longer; nothing is
 * due while nothing trains, and everything when a key asked for it. */
static void the_numbers_are_refreshed_every_frame_and_the_maps_less_often(void **state)
{
    (void)state;
    ui_ctx ctx = {.lang = UI_LANG_EN, .color = true};
    trainer_screen *ts = (trainer_screen *)open_screen(UI_LAB_TRAINER, &ctx);
    ts_sync *y = ts->sync;
    y->refresh_wanted = false;
    y->started_ms[0] = y->started_ms[1] = 1000.0;
    y->cost_ms[0] = y->cost_ms[1] = 0.5;
    assert_int_equal(ts_parts_due(ts, 1000.0 + TS_NUMBERS_MS - 1.0, true), 0);
    assert_int_equal(ts_parts_due(ts, 1000.0 + TS_NUMBERS_MS, true), TS_PART_NUMBERS);
    assert_int_equal(ts_parts_due(ts, 1000.0 + TS_MAPS_MS, true), TS_PARTS);
    assert_int_equal(ts_parts_due(ts, 1000.0 + TS_MAPS_MS, false), 0);
    /* numbers that take 10 ms come at most every TS_NUMBERS_SHARE × 10 ms */
    y->cost_ms[1] = 10.0;
    assert_int_equal(ts_parts_due(ts, 1000.0 + TS_NUMBERS_SHARE * 10.0 - 1.0, true), 0);
    assert_int_equal(ts_parts_due(ts, 1000.0 + TS_NUMBERS_SHARE * 10.0, true), TS_PART_NUMBERS);
    /* maps that take 20 ms: every TS_MAPS_SHARE × 20 ms */
    y->cost_ms[0] = 20.0;
    assert_int_equal(ts_parts_due(ts, 1000.0 + TS_MAPS_MS, true) & TS_PART_MAPS, 0);
    assert_int_equal(ts_parts_due(ts, 1000.0 + TS_MAPS_SHARE * 20.0, true) & TS_PART_MAPS, TS_PART_MAPS);
    /* numbers of the network as it is now: none due until it moves on */
    trainer_measure m = {.iterations = trainer_iterations(ts->model), .cost = 0.69, .acc_train = 50, .acc_test = NAN};
    assert_true(ts_take_numbers(ts, &m, trainer_builds(ts->model), 10.0));
    assert_int_equal(ts_parts_due(ts, 1000.0 + 100 * TS_NUMBERS_SHARE * 10.0, true), TS_PART_MAPS);
    trainer_run(ts->model, 1);
    assert_int_equal(ts_parts_due(ts, 1000.0 + 100 * TS_NUMBERS_SHARE * 10.0, true), TS_PARTS);
    y->refresh_wanted = true;
    assert_int_equal(ts_parts_due(ts, 1000.0, false), TS_PARTS);
    ts->base.ops->destroy(&ts->base);
}

/* The iteration on the status line never goes back: numbers of an older
 * moment of the same network (a worker's refresh finishing after the tick
 * measured a newer iteration) are not taken; a new network's always are. */
static void numbers_of_an_older_moment_never_take_the_status_line_back(void **state)
{
    (void)state;
    ui_ctx ctx = {.lang = UI_LANG_EN, .color = true};
    ui_screen *s = open_screen(UI_LAB_TRAINER, &ctx);
    trainer_screen *ts = (trainer_screen *)s;
    trainer *t = trainer_screen_model(s);
    long build = trainer_builds(t);
    trainer_measure newer = {.iterations = 100, .cost = 0.5, .acc_train = 80, .acc_test = NAN};
    trainer_measure older = {.iterations = 90, .cost = 0.6, .acc_train = 70, .acc_test = NAN};
    assert_true(ts_take_numbers(ts, &newer, build, 0.1));
    assert_false(ts_take_numbers(ts, &older, build, 0.1));
    assert_int_equal(ts->now.iterations, 100);
    assert_exact(ts->now.cost, 0.5);
    assert_exact(ts->now.acc_train, 80.0);
    trainer_measure fresh = {.iterations = 5, .cost = 0.69, .acc_train = 50, .acc_test = NAN};
    assert_true(ts_take_numbers(ts, &fresh, build + 1, 0.1));
    assert_int_equal(ts->now.iterations, 5);
    /* the refresh path: the live network at iteration 30 does not replace
     * numbers already shown for its iteration 60 */
    trainer_run(t, 30);
    trainer_measure later = {.iterations = 60, .cost = 0.25, .acc_train = 90, .acc_test = NAN};
    assert_true(ts_take_numbers(ts, &later, trainer_builds(t), 0.1));
    trainer_screen_refresh(s, &ctx);
    assert_int_equal(ts->now.iterations, 60);
    assert_exact(ts->now.cost, 0.25);
    trainer_run(t, 40);
    trainer_screen_refresh(s, &ctx);
    assert_int_equal(ts->now.iterations, 70);
    s->ops->destroy(s);
}

/* The cost curve ends where the status line is: at the measured iteration
 * (95), past the last recorded cost (90), with its cost as the curve's
 * "current" label; numbers of a network replaced since (r) are not drawn
 * as the new run's end. */
static void the_cost_curve_ends_at_the_status_line_numbers(void **state)
{
    (void)state;
    ui_ctx ctx = {.lang = UI_LANG_EN, .color = true};
    ui_screen *s = open_screen(UI_LAB_TRAINER, &ctx);
    trainer_screen *ts = (trainer_screen *)s;
    trainer *t = trainer_screen_model(s);
    trainer_run(t, 95);
    trainer_screen_refresh(s, &ctx);
    assert_int_equal(ts->now.iterations, 95);
    char label[24];
    snprintf(label, sizeof label, "%.4f", ts->now.cost);
    char *text = screen_text(s, &ctx, 100, 30);
    assert_non_null(strstr(text, "95 it│"));
    strcat(label, "┤"); /* the curve's label cell, not the status line's %.6f */
    assert_non_null(strstr(text, label));
    free(text);
    trainer_reinit(t);
    trainer_run(t, 20);
    text = screen_text(s, &ctx, 100, 30);
    assert_null(strstr(text, "95 it│")); /* the ghost's 0…90 and the new run's 0…10 */
    assert_null(strstr(text, label));
    free(text);
    s->ops->destroy(s);
}

/* ŷ of the test set (the gallery's marks) goes by its own age: a refresh's
 * ŷ is taken when newer than the one shown even when its numbers are not
 * (the tick had measured newer numbers, but the tick never computes ŷ). */
static void the_test_predictions_go_by_their_own_age(void **state)
{
    (void)state;
    ui_ctx ctx = {.lang = UI_LANG_EN, .color = true};
    ui_screen *s = open_screen(UI_LAB_TRAINER, &ctx);
    trainer_screen *ts = (trainer_screen *)s;
    trainer *t = trainer_screen_model(s);
    char err[200];
    assert_true(trainer_set_test_split(t, 0.25, err, sizeof err));
    trainer_run(t, 30);
    trainer_measure later = {.iterations = 60, .cost = 0.25, .acc_train = 90, .acc_test = 80};
    assert_true(ts_take_numbers(ts, &later, trainer_builds(t), 0.1));
    trainer_screen_refresh(s, &ctx);
    assert_int_equal(ts->now.iterations, 60); /* the numbers: refused */
    assert_non_null(ts->p_test);               /* ŷ: taken */
    assert_int_equal(ts->p_test_iterations, 30);
    assert_int_equal(ts->p_test_build, trainer_builds(t));
    assert_int_equal(ts->p_test_n, trainer_data_of(t)->X_test->cols);
    s->ops->destroy(s);
}

/* The numbers of a network replaced since (r, a rebuild the worker has not
 * measured yet) are not shown as the new one's: its iteration and "…"; and
 * paused with no numbers of this network is "paused" (nothing to vouch for),
 * not "pausing…", which waits for numbers of an earlier iteration. */
static void numbers_of_a_replaced_network_are_not_shown(void **state)
{
    (void)state;
    ui_ctx ctx = {.lang = UI_LANG_EN, .color = true};
    ui_screen *s = open_screen(UI_LAB_TRAINER, &ctx);
    trainer *t = trainer_screen_model(s);
    trainer_run(t, 50);
    trainer_screen_refresh(s, &ctx);
    char buf[512];
    status_of(s, &ctx, buf, sizeof buf);
    assert_non_null(strstr(buf, "iter 50  cost 0."));
    trainer_reinit(t);
    status_of(s, &ctx, buf, sizeof buf);
    assert_non_null(strstr(buf, "iter 0  cost …  acc -"));
    assert_true(trainer_set_paused(t, true));
    status_of(s, &ctx, buf, sizeof buf);
    assert_non_null(strstr(buf, "  paused"));
    assert_null(strstr(buf, "pausing"));
    /* numbers of this network, but of an earlier iteration: "pausing…" */
    trainer_screen_refresh(s, &ctx);
    assert_true(trainer_set_paused(t, false));
    trainer_run(t, 5);
    assert_true(trainer_set_paused(t, true));
    status_of(s, &ctx, buf, sizeof buf);
    assert_non_null(strstr(buf, "iter 0  cost 0."));
    assert_non_null(strstr(buf, "pausing"));
    s->ops->destroy(s);
}

int main(void)
{
    setlocale(LC_ALL, "");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_status_line_has_its_fixed_tokens),
        cmocka_unit_test(arrows_change_the_rate_and_hidden_units_and_say_so),
        cmocka_unit_test(the_layers_input_line_rebuilds_or_explains),
        cmocka_unit_test(keys_help_and_back_are_there_in_both_languages),
        cmocka_unit_test(the_bar_follows_the_state_and_the_network),
        cmocka_unit_test(the_deep_lab_defaults_only_what_was_not_given),
        cmocka_unit_test(the_sweep_view_opens_and_closes),
        cmocka_unit_test(the_sweep_compares_with_the_course_only_for_the_course_run),
        cmocka_unit_test(a_network_without_a_hidden_layer_is_called_logistic_regression),
        cmocka_unit_test(the_other_keys_rebuild_and_a_nan_is_explained),
        cmocka_unit_test(ticks_train_in_the_background_and_closing_stops_the_worker),
        cmocka_unit_test(a_lesson_run_length_pauses_the_trainer_once_at_that_iteration),
        cmocka_unit_test(a_saturated_output_is_named_with_log_0),
        cmocka_unit_test(the_status_line_numbers_are_the_network_as_it_is_now),
        cmocka_unit_test(paused_is_shown_with_the_numbers_of_the_paused_iteration),
        cmocka_unit_test(rebuilding_while_paused_keeps_the_pause),
        cmocka_unit_test(the_pace_allows_iterations_as_the_clock_goes),
        cmocka_unit_test(p_pauses_at_every_1000th_iteration_with_the_course_cost),
        cmocka_unit_test(a_flat_cost_pauses_the_trainer_by_itself_once),
        cmocka_unit_test(the_status_line_speaks_chinese),
        cmocka_unit_test(the_sweep_note_keeps_the_iterations_apart_from_the_sizes),
        cmocka_unit_test(the_iterations_option_pauses_without_speaking_of_a_lesson),
        cmocka_unit_test(the_deep_lab_says_which_defaults_it_chose),
        cmocka_unit_test(the_map_in_bands_is_the_map_in_one_piece),
        cmocka_unit_test(c_compares_learning_rates_on_one_chart),
        cmocka_unit_test(running_the_sweep_again_never_shows_a_negative_rate),
        cmocka_unit_test(a_step_asked_of_a_network_replaced_since_is_dropped),
        cmocka_unit_test(the_numbers_are_refreshed_every_frame_and_the_maps_less_often),
        cmocka_unit_test(numbers_of_an_older_moment_never_take_the_status_line_back),
        cmocka_unit_test(the_cost_curve_ends_at_the_status_line_numbers),
        cmocka_unit_test(the_test_predictions_go_by_their_own_age),
        cmocka_unit_test(numbers_of_a_replaced_network_are_not_shown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
