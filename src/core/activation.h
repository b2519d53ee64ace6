/*
 * activation.h — the course's activation functions g and their derivatives g'.
 *
 *   sigmoid     σ(z) = 1 / (1 + e^(−z))        σ'(z) = σ(z)(1 − σ(z))     range (0, 1)
 *   tanh        tanh(z)                         tanh'(z) = 1 − tanh²(z)    range (−1, 1)
 *   relu        max(0, z)                       1 if z > 0 else 0          range [0, ∞)
 *   leaky-relu  max(0.01z, z)                   1 if z > 0 else 0.01       range (−∞, ∞)
 *
 * Names (act_name / act_parse) are the ones used on the command line and in
 * lesson files: "sigmoid", "tanh", "relu", "leaky-relu".
 */
#ifndef DNN_CORE_ACTIVATION_H
#define DNN_CORE_ACTIVATION_H

#include <stdbool.h>
#include <stddef.h>

#include "matrix.h"

typedef enum act_kind {
    ACT_SIGMOID,
    ACT_TANH,
    ACT_RELU,
    ACT_LEAKY_RELU,
    ACT_COUNT
} act_kind;

#define ACT_LEAKY_SLOPE 0.01

/* "sigmoid", "tanh", "relu", "leaky-relu"; "?" for no activation. */
const char *act_name(act_kind k);
/* The name a screen shows: "sigmoid", "tanh", "ReLU", "Leaky ReLU"; "?" for none. */
const char *act_label(act_kind k);
/* The name a formula writes, g in A = g(Z): "σ", "tanh", "relu", "leaky_relu"; "g" for none. */
const char *act_symbol(act_kind k);
/* g' as the backward step writes it for layer l, "(1 − A[1]²)" for tanh,
 * "[Z[2] > 0]" for ReLU (snprintf's contract). */
size_t act_derivative_text(act_kind k, int layer, char *buf, size_t size);
/* Whether the backward rule reads A = g(Z) (σ, tanh: the course's code
 * does) rather than Z (ReLU, leaky ReLU). */
bool act_backward_reads_output(act_kind k);
/* Parses a name above ("leaky_relu" is accepted too); false when unknown. */
bool act_parse(const char *name, act_kind *out);

/* g(z) for one value, computed as act_forward computes it (the exercises'
 * expected values are what training runs). */
double act_value(act_kind k, double z);

/* A := g(Z). A may alias Z. */
void act_forward(act_kind k, mat *A, const mat *Z);
/* dZ := dA ∗ g'(Z), using A = g(Z) where that is cheaper (σ, tanh).
 * dZ may alias dA. */
void act_backward(act_kind k, mat *dZ, const mat *dA, const mat *Z, const mat *A);

#endif
