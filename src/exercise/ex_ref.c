#include "ex_ref.h"

/* Texts here are cut to their buffers on purpose (snprintf). */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wformat-truncation"
#endif

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void rp_free_all(ref_pool *p)
{
    for (int i = 0; i < p->n; i++)
        mat_free(p->m[i]);
    p->n = 0;
}

static mat *rp_keep(ref_pool *p, mat *m)
{
    if (!m || p->n == RP_MAX) {
        mat_free(m);
        p->oom = true;
        return NULL;
    }
    p->m[p->n++] = m;
    return m;
}

mat *rp_zeros(ref_pool *p, size_t rows, size_t cols) { return rp_keep(p, mat_new(rows, cols)); }

mat *rp_randn(ref_pool *p, rng *r, size_t rows, size_t cols)
{
    mat *m = rp_zeros(p, rows, cols);
    if (m)
        rng_fill_randn(r, m);
    return m;
}

mat *rp_rand(ref_pool *p, rng *r, size_t rows, size_t cols)
{
    mat *m = rp_zeros(p, rows, cols);
    if (m)
        rng_fill_rand(r, m);
    return m;
}

mat *rp_lit(ref_pool *p, size_t rows, size_t cols, const double *v)
{
    mat *m = rp_zeros(p, rows, cols);
    if (m)
        memcpy(m->v, v, rows * cols * sizeof *v);
    return m;
}

mat *rp_copy(ref_pool *p, const mat *a)
{
    return a ? rp_keep(p, mat_clone(a)) : NULL;
}

mat *rp_scale(ref_pool *p, const mat *a, double s)
{
    mat *m = rp_copy(p, a);
    if (m)
        mat_scale(m, s);
    return m;
}

mat *rp_transpose(ref_pool *p, const mat *a)
{
    mat *m = a ? rp_zeros(p, a->cols, a->rows) : NULL;
    if (m)
        for (size_t r = 0; r < a->rows; r++)
            for (size_t c = 0; c < a->cols; c++)
                mat_set(m, c, r, mat_get(a, r, c));
    return m;
}

mat *rp_dot(ref_pool *p, const mat *a, const mat *b)
{
    if (!a || !b || a->cols != b->rows)
        return NULL;
    mat *m = rp_zeros(p, a->rows, b->cols);
    if (m)
        mat_mul(m, a, b);
    return m;
}

mat *rp_dot_tn(ref_pool *p, const mat *a, const mat *b)
{
    if (!a || !b || a->rows != b->rows)
        return NULL;
    mat *m = rp_zeros(p, a->cols, b->cols);
    if (m)
        mat_mul_tn(m, a, b);
    return m;
}

mat *rp_dot_nt(ref_pool *p, const mat *a, const mat *b)
{
    if (!a || !b || a->cols != b->cols)
        return NULL;
    mat *m = rp_zeros(p, a->rows, b->rows);
    double *scratch = malloc(b->rows * b->cols * sizeof *scratch);
    if (m && scratch)
        mat_mul_nt(m, a, b, scratch);
    else
        p->oom = true;
    free(scratch);
    return m;
}

static mat *rp_binary(ref_pool *p, const mat *a, const mat *b, int op)
{
    if (!a || !b || !mat_same_shape(a, b))
        return NULL;
    mat *m = rp_zeros(p, a->rows, a->cols);
    if (m) {
        if (op == 0)
            mat_add(m, a, b);
        else if (op == 1)
            mat_sub(m, a, b);
        else
            mat_hadamard(m, a, b);
    }
    return m;
}

mat *rp_add(ref_pool *p, const mat *a, const mat *b) { return rp_binary(p, a, b, 0); }
mat *rp_sub(ref_pool *p, const mat *a, const mat *b) { return rp_binary(p, a, b, 1); }
mat *rp_mul(ref_pool *p, const mat *a, const mat *b) { return rp_binary(p, a, b, 2); }

mat *rp_add_col(ref_pool *p, const mat *Z, const mat *b)
{
    if (!Z || !b || b->rows != Z->rows || b->cols != 1)
        return NULL;
    mat *m = rp_copy(p, Z);
    if (m)
        mat_add_col(m, b);
    return m;
}

mat *rp_row_sums(ref_pool *p, const mat *a)
{
    mat *m = a ? rp_zeros(p, a->rows, 1) : NULL;
    if (m)
        mat_row_sums(m, a);
    return m;
}

mat *rp_act(ref_pool *p, act_kind k, const mat *Z)
{
    mat *m = Z ? rp_zeros(p, Z->rows, Z->cols) : NULL;
    if (m)
        act_forward(k, m, Z);
    return m;
}

mat *rp_act_backward(ref_pool *p, act_kind k, const mat *dA, const mat *Z)
{
    if (!dA || !Z || !mat_same_shape(dA, Z))
        return NULL;
    mat *A = rp_act(p, k, Z);
    mat *m = rp_zeros(p, Z->rows, Z->cols);
    if (A && m)
        act_backward(k, m, dA, Z, A);
    return m;
}

mat *rp_map(ref_pool *p, const mat *a, double (*f)(double))
{
    mat *m = rp_copy(p, a);
    if (m)
        for (size_t i = 0; i < mat_size(m); i++)
            m->v[i] = f(m->v[i]);
    return m;
}

mat *rp_step(ref_pool *p, const mat *w, const mat *d, double alpha, bool plus)
{
    if (!w || !d || !mat_same_shape(w, d))
        return NULL;
    mat *m = rp_copy(p, w);
    if (m)
        mat_axpy_neg(m, plus ? -alpha : alpha, d);
    return m;
}

ex_value *vm(const mat *m) { return m ? exv_from_mat(m) : NULL; }
ex_value *vm_int(const mat *m) { return m ? exv_from_mat_dtype(m, "int64") : NULL; }

ex_value *vm_rank1(const mat *m)
{
    if (!m)
        return NULL;
    size_t n = mat_size(m);
    ex_value *v = exv_array(1, &n);
    if (v)
        memcpy(v->data, m->v, n * sizeof *v->data);
    return v;
}

ex_value *vf(double x) { return exv_float(x); }
ex_value *vi(long long i) { return exv_int(i); }
ex_value *vnp(double x) { return exv_npscalar("float64", x); }
ex_value *vs(const char *s) { return exv_str(s); }

static ex_value *v_seq(ex_value *seq, int n, va_list ap)
{
    bool ok = seq != NULL;
    for (int i = 0; i < n; i++) {
        ex_value *item = va_arg(ap, ex_value *);
        if (!ok || !item)
            ok = false, exv_free(item);
        else
            ok = exv_push(seq, item);
    }
    if (!ok) {
        exv_free(seq);
        return NULL;
    }
    return seq;
}

ex_value *v_tuple(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    ex_value *v = v_seq(exv_tuple(), n, ap);
    va_end(ap);
    return v;
}

ex_value *v_list(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    ex_value *v = v_seq(exv_list(), n, ap);
    va_end(ap);
    return v;
}

ex_value *v_dict(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    ex_value *d = exv_dict();
    bool ok = d != NULL;
    for (int i = 0; i < n; i++) {
        const char *key = va_arg(ap, const char *);
        ex_value *item = va_arg(ap, ex_value *);
        if (!ok || !item)
            ok = false, exv_free(item);
        else
            ok = exv_set(d, key, item);
    }
    va_end(ap);
    if (!ok) {
        exv_free(d);
        return NULL;
    }
    return d;
}

ex_value *v_params(int L, mat *const *W, mat *const *b, const char *wname, const char *bname)
{
    ex_value *d = exv_dict();
    bool ok = d != NULL;
    char key[32];
    for (int l = 1; l <= L && ok; l++) {
        snprintf(key, sizeof key, "%s%d", wname, l);
        ok = exv_set(d, key, vm(W[l]));
        snprintf(key, sizeof key, "%s%d", bname, l);
        ok = ok && exv_set(d, key, vm(b[l]));
    }
    if (!ok) {
        exv_free(d);
        return NULL;
    }
    return d;
}

void case_arg(ref_pool *p, ex_case *c, const char *name, ex_value *v)
{
    if (!ex_case_arg(c, name, v, false))
        p->oom = true;
}

void case_kwarg(ref_pool *p, ex_case *c, const char *name, ex_value *v)
{
    if (!ex_case_arg(c, name, v, true))
        p->oom = true;
}

void case_expect(ref_pool *p, ex_case *c, ex_value *v)
{
    exv_free(c->expected);
    c->expected = v;
    if (!v)
        p->oom = true;
}

void case_mistake(ref_pool *p, ex_case *c, const char *id, ex_value *v)
{
    if (!ex_case_mistake(c, id, v))
        p->oom = true;
}

int cases_done(ref_pool *p, ex_case *cases, int n)
{
    bool failed = p->oom;
    rp_free_all(p);
    if (failed) {
        for (int i = 0; i < n; i++)
            ex_case_clear(&cases[i]);
        return -1;
    }
    return n;
}
