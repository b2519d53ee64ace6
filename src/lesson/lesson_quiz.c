/*
 * lesson_quiz.c — is the learner's answer right, wrong, or not an answer?
 *
 *   typed ──fold──► ASCII ──read as the quiz's kind──► value ──compare──► verdict
 *                                      │ fails                   │ wrong
 *                                      ▼                         ▼
 *                                  UNREADABLE          the feedback entry it matches
 *
 *   choice  "b" or "2"          → index 1
 *   shape   "[4 400]", "4×400"  → (4, 400)     "(64*64*3, m)" → (12288, m)
 *   number  "12,288", "64*64*3" → 12288        "1/4" → 0.25    "60%" → 60 or 0.6
 *   word    " Sigmoid 函数 "     → sigmoid      "双曲正切" → tanh
 *
 * What a Chinese input method types (（４，４００）, －０．５, ｓｉｇｍｏｉｄ, 。)
 * is folded to ASCII first, for every kind. The right answer and every
 * feedback answer are read the same way as the learner's, so "(4, 400)" in a
 * file and "4 x 400" typed are the same value.
 */
#include "lesson.h"

#include <ctype.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define QV_DIMS_MAX 8
#define QV_TEXT_MAX 256

/* One size of a shape: a number, or a name such as m or n^[1]. */
typedef struct qv_dim {
    bool is_num;
    double num;
    char name[48];
} qv_dim;

/* An answer read as a value of a quiz kind. */
typedef struct qv {
    int index;                  /* CHOICE */
    int n_dims;                 /* SHAPE */
    qv_dim dims[QV_DIMS_MAX];
    double num;                 /* NUMBER */
    bool percent;               /* NUMBER: typed with a trailing % */
    char word[QV_TEXT_MAX];     /* WORD: the canonical form */
} qv;

/* ---- folding what an input method types ------------------------------- */

uint32_t lesson_fold_cp(uint32_t cp)
{
    if (cp >= 0xFF01 && cp <= 0xFF5E)
        return cp - 0xFEE0;  /* U+FF01 … U+FF5E → '!' … '~' */
    switch (cp) {
    case 0x3000: return ' ';
    case 0x3002: return '.';
    case 0x2212: return '-';
    case 0x00D7: case 0x00B7: return '*';
    case 0x00F7: return '/';
    default: return cp;
    }
}

/* s with every character lesson_fold_cp folds replaced by its ASCII; the
 * rest (and any byte that does not start a 2- or 3-byte UTF-8 character) is
 * copied. False when the text does not fit in out. */
static bool fold_ascii(const char *s, char *out, size_t size)
{
    size_t o = 0, n = strlen(s);
    for (size_t i = 0; i < n;) {
        const unsigned char *u = (const unsigned char *)s + i;
        uint32_t cp = u[0];
        size_t used = 1;
        if (n - i >= 2 && (u[0] & 0xE0) == 0xC0 && (u[1] & 0xC0) == 0x80)
            cp = (uint32_t)(u[0] & 0x1F) << 6 | (u[1] & 0x3F), used = 2;
        else if (n - i >= 3 && (u[0] & 0xF0) == 0xE0 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80)
            cp = (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F), used = 3;
        uint32_t folded = lesson_fold_cp(cp);
        if (used == 1 || folded == cp) {  /* copied as it is */
            if (o + used >= size)
                return false;
            memcpy(out + o, u, used);
            o += used;
        } else {
            if (o + 1 >= size)
                return false;
            out[o++] = (char)folded;
        }
        i += used;
    }
    out[o] = '\0';
    return true;
}

/* s without leading and trailing spaces, as [*start, *start + *len). */
static void trim(const char *s, size_t n, const char **start, size_t *len)
{
    while (n && isspace((unsigned char)*s))
        s++, n--;
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    *start = s;
    *len = n;
}

/* ---- numbers and arithmetic -------------------------------------------- */

/* A recursive-descent reader of  expr := term (± term)*,
 * term := unary ((* | x | /) unary)*,  unary := ± unary | primary,
 * primary := decimal | ( expr ). */
typedef struct arith {
    const char *s;
    size_t i, n;
    bool thousands;  /* "12,288" is one number (NUMBER quizzes, not shapes) */
    int depth;
} arith;

static void ar_space(arith *a)
{
    while (a->i < a->n && a->s[a->i] == ' ')
        a->i++;
}

/* A decimal number: digits [. digits] [e [±] digits] (".5" and "5." too),
 * with thousands commas when a->thousands ("12,288", "1,000,000"). Read
 * with strtod on a copy whose point is the C locale's. */
static bool ar_decimal(arith *a, double *out)
{
    char buf[64];
    size_t b = 0, digits = 0, i = a->i;
    const char *s = a->s;
    size_t lead = 0; /* digits since the start or the last thousands comma */
    while (i < a->n && isdigit((unsigned char)s[i])) {
        if (b + 1 >= sizeof buf)
            return false;
        buf[b++] = s[i++], digits++, lead++;
        /* a comma and exactly three digits continue the number: 12,288 */
        if (a->thousands && lead <= 3 && i + 3 < a->n && s[i] == ',' && isdigit((unsigned char)s[i + 1]) &&
            isdigit((unsigned char)s[i + 2]) && isdigit((unsigned char)s[i + 3]) &&
            (i + 4 >= a->n || !isdigit((unsigned char)s[i + 4]))) {
            i++;
            lead = 0;
        }
    }
    if (i < a->n && s[i] == '.') {
        if (b + 1 >= sizeof buf)
            return false;
        buf[b++] = '.';
        i++;
        while (i < a->n && isdigit((unsigned char)s[i])) {
            if (b + 1 >= sizeof buf)
                return false;
            buf[b++] = s[i++], digits++;
        }
    }
    if (!digits)
        return false;
    if (i < a->n && (s[i] == 'e' || s[i] == 'E')) {
        size_t j = i + 1;
        if (j < a->n && (s[j] == '+' || s[j] == '-'))
            j++;
        if (j >= a->n || !isdigit((unsigned char)s[j]))
            return false;
        while (i < j) {
            if (b + 1 >= sizeof buf)
                return false;
            buf[b++] = s[i++];
        }
        while (i < a->n && isdigit((unsigned char)s[i])) {
            if (b + 1 >= sizeof buf)
                return false;
            buf[b++] = s[i++];
        }
    }
    buf[b] = '\0';
    const char *point = localeconv()->decimal_point;
    char *dot = strchr(buf, '.');
    if (dot && point && point[0] && !point[1])
        *dot = point[0];
    char *end;
    double v = strtod(buf, &end);
    if (*end || !isfinite(v))
        return false;
    a->i = i;
    *out = v;
    return true;
}

static bool ar_expr(arith *a, double *out);

static bool ar_unary(arith *a, double *out)
{
    ar_space(a);
    if (a->i >= a->n || ++a->depth > 32)
        return false;
    char c = a->s[a->i];
    bool ok;
    if (c == '-' || c == '+') {
        a->i++;
        ok = ar_unary(a, out);
        if (ok && c == '-')
            *out = -*out;
    } else if (c == '(' || c == '[') {
        char close = c == '(' ? ')' : ']';
        a->i++;
        ok = ar_expr(a, out);
        ar_space(a);
        ok = ok && a->i < a->n && a->s[a->i] == close;
        a->i++;
    } else
        ok = ar_decimal(a, out);
    a->depth--;
    return ok;
}

static bool ar_term(arith *a, double *out)
{
    if (!ar_unary(a, out))
        return false;
    for (;;) {
        ar_space(a);
        char c = a->i < a->n ? a->s[a->i] : '\0';
        if (c != '*' && c != 'x' && c != 'X' && c != '/')
            return true;
        a->i++;
        double r;
        if (!ar_unary(a, &r))
            return false;
        if (c == '/') {
            if (r == 0)
                return false;
            *out /= r;
        } else
            *out *= r;
        if (!isfinite(*out))
            return false;
    }
}

static bool ar_expr(arith *a, double *out)
{
    if (!ar_term(a, out))
        return false;
    for (;;) {
        ar_space(a);
        char c = a->i < a->n ? a->s[a->i] : '\0';
        if (c != '+' && c != '-')
            return true;
        a->i++;
        double r;
        if (!ar_term(a, &r))
            return false;
        *out = c == '+' ? *out + r : *out - r;
        if (!isfinite(*out))
            return false;
    }
}

/* The whole of [s, s + n) as arithmetic; false when anything is left over. */
static bool read_arith(const char *s, size_t n, bool thousands, double *out)
{
    arith a = {s, 0, n, thousands, 0};
    if (!ar_expr(&a, out))
        return false;
    ar_space(&a);
    return a.i == n;
}

/* ---- reading an answer as a value of its kind ------------------------- */

static bool read_choice(const char *s, size_t n, int n_choices, qv *v)
{
    /* "b", "B", "2", and the same in brackets or with a point: "(b)", "b)", "2." */
    while (n && strchr("([", *s))
        s++, n--;
    while (n && strchr(").]", s[n - 1]))
        n--;
    if (n != 1)
        return false;
    unsigned char c = (unsigned char)tolower((unsigned char)s[0]);
    int i = c >= 'a' && c <= 'h' ? c - 'a' : c >= '1' && c <= '8' ? c - '1' : -1;
    if (i < 0 || i >= n_choices)
        return false;
    v->index = i;
    return true;
}

static bool read_dim(const char *s, size_t n, qv_dim *d)
{
    trim(s, n, &s, &n);
    if (!n)
        return false;
    memset(d, 0, sizeof *d);
    if (read_arith(s, n, false, &d->num)) {
        d->is_num = true;
        return true;
    }
    /* A name: letters, digits, _ ^ [ ] { } + - and ' (n_x, n^[1], n^{[l-1]}),
     * spaces dropped, ASCII case folded. */
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ')
            continue;
        if (!isalnum(c) && !strchr("_^[]{}+-'", c))
            return false;
        if (o + 1 >= sizeof d->name)
            return false;
        d->name[o++] = (char)tolower(c);
    }
    return o > 0;
}

/* Whether s[i] ('x' or '*') stands between two sizes written as numbers:
 * a digit or ')' before it and a digit or '(' after it, spaces skipped. */
static bool between_numbers(const char *s, size_t n, size_t i)
{
    size_t l = i, r = i + 1;
    while (l > 0 && s[l - 1] == ' ')
        l--;
    while (r < n && s[r] == ' ')
        r++;
    return l > 0 && r < n && (isdigit((unsigned char)s[l - 1]) || s[l - 1] == ')') &&
           (isdigit((unsigned char)s[r]) || s[r] == '(');
}

static bool read_shape(const char *s, size_t n, qv *v)
{
    char buf[QV_TEXT_MAX];
    trim(s, n, &s, &n);
    /* One pair of outer brackets. */
    if (n >= 2 && ((s[0] == '(' && s[n - 1] == ')') || (s[0] == '[' && s[n - 1] == ']'))) {
        s++;
        n -= 2;
    }
    if (n == 0 || n >= sizeof buf)
        return false;
    memcpy(buf, s, n);
    buf[n] = '\0';
    char sep = ',';
    if (!memchr(buf, ',', n)) {
        /* No comma: × * x between numbers, or spaces, separate the sizes. */
        sep = ' ';
        for (size_t i = 0; i < n; i++)
            if ((buf[i] == '*' || buf[i] == 'x' || buf[i] == 'X') && between_numbers(buf, n, i))
                buf[i] = ' ';
    }
    v->n_dims = 0;
    size_t start = 0;
    for (size_t i = 0; i <= n; i++) {
        bool end = i == n;
        if (!end && !(sep == ',' ? buf[i] == ',' : buf[i] == ' '))
            continue;
        size_t len = i - start;
        const char *part = buf + start;
        start = i + 1;
        size_t tl;
        const char *tp;
        trim(part, len, &tp, &tl);
        if (!tl) {
            if (sep == ' ')
                continue;              /* runs of spaces */
            if (end && v->n_dims == 1)
                break;                 /* "(5,)": a 1-D shape */
            return false;
        }
        if (v->n_dims >= QV_DIMS_MAX || !read_dim(tp, tl, &v->dims[v->n_dims]))
            return false;
        v->n_dims++;
    }
    return v->n_dims > 0;
}

static bool read_number(const char *s, size_t n, qv *v)
{
    v->percent = n > 1 && s[n - 1] == '%';
    if (v->percent)
        n--;
    return read_arith(s, n, true, &v->num);
}

/* Other names of the activations, as the notes and Chinese texts write them,
 * compared after canonical() (no case, spaces, - or _, no trailing "函数"). */
static const char *const word_aliases[][2] = {
    {"双曲正切", "tanh"},       {"双曲正切激活", "tanh"}, {"s形", "sigmoid"},    {"s型", "sigmoid"},
    {"s形曲线", "sigmoid"},     {"逻辑", "sigmoid"},      {"logistic", "sigmoid"}, {"σ", "sigmoid"},
    {"线性整流", "relu"},       {"整流线性单元", "relu"}, {"修正线性单元", "relu"}, {"线性整流单元", "relu"},
    {"带泄露relu", "leakyrelu"}, {"带泄漏relu", "leakyrelu"}, {"泄露relu", "leakyrelu"}, {"渗漏relu", "leakyrelu"},
};

/* Suffixes that name the kind of thing, not the thing: dropped. */
static const char *const word_suffixes[] = {"激活函数", "函数", "activationfunction", "activation", "function"};

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n > k && !strcmp(s + n - k, suffix);
}

/* The canonical form of a word answer: ASCII lowercased; spaces, - and _
 * and a trailing . dropped; a trailing "function"/"函数" dropped; an alias
 * replaced by the name it stands for. */
static void canonical(const char *s, size_t n, char *out, size_t size)
{
    size_t o = 0;
    for (size_t i = 0; i < n && o + 1 < size; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '-' || c == '_')
            continue;
        out[o++] = (char)tolower(c);
    }
    while (o && out[o - 1] == '.')
        o--;
    out[o] = '\0';
    for (size_t k = 0; k < sizeof word_suffixes / sizeof word_suffixes[0]; k++)
        if (ends_with(out, word_suffixes[k])) {
            out[strlen(out) - strlen(word_suffixes[k])] = '\0';
            break;
        }
    for (size_t k = 0; k < sizeof word_aliases / sizeof word_aliases[0]; k++)
        if (!strcmp(out, word_aliases[k][0])) {
            snprintf(out, size, "%s", word_aliases[k][1]);
            break;
        }
}

/* Reads text as a value of q's kind; false when it cannot be read. */
static bool read_value(const lesson_quiz *q, const char *text, qv *v)
{
    char folded[QV_TEXT_MAX * 2];
    if (!text || !fold_ascii(text, folded, sizeof folded))
        return false;
    const char *s;
    size_t n;
    trim(folded, strlen(folded), &s, &n);
    if (!n)
        return false;
    memset(v, 0, sizeof *v);
    switch (q->kind) {
    case LESSON_QUIZ_CHOICE:
        return read_choice(s, n, q->n_choices, v);
    case LESSON_QUIZ_SHAPE:
        return read_shape(s, n, v);
    case LESSON_QUIZ_NUMBER:
        return read_number(s, n, v);
    case LESSON_QUIZ_WORD:
        canonical(s, n, v->word, sizeof v->word);
        return v->word[0] != '\0';
    default:
        return false;
    }
}

/* Whether a typed value is the same answer as a value from the file. */
static bool same_value(const lesson_quiz *q, const qv *typed, const qv *want)
{
    switch (q->kind) {
    case LESSON_QUIZ_CHOICE:
        return typed->index == want->index;
    case LESSON_QUIZ_SHAPE:
        if (typed->n_dims != want->n_dims)
            return false;
        for (int i = 0; i < typed->n_dims; i++) {
            const qv_dim *a = &typed->dims[i], *b = &want->dims[i];
            if (a->is_num != b->is_num || (a->is_num ? a->num != b->num : strcmp(a->name, b->name) != 0))
                return false;
        }
        return true;
    case LESSON_QUIZ_NUMBER:
        return fabs(typed->num - want->num) <= q->tolerance ||
               (typed->percent && fabs(typed->num / 100 - want->num) <= q->tolerance);
    case LESSON_QUIZ_WORD:
        return !strcmp(typed->word, want->word);
    default:
        return false;
    }
}

/* The right answers of q, read as values: 1, or a WORD quiz's accepted list. */
static bool is_right(const lesson_quiz *q, const qv *typed)
{
    qv want;
    switch (q->kind) {
    case LESSON_QUIZ_CHOICE:
        return typed->index == q->answer_index;
    case LESSON_QUIZ_NUMBER:
        want = (qv){.num = q->answer_number};
        return same_value(q, typed, &want);
    case LESSON_QUIZ_SHAPE:
        return q->answer_text && read_value(q, q->answer_text, &want) && same_value(q, typed, &want);
    case LESSON_QUIZ_WORD:
        for (int i = 0; i < q->n_accepted; i++)
            if (q->accepted[i] && read_value(q, q->accepted[i], &want) && same_value(q, typed, &want))
                return true;
        return false;
    default:
        return false;
    }
}

static const lesson_feedback *feedback_for(const lesson_quiz *q, const qv *typed)
{
    for (int i = 0; i < q->n_feedback; i++) {
        const lesson_feedback *f = &q->feedback[i];
        qv want;
        if (q->kind == LESSON_QUIZ_CHOICE)
            want = (qv){.index = f->answer_index};
        else if (!read_value(q, f->answer, &want))
            continue;
        if (same_value(q, typed, &want))
            return f;
    }
    return NULL;
}

static lesson_verdict judge_value(const lesson_quiz *q, const qv *v, const lesson_feedback **feedback)
{
    if (is_right(q, v))
        return LESSON_VERDICT_RIGHT;
    if (feedback)
        *feedback = feedback_for(q, v);
    return LESSON_VERDICT_WRONG;
}

lesson_verdict lesson_quiz_judge(const lesson_quiz *q, const char *typed, const lesson_feedback **feedback)
{
    if (feedback)
        *feedback = NULL;
    qv v, want;
    if (!q || !read_value(q, typed, &v))
        return LESSON_VERDICT_UNREADABLE;
    /* One size typed for a shape of several ("4400" for (4, 400)) is not a
     * shape the learner meant; the comma was lost. Unless the quiz's feedback
     * names that one-size shape as a likely mistake: (4,) is what np.sum
     * gives without keepdims=True. */
    if (q->kind == LESSON_QUIZ_SHAPE && v.n_dims == 1 && q->answer_text && read_value(q, q->answer_text, &want) &&
        want.n_dims > 1) {
        const lesson_feedback *f = feedback_for(q, &v);
        if (!f)
            return LESSON_VERDICT_UNREADABLE;
        if (feedback)
            *feedback = f;
        return LESSON_VERDICT_WRONG;
    }
    return judge_value(q, &v, feedback);
}

lesson_verdict lesson_quiz_judge_choice(const lesson_quiz *q, int index, const lesson_feedback **feedback)
{
    if (feedback)
        *feedback = NULL;
    if (!q || q->kind != LESSON_QUIZ_CHOICE || index < 0 || index >= q->n_choices)
        return LESSON_VERDICT_UNREADABLE;
    qv v = {.index = index};
    return judge_value(q, &v, feedback);
}

lesson_text lesson_quiz_unreadable_text(const lesson_quiz *q)
{
    switch (q ? q->kind : LESSON_QUIZ_KIND_COUNT) {
    case LESSON_QUIZ_CHOICE:
        return (lesson_text){"没看懂这个选择：请输入选项的字母或序号（a、b … 或 1、2 …）。这次不算作答。",
                             "I could not read that as a choice: type its letter or number (a, b … or 1, 2 …). "
                             "That did not use up a try."};
    case LESSON_QUIZ_SHAPE:
        return (lesson_text){"没看懂这个形状：请写出每一维，例如 (4, 400) 或 4 x 400。这次不算作答。",
                             "I could not read that as a shape: write every size, like (4, 400) or 4 x 400. "
                             "That did not use up a try."};
    case LESSON_QUIZ_NUMBER:
        return (lesson_text){"没看懂这个数：请写成 0.25、1/4、12288 或 64*64*3 这样。这次不算作答。",
                             "I could not read that as a number: write it like 0.25, 1/4, 12288 or 64*64*3. "
                             "That did not use up a try."};
    default:
        return (lesson_text){"请输入一个词。这次不算作答。", "Type a word. That did not use up a try."};
    }
}

bool lesson_quiz_check_choice(const lesson_quiz *q, int index)
{
    return lesson_quiz_judge_choice(q, index, NULL) == LESSON_VERDICT_RIGHT;
}

bool lesson_quiz_check(const lesson_quiz *q, const char *typed)
{
    return lesson_quiz_judge(q, typed, NULL) == LESSON_VERDICT_RIGHT;
}
