#include "ex_value.h"

/* Texts here are cut to their buffers on purpose (snprintf). */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wformat-truncation"
#endif

#include <cjson/cJSON.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static ex_value *exv_new(exv_kind kind)
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

/* ---- JSON ------------------------------------------------------------- */

static cJSON *number_json(double x)
{
    if (isnan(x))
        return cJSON_CreateString("nan");
    if (isinf(x))
        return cJSON_CreateString(x > 0 ? "inf" : "-inf");
    /* cJSON prints 15 digits when they read back within an epsilon: not
     * always the same double. 17 significant digits always are. */
    char buf[40];
    snprintf(buf, sizeof buf, "%.17g", x);
    return cJSON_CreateRaw(buf);
}

static cJSON *tagged(const char *t)
{
    cJSON *o = cJSON_CreateObject();
    if (o && !cJSON_AddStringToObject(o, "t", t)) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static cJSON *exv_json(const ex_value *v)
{
    cJSON *o = NULL, *arr;
    switch (v->kind) {
    case EXV_NONE:
        return cJSON_CreateNull();
    case EXV_BOOL:
        return cJSON_CreateBool(v->num != 0);
    case EXV_INT:
    case EXV_FLOAT:
        o = tagged(v->kind == EXV_INT ? "int" : "float");
        if (o && !cJSON_AddItemToObject(o, "v", number_json(v->num)))
            goto fail;
        return o;
    case EXV_STR:
        o = tagged("str");
        if (o && !cJSON_AddStringToObject(o, "v", v->str))
            goto fail;
        return o;
    case EXV_OTHER:
        o = tagged("other");
        if (o && (!cJSON_AddStringToObject(o, "type", v->dtype)
                  || !cJSON_AddStringToObject(o, "repr", v->str ? v->str : "")))
            goto fail;
        return o;
    case EXV_NPSCALAR:
        o = tagged("npscalar");
        if (o && (!cJSON_AddStringToObject(o, "dtype", v->dtype)
                  || !cJSON_AddItemToObject(o, "v", number_json(v->num))))
            goto fail;
        return o;
    case EXV_ARRAY:
        o = tagged("ndarray");
        if (!o || !cJSON_AddStringToObject(o, "dtype", v->dtype))
            goto fail;
        arr = cJSON_AddArrayToObject(o, "shape");
        if (!arr)
            goto fail;
        for (int d = 0; d < v->ndim; d++)
            if (!cJSON_AddItemToArray(arr, cJSON_CreateNumber((double)v->shape[d])))
                goto fail;
        if (!v->data) {
            if (!cJSON_AddNullToObject(o, "data"))
                goto fail;
            return o;
        }
        arr = cJSON_AddArrayToObject(o, "data");
        if (!arr)
            goto fail;
        for (size_t i = 0; i < v->size; i++)
            if (!cJSON_AddItemToArray(arr, number_json(v->data[i])))
                goto fail;
        return o;
    case EXV_LIST:
    case EXV_TUPLE:
    case EXV_DICT:
        o = tagged(v->kind == EXV_LIST ? "list" : v->kind == EXV_TUPLE ? "tuple" : "dict");
        if (!o || !(arr = cJSON_AddArrayToObject(o, "items")))
            goto fail;
        for (int i = 0; i < v->n; i++) {
            cJSON *item = exv_json(v->items[i]);
            if (!item)
                goto fail;
            if (v->kind == EXV_DICT) {
                cJSON *pair = cJSON_CreateArray();
                if (!pair) {
                    cJSON_Delete(item);
                    goto fail;
                }
                cJSON_AddItemToArray(pair, cJSON_CreateString(v->keys[i]));
                cJSON_AddItemToArray(pair, item);
                item = pair;
            }
            if (!cJSON_AddItemToArray(arr, item))
                goto fail;
        }
        return o;
    }
fail:
    cJSON_Delete(o);
    return NULL;
}

cJSON *exv_to_cjson(const ex_value *v) { return v ? exv_json(v) : NULL; }

char *exv_to_json(const ex_value *v)
{
    cJSON *j = exv_json(v);
    if (!j)
        return NULL;
    char *s = cJSON_PrintUnformatted(j);
    cJSON_Delete(j);
    return s;
}

static bool json_number(const cJSON *j, double *x)
{
    if (cJSON_IsNumber(j)) {
        *x = j->valuedouble;
        return true;
    }
    if (cJSON_IsString(j)) {
        if (strcmp(j->valuestring, "nan") == 0) {
            *x = NAN;
            return true;
        }
        if (strcmp(j->valuestring, "inf") == 0) {
            *x = INFINITY;
            return true;
        }
        if (strcmp(j->valuestring, "-inf") == 0) {
            *x = -INFINITY;
            return true;
        }
    }
    return false;
}

static ex_value *exv_parse(const cJSON *j, int depth);

static ex_value *parse_items(const cJSON *j, ex_value *c, int depth)
{
    const cJSON *items = cJSON_GetObjectItemCaseSensitive(j, "items");
    const cJSON *it;
    if (!c || !cJSON_IsArray(items))
        goto fail;
    cJSON_ArrayForEach(it, items) {
        if (c->kind == EXV_DICT) {
            const cJSON *k = cJSON_GetArrayItem(it, 0);
            if (!cJSON_IsArray(it) || !cJSON_IsString(k))
                goto fail;
            if (!exv_set(c, k->valuestring, exv_parse(cJSON_GetArrayItem(it, 1), depth + 1)))
                goto fail;
        } else if (!exv_push(c, exv_parse(it, depth + 1))) {
            goto fail;
        }
    }
    return c;
fail:
    exv_free(c);
    return NULL;
}

static ex_value *exv_parse(const cJSON *j, int depth)
{
    if (!j || depth > 64)
        return NULL;
    if (cJSON_IsNull(j))
        return exv_none();
    if (cJSON_IsBool(j))
        return exv_bool(cJSON_IsTrue(j));
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(j, "t");
    if (!cJSON_IsObject(j) || !cJSON_IsString(t))
        return NULL;
    const char *tag = t->valuestring;
    const cJSON *val = cJSON_GetObjectItemCaseSensitive(j, "v");
    const cJSON *dt = cJSON_GetObjectItemCaseSensitive(j, "dtype");
    double x;
    if (strcmp(tag, "int") == 0 || strcmp(tag, "float") == 0) {
        if (!json_number(val, &x))
            return NULL;
        ex_value *v = exv_float(x);
        if (v && tag[0] == 'i')
            v->kind = EXV_INT;
        return v;
    }
    if (strcmp(tag, "str") == 0)
        return cJSON_IsString(val) ? exv_str(val->valuestring) : NULL;
    if (strcmp(tag, "npscalar") == 0) {
        if (!cJSON_IsString(dt) || !json_number(val, &x))
            return NULL;
        return exv_npscalar(dt->valuestring, x);
    }
    if (strcmp(tag, "other") == 0) {
        const cJSON *type = cJSON_GetObjectItemCaseSensitive(j, "type");
        const cJSON *repr = cJSON_GetObjectItemCaseSensitive(j, "repr");
        ex_value *v = exv_str(cJSON_IsString(repr) ? repr->valuestring : "");
        if (v) {
            v->kind = EXV_OTHER;
            snprintf(v->dtype, sizeof v->dtype, "%s", cJSON_IsString(type) ? type->valuestring : "?");
        }
        return v;
    }
    if (strcmp(tag, "list") == 0)
        return parse_items(j, exv_list(), depth);
    if (strcmp(tag, "tuple") == 0)
        return parse_items(j, exv_tuple(), depth);
    if (strcmp(tag, "dict") == 0)
        return parse_items(j, exv_dict(), depth);
    if (strcmp(tag, "ndarray") == 0) {
        const cJSON *shape = cJSON_GetObjectItemCaseSensitive(j, "shape");
        const cJSON *data = cJSON_GetObjectItemCaseSensitive(j, "data");
        size_t dims[EXV_MAX_DIMS];
        int nd = 0;
        const cJSON *d;
        if (!cJSON_IsString(dt) || !cJSON_IsArray(shape) || cJSON_GetArraySize(shape) > EXV_MAX_DIMS)
            return NULL;
        size_t size = 1;
        cJSON_ArrayForEach(d, shape) {
            if (!cJSON_IsNumber(d) || d->valuedouble < 0 || d->valuedouble > 1e12)
                return NULL;
            dims[nd++] = (size_t)d->valuedouble;
            size *= dims[nd - 1];
        }
        if (cJSON_IsNull(data)) {
            ex_value *v = exv_new(EXV_ARRAY);
            if (!v)
                return NULL;
            v->ndim = nd;
            memcpy(v->shape, dims, sizeof dims);
            v->size = size;
            snprintf(v->dtype, sizeof v->dtype, "%s", dt->valuestring);
            return v;
        }
        if (!cJSON_IsArray(data) || (size_t)cJSON_GetArraySize(data) != size)
            return NULL;
        ex_value *v = exv_array(nd, dims);
        if (!v)
            return NULL;
        snprintf(v->dtype, sizeof v->dtype, "%s", dt->valuestring);
        size_t i = 0;
        cJSON_ArrayForEach(d, data) {
            if (!json_number(d, &v->data[i++])) {
                exv_free(v);
                return NULL;
            }
        }
        return v;
    }
    return NULL;
}

ex_value *exv_from_cjson(const cJSON *j) { return exv_parse(j, 0); }

ex_value *exv_from_json_text(const char *text)
{
    cJSON *j = cJSON_Parse(text);
    if (!j)
        return NULL;
    ex_value *v = exv_parse(j, 0);
    cJSON_Delete(j);
    return v;
}

/* ---- text --------------------------------------------------------------- */

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
