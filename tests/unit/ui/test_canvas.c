/*
 * test_canvas.c — the cell grid: wide characters, clipping, text dumps.
 */
#include <locale.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "canvas.h"
#include "glyphs.h"
#include "screens.h"

static void assert_canvas_text(const ui_canvas *c, const char *expected)
{
    char *s = canvas_to_text(c);
    assert_non_null(s);
    assert_string_equal(s, expected);
    free(s);
}

static void a_new_canvas_is_blank_and_bad_sizes_give_null(void **state)
{
    (void)state;
    assert_null(canvas_new(0, 3));
    assert_null(canvas_new(3, -1));
    ui_canvas *c = canvas_new(3, 2);
    assert_canvas_text(c, "\n\n");
    assert_int_equal(canvas_cell(c, 2, 1)->ch, ' ');
    assert_null(canvas_cell(c, 3, 0));
    canvas_free(c);
}

static void a_wide_character_takes_two_cells(void **state)
{
    (void)state;
    ui_canvas *c = canvas_new(6, 1);
    assert_int_equal(canvas_put(c, 1, 0, 0x4E2D, ROLE_HEADING), 2);
    assert_true(canvas_cell(c, 2, 0)->flags & UI_CELL_CONT);
    assert_canvas_text(c, " 中\n");
    /* A wide character at the last column becomes a space. */
    assert_int_equal(canvas_put(c, 5, 0, 0x6587, ROLE_NORMAL), 1);
    assert_int_equal(canvas_cell(c, 5, 0)->ch, ' ');
    canvas_free(c);
}

static void overwriting_half_a_wide_character_blanks_the_other_half(void **state)
{
    (void)state;
    ui_canvas *c = canvas_new(6, 1);
    canvas_text(c, 0, 0, -1, "中文", ROLE_NORMAL);
    canvas_put(c, 1, 0, 'x', ROLE_NORMAL);  /* the right half of 中 */
    assert_canvas_text(c, " x文\n");
    canvas_put(c, 2, 0, 'y', ROLE_NORMAL);  /* the left half of 文 */
    assert_false(canvas_cell(c, 3, 0)->flags & UI_CELL_CONT);
    assert_canvas_text(c, " xy\n");
    canvas_free(c);
}

static void text_is_clipped_without_splitting_a_wide_character(void **state)
{
    (void)state;
    ui_canvas *c = canvas_new(10, 2);
    assert_int_equal(canvas_text(c, 0, 0, 5, "反向传播", ROLE_NORMAL), 4);
    assert_int_equal(canvas_text(c, 7, 1, -1, "abcdef", ROLE_NORMAL), 3);
    assert_int_equal(canvas_text(c, 0, 5, -1, "off the canvas", ROLE_NORMAL), 0);
    assert_canvas_text(c, "反向\n       abc\n");
    canvas_free(c);
}

static void text_too_wide_for_its_room_ends_in_an_ellipsis(void **state)
{
    (void)state;
    ui_canvas *c = canvas_new(12, 4);
    assert_int_equal(screen_text_fit(c, 0, 0, 12, "fits", ROLE_NORMAL, false), 4);
    assert_int_equal(screen_text_fit(c, 0, 1, 8, "Shallow networks", ROLE_NORMAL, false), 8);
    assert_int_equal(screen_text_fit(c, 0, 2, 8, "Shallow networks", ROLE_NORMAL, true), 8);
    /* 反向 is four columns, so 5 columns keep it and the mark; 4 keep one. */
    assert_int_equal(screen_text_fit(c, 0, 3, 5, "反向传播", ROLE_NORMAL, false), 5);
    assert_int_equal(screen_text_fit(c, 6, 3, 4, "反向传播", ROLE_NORMAL, false), 3);
    assert_canvas_text(c, "fits\nShallow\u2026\nShallow.\n反向\u2026 反\u2026\n");
    canvas_free(c);
}

static void control_characters_and_bad_utf8_become_replacement(void **state)
{
    (void)state;
    ui_canvas *c = canvas_new(6, 1);
    canvas_text(c, 0, 0, -1, "a\tb\xFF", ROLE_NORMAL);
    assert_canvas_text(c, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD\n");
    canvas_free(c);
}

static void a_box_has_corners_and_a_title(void **state)
{
    (void)state;
    ui_canvas *c = canvas_new(12, 3);
    canvas_box(c, 0, 0, 12, 3, "map", ROLE_BORDER, false);
    assert_canvas_text(c, "┌ map ─────┐\n│          │\n└──────────┘\n");
    canvas_box(c, 0, 0, 12, 3, "map", ROLE_BORDER, true);
    assert_canvas_text(c, "+ map -----+\n|          |\n+----------+\n");
    canvas_free(c);
}

static void roles_dump_one_letter_per_column(void **state)
{
    (void)state;
    ui_canvas *c = canvas_new(6, 2);
    canvas_text(c, 0, 0, -1, "中a", ROLE_HEADING);
    canvas_paint(c, 0, 1, 2, 1, ROLE_SELECTED, UI_CELL_BOLD);
    char *roles = canvas_roles_to_text(c);
    /* ROLE_HEADING is 3 → 'd'; ROLE_SELECTED is 5 → 'f'. */
    assert_string_equal(roles, "ddd\nff\n");
    free(roles);
    assert_true(canvas_cell(c, 1, 1)->flags & UI_CELL_BOLD);
    canvas_free(c);
}

static void shaded_cells_keep_their_shades(void **state)
{
    (void)state;
    ui_canvas *c = canvas_new(2, 1);
    canvas_put_shaded(c, 0, 0, 0x2580, 1, 200);
    const ui_cell *cell = canvas_cell(c, 0, 0);
    assert_int_equal(cell->role, ROLE_HEAT);
    assert_int_equal(cell->fg, 1);
    assert_int_equal(cell->bg, UI_SHADE_MAX);
    assert_true(cell->flags & UI_CELL_SHADED);
    canvas_free(c);
}

static void resize_clears_and_fill_repeats(void **state)
{
    (void)state;
    ui_canvas *c = canvas_new(2, 1);
    assert_true(canvas_resize(c, 4, 2));
    canvas_fill(c, 0, 1, 4, 1, '-', ROLE_BORDER);
    canvas_printf(c, 0, 0, -1, ROLE_NORMAL, "%d%%", 50);
    assert_canvas_text(c, "50%\n----\n");
    canvas_free(c);
}

/* Rectangles and text of any size or place are clipped to the canvas without
 * overflowing an int (a layout at a huge size, a negative offset). */
static void rectangles_of_any_size_are_clipped(void **state)
{
    (void)state;
    ui_canvas *c = canvas_new(5, 3);
    canvas_fill(c, -3, -1, INT_MAX, INT_MAX, '.', ROLE_DIM);
    assert_canvas_text(c, ".....\n.....\n.....\n");
    canvas_paint(c, 2, 1, INT_MAX, INT_MAX, ROLE_WARN, 0);
    assert_int_equal(canvas_cell(c, 4, 2)->role, ROLE_WARN);
    assert_int_equal(canvas_cell(c, 1, 2)->role, ROLE_DIM);
    canvas_paint(c, INT_MIN, INT_MIN, 2, 2, ROLE_OK, 0);  /* entirely outside */
    canvas_paint(c, 0, 0, -4, 7, ROLE_OK, 0);             /* a negative width */
    assert_int_equal(canvas_cell(c, 0, 0)->role, ROLE_DIM);
    canvas_clear(c);
    canvas_box(c, 1, 1, INT_MAX, INT_MAX, "T", ROLE_BORDER, true);
    assert_canvas_text(c, "\n + T\n |\n");
    canvas_clear(c);
    canvas_box(c, INT_MAX, INT_MAX, 5, 5, "T", ROLE_BORDER, false);
    canvas_box(c, INT_MIN, INT_MIN, 5, 5, "T", ROLE_BORDER, false);
    assert_canvas_text(c, "\n\n\n");
    assert_int_equal(canvas_text(c, 3, 0, INT_MAX, "abcdef", ROLE_NORMAL), 2);
    assert_int_equal(canvas_text(c, -2, 1, INT_MAX, "abcdefgh", ROLE_NORMAL), 7);
    assert_canvas_text(c, "   ab\ncdefg\n\n");
    /* A wide fill keeps its phase from x; the one past the edge is a space. */
    canvas_clear(c);
    canvas_fill(c, -1, 0, 7, 1, 0x4E2D, ROLE_NORMAL);
    assert_canvas_text(c, " \xe4\xb8\xad\xe4\xb8\xad\n\n\n");
    canvas_free(c);
}

/* canvas_printf cuts a line longer than its buffer before a UTF-8 sequence
 * the cut would leave incomplete, never showing U+FFFD for it. */
static void a_long_printf_is_cut_between_characters(void **state)
{
    (void)state;
    char line[1101] = "";
    for (int i = 0; i < 1100; i++)  /* 1022 bytes of 'a' then "中…": the cut is inside 中 */
        line[i] = 'a';
    for (int shift = 0; shift < 4; shift++) {
        memset(line, 'a', 1100);
        memcpy(line + 1020 + shift, "\xe4\xb8\xad", 3);
        ui_canvas *c = canvas_new(1100, 1);
        int cols = canvas_printf(c, 0, 0, -1, ROLE_NORMAL, "%s", line);
        for (int x = 0; x < c->width; x++)
            assert_int_not_equal(canvas_cell(c, x, 0)->ch, 0xFFFD);
        assert_true(cols >= 1020 && cols <= 1023);
        canvas_free(c);
    }
}

static void every_glyph_has_an_ascii_twin(void **state)
{
    (void)state;
    for (int g = 0; g < GLYPH_COUNT; g++) {
        const char *a = glyph_str((ui_glyph)g, true);
        assert_non_null(a);
        for (const char *p = a; *p; p++)
            assert_true((unsigned char)*p >= 0x20 && (unsigned char)*p < 0x7F);
        assert_true(glyph_cp((ui_glyph)g, false) >= 0x80);
        assert_true(glyph_cp((ui_glyph)g, true) < 0x80);
    }
    assert_int_equal(glyph_braille(0, false), 0x2800);
    assert_int_equal(glyph_braille(0x01, true), '\'');
    assert_int_equal(glyph_braille(0x40, true), '.');
    assert_int_equal(glyph_braille(0x41, true), ':');
}

/* The marks a row of a list can carry (done, wrong, current, not yet, and
 * the scroll marks) are told apart in ASCII as well as in UTF-8: a done
 * step is not read as "more below". */
static void the_marks_of_a_list_row_differ_in_ascii_too(void **state)
{
    (void)state;
    static const ui_glyph marks[] = {GLYPH_DONE,    GLYPH_WRONG,    GLYPH_CURRENT,
                                     GLYPH_NOT_YET, GLYPH_ARROW_UP, GLYPH_ARROW_DOWN};
    size_t n = sizeof marks / sizeof marks[0];
    for (int ascii = 0; ascii < 2; ascii++)
        for (size_t i = 0; i < n; i++)
            for (size_t j = i + 1; j < n; j++)
                if (!strcmp(glyph_str(marks[i], ascii), glyph_str(marks[j], ascii)))
                    fail_msg("glyphs %d and %d are both \"%s\" (ascii %d)", (int)marks[i], (int)marks[j],
                             glyph_str(marks[i], ascii), ascii);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_new_canvas_is_blank_and_bad_sizes_give_null),
        cmocka_unit_test(a_wide_character_takes_two_cells),
        cmocka_unit_test(overwriting_half_a_wide_character_blanks_the_other_half),
        cmocka_unit_test(text_is_clipped_without_splitting_a_wide_character),
        cmocka_unit_test(text_too_wide_for_its_room_ends_in_an_ellipsis),
        cmocka_unit_test(control_characters_and_bad_utf8_become_replacement),
        cmocka_unit_test(a_box_has_corners_and_a_title),
        cmocka_unit_test(roles_dump_one_letter_per_column),
        cmocka_unit_test(shaded_cells_keep_their_shades),
        cmocka_unit_test(resize_clears_and_fill_repeats),
        cmocka_unit_test(rectangles_of_any_size_are_clipped),
        cmocka_unit_test(a_long_printf_is_cut_between_characters),
        cmocka_unit_test(every_glyph_has_an_ascii_twin),
        cmocka_unit_test(the_marks_of_a_list_row_differ_in_ascii_too),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
