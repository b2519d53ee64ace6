/*
 * theme.h — semantic roles (canvas.h) → curses attributes, mapped once.
 *
 * Three themes, chosen by theme_init:
 *   colour 256  roles in colour; heat shades on two 256-colour ramps,
 *               class 0 blue → pale, pale → orange/red class 1
 *               (pictures: their own colours, truecolor when terminfo has
 *               them, else the nearest of 256 or of 8; tui/rgb.h)
 *   colour 8    the same with the 8 basic colours (ramps of blue/cyan and
 *               yellow/red; with fewer than 113 colour pairs the ramps
 *               collapse to blue / red)
 *   monochrome  NO_COLOR or --no-color or no colours: bold, reverse,
 *               underline and dim only; heat cells fall back to reverse for
 *               the class-1 half, so glyphs must carry the difference
 */
#ifndef DNN_TUI_THEME_H
#define DNN_TUI_THEME_H

#include <stdbool.h>
#include <stdint.h>

#include "canvas.h"

/* Sets up colour pairs once (after term_start). `want_color` false, the
 * NO_COLOR environment variable or a terminal without colours give the
 * monochrome theme. */
void theme_init(bool want_color);
/* Whether theme_init chose colour (false with NO_COLOR, --no-color or a
 * terminal without colours): tui_run tells the screens, so they draw the
 * monochrome forms. */
bool theme_has_color(void);


/* The curses attributes (attr_t) and colour pair for a cell. A picture cell
 * (UI_CELL_RGB) gets a pair of the nearest colours the terminal has (rgb.h):
 * truecolor on a *-direct terminfo entry, else 256 or 8 colours; the pair
 * may be past 32767 (give it to setcchar as the extended pair). */
void theme_cell_style(const ui_cell *cell, unsigned long *attrs, int *pair);

#endif
