/*
 * glyphs.h — every symbol the screens draw, with its ASCII twin.
 *
 * Screens never write a non-ASCII symbol literally: they ask for a glyph by
 * name and get the UTF-8 form or, with ctx->ascii (a locale that is not
 * UTF-8), the ASCII twin. Both forms of a glyph are one column wide except
 * where the table says otherwise (GLYPH_ELLIPSIS is "..." in ASCII).
 *
 *   glyph      UTF-8  ASCII     glyph        UTF-8  ASCII
 *   DONE       ✓      v         ARROW_LEFT   ←      <
 *   WRONG      ✗      x         ARROW_RIGHT  →      >
 *   CURRENT    ▸      >         ARROW_UP     ↑      ^
 *   NOT_YET    ·      .         ARROW_DOWN   ↓      V (not v: that is DONE)
 *   BULLET     •      *         CLIP         ›      >
 *   HALF_UPPER ▀      "         ELLIPSIS     …      ...
 *   box drawing ─│┌┐└┘├┤┬┴┼ → - | + ; braille dots → . : ' |
 */
#ifndef DNN_UI_GLYPHS_H
#define DNN_UI_GLYPHS_H

#include <stdbool.h>
#include <stdint.h>

typedef enum ui_glyph {
    GLYPH_DONE,         /* a done lesson, a right answer */
    GLYPH_WRONG,        /* a wrong answer */
    GLYPH_CURRENT,      /* the current lesson / operation */
    GLYPH_NOT_YET,      /* a lesson not started */
    GLYPH_BULLET,       /* a bullet list item */
    GLYPH_CLIP,         /* "more to the right" at the edge of a clipped line */
    GLYPH_CLIP_LEFT,    /* "more to the left": ‹ / < */
    GLYPH_ELLIPSIS,     /* text cut short */
    GLYPH_ARROW_LEFT,
    GLYPH_ARROW_RIGHT,
    GLYPH_ARROW_UP,
    GLYPH_ARROW_DOWN,
    GLYPH_HALF_UPPER,   /* ▀: fg is the upper pixel, bg the lower */
    GLYPH_FULL_BLOCK,   /* █ */
    GLYPH_LIGHT_SHADE,  /* ░ */
    GLYPH_H_LINE,       /* ─ */
    GLYPH_V_LINE,       /* │ */
    GLYPH_TOP_LEFT,     /* ┌ */
    GLYPH_TOP_RIGHT,    /* ┐ */
    GLYPH_BOTTOM_LEFT,  /* └ */
    GLYPH_BOTTOM_RIGHT, /* ┘ */
    GLYPH_TEE_RIGHT,    /* ├ */
    GLYPH_TEE_LEFT,     /* ┤ */
    GLYPH_TEE_DOWN,     /* ┬ */
    GLYPH_TEE_UP,       /* ┴ */
    GLYPH_CROSS,        /* ┼ */
    GLYPH_CLASS0,       /* a data point of class 0: ○ / o */
    GLYPH_CLASS1,       /* a data point of class 1: ● / x (distinct in monochrome too) */
    GLYPH_MARKER,       /* a marker on a plot: ◆ / * */
    GLYPH_CURSOR,       /* the input cursor: ▏/ _ */
    GLYPH_HINT,         /* before a hint: 💡 is too wide; ☞ / ? */
    GLYPH_LAB,          /* before a lab button: ▶ / > */
    GLYPH_COUNT
} ui_glyph;

/* The glyph as a NUL-terminated UTF-8 string (ASCII with `ascii`). Never NULL;
 * "?" for an unknown glyph. The string is static. */
const char *glyph_str(ui_glyph g, bool ascii);

/* The glyph as one code point (for canvas_put). GLYPH_ELLIPSIS in ASCII is '.'
 * here; use glyph_str to draw all three dots. */
uint32_t glyph_cp(ui_glyph g, bool ascii);

/* A braille cell for a 2×4 dot pattern: bit k of `dots` is dot k+1 in the
 * Unicode braille numbering (left column 1,2,3,7 top to bottom; right column
 * 4,5,6,8). UTF-8: U+2800 + dots. ASCII: ' ' for none, otherwise a character
 * that shows where the dots are: '\'' (top half only), '.' (bottom half only),
 * ':' (both halves), with '|' when both columns of both halves are set. */
uint32_t glyph_braille(uint8_t dots, bool ascii);

#endif
