/*
 * activation.c — g(z) and dZ = dA ∗ g'(Z) for the four activations of week 3.
 * The formulas are the course's, element by element; σ and tanh reuse
 * A = g(Z) in the backward rule, as the course's code does.
 */
#include "activation.h"

#include "fastmath.h"
#include "simd_internal.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* Every name of an activation, in one table: what a learner types, what a
 * screen shows, what a formula writes. */
static const struct {
    const char *name, *label, *symbol;
    const char *derivative; /* g'[l] as dZ[l] = dA[l] ∗ g'[l] writes it: a format of at most two %d, both l */
    bool reads_output;      /* the backward rule reads A = g(Z), not Z */
} act_names[ACT_COUNT] = {
    [ACT_SIGMOID] = {"sigmoid", "sigmoid", "σ", "A[%d](1 − A[%d])", true},
    [ACT_TANH] = {"tanh", "tanh", "tanh", "(1 − A[%d]²)", true},
    [ACT_RELU] = {"relu", "ReLU", "relu", "[Z[%d] > 0]", false},
    [ACT_LEAKY_RELU] = {"leaky-relu", "Leaky ReLU", "leaky_relu", "(Z[%d] > 0 ? 1 : 0.01)", false},
};

const char *act_name(act_kind k)
{
    return (unsigned)k < ACT_COUNT ? act_names[k].name : "?";
}

const char *act_label(act_kind k)
{
    return (unsigned)k < ACT_COUNT ? act_names[k].label : "?";
}

const char *act_symbol(act_kind k)
{
    return (unsigned)k < ACT_COUNT ? act_names[k].symbol : "g";
}

size_t act_derivative_text(act_kind k, int layer, char *buf, size_t size)
{
    if ((unsigned)k >= ACT_COUNT)
        return (size_t)snprintf(buf, size, "g'(Z[%d])", layer);
    return (size_t)snprintf(buf, size, act_names[k].derivative, layer, layer);
}

bool act_backward_reads_output(act_kind k)
{
    return (unsigned)k < ACT_COUNT && act_names[k].reads_output;
}

bool act_parse(const char *name, act_kind *out)
{
    if (!name)
        return false;
    for (int k = 0; k < ACT_COUNT; k++)
        if (!strcmp(name, act_names[k].name)) {
            *out = (act_kind)k;
            return true;
        }
    if (!strcmp(name, "leaky_relu") || !strcmp(name, "leakyrelu")) {
        *out = ACT_LEAKY_RELU;
        return true;
    }
    return false;
}

/* ReLU forward and backward as selects the compiler turns into vector
 * blends: Z's signs are random during training, so a branch per element
 * is mispredicted half the time. The values are the plain loop's. */
CORE_SIMD_CLONES static void relu_forward(double *a, const double *z, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const double v = z[i];
        a[i] = v > 0.0 ? v : 0.0;
    }
}

CORE_SIMD_CLONES static void relu_backward(double *dz, const double *da, const double *z, size_t n)
{
    for (size_t i = 0; i < n; i++)
        dz[i] = z[i] > 0.0 ? da[i] : 0.0;
}

/* a := g(z) for n values; a may alias z. What training runs. */
static void act_forward_array(act_kind k, double *a, const double *z, size_t n)
{
    switch (k) {
    case ACT_SIGMOID: /* 1 / (1 + e^(−z)), vectorised */
        fm_sigmoid_array(a, z, n);
        break;
    case ACT_TANH:
        fm_tanh_array(a, z, n);
        break;
    case ACT_RELU:
        relu_forward(a, z, n);
        break;
    case ACT_LEAKY_RELU:
        for (size_t i = 0; i < n; i++)
            a[i] = z[i] > 0.0 ? z[i] : ACT_LEAKY_SLOPE * z[i];
        break;
    default:
        assert(0);
    }
}

double act_value(act_kind k, double z)
{
    double a = NAN;
    act_forward_array(k, &a, &z, 1);
    return a;
}

void act_forward(act_kind k, mat *A, const mat *Z)
{
    assert(mat_same_shape(A, Z));
    act_forward_array(k, A->v, Z->v, mat_size(Z));
}

void act_backward(act_kind k, mat *dZ, const mat *dA, const mat *Z, const mat *A)
{
    assert(mat_same_shape(dZ, dA) && mat_same_shape(dA, Z) && mat_same_shape(Z, A));
    const size_t n = mat_size(Z);
    const double *da = dA->v, *z = Z->v, *a = A->v;
    double *dz = dZ->v;
    switch (k) {
    case ACT_SIGMOID: /* dZ = dA ∗ A(1 − A) */
        for (size_t i = 0; i < n; i++)
            dz[i] = da[i] * a[i] * (1.0 - a[i]);
        break;
    case ACT_TANH: /* dZ = dA ∗ (1 − A²) */
        for (size_t i = 0; i < n; i++)
            dz[i] = da[i] * (1.0 - a[i] * a[i]);
        break;
    case ACT_RELU: /* dZ = dA where Z > 0, else 0 */
        relu_backward(dz, da, z, n);
        break;
    case ACT_LEAKY_RELU: /* dZ = dA where Z > 0, else 0.01 dA */
        for (size_t i = 0; i < n; i++)
            dz[i] = z[i] > 0.0 ? da[i] : ACT_LEAKY_SLOPE * da[i];
        break;
    default:
        assert(0);
    }
}
