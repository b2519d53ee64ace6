/*
 * network.c — the L-layer network: configs, the course's initialisations,
 * binding data, copies and read access. The operations themselves are in
 * network_ops.c.
 *
 *   caches per layer l:   Z[l], A[l]          (n[l], m)   forward
 *                         dZ[l], dA[l]        (n[l], m)   backward (dA[L] is never formed:
 *                                                         dZ[L] = A[L] − Y directly)
 *                         dW[l] (n[l], n[l−1]), db[l] (n[l], 1)
 *   A[0] is the bound X, not a copy.
 */
#include "network.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "network_internal.h"
#include "rng.h"

static const char *const init_names[NN_INIT_COUNT] = {"course-w3", "course-w4", "zeros"};
static const char *const value_names[NN_VALUE_COUNT] = {"W", "b", "Z", "A", "dZ", "dA", "dW", "db"};

const char *nn_init_name(nn_init_kind k)
{
    return (unsigned)k < NN_INIT_COUNT ? init_names[k] : "?";
}

bool nn_init_parse(const char *name, nn_init_kind *out)
{
    for (int k = 0; name && k < NN_INIT_COUNT; k++)
        if (!strcmp(name, init_names[k])) {
            *out = (nn_init_kind)k;
            return true;
        }
    return false;
}

uint32_t nn_init_default_seed(nn_init_kind k)
{
    switch (k) {
    case NN_INIT_COURSE_W3: return 2;
    case NN_INIT_COURSE_W4: return 1;
    default: return 0;
    }
}

const char *nn_value_name(nn_value v)
{
    return (unsigned)v < NN_VALUE_COUNT ? value_names[v] : "?";
}

nn_config nn_config_make(const int *dims, int count, act_kind hidden, nn_init_kind init)
{
    nn_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.L = count - 1;
    for (int l = 0; l < count && l <= NN_MAX_LAYERS; l++)
        cfg.dims[l] = dims[l];
    for (int l = 1; l < count && l <= NN_MAX_LAYERS; l++)
        cfg.act[l] = (l == count - 1) ? ACT_SIGMOID : hidden;
    cfg.init = init;
    cfg.seed = nn_init_default_seed(init);
    return cfg;
}

bool nn_config_check(const nn_config *cfg, char *msg, size_t msg_size)
{
    char dummy[1];
    if (!msg || msg_size == 0) {
        msg = dummy;
        msg_size = sizeof dummy;
    }
    if (cfg->L < 1 || cfg->L > NN_MAX_LAYERS) {
        snprintf(msg, msg_size, "a network needs 1 to %d layers after the input, not %d", NN_MAX_LAYERS, cfg->L);
        return false;
    }
    if (cfg->dims[0] < 1 || cfg->dims[0] > NN_MAX_INPUTS) {
        snprintf(msg, msg_size, "the input size n[0] must be 1 to %d, not %d", NN_MAX_INPUTS, cfg->dims[0]);
        return false;
    }
    for (int l = 1; l <= cfg->L; l++) {
        if (cfg->dims[l] < 1 || cfg->dims[l] > NN_MAX_UNITS) {
            snprintf(msg, msg_size, "layer %d must have 1 to %d units, not %d", l, NN_MAX_UNITS, cfg->dims[l]);
            return false;
        }
        if ((unsigned)cfg->act[l] >= ACT_COUNT) {
            snprintf(msg, msg_size, "layer %d has an unknown activation", l);
            return false;
        }
    }
    if (cfg->dims[cfg->L] != 1) {
        snprintf(msg, msg_size, "the output layer must have 1 unit (a binary classifier), not %d", cfg->dims[cfg->L]);
        return false;
    }
    if (cfg->act[cfg->L] != ACT_SIGMOID) {
        snprintf(msg, msg_size, "the output layer must use sigmoid, not %s", act_name(cfg->act[cfg->L]));
        return false;
    }
    if ((unsigned)cfg->init >= NN_INIT_COUNT) {
        snprintf(msg, msg_size, "unknown initialisation");
        return false;
    }
    return true;
}

static void build_ops(nn_net *net)
{
    const int L = net->cfg.L;
    int n = 0;
    for (int l = 1; l <= L; l++) {
        net->ops[n++] = (nn_op){NN_OP_LINEAR, l};
        net->ops[n++] = (nn_op){NN_OP_ACTIVATE, l};
    }
    net->ops[n++] = (nn_op){NN_OP_COST, 0};
    net->ops[n++] = (nn_op){NN_OP_DZ_OUTPUT, L};
    for (int l = L; l >= 1; l--) {
        net->ops[n++] = (nn_op){NN_OP_DW, l};
        net->ops[n++] = (nn_op){NN_OP_DB, l};
        if (l > 1) {
            net->ops[n++] = (nn_op){NN_OP_DA_PREV, l};
            net->ops[n++] = (nn_op){NN_OP_DZ, l - 1};
        }
    }
    net->ops[n++] = (nn_op){NN_OP_UPDATE, 0};
    assert(n == 6 * L + 1);
    net->n_ops = n;
}

static void free_caches(nn_net *net)
{
    free(net->scratch);
    net->scratch = NULL;
    for (int l = 0; l <= NN_MAX_LAYERS; l++) {
        mat_free(net->Z[l]);
        mat_free(net->A[l]);
        mat_free(net->dZ[l]);
        mat_free(net->dA[l]);
        net->Z[l] = net->A[l] = net->dZ[l] = net->dA[l] = NULL;
    }
}

void nn_free(nn_net *net)
{
    if (!net)
        return;
    free_caches(net);
    nn_gram_free(net->gram);
    for (int l = 0; l <= NN_MAX_LAYERS; l++) {
        mat_free(net->W[l]);
        mat_free(net->b[l]);
        mat_free(net->dW[l]);
        mat_free(net->db[l]);
    }
    free(net);
}

void nn_reinit_with(nn_net *net, nn_init_kind init, uint32_t seed)
{
    net->cfg.init = init;
    net->cfg.seed = seed;
    rng r;
    rng_seed(&r, seed);
    for (int l = 1; l <= net->cfg.L; l++) {
        mat *W = net->W[l];
        switch (init) {
        case NN_INIT_COURSE_W3: /* W[l] = np.random.randn(n[l], n[l−1]) * 0.01 */
            rng_fill_randn(&r, W);
            for (size_t i = 0; i < mat_size(W); i++)
                W->v[i] = W->v[i] * 0.01;
            break;
        case NN_INIT_COURSE_W4: { /* W[l] = np.random.randn(n[l], n[l−1]) / np.sqrt(n[l−1]) */
            rng_fill_randn(&r, W);
            const double root = sqrt((double)net->cfg.dims[l - 1]);
            for (size_t i = 0; i < mat_size(W); i++)
                W->v[i] = W->v[i] / root;
            break;
        }
        default: /* zeros */
            mat_fill(W, 0.0);
            break;
        }
        mat_fill(net->b[l], 0.0);
        mat_fill(net->dW[l], 0.0);
        mat_fill(net->db[l], 0.0);
    }
    nn_forget_iteration(net);
    net->cost = NAN;
    net->iterations = 0;
    net->status = NN_OK;
}

void nn_reinit(nn_net *net)
{
    nn_reinit_with(net, net->cfg.init, net->cfg.seed);
}

nn_net *nn_new(const nn_config *cfg)
{
    if (!cfg || !nn_config_check(cfg, NULL, 0))
        return NULL;
    nn_net *net = calloc(1, sizeof *net);
    if (!net)
        return NULL;
    net->cfg = *cfg;
    for (int l = 1; l <= cfg->L; l++) {
        size_t rows = (size_t)cfg->dims[l], cols = (size_t)cfg->dims[l - 1];
        net->W[l] = mat_new(rows, cols);
        net->b[l] = mat_new(rows, 1);
        net->dW[l] = mat_new(rows, cols);
        net->db[l] = mat_new(rows, 1);
        if (!net->W[l] || !net->b[l] || !net->dW[l] || !net->db[l]) {
            nn_free(net);
            return NULL;
        }
    }
    build_ops(net);
    nn_reinit(net);
    return net;
}

size_t nn_memory_bytes(const nn_config *cfg, size_t m)
{
    /* in doubles: per layer 2·n·n_prev + 2·n (W, dW, b, db) + 4·n·m (Z, A, dZ, dA); scratch widest·m */
    long double total = 0, widest = 0;
    for (int l = 1; l <= cfg->L; l++) {
        long double n = cfg->dims[l], prev = cfg->dims[l - 1];
        total += 2 * n * prev + 2 * n + 4 * n * (long double)m;
        widest = prev > widest ? prev : widest;
    }
    total = (total + widest * (long double)m) * sizeof(double);
    return total >= (long double)SIZE_MAX ? SIZE_MAX : (size_t)total;
}

nn_status nn_bind(nn_net *net, const mat *X, const mat *Y)
{
    if (!X || !Y || X->rows != (size_t)net->cfg.dims[0] || Y->rows != 1 || Y->cols != X->cols)
        return NN_BAD_ARGUMENT;
    free_caches(net);
    nn_gram_free(net->gram); /* G belongs to the examples bound before */
    net->gram = NULL;
    const size_t m = X->cols;
    size_t widest = 0;
    for (int l = 0; l < net->cfg.L; l++)
        widest = (size_t)net->cfg.dims[l] > widest ? (size_t)net->cfg.dims[l] : widest;
    net->scratch = malloc(widest * m * sizeof *net->scratch);
    if (!net->scratch) {
        net->X = net->Y = NULL;
        net->m = 0;
        return NN_NO_MEMORY;
    }
    for (int l = 1; l <= net->cfg.L; l++) {
        size_t rows = (size_t)net->cfg.dims[l];
        net->Z[l] = mat_new(rows, m);
        net->A[l] = mat_new(rows, m);
        net->dZ[l] = mat_new(rows, m);
        if (l < net->cfg.L)
            net->dA[l] = mat_new(rows, m);
        if (!net->Z[l] || !net->A[l] || !net->dZ[l] || (l < net->cfg.L && !net->dA[l])) {
            free_caches(net);
            net->X = net->Y = NULL;
            net->m = 0;
            return NN_NO_MEMORY;
        }
    }
    net->X = X;
    net->Y = Y;
    net->m = m;
    nn_forget_iteration(net);
    return NN_OK;
}

static mat *clone_or_null(const mat *m, bool *ok)
{
    if (!m)
        return NULL;
    mat *c = mat_clone(m);
    if (!c)
        *ok = false;
    return c;
}

nn_net *nn_clone(const nn_net *src)
{
    nn_net *net = malloc(sizeof *net);
    if (!net)
        return NULL;
    *net = *src;
    bool ok = true;
    net->scratch = NULL;
    net->gram = NULL; /* recomputed by the copy's own training loop if it pays */
    if (src->scratch) {
        size_t widest = 0;
        for (int l = 0; l < src->cfg.L; l++)
            widest = (size_t)src->cfg.dims[l] > widest ? (size_t)src->cfg.dims[l] : widest;
        net->scratch = malloc(widest * src->m * sizeof *net->scratch);
        ok = net->scratch != NULL;
    }
    for (int l = 0; l <= NN_MAX_LAYERS; l++) {
        net->W[l] = clone_or_null(src->W[l], &ok);
        net->b[l] = clone_or_null(src->b[l], &ok);
        net->Z[l] = clone_or_null(src->Z[l], &ok);
        net->A[l] = clone_or_null(src->A[l], &ok);
        net->dZ[l] = clone_or_null(src->dZ[l], &ok);
        net->dA[l] = clone_or_null(src->dA[l], &ok);
        net->dW[l] = clone_or_null(src->dW[l], &ok);
        net->db[l] = clone_or_null(src->db[l], &ok);
    }
    if (!ok) {
        nn_free(net);
        return NULL;
    }
    return net;
}

static bool copy_mat(mat *dst, const mat *src)
{
    if (!dst && !src)
        return true;
    if (!dst || !src || !mat_same_shape(dst, src))
        return false;
    mat_copy(dst, src);
    return true;
}

bool nn_copy_into(nn_net *dst, const nn_net *src)
{
    if (dst->cfg.L != src->cfg.L || dst->m != src->m)
        return false;
    for (int l = 0; l <= src->cfg.L; l++)
        if (dst->cfg.dims[l] != src->cfg.dims[l])
            return false;
    for (int l = 1; l <= src->cfg.L; l++) {
        if (!copy_mat(dst->W[l], src->W[l]) || !copy_mat(dst->b[l], src->b[l]) ||
            !copy_mat(dst->Z[l], src->Z[l]) || !copy_mat(dst->A[l], src->A[l]) ||
            !copy_mat(dst->dZ[l], src->dZ[l]) || !copy_mat(dst->dA[l], src->dA[l]) ||
            !copy_mat(dst->dW[l], src->dW[l]) || !copy_mat(dst->db[l], src->db[l]))
            return false;
    }
    dst->cfg = src->cfg;
    dst->X = src->X;
    dst->Y = src->Y;
    memcpy(dst->valid, src->valid, sizeof dst->valid);
    dst->cost = src->cost;
    dst->iterations = src->iterations;
    dst->status = src->status;
    return true;
}

const nn_config *nn_get_config(const nn_net *net) { return &net->cfg; }
int nn_layers(const nn_net *net) { return net->cfg.L; }
int nn_dim(const nn_net *net, int l) { return (l >= 0 && l <= net->cfg.L) ? net->cfg.dims[l] : 0; }
size_t nn_examples(const nn_net *net) { return net->m; }
const mat *nn_labels(const nn_net *net) { return net->Y; }
act_kind nn_activation(const nn_net *net, int l) { return net->cfg.act[l]; }
double nn_cost(const nn_net *net) { return net->cost; }
long nn_iterations(const nn_net *net) { return net->iterations; }
nn_status nn_status_of(const nn_net *net) { return net->status; }

static const mat *value_matrix(const nn_net *net, nn_value v, int l)
{
    if (l < 0 || l > net->cfg.L)
        return NULL;
    switch (v) {
    case NN_W: return l >= 1 ? net->W[l] : NULL;
    case NN_B: return l >= 1 ? net->b[l] : NULL;
    case NN_Z: return net->Z[l];
    case NN_A: return l == 0 ? net->X : net->A[l];
    case NN_DZ: return net->dZ[l];
    case NN_DA: return net->dA[l];
    case NN_DW: return l >= 1 ? net->dW[l] : NULL;
    case NN_DB: return l >= 1 ? net->db[l] : NULL;
    default: return NULL;
    }
}

bool nn_has(const nn_net *net, nn_value v, int l)
{
    const mat *m = value_matrix(net, v, l);
    if (!m)
        return false;
    if (v == NN_W || v == NN_B || (v == NN_A && l == 0))
        return true;
    return (net->valid[l] >> v) & 1u;
}

const mat *nn_value_of(const nn_net *net, nn_value v, int l)
{
    return nn_has(net, v, l) ? value_matrix(net, v, l) : NULL;
}

void nn_value_shape(const nn_net *net, nn_value v, int l, size_t *rows, size_t *cols)
{
    size_t r = (l >= 0 && l <= net->cfg.L) ? (size_t)net->cfg.dims[l] : 0;
    size_t c;
    switch (v) {
    case NN_W:
    case NN_DW: c = l >= 1 ? (size_t)net->cfg.dims[l - 1] : 0; break;
    case NN_B:
    case NN_DB: c = 1; break;
    default: c = net->m; break;
    }
    *rows = r;
    *cols = c;
}

mat *nn_param(nn_net *net, nn_value v, int l)
{
    if (l < 1 || l > net->cfg.L)
        return NULL;
    return v == NN_W ? net->W[l] : v == NN_B ? net->b[l] : NULL;
}

int nn_op_count(const nn_net *net) { return net->n_ops; }

nn_op nn_op_at(const nn_net *net, int i)
{
    assert(i >= 0 && i < net->n_ops);
    return net->ops[i];
}

