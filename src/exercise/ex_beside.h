/*
 * ex_beside.h — the learner's own function run on a network's current
 * values, beside what the core computed for the same step (the stepper's
 * "your function" panel).
 *
 *   function                   its arguments (from the network)      ours
 *   linear_forward             A[l−1], W[l], b[l] of layer l         (Z[l], (A[l−1], W[l], b[l]))
 *   L_model_forward            X, {"W1": W[1], "b1": b[1], …}        (A[L], caches)
 *   L_model_backward           A[L], Y, caches                       {"dA{l−1}", "dW{l}", "db{l}"}
 *
 *   caches = [((A[l−1], W[l], b[l]), Z[l]) for l = 1 … L], as the course's
 *   L_model_forward builds them. Ours for L_model_backward holds only the
 *   gradients the network has computed so far (the stepper walks backward
 *   one operation at a time; dA0 is never computed), in the course's order.
 *
 * The course's L_model_forward and L_model_backward use ReLU in the hidden
 * layers and a sigmoid output; on a network with another hidden activation
 * they compute something else, so they are refused. The network's W and b
 * must be the ones its forward pass used (before the update).
 *
 *   prepare (UI thread: copies the values)  ──►  run (a worker thread: the
 *   child Python, up to the time limit)  ──►  result: the verdict, both
 *   values, the largest difference
 *
 * Ownership: ex_beside_prepare fills a call that holds copies of the values
 * (the network may change afterwards); ex_beside_run consumes it;
 * ex_beside_call_clear releases one that is not run. ex_beside_run fills a
 * result the caller frees with ex_beside_result_free. Nothing here prints.
 */
#ifndef DNN_EXERCISE_EX_BESIDE_H
#define DNN_EXERCISE_EX_BESIDE_H

#include <stdbool.h>

#include "ex_case.h"
#include "ex_check.h"
#include "network.h"

typedef enum ex_beside_fn {
    EXB_LINEAR_FORWARD,
    EXB_L_MODEL_FORWARD,
    EXB_L_MODEL_BACKWARD,
    EXB_FN_COUNT
} ex_beside_fn;

typedef enum ex_beside_status {
    EXB_READY,         /* the call is filled */
    EXB_NOT_COMPUTED,  /* a value it needs (or ours) is not computed yet */
    EXB_NOT_RELU,      /* a hidden layer is not ReLU: the course's function computes another network */
    EXB_NO_GRADIENTS,  /* L_model_backward: no gradient of grads computed yet */
    EXB_NO_MEMORY
} ex_beside_status;

/* The exercise id ("w4a1/linear_forward") and the function's name. */
const char *ex_beside_id(ex_beside_fn fn);
const char *ex_beside_function(ex_beside_fn fn);

typedef struct ex_beside_call {
    ex_beside_fn fn;
    ex_case c;         /* the arguments, and ours as the expected value */
} ex_beside_call;

/* Builds the call of fn on net's current values (layer: linear_forward's l,
 * 1 … L; ignored by the others). Anything but EXB_READY leaves *call empty. */
ex_beside_status ex_beside_prepare(ex_beside_fn fn, const nn_net *net, int layer, ex_beside_call *call);
void ex_beside_call_clear(ex_beside_call *call);

typedef struct ex_beside_result {
    ex_beside_fn fn;
    ex_outcome outcome;  /* EX_PASS: the same values (within the exercise's tolerance) */
    ex_verdict verdict;  /* when not EX_PASS: what went wrong, for ex_verdict_text */
    ex_value *ours;      /* owned */
    ex_value *theirs;    /* owned; NULL when nothing came back */
    bool compared;       /* max_diff holds a comparison */
    double max_diff;     /* the largest |theirs − ours| over the numbers both have in the same
                          * place and shape (INFINITY for a NaN against a number) */
    char max_at[96];     /* where: "Z[0, 3]", "dW2[1, 0]" */
    char *output;        /* what the function printed (capped), owned, may be NULL */
} ex_beside_result;

/* Runs the call's function from the learner's file (opt->dir, the exercise's
 * assignment file) in a child Python under opt->limits, and compares. Takes
 * the call's case (call is empty afterwards). Blocks up to the time limit:
 * not on a UI thread. Always fills *res. */
void ex_beside_run(ex_beside_call *call, const ex_check_options *opt, ex_beside_result *res);
void ex_beside_result_free(ex_beside_result *res);
/* Compares res->theirs (may be NULL) with res->ours of res->fn as a run that
 * came back does: fills outcome, verdict, compared, max_diff and max_at. For
 * a result made by hand (render tests). */
void ex_beside_compare(ex_beside_result *res);

/* The part of a value of fn named `name`: a returned tuple's item by the
 * exercise's names ("Z", "AL"), a grads dict's key ("dW2"); NULL when v has
 * no such part. */
const ex_value *ex_beside_part(ex_beside_fn fn, const ex_value *v, const char *name);

#endif
