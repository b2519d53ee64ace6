/*
 * blit.h — a canvas onto the curses screen, one doupdate per frame.
 *
 * blit_frame compares the canvas with the last frame it drew and does
 * nothing when they are equal (a frame is skipped when nothing changed).
 * In ASCII mode (a locale that is not UTF-8) a non-ASCII character is drawn
 * as its nearest ASCII look-alike (· → '.', − → '-', …) or as '?' ("??" for
 * a wide one), since the terminal cannot show it.
 */
#ifndef DNN_TUI_BLIT_H
#define DNN_TUI_BLIT_H

#include <stdbool.h>
#include <stdint.h>
#include <wchar.h>

#include "canvas.h"

/* Draws c on stdscr if it differs from the last frame; returns whether it
 * drew. `force` draws anyway (after a resize, when curses cleared the
 * screen). */
bool blit_frame(const ui_canvas *c, bool ascii, bool force);

/* The nearest ASCII character for a symbol lesson text often holds, so a
 * terminal without UTF-8 still reads "w.x - b" and "a2" rather than "w?x ? b"
 * and "a?": sub- and superscripts become their digit or letter, ŷ y, ∂ d,
 * box corners +. ASCII passes through; anything else is '?'. */
wchar_t blit_ascii(uint32_t ch);

/* Forgets the last frame (frees its copy). */
void blit_reset(void);

#endif
