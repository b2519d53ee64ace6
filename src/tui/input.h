/*
 * input.h — curses keys → ui_key.
 */
#ifndef DNN_TUI_INPUT_H
#define DNN_TUI_INPUT_H

#include <stdbool.h>

#include "screen.h"

typedef enum input_result {
    INPUT_NONE,    /* the timeout passed, or a signal interrupted the wait */
    INPUT_KEY,     /* *key holds a key */
    INPUT_RESIZE   /* the terminal changed size (KEY_RESIZE) */
} input_result;

/* Waits up to timeout_ms (−1 = until a key) for one key on stdscr. Keys the
 * app has no use for (function keys, mouse) come back as INPUT_NONE. */
input_result input_read(int timeout_ms, ui_key *key);

/* The ui_key for a wget_wch result: `is_keycode` is true for OK_KEYCODE
 * (KEY_* values), false for a character. UI_KEY_NONE when unmapped. */
ui_key input_translate(bool is_keycode, unsigned int value);

#endif
