/*
 * network.h — an L-layer binary classifier whose forward and backward passes
 * run one operation at a time, so a screen can show every cache between two
 * operations and a whole iteration is nothing but the same operations in a row.
 *
 *        X = A[0] ──► Z[1] = W[1]A[0] + b[1] ──► A[1] = g1(Z[1]) ──► … ──► A[L] = σ(Z[L]) ──► J
 *                                                                                 │
 *   update ◄── dW[l], db[l] ◄── dZ[l] = dA[l] ∗ g'(Z[l]) ◄── dA[l] = W[l+1]ᵀdZ[l+1] ◄── dZ[L] = A[L] − Y
 *
 * The operations of one iteration, in order (nn_op_at(net, 0 … nn_op_count − 1)):
 *   for l = 1 … L:   LINEAR l     Z[l] = W[l]·A[l−1] + b[l]
 *                    ACTIVATE l   A[l] = g(Z[l])
 *                    COST         J = −(1/m) Σ [y log a + (1−y) log(1−a)]
 *                    DZ_OUTPUT L  dZ[L] = A[L] − Y
 *   for l = L … 1:   DW l         dW[l] = (1/m) dZ[l]·A[l−1]ᵀ
 *                    DB l         db[l] = (1/m) Σ_axis=1 dZ[l]   (keepdims)
 *     (l > 1 only)   DA_PREV l    dA[l−1] = W[l]ᵀ·dZ[l]
 *     (l > 1 only)   DZ l−1       dZ[l−1] = dA[l−1] ∗ g'(Z[l−1])
 *                    UPDATE       W[l] −= α dW[l], b[l] −= α db[l] for every l
 * That is 6L + 1 operations. The output layer is always sigmoid (that is what
 * makes dZ[L] = A[L] − Y true for the cross-entropy cost).
 *
 * Ownership: nn_new returns a network the caller frees with nn_free. nn_bind
 * keeps pointers to X and Y (it does not copy them): they must outlive the
 * binding. Every `const mat *` the getters return belongs to the network and
 * stays valid until nn_bind, nn_reinit or nn_free.
 */
#ifndef DNN_CORE_NETWORK_H
#define DNN_CORE_NETWORK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "activation.h"
#include "dnn_limits.h"
#include "matrix.h"

typedef struct nn_net nn_net;

/* The course's initialisations, with the seed order of the notebooks. */
typedef enum nn_init_kind {
    NN_INIT_COURSE_W3, /* "course-w3": seed(2); W[1], W[2], … = randn(n[l], n[l−1]) · 0.01; b = 0 */
    NN_INIT_COURSE_W4, /* "course-w4": seed(1); W[l] = randn(n[l], n[l−1]) / sqrt(n[l−1]); b = 0 */
    NN_INIT_ZEROS,     /* "zeros": every W and b is 0 (shows the symmetry problem) */
    NN_INIT_COUNT
} nn_init_kind;

typedef struct nn_config {
    int L;                            /* number of layers with weights, 1 … NN_MAX_LAYERS */
    int dims[NN_MAX_LAYERS + 1];      /* n[0] (inputs) … n[L] (must be 1) */
    act_kind act[NN_MAX_LAYERS + 1];  /* act[1 … L]; act[L] must be ACT_SIGMOID */
    nn_init_kind init;
    uint32_t seed;                    /* the seed np.random.seed gets before the init */
} nn_config;

typedef enum nn_status {
    NN_OK = 0,
    NN_DIVERGED,  /* the cost or a parameter stopped being finite */
    NN_BAD_ARGUMENT,
    NN_NO_MEMORY
} nn_status;

typedef enum nn_op_kind {
    NN_OP_LINEAR,
    NN_OP_ACTIVATE,
    NN_OP_COST,
    NN_OP_DZ_OUTPUT,
    NN_OP_DW,
    NN_OP_DB,
    NN_OP_DA_PREV,
    NN_OP_DZ,
    NN_OP_UPDATE
} nn_op_kind;

typedef struct nn_op {
    nn_op_kind kind;
    int layer;  /* l as in the list above: LINEAR/ACTIVATE/DW/DB/DA_PREV l, DZ l−1 (the
                 * layer whose dZ it makes), DZ_OUTPUT L, 0 for COST and UPDATE */
} nn_op;

/* The values of one layer, for nn_value_of / nn_has. A[0] is X. */
typedef enum nn_value {
    NN_W, NN_B, NN_Z, NN_A, NN_DZ, NN_DA, NN_DW, NN_DB, NN_VALUE_COUNT
} nn_value;

/* "course-w3", "course-w4", "zeros"; nn_init_parse is false when unknown. */
const char *nn_init_name(nn_init_kind k);
bool nn_init_parse(const char *name, nn_init_kind *out);
/* The seed the course uses with an init: 2 for course-w3, 1 for course-w4, 0 otherwise. */
uint32_t nn_init_default_seed(nn_init_kind k);

/* A config for layers n[0..L] = dims[0..count-1], `hidden` on every hidden
 * layer and sigmoid on the output, with the init's default seed. */
nn_config nn_config_make(const int *dims, int count, act_kind hidden, nn_init_kind init);
/* Checks a config; on failure writes a one-line reason into msg and returns false. */
bool nn_config_check(const nn_config *cfg, char *msg, size_t msg_size);

/* A network initialised as cfg says, or NULL when the config does not pass
 * nn_config_check or memory runs out. */
nn_net *nn_new(const nn_config *cfg);
/* Bytes nn_new and nn_bind would allocate for cfg on m examples (W, dW, b,
 * db, the caches Z, A, dZ, dA and the scratch), so a caller can refuse a
 * network that would not fit before allocating; SIZE_MAX when the sum
 * overflows. */
size_t nn_memory_bytes(const nn_config *cfg, size_t m);
/* A deep copy (parameters, bound data pointers, caches, flags, cost). */
nn_net *nn_clone(const nn_net *net);
/* dst := src for two networks of the same config and bound m; false otherwise. */
bool nn_copy_into(nn_net *dst, const nn_net *src);
void nn_free(nn_net *net);
/* Re-initialises the parameters from cfg.init and cfg.seed, drops the caches. */
void nn_reinit(nn_net *net);
/* Re-initialises with another init kind and seed. */
void nn_reinit_with(nn_net *net, nn_init_kind init, uint32_t seed);

/* Binds the training set: X (n[0], m), Y (1, m). Allocates caches for m
 * columns. NN_BAD_ARGUMENT on a shape mismatch, NN_NO_MEMORY. */
nn_status nn_bind(nn_net *net, const mat *X, const mat *Y);

const nn_config *nn_get_config(const nn_net *net);
int nn_layers(const nn_net *net);             /* L */
int nn_dim(const nn_net *net, int l);         /* n[l], 0 <= l <= L */
size_t nn_examples(const nn_net *net);        /* m of the bound data, 0 if none */
/* The bound Y (1, m), or NULL before nn_bind. */
const mat *nn_labels(const nn_net *net);
act_kind nn_activation(const nn_net *net, int l);

/* The matrix for a value of layer l, or NULL when it does not exist
 * (dA[L], W[0], …) or has not been computed in the current iteration. */
const mat *nn_value_of(const nn_net *net, nn_value v, int l);
/* Whether nn_value_of would return non-NULL. */
bool nn_has(const nn_net *net, nn_value v, int l);
/* The short name of a value, "W", "b", "Z", "A", "dZ", "dA", "dW", "db". */
const char *nn_value_name(nn_value v);
/* The shape a value has (or will have) in the bound network: (n[l], n[l−1])
 * for W and dW, (n[l], 1) for b and db, (n[l], m) for Z, A, dZ, dA. */
void nn_value_shape(const nn_net *net, nn_value v, int l, size_t *rows, size_t *cols);

/* Mutable parameters, for a gradient check or a hand-made test network. */
mat *nn_param(nn_net *net, nn_value v, int l);  /* v is NN_W or NN_B */

/* The number of operations in one iteration (6L + 1) and the i-th one. */
int nn_op_count(const nn_net *net);
nn_op nn_op_at(const nn_net *net, int i);
/* Runs one operation on the bound data with learning rate lr (used by UPDATE
 * only). Operations must run in order; running LINEAR 1 starts a new
 * iteration and forgets the previous one's caches. Returns NN_DIVERGED when
 * the cost or an updated parameter is not finite, NN_BAD_ARGUMENT (nothing
 * run) before nn_bind or for a layer the operation does not exist for. */
nn_status nn_run_op(nn_net *net, nn_op op, double lr);

/* One whole iteration: every operation in order; the cost is computed only
 * when want_cost (it does not change training). Returns the status of the
 * first failing operation. */
nn_status nn_iterate(nn_net *net, double lr, bool want_cost);
/* A faster form of nn_iterate for logistic regression on inputs much wider
 * than the examples are many (the course's cat pictures), used by training
 * loops (see network_gram.c): the same iteration written through G = XᵀX,
 * the same numbers up to the rounding of the sums.
 *   if (nn_fast_begin(net, planned)) {            false: use nn_iterate
 *       nn_fast_iterate(net, lr, want_cost) × k;   as nn_iterate
 *       nn_fast_end(net);                          writes W back
 *   }
 * Between begin and end, W (and dW) are those of the begin; Z, A, dZ, db and
 * b are the last iteration's. `planned` is how many iterations the caller
 * expects to run: G (n·m² multiply-adds, kept until nn_bind) must pay. */
#define NN_GRAM_MAX_EXAMPLES 2048
bool nn_fast_begin(nn_net *net, long planned);
nn_status nn_fast_iterate(nn_net *net, double lr, bool want_cost);
void nn_fast_end(nn_net *net);

/* The cost J from the last COST operation (NAN before any). */
double nn_cost(const nn_net *net);
/* The cost of the current parameters on the bound data (runs a forward pass;
 * the caches then hold that pass). */
double nn_compute_cost(nn_net *net);
/* Iterations completed (UPDATE operations run) since nn_new / nn_reinit. */
long nn_iterations(const nn_net *net);
nn_status nn_status_of(const nn_net *net);

/* P := A[L] for inputs X (n[0], k); P is (1, k). Leaves the caches alone.
 * NN_BAD_ARGUMENT on a shape mismatch, NN_NO_MEMORY. */
nn_status nn_predict_proba(const nn_net *net, const mat *X, mat *P);
/* Percentage (0 … 100) of columns where (A[L] > 0.5) equals Y, computed as
 * the course does, (right / m) · 100, to the last bit; NAN on error. */
double nn_accuracy(const nn_net *net, const mat *X, const mat *Y);

#endif
