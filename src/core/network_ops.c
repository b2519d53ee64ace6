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
#include <stdio.h>
#include <stdlib.h>

#include "cost.h"
#include "formula.h"
#include "network_internal.h"
#include "network_ops.h"

static void mark(nn_net *net, nn_value v, int l) { net->valid[l] |= 1u << v; }

/* ---- the table's run functions: run(net, l, lr) ------------------------ */

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

/* Z[l] = W[l]·A[l−1] + b[l]  (b broadcast over the m columns) */
static nn_status run_linear(nn_net *net, int l, double lr)
{
    (void)lr;
    if (l == 1)
        nn_forget_iteration(net);
    mat_mul(net->Z[l], net->W[l], l == 1 ? net->X : net->A[l - 1]);
    mat_add_col(net->Z[l], net->b[l]);
    mark(net, NN_Z, l);
    return NN_OK;
}

/* A[l] = g[l](Z[l]) */
static nn_status run_activate(nn_net *net, int l, double lr)
{
    (void)lr;
    act_forward(net->cfg.act[l], net->A[l], net->Z[l]);
    mark(net, NN_A, l);
    return NN_OK;
}

/* J = −(1/m) Σ [Y log A[L] + (1 − Y) log(1 − A[L])] */
static nn_status run_cost(nn_net *net, int l, double lr)
{
    (void)l, (void)lr;
    net->cost = cost_cross_entropy(net->A[net->cfg.L], net->Y);
    return isfinite(net->cost) ? NN_OK : NN_DIVERGED;
}

/* dZ[L] = A[L] − Y */
static nn_status run_dz_output(nn_net *net, int l, double lr)
{
    (void)lr;
    mat_sub(net->dZ[l], net->A[l], net->Y);
    mark(net, NN_DZ, l);
    return output_is_finite_cost(net->dZ[l]) ? NN_OK : NN_DIVERGED;
}

/* dW[l] = (1/m) dZ[l]·A[l−1]ᵀ */
static nn_status run_dw(nn_net *net, int l, double lr)
{
    (void)lr;
    mat_mul_nt(net->dW[l], net->dZ[l], l == 1 ? net->X : net->A[l - 1], net->scratch);
    mat_scale(net->dW[l], 1.0 / (double)net->m);
    mark(net, NN_DW, l);
    return NN_OK;
}

/* db[l] = (1/m) np.sum(dZ[l], axis=1, keepdims=True) */
static nn_status run_db(nn_net *net, int l, double lr)
{
    (void)lr;
    mat_row_sums(net->db[l], net->dZ[l]);
    mat_scale(net->db[l], 1.0 / (double)net->m);
    mark(net, NN_DB, l);
    return NN_OK;
}

/* dA[l−1] = W[l]ᵀ·dZ[l] */
static nn_status run_da_prev(nn_net *net, int l, double lr)
{
    (void)lr;
    mat_mul_tn(net->dA[l - 1], net->W[l], net->dZ[l]);
    mark(net, NN_DA, l - 1);
    return NN_OK;
}

/* dZ[l] = dA[l] ∗ g'[l](Z[l]) */
static nn_status run_dz(nn_net *net, int l, double lr)
{
    (void)lr;
    act_backward(net->cfg.act[l], net->dZ[l], net->dA[l], net->Z[l], net->A[l]);
    mark(net, NN_DZ, l);
    return NN_OK;
}

/* W[l] := W[l] − α dW[l];  b[l] := b[l] − α db[l] for every layer */
static nn_status run_update(nn_net *net, int l, double lr)
{
    (void)l;
    bool finite = true;
    for (int k = 1; k <= net->cfg.L; k++) {
        mat_axpy_neg(net->W[k], lr, net->dW[k]);
        mat_axpy_neg(net->b[k], lr, net->db[k]);
        finite = finite && mat_all_finite(net->W[k]) && mat_all_finite(net->b[k]);
    }
    net->iterations++;
    return finite ? NN_OK : NN_DIVERGED;
}

/* ---- what each reads and writes ---------------------------------------- */

#define REF(v, l) ((nn_ref){(v), (l)})

static int reads_linear(const nn_net *net, int l, nn_ref in[NN_OP_MAX_OPERANDS], nn_ref *out)
{
    (void)net;
    in[0] = REF(NN_W, l), in[1] = REF(NN_A, l - 1), in[2] = REF(NN_B, l);
    *out = REF(NN_Z, l);
    return 3;
}

static int reads_activate(const nn_net *net, int l, nn_ref in[NN_OP_MAX_OPERANDS], nn_ref *out)
{
    (void)net;
    in[0] = REF(NN_Z, l);
    *out = REF(NN_A, l);
    return 1;
}

/* COST and DZ_OUTPUT read A[L] and Y; COST's J is a scalar, written A[L] here. */
static int reads_output(const nn_net *net, int l, nn_ref in[NN_OP_MAX_OPERANDS], nn_ref *out)
{
    (void)l;
    const int L = nn_layers(net);
    in[0] = REF(NN_A, L), in[1] = NN_REF_Y;
    *out = REF(l == 0 ? NN_A : NN_DZ, L);
    return 2;
}

static int reads_dw(const nn_net *net, int l, nn_ref in[NN_OP_MAX_OPERANDS], nn_ref *out)
{
    (void)net;
    in[0] = REF(NN_DZ, l), in[1] = REF(NN_A, l - 1);
    *out = REF(NN_DW, l);
    return 2;
}

static int reads_db(const nn_net *net, int l, nn_ref in[NN_OP_MAX_OPERANDS], nn_ref *out)
{
    (void)net;
    in[0] = REF(NN_DZ, l);
    *out = REF(NN_DB, l);
    return 1;
}

static int reads_da_prev(const nn_net *net, int l, nn_ref in[NN_OP_MAX_OPERANDS], nn_ref *out)
{
    (void)net;
    in[0] = REF(NN_W, l), in[1] = REF(NN_DZ, l);
    *out = REF(NN_DA, l - 1);
    return 2;
}

/* g' of σ and tanh is written with A (the course's code), of ReLU with Z. */
static int reads_dz(const nn_net *net, int l, nn_ref in[NN_OP_MAX_OPERANDS], nn_ref *out)
{
    in[0] = REF(NN_DA, l);
    in[1] = REF(act_backward_reads_output(nn_activation(net, l)) ? NN_A : NN_Z, l);
    *out = REF(NN_DZ, l);
    return 2;
}

/* UPDATE changes every layer; W[1] and dW[1] stand for them. */
static int reads_update(const nn_net *net, int l, nn_ref in[NN_OP_MAX_OPERANDS], nn_ref *out)
{
    (void)net, (void)l;
    in[0] = REF(NN_W, 1), in[1] = REF(NN_DW, 1);
    *out = REF(NN_W, 1);
    return 2;
}

/* ---- the formulas ------------------------------------------------------- */

static size_t write_linear(const nn_net *net, int l, char *buf, size_t size)
{
    (void)net;
    char a[32];
    nn_ref_name(REF(NN_A, l - 1), a, sizeof a);
    return (size_t)snprintf(buf, size, "Z[%d] = W[%d]·%s + b[%d]", l, l, a, l);
}

static size_t write_activate(const nn_net *net, int l, char *buf, size_t size)
{
    return (size_t)snprintf(buf, size, "A[%d] = %s(Z[%d])", l, act_symbol(nn_activation(net, l)), l);
}

static size_t write_cost(const nn_net *net, int l, char *buf, size_t size)
{
    (void)l;
    const int L = nn_layers(net);
    return (size_t)snprintf(buf, size, "J = −(1/m) Σ [Y·log A[%d] + (1 − Y)·log(1 − A[%d])]", L, L);
}

static size_t write_dz_output(const nn_net *net, int l, char *buf, size_t size)
{
    (void)net;
    return (size_t)snprintf(buf, size, "dZ[%d] = A[%d] − Y", l, l);
}

static size_t write_dw(const nn_net *net, int l, char *buf, size_t size)
{
    (void)net;
    char a[32];
    nn_ref_name(REF(NN_A, l - 1), a, sizeof a);
    return (size_t)snprintf(buf, size, "dW[%d] = (1/m) dZ[%d]·%sᵀ", l, l, a);
}

static size_t write_db(const nn_net *net, int l, char *buf, size_t size)
{
    (void)net;
    return (size_t)snprintf(buf, size, "db[%d] = (1/m) Σ dZ[%d]  (axis=1, keepdims)", l, l);
}

static size_t write_da_prev(const nn_net *net, int l, char *buf, size_t size)
{
    (void)net;
    return (size_t)snprintf(buf, size, "dA[%d] = W[%d]ᵀ·dZ[%d]", l - 1, l, l);
}

static size_t write_dz(const nn_net *net, int l, char *buf, size_t size)
{
    char deriv[64];
    act_derivative_text(nn_activation(net, l), l, deriv, sizeof deriv);
    return (size_t)snprintf(buf, size, "dZ[%d] = dA[%d] ∗ %s", l, l, deriv);
}

static size_t write_update(const nn_net *net, int l, char *buf, size_t size)
{
    (void)l;
    return (size_t)snprintf(buf, size, "W[l] := W[l] − α·dW[l],  b[l] := b[l] − α·db[l]  (l = 1…%d)",
                            nn_layers(net));
}

/* ---- the table ---------------------------------------------------------- */

static const nn_op_def op_table[] = {
    [NN_OP_LINEAR] = {"linear", "线性", NN_PHASE_FORWARD, NN_OPL_EVERY, true, run_linear, reads_linear,
                      write_linear, "{0} · {1} + {2} broadcast → {out}"},
    [NN_OP_ACTIVATE] = {"activation", "激活", NN_PHASE_FORWARD, NN_OPL_EVERY, true, run_activate, reads_activate,
                        write_activate, "{0} element-wise → {out}"},
    [NN_OP_COST] = {"cost", "代价", NN_PHASE_COST, NN_OPL_NETWORK, false, run_cost, reads_output, write_cost,
                    "{0}, {1} → J (scalar)"},
    [NN_OP_DZ_OUTPUT] = {"output gradient", "输出层梯度", NN_PHASE_BACKWARD, NN_OPL_OUTPUT, true, run_dz_output,
                         reads_output, write_dz_output, "{0} − {1} → {out}"},
    [NN_OP_DW] = {"weight gradient", "权重梯度", NN_PHASE_BACKWARD, NN_OPL_EVERY, true, run_dw, reads_dw, write_dw,
                  "{0} · {1T} → {out}"},
    [NN_OP_DB] = {"bias gradient", "偏置梯度", NN_PHASE_BACKWARD, NN_OPL_EVERY, true, run_db, reads_db, write_db,
                  "{0} each row summed → {out}"},
    [NN_OP_DA_PREV] = {"backprop", "反向传递", NN_PHASE_BACKWARD, NN_OPL_FROM_2, true, run_da_prev, reads_da_prev,
                       write_da_prev, "{0T} · {1} → {out}"},
    [NN_OP_DZ] = {"activation gradient", "激活梯度", NN_PHASE_BACKWARD, NN_OPL_HIDDEN, true, run_dz, reads_dz,
                  write_dz, "{0} ∗ g'({1}) → {out}"},
    [NN_OP_UPDATE] = {"update", "更新", NN_PHASE_UPDATE, NN_OPL_NETWORK, false, run_update, reads_update,
                      write_update, NULL},
};

const nn_op_def *nn_op_def_of(nn_op_kind k)
{
    return (unsigned)k < sizeof op_table / sizeof *op_table ? &op_table[k] : NULL;
}

nn_op_phase nn_op_phase_of(nn_op op)
{
    const nn_op_def *d = nn_op_def_of(op.kind);
    return d ? d->phase : NN_PHASE_COUNT;
}

bool nn_op_layer_valid(nn_op op, int L)
{
    const nn_op_def *d = nn_op_def_of(op.kind);
    if (!d)
        return false;
    switch (d->layers) {
    case NN_OPL_EVERY: return op.layer >= 1 && op.layer <= L;
    case NN_OPL_FROM_2: return op.layer >= 2 && op.layer <= L;
    case NN_OPL_HIDDEN: return op.layer >= 1 && op.layer < L;
    case NN_OPL_OUTPUT: return op.layer == L;
    case NN_OPL_NETWORK: return true;
    }
    return false;
}

nn_status nn_run_op(nn_net *net, nn_op op, double lr)
{
    if (!net->X || !nn_op_layer_valid(op, net->cfg.L))
        return NN_BAD_ARGUMENT;
    nn_status st = nn_op_def_of(op.kind)->run(net, op.layer, lr);
    if (st != NN_OK)
        net->status = st;
    return st;
}

nn_status nn_iterate(nn_net *net, double lr, bool want_cost)
{
    if (!net->X)
        return NN_BAD_ARGUMENT;
    for (int i = 0; i < net->n_ops; i++) {
        if (nn_op_phase_of(net->ops[i]) == NN_PHASE_COST && !want_cost)
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
        run_linear(net, l, 0.0);
        run_activate(net, l, 0.0);
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
