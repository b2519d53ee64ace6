/*
 * input.c — curses keys → ui_key (see input.h).
 */
#include "input.h"

#include <curses.h>

ui_key input_translate(bool is_keycode, unsigned int value)
{
    ui_key k = {UI_KEY_NONE, 0};
    if (is_keycode) {
        switch (value) {
        case KEY_UP: k.code = UI_KEY_UP; break;
        case KEY_DOWN: k.code = UI_KEY_DOWN; break;
        case KEY_LEFT: k.code = UI_KEY_LEFT; break;
        case KEY_RIGHT: k.code = UI_KEY_RIGHT; break;
        case KEY_PPAGE: k.code = UI_KEY_PGUP; break;
        case KEY_NPAGE: k.code = UI_KEY_PGDN; break;
        case KEY_HOME: k.code = UI_KEY_HOME; break;
        case KEY_END: k.code = UI_KEY_END; break;
        case KEY_ENTER: k.code = UI_KEY_ENTER; break;
        case KEY_BACKSPACE: k.code = UI_KEY_BACKSPACE; break;
        case KEY_DC: k.code = UI_KEY_BACKSPACE; break;
        default: break;
        }
        return k;
    }
    switch (value) {
    case '\r':
    case '\n': k.code = UI_KEY_ENTER; break;
    case 27: k.code = UI_KEY_ESC; break;
    case 127:
    case 8: k.code = UI_KEY_BACKSPACE; break;
    case '\t': k.code = UI_KEY_TAB; break;
    case 3: k.code = UI_KEY_CTRL_C; break;
    default:
        if (value >= 0x20 && value != 0x7F && !(value >= 0x80 && value < 0xA0) && value <= 0x10FFFF) {
            k.code = UI_KEY_CHAR;
            k.ch = value;
        }
        break;
    }
    return k;
}

input_result input_read(int timeout_ms, ui_key *key)
{
    wtimeout(stdscr, timeout_ms);
    wint_t wc;
    int r = wget_wch(stdscr, &wc);
    if (r == ERR)
        return INPUT_NONE;
    if (r == KEY_CODE_YES && wc == KEY_RESIZE)
        return INPUT_RESIZE;
    *key = input_translate(r == KEY_CODE_YES, (unsigned int)wc);
    return key->code == UI_KEY_NONE ? INPUT_NONE : INPUT_KEY;
}
