/*
 * network_ops.h — what each operation of an iteration is, in one table
 * (kann's kad_op_list): how it runs, which layers it exists for, what it
 * reads and what it writes, its formula and its dimension check, its names
 * and its part of the iteration. nn_run_op (network_ops.c), the formula text
 * (formula.c), the gradient check, the stepper and the report read the
 * table; nothing else decides by the kind of an operation what it is.
 *
 *   kind        phase     layers    reads                  writes   formula
 *   LINEAR      forward   1 … L     W[l], A[l−1], b[l]     Z[l]     Z[l] = W[l]·A[l−1] + b[l]
 *   ACTIVATE    forward   1 … L     Z[l]                   A[l]     A[l] = g(Z[l])
 *   COST        cost      —         A[L], Y                (J)      J = −(1/m) Σ …
 *   DZ_OUTPUT   backward  L         A[L], Y                dZ[L]    dZ[L] = A[L] − Y
 *   DW          backward  1 … L     dZ[l], A[l−1]          dW[l]    dW[l] = (1/m) dZ[l]·A[l−1]ᵀ
 *   DB          backward  1 … L     dZ[l]                  db[l]    db[l] = (1/m) Σ dZ[l]
 *   DA_PREV     backward  2 … L     W[l], dZ[l]            dA[l−1]  dA[l−1] = W[l]ᵀ·dZ[l]
 *   DZ          backward  1 … L−1   dA[l], A[l] or Z[l]    dZ[l]    dZ[l] = dA[l] ∗ g'(…)
 *   UPDATE      update    —         W, dW, b, db           W, b     W := W − α·dW, b := b − α·db
 *
 * DZ reads A[l] when g' is written with A (σ, tanh), Z[l] otherwise.
 */
#ifndef DNN_CORE_NETWORK_OPS_H
#define DNN_CORE_NETWORK_OPS_H

#include <stdbool.h>
#include <stddef.h>

#include "network.h"

/* A matrix an operation touches: a network value of a layer, or the labels Y. */
typedef struct nn_ref {
    nn_value value; /* NN_VALUE_COUNT stands for Y */
    int layer;
} nn_ref;

#define NN_REF_Y ((nn_ref){NN_VALUE_COUNT, 0})
#define NN_OP_MAX_OPERANDS 4

/* The four parts of an iteration, in order. */
typedef enum nn_op_phase {
    NN_PHASE_FORWARD,
    NN_PHASE_COST,
    NN_PHASE_BACKWARD,
    NN_PHASE_UPDATE,
    NN_PHASE_COUNT
} nn_op_phase;

/* The layers an operation exists for. */
typedef enum nn_op_layers {
    NN_OPL_NETWORK, /* the whole network, written layer 0 (COST, UPDATE) */
    NN_OPL_EVERY,   /* 1 … L */
    NN_OPL_FROM_2,  /* 2 … L */
    NN_OPL_HIDDEN,  /* 1 … L − 1 */
    NN_OPL_OUTPUT   /* L */
} nn_op_layers;

typedef struct nn_op_def {
    const char *name, *name_zh; /* "linear" / "线性": what the stepper calls it */
    nn_op_phase phase;
    nn_op_layers layers;
    /* True when what it writes is a matrix of the network a learner can
     * predict the shape of (not COST's scalar, not UPDATE's every layer). */
    bool writes_one_matrix;
    /* Runs the operation on layer l (network_ops.c). */
    nn_status (*run)(nn_net *net, int l, double lr);
    /* What it reads, in[0 … n), and writes; returns n. */
    int (*operands)(const nn_net *net, int l, nn_ref in[NN_OP_MAX_OPERANDS], nn_ref *out);
    /* The formula with the layer's numbers (snprintf's contract). */
    size_t (*formula)(const nn_net *net, int l, char *buf, size_t size);
    /* The dimension check over the operands' names and shapes: {0} … {3}
     * an operand, {0T} one transposed, {out} the result; NULL for UPDATE,
     * whose check lists every layer (formula.c). */
    const char *shapes;
} nn_op_def;

/* The row of a kind (NULL for a kind that is not one). */
const nn_op_def *nn_op_def_of(nn_op_kind k);
/* The part of the iteration op belongs to (NN_PHASE_COUNT for a kind that is not one). */
nn_op_phase nn_op_phase_of(nn_op op);
/* Whether op.layer is one the operation exists for in a network of L layers. */
bool nn_op_layer_valid(nn_op op, int L);

#endif
