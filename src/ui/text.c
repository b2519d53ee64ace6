/*
 * text.c — UTF-8 decoding, column widths and line wrapping.
 *
 * Wrapping works on "units", the pieces a line may not break inside:
 *
 *   "使用 numpy，计算 Z^[1]。"
 *    使 | 用 | ␠ | numpy， | 计 | 算 | ␠ | Z^[1]。
 *
 *   - a CJK character is a unit of its own (CJK text breaks anywhere);
 *   - a run of other non-space characters (a Latin word) is one unit;
 *   - closing punctuation (，。、）」 …) is glued to the unit before it and
 *     opening punctuation (（「《 …) to the unit after it, so no line starts
 *     with a comma or ends with an open bracket unless a unit alone is wider
 *     than the line;
 *   - spaces separate units and vanish at a line break.
 *
 * Lines are filled greedily; a unit wider than the whole line is cut between
 * characters (never inside a wide character).
 */
#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

int text_decode(const char *s, size_t n, uint32_t *cp)
{
    if (n == 0)
        return 0;
    const unsigned char *u = (const unsigned char *)s;
    unsigned char c = u[0];
    uint32_t v;
    int len;
    uint32_t min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        v = c & 0x1F;
        len = 2;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        v = c & 0x0F;
        len = 3;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        v = c & 0x07;
        len = 4;
        min = 0x10000;
    } else {
        *cp = 0xFFFD;
        return 1;
    }
    if ((size_t)len > n) {
        *cp = 0xFFFD;
        return 1;
    }
    for (int i = 1; i < len; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        v = (v << 6) | (u[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = v;
    return len;
}

int text_encode(uint32_t cp, char out[4])
{
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* East Asian wide ranges, used only when wcwidth cannot tell (a locale that
 * is not UTF-8): the app then draws ASCII, but lesson text keeps its width. */
static bool text_is_wide_fallback(uint32_t cp)
{
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
           (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
           (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
           (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

static bool text_is_control(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
}

int text_cp_width(uint32_t cp)
{
    if (text_is_control(cp))
        return 1;
    if (cp < 0x7F)
        return 1;
    int w = wcwidth((wchar_t)cp);
    if (w >= 0)
        return w > 2 ? 2 : w;
    return text_is_wide_fallback(cp) ? 2 : 1;
}

int text_width(const char *utf8)
{
    if (!utf8)
        return 0;
    size_t n = strlen(utf8);
    int cols = 0;
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        i += (size_t)text_decode(utf8 + i, n - i, &cp);
        cols += text_cp_width(cp);
    }
    return cols;
}

bool text_is_cjk(uint32_t cp)
{
    return (cp >= 0x2E80 && cp <= 0x2FDF) ||   /* radicals */
           (cp >= 0x3000 && cp <= 0x303F) ||   /* CJK symbols and punctuation */
           (cp >= 0x3040 && cp <= 0x30FF) ||   /* kana */
           (cp >= 0x3100 && cp <= 0x31FF) ||   /* bopomofo, kana extensions */
           (cp >= 0x3400 && cp <= 0x4DBF) ||   /* extension A */
           (cp >= 0x4E00 && cp <= 0x9FFF) ||   /* unified ideographs */
           (cp >= 0xF900 && cp <= 0xFAFF) ||   /* compatibility ideographs */
           (cp >= 0xFE30 && cp <= 0xFE4F) ||   /* compatibility forms */
           (cp >= 0xFF00 && cp <= 0xFF60) ||   /* fullwidth forms */
           (cp >= 0xFFE0 && cp <= 0xFFE6) ||
           (cp >= 0x20000 && cp <= 0x3FFFD);   /* supplementary ideographs */
}

/* Punctuation that must not start a line (kinsoku: line-start prohibited). */
static bool text_is_closing(uint32_t cp)
{
    static const uint32_t closing[] = {
        0x3001, 0x3002, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF01, 0xFF1F, /* 、。，．：；！？ */
        0xFF09, 0xFF3D, 0xFF5D, 0x300D, 0x300F, 0x3011, 0x3009, 0x300B, /* ）］｝」』】〉》 */
        0x3015, 0x3017, 0x3019, 0x301B, 0x201D, 0x2019, 0x2026, 0x30FC, /* 〕〗〙〛”’…ー */
        0xFF05, 0x00B7, 0x30FB,                                         /* ％·・ */
    };
    for (size_t i = 0; i < sizeof closing / sizeof closing[0]; i++)
        if (closing[i] == cp)
            return true;
    return false;
}

/* Punctuation that must not end a line. */
static bool text_is_opening(uint32_t cp)
{
    static const uint32_t opening[] = {
        0xFF08, 0xFF3B, 0xFF5B, 0x300C, 0x300E, 0x3010, 0x3008, 0x300A, /* （［｛「『【〈《 */
        0x3014, 0x3016, 0x3018, 0x301A, 0x201C, 0x2018,                 /* 〔〖〘〚“‘ */
    };
    for (size_t i = 0; i < sizeof opening / sizeof opening[0]; i++)
        if (opening[i] == cp)
            return true;
    return false;
}

static bool text_is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == 0x3000;
}

/* A growable array of lines. */
typedef struct wrap_out {
    text_line *lines;
    size_t n, cap;
    bool failed;
} wrap_out;

static void wrap_push(wrap_out *o, size_t start, size_t len, int cols)
{
    if (o->failed)
        return;
    if (o->n == o->cap) {
        size_t cap = o->cap ? o->cap * 2 : 8;
        text_line *p = realloc(o->lines, cap * sizeof *p);
        if (!p) {
            o->failed = true;
            return;
        }
        o->lines = p;
        o->cap = cap;
    }
    o->lines[o->n++] = (text_line){start, len, cols};
}

/* The current line being filled. */
typedef struct wrap_line {
    bool open;      /* holds at least one unit */
    size_t start;
    size_t end;
    int cols;
} wrap_line;

static void wrap_flush(wrap_out *o, wrap_line *ln)
{
    if (ln->open)
        wrap_push(o, ln->start, ln->end - ln->start, ln->cols);
    ln->open = false;
    ln->cols = 0;
}

/* Places a unit [us, ue) of `ucols` columns preceded by `gap` columns of
 * spaces (which vanish at a break). */
static void wrap_place(const char *s, wrap_out *o, wrap_line *ln, int width, size_t us, size_t ue,
                       int ucols, int gap)
{
    if (ln->open && ln->cols + gap + ucols <= width) {
        ln->end = ue;
        ln->cols += gap + ucols;
        return;
    }
    wrap_flush(o, ln);
    if (ucols <= width) {
        *ln = (wrap_line){true, us, ue, ucols};
        return;
    }
    /* A unit wider than the line: cut it between characters. */
    size_t i = us;
    *ln = (wrap_line){true, us, us, 0};
    while (i < ue) {
        uint32_t cp;
        int n = text_decode(s + i, ue - i, &cp);
        int w = text_cp_width(cp);
        if (ln->cols + w > width && ln->cols > 0) {
            wrap_flush(o, ln);
            *ln = (wrap_line){true, i, i, 0};
        }
        i += (size_t)n;
        ln->end = i;
        ln->cols += w;
    }
}

/* Wraps one paragraph s[from, to) that holds no '\n'. */
static void wrap_segment(const char *s, size_t from, size_t to, int width, wrap_out *o)
{
    wrap_line ln = {false, from, from, 0};
    size_t i = from;
    int gap = 0;
    while (i < to) {
        uint32_t cp;
        int n = text_decode(s + i, to - i, &cp);
        if (text_is_space(cp)) {
            gap += text_cp_width(cp) > 1 ? 2 : 1;
            i += (size_t)n;
            continue;
        }
        /* One unit: opening punctuation, then a CJK char or a Latin run,
         * then closing punctuation. */
        size_t us = i;
        int ucols = 0;
        while (i < to) {
            n = text_decode(s + i, to - i, &cp);
            if (!text_is_opening(cp))
                break;
            ucols += text_cp_width(cp);
            i += (size_t)n;
        }
        if (i < to) {
            n = text_decode(s + i, to - i, &cp);
            if (text_is_cjk(cp) && !text_is_space(cp)) {
                ucols += text_cp_width(cp);
                i += (size_t)n;
            } else {
                while (i < to) {
                    n = text_decode(s + i, to - i, &cp);
                    if (text_is_space(cp) || text_is_cjk(cp))
                        break;
                    ucols += text_cp_width(cp);
                    i += (size_t)n;
                }
            }
        }
        while (i < to) {
            n = text_decode(s + i, to - i, &cp);
            if (!text_is_closing(cp))
                break;
            ucols += text_cp_width(cp);
            i += (size_t)n;
        }
        wrap_place(s, o, &ln, width, us, i, ucols, gap);
        gap = 0;
    }
    if (ln.open)
        wrap_flush(o, &ln);
    else
        wrap_push(o, from, 0, 0);
}

size_t text_wrap(const char *utf8, int width, text_line **lines)
{
    *lines = NULL;
    if (!utf8 || !*utf8)
        return 0;
    if (width < 2)
        width = 2;
    wrap_out o = {0};
    size_t n = strlen(utf8);
    size_t from = 0;
    while (from < n) {
        const char *nl = memchr(utf8 + from, '\n', n - from);
        size_t to = nl ? (size_t)(nl - utf8) : n;
        wrap_segment(utf8, from, to, width, &o);
        from = to + 1;
    }
    if (o.failed) {
        free(o.lines);
        return 0;
    }
    *lines = o.lines;
    return o.n;
}
