#include "ex_report.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "ex_text.h"

static cJSON *num(double x)
{
    if (isnan(x))
        return cJSON_CreateString("nan");
    if (isinf(x))
        return cJSON_CreateString(x > 0 ? "inf" : "-inf");
    char buf[40];
    snprintf(buf, sizeof buf, "%.17g", x);  /* every digit that tells two doubles apart */
    return cJSON_CreateRaw(buf);
}

static cJSON *nested(const ex_value *v, int d, size_t *pos)
{
    cJSON *a = cJSON_CreateArray();
    for (size_t i = 0; a && i < v->shape[d]; i++) {
        cJSON *item = d == v->ndim - 1 ? num(v->data[(*pos)++]) : nested(v, d + 1, pos);
        if (!item || !cJSON_AddItemToArray(a, item)) {
            cJSON_Delete(item);
            cJSON_Delete(a);
            return NULL;
        }
    }
    return a;
}

static cJSON *plain(const ex_value *v, int depth)
{
    if (!v || depth > 32)
        return cJSON_CreateNull();
    switch (v->kind) {
    case EXV_NONE: return cJSON_CreateNull();
    case EXV_BOOL: return cJSON_CreateBool(v->num != 0);
    case EXV_INT:
    case EXV_FLOAT:
    case EXV_NPSCALAR: return num(v->num);
    case EXV_STR: return cJSON_CreateString(v->str);
    case EXV_OTHER: return cJSON_CreateString(v->str ? v->str : "");
    case EXV_ARRAY: {
        size_t pos = 0;
        if (!v->data)
            return cJSON_CreateNull();
        return v->ndim == 0 ? num(v->data[0]) : nested(v, 0, &pos);
    }
    case EXV_LIST:
    case EXV_TUPLE:
    case EXV_DICT: {
        cJSON *c = v->kind == EXV_DICT ? cJSON_CreateObject() : cJSON_CreateArray();
        for (int i = 0; c && i < v->n; i++) {
            cJSON *item = plain(v->items[i], depth + 1);
            if (v->kind == EXV_DICT)
                cJSON_AddItemToObject(c, v->keys[i], item);
            else
                cJSON_AddItemToArray(c, item);
        }
        return c;
    }
    }
    return cJSON_CreateNull();
}

char *ex_report_json(const ex_result *results, int n, const ex_python *python, int lang)
{
    char msg[4096];
    cJSON *root = cJSON_CreateObject();
    if (!root)
        return NULL;
    if (python) {
        cJSON *py = cJSON_AddObjectToObject(root, "python");
        cJSON_AddStringToObject(py, "path", python->path);
        cJSON_AddStringToObject(py, "version", python->version);
        cJSON_AddStringToObject(py, "numpy", python->numpy);
    } else {
        cJSON_AddNullToObject(root, "python");
    }
    cJSON *arr = cJSON_AddArrayToObject(root, "exercises");
    for (int i = 0; arr && i < n; i++) {
        const ex_result *r = &results[i];
        cJSON *e = cJSON_CreateObject();
        cJSON_AddItemToArray(arr, e);
        char id[128];
        snprintf(id, sizeof id, "%s/%s", r->def->assignment, r->def->function);
        cJSON_AddStringToObject(e, "id", id);
        cJSON_AddStringToObject(e, "file", r->file);
        cJSON_AddStringToObject(e, "status", ex_outcome_name(r->outcome));
        const ex_verdict *v = ex_result_first_failure(r);
        if (v) {
            ex_verdict_text(v, r->def->function, lang, msg, sizeof msg);
            cJSON_AddStringToObject(e, "message", msg);
        } else {
            cJSON_AddNullToObject(e, "message");
        }
        if (v && v->mistake)
            cJSON_AddStringToObject(e, "mistake", v->mistake);
        else
            cJSON_AddNullToObject(e, "mistake");
        cJSON *cases = cJSON_AddArrayToObject(e, "cases");
        for (int k = 0; cases && k < r->n_cases; k++) {
            const ex_case_result *c = &r->cases[k];
            cJSON *o = cJSON_CreateObject();
            cJSON_AddItemToArray(cases, o);
            cJSON_AddStringToObject(o, "name", c->name);
            cJSON_AddBoolToObject(o, "hidden", c->hidden);
            cJSON_AddStringToObject(o, "inputs", c->inputs);
            cJSON_AddStringToObject(o, "status", ex_outcome_name(c->v.outcome));
            ex_verdict_text(&c->v, r->def->function, lang, msg, sizeof msg);
            cJSON_AddStringToObject(o, "message", msg);
            if (c->v.mistake)
                cJSON_AddStringToObject(o, "mistake", c->v.mistake);
            if (c->v.outcome == EX_VALUES && !c->v.detail[0]) {
                /* the comparison that failed: |got − expected| <= atol + rtol·|expected| */
                cJSON *tol = cJSON_AddObjectToObject(o, "tolerance");
                cJSON_AddItemToObject(tol, "atol", num(c->v.atol));
                cJSON_AddItemToObject(tol, "rtol", num(c->v.rtol));
            }
            /* A hidden case's expected output stays hidden, as in the text
             * output: a grader's learner would otherwise read it off. Its
             * inputs' shapes are no secret (its name says them). */
            cJSON_AddItemToObject(o, "expected", c->hidden ? cJSON_CreateNull() : plain(c->expected, 0));
            cJSON_AddItemToObject(o, "got", c->got ? plain(c->got, 0) : cJSON_CreateNull());
            cJSON_AddStringToObject(o, "printed", c->output ? c->output : "");
        }
    }
    char *s = cJSON_Print(root);
    cJSON_Delete(root);
    return s;
}
