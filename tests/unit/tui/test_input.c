/*
 * test_input.c — curses key codes → ui_key (src/tui/input.c). Links the
 * tui layer; needs no terminal.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <curses.h>

#include "input.h"

static void assert_key(bool keycode, unsigned value, ui_keycode code, uint32_t ch)
{
    ui_key k = input_translate(keycode, value);
    assert_int_equal(k.code, code);
    if (code == UI_KEY_CHAR)
        assert_int_equal(k.ch, ch);
}

static void enter_comes_as_carriage_return_newline_or_key_enter(void **state)
{
    (void)state;
    assert_key(false, '\r', UI_KEY_ENTER, 0);
    assert_key(false, '\n', UI_KEY_ENTER, 0);
    assert_key(true, KEY_ENTER, UI_KEY_ENTER, 0);
}

static void ctrl_c_is_a_key_in_raw_mode(void **state)
{
    (void)state;
    assert_key(false, 3, UI_KEY_CTRL_C, 0);
}

static void backspace_escape_and_tab_are_named(void **state)
{
    (void)state;
    assert_key(false, 127, UI_KEY_BACKSPACE, 0);
    assert_key(false, 8, UI_KEY_BACKSPACE, 0);
    assert_key(true, KEY_BACKSPACE, UI_KEY_BACKSPACE, 0);
    assert_key(false, 27, UI_KEY_ESC, 0);
    assert_key(false, '\t', UI_KEY_TAB, 0);
}

static void arrows_and_paging_keys_map_one_to_one(void **state)
{
    (void)state;
    assert_key(true, KEY_UP, UI_KEY_UP, 0);
    assert_key(true, KEY_DOWN, UI_KEY_DOWN, 0);
    assert_key(true, KEY_LEFT, UI_KEY_LEFT, 0);
    assert_key(true, KEY_RIGHT, UI_KEY_RIGHT, 0);
    assert_key(true, KEY_PPAGE, UI_KEY_PGUP, 0);
    assert_key(true, KEY_NPAGE, UI_KEY_PGDN, 0);
    assert_key(true, KEY_HOME, UI_KEY_HOME, 0);
    assert_key(true, KEY_END, UI_KEY_END, 0);
}

static void printable_characters_keep_their_code_point_and_others_are_dropped(void **state)
{
    (void)state;
    assert_key(false, 'q', UI_KEY_CHAR, 'q');
    assert_key(false, 0x4E2D, UI_KEY_CHAR, 0x4E2D);  /* 中 */
    assert_key(false, 1, UI_KEY_NONE, 0);             /* Ctrl-A */
    assert_key(false, 0x85, UI_KEY_NONE, 0);          /* a C1 control */
    assert_key(true, KEY_F(1), UI_KEY_NONE, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(enter_comes_as_carriage_return_newline_or_key_enter),
        cmocka_unit_test(ctrl_c_is_a_key_in_raw_mode),
        cmocka_unit_test(backspace_escape_and_tab_are_named),
        cmocka_unit_test(arrows_and_paging_keys_map_one_to_one),
        cmocka_unit_test(printable_characters_keep_their_code_point_and_others_are_dropped),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
