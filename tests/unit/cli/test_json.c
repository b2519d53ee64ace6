/*
 * test_json.c — cli_json_string: whatever bytes a name holds, the literal
 * is valid JSON (RFC 8259: escaped quotes, backslashes and controls; UTF-8).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"

/* The literal cli_json_string writes for s, in a static buffer. */
static const char *literal(const char *s)
{
    static char out[512];
    FILE *f = fmemopen(out, sizeof out, "w");
    assert_non_null(f);
    cli_json_string(f, s);
    assert_int_equal(fclose(f), 0);
    return out;
}

static void quotes_backslashes_and_controls_are_escaped(void **state)
{
    (void)state;
    assert_string_equal(literal("planar"), "\"planar\"");
    assert_string_equal(literal("a\"b\\c"), "\"a\\\"b\\\\c\"");
    assert_string_equal(literal("tab\there\nnl\x1f"), "\"tab\\u0009here\\u000anl\\u001f\"");
    assert_string_equal(literal(""), "\"\"");
}

static void utf8_is_kept_as_it_is(void **state)
{
    (void)state;
    assert_string_equal(literal("数据/月.csv"), "\"数据/月.csv\"");
    assert_string_equal(literal("σ − ŷ 😀"), "\"σ − ŷ 😀\"");
}

static void bytes_that_are_not_utf8_become_the_replacement_character(void **state)
{
    (void)state;
    assert_string_equal(literal("a\xff" "b"), "\"a\\ufffdb\"");
    assert_string_equal(literal("\xc3"), "\"\\ufffd\"");                  /* cut short by the end */
    assert_string_equal(literal("\xe6\x95" "x"), "\"\\ufffd\\ufffdx\"");   /* cut short inside */
    assert_string_equal(literal("\xc0\xaf"), "\"\\ufffd\\ufffd\"");        /* overlong '/' */
    assert_string_equal(literal("\xed\xa0\x80"), "\"\\ufffd\\ufffd\\ufffd\""); /* a surrogate */
    assert_string_equal(literal("\xf4\x90\x80\x80"), "\"\\ufffd\\ufffd\\ufffd\\ufffd\""); /* past U+10FFFF */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(quotes_backslashes_and_controls_are_escaped),
        cmocka_unit_test(utf8_is_kept_as_it_is),
        cmocka_unit_test(bytes_that_are_not_utf8_become_the_replacement_character),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
