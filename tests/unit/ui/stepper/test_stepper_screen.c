/*
 * test_stepper_screen.c — keys → actions → state of the stepper screen, the
 * key bar listing only what applies, and the course's numbers on screen.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "stepper_fixture.h"
#include "dnn_test.h"
#include "ui/keymap.h"
#include "ui/labs.h"
#include "ui/stepper/stepper_screen.h"

static ui_key ch_key(uint32_t ch) { return (ui_key){UI_KEY_CHAR, ch}; }
static ui_key code_key(ui_keycode code) { return (ui_key){code, 0}; }

static bool bar_has(ui_screen *s, const ui_ctx *ctx, const char *key)
{
    ui_keyhelp kh[16];
    int n = ui_screen_bar_keys(s, ctx, kh, 16);
    for (int i = 0; i < n; i++)
        if (strcmp(kh[i].key, key) == 0)
            return true;
    return false;
}

static char *render(ui_screen *s, const ui_ctx *ctx, int w, int h)
{
    ui_canvas *c = canvas_new(w, h);
    s->ops->render(s, c, (ui_rect){0, 0, w, h}, ctx);
    char *t = canvas_to_text(c);
    canvas_free(c);
    return t;
}

static void the_key_bar_offers_undo_only_when_there_is_something_to_undo(void **state)
{
    (void)state;
    ui_ctx ctx = {0};
    ui_screen *s = stepper_screen_from_model(fixture_planar());
    assert_non_null(s);
    assert_true(bar_has(s, &ctx, "→/space"));
    assert_false(bar_has(s, &ctx, "←"));
    assert_int_equal(s->ops->on_key(s, code_key(UI_KEY_RIGHT), &ctx), UI_REDRAW);
    assert_true(bar_has(s, &ctx, "←"));
    assert_int_equal(s->ops->on_key(s, code_key(UI_KEY_LEFT), &ctx), UI_REDRAW);
    assert_false(bar_has(s, &ctx, "←"));
    ctx.ascii = true;
    assert_true(bar_has(s, &ctx, "Right/space"));
    s->ops->destroy(s);
}

static void right_space_and_enter_each_run_one_operation(void **state)
{
    (void)state;
    ui_ctx ctx = {0};
    ui_screen *s = stepper_screen_from_model(fixture_planar());
    stepper *m = stepper_screen_model(s);
    s->ops->on_key(s, code_key(UI_KEY_RIGHT), &ctx);
    s->ops->on_key(s, ch_key(' '), &ctx);
    s->ops->on_key(s, code_key(UI_KEY_ENTER), &ctx);
    assert_int_equal(stepper_done(m), 3);
    s->ops->destroy(s);
}

static void predict_mode_asks_checks_and_then_runs(void **state)
{
    (void)state;
    ui_ctx ctx = {0};
    ui_screen *s = stepper_screen_from_model(fixture_planar());
    stepper *m = stepper_screen_model(s);
    s->ops->on_key(s, ch_key('p'), &ctx);
    assert_true(stepper_asking(m));
    assert_true(ctx.text_input);  /* ? and L are typed text now, not app keys */
    assert_true(bar_has(s, &ctx, "Enter"));
    for (const char *p = "4,400"; *p; p++)
        s->ops->on_key(s, ch_key((uint32_t)*p), &ctx);
    s->ops->on_key(s, code_key(UI_KEY_ENTER), &ctx);
    assert_int_equal(stepper_done(m), 1);
    assert_int_equal(stepper_last_prediction(m)->verdict, STEPPER_VERDICT_RIGHT);
    assert_false(ctx.text_input);
    char *t = render(s, &ctx, 100, 30);
    assert_non_null(strstr(t, "✓ right: Z[1] (4, 400)"));
    free(t);
    /* Next: asked for A[1]; a wrong answer is told the right shape. */
    s->ops->on_key(s, code_key(UI_KEY_RIGHT), &ctx);
    assert_true(stepper_asking(m));
    for (const char *p = "(2, 400)"; *p; p++)
        s->ops->on_key(s, ch_key((uint32_t)*p), &ctx);
    s->ops->on_key(s, code_key(UI_KEY_ENTER), &ctx);
    t = render(s, &ctx, 100, 30);
    assert_non_null(strstr(t, "✗ you said (2, 400); it is A[1] (4, 400)"));
    free(t);
    /* Esc while asking turns predicting off instead of leaving the lab. */
    s->ops->on_key(s, code_key(UI_KEY_RIGHT), &ctx);
    assert_true(stepper_asking(m));
    assert_int_equal(s->ops->on_key(s, code_key(UI_KEY_ESC), &ctx), UI_REDRAW);
    assert_false(stepper_predict_on(m));
    s->ops->destroy(s);
}

/* A Chinese input method types fullwidth forms: （４，４００） is the shape
 * (4, 400), as in the lesson quizzes, and the ideographic space is a space. */
static void a_fullwidth_shape_counts_as_the_ascii_one(void **state)
{
    (void)state;
    ui_ctx ctx = {0};
    ui_screen *s = stepper_screen_from_model(fixture_planar());
    stepper *m = stepper_screen_model(s);
    s->ops->on_key(s, ch_key('p'), &ctx);
    static const uint32_t typed[] = {0xFF08, 0xFF14, 0xFF0C, 0x3000, 0xFF14, 0xFF10, 0xFF10, 0xFF09};
    for (size_t i = 0; i < sizeof typed / sizeof typed[0]; i++)
        s->ops->on_key(s, ch_key(typed[i]), &ctx);
    assert_string_equal(stepper_input(m), "(4, 400)");
    s->ops->on_key(s, code_key(UI_KEY_ENTER), &ctx);
    assert_int_equal(stepper_last_prediction(m)->verdict, STEPPER_VERDICT_RIGHT);
    s->ops->destroy(s);
}

static void the_answer_is_hidden_while_asking(void **state)
{
    (void)state;
    ui_ctx ctx = {0};
    ui_screen *s = stepper_screen_from_model(fixture_planar());
    s->ops->on_key(s, ch_key('p'), &ctx);
    char *t = render(s, &ctx, 100, 30);
    assert_null(strstr(t, "Z[1] (4, 400)"));
    assert_non_null(strstr(t, "Shape of Z[1]?"));
    free(t);
    s->ops->destroy(s);
}

static void the_inspector_takes_the_arrows_and_esc_leaves_it_not_the_lab(void **state)
{
    (void)state;
    ui_ctx ctx = {0};
    ui_screen *s = stepper_screen_from_model(fixture_planar());
    stepper *m = stepper_screen_model(s);
    s->ops->on_key(s, ch_key(' '), &ctx);
    s->ops->on_key(s, ch_key('i'), &ctx);
    assert_true(stepper_inspecting(m));
    s->ops->on_key(s, code_key(UI_KEY_RIGHT), &ctx);
    s->ops->on_key(s, ch_key('j'), &ctx);
    size_t r, c;
    stepper_inspect_matrix(m, NULL, &r, &c);
    assert_int_equal(r, 1);
    assert_int_equal(c, 1);
    assert_int_equal(stepper_done(m), 1);  /* → moved the cursor, it did not step */
    char *t = render(s, &ctx, 100, 30);
    assert_non_null(strstr(t, "Z[1][1, 1] = "));
    assert_non_null(strstr(t, "X[:, 1]"));
    free(t);
    assert_int_equal(s->ops->on_key(s, code_key(UI_KEY_ESC), &ctx), UI_REDRAW);
    assert_false(stepper_inspecting(m));
    assert_int_equal(s->ops->on_key(s, ch_key('q'), &ctx), UI_POP);
    s->ops->destroy(s);
}

static void g_shows_the_gradient_check_and_g_again_hides_it(void **state)
{
    (void)state;
    ui_ctx ctx = {0};
    ui_screen *s = stepper_screen_from_model(fixture_planar());
    stepper *m = stepper_screen_model(s);
    s->ops->on_key(s, ch_key('g'), &ctx);
    assert_non_null(stepper_gradcheck_result(m));
    char *t = render(s, &ctx, 80, 23);
    assert_non_null(strstr(t, "Gradient check"));
    free(t);
    s->ops->on_key(s, ch_key('g'), &ctx);
    assert_null(stepper_gradcheck_result(m));
    s->ops->destroy(s);
}

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* 4096-4-1 on 6 examples: 16,393 parameters, 98,358 multiply-adds a pass;
 * every parameter would be 3.2e9, so g checks ⌊1e9 / (2 · 98,358)⌋ = 5,083
 * of them, on a worker, and the screen says so. */
static void g_on_a_wide_network_checks_a_sample_on_a_worker_and_says_how_many(void **state)
{
    (void)state;
    ui_ctx ctx = {0};
    stepper *m = fixture_tiny((int[]){4096, 4, 1}, 3, ACT_TANH);
    ui_screen *s = stepper_screen_from_model(m);
    assert_non_null(s);
    unsigned r = s->ops->on_key(s, ch_key('g'), &ctx);
    assert_true(r & UI_ANIMATE);
    const gc_plan *plan = stepper_gradcheck_pending(m);
    assert_non_null(plan);
    assert_int_equal(plan->checked, 5083);
    assert_int_equal(plan->total, 16393);
    char *t = render(s, &ctx, 100, 30);
    assert_non_null(strstr(t, "checking 5,083 of 16,393 parameters"));
    free(t);
    assert_true(bar_has(s, &ctx, "g")); /* g hides it */
    const double deadline = now_s() + 120.0;
    while (!stepper_gradcheck_result(m)) {
        if (now_s() > deadline)
            fail_msg("the check did not finish");
        r = s->ops->tick(s, 10.0, &ctx);
        if (!stepper_gradcheck_result(m))
            assert_true(r & UI_ANIMATE);
        nanosleep(&(struct timespec){0, 1000000}, NULL);
    }
    const gc_result *gc = stepper_gradcheck_result(m);
    assert_int_equal(gc->checked, 5083);
    assert_int_equal(gc->total, 16393);
    assert_true(gc->difference < 1e-7);
    t = render(s, &ctx, 100, 30);
    assert_non_null(strstr(t, "5,083 of 16,393 parameters checked"));
    free(t);
    ctx.lang = UI_LANG_ZH;
    t = render(s, &ctx, 100, 30);
    assert_non_null(strstr(t, "已检验 5,083 / 16,393 个参数"));
    free(t);
    s->ops->on_key(s, ch_key('g'), &ctx);
    assert_null(stepper_gradcheck_result(m));
    s->ops->destroy(s);
}

/* A step while the check runs drops it: its result never shows. */
static void a_step_during_a_check_on_its_worker_drops_it(void **state)
{
    (void)state;
    ui_ctx ctx = {0};
    stepper *m = fixture_tiny((int[]){4096, 4, 1}, 3, ACT_TANH);
    ui_screen *s = stepper_screen_from_model(m);
    s->ops->on_key(s, ch_key('g'), &ctx);
    assert_non_null(stepper_gradcheck_pending(m));
    assert_int_equal(s->ops->on_key(s, code_key(UI_KEY_RIGHT), &ctx), UI_REDRAW);
    assert_int_equal(stepper_done(m), 1);
    assert_null(stepper_gradcheck_pending(m));
    const double deadline = now_s() + 120.0;
    while (s->ops->tick(s, 10.0, &ctx) & UI_ANIMATE) {
        if (now_s() > deadline)
            fail_msg("the check did not finish");
        nanosleep(&(struct timespec){0, 1000000}, NULL);
    }
    assert_null(stepper_gradcheck_result(m));
    s->ops->destroy(s);
}

/* A network whose check could not afford one entry of each W and b says so
 * at once instead of starting. */
static void g_on_a_network_too_big_to_check_says_so(void **state)
{
    (void)state;
    ui_ctx ctx = {0};
    /* 1024-1024-1 on 128 examples: a pass is 128 · (1024 · 1025 + 1025) =
     * 1.3e8 multiply-adds, one entry of each of the four matrices 8 passes,
     * 1.07e9 > 1e9. */
    mat *X = mat_new(1024, 128), *Y = mat_new(1, 128);
    for (size_t i = 0; i < mat_size(X); i++)
        X->v[i] = sin((double)i);
    for (size_t j = 0; j < 128; j++)
        Y->v[j] = (double)(j % 2);
    nn_config cfg = nn_config_make((int[]){1024, 1024, 1}, 3, ACT_TANH, NN_INIT_COURSE_W4);
    char err[256];
    stepper *m = stepper_new_with_data(&cfg, X, Y, 0.5, "big", err, sizeof err);
    assert_non_null(m);
    ui_screen *s = stepper_screen_from_model(m);
    assert_int_equal(s->ops->on_key(s, ch_key('g'), &ctx), UI_REDRAW);
    assert_null(stepper_gradcheck_pending(m));
    assert_null(stepper_gradcheck_result(m));
    char *t = render(s, &ctx, 120, 30);
    assert_non_null(strstr(t, "Too big to check here"));
    free(t);
    s->ops->destroy(s);
}

static void the_preview_shows_the_course_s_initial_w1(void **state)
{
    (void)state;
    ui_ctx ctx = {0};
    ui_screen *s = stepper_screen_from_model(fixture_planar());
    char *t = render(s, &ctx, 80, 23);
    /* W1 = randn(4, 2) * 0.01 after np.random.seed(2), as the notebook prints it. */
    assert_non_null(strstr(t, "W[1] = [[-0.00416758 -0.00056267]"));
    assert_non_null(strstr(t, "[-0.02136196  0.01640271]"));
    assert_non_null(strstr(t, "[-0.01793436 -0.00841747]"));
    assert_non_null(strstr(t, "[ 0.00502881 -0.01245288]]"));
    assert_non_null(strstr(t, "W[1] (4, 2) · X (2, 400) + b[1] (4, 1) broadcast"));
    free(t);
    s->ops->destroy(s);
}

static void help_explains_the_panels_and_marks_in_both_languages(void **state)
{
    (void)state;
    ui_ctx ctx = {0};
    ui_screen *s = stepper_screen_from_model(fixture_planar());
    const char *en = s->ops->help(s, &ctx);
    ctx.lang = UI_LANG_ZH;
    const char *zh = s->ops->help(s, &ctx);
    assert_true(strcmp(en, zh) != 0);
    const char *marks[] = {"✓", "▸", "·", "✗", "~", "↑", "…", "x⁽ⁱ⁾", "J", "‹", "›"};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
        assert_non_null(strstr(en, marks[i]));
        assert_non_null(strstr(zh, marks[i]));
    }
    assert_non_null(strstr(zh, "运算步骤"));
    /* ASCII: the same English with the glyph table's twins, nothing else. */
    ctx.lang = UI_LANG_EN;
    ctx.ascii = true;
    const char *ascii = s->ops->help(s, &ctx);
    for (const char *p = ascii; *p; p++)
        assert_true((unsigned char)*p < 0x80);
    assert_non_null(strstr(ascii, "v marks an operation done in this iteration, > the one on show (all the operations of a larger "
                                     "step), . one still"));
    assert_non_null(strstr(ascii, "Z[l] = W[l]@A[l-1] + b[l]"));
    assert_non_null(strstr(ascii, "x(i) = X[:, i]"));
    s->ops->destroy(s);
}

static void a_run_spec_opens_the_course_s_week_3_network(void **state)
{
    (void)state;
    ui_ctx ctx = {0};
    run_spec spec = runspec_default();
    char err[256] = "";
    ui_screen *s = stepper_screen_new(&spec, &ctx, err, sizeof err);
    assert_non_null(s);
    const nn_net *net = stepper_net(stepper_screen_model(s));
    assert_int_equal(nn_layers(net), 2);
    assert_int_equal(nn_dim(net, 1), 4);
    assert_int_equal(nn_examples(net), 400);
    const mat *W1 = nn_value_of(net, NN_W, 1);
    assert_near(mat_get(W1, 0, 0), -0.00416758, 5e-9);
    assert_near(mat_get(W1, 3, 1), -0.01245288, 5e-9);
    assert_string_equal(s->ops->name, "stepper");
    s->ops->destroy(s);
}

static void logistic_regression_opens_with_layers_1(void **state)
{
    (void)state;
    ui_ctx ctx = {0};
    run_spec spec = runspec_default();
    spec.hidden = 0;
    spec.n_layers = 1;
    spec.layers[0] = 1;
    char err[256] = "";
    ui_screen *s = stepper_screen_new(&spec, &ctx, err, sizeof err);
    assert_non_null(s);
    assert_int_equal(nn_op_count(stepper_net(stepper_screen_model(s))), 7);
    s->ops->destroy(s);
}

static void an_unknown_data_set_is_refused_with_a_reason(void **state)
{
    (void)state;
    ui_ctx ctx = {0};
    run_spec spec = runspec_default();
    snprintf(spec.dataset, sizeof spec.dataset, "no-such-data-set.csv");
    char err[256] = "";
    assert_null(stepper_screen_new(&spec, &ctx, err, sizeof err));
    assert_non_null(strstr(err, "no-such-data-set.csv"));
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_key_bar_offers_undo_only_when_there_is_something_to_undo),
        cmocka_unit_test(right_space_and_enter_each_run_one_operation),
        cmocka_unit_test(predict_mode_asks_checks_and_then_runs),
        cmocka_unit_test(a_fullwidth_shape_counts_as_the_ascii_one),
        cmocka_unit_test(the_answer_is_hidden_while_asking),
        cmocka_unit_test(the_inspector_takes_the_arrows_and_esc_leaves_it_not_the_lab),
        cmocka_unit_test(g_shows_the_gradient_check_and_g_again_hides_it),
        cmocka_unit_test(g_on_a_wide_network_checks_a_sample_on_a_worker_and_says_how_many),
        cmocka_unit_test(a_step_during_a_check_on_its_worker_drops_it),
        cmocka_unit_test(g_on_a_network_too_big_to_check_says_so),
        cmocka_unit_test(the_preview_shows_the_course_s_initial_w1),
        cmocka_unit_test(help_explains_the_panels_and_marks_in_both_languages),
        cmocka_unit_test(a_run_spec_opens_the_course_s_week_3_network),
        cmocka_unit_test(logistic_regression_opens_with_layers_1),
        cmocka_unit_test(an_unknown_data_set_is_refused_with_a_reason),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
