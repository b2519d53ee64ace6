/*
 * ex_value.c — the ex_value model (ex_value.h): the constructors, the
 * containers (list, tuple, dict in key order), clone and free, and reading
 * numbers out of a value (exv_to_mat, exv_scalar).
 * The JSON form is in ex_value_json.c, the printed form in ex_value_format.c.
 */
#include "ex_value.h"
#include "ex_value_internal.h"

/* Texts here are cut to their buffers on purpose (snprintf). */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wformat-truncation"
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

ex_value *exv_new(exv_kind kind)
{
    ex_value *v = calloc(1, sizeof *v);
    if (v)
        v->kind = kind;
    return v;
}

ex_value *exv_none(void) { return exv_new(EXV_NONE); }

ex_value *exv_bool(bool b)
{
    ex_value *v = exv_new(EXV_BOOL);
    if (v)
        v->num = b ? 1 : 0;
    return v;
}

ex_value *exv_int(long long i)
{
    ex_value *v = exv_new(EXV_INT);
    if (v)
        v->num = (double)i;
    return v;
}

ex_value *exv_float(double x)
{
    ex_value *v = exv_new(EXV_FLOAT);
    if (v)
        v->num = x;
    return v;
}

ex_value *exv_str(const char *s)
{
    ex_value *v = exv_new(EXV_STR);
    if (v && !(v->str = strdup(s))) {
        free(v);
        return NULL;
    }
    return v;
}

ex_value *exv_array(int ndim, const size_t *shape)
{
    if (ndim < 0 || ndim > EXV_MAX_DIMS)
        return NULL;
    ex_value *v = exv_new(EXV_ARRAY);
    if (!v)
        return NULL;
    snprintf(v->dtype, sizeof v->dtype, "float64");
    v->ndim = ndim;
    v->size = 1;
    for (int d = 0; d < ndim; d++) {
        v->shape[d] = shape[d];
        v->size *= shape[d];
    }
    v->data = calloc(v->size ? v->size : 1, sizeof *v->data);
    if (!v->data) {
        free(v);
        return NULL;
    }
    return v;
}

ex_value *exv_from_mat_dtype(const mat *m, const char *dtype)
{
    size_t shape[2] = { m->rows, m->cols };
    ex_value *v = exv_array(2, shape);
    if (!v)
        return NULL;
    memcpy(v->data, m->v, v->size * sizeof *v->data);
    snprintf(v->dtype, sizeof v->dtype, "%s", dtype);
    return v;
}

ex_value *exv_from_mat(const mat *m) { return exv_from_mat_dtype(m, "float64"); }

ex_value *exv_npscalar(const char *dtype, double x)
{
    ex_value *v = exv_new(EXV_NPSCALAR);
    if (v) {
        snprintf(v->dtype, sizeof v->dtype, "%s", dtype);
        v->num = x;
    }
    return v;
}

ex_value *exv_list(void) { return exv_new(EXV_LIST); }
ex_value *exv_tuple(void) { return exv_new(EXV_TUPLE); }
ex_value *exv_dict(void) { return exv_new(EXV_DICT); }

static bool exv_grow(ex_value *c)
{
    ex_value **items = realloc(c->items, (size_t)(c->n + 1) * sizeof *items);
    if (!items)
        return false;
    c->items = items;
    if (c->kind == EXV_DICT) {
        char **keys = realloc(c->keys, (size_t)(c->n + 1) * sizeof *keys);
        if (!keys)
            return false;
        c->keys = keys;
    }
    return true;
}

bool exv_push(ex_value *seq, ex_value *item)
{
    if (!seq || !item || (seq->kind != EXV_LIST && seq->kind != EXV_TUPLE) || !exv_grow(seq)) {
        exv_free(item);
        return false;
    }
    seq->items[seq->n++] = item;
    return true;
}

bool exv_set(ex_value *dict, const char *key, ex_value *item)
{
    if (!dict || !item || dict->kind != EXV_DICT) {
        exv_free(item);
        return false;
    }
    for (int i = 0; i < dict->n; i++) {
        if (strcmp(dict->keys[i], key) == 0) {
            exv_free(dict->items[i]);
            dict->items[i] = item;
            return true;
        }
    }
    char *k = strdup(key);
    if (!k || !exv_grow(dict)) {
        free(k);
        exv_free(item);
        return false;
    }
    dict->keys[dict->n] = k;
    dict->items[dict->n++] = item;
    return true;
}

const ex_value *exv_get(const ex_value *dict, const char *key)
{
    if (!dict || dict->kind != EXV_DICT)
        return NULL;
    for (int i = 0; i < dict->n; i++)
        if (strcmp(dict->keys[i], key) == 0)
            return dict->items[i];
    return NULL;
}

void exv_free(ex_value *v)
{
    if (!v)
        return;
    for (int i = 0; i < v->n; i++) {
        exv_free(v->items[i]);
        if (v->keys)
            free(v->keys[i]);
    }
    free(v->items);
    free(v->keys);
    free(v->data);
    free(v->str);
    free(v);
}

ex_value *exv_clone(const ex_value *v)
{
    if (!v)
        return NULL;
    ex_value *c = exv_new(v->kind);
    if (!c)
        return NULL;
    c->num = v->num;
    memcpy(c->dtype, v->dtype, sizeof c->dtype);
    c->ndim = v->ndim;
    memcpy(c->shape, v->shape, sizeof c->shape);
    c->size = v->size;
    if (v->str && !(c->str = strdup(v->str)))
        goto fail;
    if (v->data) {
        c->data = malloc((v->size ? v->size : 1) * sizeof *c->data);
        if (!c->data)
            goto fail;
        memcpy(c->data, v->data, v->size * sizeof *c->data);
    }
    for (int i = 0; i < v->n; i++) {
        ex_value *item = exv_clone(v->items[i]);
        bool ok = v->kind == EXV_DICT ? exv_set(c, v->keys[i], item) : exv_push(c, item);
        if (!ok)
            goto fail;
    }
    return c;
fail:
    exv_free(c);
    return NULL;
}

mat *exv_to_mat(const ex_value *v)
{
    if (!v || v->kind != EXV_ARRAY || !v->data || v->size == 0)
        return NULL;
    size_t rows, cols;
    if (v->ndim == 2) {
        rows = v->shape[0];
        cols = v->shape[1];
    } else if (v->size == 1) {
        rows = cols = 1;
    } else {
        return NULL;
    }
    mat *m = mat_new(rows, cols);
    if (m)
        memcpy(m->v, v->data, v->size * sizeof *m->v);
    return m;
}

bool exv_scalar(const ex_value *v, double *x)
{
    if (!v)
        return false;
    if (v->kind == EXV_INT || v->kind == EXV_FLOAT || v->kind == EXV_NPSCALAR) {
        *x = v->num;
        return true;
    }
    if (v->kind == EXV_ARRAY && v->ndim == 0 && v->data) {
        *x = v->data[0];
        return true;
    }
    return false;
}
