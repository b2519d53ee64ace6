/*
 * lesson_quiz.c — is the learner's answer right?
 *
 *   choice  "b" or "2"  → index 1             shape   "[4,400]" ≡ "(4, 400)"
 *   number  "0.69"  → |0.69 − answer| ≤ tol   word    " Sigmoid " ≡ "sigmoid"
 *
 * What a Chinese input method types (（４，４００）, －０．５, ｓｉｇｍｏｉｄ) is
 * folded to ASCII first, for every kind.
 */
#include "lesson.h"

#include <ctype.h>
#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

bool lesson_quiz_check_choice(const lesson_quiz *q, int index)
{
    return q && q->kind == LESSON_QUIZ_CHOICE && index >= 0 && index < q->n_choices && index == q->answer_index;
}

/* s without leading and trailing spaces: [*start, *start + *len). */
static void trim(const char *s, const char **start, size_t *len)
{
    while (*s && isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    *start = s;
    *len = n;
}

/* Compares two shapes, skipping spaces and ( ) [ ], ASCII case-insensitive. */
static bool shape_equal(const char *a, const char *b)
{
    for (;;) {
        while (*a && strchr(" \t()[]", *a))
            a++;
        while (*b && strchr(" \t()[]", *b))
            b++;
        if (!*a || !*b)
            return !*a && !*b;
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return false;
        a++;
        b++;
    }
}

static bool word_equal(const char *typed, size_t n, const char *word)
{
    const char *w;
    size_t wn;
    trim(word, &w, &wn);
    if (n != wn)
        return false;
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)typed[i]) != tolower((unsigned char)w[i]))
            return false;
    return true;
}

static bool choice_from_typed(const char *s, size_t n, int *index)
{
    if (n != 1)
        return false;
    unsigned char c = (unsigned char)tolower((unsigned char)s[0]);
    if (c >= 'a' && c <= 'h')
        *index = c - 'a';
    else if (c >= '1' && c <= '8')
        *index = c - '1';
    else
        return false;
    return true;
}

/* A decimal number, [+-] digits [. digits] [e [+-] digits] (".5" and "5."
 * too), whatever the C locale's decimal point is. */
static bool parse_decimal(const char *s, size_t n, double *out)
{
    char buf[64];
    if (n >= sizeof buf)
        return false;
    const char *point = localeconv()->decimal_point;
    size_t i = 0, digits = 0;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        i++;
    while (i < n && isdigit((unsigned char)s[i]))
        i++, digits++;
    size_t dot = n;
    if (i < n && s[i] == '.') {
        dot = i++;
        while (i < n && isdigit((unsigned char)s[i]))
            i++, digits++;
    }
    if (!digits)
        return false;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            i++;
        if (i >= n || !isdigit((unsigned char)s[i]))
            return false;
        while (i < n && isdigit((unsigned char)s[i]))
            i++;
    }
    if (i != n)
        return false;
    memcpy(buf, s, n);
    buf[n] = '\0';
    if (dot < n && point && point[0] && !point[1])
        buf[dot] = point[0];
    char *end;
    errno = 0;
    double v = strtod(buf, &end);
    if (*end || !isfinite(v))
        return false;
    *out = v;
    return true;
}

/* Folds what a Chinese input method types for ASCII into ASCII: the
 * fullwidth forms U+FF01 … U+FF5E (０–９ ， （ ） ［ ］ ． － ａ–ｚ …) and the
 * ideographic space U+3000, and the minus sign U+2212 (as the lessons print
 * it). Everything else is copied. Returns the folded length, or 0 when the
 * text does not fit in out. */
static size_t fold_ascii(const char *s, size_t n, char *out, size_t size)
{
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        const unsigned char *u = (const unsigned char *)s + i;
        char c = (char)u[0];
        size_t used = 1;
        if (n - i >= 3 && u[0] == 0xEF && (u[1] == 0xBC || u[1] == 0xBD) && u[2] >= 0x80 && u[2] <= 0xBF) {
            unsigned cp = 0xFF00u + (u[1] == 0xBD ? 0x40u : 0u) + (u[2] & 0x3Fu);
            if (cp >= 0xFF01 && cp <= 0xFF5E)
                c = (char)(cp - 0xFEE0), used = 3; /* U+FF01 … U+FF5E → '!' … '~' */
        } else if (n - i >= 3 && u[0] == 0xE2 && u[1] == 0x88 && u[2] == 0x92) {
            c = '-', used = 3; /* − U+2212 */
        } else if (n - i >= 3 && u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80) {
            c = ' ', used = 3; /* U+3000 */
        }
        if (o + 1 >= size)
            return 0;
        out[o++] = c;
        i += used;
    }
    out[o] = '\0';
    return o;
}

bool lesson_quiz_check(const lesson_quiz *q, const char *typed)
{
    if (!q || !typed)
        return false;
    char folded[512];
    if (fold_ascii(typed, strlen(typed), folded, sizeof folded))
        typed = folded;  /* longer answers are compared as typed */
    const char *s;
    size_t n;
    trim(typed, &s, &n);
    if (!n)
        return false;
    switch (q->kind) {
    case LESSON_QUIZ_CHOICE: {
        int index;
        return choice_from_typed(s, n, &index) && lesson_quiz_check_choice(q, index);
    }
    case LESSON_QUIZ_SHAPE:
        return q->answer_text && shape_equal(s, q->answer_text);
    case LESSON_QUIZ_NUMBER: {
        double v;
        return parse_decimal(s, n, &v) && fabs(v - q->answer_number) <= q->tolerance;
    }
    case LESSON_QUIZ_WORD:
        for (int i = 0; i < q->n_accepted; i++)
            if (q->accepted[i] && word_equal(s, n, q->accepted[i]))
                return true;
        return false;
    default:
        return false;
    }
}
