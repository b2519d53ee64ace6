/*
 * layout.h — terminal size → panel rectangles. A pure function: the app
 * calls it on every render, so a resize recomputes everything.
 *
 *   ┌ title (1 row) ───────────────────────────────────────────┐
 *   │ list (left)            │ detail (right)                   │
 *   │                        │                                  │
 *   │ reader: one centred column, at most LAYOUT_READ_MAX wide │
 *   ├ message (1 row, overlays the body's last row when shown) ┤
 *   └ key bar (1 row) ─────────────────────────────────────────┘
 */
#ifndef DNN_UI_LAYOUT_H
#define DNN_UI_LAYOUT_H

#include <stdbool.h>

#include "screen.h"

#define LAYOUT_MIN_W 80
#define LAYOUT_MIN_H 24
#define LAYOUT_READ_MAX 100  /* the reader's text column is at most this wide */

typedef struct ui_layout {
    bool too_small;  /* below 80×24: only the too-small notice is drawn */
    ui_rect screen;  /* the whole terminal */
    ui_rect body;    /* everything but the key bar: what a screen's render gets */
    ui_rect keybar;  /* the bottom row */
    ui_rect message; /* the body's last row, for a one-line notice */
} ui_layout;

/* The layout of a w × h terminal (w, h may be anything; too_small is set
 * below the minimum and the rectangles are then still inside w × h). */
ui_layout layout_compute(int w, int h);

/* Panels inside a screen's body:
 *   title   the body's first row
 *   list    the left panel under the title: half the width, 34 … 60 columns
 *   detail  the rest, right of a one-column gap
 *   column  the reading column: centred, at most LAYOUT_READ_MAX wide, with
 *           a margin of 2 columns on each side when there is room */
typedef struct ui_panels {
    ui_rect title;
    ui_rect list;
    ui_rect detail;
    ui_rect column;
} ui_panels;

/* The panels of body as above, for any body: widths are clamped to it and
 * never negative (the panels are empty when body is too small). */
ui_panels layout_panels(ui_rect body);

#endif
