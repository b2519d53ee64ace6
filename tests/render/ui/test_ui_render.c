/*
 * test_ui_render.c — the app's own screens drawn at 80×24 and compared, as
 * UTF-8 text, with golden files in tests/render/golden/ui/ (UTF-8 and ASCII
 * mode each). DNN_UPDATE_GOLDEN=1 rewrites the files instead; read every
 * rewritten file before committing it.
 *
 * A case is a key script run on a fresh app over the fixture course:
 * tokens separated by '|'; Enter Esc Tab Up Down Bksp are keys, any other
 * token is typed character by character.
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
#include "progress.h"
#include "text.h"
#include "../../unit/ui/ui_fixture.h"
#include "render/golden.h"

typedef struct render_case {
    const char *name;
    const char *keys;
    ui_lang lang;
    int w, h;
} render_case;

static const render_case cases[] = {
    {"map", "", UI_LANG_EN, 80, 24},
    {"map_zh", "", UI_LANG_ZH, 80, 24},
    {"map_after_lesson", "Enter|n|Enter|4,400|Enter|n|q|j", UI_LANG_EN, 80, 24},
    {"reader_text", "Enter", UI_LANG_EN, 80, 24},
    {"reader_text_zh", "Enter", UI_LANG_ZH, 80, 24},
    {"quiz_unanswered", "Enter|n", UI_LANG_EN, 80, 24},
    {"quiz_typing", "Enter|n|Enter|(4, 4", UI_LANG_EN, 80, 24},
    {"quiz_typing_long", "Enter|n|Enter|an answer far too long for the line it is typed into keeps its end in view",
     UI_LANG_EN, 80, 24},
    {"quiz_wrong_hint", "Enter|n|Enter|4,2|Enter|h", UI_LANG_EN, 80, 24},
    {"quiz_wrong_feedback", "Enter|n|Enter|400 x 4|Enter", UI_LANG_EN, 80, 24},
    {"quiz_wrong_feedback_zh", "Enter|n|Enter|400 x 4|Enter", UI_LANG_ZH, 80, 24},
    {"quiz_unreadable", "Enter|n|4;400|Enter", UI_LANG_EN, 80, 24},
    {"quiz_right", "Enter|n|Enter|(4, 400)|Enter", UI_LANG_EN, 80, 24},
    {"quiz_right_zh", "Enter|n|Enter|(4, 400)|Enter", UI_LANG_ZH, 80, 24},
    {"code_note_tip", "Enter|n|Enter|4,400|Enter|n", UI_LANG_EN, 80, 24},
    {"code_note_tip_zh", "Enter|n|Enter|4,400|Enter|n", UI_LANG_ZH, 80, 24},
    {"choice_wrong", "j|Enter|3", UI_LANG_EN, 80, 24},
    {"choice_revealed", "j|Enter|1|3|1", UI_LANG_EN, 80, 24},
    {"diagram_lab", "j|Enter|2|n", UI_LANG_EN, 80, 24},
    {"long_formula", "j|j|Enter", UI_LANG_EN, 80, 24},
    {"long_formula_shifted", "j|j|Enter|>|>|>|>|>|>|<", UI_LANG_EN, 80, 24},
    {"help_map", "?", UI_LANG_EN, 80, 24},
    {"help_reader", "Enter|?", UI_LANG_EN, 80, 24},
    {"help_reader_zh", "Enter|?", UI_LANG_ZH, 80, 24},
    {"too_small", "", UI_LANG_EN, 60, 20},
};

static void run_keys(ui_app *app, const char *script)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", script);
    for (char *tok = strtok(buf, "|"); tok; tok = strtok(NULL, "|")) {
        ui_keycode code = UI_KEY_NONE;
        if (!strcmp(tok, "Enter")) code = UI_KEY_ENTER;
        else if (!strcmp(tok, "Esc")) code = UI_KEY_ESC;
        else if (!strcmp(tok, "Tab")) code = UI_KEY_TAB;
        else if (!strcmp(tok, "Up")) code = UI_KEY_UP;
        else if (!strcmp(tok, "Down")) code = UI_KEY_DOWN;
        else if (!strcmp(tok, "Bksp")) code = UI_KEY_BACKSPACE;
        if (code != UI_KEY_NONE) {
            app_key(app, (ui_key){code, 0});
            continue;
        }
        size_t n = strlen(tok);
        for (size_t i = 0; i < n;) {
            uint32_t cp;
            i += (size_t)text_decode(tok + i, n - i, &cp);
            app_key(app, (ui_key){UI_KEY_CHAR, cp});
        }
    }
}

static char *render_case_dump(const render_case *rc, bool ascii, bool roles)
{
    lesson_course *course = ui_fixture_course();
    assert_non_null(course);
    ui_app_config cfg = {.lang = rc->lang, .ascii = ascii, .color = true};
    ui_app *app = app_new(course, progress_new(), &cfg);
    app_resize(app, rc->w, rc->h);
    assert_true(app_open_course(app));
    run_keys(app, rc->keys);
    ui_canvas *c = canvas_new(rc->w, rc->h);
    app_render(app, c);
    char *text = roles ? canvas_roles_to_text(c) : canvas_to_text(c);
    canvas_free(c);
    app_free(app);
    lesson_course_free(course);
    return text;
}

static char *render_case_text(const render_case *rc, bool ascii)
{
    return render_case_dump(rc, ascii, false);
}

static void check_golden(const char *name, const char *text)
{
    char file[160];
    snprintf(file, sizeof file, "%s.txt", name);
    golden_check("ui", file, text);
}

static void every_screen_matches_its_golden_text_in_utf8_and_ascii(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        for (int ascii = 0; ascii < 2; ascii++) {
            char name[128];
            snprintf(name, sizeof name, "%s%s", cases[i].name, ascii ? "_ascii" : "");
            char *text = render_case_text(&cases[i], ascii);
            check_golden(name, text);
            if (ascii) {
                /* ASCII mode draws no non-ASCII glyph of its own: every byte ≥ 0x80
                 * comes from lesson text (Chinese) or the too-small notice. */
                if (cases[i].lang == UI_LANG_EN && strcmp(cases[i].name, "too_small"))
                    for (const char *p = text; *p; p++)
                        if ((unsigned char)*p >= 0x80 && !strstr(name, "zh"))
                            fail_msg("%s: non-ASCII byte in ASCII mode at offset %ld", name, (long)(p - text));
            }
            free(text);
        }
    }
}

static void rendering_twice_gives_the_same_frame(void **state)
{
    (void)state;
    char *a = render_case_text(&cases[7], false);
    char *b = render_case_text(&cases[7], false);
    assert_string_equal(a, b);
    free(a);
    free(b);
}

/* Colour meaning, one letter per cell (a = ROLE_NORMAL, b = ROLE_DIM, … in
 * ui_role order): the selected row, the marks, the key bar, a wrong answer. */
static void roles_of_the_map_and_of_a_wrong_answer_match_their_golden(void **state)
{
    (void)state;
    const char *names[] = {"map", "quiz_wrong_hint"};
    for (size_t k = 0; k < 2; k++)
        for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
            if (strcmp(cases[i].name, names[k]))
                continue;
            char name[128];
            snprintf(name, sizeof name, "%s.roles", names[k]);
            char *roles = render_case_dump(&cases[i], false, true);
            check_golden(name, roles);
            free(roles);
        }
}

/* Drops ASCII spaces, so wrapped text can be compared with its source. */
static void squeeze(const char *in, char *out, size_t size)
{
    size_t n = 0;
    for (; *in && n + 1 < size; in++)
        if (*in != ' ' && *in != '\n')
            out[n++] = *in;
    out[n] = '\0';
}

/* A note box shows every character of its text, at every width and in both
 * languages: the rows between the box's top and bottom, read between the two
 * borders, give the note back (spaces aside). */
static void a_note_box_shows_every_character_of_its_note(void **state)
{
    (void)state;
    const int sizes[][2] = {{80, 24}, {100, 30}, {160, 48}};
    for (int lang = 0; lang < 2; lang++)
        for (int ascii = 0; ascii < 2; ascii++)
            for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
                render_case rc = {"note", "Enter|n|Enter|4,400|Enter|n", lang ? UI_LANG_ZH : UI_LANG_EN,
                                  sizes[k][0], sizes[k][1]};
                char *text = render_case_text(&rc, ascii);
                lesson_course *course = ui_fixture_course();
                assert_non_null(course);
                const lesson_block *note = &course->weeks[0].lessons[0].pages[2].blocks[1];
                assert_int_equal(note->kind, LESSON_BLOCK_NOTE);
                static char want[2048], got[2048], row[1024];
                squeeze(lesson_text_get(note->text, lang ? LESSON_LANG_ZH : LESSON_LANG_EN), want, sizeof want);
                lesson_course_free(course);
                const char *v = ascii ? "|" : "\u2502";
                size_t vlen = strlen(v);
                const char *title = lang ? " \u6ce8\u610f " : " Note ";
                got[0] = '\0';
                int rows = 0;
                bool inside = false;
                for (const char *line = text; *line;) {
                    const char *end = strchr(line, '\n');
                    size_t len = end ? (size_t)(end - line) : strlen(line);
                    const char *open = strstr(line, v);
                    if (open && open > line + len)
                        open = NULL;
                    if (!inside) {
                        const char *t = strstr(line, title);
                        inside = t && t < line + len;
                    } else if (!open) {
                        break;
                    } else {
                        const char *close = line + len;
                        while (close > open && strncmp(close - vlen, v, vlen))
                            close--;
                        if (close - vlen > open) {
                            size_t inner = (size_t)(close - vlen - (open + vlen));
                            snprintf(row, sizeof row, "%.*s", (int)inner, open + vlen);
                            squeeze(row, row, sizeof row);
                            strncat(got, row, sizeof got - strlen(got) - 1);
                            rows++;
                        }
                    }
                    line += len + (end ? 1 : 0);
                }
                if (rows < 2 || strcmp(got, want))
                    fail_msg("%dx%d %s%s: the note box reads\n%s\nbut the note is\n%s\n%s", sizes[k][0],
                             sizes[k][1], lang ? "zh" : "en", ascii ? " ascii" : "", got, want, text);
                free(text);
            }
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_screen_matches_its_golden_text_in_utf8_and_ascii),
        cmocka_unit_test(rendering_twice_gives_the_same_frame),
        cmocka_unit_test(roles_of_the_map_and_of_a_wrong_answer_match_their_golden),
        cmocka_unit_test(a_note_box_shows_every_character_of_its_note),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
