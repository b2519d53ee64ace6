/*
 * network_ops.c — the operations of one iteration (see the list in
 * network.h), the whole iteration built from them, and prediction.
 *
 * Every operation is one small function over the network's caches; the
 * whole iteration (nn_iterate) is the same functions called in order, so the
 * stepper and the trainer can never disagree about the maths.
 */
#include "network.h"

#include <math.h>
#include <stdlib.h>

#include "cost.h"
#include "network_internal.h"

static void mark(nn_net *net, nn_value v, int l) { net->valid[l] |= 1u << v; }

/* Z[l] = W[l]·A[l−1] + b[l]  (b broadcast over the m columns) */
static void op_linear(nn_net *net, int l)
{
    if (l == 1)
        nn_forget_iteration(net);
    mat_mul(net->Z[l], net->W[l], l == 1 ? net->X : net->A[l - 1]);
    mat_add_col(net->Z[l], net->b[l]);
    mark(net, NN_Z, l);
}

/* A[l] = g[l](Z[l]) */
static void op_activate(nn_net *net, int l)
{
    act_forward(net->cfg.act[l], net->A[l], net->Z[l]);
    mark(net, NN_A, l);
}

/* dW[l] = (1/m) dZ[l]·A[l−1]ᵀ */
static void op_dw(nn_net *net, int l)
{
    mat_mul_nt(net->dW[l], net->dZ[l], l == 1 ? net->X : net->A[l - 1], net->scratch);
    mat_scale(net->dW[l], 1.0 / (double)net->m);
    mark(net, NN_DW, l);
}

/* db[l] = (1/m) np.sum(dZ[l], axis=1, keepdims=True) */
static void op_db(nn_net *net, int l)
{
    mat_row_sums(net->db[l], net->dZ[l]);
    mat_scale(net->db[l], 1.0 / (double)net->m);
    mark(net, NN_DB, l);
}

/* W[l] := W[l] − α dW[l];  b[l] := b[l] − α db[l] */
static nn_status op_update(nn_net *net, double lr)
{
    bool finite = true;
    for (int l = 1; l <= net->cfg.L; l++) {
        mat_axpy_neg(net->W[l], lr, net->dW[l]);
        mat_axpy_neg(net->b[l], lr, net->db[l]);
        finite = finite && mat_all_finite(net->W[l]) && mat_all_finite(net->b[l]);
    }
    net->iterations++;
    return finite ? NN_OK : NN_DIVERGED;
}

/* The cost is finite exactly when no output is certain and wrong: a
 * saturated σ gives a = 0 or 1, and with the opposite label dZ = ±1 and
 * log(0) in J. Checking dZ here catches that every iteration, whether or not
 * the cost itself is computed. NaN anywhere fails the check too. */
static bool output_is_finite_cost(const mat *dZ)
{
    int ok = 1;
    for (size_t i = 0; i < mat_size(dZ); i++) {
        const double d = fabs(dZ->v[i]);
        ok &= (d < 1.0) ? 1 : 0;
    }
    return ok;
}

/* Whether op.layer is one the operation exists for (see network.h). */
static bool op_layer_valid(nn_op op, int L)
{
    switch (op.kind) {
    case NN_OP_LINEAR:
    case NN_OP_ACTIVATE:
    case NN_OP_DW:
    case NN_OP_DB: return op.layer >= 1 && op.layer <= L;
    case NN_OP_DA_PREV: return op.layer >= 2 && op.layer <= L;
    case NN_OP_DZ: return op.layer >= 1 && op.layer < L;
    case NN_OP_DZ_OUTPUT: return op.layer == L;
    default: return true;
    }
}

nn_status nn_run_op(nn_net *net, nn_op op, double lr)
{
    if (!net->X || !op_layer_valid(op, net->cfg.L))
        return NN_BAD_ARGUMENT;
    const int l = op.layer, L = net->cfg.L;
    nn_status st = NN_OK;
    switch (op.kind) {
    case NN_OP_LINEAR:
        op_linear(net, l);
        break;
    case NN_OP_ACTIVATE:
        op_activate(net, l);
        break;
    case NN_OP_COST:
        net->cost = cost_cross_entropy(net->A[L], net->Y);
        if (!isfinite(net->cost))
            st = NN_DIVERGED;
        break;
    case NN_OP_DZ_OUTPUT: /* dZ[L] = A[L] − Y */
        mat_sub(net->dZ[L], net->A[L], net->Y);
        mark(net, NN_DZ, L);
        if (!output_is_finite_cost(net->dZ[L]))
            st = NN_DIVERGED;
        break;
    case NN_OP_DW:
        op_dw(net, l);
        break;
    case NN_OP_DB:
        op_db(net, l);
        break;
    case NN_OP_DA_PREV: /* dA[l−1] = W[l]ᵀ·dZ[l] */
        mat_mul_tn(net->dA[l - 1], net->W[l], net->dZ[l]);
        mark(net, NN_DA, l - 1);
        break;
    case NN_OP_DZ: /* dZ[l] = dA[l] ∗ g'[l](Z[l]) */
        act_backward(net->cfg.act[l], net->dZ[l], net->dA[l], net->Z[l], net->A[l]);
        mark(net, NN_DZ, l);
        break;
    case NN_OP_UPDATE:
        st = op_update(net, lr);
        break;
    default:
        return NN_BAD_ARGUMENT;
    }
    if (st != NN_OK)
        net->status = st;
    return st;
}

nn_status nn_iterate(nn_net *net, double lr, bool want_cost)
{
    if (!net->X)
        return NN_BAD_ARGUMENT;
    for (int i = 0; i < net->n_ops; i++) {
        if (net->ops[i].kind == NN_OP_COST && !want_cost)
            continue;
        nn_status st = nn_run_op(net, net->ops[i], lr);
        if (st != NN_OK)
            return st;
    }
    return NN_OK;
}

double nn_compute_cost(nn_net *net)
{
    if (!net->X)
        return NAN;
    for (int l = 1; l <= net->cfg.L; l++) {
        op_linear(net, l);
        op_activate(net, l);
    }
    net->cost = cost_cross_entropy(net->A[net->cfg.L], net->Y);
    return net->cost;
}

nn_status nn_predict_proba(const nn_net *net, const mat *X, mat *P)
{
    if (!X || !P || X->rows != (size_t)net->cfg.dims[0] || P->rows != 1 || P->cols != X->cols)
        return NN_BAD_ARGUMENT;
    const size_t k = X->cols;
    const mat *prev = X;
    mat *owned_prev = NULL;
    for (int l = 1; l <= net->cfg.L; l++) {
        mat *Z = (l == net->cfg.L) ? P : mat_new((size_t)net->cfg.dims[l], k);
        if (!Z) {
            mat_free(owned_prev);
            return NN_NO_MEMORY;
        }
        mat_mul(Z, net->W[l], prev);
        mat_add_col(Z, net->b[l]);
        act_forward(net->cfg.act[l], Z, Z);
        mat_free(owned_prev);
        owned_prev = (l == net->cfg.L) ? NULL : Z;
        prev = Z;
    }
    return NN_OK;
}

double nn_accuracy(const nn_net *net, const mat *X, const mat *Y)
{
    if (!X || !Y || Y->rows != 1 || Y->cols != X->cols)
        return NAN;
    mat *P = mat_new(1, X->cols);
    if (!P || nn_predict_proba(net, X, P) != NN_OK) {
        mat_free(P);
        return NAN;
    }
    size_t right = 0;
    for (size_t i = 0; i < X->cols; i++) {
        double predicted = P->v[i] > 0.5 ? 1.0 : 0.0;
        right += (predicted == Y->v[i]);
    }
    mat_free(P);
    /* (right / m) · 100 in that order, as the notebook's
     * float((Y·pᵀ + (1−Y)·(1−p)ᵀ) / Y.size * 100) does: 29 of 100 is
     * 28.999999999999996 there (so 'Accuracy: %d' prints 28), not 29. */
    return (double)right / (double)X->cols * 100.0;
}
