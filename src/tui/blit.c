/*
 * blit.c — canvas cells → cchar_t (see blit.h).
 */
#include "blit.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "theme.h"

static ui_cell *blit_last;
static int blit_last_w, blit_last_h;

static bool blit_same(const ui_canvas *c)
{
    return blit_last && blit_last_w == c->width && blit_last_h == c->height &&
           !memcmp(blit_last, c->cells, (size_t)c->width * (size_t)c->height * sizeof *c->cells);
}

static void blit_remember(const ui_canvas *c)
{
    size_t n = (size_t)c->width * (size_t)c->height;
    if (blit_last_w * blit_last_h != c->width * c->height || !blit_last) {
        free(blit_last);
        blit_last = malloc(n * sizeof *blit_last);
    }
    if (!blit_last)
        return;
    memcpy(blit_last, c->cells, n * sizeof *blit_last);
    blit_last_w = c->width;
    blit_last_h = c->height;
}

wchar_t blit_ascii(uint32_t ch)
{
    static const struct {
        uint32_t from;
        char to;
    } table[] = {
        {0x00B7, '.'}, {0x2212, '-'}, {0x2013, '-'}, {0x2014, '-'}, {0x00D7, 'x'}, {0x2018, '\''},
        {0x2019, '\''}, {0x201C, '"'}, {0x201D, '"'}, {0x2026, '.'}, {0x2248, '~'}, {0x2264, '<'},
        {0x2265, '>'}, {0x2192, '>'}, {0x2190, '<'}, {0x2191, '^'}, {0x2193, 'v'}, {0x1D40, 'T'},
        {0x03C3, 's'}, {0x03B1, 'a'}, {0x00B2, '2'}, {0x00B9, '1'}, {0x2071, 'i'}, {0x207D, '('},
        {0x207E, ')'}, {0x00A0, ' '}, {0x2032, '\''}, {0x2500, '-'}, {0x2502, '|'}, {0x203A, '>'},
        /* sub- and superscripts as the letter or digit they carry: a₂ → a2, xⁿ → xn */
        {0x2070, '0'}, {0x00B3, '3'}, {0x2074, '4'}, {0x2075, '5'}, {0x2076, '6'}, {0x2077, '7'},
        {0x2078, '8'}, {0x2079, '9'}, {0x207A, '+'}, {0x207B, '-'}, {0x207F, 'n'}, {0x1D50, 'm'},
        {0x2080, '0'}, {0x2081, '1'}, {0x2082, '2'}, {0x2083, '3'}, {0x2084, '4'}, {0x2085, '5'},
        {0x2086, '6'}, {0x2087, '7'}, {0x2088, '8'}, {0x2089, '9'}, {0x1D62, 'i'}, {0x2C7C, 'j'},
        {0x2099, 'n'},
        /* maths in the lessons: ŷ → y, ∂J/∂w → dJ/dw (the course's own dw), Σ → S */
        {0x0177, 'y'}, {0x0176, 'Y'}, {0x2202, 'd'}, {0x2217, '*'}, {0x03A3, 'S'}, {0x03B5, 'e'},
        {0x03B8, 't'}, {0x2208, 'E'}, {0x2295, '+'}, {0x00B1, '+'}, {0x211D, 'R'}, {0x2112, 'L'},
        {0x21D2, '>'}, {0x21D4, '='}, {0x2260, '#'}, {0x25BA, '>'}, {0x25B6, '>'}, {0x25CB, 'o'},
        {0x25CF, 'x'}, {0x2713, 'v'}, {0x2717, 'x'}, {0x2022, '*'},
        /* box drawing in diagrams */
        {0x250C, '+'}, {0x2510, '+'}, {0x2514, '+'}, {0x2518, '+'}, {0x251C, '+'}, {0x2524, '+'},
        {0x252C, '+'}, {0x2534, '+'}, {0x253C, '+'},
    };
    if (ch < 0x80)
        return (wchar_t)ch;
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (table[i].from == ch)
            return (wchar_t)table[i].to;
    return '?';
}

bool blit_frame(const ui_canvas *c, bool ascii, bool force)
{
    if (!force && blit_same(c))
        return false;
    int rows, cols;
    getmaxyx(stdscr, rows, cols);
    for (int y = 0; y < c->height && y < rows; y++) {
        for (int x = 0; x < c->width && x < cols; x++) {
            const ui_cell *cell = &c->cells[(size_t)y * (size_t)c->width + (size_t)x];
            if (cell->flags & UI_CELL_CONT)
                continue;
            unsigned long attrs;
            int pair;
            theme_cell_style(cell, &attrs, &pair);
            bool wide = x + 1 < c->width && (cell[1].flags & UI_CELL_CONT);
            wchar_t wch[2] = {(wchar_t)(cell->ch ? cell->ch : ' '), 0};
            if (ascii && cell->ch >= 0x80)
                wch[0] = blit_ascii(cell->ch);
            cchar_t cc;
            setcchar(&cc, wch, (attr_t)attrs, 0, &pair); /* the pair as an extended (int) pair */
            mvwadd_wch(stdscr, y, x, &cc);
            if (wide && wch[0] == '?' && x + 1 < cols) {
                mvwadd_wch(stdscr, y, x + 1, &cc);
            }
        }
    }
    wnoutrefresh(stdscr);
    doupdate();
    blit_remember(c);
    return true;
}

void blit_reset(void)
{
    free(blit_last);
    blit_last = NULL;
    blit_last_w = blit_last_h = 0;
}
