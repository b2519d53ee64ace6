/*
 * ex_beside.c — the learner's function on a network's values (ex_beside.h):
 * the arguments and ours copied out of the network, one case run through the
 * checker (ex_check_cases), and the largest difference between the two.
 */
#include "ex_beside.h"

/* Paths are cut to their buffers on purpose (snprintf). */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wformat-truncation"
#endif

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The tolerances of the w4a1 cases (ex_cases_w4a1.c). */
#define EXB_ATOL 1e-8
#define EXB_RTOL 1e-6

static const char *const fn_ids[EXB_FN_COUNT] = {
    "w4a1/linear_forward", "w4a1/L_model_forward", "w4a1/L_model_backward",
};

const char *ex_beside_id(ex_beside_fn fn)
{
    return fn >= 0 && fn < EXB_FN_COUNT ? fn_ids[fn] : NULL;
}

const char *ex_beside_function(ex_beside_fn fn)
{
    const char *id = ex_beside_id(fn);
    return id ? strchr(id, '/') + 1 : NULL;
}

/* ---- the arguments and ours --------------------------------------------- */

/* A float64 array holding a copy of m; NULL when m is (or memory runs out). */
static ex_value *copy_of(const mat *m)
{
    return m ? exv_from_mat(m) : NULL;
}

static ex_value *pair(ex_value *a, ex_value *b)
{
    ex_value *t = exv_tuple();
    if (!t || !exv_push(t, a)) {
        exv_free(t);
        exv_free(b);
        return NULL;
    }
    if (!exv_push(t, b)) {
        exv_free(t);
        return NULL;
    }
    return t;
}

static ex_value *triple(const mat *a, const mat *b, const mat *c)
{
    ex_value *t = exv_tuple();
    if (t && exv_push(t, copy_of(a)) && exv_push(t, copy_of(b)) && exv_push(t, copy_of(c)))
        return t;
    exv_free(t);
    return NULL;
}

/* ((A[l−1], W[l], b[l]), Z[l]): one layer's cache. */
static ex_value *layer_cache(const nn_net *net, int l)
{
    return pair(triple(nn_value_of(net, NN_A, l - 1), nn_value_of(net, NN_W, l), nn_value_of(net, NN_B, l)),
                copy_of(nn_value_of(net, NN_Z, l)));
}

static ex_value *all_caches(const nn_net *net)
{
    ex_value *list = exv_list();
    for (int l = 1; list && l <= nn_layers(net); l++)
        if (!exv_push(list, layer_cache(net, l))) {
            exv_free(list);
            list = NULL;
        }
    return list;
}

/* Whether the forward pass is complete: every Z[l] and A[l]. */
static bool forward_done(const nn_net *net)
{
    for (int l = 1; l <= nn_layers(net); l++)
        if (!nn_has(net, NN_Z, l) || !nn_has(net, NN_A, l))
            return false;
    return nn_value_of(net, NN_A, 0) != NULL;
}

static bool hidden_relu(const nn_net *net)
{
    for (int l = 1; l < nn_layers(net); l++)
        if (nn_activation(net, l) != ACT_RELU)
            return false;
    return true;
}

static bool set_mat(ex_value *dict, const char *key, const mat *m)
{
    return exv_set(dict, key, copy_of(m));
}

static ex_value *parameters(const nn_net *net)
{
    ex_value *d = exv_dict();
    char key[16];
    for (int l = 1; d && l <= nn_layers(net); l++) {
        snprintf(key, sizeof key, "W%d", l);
        bool ok = set_mat(d, key, nn_value_of(net, NN_W, l));
        snprintf(key, sizeof key, "b%d", l);
        if (!ok || !set_mat(d, key, nn_value_of(net, NN_B, l))) {
            exv_free(d);
            d = NULL;
        }
    }
    return d;
}

/* The gradients the network has computed, in the order the course's
 * L_model_backward writes them: dA{L−1}, dW{L}, db{L}, dA{L−2}, … */
static ex_value *grads_so_far(const nn_net *net)
{
    ex_value *d = exv_dict();
    char key[16];
    for (int l = nn_layers(net); d && l >= 1; l--) {
        bool ok = true;
        if (l > 1 && nn_has(net, NN_DA, l - 1)) {
            snprintf(key, sizeof key, "dA%d", l - 1);
            ok = set_mat(d, key, nn_value_of(net, NN_DA, l - 1));
        }
        if (ok && nn_has(net, NN_DW, l)) {
            snprintf(key, sizeof key, "dW%d", l);
            ok = set_mat(d, key, nn_value_of(net, NN_DW, l));
        }
        if (ok && nn_has(net, NN_DB, l)) {
            snprintf(key, sizeof key, "db%d", l);
            ok = set_mat(d, key, nn_value_of(net, NN_DB, l));
        }
        if (!ok) {
            exv_free(d);
            d = NULL;
        }
    }
    return d;
}

static bool add_arg(ex_case *c, const char *name, ex_value *v)
{
    return ex_case_arg(c, name, v, false);
}

ex_beside_status ex_beside_prepare(ex_beside_fn fn, const nn_net *net, int layer, ex_beside_call *call)
{
    memset(call, 0, sizeof *call);
    call->fn = fn;
    ex_case *c = &call->c;
    int L = nn_layers(net);
    bool ok;
    switch (fn) {
    case EXB_LINEAR_FORWARD:
        if (layer < 1 || layer > L || !nn_value_of(net, NN_A, layer - 1) || !nn_has(net, NN_Z, layer))
            return EXB_NOT_COMPUTED;
        ex_case_init(c, "linear_forward", false, EXB_ATOL, EXB_RTOL);
        ok = add_arg(c, "A", copy_of(nn_value_of(net, NN_A, layer - 1)))
             && add_arg(c, "W", copy_of(nn_value_of(net, NN_W, layer)))
             && add_arg(c, "b", copy_of(nn_value_of(net, NN_B, layer)));
        c->expected = ok ? pair(copy_of(nn_value_of(net, NN_Z, layer)),
                                triple(nn_value_of(net, NN_A, layer - 1), nn_value_of(net, NN_W, layer),
                                       nn_value_of(net, NN_B, layer)))
                         : NULL;
        break;
    case EXB_L_MODEL_FORWARD:
        if (!hidden_relu(net))
            return EXB_NOT_RELU;
        if (!forward_done(net))
            return EXB_NOT_COMPUTED;
        ex_case_init(c, "L_model_forward", false, EXB_ATOL, EXB_RTOL);
        ok = add_arg(c, "X", copy_of(nn_value_of(net, NN_A, 0))) && add_arg(c, "parameters", parameters(net));
        c->expected = ok ? pair(copy_of(nn_value_of(net, NN_A, L)), all_caches(net)) : NULL;
        break;
    case EXB_L_MODEL_BACKWARD:
        if (!hidden_relu(net))
            return EXB_NOT_RELU;
        if (!forward_done(net) || !nn_labels(net))
            return EXB_NOT_COMPUTED;
        if (!nn_has(net, NN_DW, L))
            return EXB_NO_GRADIENTS;
        ex_case_init(c, "L_model_backward", false, EXB_ATOL, EXB_RTOL);
        ok = add_arg(c, "AL", copy_of(nn_value_of(net, NN_A, L)))
             && add_arg(c, "Y", copy_of(nn_labels(net))) && add_arg(c, "caches", all_caches(net));
        c->expected = ok ? grads_so_far(net) : NULL;
        break;
    default:
        return EXB_NOT_COMPUTED;
    }
    if (!c->expected) {
        ex_case_clear(c);
        memset(call, 0, sizeof *call);
        return EXB_NO_MEMORY;
    }
    return EXB_READY;
}

void ex_beside_call_clear(ex_beside_call *call)
{
    ex_case_clear(&call->c);
    memset(call, 0, sizeof *call);
}

/* ---- the largest difference --------------------------------------------- */

typedef struct diff_state {
    bool any;
    double max;
    char at[96];
} diff_state;

static void note(diff_state *d, double diff, const char *path, const char *where)
{
    if (d->any && !(diff > d->max))
        return;
    d->any = true;
    d->max = diff;
    snprintf(d->at, sizeof d->at, "%s%s", path, where);
}

static double gap(double a, double b)
{
    if (isnan(a) || isnan(b))
        return isnan(a) && isnan(b) ? 0 : INFINITY;
    if (isinf(a) || isinf(b))
        return a == b ? 0 : INFINITY;
    return fabs(a - b);
}

static void diff_rec(const ex_value *ours, const ex_value *theirs, const char *path, const char *const *names,
                     diff_state *d, int depth)
{
    char sub[96], where[48];
    double x, y;
    if (depth > 16)
        return;
    if (ours->kind == EXV_ARRAY) {
        if (theirs->kind != EXV_ARRAY || theirs->ndim != ours->ndim || !ours->data || !theirs->data)
            return;
        for (int k = 0; k < ours->ndim; k++)
            if (ours->shape[k] != theirs->shape[k])
                return;
        for (size_t i = 0; i < ours->size; i++) {
            double g = gap(ours->data[i], theirs->data[i]);
            if (d->any && !(g > d->max))
                continue;
            size_t len = 0, flat = i, idx[EXV_MAX_DIMS];
            for (int k = ours->ndim - 1; k >= 0; k--) {
                idx[k] = flat % ours->shape[k];
                flat /= ours->shape[k];
            }
            where[0] = '\0';
            for (int k = 0; k < ours->ndim && len < sizeof where; k++)
                len += (size_t)snprintf(where + len, sizeof where - len, "%s%zu", k ? ", " : "[", idx[k]);
            if (ours->ndim > 0 && len < sizeof where)
                snprintf(where + len, sizeof where - len, "]");
            note(d, g, path, where);
        }
        return;
    }
    if (ours->kind == EXV_TUPLE || ours->kind == EXV_LIST) {
        if (theirs->kind != EXV_TUPLE && theirs->kind != EXV_LIST)
            return;
        for (int i = 0; i < ours->n && i < theirs->n; i++) {
            if (names && names[i] && !*path)
                snprintf(sub, sizeof sub, "%s", names[i]);
            else
                snprintf(sub, sizeof sub, "%s[%d]", path, i);
            diff_rec(ours->items[i], theirs->items[i], sub, NULL, d, depth + 1);
        }
        return;
    }
    if (ours->kind == EXV_DICT) {
        if (theirs->kind != EXV_DICT)
            return;
        for (int i = 0; i < ours->n; i++) {
            const ex_value *t = exv_get(theirs, ours->keys[i]);
            if (!*path)
                snprintf(sub, sizeof sub, "%s", ours->keys[i]);
            else
                snprintf(sub, sizeof sub, "%s['%s']", path, ours->keys[i]);
            if (t)
                diff_rec(ours->items[i], t, sub, NULL, d, depth + 1);
        }
        return;
    }
    if (exv_scalar(ours, &x) && exv_scalar(theirs, &y))
        note(d, gap(x, y), path, "");
}

/* res->compared, max_diff and max_at from res->ours and res->theirs. */
static void largest_difference(ex_beside_result *res, const ex_def *def)
{
    diff_state d = {0};
    res->compared = false;
    res->max_diff = NAN;
    res->max_at[0] = '\0';
    if (!res->ours || !res->theirs)
        return;
    diff_rec(res->ours, res->theirs, "", def->returns, &d, 0);
    res->compared = d.any;
    if (d.any) {
        res->max_diff = d.max;
        snprintf(res->max_at, sizeof res->max_at, "%s", d.at);
    }
}

/* ---- running -------------------------------------------------------------- */

void ex_beside_run(ex_beside_call *call, const ex_check_options *opt, ex_beside_result *res)
{
    memset(res, 0, sizeof *res);
    res->fn = call->fn;
    res->max_diff = NAN;
    const ex_def *def = ex_def_find(ex_beside_id(call->fn));
    ex_result *r = def ? calloc(1, sizeof *r) : NULL;
    if (!r) {
        res->ours = call->c.expected;
        call->c.expected = NULL;
        ex_beside_call_clear(call);
        res->outcome = res->verdict.outcome = EX_INTERNAL;
        snprintf(res->verdict.detail, sizeof res->verdict.detail, "%s", def ? "out of memory" : "no such exercise");
        return;
    }
    ex_check_cases(def, opt, &call->c, 1, r);
    memset(call, 0, sizeof *call);
    res->outcome = r->outcome;
    const ex_verdict *v = ex_result_first_failure(r);
    if (v)
        res->verdict = *v;
    if (r->n_cases > 0) {
        res->ours = r->cases[0].expected;
        res->theirs = r->cases[0].got;
        res->output = r->cases[0].output;
        r->cases[0].expected = r->cases[0].got = NULL;
        r->cases[0].output = NULL;
    }
    ex_result_free(r);
    free(r);
    largest_difference(res, def);
}

void ex_beside_compare(ex_beside_result *res)
{
    const ex_def *def = ex_def_find(ex_beside_id(res->fn));
    memset(&res->verdict, 0, sizeof res->verdict);
    if (!def || !res->ours) {
        res->outcome = res->verdict.outcome = EX_INTERNAL;
        return;
    }
    ex_compare(res->ours, res->theirs, EXB_ATOL, EXB_RTOL, def->returns, &res->verdict);
    res->outcome = res->verdict.outcome;
    largest_difference(res, def);
}

void ex_beside_result_free(ex_beside_result *res)
{
    exv_free(res->ours);
    exv_free(res->theirs);
    free(res->output);
    memset(res, 0, sizeof *res);
}

const ex_value *ex_beside_part(ex_beside_fn fn, const ex_value *v, const char *name)
{
    if (!v || !name)
        return NULL;
    if (v->kind == EXV_DICT)
        return exv_get(v, name);
    if (v->kind != EXV_TUPLE && v->kind != EXV_LIST)
        return NULL;
    const ex_def *def = ex_def_find(ex_beside_id(fn));
    for (int i = 0; def && i < v->n && i < 6 && def->returns[i]; i++)
        if (!strcmp(def->returns[i], name))
            return v->items[i];
    return NULL;
}
