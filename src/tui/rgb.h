/*
 * rgb.h — a picture's colour ({red, green, blue} bytes) as the nearest colour
 * a terminal has, by the colours terminfo says it has:
 *
 *   16777216 (a *-direct entry)   the colour itself, 0xRRGGBB (values below 8
 *                                 name the basic colours there, so they become 8)
 *   256                           xterm's 6×6×6 cube (16 … 231) or grey ramp (232 … 255)
 *   8 or 16                       the 8 basic colours (COLOR_BLACK … COLOR_WHITE)
 *
 * Pure functions, no curses state: the theme asks them for colour numbers and
 * allocates the pairs.
 */
#ifndef DNN_TUI_RGB_H
#define DNN_TUI_RGB_H

#include <stdint.h>

/* The colour number for rgb on a terminal with `colors` colours (COLORS). */
int rgb_color_number(const uint8_t rgb[3], int colors);

/* The nearest of xterm's 256 colours 16 … 255 (squared RGB distance to the
 * colours xterm gives them). */
int rgb_to_xterm256(const uint8_t rgb[3]);

/* The nearest of the 8 basic colours, 0 … 7 in curses' order (black, red,
 * green, yellow, blue, magenta, cyan, white). */
int rgb_to_basic8(const uint8_t rgb[3]);

#endif
