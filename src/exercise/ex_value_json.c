/*
 * ex_value_json.c — an ex_value ⇄ its JSON form, the one
 * exercises/harness.py reads and writes (exv_to_cjson, exv_to_json,
 * exv_from_cjson, exv_from_json_text; ex_value.h). Every value is an object
 * tagged by "t" ({"t": "ndarray", "dtype": …, "shape": […], "data": […]}),
 * but for None (null) and bool (true/false); numbers are written with %.17g
 * and non-finite ones as "nan", "inf", "-inf", so a value reads back bit for
 * bit. The values themselves are built with ex_value.c's constructors.
 */
#include "ex_value.h"
#include "ex_value_internal.h"

/* Texts here are cut to their buffers on purpose (snprintf). */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wformat-truncation"
#endif

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

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
