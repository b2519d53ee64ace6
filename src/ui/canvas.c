/*
 * canvas.c — the cell grid every screen draws into (see canvas.h).
 *
 * Invariant: a cell with UI_CELL_CONT always follows a cell holding a
 * two-column character, and such a character is always followed by a
 * UI_CELL_CONT cell. canvas_put keeps it by blanking the other half of any
 * wide character it overwrites:
 *
 *   before  | 中 | ·cont· | a |      put 'x' at column 1
 *   after   | ␠  |   x    | a |
 */
#include "canvas.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

static const ui_cell blank_cell = {.ch = ' ', .role = ROLE_NORMAL};

ui_canvas *canvas_new(int width, int height)
{
    ui_canvas *c = calloc(1, sizeof *c);
    if (c && !canvas_resize(c, width, height)) {
        free(c);
        return NULL;
    }
    return c;
}

void canvas_free(ui_canvas *c)
{
    if (!c)
        return;
    free(c->cells);
    free(c);
}

bool canvas_resize(ui_canvas *c, int width, int height)
{
    if (!c || width < 1 || height < 1)
        return false;
    ui_cell *cells = malloc((size_t)width * (size_t)height * sizeof *cells);
    if (!cells)
        return false;
    free(c->cells);
    c->cells = cells;
    c->width = width;
    c->height = height;
    canvas_clear(c);
    return true;
}

void canvas_clear(ui_canvas *c)
{
    if (!c)
        return;
    size_t n = (size_t)c->width * (size_t)c->height;
    for (size_t i = 0; i < n; i++)
        c->cells[i] = blank_cell;
}

ui_cell *canvas_at(ui_canvas *c, int x, int y)
{
    if (!c || x < 0 || y < 0 || x >= c->width || y >= c->height)
        return NULL;
    return &c->cells[(size_t)y * (size_t)c->width + (size_t)x];
}

const ui_cell *canvas_cell(const ui_canvas *c, int x, int y)
{
    if (!c || x < 0 || y < 0 || x >= c->width || y >= c->height)
        return NULL;
    return &c->cells[(size_t)y * (size_t)c->width + (size_t)x];
}

/* Blanks the other half of a wide character that covers (x, y), so the cell
 * can be overwritten on its own. */
static void canvas_unlink(ui_canvas *c, int x, int y)
{
    ui_cell *cell = canvas_at(c, x, y);
    if (!cell)
        return;
    if (cell->flags & UI_CELL_CONT) {
        ui_cell *left = canvas_at(c, x - 1, y);
        if (left) {
            uint8_t role = left->role;
            *left = blank_cell;
            left->role = role;
        }
    } else {
        ui_cell *right = canvas_at(c, x + 1, y);
        if (right && (right->flags & UI_CELL_CONT)) {
            uint8_t role = right->role;
            *right = blank_cell;
            right->role = role;
        }
    }
}

static uint32_t canvas_sanitize(uint32_t ch)
{
    if (ch < 0x20 || (ch >= 0x7F && ch < 0xA0) || ch > 0x10FFFF || (ch >= 0xD800 && ch <= 0xDFFF))
        return 0xFFFD;
    return ch;
}

int canvas_put(ui_canvas *c, int x, int y, uint32_t ch, ui_role role)
{
    ch = canvas_sanitize(ch);
    int w = text_cp_width(ch);
    if (w == 0)
        return 0;  /* combining marks and zero-width characters have no cell of their own */
    ui_cell *cell = canvas_at(c, x, y);
    if (!cell)
        return 0;
    if (w == 2 && !canvas_at(c, x + 1, y)) {
        ch = ' ';
        w = 1;
    }
    canvas_unlink(c, x, y);
    if (w == 2)
        canvas_unlink(c, x + 1, y);
    *cell = (ui_cell){.ch = ch, .role = (uint8_t)role};
    if (w == 2)
        *canvas_at(c, x + 1, y) = (ui_cell){.role = (uint8_t)role, .flags = UI_CELL_CONT};
    return w;
}

int canvas_text(ui_canvas *c, int x, int y, int max_cols, const char *utf8, ui_role role)
{
    if (!c || !utf8 || y < 0 || y >= c->height)
        return 0;
    int limit = c->width;
    if (max_cols >= 0 && (long long)x + max_cols < limit)
        limit = x + max_cols;
    size_t n = strlen(utf8);
    size_t i = 0;
    int col = x;
    while (i < n) {
        uint32_t cp;
        i += (size_t)text_decode(utf8 + i, n - i, &cp);
        cp = canvas_sanitize(cp);
        int w = text_cp_width(cp);
        if (w == 0)
            continue;
        if (col + w > limit)
            break;
        if (col >= 0)
            canvas_put(c, col, y, cp, role);
        col += w;
    }
    return col - x;
}

int canvas_printf(ui_canvas *c, int x, int y, int max_cols, ui_role role, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n >= (int)sizeof buf) {
        /* Cut before a UTF-8 sequence the truncation left incomplete, which
         * would otherwise show as U+FFFD at the end. */
        size_t end = sizeof buf - 1, lead = end;
        while (lead > 0 && ((unsigned char)buf[lead - 1] & 0xC0) == 0x80 && end - lead < 3)
            lead--;
        if (lead > 0) {
            uint32_t cp;
            size_t k = lead - 1;
            if ((unsigned char)buf[k] >= 0xC0) {
                int used = text_decode(buf + k, end - k, &cp);
                if (used == 1 || (size_t)used != end - k)
                    buf[k] = '\0';
            }
        }
    }
    return canvas_text(c, x, y, max_cols, buf, role);
}

/* The part of the rectangle (x, y, w, h) inside the canvas, as column and row
 * ranges [*x0, *x1) × [*y0, *y1); empty when the two do not meet. Sizes of
 * any magnitude (a KEY_RESIZE to 1000×500, a negative width) are safe. */
static void canvas_clip(const ui_canvas *c, int x, int y, int w, int h, int *x0, int *x1, int *y0, int *y1)
{
    long long xe = (long long)x + (w > 0 ? w : 0), ye = (long long)y + (h > 0 ? h : 0);
    *x0 = x < 0 ? 0 : x;
    *y0 = y < 0 ? 0 : y;
    *x1 = xe > c->width ? c->width : (int)xe;
    *y1 = ye > c->height ? c->height : (int)ye;
}

void canvas_paint(ui_canvas *c, int x, int y, int w, int h, ui_role role, uint8_t flags)
{
    if (!c)
        return;
    int x0, x1, y0, y1;
    canvas_clip(c, x, y, w, h, &x0, &x1, &y0, &y1);
    for (int j = y0; j < y1; j++)
        for (int i = x0; i < x1; i++) {
            ui_cell *cell = canvas_at(c, i, j);
            cell->role = (uint8_t)role;
            cell->flags = (uint8_t)((cell->flags & (UI_CELL_CONT | UI_CELL_SHADED)) |
                                    (flags & ~(UI_CELL_CONT | UI_CELL_SHADED)));
        }
}

void canvas_fill(ui_canvas *c, int x, int y, int w, int h, uint32_t ch, ui_role role)
{
    if (!c)
        return;
    int cw = text_cp_width(canvas_sanitize(ch));
    if (cw < 1)
        cw = 1;
    int x0, x1, y0, y1;
    canvas_clip(c, x, y, w, h, &x0, &x1, &y0, &y1);
    /* Wide characters keep their phase from x, as if drawn from there, and
     * one that reaches past the right edge becomes a space (canvas_put). */
    if (x0 > x && (x0 - x) % cw)
        x0 += cw - (x0 - x) % cw;
    if (x1 == c->width && (long long)x + w > c->width)
        x1 += cw - 1;
    for (int j = y0; j < y1; j++)
        for (int i = x0; i + cw <= x1; i += cw)
            canvas_put(c, i, j, ch, role);
}

void canvas_put_shaded(ui_canvas *c, int x, int y, uint32_t ch, uint8_t fg, uint8_t bg)
{
    if (canvas_put(c, x, y, ch, ROLE_HEAT) == 0)
        return;
    ui_cell *cell = canvas_at(c, x, y);
    cell->fg = fg > UI_SHADE_MAX ? UI_SHADE_MAX : fg;
    cell->bg = bg > UI_SHADE_MAX ? UI_SHADE_MAX : bg;
    cell->flags |= UI_CELL_SHADED;
}

void canvas_put_rgb(ui_canvas *c, int x, int y, uint32_t ch, const uint8_t fg[3], const uint8_t bg[3])
{
    if (canvas_put(c, x, y, ch, ROLE_NORMAL) == 0)
        return;
    ui_cell *cell = canvas_at(c, x, y);
    memcpy(cell->rgb, fg, 3);
    memcpy(cell->rgb + 3, bg, 3);
    cell->flags |= UI_CELL_RGB;
}

void canvas_box(ui_canvas *c, int x, int y, int w, int h, const char *title, ui_role role, bool ascii)
{
    if (!c || w < 2 || h < 2)
        return;
    /* A box reaching past the canvas is drawn as far as it shows; the
     * clipped edges and corners are not drawn (and x + w cannot overflow). */
    if ((long long)x + w > (long long)c->width + 2)
        w = c->width + 2 - x;
    if ((long long)y + h > (long long)c->height + 2)
        h = c->height + 2 - y;
    if (w < 2 || h < 2)
        return;
    uint32_t hz = ascii ? '-' : 0x2500, vt = ascii ? '|' : 0x2502;
    uint32_t tl = ascii ? '+' : 0x250C, tr = ascii ? '+' : 0x2510;
    uint32_t bl = ascii ? '+' : 0x2514, br = ascii ? '+' : 0x2518;
    for (int i = x + 1 > 0 ? x + 1 : 0; i < x + w - 1; i++) {
        canvas_put(c, i, y, hz, role);
        canvas_put(c, i, y + h - 1, hz, role);
    }
    for (int j = y + 1 > 0 ? y + 1 : 0; j < y + h - 1; j++) {
        canvas_put(c, x, j, vt, role);
        canvas_put(c, x + w - 1, j, vt, role);
    }
    canvas_put(c, x, y, tl, role);
    canvas_put(c, x + w - 1, y, tr, role);
    canvas_put(c, x, y + h - 1, bl, role);
    canvas_put(c, x + w - 1, y + h - 1, br, role);
    if (title && *title && w > 4) {
        /* "┌ title ───┐": the title with a space either side, clipped. */
        int room = w - 4;
        canvas_put(c, x + 1, y, ' ', role);
        int used = canvas_text(c, x + 2, y, room, title, ROLE_HEADING);
        if (used < room)
            canvas_put(c, x + 2 + used, y, ' ', role);
    }
}

/* Appends to a growing buffer; false on no memory. */
typedef struct canvas_buf {
    char *s;
    size_t n, cap;
} canvas_buf;

static bool canvas_buf_add(canvas_buf *b, const char *p, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->n + n + 1)
            cap *= 2;
        char *s = realloc(b->s, cap);
        if (!s)
            return false;
        b->s = s;
        b->cap = cap;
    }
    memcpy(b->s + b->n, p, n);
    b->n += n;
    b->s[b->n] = '\0';
    return true;
}

static bool canvas_cell_blank(const ui_cell *cell)
{
    return cell->ch == ' ' && !(cell->flags & UI_CELL_CONT);
}

char *canvas_to_text(const ui_canvas *c)
{
    if (!c)
        return NULL;
    canvas_buf b = {0};
    if (!canvas_buf_add(&b, "", 0))
        return NULL;
    for (int y = 0; y < c->height; y++) {
        int last = c->width - 1;
        while (last >= 0 && canvas_cell_blank(canvas_cell(c, last, y)))
            last--;
        for (int x = 0; x <= last; x++) {
            const ui_cell *cell = canvas_cell(c, x, y);
            if (cell->flags & UI_CELL_CONT)
                continue;
            char enc[4];
            int n = text_encode(cell->ch ? cell->ch : ' ', enc);
            if (!canvas_buf_add(&b, enc, (size_t)n))
                goto fail;
        }
        if (!canvas_buf_add(&b, "\n", 1))
            goto fail;
    }
    return b.s;
fail:
    free(b.s);
    return NULL;
}

char *canvas_roles_to_text(const ui_canvas *c)
{
    if (!c)
        return NULL;
    canvas_buf b = {0};
    if (!canvas_buf_add(&b, "", 0))
        return NULL;
    for (int y = 0; y < c->height; y++) {
        int last = c->width - 1;
        while (last >= 0) {
            const ui_cell *cell = canvas_cell(c, last, y);
            if (!canvas_cell_blank(cell) || cell->role != ROLE_NORMAL)
                break;
            last--;
        }
        for (int x = 0; x <= last; x++) {
            char letter = (char)('a' + canvas_cell(c, x, y)->role);
            if (!canvas_buf_add(&b, &letter, 1))
                goto fail;
        }
        if (!canvas_buf_add(&b, "\n", 1))
            goto fail;
    }
    return b.s;
fail:
    free(b.s);
    return NULL;
}
