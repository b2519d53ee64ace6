/*
 * test_blit.c — the ASCII look-alikes blit draws in a locale without
 * UTF-8 (src/tui/blit.c): the symbols of the shipped English lessons all
 * have one, so "a₂^[1]" reads "a2^[1]", not "a?^[1]".
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "blit.h"

static void ascii_passes_through_and_the_unknown_is_a_question_mark(void **state)
{
    (void)state;
    assert_int_equal(blit_ascii('w'), 'w');
    assert_int_equal(blit_ascii('?'), '?');
    assert_int_equal(blit_ascii(0x4E2D), '?');  /* 中: no look-alike */
    assert_int_equal(blit_ascii(0x1F600), '?');
}

static void sub_and_superscripts_keep_their_digit_or_letter(void **state)
{
    (void)state;
    static const uint32_t sub[] = {0x2080, 0x2081, 0x2082, 0x2083, 0x2084, 0x2085, 0x2086, 0x2087, 0x2088, 0x2089};
    static const uint32_t sup[] = {0x2070, 0x00B9, 0x00B2, 0x00B3, 0x2074, 0x2075, 0x2076, 0x2077, 0x2078, 0x2079};
    for (int d = 0; d < 10; d++) {
        assert_int_equal(blit_ascii(sub[d]), '0' + d);
        assert_int_equal(blit_ascii(sup[d]), '0' + d);
    }
    assert_int_equal(blit_ascii(0x2071), 'i');  /* ⁱ */
    assert_int_equal(blit_ascii(0x1D62), 'i');  /* ᵢ */
    assert_int_equal(blit_ascii(0x207D), '(');
    assert_int_equal(blit_ascii(0x1D40), 'T');  /* ᵀ */
}

/* Every non-ASCII character the English texts of lessons/week1-4.json use
 * (scanned when this test was written), but √, ∞ and ½, which have no
 * sensible one-column twin. */
static void every_symbol_of_the_english_lessons_has_a_look_alike(void **state)
{
    (void)state;
    static const uint32_t used[] = {
        0x2212, 0x207D, 0x207E, 0x1D40, 0x0177, 0x03C3, 0x2192, 0x2500, 0x00B7, 0x2081, 0x2071, 0x2032,
        0x00D7, 0x2082, 0x00B2, 0x2026, 0x2202, 0x03B1, 0x2248, 0x00B9, 0x2502, 0x2084, 0x1D50, 0x2208,
        0x2083, 0x2217, 0x03A3, 0x2518, 0x1D62, 0x2514, 0x2295, 0x2190, 0x211D, 0x2014, 0x25CB, 0x2193,
        0x00B3, 0x207F, 0x2070, 0x2264, 0x250C, 0x2510, 0x21D2, 0x21D4, 0x207B, 0x03B5, 0x25BA, 0x2C7C,
        0x00B1, 0x2191, 0x2112, 0x2717, 0x2713, 0x2080, 0x03B8, 0x2079, 0x2077, 0x2013, 0x0176, 0x2099,
        0x2085, 0x2086, 0x2087, 0x2088,
    };
    for (size_t i = 0; i < sizeof used / sizeof used[0]; i++)
        if (blit_ascii(used[i]) == '?')
            fail_msg("U+%04X has no ASCII look-alike", (unsigned)used[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ascii_passes_through_and_the_unknown_is_a_question_mark),
        cmocka_unit_test(sub_and_superscripts_keep_their_digit_or_letter),
        cmocka_unit_test(every_symbol_of_the_english_lessons_has_a_look_alike),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
