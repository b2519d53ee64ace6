/*
 * test_stepper_render.c — the stepper screen drawn into a canvas and
 * compared as text with golden files in tests/render/golden/stepper/
 * (roles too, one letter per cell, for two of them).
 *
 * DNN_UPDATE_GOLDEN=1 writes the files instead; read every one you write
 * and check it by eye before committing it.
 *
 * The canvas is the terminal: the body is every row but the last, as the
 * app lays it out, and the last row lists the keys of keys().
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
#include "ui/labs.h"
#include "ui/stepper/stepper_screen.h"
#include "ui/glyphs.h"
#include "ui/keymap.h"
#include "render/golden.h"

typedef struct scene {
    const char *name;
    int w, h;
    int steps;          /* → presses first */
    const char *keys;   /* then these: characters, with < > for arrows, E Enter, T Tab, X Esc */
    bool ascii;
    ui_lang lang;
    int layers;         /* 0: the planar 2-4-1 network; 3: planar 2-5-3-1; 5: planar 2-5-5-5-5-1;
                         * 7: planar 2-7-7-1 */
    bool roles;
} scene;

static stepper *planar_deep(int L)
{
    mat *X = mat_new(2, GEN_DEFAULT_M), *Y = mat_new(1, GEN_DEFAULT_M);
    gen_planar(1, X, Y);
    int three[] = {2, 5, 3, 1}, five[] = {2, 5, 5, 5, 5, 1}, sevens[] = {2, 7, 7, 1};
    nn_config cfg = L == 7 ? nn_config_make(sevens, 4, ACT_TANH, NN_INIT_COURSE_W3)
                           : nn_config_make(L == 3 ? three : five, L + 1, ACT_TANH, NN_INIT_COURSE_W3);
    char err[256];
    return stepper_new_with_data(&cfg, X, Y, 1.2, "planar", err, sizeof err);
}

static ui_key key_of(char k)
{
    switch (k) {
    case '<': return (ui_key){UI_KEY_LEFT, 0};
    case '>': return (ui_key){UI_KEY_RIGHT, 0};
    case 'E': return (ui_key){UI_KEY_ENTER, 0};
    case 'T': return (ui_key){UI_KEY_TAB, 0};
    case 'X': return (ui_key){UI_KEY_ESC, 0};
    default: return (ui_key){UI_KEY_CHAR, (uint32_t)(unsigned char)k};
    }
}

/* The scene's canvas (the caller frees it with canvas_free). */
static ui_canvas *scene_canvas(const scene *sc)
{
    ui_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.ascii = sc->ascii;
    ctx.lang = sc->lang;
    ui_screen *s = stepper_screen_from_model(sc->layers ? planar_deep(sc->layers) : fixture_planar());
    assert_non_null(s);
    for (int i = 0; i < sc->steps; i++)
        s->ops->on_key(s, (ui_key){UI_KEY_RIGHT, 0}, &ctx);
    for (const char *k = sc->keys; k && *k; k++)
        s->ops->on_key(s, key_of(*k), &ctx);
    ui_canvas *c = canvas_new(sc->w, sc->h);
    s->ops->render(s, c, (ui_rect){0, 0, sc->w, sc->h - 1}, &ctx);
    ui_keyhelp kh[16];
    int n = ui_screen_bar_keys(s, &ctx, kh, 16);
    int x = 0;
    for (int i = 0; i < n; i++) {
        x += canvas_text(c, x, sc->h - 1, -1, kh[i].key, ROLE_KEY);
        x += canvas_text(c, x, sc->h - 1, -1, " ", ROLE_BAR);
        x += canvas_text(c, x, sc->h - 1, -1, sc->lang == UI_LANG_ZH ? kh[i].zh : kh[i].en, ROLE_BAR);
        x += canvas_text(c, x, sc->h - 1, -1, "  ", ROLE_BAR);
    }
    s->ops->destroy(s);
    return c;
}

/* The scene as text (the caller frees it). */
static char *scene_text(const scene *sc)
{
    ui_canvas *c = scene_canvas(sc);
    char *t = canvas_to_text(c);
    canvas_free(c);
    return t;
}

static void render_scene(const scene *sc)
{
    ui_canvas *c = scene_canvas(sc);
    char name[128];
    char *t = canvas_to_text(c);
    snprintf(name, sizeof name, "%s.txt", sc->name);
    golden_check("stepper", name, t);
    free(t);
    if (sc->roles) {
        t = canvas_roles_to_text(c);
        snprintf(name, sizeof name, "%s.roles", sc->name);
        golden_check("stepper", name, t);
        free(t);
    }
    canvas_free(c);
}

static const scene scenes[] = {
    {"start_80x24", 80, 24, 0, NULL, false, UI_LANG_EN, 0, true},
    {"step1_80x24", 80, 24, 1, NULL, false, UI_LANG_EN, 0, false},
    {"forward3_80x24", 80, 24, 3, NULL, false, UI_LANG_EN, 0, false},
    {"cost_80x24", 80, 24, 5, NULL, false, UI_LANG_EN, 0, false},
    {"backward_dW1_80x24", 80, 24, 11, NULL, false, UI_LANG_EN, 0, true},
    /* The update: old W, α·dW and new W of each parameter that fits; Tab
     * shows the next ones. */
    {"update_80x24", 80, 24, 13, NULL, false, UI_LANG_EN, 0, false},
    {"update_tab_80x24", 80, 24, 13, "TT", false, UI_LANG_EN, 0, false},
    {"update_zh_100x30", 100, 30, 13, NULL, false, UI_LANG_ZH, 0, false},
    {"update_ascii_140x45", 140, 45, 13, NULL, true, UI_LANG_EN, 0, false},
    {"next_iteration_80x24", 80, 24, 14, NULL, false, UI_LANG_EN, 0, false},
    {"undo_80x24", 80, 24, 4, "<", false, UI_LANG_EN, 0, false},
    {"ascii_80x24", 80, 24, 3, NULL, true, UI_LANG_EN, 0, false},
    {"ascii_gradcheck_80x24", 80, 24, 13, "g", true, UI_LANG_EN, 0, false},
    {"zh_80x24", 80, 24, 6, NULL, false, UI_LANG_ZH, 0, false},
    {"zh_broadcast_80x24", 80, 24, 1, NULL, false, UI_LANG_ZH, 0, false},
    {"zh_db_80x24", 80, 24, 8, NULL, false, UI_LANG_ZH, 0, false},
    {"predict_asking_80x24", 80, 24, 0, "p4,4", false, UI_LANG_EN, 0, false},
    {"predict_wrong_80x24", 80, 24, 6, "p4,1E", false, UI_LANG_EN, 0, false},
    {"inspect_80x24", 80, 24, 1, "ijl", false, UI_LANG_EN, 0, false},
    {"gradcheck_80x24", 80, 24, 13, "g", false, UI_LANG_EN, 0, false},
    {"three_layers_80x24", 80, 24, 14, NULL, false, UI_LANG_EN, 3, false},
    /* Four of five layers fit the table at 80 columns: › says more to the
     * right; at the output layer the table has followed it and ‹ says more
     * to the left (< in ASCII). */
    {"five_layers_80x24", 80, 24, 1, NULL, false, UI_LANG_EN, 5, false},
    {"five_layers_output_80x24", 80, 24, 10, NULL, true, UI_LANG_EN, 5, false},
    /* A header too wide for 80 columns is spaced more tightly, not cut in
     * the digits of J. */
    {"five_layers_header_80x24", 80, 24, 32, NULL, false, UI_LANG_EN, 5, false},
    /* The forward phase of five layers: the list shows all ten of its ops. */
    {"five_layers_phase_80x24", 80, 24, 0, "ss>", false, UI_LANG_EN, 5, false},
    {"backward_100x30", 100, 30, 7, NULL, false, UI_LANG_EN, 0, false},
    /* s chooses how much → runs; the list, the table (with the roles of
     * its highlights) and the previews show everything the step wrote. */
    {"layer_forward_80x24", 80, 24, 0, "s>>", false, UI_LANG_EN, 0, true},
    {"layer_backward_80x24", 80, 24, 0, "s>>>>", false, UI_LANG_EN, 0, true},
    {"layer_undo_80x24", 80, 24, 0, "s>>>><", false, UI_LANG_EN, 0, false},
    {"layer_zh_100x30", 100, 30, 0, "s>>>>>", false, UI_LANG_ZH, 0, false},
    {"phase_backward_80x24", 80, 24, 0, "ss>>>", false, UI_LANG_EN, 0, true},
    {"phase_ascii_80x24", 80, 24, 0, "ss>", true, UI_LANG_EN, 0, false},
    {"iteration_80x24", 80, 24, 0, "sss>", false, UI_LANG_EN, 0, false},
    {"iteration_three_layers_100x30", 100, 30, 0, "sss>>", false, UI_LANG_EN, 3, false},
    /* Room for most of what the iteration made besides the update. */
    {"iteration_140x45", 140, 45, 0, "sss>", false, UI_LANG_EN, 0, false},
    {"iteration_zh_100x30", 100, 30, 0, "sss>", false, UI_LANG_ZH, 0, false},
    /* A 7×7 W[2] whose three lines cannot be whole at 80×24: summarised
     * rather than cut. */
    {"update_7x7_80x24", 80, 24, 19, "TT", false, UI_LANG_EN, 7, false},
    {"dA_200x60", 200, 60, 9, NULL, false, UI_LANG_EN, 0, false},
};

static void the_stepper_renders_each_scene_as_its_golden(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof scenes / sizeof scenes[0]; i++)
        render_scene(&scenes[i]);
}

/* The stepper opened as the command line opens it, on planar 2-5-3-1 with
 * `given` the RUNSPEC_GIVEN bits the learner typed; its first screen. */
static char *deep_first_screen(unsigned given, ui_lang lang)
{
    run_spec sp = runspec_default();
    sp.hidden = 0;
    sp.n_layers = 3;
    sp.layers[0] = 5;
    sp.layers[1] = 3;
    sp.layers[2] = 1;
    sp.given |= given;
    ui_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.lang = lang;
    char err[256] = "";
    ui_screen *s = stepper_screen_new(&sp, &ctx, err, sizeof err);
    if (!s)
        fail_msg("stepper_screen_new: %s", err);
    ui_canvas *c = canvas_new(80, 24);
    s->ops->render(s, c, (ui_rect){0, 0, 80, 23}, &ctx);
    char *t = canvas_to_text(c);
    canvas_free(c);
    s->ops->destroy(s);
    return t;
}

/* A deep network says which of week 4's defaults it took, whole even at 80
 * columns, until the first key; what the learner gave is not among them. */
static void a_deep_stepper_names_the_defaults_it_chose(void **state)
{
    (void)state;
    char *t = deep_first_screen(0, UI_LANG_EN);
    golden_check("stepper", "deep_defaults_80x24.txt", t);
    assert_non_null(strstr(t, "Deep net: week 4's ReLU, randn/sqrt(n[l-1]), lr"));
    assert_non_null(strstr(t, "0.0075."));
    free(t);
    t = deep_first_screen(0, UI_LANG_ZH);
    golden_check("stepper", "deep_defaults_zh_80x24.txt", t);
    free(t);
    t = deep_first_screen(RUNSPEC_GIVEN(RUNSPEC_LR) | RUNSPEC_GIVEN(RUNSPEC_ACTIVATION), UI_LANG_EN);
    assert_non_null(strstr(t, "Deep net: week 4's randn/sqrt(n[l-1])."));
    free(t);
    t = deep_first_screen(RUNSPEC_GIVEN(RUNSPEC_LR) | RUNSPEC_GIVEN(RUNSPEC_ACTIVATION) | RUNSPEC_GIVEN(RUNSPEC_INIT),
                          UI_LANG_EN);
    assert_null(strstr(t, "week 4"));
    free(t);
}

/* The right panel's lines of a screen: what follows the rule (│ or |) and
 * its space on each line, NUL-separated in one buffer the caller frees;
 * *n the number of lines. */
static char *right_lines(const char *text, bool ascii, int *n)
{
    const char *rule = ascii ? "|" : "\u2502";
    char *out = calloc(strlen(text) + 2, 1);
    assert_non_null(out);
    size_t o = 0;
    *n = 0;
    for (const char *line = text; *line;) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        char buf[1024];
        snprintf(buf, sizeof buf, "%.*s", (int)len, line);
        const char *at = strstr(buf, rule);
        if (at) {
            at += strlen(rule);
            if (*at == ' ')
                at++;
            memcpy(out + o, at, strlen(at) + 1);
            o += strlen(at) + 1;
            (*n)++;
        }
        line = end ? end + 1 : line + len;
    }
    return out;
}

/* Whether a preview labelled exactly `name` ("dW[2]", not "α·dW[2]" or
 * "old W[1]") is on a right-panel line. */
static bool previewed(const char *lines, int n, const char *name)
{
    char label[64];
    snprintf(label, sizeof label, "%s = [[", name);
    const char *line = lines;
    for (int i = 0; i < n; i++, line += strlen(line) + 1) {
        const char *at = strstr(line, label);
        if (at && (at == line || at[-1] == ' '))
            return true;
    }
    return false;
}

/* Fails when a preview of a parameter or its gradient (W, b, dW, db, α·dW:
 * all at most 7×7 on these networks) is summarised with "...". */
static void small_previews_are_whole(const scene *sc)
{
    char *t = scene_text(sc);
    int n;
    char *lines = right_lines(t, sc->ascii, &n);
    bool small = false;
    const char *line = lines;
    for (int i = 0; i < n; i++, line += strlen(line) + 1) {
        const char *eq = strstr(line, " = [[");
        if (eq) {
            const char *name = eq;
            while (name > line && name[-1] != ' ')
                name--;
            small = strstr(name, "W[") == name || strstr(name, "b[") == name || strstr(name, "dW[") == name ||
                    strstr(name, "db[") == name || strstr(name, "dW[") != NULL;
        } else if (!line[0] || (line[0] != ' ' && line[0] != '[')) {
            small = false;
        }
        if (small && strstr(line, "..."))
            fail_msg("%s: a small matrix is summarised: \"%s\"\n%s", sc->name, line, t);
    }
    free(lines);
    free(t);
}

/* The line of text that holds `needle` (a copy the caller frees), or NULL. */
static char *line_with(const char *text, const char *needle)
{
    const char *at = strstr(text, needle);
    if (!at)
        return NULL;
    const char *start = at, *end = strchr(at, '\n');
    while (start > text && start[-1] != '\n')
        start--;
    size_t n = end ? (size_t)(end - start) : strlen(start);
    char *line = malloc(n + 1);
    assert_non_null(line);
    memcpy(line, start, n);
    line[n] = '\0';
    return line;
}

/* At 80 columns the list's "more below" mark does not take the last
 * character of a label as wide as the list (dZ[4] = dA[4] ∗ (1 − A[4]²) is
 * 28 columns), in UTF-8 or in ASCII. */
static void the_scroll_mark_leaves_a_full_width_label_whole(void **state)
{
    (void)state;
    static const char *const label[2] = {"dZ[4] = dA[4] \u2217 (1 \u2212 A[4]\u00b2)", "dZ[4] = dA[4] * (1 - A[4]^2)"};
    for (int ascii = 0; ascii < 2; ascii++) {
        scene sc = {"", 80, 24, 10, NULL, ascii, UI_LANG_EN, 5, false};
        char *t = scene_text(&sc);
        char *line = line_with(t, "dZ[4] = dA[4]");
        assert_non_null(line);
        if (!strstr(line, label[ascii]))
            fail_msg("the label is cut: \"%s\"", line);
        assert_non_null(strstr(line, glyph_str(GLYPH_ARROW_DOWN, ascii)));
        free(line);
        free(t);
    }
}

/* A step of several ops prints the parameters and gradients (at most 7×7)
 * whole even at 80×24, leaving out previews (and saying so) rather than
 * values: the (1, 4) dW[2] of the backward phase was [[-1.75e-05 ... ]]. */
static void a_step_of_several_ops_prints_small_matrices_whole(void **state)
{
    (void)state;
    static const scene many[] = {
        {"phase_backward_80x24", 80, 24, 0, "ss>>>", false, UI_LANG_EN, 0, false},
        {"phase_backward_zh_80x24", 80, 24, 0, "ss>>>", false, UI_LANG_ZH, 0, false},
        {"phase_backward_ascii_80x24", 80, 24, 0, "ss>>>", true, UI_LANG_EN, 0, false},
        {"layer_backward_80x24", 80, 24, 0, "s>>>>", false, UI_LANG_EN, 0, false},
        {"layer_backward_l1_80x24", 80, 24, 0, "s>>>>>", false, UI_LANG_EN, 0, false},
        {"iteration_80x24", 80, 24, 0, "sss>", false, UI_LANG_EN, 0, false},
        {"iteration_100x30", 100, 30, 0, "sss>", false, UI_LANG_EN, 0, false},
        {"phase_backward_100x30", 100, 30, 0, "ss>>>", false, UI_LANG_EN, 0, false},
    };
    for (size_t i = 0; i < sizeof many / sizeof many[0]; i++)
        small_previews_are_whole(&many[i]);
}

/* After a whole-iteration step the previews show what the iteration made
 * (Z, A, dZ, dW, db, dA of each layer) as far as they fit, and a line counts
 * the ones left out: every result is either on show or counted. */
static void a_whole_iteration_shows_its_results_or_counts_them(void **state)
{
    (void)state;
    static const char *const results[] = {"Z[1]",  "A[1]",  "Z[2]",  "A[2]", "dZ[2]", "dW[2]",
                                          "db[2]", "dA[1]", "dZ[1]", "dW[1]", "db[1]"};
    static const scene sizes[] = {
        {"iteration_80x24", 80, 24, 0, "sss>", false, UI_LANG_EN, 0, false},
        {"iteration_zh_80x24", 80, 24, 0, "sss>", false, UI_LANG_ZH, 0, false},
        {"iteration_ascii_80x24", 80, 24, 0, "sss>", true, UI_LANG_EN, 0, false},
        {"iteration_100x30", 100, 30, 0, "sss>", false, UI_LANG_EN, 0, false},
        {"iteration_140x45", 140, 45, 0, "sss>", false, UI_LANG_EN, 0, false},
        {"iteration_200x60", 200, 60, 0, "sss>", false, UI_LANG_EN, 0, false},
    };
    int most_shown = 0;
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        const scene *sc = &sizes[k];
        char *t = scene_text(sc);
        int n, shown = 0, left_out = 0;
        char *lines = right_lines(t, sc->ascii, &n);
        for (size_t i = 0; i < sizeof results / sizeof results[0]; i++)
            shown += previewed(lines, n, results[i]);
        const char *line = lines;
        for (int i = 0; i < n; i++, line += strlen(line) + 1) {
            const char *en = strstr(line, " earlier results left out"), *zh = strstr(line, "（还有 ");
            if (en && line[0] == '(')
                left_out = atoi(line + 1);
            else if (zh && strstr(zh, "较早的结果"))
                left_out = atoi(zh + strlen("（还有 "));
        }
        if (shown + left_out != (int)(sizeof results / sizeof results[0]))
            fail_msg("%s: %d results on show, %d said to be left out\n%s", sc->name, shown, left_out, t);
        if (shown > most_shown)
            most_shown = shown;
        free(lines);
        free(t);
    }
    assert_true(most_shown >= 8); /* a large terminal shows most of them */
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_stepper_renders_each_scene_as_its_golden),
        cmocka_unit_test(a_deep_stepper_names_the_defaults_it_chose),
        cmocka_unit_test(the_scroll_mark_leaves_a_full_width_label_whole),
        cmocka_unit_test(a_step_of_several_ops_prints_small_matrices_whole),
        cmocka_unit_test(a_whole_iteration_shows_its_results_or_counts_them),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
