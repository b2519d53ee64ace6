/*
 * lesson_scan.c — a strict JSON scanner that runs before cJSON.
 *
 * cJSON (1.7.15) is lenient in ways a lesson checker must not be: it treats
 * every byte up to the space as white space (before and after the document
 * too), takes "01" and "1." as numbers, lets raw control characters, invalid
 * UTF-8 and "\u0000" (which cuts the string short) through in strings, and
 * tells only where parsing stopped. This scanner walks the text once by
 * RFC 8259's grammar, and so:
 *   - finds every syntax error with its byte offset and JSON path,
 *   - checks all of the text is UTF-8 (overlongs, surrogates and code points
 *     past U+10FFFF are errors), forbids "\u0000" and lone surrogates,
 *   - limits nesting to LESSON_MAX_DEPTH before cJSON recurses,
 *   - records the first byte of every value in document order (pre-order),
 *     which lesson_json.c pairs with cJSON's nodes, walked in the same order,
 *     to give schema errors a line and a column too.
 */
#include "lesson_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct scan_frame {
    bool is_object;
    bool in_child;     /* a member or element is being scanned: part of the path */
    size_t index;      /* array: the element's index */
    size_t key_off;    /* object: the member's key, without the quotes */
    size_t key_len;
} scan_frame;

typedef struct scanner {
    const unsigned char *s;
    size_t n;
    size_t i;
    scan_frame frames[LESSON_MAX_DEPTH + 1];
    int depth;
    size_t pending_key;
    lesson_scan *out;
    size_t cap;
} scanner;

/* The length of the UTF-8 sequence at s[0 … n), or 0 when it is invalid. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    size_t len;
    unsigned lo = 0x80, hi = 0xBF;  /* the allowed range of the second byte */
    if (c >= 0xC2 && c <= 0xDF)
        len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0)
            lo = 0xA0;  /* no overlongs */
        if (c == 0xED)
            hi = 0x9F;  /* no surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0)
            lo = 0x90;
        if (c == 0xF4)
            hi = 0x8F;  /* nothing past U+10FFFF */
    } else
        return 0;
    if (n < len || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t k = 2; k < len; k++)
        if ((s[k] & 0xC0) != 0x80)
            return 0;
    return len;
}

bool lesson_utf8_valid(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        size_t len = utf8_seq(u + i, n - i);
        if (!len)
            return false;
        i += len;
    }
    return true;
}

char *lesson_printable(lesson_arena *arena, const char *s)
{
    size_t n = strlen(s), cap = n * 6 + 1;  /* at most \uXXXX for each byte */
    char *out = lesson_arena_alloc(arena, cap);
    if (!out)
        return NULL;
    const unsigned char *u = (const unsigned char *)s;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        size_t len = utf8_seq(u + i, n - i);
        unsigned cp = !len ? 0x100 : len == 1 ? u[i] : len == 2 ? (unsigned)((u[i] & 0x1F) << 6 | (u[i + 1] & 0x3F)) : 0x800;
        if (!len) {
            o += (size_t)snprintf(out + o, cap - o, "\\x%02X", u[i]);
            i++;
        } else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
            o += (size_t)snprintf(out + o, cap - o, "\\u%04X", cp);
            i += len;
        } else {
            memcpy(out + o, u + i, len);
            o += len;
            i += len;
        }
    }
    out[o] = '\0';
    return out;
}

static void build_path(const scanner *sc, char *buf, size_t size)
{
    size_t len = 0;
    buf[0] = '\0';
    for (int d = 0; d < sc->depth; d++) {
        const scan_frame *f = &sc->frames[d];
        if (!f->in_child)
            break;
        int w;
        if (f->is_object) {
            size_t klen = f->key_len > 48 ? 48 : f->key_len;
            w = snprintf(buf + len, size - len, "%s%.*s", len ? "." : "", (int)klen,
                         (const char *)sc->s + f->key_off);
        } else
            w = snprintf(buf + len, size - len, "[%zu]", f->index);
        if (w < 0 || (size_t)w >= size - len) {
            buf[size - 1] = '\0';
            return;
        }
        len += (size_t)w;
    }
}

static bool fail(scanner *sc, size_t offset, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static bool fail(scanner *sc, size_t offset, const char *fmt, ...)
{
    lesson_scan *o = sc->out;
    o->ok = false;
    o->err_offset = offset;
    build_path(sc, o->err_path, sizeof o->err_path);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(o->err_message, sizeof o->err_message, fmt, ap);
    va_end(ap);
    return false;
}

static void skip_ws(scanner *sc)
{
    while (sc->i < sc->n) {
        unsigned char c = sc->s[sc->i];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            return;
        sc->i++;
    }
}

static bool unexpected(scanner *sc, const char *expected)
{
    if (sc->i >= sc->n)
        return fail(sc, sc->i, "unexpected end of file (%s)", expected);
    unsigned char c = sc->s[sc->i];
    if (c >= 0x21 && c < 0x7F)
        return fail(sc, sc->i, "unexpected '%c' (%s)", c, expected);
    if (c >= 0x80 && utf8_seq(sc->s + sc->i, sc->n - sc->i))
        return fail(sc, sc->i, "unexpected character (%s)", expected);
    if (c >= 0x80)
        return fail(sc, sc->i, "invalid UTF-8 byte 0x%02X", c);
    return fail(sc, sc->i, "unexpected control character 0x%02X (%s)", c, expected);
}

static bool record_value(scanner *sc)
{
    lesson_scan *o = sc->out;
    if (o->n_values == sc->cap) {
        size_t cap = sc->cap ? sc->cap * 2 : 256;
        size_t *v = realloc(o->value_at, cap * sizeof *v);
        if (!v)
            return fail(sc, sc->i, "out of memory");
        o->value_at = v;
        size_t *k = realloc(o->key_at, cap * sizeof *k);
        if (!k)
            return fail(sc, sc->i, "out of memory");
        o->key_at = k;
        sc->cap = cap;
    }
    o->value_at[o->n_values] = sc->i;
    o->key_at[o->n_values] = sc->pending_key;
    o->n_values++;
    sc->pending_key = LESSON_NO_OFFSET;
    return true;
}

static int hex4(const unsigned char *p)
{
    int v = 0;
    for (int k = 0; k < 4; k++) {
        unsigned char c = p[k];
        int d = c >= '0' && c <= '9' ? c - '0'
              : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

/* A string starting at the quote; leaves i after the closing quote. */
static bool scan_string(scanner *sc)
{
    size_t start = sc->i++;
    for (;;) {
        if (sc->i >= sc->n)
            return fail(sc, start, "unterminated string (the file ends inside it)");
        unsigned char c = sc->s[sc->i];
        if (c == '"') {
            sc->i++;
            return true;
        }
        if (c == '\\') {
            size_t esc = sc->i;
            if (sc->i + 1 >= sc->n)
                return fail(sc, start, "unterminated string (the file ends inside it)");
            unsigned char e = sc->s[sc->i + 1];
            if (strchr("\"\\/bfnrt", e) && e) {
                sc->i += 2;
                continue;
            }
            if (e != 'u')
                return fail(sc, esc, "invalid escape '\\%c' in a string", e >= 0x21 && e < 0x7F ? e : '?');
            int cp = sc->i + 6 <= sc->n ? hex4(sc->s + sc->i + 2) : -1;
            if (cp < 0)
                return fail(sc, esc, "'\\u' needs four hex digits");
            sc->i += 6;
            if (cp == 0)
                return fail(sc, esc, "'\\u0000' is not allowed in a string");
            if (cp >= 0xDC00 && cp <= 0xDFFF)
                return fail(sc, esc, "'\\u%04X' is half of a surrogate pair without its first half", (unsigned)cp);
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                int lo = sc->i + 6 <= sc->n && sc->s[sc->i] == '\\' && sc->s[sc->i + 1] == 'u'
                       ? hex4(sc->s + sc->i + 2) : -1;
                if (lo < 0xDC00 || lo > 0xDFFF)
                    return fail(sc, esc, "'\\u%04X' is half of a surrogate pair without its second half", (unsigned)cp);
                sc->i += 6;
            }
            continue;
        }
        if (c == '\n' || c == '\r')
            return fail(sc, sc->i, "line break inside a string (write \\n, or close the string)");
        if (c < 0x20)
            return fail(sc, sc->i, "control character 0x%02X inside a string (escape it)", c);
        size_t len = utf8_seq(sc->s + sc->i, sc->n - sc->i);
        if (!len)
            return fail(sc, sc->i, "invalid UTF-8 byte 0x%02X in a string", c);
        sc->i += len;
    }
}

static bool is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static bool scan_number(scanner *sc)
{
    size_t start = sc->i;
    const unsigned char *s = sc->s;
    size_t end = start;
    while (end < sc->n && end - start <= 40 && strchr("0123456789+-.eE", s[end]) && s[end])
        end++;
    if (end - start > 40)
        return fail(sc, start, "number too long (more than 40 characters)");
    if (s[sc->i] == '-')
        sc->i++;
    if (sc->i >= sc->n || !is_digit(s[sc->i]))
        return fail(sc, start, "invalid number (a digit must follow '-')");
    if (s[sc->i] == '0') {
        sc->i++;
        if (sc->i < sc->n && is_digit(s[sc->i]))
            return fail(sc, start, "invalid number (no leading zeros)");
    } else
        while (sc->i < sc->n && is_digit(s[sc->i]))
            sc->i++;
    if (sc->i < sc->n && s[sc->i] == '.') {
        sc->i++;
        if (sc->i >= sc->n || !is_digit(s[sc->i]))
            return fail(sc, start, "invalid number (a digit must follow '.')");
        while (sc->i < sc->n && is_digit(s[sc->i]))
            sc->i++;
    }
    if (sc->i < sc->n && (s[sc->i] == 'e' || s[sc->i] == 'E')) {
        sc->i++;
        if (sc->i < sc->n && (s[sc->i] == '+' || s[sc->i] == '-'))
            sc->i++;
        if (sc->i >= sc->n || !is_digit(s[sc->i]))
            return fail(sc, start, "invalid number (a digit must follow the exponent)");
        while (sc->i < sc->n && is_digit(s[sc->i]))
            sc->i++;
    }
    return true;
}

static bool scan_literal(scanner *sc)
{
    static const char *const words[] = {"true", "false", "null"};
    for (int k = 0; k < 3; k++) {
        size_t len = strlen(words[k]);
        if (sc->n - sc->i >= len && !memcmp(sc->s + sc->i, words[k], len)) {
            sc->i += len;
            return true;
        }
    }
    return fail(sc, sc->i, "invalid word (a value is a string in double quotes, a number, "
                           "an object, an array, true, false or null)");
}

static bool scan_value(scanner *sc);

static bool open_container(scanner *sc, bool is_object)
{
    if (sc->depth >= LESSON_MAX_DEPTH)
        return fail(sc, sc->i, "nested deeper than %d levels", LESSON_MAX_DEPTH);
    scan_frame *f = &sc->frames[sc->depth++];
    memset(f, 0, sizeof *f);
    f->is_object = is_object;
    sc->i++;
    return true;
}

static bool scan_object(scanner *sc)
{
    if (!open_container(sc, true))
        return false;
    scan_frame *f = &sc->frames[sc->depth - 1];
    skip_ws(sc);
    if (sc->i < sc->n && sc->s[sc->i] == '}') {
        sc->i++;
        sc->depth--;
        return true;
    }
    size_t comma = LESSON_NO_OFFSET;
    for (;;) {
        skip_ws(sc);
        if (sc->i >= sc->n || sc->s[sc->i] != '"') {
            if (comma != LESSON_NO_OFFSET && sc->i < sc->n && sc->s[sc->i] == '}')
                return fail(sc, comma, "trailing comma (nothing may follow the last member)");
            return unexpected(sc, sc->i >= sc->n ? "an object is not closed" : "expected a key in double quotes");
        }
        size_t key = sc->i;
        if (!scan_string(sc))
            return false;
        f->key_off = key + 1;
        f->key_len = sc->i - key - 2;
        skip_ws(sc);
        if (sc->i >= sc->n || sc->s[sc->i] != ':') {
            f->in_child = true;
            return unexpected(sc, "expected ':' after the key");
        }
        sc->i++;
        f->in_child = true;
        sc->pending_key = key;
        if (!scan_value(sc))
            return false;
        f->in_child = false;
        skip_ws(sc);
        if (sc->i < sc->n && sc->s[sc->i] == ',') {
            comma = sc->i++;
            continue;
        }
        if (sc->i < sc->n && sc->s[sc->i] == '}') {
            sc->i++;
            sc->depth--;
            return true;
        }
        return unexpected(sc, sc->i >= sc->n ? "an object is not closed" : "expected ',' or '}' after a member");
    }
}

static bool scan_array(scanner *sc)
{
    if (!open_container(sc, false))
        return false;
    scan_frame *f = &sc->frames[sc->depth - 1];
    skip_ws(sc);
    if (sc->i < sc->n && sc->s[sc->i] == ']') {
        sc->i++;
        sc->depth--;
        return true;
    }
    size_t comma = LESSON_NO_OFFSET;
    for (size_t index = 0;; index++) {
        skip_ws(sc);
        if (comma != LESSON_NO_OFFSET && sc->i < sc->n && sc->s[sc->i] == ']')
            return fail(sc, comma, "trailing comma (nothing may follow the last element)");
        f->index = index;
        f->in_child = true;
        if (!scan_value(sc))
            return false;
        f->in_child = false;
        skip_ws(sc);
        if (sc->i < sc->n && sc->s[sc->i] == ',') {
            comma = sc->i++;
            continue;
        }
        if (sc->i < sc->n && sc->s[sc->i] == ']') {
            sc->i++;
            sc->depth--;
            return true;
        }
        return unexpected(sc, sc->i >= sc->n ? "an array is not closed" : "expected ',' or ']' after an element");
    }
}

static bool scan_value(scanner *sc)
{
    skip_ws(sc);
    if (sc->i >= sc->n)
        return unexpected(sc, "expected a value");
    unsigned char c = sc->s[sc->i];
    if (c != '{' && c != '[' && c != '"' && c != '-' && !is_digit(c) && c != 't' && c != 'f' && c != 'n')
        return unexpected(sc, "expected a value");
    if (!record_value(sc))
        return false;
    switch (c) {
    case '{':
        return scan_object(sc);
    case '[':
        return scan_array(sc);
    case '"':
        return scan_string(sc);
    case 't':
    case 'f':
    case 'n':
        return scan_literal(sc);
    default:
        return scan_number(sc);
    }
}

bool lesson_scan_json(const char *text, size_t size, lesson_scan *out)
{
    memset(out, 0, sizeof *out);
    out->ok = true;
    scanner sc = {.s = (const unsigned char *)text, .n = size, .pending_key = LESSON_NO_OFFSET, .out = out};
    skip_ws(&sc);
    if (sc.i >= sc.n)
        return fail(&sc, 0, "empty file (expected a JSON object)");
    if (!scan_value(&sc))
        return false;
    skip_ws(&sc);
    if (sc.i < sc.n)
        return unexpected(&sc, "nothing may follow the end of the document");
    return true;
}

void lesson_scan_free(lesson_scan *s)
{
    free(s->value_at);
    free(s->key_at);
    s->value_at = s->key_at = NULL;
    s->n_values = 0;
}
