/*
 * glyphs.c — the glyph table: each symbol with its ASCII twin (glyphs.h).
 */
#include "glyphs.h"

typedef struct glyph_entry {
    const char *utf8;
    const char *ascii;
} glyph_entry;

static const glyph_entry glyph_table[GLYPH_COUNT] = {
    [GLYPH_DONE] = {"\u2713", "v"},
    [GLYPH_WRONG] = {"\u2717", "x"},
    [GLYPH_CURRENT] = {"\u25b8", ">"},
    [GLYPH_NOT_YET] = {"\u00b7", "."},
    [GLYPH_BULLET] = {"\u2022", "*"},
    [GLYPH_CLIP] = {"\u203a", ">"},
    [GLYPH_CLIP_LEFT] = {"\u2039", "<"},
    [GLYPH_ELLIPSIS] = {"\u2026", "..."},
    [GLYPH_ARROW_LEFT] = {"\u2190", "<"},
    [GLYPH_ARROW_RIGHT] = {"\u2192", ">"},
    [GLYPH_ARROW_UP] = {"\u2191", "^"},
    [GLYPH_ARROW_DOWN] = {"\u2193", "V"},
    [GLYPH_HALF_UPPER] = {"\u2580", "\""},
    [GLYPH_FULL_BLOCK] = {"\u2588", "#"},
    [GLYPH_LIGHT_SHADE] = {"\u2591", ":"},
    [GLYPH_H_LINE] = {"\u2500", "-"},
    [GLYPH_V_LINE] = {"\u2502", "|"},
    [GLYPH_TOP_LEFT] = {"\u250c", "+"},
    [GLYPH_TOP_RIGHT] = {"\u2510", "+"},
    [GLYPH_BOTTOM_LEFT] = {"\u2514", "+"},
    [GLYPH_BOTTOM_RIGHT] = {"\u2518", "+"},
    [GLYPH_TEE_RIGHT] = {"\u251c", "+"},
    [GLYPH_TEE_LEFT] = {"\u2524", "+"},
    [GLYPH_TEE_DOWN] = {"\u252c", "+"},
    [GLYPH_TEE_UP] = {"\u2534", "+"},
    [GLYPH_CROSS] = {"\u253c", "+"},
    [GLYPH_CLASS0] = {"\u25cb", "o"},
    [GLYPH_CLASS1] = {"\u25cf", "x"},
    [GLYPH_MARKER] = {"\u25c6", "*"},
    [GLYPH_CURSOR] = {"\u258f", "_"},
    [GLYPH_HINT] = {"\u261e", "?"},
    [GLYPH_LAB] = {"\u25b6", ">"},
};

static const uint32_t glyph_cps[GLYPH_COUNT] = {
    [GLYPH_DONE] = 0x2713, [GLYPH_WRONG] = 0x2717, [GLYPH_CURRENT] = 0x25B8,
    [GLYPH_NOT_YET] = 0x00B7, [GLYPH_BULLET] = 0x2022, [GLYPH_CLIP] = 0x203A, [GLYPH_CLIP_LEFT] = 0x2039,
    [GLYPH_ELLIPSIS] = 0x2026, [GLYPH_ARROW_LEFT] = 0x2190, [GLYPH_ARROW_RIGHT] = 0x2192,
    [GLYPH_ARROW_UP] = 0x2191, [GLYPH_ARROW_DOWN] = 0x2193, [GLYPH_HALF_UPPER] = 0x2580,
    [GLYPH_FULL_BLOCK] = 0x2588, [GLYPH_LIGHT_SHADE] = 0x2591, [GLYPH_H_LINE] = 0x2500,
    [GLYPH_V_LINE] = 0x2502, [GLYPH_TOP_LEFT] = 0x250C, [GLYPH_TOP_RIGHT] = 0x2510,
    [GLYPH_BOTTOM_LEFT] = 0x2514, [GLYPH_BOTTOM_RIGHT] = 0x2518, [GLYPH_TEE_RIGHT] = 0x251C,
    [GLYPH_TEE_LEFT] = 0x2524, [GLYPH_TEE_DOWN] = 0x252C, [GLYPH_TEE_UP] = 0x2534,
    [GLYPH_CROSS] = 0x253C, [GLYPH_CLASS0] = 0x25CB, [GLYPH_CLASS1] = 0x25CF,
    [GLYPH_MARKER] = 0x25C6, [GLYPH_CURSOR] = 0x258F, [GLYPH_HINT] = 0x261E,
    [GLYPH_LAB] = 0x25B6,
};

const char *glyph_str(ui_glyph g, bool ascii)
{
    if ((unsigned)g >= GLYPH_COUNT)
        return "?";
    return ascii ? glyph_table[g].ascii : glyph_table[g].utf8;
}

uint32_t glyph_cp(ui_glyph g, bool ascii)
{
    if ((unsigned)g >= GLYPH_COUNT)
        return '?';
    if (ascii)
        return (uint32_t)(unsigned char)glyph_table[g].ascii[0];
    return glyph_cps[g];
}

uint32_t glyph_braille(uint8_t dots, bool ascii)
{
    if (!ascii)
        return 0x2800u + dots;
    if (!dots)
        return ' ';
    /* Top half: dots 1,2 (left) and 4,5 (right) = bits 0,1,3,4.
     * Bottom half: dots 3,7 (left) and 6,8 (right) = bits 2,6,5,7. */
    bool top = dots & 0x1B;
    bool bottom = dots & 0xE4;
    if (dots == 0xFF)
        return '|';
    if (top && bottom)
        return ':';
    return top ? '\'' : '.';
}
