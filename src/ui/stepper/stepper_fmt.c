/*
 * stepper_fmt.c — numpy-style printing of matrices (see stepper_fmt.h).
 *
 * numpy decides one format for all the elements it shows:
 *   fixed:  each x as "%.8f" with trailing zeros dropped (keeping the point),
 *           the integer parts right-aligned to the widest one, the fractions
 *           left-aligned and padded with spaces to the longest one;
 *   scientific: the mantissa digits of the longest trimmed "%.8e", the same
 *           for every element, exponents padded to the widest.
 * nan / inf are right-aligned in the element width.
 */
#include "stepper_fmt.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FMT_PRECISION 8
#define FMT_EDGE_MAX 3
#define FMT_ELEM_MAX 64

typedef struct np_format {
    bool sci;
    int pad_left;   /* fixed: integer part width (with sign); sci: mantissa integer part */
    int pad_right;  /* fixed: fraction digits width; sci: mantissa fraction digits */
    int exp_digits; /* sci only */
    int width;      /* one element's total width */
} np_format;

/* "%.8f" with the trailing zeros trimmed, e.g. "-0.00416758", "0.", "1.5". */
static void fixed_trimmed(double x, char *out, size_t size)
{
    snprintf(out, size, "%.*f", FMT_PRECISION, x);
    char *dot = strchr(out, '.');
    if (!dot)
        return;
    char *end = out + strlen(out) - 1;
    while (end > dot && *end == '0')
        *end-- = '\0';
}

/* The mantissa fraction digits "%.8e" needs once trailing zeros are dropped. */
static int sci_digits(double x)
{
    char s[FMT_ELEM_MAX];
    snprintf(s, sizeof s, "%.*e", FMT_PRECISION, x);
    char *dot = strchr(s, '.'), *e = strchr(s, 'e');
    if (!dot || !e)
        return 0;
    int n = (int)(e - dot - 1);
    while (n > 0 && dot[n] == '0')
        n--;
    return n;
}

static int exp_digits_of(double x, int digits)
{
    char s[FMT_ELEM_MAX];
    snprintf(s, sizeof s, "%.*e", digits, x);
    char *e = strchr(s, 'e');
    return e ? (int)strlen(e + 2) : 2;
}

static void format_fit(np_format *f, const double *v, size_t n)
{
    double max_val = 0, min_val = INFINITY;
    for (size_t i = 0; i < n; i++) {
        double a = fabs(v[i]);
        if (!isfinite(a) || a == 0)
            continue;
        if (a > max_val)
            max_val = a;
        if (a < min_val)
            min_val = a;
    }
    f->sci = max_val > 0 && (max_val >= 1e8 || min_val < 1e-4 || max_val / min_val > 1e3);
    f->pad_left = f->pad_right = 0;
    f->exp_digits = 2;
    int nonfinite_width = 0;
    for (size_t i = 0; i < n; i++) {
        char s[FMT_ELEM_MAX];
        if (!isfinite(v[i])) {
            int w = isnan(v[i]) ? 3 : (v[i] < 0 ? 4 : 3);
            if (w > nonfinite_width)
                nonfinite_width = w;
            continue;
        }
        if (f->sci) {
            int d = sci_digits(v[i]);
            if (d > f->pad_right)
                f->pad_right = d;
            int left = v[i] < 0 || signbit(v[i]) ? 2 : 1;
            if (left > f->pad_left)
                f->pad_left = left;
        } else {
            fixed_trimmed(v[i], s, sizeof s);
            char *dot = strchr(s, '.');
            int left = (int)(dot - s), right = (int)strlen(dot + 1);
            if (left > f->pad_left)
                f->pad_left = left;
            if (right > f->pad_right)
                f->pad_right = right;
        }
    }
    if (f->sci)
        for (size_t i = 0; i < n; i++)
            if (isfinite(v[i]) && v[i] != 0) {
                int e = exp_digits_of(v[i], f->pad_right);
                if (e > f->exp_digits)
                    f->exp_digits = e;
            }
    if (f->pad_left == 0 && f->pad_right == 0) {
        f->width = nonfinite_width;  /* nothing finite */
        return;
    }
    f->width = f->pad_left + 1 + f->pad_right + (f->sci ? 2 + f->exp_digits : 0);
    if (nonfinite_width > f->width)
        f->width = nonfinite_width;
}

/* One element in the common format, exactly f->width columns. */
static void format_one(const np_format *f, double x, char *out, size_t size)
{
    char s[3 * FMT_ELEM_MAX];
    if (isnan(x)) {
        snprintf(s, sizeof s, "nan");
    } else if (isinf(x)) {
        snprintf(s, sizeof s, x < 0 ? "-inf" : "inf");
    } else if (f->sci) {
        char m[FMT_ELEM_MAX / 2];
        snprintf(m, sizeof m, "%#.*e", f->pad_right, x);
        char *e = strchr(m, 'e');
        int ex = e ? atoi(e + 1) : 0;
        if (e)
            *e = '\0';
        snprintf(s, sizeof s, "%*s%se%c%0*d", f->pad_left - (int)(strchr(m, '.') - m), "", m,
                 ex < 0 ? '-' : '+', f->exp_digits, ex < 0 ? -ex : ex);
    } else {
        char t[FMT_ELEM_MAX];
        fixed_trimmed(x, t, sizeof t);
        char *dot = strchr(t, '.');
        int left = (int)(dot - t), right = (int)strlen(dot + 1);
        snprintf(s, sizeof s, "%*s%s%*s", f->pad_left - left, "", t, f->pad_right - right, "");
    }
    snprintf(out, size, "%*s", f->width, s);
}

size_t stepper_format_value(double x, char *buf, size_t size)
{
    np_format f;
    format_fit(&f, &x, 1);
    char s[3 * FMT_ELEM_MAX];
    format_one(&f, x, s, sizeof s);
    const char *p = s;
    while (*p == ' ')
        p++;
    return (size_t)snprintf(buf, size, "%s", p);
}

/* The shown indices along one axis: all n, or the first e and last e. */
static size_t pick(size_t n, int e, size_t *idx, bool *summary)
{
    size_t k = 0;
    *summary = e > 0 && n > (size_t)(2 * e);
    if (!*summary) {
        for (size_t i = 0; i < n; i++)
            idx[k++] = i;
        return k;
    }
    for (int i = 0; i < e; i++)
        idx[k++] = (size_t)i;
    for (int i = e; i > 0; i--)
        idx[k++] = n - (size_t)i;
    return k;
}

/* Appends to buf at *len, keeping it NUL-terminated and never overrunning. */
static void add(char *buf, size_t size, size_t *len, const char *s)
{
    size_t n = strlen(s);
    if (*len + 1 < size) {
        size_t room = size - *len - 1;
        memcpy(buf + *len, s, n < room ? n : room);
        buf[*len + (n < room ? n : room)] = '\0';
    }
    *len += n;
}

static int line_width(int elem_width, size_t n_cols, bool col_summary)
{
    /* "[[" + elements + separators + " ..." + "]]" */
    return 4 + (int)n_cols * elem_width + (int)n_cols - 1 + (col_summary ? 4 : 0);
}

int stepper_format_matrix(const mat *m, int max_cols, int max_lines, char *buf, size_t size)
{
    if (size)
        buf[0] = '\0';
    if (!m || max_lines < 1)
        return 0;
    /* Rows: all of them when they fit, else er first and er last around " ...". */
    int er = 0;
    if (m->rows > (size_t)max_lines) {
        er = (max_lines - 1) / 2;
        if (er > FMT_EDGE_MAX)
            er = FMT_EDGE_MAX;
        if (er < 1)
            er = 1;
    }
    size_t cap_rows = (er == 0 ? m->rows : (size_t)(2 * er));
    size_t *ri = malloc(cap_rows * sizeof *ri);
    double *vals = malloc(cap_rows * (2 * FMT_EDGE_MAX + 1) * sizeof *vals);
    if (!ri || !vals) {
        free(ri);
        free(vals);
        return 0;
    }
    bool rsum;
    size_t nr = pick(m->rows, er, ri, &rsum);
    /* Columns: all when few enough and they fit, else the widest summary
     * with 3, 2 or 1 column each side that fits (1 if none does). */
    int cands[FMT_EDGE_MAX + 1], n_cands = 0;
    if (m->cols <= 2 * FMT_EDGE_MAX + 1)
        cands[n_cands++] = 0;
    for (int ec = FMT_EDGE_MAX; ec >= 1; ec--)
        if (m->cols > (size_t)(2 * ec))
            cands[n_cands++] = ec;
    size_t cidx[2 * FMT_EDGE_MAX + 1];
    size_t nc = 0;
    bool csum = false;
    np_format f;
    for (int c = 0; c < n_cands; c++) {
        nc = pick(m->cols, cands[c], cidx, &csum);
        size_t k = 0;
        for (size_t i = 0; i < nr; i++)
            for (size_t j = 0; j < nc; j++)
                vals[k++] = mat_get(m, ri[i], cidx[j]);
        format_fit(&f, vals, k);
        if (line_width(f.width, nc, csum) <= max_cols)
            break;
    }
    /* A small matrix (every row and at most 2·edge+1 columns) is never
     * summarised when its rows, wrapped as numpy wraps at its linewidth,
     * fit the lines: a (1, 4) dW is worth four numbers, not two. */
    size_t per_line = nc;
    if (csum && !rsum && n_cands > 0 && cands[0] == 0) {
        size_t all_c[2 * FMT_EDGE_MAX + 1], n_all, k = 0;
        bool none;
        n_all = pick(m->cols, 0, all_c, &none);
        for (size_t i = 0; i < nr; i++)
            for (size_t j = 0; j < n_all; j++)
                vals[k++] = mat_get(m, ri[i], all_c[j]);
        np_format whole;
        format_fit(&whole, vals, k);
        int fit = (max_cols - 4 + 1) / (whole.width + 1);
        size_t per = fit < 1 ? 1 : (size_t)fit;
        if (nr * ((n_all + per - 1) / per) <= (size_t)max_lines) {
            f = whole;
            nc = n_all;
            memcpy(cidx, all_c, n_all * sizeof all_c[0]);
            csum = false;
            per_line = per;
        }
    }
    size_t len = 0;
    int lines = 0;
    char el[3 * FMT_ELEM_MAX];
    for (size_t i = 0; i < nr; i++) {
        if (rsum && i == (size_t)er) {
            add(buf, size, &len, " ...\n");
            lines++;
        }
        add(buf, size, &len, i == 0 ? "[[" : " [");
        for (size_t j = 0; j < nc; j++) {
            if (j > 0 && j % per_line == 0) { /* numpy's wrap: under the first element */
                add(buf, size, &len, "\n  ");
                lines++;
            } else if (j > 0)
                add(buf, size, &len, " ");
            if (csum && j == nc / 2)
                add(buf, size, &len, "... ");
            format_one(&f, mat_get(m, ri[i], cidx[j]), el, sizeof el);
            add(buf, size, &len, el);
        }
        add(buf, size, &len, i + 1 == nr ? "]]" : "]\n");
        lines++;
    }
    free(vals);
    free(ri);
    return lines;
}
