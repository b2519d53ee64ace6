/*
 * gradcheck.h — the numerical gradient check of the course, for every layer.
 *
 * For each parameter θ_i the two-sided difference
 *     dθapprox_i = (J(θ + ε e_i) − J(θ − ε e_i)) / (2ε)
 * is compared with the analytic gradient dθ from backpropagation by
 *     difference = ‖dθ − dθapprox‖₂ / (‖dθ‖₂ + ‖dθapprox‖₂)
 * (below 1e-7 is right; above 1e-3 is a bug).
 *
 * Every θ_i costs two forward passes over all m examples, so checking every
 * parameter of a wide network is out of reach (the course's cat network,
 * 12288-20-7-5-1 on 209 pictures: ~246,000 parameters × 2 × ~51 M
 * multiply-adds). A plan says how many entries of each W[l] and b[l] a check
 * visits: all of them when the work fits a budget, else a fixed sample
 * spread over each matrix:
 *
 *   W[1] (20, 12288)  ·····•·······•·······•·····   one entry per stratum
 *   b[1] (20, 1)      ••••••••••••••••••••          small ones whole
 */
#ifndef DNN_CORE_GRADCHECK_H
#define DNN_CORE_GRADCHECK_H

#include <stdbool.h>
#include <stddef.h>

#include "network.h"

typedef struct gc_layer {
    double dW_difference;  /* relative difference for dW[l] (over the entries checked) */
    double db_difference;  /* relative difference for db[l] */
    double dW_norm;        /* ‖dW[l]‖₂ over the entries checked, to tell a zero gradient */
    double db_norm;
} gc_layer;

typedef struct gc_result {
    double difference;              /* over all parameters checked together */
    int L;
    gc_layer layer[NN_MAX_LAYERS + 1];  /* [1 … L] */
    size_t checked;                 /* parameters whose numerical gradient was computed */
    size_t total;                   /* parameters of the network */
} gc_result;

/* How many entries of each W[l] and b[l] a check visits (which ones:
 * gc_sample_index). */
typedef struct gc_plan {
    int L;
    size_t W_count[NN_MAX_LAYERS + 1];  /* [1 … L], 0 … rows·cols of W[l] */
    size_t b_count[NN_MAX_LAYERS + 1];
    size_t checked;                     /* Σ of the counts */
    size_t total;                       /* parameters of the network */
    double madds;                       /* multiply-adds of the check's forward passes */
} gc_plan;

/* Multiply-adds of one forward pass and cost on the bound data:
 *     m · Σ_l n[l] · (n[l−1] + 1)
 * (the products W[l]·A[l−1] and one pass over each Z[l]). 0 when unbound. */
double gc_pass_madds(const nn_net *net);

/* A plan that visits every parameter. */
void gc_plan_all(const nn_net *net, gc_plan *plan);

/* A plan whose forward passes (two per entry, gc_pass_madds each) stay
 * within budget_madds: every parameter when that fits; else k = ⌊budget /
 * (2 · pass)⌋ entries shared out over the 2L matrices, smallest first, each
 * taking an equal share of what is left or all of itself if smaller. Returns
 * false, with checked = 0, when not even one entry of every W[l] and b[l]
 * fits (or nothing is bound); total is filled either way. */
bool gc_plan_within(const nn_net *net, double budget_madds, gc_plan *plan);

/* The i-th entry (0 ≤ i < k ≤ n) a plan of k entries visits in a matrix of n
 * (row-major index): one in each stratum [⌊i·n/k⌋, ⌊(i+1)·n/k⌋), at an offset
 * that depends on (n, k, i) only, so a check is repeatable and the indices
 * ascend. With k == n it is i. */
size_t gc_sample_index(size_t n, size_t k, size_t i);

/* Checks the gradients of the current parameters of `net` on its bound data,
 * with step eps (1e-7 in the course), at every parameter. `net` is left
 * unchanged (the work is done on a clone). NN_BAD_ARGUMENT if nothing is
 * bound, NN_NO_MEMORY. */
nn_status gc_check(const nn_net *net, double eps, gc_result *out);

/* As gc_check, at the entries `plan` (from gc_plan_all/gc_plan_within for
 * this network) names. NN_BAD_ARGUMENT also for a plan of another shape. */
nn_status gc_check_plan(const nn_net *net, double eps, const gc_plan *plan, gc_result *out);

/* The comparison alone: the numerical gradient at the entries of `plan`
 * against the given analytic gradients dW[l], db[l] (l = 1 … L, shaped as
 * W[l], b[l]; owned by the caller). gc_check_plan is backprop followed by
 * this; a test can hand in a gradient with a deliberate error. */
nn_status gc_compare(const nn_net *net, double eps, const gc_plan *plan, const mat *const dW[],
                     const mat *const db[], gc_result *out);

#endif
