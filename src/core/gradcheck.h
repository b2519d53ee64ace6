/*
 * gradcheck.h — the numerical gradient check of the course, for every layer.
 *
 * For each parameter θ_i the two-sided difference
 *     dθapprox_i = (J(θ + ε e_i) − J(θ − ε e_i)) / (2ε)
 * is compared with the analytic gradient dθ from backpropagation by
 *     difference = ‖dθ − dθapprox‖₂ / (‖dθ‖₂ + ‖dθapprox‖₂)
 * (below 1e-7 is right; above 1e-3 is a bug).
 */
#ifndef DNN_CORE_GRADCHECK_H
#define DNN_CORE_GRADCHECK_H

#include "network.h"

typedef struct gc_layer {
    double dW_difference;  /* relative difference for dW[l] */
    double db_difference;  /* relative difference for db[l] */
    double dW_norm;        /* ‖dW[l]‖₂ from backprop, to tell a zero gradient */
    double db_norm;
} gc_layer;

typedef struct gc_result {
    double difference;              /* over all parameters together */
    int L;
    gc_layer layer[NN_MAX_LAYERS + 1];  /* [1 … L] */
} gc_result;

/* Checks the gradients of the current parameters of `net` on its bound data,
 * with step eps (1e-7 in the course). `net` is left unchanged (the work is
 * done on a clone). NN_BAD_ARGUMENT if nothing is bound, NN_NO_MEMORY. */
nn_status gc_check(const nn_net *net, double eps, gc_result *out);

#endif
