/*
 * test_lesson_scan.c — the strict JSON scanner that runs before cJSON:
 * what it accepts, what it refuses, where it says a value starts, and how a
 * byte offset becomes a line and a column (characters, not bytes).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "lesson_internal.h"

static bool scans(const char *text)
{
    lesson_scan s;
    bool ok = lesson_scan_json(text, strlen(text), &s);
    if (!ok)
        print_message("  refused %s: %s\n", text, s.err_message);
    lesson_scan_free(&s);
    return ok;
}

static void strict_json_is_accepted(void **state)
{
    (void)state;
    assert_true(scans("{}"));
    assert_true(scans(" [ ] "));
    assert_true(scans("\"x\""));
    assert_true(scans("[0, -0, 1.5, -2e10, 3E+2, 4e-3, 0.000]"));
    assert_true(scans("[true, false, null]"));
    assert_true(scans("{\"a\": {\"b\": [1, {\"c\": \"d\"}]}}"));
    assert_true(scans("[\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\ud83d\\ude00\"]"));
    assert_true(scans("[\"周 é 😀\"]"));
    assert_true(scans("\r\n\t{ \"a\" : 1 }\r\n"));
}

static void what_cjson_would_let_through_is_refused(void **state)
{
    (void)state;
    const char *bad[] = {
        "[01]", "[+1]", "[.5]", "[1.]", "[1e]", "[-]", "[0x10]", "[1,]", "{\"a\":1,}", "[tru]", "[nul]",
        "['a']", "{a: 1}", "{\"a\" 1}", "[1 2]", "{\"a\":1 \"b\":2}", "[\"a\" \"b\"]", "[\x01]",
        "[\"a\x01\"]", "[\"\\x\"]", "[\"\\u12\"]", "[\"\\udc00\"]", "[\"\\ud800\\u0041\"]",
        "[NaN]", "[Infinity]", "/* c */ {}", "{} {}", "", "   ", "[", "{\"a\"", "\"abc",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        lesson_scan s;
        bool ok = lesson_scan_json(bad[i], strlen(bad[i]), &s);
        if (ok)
            print_message("  accepted: %s\n", bad[i]);
        assert_false(ok);
        assert_true(s.err_message[0] != '\0');
        lesson_scan_free(&s);
    }
}

static void a_nul_byte_inside_the_buffer_is_refused(void **state)
{
    (void)state;
    const char text[] = "{\"a\": \"x\0y\"}";
    lesson_scan s;
    assert_false(lesson_scan_json(text, sizeof text - 1, &s));
    assert_int_equal(s.err_offset, 8);
    assert_string_equal(s.err_message, "control character 0x00 inside a string (escape it)");
    assert_string_equal(s.err_path, "a");
    lesson_scan_free(&s);
    const char after[] = "{}\0";
    assert_false(lesson_scan_json(after, sizeof after - 1, &s));
    assert_int_equal(s.err_offset, 2);
    lesson_scan_free(&s);
}

static void every_value_is_recorded_in_document_order(void **state)
{
    (void)state;
    /*                 0123456789012345678901234567 */
    const char *text = "{\"a\": [1, {\"b\": null}], \"c\": \"s\"}";
    lesson_scan s;
    assert_true(lesson_scan_json(text, strlen(text), &s));
    /* {…}, [..], 1, {…}, null, "s" */
    assert_int_equal(s.n_values, 6);
    const size_t values[] = {0, 6, 7, 10, 16, 29};
    const size_t keys[] = {LESSON_NO_OFFSET, 1, LESSON_NO_OFFSET, LESSON_NO_OFFSET, 11, 24};
    for (int i = 0; i < 6; i++) {
        assert_int_equal(s.value_at[i], values[i]);
        assert_int_equal(s.key_at[i], keys[i]);
    }
    lesson_scan_free(&s);
}

static void an_error_names_its_path(void **state)
{
    (void)state;
    const char *text = "{\"weeks\": [{\"id\": \"a\"}, {\"id\": 01}]}";
    lesson_scan s;
    assert_false(lesson_scan_json(text, strlen(text), &s));
    assert_string_equal(s.err_path, "weeks[1].id");
    assert_int_equal(s.err_offset, 31);
    lesson_scan_free(&s);
}

static void columns_count_characters_not_bytes(void **state)
{
    (void)state;
    /* 周 is 3 bytes, 😀 4, é 2: the x after them is the 5th character of line 2 */
    const char *text = "ab\n周😀éx\n\nz";
    lesson_lines_index ix;
    assert_true(lesson_lines_index_build(&ix, text, strlen(text)));
    int line, col;
    lesson_lines_index_pos(&ix, 0, &line, &col);
    assert_int_equal(line, 1);
    assert_int_equal(col, 1);
    lesson_lines_index_pos(&ix, 2, &line, &col);  /* the first \n ends line 1 */
    assert_int_equal(line, 1);
    assert_int_equal(col, 3);
    lesson_lines_index_pos(&ix, 3 + 3 + 4 + 2, &line, &col);
    assert_int_equal(line, 2);
    assert_int_equal(col, 4);
    lesson_lines_index_pos(&ix, strlen(text) - 1, &line, &col);
    assert_int_equal(line, 4);
    assert_int_equal(col, 1);
    lesson_lines_index_pos(&ix, strlen(text), &line, &col);  /* the end of the text */
    assert_int_equal(line, 4);
    assert_int_equal(col, 2);
    lesson_lines_index_free(&ix);
}

static void utf8_validation_follows_the_standard(void **state)
{
    (void)state;
    assert_true(lesson_utf8_valid("", 0));
    assert_true(lesson_utf8_valid("a\xC3\xA9\xE5\x91\xA8\xF0\x9F\x98\x80", 10));
    assert_true(lesson_utf8_valid("\xF4\x8F\xBF\xBF", 4));    /* U+10FFFF */
    assert_false(lesson_utf8_valid("\xF4\x90\x80\x80", 4));   /* past U+10FFFF */
    assert_false(lesson_utf8_valid("\xC0\xAF", 2));           /* overlong '/' */
    assert_false(lesson_utf8_valid("\xE0\x80\xAF", 3));       /* overlong */
    assert_false(lesson_utf8_valid("\xED\xA0\x80", 3));       /* a surrogate */
    assert_false(lesson_utf8_valid("\xE5\x91", 2));           /* cut short */
    assert_false(lesson_utf8_valid("\x80", 1));               /* a lone continuation */
    assert_false(lesson_utf8_valid("\xFF", 1));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(strict_json_is_accepted),
        cmocka_unit_test(what_cjson_would_let_through_is_refused),
        cmocka_unit_test(a_nul_byte_inside_the_buffer_is_refused),
        cmocka_unit_test(every_value_is_recorded_in_document_order),
        cmocka_unit_test(an_error_names_its_path),
        cmocka_unit_test(columns_count_characters_not_bytes),
        cmocka_unit_test(utf8_validation_follows_the_standard),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
