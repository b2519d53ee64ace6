/*
 * ex_value_format.c — an ex_value as text for a verdict or a screen, the way
 * numpy and Python print it (exv_shape_text, exv_kind_name,
 * exv_format_number, exv_format; ex_value.h): a group of floats shares one
 * layout, fixed or scientific, with numpy's padding; arrays past max_elems
 * elements are summarised with "..."; a text cut to its buffer ends in "…".
 * Reads values, never changes them.
 */
#include "ex_value.h"

/* Texts here are cut to their buffers on purpose (snprintf). */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wformat-truncation"
#endif

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void exv_shape_text(const ex_value *v, char *buf, size_t size)
{
    size_t len = 0;
    if (size == 0)
        return;
    buf[0] = '\0';
    len += (size_t)snprintf(buf, size, "(");
    for (int d = 0; d < v->ndim && len < size; d++)
        len += (size_t)snprintf(buf + len, size - len, "%s%zu", d ? ", " : "", v->shape[d]);
    if (len < size)
        snprintf(buf + len, size - len, v->ndim == 1 ? ",)" : ")");
}

const char *exv_kind_name(const ex_value *v)
{
    if (!v)
        return "nothing";
    switch (v->kind) {
    case EXV_NONE: return "None";
    case EXV_BOOL: return "a bool";
    case EXV_INT: return "a Python int";
    case EXV_FLOAT: return "a Python float";
    case EXV_STR: return "a string";
    case EXV_ARRAY: return "a numpy array";
    case EXV_NPSCALAR: return "a numpy scalar";
    case EXV_LIST: return "a list";
    case EXV_TUPLE: return "a tuple";
    case EXV_DICT: return "a dict";
    case EXV_OTHER: return "another kind of object";
    }
    return "?";
}

/* How numpy prints a group of floats: fixed with `frac` digits or scientific. */
typedef struct numfmt {
    bool sci;
    int frac;      /* digits after the point (fixed) or in the mantissa (sci) */
    int int_width; /* fixed: width of the integer part with its sign */
    bool neg;      /* some value is negative: positives get a space */
} numfmt;

static int strip_digits(const char *s)
{
    /* digits after '.' up to the exponent, without trailing zeros */
    const char *dot = strchr(s, '.');
    if (!dot)
        return 0;
    const char *end = dot + 1;
    while (*end >= '0' && *end <= '9')
        end++;
    const char *last = end - 1;
    while (last > dot && *last == '0')
        last--;
    return (int)(last - dot);
}

static numfmt numfmt_for(const double *x, size_t n)
{
    numfmt f = { false, 0, 1, false };
    double maxabs = 0, minabs = INFINITY;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(x[i]))
            continue;
        double a = fabs(x[i]);
        if (signbit(x[i]))
            f.neg = true;
        if (a > maxabs)
            maxabs = a;
        if (a > 0 && a < minabs)
            minabs = a;
    }
    if (maxabs >= 1e8 || (minabs < 1e-4 && minabs > 0) || (minabs > 0 && maxabs / minabs > 1e3))
        f.sci = true;
    char tmp[64];
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(x[i]))
            continue;
        snprintf(tmp, sizeof tmp, f.sci ? "%.8e" : "%.8f", fabs(x[i]));
        int d = strip_digits(tmp);
        if (d > f.frac)
            f.frac = d;
        if (!f.sci) {
            int w = (int)(strchr(tmp, '.') - tmp);
            if (w > f.int_width)
                f.int_width = w;
        }
    }
    return f;
}

static void numfmt_one(const numfmt *f, double x, bool pad, char *buf, size_t size)
{
    char body[64];
    if (isnan(x))
        snprintf(body, sizeof body, "nan");
    else if (isinf(x))
        snprintf(body, sizeof body, "inf");
    else if (f->sci)
        snprintf(body, sizeof body, "%.*e", f->frac, fabs(x));
    else if (f->frac == 0)
        snprintf(body, sizeof body, "%.0f.", fabs(x));
    else
        snprintf(body, sizeof body, "%.*f", f->frac, fabs(x));
    if (f->sci && f->frac == 0) {
        /* numpy writes "1.e-05": a point before the exponent */
        char *e = strchr(body, 'e');
        if (e) {
            char rest[32];
            snprintf(rest, sizeof rest, "%s", e);
            snprintf(e, sizeof body - (size_t)(e - body), ".%s", rest);
        }
    }
    int right = 0;  /* numpy pads the shorter fractions with spaces on the right */
    if (!f->sci && f->frac > 0 && isfinite(x)) {
        size_t n = strlen(body);
        while (n > 0 && body[n - 1] == '0') {
            body[--n] = '\0';
            right++;
        }
        if (!pad)
            right = 0;
    }
    const char *sign = signbit(x) && !isnan(x) ? "-" : (pad && f->neg ? " " : "");
    int width = 0;
    if (pad && !f->sci) {
        const char *dot = strchr(body, '.');
        int ip = dot ? (int)(dot - body) : (int)strlen(body);
        width = f->int_width - ip;
    }
    snprintf(buf, size, "%*s%s%s%*s", width > 0 ? width : 0, "", sign, body, right, "");
}

void exv_format_number(double x, char *buf, size_t size)
{
    numfmt f = numfmt_for(&x, 1);
    numfmt_one(&f, x, false, buf, size);
}

typedef struct sbuf {
    char *p;
    size_t size, len;
    bool cut;
} sbuf;

static void sb_add(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sb_add(sbuf *b, const char *fmt, ...)
{
    if (b->cut || b->size == 0)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(b->p + b->len, b->size - b->len, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= b->size - b->len) {
        b->cut = true;
        b->len = b->size - 1;
        /* end with "…" when there is room for its three bytes */
        if (b->size >= 4)
            memcpy(b->p + b->size - 4, "\xE2\x80\xA6", 4);
        return;
    }
    b->len += (size_t)n;
}

static void fmt_array_rec(sbuf *b, const ex_value *v, const numfmt *f, int d, size_t off,
                          size_t stride, bool summary, int indent)
{
    sb_add(b, "[");
    size_t n = v->shape[d];
    size_t inner = stride / (n ? n : 1);
    for (size_t i = 0; i < n; i++) {
        if (summary && n > 6 && i == 3) {
            sb_add(b, d == v->ndim - 1 ? " ..." : "\n%*s...", d == v->ndim - 1 ? 0 : indent + 1, "");
            i = n - 3;
        }
        if (i > 0 || (summary && n > 6 && i == n - 3)) {
            if (d == v->ndim - 1)
                sb_add(b, " ");
            else
                sb_add(b, "\n%*s", indent + 1, "");
        }
        if (d == v->ndim - 1) {
            char num[64];
            if (strcmp(v->dtype, "bool") == 0)
                snprintf(num, sizeof num, "%s", v->data[off + i] != 0 ? " True" : "False");
            else if (strncmp(v->dtype, "int", 3) == 0 || strncmp(v->dtype, "uint", 4) == 0)
                snprintf(num, sizeof num, "%.0f", v->data[off + i]);
            else
                numfmt_one(f, v->data[off + i], true, num, sizeof num);
            sb_add(b, "%s", num);
        } else {
            fmt_array_rec(b, v, f, d + 1, off + i * inner, inner, summary, indent + 1);
        }
    }
    sb_add(b, "]");
}

static void fmt_value(sbuf *b, const ex_value *v, size_t max_elems, int depth)
{
    char num[64];
    switch (v->kind) {
    case EXV_NONE: sb_add(b, "None"); return;
    case EXV_BOOL: sb_add(b, "%s", v->num != 0 ? "True" : "False"); return;
    case EXV_INT: sb_add(b, "%.0f", v->num); return;
    case EXV_FLOAT:
        if (isfinite(v->num))
            sb_add(b, "%.17g", v->num);
        else
            sb_add(b, "%s", isnan(v->num) ? "nan" : v->num > 0 ? "inf" : "-inf");
        return;
    case EXV_NPSCALAR:
        if (strcmp(v->dtype, "bool") == 0)
            sb_add(b, "%s", v->num != 0 ? "True" : "False");
        else if (strncmp(v->dtype, "float", 5) == 0) {
            exv_format_number(v->num, num, sizeof num);
            sb_add(b, "%s", num);
        } else
            sb_add(b, "%.0f", v->num);
        return;
    case EXV_STR: sb_add(b, "'%s'", v->str); return;
    case EXV_OTHER: sb_add(b, "%s", v->str ? v->str : v->dtype); return;
    case EXV_ARRAY:
        if (!v->data) {
            char sh[64];
            exv_shape_text(v, sh, sizeof sh);
            sb_add(b, "<array %s %s>", sh, v->dtype);
        } else if (v->ndim == 0) {
            exv_format_number(v->data[0], num, sizeof num);
            sb_add(b, "%s", num);
        } else {
            numfmt f = numfmt_for(v->data, v->size);
            fmt_array_rec(b, v, &f, 0, 0, v->size, v->size > max_elems, depth);
        }
        return;
    case EXV_LIST:
    case EXV_TUPLE:
        sb_add(b, v->kind == EXV_LIST ? "[" : "(");
        for (int i = 0; i < v->n; i++) {
            if (i)
                sb_add(b, ", ");
            fmt_value(b, v->items[i], max_elems, depth + 1);
        }
        sb_add(b, v->kind == EXV_LIST ? "]" : (v->n == 1 ? ",)" : ")"));
        return;
    case EXV_DICT:
        sb_add(b, "{");
        for (int i = 0; i < v->n; i++) {
            sb_add(b, "%s'%s': ", i ? ", " : "", v->keys[i]);
            fmt_value(b, v->items[i], max_elems, depth + 1);
        }
        sb_add(b, "}");
        return;
    }
}

void exv_format(const ex_value *v, char *buf, size_t size, size_t max_elems)
{
    sbuf b = { buf, size, 0, false };
    if (size == 0)
        return;
    buf[0] = '\0';
    if (v)
        fmt_value(&b, v, max_elems, 0);
}
