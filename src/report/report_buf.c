/*
 * report_buf.c — the growable text buffer of report_buf.h.
 */
#include "report_buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Makes room for `extra` more bytes plus the NUL; false (and failed) when memory runs out. */
static bool rbuf_reserve(rbuf *b, size_t extra)
{
    if (b->failed)
        return false;
    if (b->len + extra + 1 <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *s = realloc(b->s, cap);
    if (!s) {
        b->failed = true;
        return false;
    }
    b->s = s;
    b->cap = cap;
    return true;
}

void rbuf_printf(rbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n >= 0 && rbuf_reserve(b, (size_t)n)) {
        vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
        b->len += (size_t)n;
    }
    va_end(ap);
}

void rbuf_puts(rbuf *b, const char *s)
{
    size_t n = strlen(s);
    if (rbuf_reserve(b, n)) {
        memcpy(b->s + b->len, s, n + 1);
        b->len += n;
    }
}

/* Length of the valid UTF-8 sequence at p (1 … 4), or 0 when it is not one
 * (a stray continuation byte, a truncated or overlong sequence, a surrogate,
 * or a code point above U+10FFFF). */
static size_t utf8_len(const unsigned char *p)
{
    size_t n;
    unsigned cp;
    if (p[0] < 0x80)
        return 1;
    if ((p[0] & 0xE0) == 0xC0) {
        n = 2;
        cp = p[0] & 0x1F;
    } else if ((p[0] & 0xF0) == 0xE0) {
        n = 3;
        cp = p[0] & 0x0F;
    } else if ((p[0] & 0xF8) == 0xF0) {
        n = 4;
        cp = p[0] & 0x07;
    } else {
        return 0;
    }
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    static const unsigned min_cp[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min_cp[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

void rbuf_xml(rbuf *b, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        size_t n = utf8_len(p);
        if (n == 0) {
            rbuf_puts(b, "\xEF\xBF\xBD"); /* U+FFFD for a byte that is not UTF-8 */
            p++;
            continue;
        }
        if (n > 1) {
            char c[5] = {0};
            memcpy(c, p, n);
            rbuf_puts(b, c);
            p += n;
            continue;
        }
        switch (*p) {
        case '&': rbuf_puts(b, "&amp;"); break;
        case '<': rbuf_puts(b, "&lt;"); break;
        case '>': rbuf_puts(b, "&gt;"); break;
        case '"': rbuf_puts(b, "&quot;"); break;
        case '\'': rbuf_puts(b, "&#39;"); break;
        default: {
            char c[2] = {(char)(*p < 0x20 && *p != '\t' && *p != '\n' ? ' ' : *p), '\0'};
            rbuf_puts(b, c);
        }
        }
        p++;
    }
}

const char *rbuf_str(const rbuf *b)
{
    return b->s ? b->s : "";
}

bool rbuf_ok(const rbuf *b)
{
    return !b->failed;
}

void rbuf_free(rbuf *b)
{
    free(b->s);
    *b = (rbuf)RBUF_INIT;
}
