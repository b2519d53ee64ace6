/*
 * ex_compare.c — comparing what a learner's function returned with what the
 * core computed (ex_compare, ex_check.h): the most basic problem first
 * (nothing, the wrong type, the wrong length or keys, a rank-1 array, the
 * wrong shape, then the values with their largest difference).
 */
#include "ex_check.h"
#include "ex_check_internal.h"

/* Texts here are cut to their buffers on purpose (snprintf). */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wformat-truncation"
#endif

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Keeps the most basic problem: a lower outcome wins, the first one on a tie. */
static void propose(ex_verdict *best, const ex_verdict *cand)
{
    if (cand->outcome == EX_PASS)
        return;
    if (best->outcome == EX_PASS || cand->outcome < best->outcome)
        *best = *cand;
}

void ex_verdict_start(ex_verdict *v, ex_outcome o, const char *path)
{
    memset(v, 0, sizeof *v);
    v->outcome = o;
    snprintf(v->path, sizeof v->path, "%s", path);
}

static bool is_number(const ex_value *g)
{
    return g->kind == EXV_INT || g->kind == EXV_FLOAT || g->kind == EXV_NPSCALAR
           || (g->kind == EXV_ARRAY && g->ndim == 0);
}

static bool close_enough(double e, double g, double atol, double rtol)
{
    if (isnan(e) || isnan(g))
        return isnan(e) && isnan(g);
    if (isinf(e) || isinf(g))
        return e == g;
    return fabs(g - e) <= atol + rtol * fabs(e);
}

static void kind_text(const ex_value *v, char *buf, size_t size)
{
    if (v->kind == EXV_ARRAY) {
        char sh[40];
        exv_shape_text(v, sh, sizeof sh);
        snprintf(buf, size, "an array of shape %s", sh);
    } else if (v->kind == EXV_NPSCALAR) {
        snprintf(buf, size, "a numpy %s", v->dtype);
    } else if (v->kind == EXV_OTHER) {
        snprintf(buf, size, "a %s", v->dtype);
    } else if (v->kind == EXV_TUPLE || v->kind == EXV_LIST) {
        snprintf(buf, size, "%s of %d", exv_kind_name(v), v->n);
    } else {
        snprintf(buf, size, "%s", exv_kind_name(v));
    }
}

static void wrong_type(ex_verdict *best, const char *path, const char *expected_kind, const ex_value *g)
{
    ex_verdict v;
    ex_verdict_start(&v, g->kind == EXV_NONE ? EX_NONE : EX_WRONG_TYPE, path);
    snprintf(v.expected_kind, sizeof v.expected_kind, "%s", expected_kind);
    kind_text(g, v.got_kind, sizeof v.got_kind);
    propose(best, &v);
}

static void where_text(const ex_value *e, size_t flat, char *buf, size_t size)
{
    size_t idx[EXV_MAX_DIMS];
    for (int d = e->ndim - 1; d >= 0; d--) {
        idx[d] = e->shape[d] ? flat % e->shape[d] : 0;
        flat = e->shape[d] ? flat / e->shape[d] : 0;
    }
    size_t len = (size_t)snprintf(buf, size, "[");
    for (int d = 0; d < e->ndim && len < size; d++)
        len += (size_t)snprintf(buf + len, size - len, "%s%zu", d ? ", " : "", idx[d]);
    if (len < size)
        snprintf(buf + len, size - len, "]");
}

static void compare_arrays(const ex_value *e, const ex_value *g, double atol, double rtol,
                           const char *path, ex_verdict *best)
{
    ex_verdict v;
    bool same_shape = e->ndim == g->ndim;
    for (int d = 0; same_shape && d < e->ndim; d++)
        same_shape = e->shape[d] == g->shape[d];
    if (!same_shape) {
        bool rank1 = g->ndim == 1 && e->ndim == 2 && g->size == e->size
                     && (e->shape[0] == 1 || e->shape[1] == 1);
        ex_verdict_start(&v, rank1 ? EX_RANK1 : EX_SHAPE, path);
        exv_shape_text(e, v.expected_shape, sizeof v.expected_shape);
        exv_shape_text(g, v.got_shape, sizeof v.got_shape);
        propose(best, &v);
        return;
    }
    if (!e->data || !g->data) {
        ex_verdict_start(&v, EX_VALUES, path);
        snprintf(v.detail, sizeof v.detail, "too large to compare");
        propose(best, &v);
        return;
    }
    double worst = -1, worst_excess = 0;
    size_t at = 0;
    for (size_t i = 0; i < e->size; i++) {
        double x = e->data[i], y = g->data[i];
        if (close_enough(x, y, atol, rtol))
            continue;
        double diff = isnan(x) || isnan(y) || isinf(x) || isinf(y) ? INFINITY : fabs(y - x);
        double excess = diff - (atol + rtol * fabs(x));
        if (worst < 0 || excess > worst_excess) {
            worst = diff;
            worst_excess = excess;
            at = i;
        }
    }
    if (worst < 0)
        return;
    ex_verdict_start(&v, EX_VALUES, path);
    v.atol = atol;
    v.rtol = rtol;
    v.max_diff = worst;
    where_text(e, at, v.where, sizeof v.where);
    exv_format_number(e->data[at], v.expected_num, sizeof v.expected_num);
    exv_format_number(g->data[at], v.got_num, sizeof v.got_num);
    propose(best, &v);
}

static void compare_rec(const ex_value *e, const ex_value *g, double atol, double rtol,
                        const char *path, const char *const *names, ex_verdict *best, int depth)
{
    ex_verdict v;
    char sub[96];
    if (depth > 32)
        return;
    switch (e->kind) {
    case EXV_ARRAY:
        if (g->kind != EXV_ARRAY) {
            wrong_type(best, path, "a numpy array", g);
            return;
        }
        compare_arrays(e, g, atol, rtol, path, best);
        return;
    case EXV_INT:
    case EXV_FLOAT:
    case EXV_NPSCALAR: {
        double x;
        if (!is_number(g) || !exv_scalar(g, &x)) {
            wrong_type(best, path, "a number", g);
            return;
        }
        /* a Python int where a float belongs (b = 0 for b = 0.0), and the other way round */
        if ((e->kind == EXV_FLOAT && g->kind == EXV_INT) || (e->kind == EXV_INT && g->kind == EXV_FLOAT)) {
            wrong_type(best, path, e->kind == EXV_FLOAT ? "a Python float" : "a Python int", g);
            return;
        }
        if (!close_enough(e->num, x, atol, rtol)) {
            ex_verdict_start(&v, EX_VALUES, path);
            v.atol = atol;
            v.rtol = rtol;
            v.max_diff = isfinite(x) ? fabs(x - e->num) : INFINITY;
            exv_format_number(e->num, v.expected_num, sizeof v.expected_num);
            exv_format_number(x, v.got_num, sizeof v.got_num);
            if (e->kind == EXV_FLOAT || e->kind == EXV_NPSCALAR) {
                snprintf(v.expected_num, sizeof v.expected_num, "%.17g", e->num);
                snprintf(v.got_num, sizeof v.got_num, "%.17g", x);
            }
            propose(best, &v);
        }
        return;
    }
    case EXV_BOOL:
    case EXV_STR:
    case EXV_NONE:
    case EXV_OTHER:
        if (e->kind == EXV_NONE)
            return;
        if (g->kind != e->kind && !(e->kind == EXV_BOOL && g->kind == EXV_NPSCALAR)) {
            wrong_type(best, path, exv_kind_name(e), g);
            return;
        }
        if ((e->kind == EXV_BOOL && e->num != g->num)
            || (e->kind == EXV_STR && strcmp(e->str, g->str) != 0)) {
            ex_verdict_start(&v, EX_VALUES, path);
            exv_format(e, v.expected_num, sizeof v.expected_num, 10);
            exv_format(g, v.got_num, sizeof v.got_num, 10);
            propose(best, &v);
        }
        return;
    case EXV_LIST:
    case EXV_TUPLE:
        if (g->kind != EXV_LIST && g->kind != EXV_TUPLE) {
            char k[40];
            snprintf(k, sizeof k, "%s of %d", exv_kind_name(e), e->n);
            wrong_type(best, path, k, g);
            return;
        }
        if (g->n != e->n) {
            ex_verdict_start(&v, EX_WRONG_LENGTH, path);
            v.expected_len = e->n;
            v.got_len = g->n;
            kind_text(g, v.got_kind, sizeof v.got_kind);
            propose(best, &v);
            return;
        }
        for (int i = 0; i < e->n; i++) {
            if (names && names[i] && *path == '\0')
                snprintf(sub, sizeof sub, "%s", names[i]);
            else
                snprintf(sub, sizeof sub, "%s[%d]", path, i);
            compare_rec(e->items[i], g->items[i], atol, rtol, sub, NULL, best, depth + 1);
        }
        return;
    case EXV_DICT:
        if (g->kind != EXV_DICT) {
            wrong_type(best, path, "a dict", g);
            return;
        }
        for (int i = 0; i < e->n; i++) {
            if (*path == '\0')
                snprintf(sub, sizeof sub, "%s", e->keys[i]);
            else
                snprintf(sub, sizeof sub, "%s['%s']", path, e->keys[i]);
            const ex_value *gi = exv_get(g, e->keys[i]);
            if (!gi) {
                ex_verdict_start(&v, EX_MISSING_KEY, path);
                snprintf(v.key, sizeof v.key, "%s", e->keys[i]);
                propose(best, &v);
                continue;
            }
            compare_rec(e->items[i], gi, atol, rtol, sub, NULL, best, depth + 1);
        }
        return;
    }
}

void ex_compare(const ex_value *expected, const ex_value *got, double atol, double rtol,
                const char *const *names, ex_verdict *v)
{
    memset(v, 0, sizeof *v);
    v->outcome = EX_PASS;
    if (!got) {
        ex_verdict_start(v, EX_NONE, "");
        return;
    }
    if (got->kind == EXV_NONE && expected->kind != EXV_NONE) {
        ex_verdict_start(v, EX_NONE, "");
        return;
    }
    compare_rec(expected, got, atol, rtol, "", names, v, 0);
}
