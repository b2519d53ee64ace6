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

/* The nearest ASCII character for a symbol lesson text often holds, so a
 * terminal without UTF-8 still reads "w.x - b" rather than "w?x ? b". */
static wchar_t blit_ascii(uint32_t ch)
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
            short pair;
            theme_cell_style(cell, &attrs, &pair);
            bool wide = x + 1 < c->width && (cell[1].flags & UI_CELL_CONT);
            wchar_t wch[2] = {(wchar_t)(cell->ch ? cell->ch : ' '), 0};
            if (ascii && cell->ch >= 0x80)
                wch[0] = blit_ascii(cell->ch);
            cchar_t cc;
            setcchar(&cc, wch, (attr_t)attrs, pair, NULL);
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
