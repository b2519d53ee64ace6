/*
 * canvas.h — a grid of terminal cells that screens draw into, with no curses.
 *
 * Every screen renders into a ui_canvas; src/tui blits it to curses, and the
 * tests turn it into UTF-8 text (canvas_to_text) and compare with golden files.
 *
 *   cell = { code point, semantic role, fg shade, bg shade, flags }
 *
 * A wide character (CJK: two columns by wcwidth) occupies its cell and marks
 * the next cell UI_CELL_CONT; writing either half of a wide character clears
 * the other, so the grid never holds half a character.
 *
 * Roles are what a cell *means* (a heading, a selected row, class 1); the
 * theme in src/tui decides how each role looks in colour and in monochrome.
 * Shades (1 … UI_SHADES) are for heatmaps: with UI_CELL_SHADED a cell's
 * fg/bg are shade indices of the role's ramp (0 = the role's own colour).
 * Pictures carry their own colours: with UI_CELL_RGB, rgb holds them.
 *
 * Ownership: canvas_new returns a canvas freed with canvas_free. Drawing
 * outside the canvas is clipped silently.
 */
#ifndef DNN_UI_CANVAS_H
#define DNN_UI_CANVAS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum ui_role {
    ROLE_NORMAL = 0,
    ROLE_DIM,        /* secondary text, not-yet marks, empty table cells */
    ROLE_TITLE,      /* screen title bar */
    ROLE_HEADING,    /* headings inside a page or panel */
    ROLE_BORDER,     /* boxes and rules */
    ROLE_SELECTED,   /* the row or item under the cursor */
    ROLE_CURRENT,    /* the current operation / current lesson */
    ROLE_KEY,        /* a key name in the bottom bar or help */
    ROLE_BAR,        /* the bottom key bar's background text */
    ROLE_STATUS,     /* the status line */
    ROLE_OK,         /* ✓, done, right answer */
    ROLE_BAD,        /* ✗, wrong answer, errors */
    ROLE_WARN,       /* diverged, paused, warnings */
    ROLE_FORMULA,    /* maths */
    ROLE_CODE,       /* code blocks */
    ROLE_NOTE,       /* note / tip blocks */
    ROLE_INPUT,      /* text the learner is typing */
    ROLE_CLASS0,     /* data points / regions of class 0 */
    ROLE_CLASS1,     /* data points / regions of class 1 */
    ROLE_HEAT,       /* heatmap cells: fg/bg are shades from class 0 (1) to class 1 (UI_SHADES) */
    ROLE_PLOT,       /* curves */
    ROLE_MARKER,     /* markers on a plot (setting changed here) */
    ROLE_COUNT
} ui_role;

#define UI_SHADES 8
/* Two more foreground shades, for data points drawn over a heatmap: each
 * class's own ink, darker than any region shade of that class. */
#define UI_SHADE_POINT0 (UI_SHADES + 1)
#define UI_SHADE_POINT1 (UI_SHADES + 2)
#define UI_SHADE_MAX UI_SHADE_POINT1

enum {
    UI_CELL_CONT = 1u << 0,    /* right half of a wide character: draw nothing */
    UI_CELL_SHADED = 1u << 1,  /* fg/bg are heat shades */
    UI_CELL_BOLD = 1u << 2,
    UI_CELL_REVERSE = 1u << 3,
    UI_CELL_UNDERLINE = 1u << 4,
    UI_CELL_RGB = 1u << 5      /* a picture's colours: rgb[0..2] foreground, rgb[3..5] background */
};

typedef struct ui_cell {
    uint32_t ch;    /* Unicode code point; ' ' when empty; 0 for UI_CELL_CONT */
    uint8_t role;   /* ui_role */
    uint8_t fg;     /* shade 0 … UI_SHADE_MAX (with UI_CELL_SHADED) */
    uint8_t bg;
    uint8_t flags;
    uint8_t rgb[6]; /* with UI_CELL_RGB: the foreground's then the background's red, green, blue */
} ui_cell;

typedef struct ui_canvas {
    int width;
    int height;
    ui_cell *cells;  /* width × height, row-major */
} ui_canvas;

/* A blank canvas (spaces, ROLE_NORMAL), or NULL for a size < 1 or no memory. */
ui_canvas *canvas_new(int width, int height);
void canvas_free(ui_canvas *c);
/* Resizes to width × height and clears; false on no memory (canvas kept). */
bool canvas_resize(ui_canvas *c, int width, int height);
/* Every cell := ' ' with ROLE_NORMAL. */
void canvas_clear(ui_canvas *c);
/* The cell at (x, y), or NULL outside. */
ui_cell *canvas_at(ui_canvas *c, int x, int y);
const ui_cell *canvas_cell(const ui_canvas *c, int x, int y);

/* Puts one code point at (x, y) with its width (wide ones take two cells;
 * a wide one that does not fit before the right edge becomes a space).
 * Returns the columns used (0 when clipped). */
int canvas_put(ui_canvas *c, int x, int y, uint32_t ch, ui_role role);
/* Writes UTF-8 text from (x, y) on one line, at most max_cols columns (−1 for
 * up to the right edge); never splits a wide character; control characters
 * and invalid UTF-8 become U+FFFD. Returns the columns written. */
int canvas_text(ui_canvas *c, int x, int y, int max_cols, const char *utf8, ui_role role);
/* The same with printf formatting. */
int canvas_printf(ui_canvas *c, int x, int y, int max_cols, ui_role role, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* Sets role (and flags) of a rectangle without changing characters. */
void canvas_paint(ui_canvas *c, int x, int y, int w, int h, ui_role role, uint8_t flags);
/* Fills a rectangle with ch in role. */
void canvas_fill(ui_canvas *c, int x, int y, int w, int h, uint32_t ch, ui_role role);
/* A heat cell: ch (usually ▀) with foreground shade fg and background shade bg. */
void canvas_put_shaded(ui_canvas *c, int x, int y, uint32_t ch, uint8_t fg, uint8_t bg);
/* A picture cell: ch (usually ▀, the upper pixel over the lower one) with
 * foreground colour fg and background colour bg, each {red, green, blue};
 * how near the terminal comes to them is the theme's business. */
void canvas_put_rgb(ui_canvas *c, int x, int y, uint32_t ch, const uint8_t fg[3], const uint8_t bg[3]);
/* A box outline with an optional UTF-8 title in its top edge; `ascii` uses
 * + - | instead of the box-drawing characters. */
void canvas_box(ui_canvas *c, int x, int y, int w, int h, const char *title, ui_role role, bool ascii);

/* The canvas as UTF-8 text, one line per row, trailing spaces trimmed, each
 * line ending in '\n'. Returns a malloc'd string the caller frees, or NULL. */
char *canvas_to_text(const ui_canvas *c);
/* The roles as one letter per cell (a…z by role number), for golden tests of
 * colour; same layout as canvas_to_text. Caller frees. */
char *canvas_roles_to_text(const ui_canvas *c);

#endif
