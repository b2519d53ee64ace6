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
                wch[0] = '?';
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
