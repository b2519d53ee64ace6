/*
 * activation.c — g(z) and dZ = dA ∗ g'(Z) for the four activations of week 3.
 * The formulas are the course's, element by element; σ and tanh reuse
 * A = g(Z) in the backward rule, as the course's code does.
 */
#include "activation.h"

#include "fastmath.h"

#include <assert.h>
#include <math.h>
#include <string.h>

static const char *const act_names[ACT_COUNT] = {"sigmoid", "tanh", "relu", "leaky-relu"};

const char *act_name(act_kind k)
{
    return (unsigned)k < ACT_COUNT ? act_names[k] : "?";
}

bool act_parse(const char *name, act_kind *out)
{
    if (!name)
        return false;
    for (int k = 0; k < ACT_COUNT; k++)
        if (!strcmp(name, act_names[k])) {
            *out = (act_kind)k;
            return true;
        }
    if (!strcmp(name, "leaky_relu") || !strcmp(name, "leakyrelu")) {
        *out = ACT_LEAKY_RELU;
        return true;
    }
    return false;
}

/* σ(z) = 1 / (1 + e^(−z)) */
static inline double sigmoid(double z) { return 1.0 / (1.0 + exp(-z)); }

double act_value(act_kind k, double z)
{
    switch (k) {
    case ACT_SIGMOID: return sigmoid(z);
    case ACT_TANH: return tanh(z);
    case ACT_RELU: return z > 0.0 ? z : 0.0;
    case ACT_LEAKY_RELU: return z > 0.0 ? z : ACT_LEAKY_SLOPE * z;
    default: assert(0); return NAN;
    }
}

double act_derivative(act_kind k, double z)
{
    switch (k) {
    case ACT_SIGMOID: { double s = sigmoid(z); return s * (1.0 - s); } /* σ' = σ(1 − σ) */
    case ACT_TANH: { double t = tanh(z); return 1.0 - t * t; }         /* tanh' = 1 − tanh² */
    case ACT_RELU: return z > 0.0 ? 1.0 : 0.0;
    case ACT_LEAKY_RELU: return z > 0.0 ? 1.0 : ACT_LEAKY_SLOPE;
    default: assert(0); return NAN;
    }
}

void act_forward(act_kind k, mat *A, const mat *Z)
{
    assert(mat_same_shape(A, Z));
    const size_t n = mat_size(Z);
    const double *z = Z->v;
    double *a = A->v;
    switch (k) {
    case ACT_SIGMOID: /* 1 / (1 + e^(−z)), vectorised */
        fm_sigmoid_array(a, z, n);
        break;
    case ACT_TANH:
        fm_tanh_array(a, z, n);
        break;
    case ACT_RELU:
        for (size_t i = 0; i < n; i++)
            a[i] = z[i] > 0.0 ? z[i] : 0.0;
        break;
    case ACT_LEAKY_RELU:
        for (size_t i = 0; i < n; i++)
            a[i] = z[i] > 0.0 ? z[i] : ACT_LEAKY_SLOPE * z[i];
        break;
    default:
        assert(0);
    }
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
        for (size_t i = 0; i < n; i++)
            dz[i] = z[i] > 0.0 ? da[i] : 0.0;
        break;
    case ACT_LEAKY_RELU: /* dZ = dA where Z > 0, else 0.01 dA */
        for (size_t i = 0; i < n; i++)
            dz[i] = z[i] > 0.0 ? da[i] : ACT_LEAKY_SLOPE * da[i];
        break;
    default:
        assert(0);
    }
}
