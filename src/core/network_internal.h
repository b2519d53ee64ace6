/*
 * network_internal.h — the inside of nn_net, shared by network.c (configs,
 * inits, binding, copies, accessors) and network_ops.c (the operations).
 * Nothing outside src/core/network*.c includes this.
 */
#ifndef DNN_CORE_NETWORK_INTERNAL_H
#define DNN_CORE_NETWORK_INTERNAL_H

#include <string.h>

#include "network.h"

typedef struct nn_gram nn_gram;

struct nn_net {
    nn_config cfg;
    mat *W[NN_MAX_LAYERS + 1], *b[NN_MAX_LAYERS + 1];
    mat *Z[NN_MAX_LAYERS + 1], *A[NN_MAX_LAYERS + 1];
    mat *dZ[NN_MAX_LAYERS + 1], *dA[NN_MAX_LAYERS + 1];
    mat *dW[NN_MAX_LAYERS + 1], *db[NN_MAX_LAYERS + 1];
    const mat *X, *Y;
    size_t m;
    double *scratch;  /* room for the largest A[l−1] (n[l−1] × m), for mat_mul_nt */
    unsigned valid[NN_MAX_LAYERS + 1]; /* bit (1 << nn_value) per layer: computed this iteration */
    double cost;
    long iterations;
    nn_status status;
    int n_ops;
    nn_op ops[6 * NN_MAX_LAYERS + 1];
    nn_gram *gram; /* logistic regression's Gram form (network_gram.c), or NULL */
};

/* Frees what nn_fast_begin kept (NULL is fine). */
void nn_gram_free(nn_gram *g);

/* Drops the "computed this iteration" marks of every cache. */
static inline void nn_forget_iteration(nn_net *net)
{
    memset(net->valid, 0, sizeof net->valid);
}

#endif
