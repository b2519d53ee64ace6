/*
 * test_text.c — UTF-8 widths and wrapping (src/ui/text.c).
 */
#include <locale.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "canvas.h"
#include "text.h"

/* The wrapped lines of s joined with '|'. */
static char *wrap_joined(const char *s, int width)
{
    text_line *lines;
    size_t n = text_wrap(s, width, &lines);
    char *out = calloc(strlen(s) + n + 2, 1);
    for (size_t i = 0; i < n; i++) {
        if (i)
            strcat(out, "|");
        strncat(out, s + lines[i].start, lines[i].len);
        assert_true(lines[i].cols <= width);
        char tmp[256] = {0};
        memcpy(tmp, s + lines[i].start, lines[i].len);
        assert_int_equal(lines[i].cols, text_width(tmp));
    }
    free(lines);
    return out;
}

static void assert_wraps_to(const char *s, int width, const char *expected)
{
    char *got = wrap_joined(s, width);
    assert_string_equal(got, expected);
    free(got);
}

static void ascii_letters_are_one_column_and_cjk_two(void **state)
{
    (void)state;
    assert_int_equal(text_width("abc"), 3);
    assert_int_equal(text_width("中文"), 4);
    assert_int_equal(text_width("W^[1]·X ∈ ℝ"), 11);
    assert_int_equal(text_width("，"), 2);
    assert_int_equal(text_cp_width(0x7), 1);  /* a control character is drawn as U+FFFD */
    assert_int_equal(text_cp_width(0x301), 0);  /* a combining accent */
}

static void invalid_utf8_decodes_to_replacement_one_byte_at_a_time(void **state)
{
    (void)state;
    uint32_t cp;
    assert_int_equal(text_decode("\xC0\xAF", 2, &cp), 1);  /* overlong */
    assert_int_equal(cp, 0xFFFD);
    assert_int_equal(text_decode("\xE4\xB8", 2, &cp), 1);  /* truncated 中 */
    assert_int_equal(cp, 0xFFFD);
    assert_int_equal(text_decode("\xED\xA0\x80", 3, &cp), 1);  /* a surrogate */
    assert_int_equal(cp, 0xFFFD);
    assert_int_equal(text_decode("\xE4\xB8\xAD", 3, &cp), 3);
    assert_int_equal(cp, 0x4E2D);
    assert_int_equal(text_decode("", 0, &cp), 0);
    /* overlong 3- and 4-byte forms, past U+10FFFF, bytes that never lead */
    static const char *const bad[] = {"\xE0\x80\x80", "\xF0\x80\x80\x80", "\xF4\x90\x80\x80",
                                      "\xF5\x80\x80\x80", "\x80", "\xBF", "\xFE", "\xFF"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(text_decode(bad[i], strlen(bad[i]), &cp), 1);
        assert_int_equal(cp, 0xFFFD);
    }
    assert_int_equal(text_decode("\xF4\x8F\xBF\xBF", 4, &cp), 4);  /* U+10FFFF, the last */
    assert_int_equal(cp, 0x10FFFF);
}

/* What text_wrap measures is what the canvas draws, for every line: invalid
 * bytes (one U+FFFD column each), control characters, zero-width and
 * combining characters (no column), wide ones near the edge. */
static void wrapped_lines_draw_in_the_columns_they_were_measured_at(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "ab\xff\xfe cd \xe4\xb8 ef\x80\x80\x80 gh",
        "e\xcc\x81t\xc3\xa9 caf\xc3\xa9 na\xcc\x88ive zero\xe2\x80\x8bwidth joiner\xe2\x80\x8dhere",
        "\x01\x02 tab\there \x7f del",
        "\xe4\xb8\xad\xe6\x96\x87" "a\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad\xe6\x96\x87" "b\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad",
    };
    for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
        for (int width = 2; width <= 12; width++) {
            text_line *lines;
            size_t n = text_wrap(texts[t], width, &lines);
            assert_true(n > 0);
            ui_canvas *c = canvas_new(width, 1);
            for (size_t i = 0; i < n; i++) {
                char tmp[256] = {0};
                memcpy(tmp, texts[t] + lines[i].start, lines[i].len);
                canvas_clear(c);
                int drawn = canvas_text(c, 0, 0, width, tmp, ROLE_NORMAL);
                if (drawn != lines[i].cols || lines[i].cols > width)
                    fail_msg("text %zu at width %d, line %zu: measured %d, drawn %d", t, width, i, lines[i].cols,
                             drawn);
            }
            canvas_free(c);
            free(lines);
        }
    }
}

static void encode_round_trips_every_length(void **state)
{
    (void)state;
    const uint32_t cps[] = {0x41, 0xE9, 0x4E2D, 0x1F600};
    for (size_t i = 0; i < 4; i++) {
        char buf[4];
        int n = text_encode(cps[i], buf);
        assert_int_equal(n, (int)i + 1);
        uint32_t back;
        assert_int_equal(text_decode(buf, (size_t)n, &back), n);
        assert_int_equal(back, cps[i]);
    }
}

static void latin_text_breaks_at_spaces(void **state)
{
    (void)state;
    assert_wraps_to("the cost falls as we train", 10, "the cost|falls as|we train");
    assert_wraps_to("a  b", 10, "a  b");
    assert_wraps_to("  leading", 10, "leading");
}

static void a_word_longer_than_the_line_is_cut(void **state)
{
    (void)state;
    assert_wraps_to("backpropagation", 6, "backpr|opagat|ion");
    assert_wraps_to("go backpropagation", 6, "go|backpr|opagat|ion");
}

static void cjk_text_breaks_between_any_two_characters(void **state)
{
    (void)state;
    assert_wraps_to("反向传播计算梯度", 6, "反向传|播计算|梯度");
    /* An odd width: a wide character is never split, the line is one short. */
    assert_wraps_to("反向传播", 5, "反向|传播");
}

static void no_line_starts_with_cjk_closing_punctuation(void **state)
{
    (void)state;
    /* "反向传播，" would put "，" at the start of line 2 at width 8. */
    assert_wraps_to("反向传播，计算梯度。", 8, "反向传|播，计算|梯度。");
    assert_wraps_to("矩阵（行）", 6, "矩阵|（行）");
}

static void mixed_text_breaks_between_cjk_and_latin(void **state)
{
    (void)state;
    assert_wraps_to("用numpy计算Z^[1]的形状", 12, "用numpy计算|Z^[1]的形状");
    assert_wraps_to("形状是 (4, 400)。", 10, "形状是 (4,|400)。");
}

static void explicit_newlines_start_lines_and_blank_lines_survive(void **state)
{
    (void)state;
    assert_wraps_to("one\n\ntwo", 10, "one||two");
    assert_wraps_to("one\n", 10, "one");
    text_line *lines = (text_line *)1;
    assert_int_equal(text_wrap("", 10, &lines), 0);
    assert_null(lines);
}

static void cjk_punctuation_is_cjk_and_latin_is_not(void **state)
{
    (void)state;
    assert_true(text_is_cjk(0x4E2D));
    assert_true(text_is_cjk(0xFF0C));
    assert_false(text_is_cjk('a'));
    assert_false(text_is_cjk(0x03C3));  /* σ */
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ascii_letters_are_one_column_and_cjk_two),
        cmocka_unit_test(invalid_utf8_decodes_to_replacement_one_byte_at_a_time),
        cmocka_unit_test(wrapped_lines_draw_in_the_columns_they_were_measured_at),
        cmocka_unit_test(encode_round_trips_every_length),
        cmocka_unit_test(latin_text_breaks_at_spaces),
        cmocka_unit_test(a_word_longer_than_the_line_is_cut),
        cmocka_unit_test(cjk_text_breaks_between_any_two_characters),
        cmocka_unit_test(no_line_starts_with_cjk_closing_punctuation),
        cmocka_unit_test(mixed_text_breaks_between_cjk_and_latin),
        cmocka_unit_test(explicit_newlines_start_lines_and_blank_lines_survive),
        cmocka_unit_test(cjk_punctuation_is_cjk_and_latin_is_not),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
