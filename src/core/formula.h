/*
 * formula.h — the words-free maths of each network operation, in the course's
 * notation, shared by the stepper screen and the report so both say the same.
 *
 *   nn_op_formula  "Z[1] = W[1]·X + b[1]"
 *   nn_op_shapes   "W[1] (4, 2) · X (2, 400) + b[1] (4, 1) broadcast → Z[1] (4, 400)"
 *   nn_op_operands the matrices an operation reads and the one it writes
 *
 * A[0] is written X. Strings are UTF-8 (·, ᵀ, ∗, Σ, α, →). Each writer fills
 * buf (always NUL-terminated when size > 0) and returns the length it needed,
 * as snprintf does.
 */
#ifndef DNN_CORE_FORMULA_H
#define DNN_CORE_FORMULA_H

#include <stddef.h>

#include "network.h"
#include "network_ops.h" /* nn_ref, the table every writer here reads */

/* The name of a reference as the course writes it: "W[1]", "X" for A[0], "Y", "dZ[2]". */
size_t nn_ref_name(nn_ref r, char *buf, size_t size);
/* The matrix of a reference (Y is the bound labels), or NULL (see nn_value_of). */
const mat *nn_ref_matrix(const nn_net *net, nn_ref r);

size_t nn_op_formula(const nn_net *net, nn_op op, char *buf, size_t size);
size_t nn_op_shapes(const nn_net *net, nn_op op, char *buf, size_t size);
/* Fills in[0 … n) with what op reads and *out with what it writes; returns n.
 * For COST *out is A[L] (the cost is a scalar: nn_cost); for UPDATE *out is W[1]. */
int nn_op_operands(const nn_net *net, nn_op op, nn_ref in[NN_OP_MAX_OPERANDS], nn_ref *out);
/* True for the forward half (LINEAR, ACTIVATE, COST: the forward and cost phases). */
int nn_op_is_forward(nn_op op);

#endif
