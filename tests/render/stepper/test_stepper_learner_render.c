/*
 * test_stepper_learner_render.c — the stepper's "your function" panel
 * (src/ui/stepper/stepper_learner.c) drawn into a canvas and compared as
 * text with golden files in tests/render/golden/stepper/learner_*.
 *
 * The learner's output is made here from ours (ex_beside_prepare on the
 * stepper's network): the same values, values changed where a usual mistake
 * changes them, or nothing at all (a run killed at the time limit), then
 * judged by ex_beside_compare as a run is. y's refusals (exercise not passed
 * yet, the update step, a tanh network) are checked as text.
 *
 * DNN_UPDATE_GOLDEN=1 writes the files instead; read every one you write
 * and check it by eye before committing it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../unit/lab/stepper_fixture.h"
#include "progress.h"
#include "render/golden.h"
#include "ui/keymap.h"
#include "ui/stepper/stepper_learner.h"
#include "ui/stepper/stepper_screen.h"

/* The tiny [3, 4, 2, 1] ReLU network after `steps` operations. */
static ui_screen *screen_after(int steps, act_kind hidden, ui_ctx *ctx)
{
    static const int dims[] = {3, 4, 2, 1};
    ui_screen *s = stepper_screen_from_model(fixture_tiny(dims, 4, hidden));
    assert_non_null(s);
    for (int i = 0; i < steps; i++)
        s->ops->on_key(s, (ui_key){UI_KEY_RIGHT, 0}, ctx);
    return s;
}

static char *draw(ui_screen *s, const ui_ctx *ctx, int w, int h)
{
    ui_canvas *c = canvas_new(w, h);
    s->ops->render(s, c, (ui_rect){0, 0, w, h - 1}, ctx);
    ui_keyhelp kh[16];
    int n = ui_screen_bar_keys(s, ctx, kh, 16);
    int x = 0;
    for (int i = 0; i < n; i++) {
        x += canvas_text(c, x, h - 1, -1, kh[i].key, ROLE_KEY);
        x += canvas_text(c, x, h - 1, -1, " ", ROLE_BAR);
        x += canvas_text(c, x, h - 1, -1, ctx->lang == UI_LANG_ZH ? kh[i].zh : kh[i].en, ROLE_BAR);
        x += canvas_text(c, x, h - 1, -1, "  ", ROLE_BAR);
    }
    char *t = canvas_to_text(c);
    canvas_free(c);
    return t;
}

typedef enum answer { SAME, SAME_BUT_ROUNDING, TIMES_M, NOTHING } answer;

/* Feeds the panel the learner's output of `fn` for the step on show:
 * ours, and theirs made from ours as `a` says (part `part` changed). */
static void feed(ui_screen *s, ex_beside_fn fn, int layer, const char *part, answer a)
{
    stepper *m = stepper_screen_model(s);
    ex_beside_call call;
    assert_int_equal(ex_beside_prepare(fn, stepper_net(m), layer, &call), EXB_READY);
    ex_beside_result res;
    memset(&res, 0, sizeof res);
    res.fn = fn;
    res.ours = call.c.expected;
    call.c.expected = NULL;
    ex_beside_call_clear(&call);
    if (a == NOTHING) {
        /* what the checker reports for a run killed at the time limit */
        res.outcome = res.verdict.outcome = EX_TIMEOUT;
        snprintf(res.verdict.detail, sizeof res.verdict.detail, "10");
    } else {
        res.theirs = exv_clone(res.ours);
        assert_non_null(res.theirs);
        ex_value *v = (ex_value *)ex_beside_part(fn, res.theirs, part);
        assert_non_null(v);
        if (a == SAME_BUT_ROUNDING)
            v->data[v->size - 1] += 4.0 * 2.220446049250313e-16 * v->data[v->size - 1];
        if (a == TIMES_M)
            for (size_t i = 0; i < v->size; i++)
                v->data[i] *= 6;  /* the tiny data set's m: a missing 1/m */
        ex_beside_compare(&res);
    }
    stepper_learner_feed(stepper_screen_learner(s), m, &res);
}

static void check_golden(ui_screen *s, const ui_ctx *ctx, int w, int h, const char *name)
{
    char *t = draw(s, ctx, w, h);
    golden_check("stepper", name, t);
    free(t);
}

static void linear_forward_the_same_as_ours(void **state)
{
    (void)state;
    ui_ctx ctx = {0};
    ui_screen *s = screen_after(3, ACT_RELU, &ctx);  /* LINEAR 2 */
    feed(s, EXB_LINEAR_FORWARD, 2, "Z", SAME_BUT_ROUNDING);
    check_golden(s, &ctx, 80, 24, "learner_same_80x24.txt");
    /* a step hides the panel (it belongs to one step); undo brings that step back, not the panel */
    s->ops->on_key(s, (ui_key){UI_KEY_RIGHT, 0}, &ctx);
    char *t = draw(s, &ctx, 80, 24);
    assert_null(strstr(t, "yours"));
    free(t);
    s->ops->destroy(s);
}

static void L_model_backward_with_a_missing_1_over_m(void **state)
{
    (void)state;
    ui_ctx ctx = {0};
    ui_screen *s = screen_after(13, ACT_RELU, &ctx);  /* DW 2 */
    feed(s, EXB_L_MODEL_BACKWARD, 0, "dW2", TIMES_M);
    check_golden(s, &ctx, 80, 24, "learner_differs_80x24.txt");
    ctx.lang = UI_LANG_ZH;
    check_golden(s, &ctx, 80, 24, "learner_differs_zh_80x24.txt");
    s->ops->destroy(s);
}

static void L_model_forward_killed_at_the_time_limit(void **state)
{
    (void)state;
    ui_ctx ctx = {0};
    ui_screen *s = screen_after(7, ACT_RELU, &ctx);  /* COST */
    feed(s, EXB_L_MODEL_FORWARD, 0, "AL", NOTHING);
    check_golden(s, &ctx, 80, 24, "learner_timeout_80x24.txt");
    ctx.ascii = true;
    check_golden(s, &ctx, 80, 24, "learner_timeout_ascii_80x24.txt");
    s->ops->destroy(s);
}

/* y (twice when the panel is on show: the first hides it), then the right
 * panel's lines (after the rule │), trimmed and joined with one space, so a
 * sentence wrapped over lines reads as one. */
static char *after_y(ui_screen *s, ui_ctx *ctx)
{
    if (stepper_learner_shown(stepper_screen_learner(s), stepper_screen_model(s)))
        s->ops->on_key(s, (ui_key){UI_KEY_CHAR, 'y'}, ctx);
    assert_false(stepper_learner_shown(stepper_screen_learner(s), stepper_screen_model(s)));
    s->ops->on_key(s, (ui_key){UI_KEY_CHAR, 'y'}, ctx);
    char *t = draw(s, ctx, 100, 30);
    char *out = calloc(strlen(t) + 1, 1);
    assert_non_null(out);
    for (char *line = strtok(t, "\n"); line; line = strtok(NULL, "\n")) {
        char *right = strstr(line, "│");
        if (!right)
            continue;
        right += strlen("│");
        while (*right == ' ')
            right++;
        size_t n = strlen(right);
        while (n > 0 && right[n - 1] == ' ')
            n--;
        if (n == 0)
            continue;
        if (*out)
            strcat(out, " ");
        strncat(out, right, n);
    }
    free(t);
    return out;
}

static void y_says_what_to_pass_first_and_when_it_cannot_compare(void **state)
{
    (void)state;
    ui_ctx ctx = {0};
    ui_screen *s = screen_after(1, ACT_RELU, &ctx);
    char *t = draw(s, &ctx, 100, 30);
    assert_non_null(strstr(t, "y yours"));
    free(t);
    /* no progress at all, then one where the exercise failed */
    t = after_y(s, &ctx);
    assert_non_null(strstr(t, "y runs your linear_forward once it passes: dnn-tutor exercises check "
                              "w4a1/linear_forward"));
    free(t);
    ctx.progress = progress_new();
    assert_non_null(ctx.progress);
    progress_exercise_set(ctx.progress, "w4a1/linear_forward", PROGRESS_EX_FAIL);
    ctx.lang = UI_LANG_ZH;
    t = after_y(s, &ctx);
    assert_non_null(strstr(t, "你的 linear_forward 通过后 y 才能运行它"));
    assert_non_null(strstr(t, "dnn-tutor exercises check w4a1/linear_forward"));
    free(t);
    ctx.lang = UI_LANG_EN;
    /* passed, but the file is not there */
    progress_exercise_set(ctx.progress, "w4a1/linear_forward", PROGRESS_EX_PASS);
    snprintf(ctx.progress->exercise_dir, sizeof ctx.progress->exercise_dir, "/nonexistent-dnn-tutor");
    t = after_y(s, &ctx);
    assert_non_null(strstr(t, "Your file /nonexistent-dnn-tutor/w4a1.py is not there"));
    free(t);
    s->ops->destroy(s);

    /* the update step, and L_model_forward on a tanh network */
    s = screen_after(19, ACT_RELU, &ctx);
    t = after_y(s, &ctx);
    assert_non_null(strstr(t, "The update has changed W and b"));
    free(t);
    s->ops->destroy(s);
    progress_exercise_set(ctx.progress, "w4a1/L_model_forward", PROGRESS_EX_PASS);
    s = screen_after(7, ACT_TANH, &ctx);
    t = after_y(s, &ctx);
    assert_non_null(strstr(t, "The course's L_model_forward uses ReLU in the hidden layers; this network does not"));
    free(t);
    s->ops->destroy(s);
    /* dZ[3] = A[3] − Y: L_model_backward has no gradient to show yet */
    s = screen_after(8, ACT_RELU, &ctx);
    t = after_y(s, &ctx);
    assert_non_null(strstr(t, "No gradient of L_model_backward is computed yet: step on (→) to dW[3]"));
    free(t);
    s->ops->destroy(s);
    progress_free(ctx.progress);
}

/* Which function y runs on each step of the [3, 4, 2, 1] network, on what
 * (the heading "Yours: fn(arguments)"), and which part of its value the
 * panel compares, under which name ("ours dW[2] = "). */
static void y_runs_the_function_of_each_step_on_its_arguments(void **state)
{
    (void)state;
    static const struct {
        int steps;            /* the op on show: op[steps − 1] */
        const char *heading;
        ex_beside_fn fn;
        int layer;
        const char *part;     /* NULL: nothing to compare yet (no gradient) */
        const char *label;
    } rows[] = {
        {1, "linear_forward(A[0], W[1], b[1])", EXB_LINEAR_FORWARD, 1, "Z", "Z[1]"},
        {2, "linear_forward(A[0], W[1], b[1])", EXB_LINEAR_FORWARD, 1, "Z", "Z[1]"},
        {3, "linear_forward(A[1], W[2], b[2])", EXB_LINEAR_FORWARD, 2, "Z", "Z[2]"},
        {4, "linear_forward(A[1], W[2], b[2])", EXB_LINEAR_FORWARD, 2, "Z", "Z[2]"},
        {5, "linear_forward(A[2], W[3], b[3])", EXB_LINEAR_FORWARD, 3, "Z", "Z[3]"},
        {6, "L_model_forward(X, parameters)", EXB_L_MODEL_FORWARD, 0, "AL", "A[3]"},
        {7, "L_model_forward(X, parameters)", EXB_L_MODEL_FORWARD, 0, "AL", "A[3]"},
        {8, "L_model_backward(A[3], Y, caches)", EXB_L_MODEL_BACKWARD, 0, NULL, NULL},
        {9, "L_model_backward(A[3], Y, caches)", EXB_L_MODEL_BACKWARD, 0, "dW3", "dW[3]"},
        {10, "L_model_backward(A[3], Y, caches)", EXB_L_MODEL_BACKWARD, 0, "db3", "db[3]"},
        {11, "L_model_backward(A[3], Y, caches)", EXB_L_MODEL_BACKWARD, 0, "dA2", "dA[2]"},
        {12, "L_model_backward(A[3], Y, caches)", EXB_L_MODEL_BACKWARD, 0, "dA2", "dA[2]"},
        {13, "L_model_backward(A[3], Y, caches)", EXB_L_MODEL_BACKWARD, 0, "dW2", "dW[2]"},
        {14, "L_model_backward(A[3], Y, caches)", EXB_L_MODEL_BACKWARD, 0, "db2", "db[2]"},
        {15, "L_model_backward(A[3], Y, caches)", EXB_L_MODEL_BACKWARD, 0, "dA1", "dA[1]"},
        {16, "L_model_backward(A[3], Y, caches)", EXB_L_MODEL_BACKWARD, 0, "dA1", "dA[1]"},
        {17, "L_model_backward(A[3], Y, caches)", EXB_L_MODEL_BACKWARD, 0, "dW1", "dW[1]"},
        {18, "L_model_backward(A[3], Y, caches)", EXB_L_MODEL_BACKWARD, 0, "db1", "db[1]"},
    };
    ui_ctx ctx = {0};
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        ui_screen *s = screen_after(rows[i].steps, ACT_RELU, &ctx);
        char *t = after_y(s, &ctx), want[128];
        snprintf(want, sizeof want, "Yours: %s", rows[i].heading);
        if (!strstr(t, want))
            fail_msg("after %d steps: no \"%s\" in \"%s\"", rows[i].steps, want, t);
        free(t);
        if (rows[i].part) {
            feed(s, rows[i].fn, rows[i].layer, rows[i].part, SAME);
            t = draw(s, &ctx, 100, 30);
            snprintf(want, sizeof want, "ours %s = [[", rows[i].label);
            if (!strstr(t, want) || !strstr(t, rows[i].heading))
                fail_msg("after %d steps: no \"%s\" and \"%s\" in\n%s", rows[i].steps, want, rows[i].heading, t);
            free(t);
        }
        s->ops->destroy(s);
    }
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(linear_forward_the_same_as_ours),
        cmocka_unit_test(L_model_backward_with_a_missing_1_over_m),
        cmocka_unit_test(L_model_forward_killed_at_the_time_limit),
        cmocka_unit_test(y_says_what_to_pass_first_and_when_it_cannot_compare),
        cmocka_unit_test(y_runs_the_function_of_each_step_on_its_arguments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
