/*
 * network_gram.c — logistic regression on inputs much wider than the
 * examples are many (the course's cat pictures: n = 12288 features, m = 209
 * examples), trained through the examples' Gram matrix G = XᵀX.
 *
 * One course iteration of a one-layer network is
 *
 *     Z = W·X + b,  A = σ(Z),  dZ = A − Y,
 *     W := W − α·(1/m)·dZ·Xᵀ,  b := b − α·(1/m)·Σ dZ
 *
 * — two products of n·m multiply-adds each. Every update adds a combination
 * of X's columns to W, so after any number of iterations from W₀
 *
 *     W = W₀ + u·Xᵀ   (u a row of m numbers, u := u − α·(1/m)·dZ each time)
 *     Z = W₀·X + u·(XᵀX) + b = z₀ + u·G + b
 *
 * and an iteration costs m² multiply-adds instead of 2·n·m (60 times fewer
 * on the cat pictures). G is computed once per bound data set (n·m²) and kept;
 * W is written back at the end of a run of iterations (nn_fast_end). The
 * algebra is exact; only the rounding of the sums differs from the direct
 * loop's (like numpy's with another BLAS), and the course's printed numbers
 * are the same to their six decimals.
 *
 * Only training loops use this (run.c); the stepper runs the course's
 * operations one by one, as the learner reads them.
 */
#include "network.h"

#include <math.h>
#include <stdlib.h>

#include "cost.h"
#include "network_internal.h"

struct nn_gram {
    const mat *X; /* the bound examples G belongs to */
    mat *G;       /* XᵀX, (m, m) */
    mat *z0;      /* W₀·X, (1, m), W₀ being W at nn_fast_begin */
    mat *u;       /* (1, m): W = W₀ + u·Xᵀ */
    mat *uG;      /* u·G, (1, m) */
    bool active;  /* between nn_fast_begin and nn_fast_end */
};

void nn_gram_free(nn_gram *g)
{
    if (!g)
        return;
    mat_free(g->G);
    mat_free(g->z0);
    mat_free(g->u);
    mat_free(g->uG);
    free(g);
}

/* Whether the Gram form pays for a run of `planned` iterations: one layer,
 * at least twice as many features as examples, G small enough to keep
 * (NN_GRAM_MAX_EXAMPLES² doubles), and enough iterations to repay G's n·m²
 * unless it is already computed for these examples. */
static bool gram_pays(const nn_net *net, long planned)
{
    const size_t n = (size_t)net->cfg.dims[0], m = net->m;
    if (net->cfg.L != 1 || !net->X || m == 0 || m > NN_GRAM_MAX_EXAMPLES || 2 * m > n)
        return false;
    if (net->gram && net->gram->X == net->X)
        return true;
    return planned > 0 && 2 * (size_t)planned >= m;
}

static nn_gram *gram_new(const mat *X)
{
    const size_t m = X->cols;
    nn_gram *g = calloc(1, sizeof *g);
    if (!g)
        return NULL;
    g->X = X;
    g->G = mat_new(m, m);
    g->z0 = mat_new(1, m);
    g->u = mat_new(1, m);
    g->uG = mat_new(1, m);
    if (!g->G || !g->z0 || !g->u || !g->uG) {
        nn_gram_free(g);
        return NULL;
    }
    mat_mul_tn(g->G, X, X);
    return g;
}

bool nn_fast_begin(nn_net *net, long planned)
{
    if (!gram_pays(net, planned))
        return false;
    if (!net->gram || net->gram->X != net->X) {
        nn_gram_free(net->gram);
        net->gram = gram_new(net->X);
        if (!net->gram)
            return false; /* no memory for G: the direct loop still works */
    }
    nn_gram *g = net->gram;
    mat_mul(g->z0, net->W[1], net->X);
    mat_fill(g->u, 0.0);
    nn_forget_iteration(net); /* until nn_fast_end, no cache is a whole iteration's */
    g->active = true;
    return true;
}

nn_status nn_fast_iterate(nn_net *net, double lr, bool want_cost)
{
    nn_gram *g = net->gram;
    if (!g || !g->active)
        return nn_iterate(net, lr, want_cost);
    const size_t m = net->m;
    mat *Z = net->Z[1], *A = net->A[1], *dZ = net->dZ[1];
    /* Z = z₀ + u·G + b; G is symmetric, so u·G is u·Gᵀ, m dot products of
     * contiguous rows */
    mat_mul_nt(g->uG, g->u, g->G, net->scratch);
    const double b = net->b[1]->v[0];
    for (size_t i = 0; i < m; i++)
        Z->v[i] = (g->z0->v[i] + g->uG->v[i]) + b;
    act_forward(net->cfg.act[1], A, Z);
    if (want_cost) {
        net->cost = cost_cross_entropy(A, net->Y);
        if (!isfinite(net->cost))
            return net->status = NN_DIVERGED;
    }
    /* dZ = A − Y; a certain and wrong output (|dZ| = 1) makes J infinite */
    mat_sub(dZ, A, net->Y);
    bool finite = true;
    for (size_t i = 0; i < m; i++)
        finite = finite && fabs(dZ->v[i]) < 1.0;
    if (!finite)
        return net->status = NN_DIVERGED;
    /* db = (1/m)·Σ dZ as op_db computes it; u := u − α·(1/m)·dZ */
    mat_row_sums(net->db[1], dZ);
    mat_scale(net->db[1], 1.0 / (double)m);
    const double step = lr * (1.0 / (double)m);
    for (size_t i = 0; i < m; i++)
        g->u->v[i] -= step * dZ->v[i];
    mat_axpy_neg(net->b[1], lr, net->db[1]);
    net->iterations++;
    if (!mat_all_finite(g->u) || !mat_all_finite(net->b[1]))
        return net->status = NN_DIVERGED;
    return NN_OK;
}

void nn_fast_end(nn_net *net)
{
    nn_gram *g = net->gram;
    if (!g || !g->active)
        return;
    g->active = false;
    /* W := W₀ + u·Xᵀ, and dW of the last iteration, (1/m)·dZ·Xᵀ, as the
     * direct loop leaves it */
    mat *uX = net->dW[1];
    mat_mul_nt(uX, g->u, net->X, net->scratch);
    for (size_t i = 0; i < mat_size(uX); i++)
        net->W[1]->v[i] += uX->v[i];
    mat_mul_nt(net->dW[1], net->dZ[1], net->X, net->scratch);
    mat_scale(net->dW[1], 1.0 / (double)net->m);
    /* the caches now hold the last iteration, as after nn_iterate */
    net->valid[1] = 1u << NN_Z | 1u << NN_A | 1u << NN_DZ | 1u << NN_DW | 1u << NN_DB;
}
