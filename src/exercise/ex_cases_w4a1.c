/*
 * ex_cases_w4a1.c — "Building your deep neural network, step by step" (week 4,
 * assignment 1): the cases of its ten graded functions.
 *
 * The visible cases draw their inputs as the course's test cases do (the
 * seed, then randn in the order and shapes below); the expected outputs come
 * from the core:
 *
 *   linear_forward             Z = W·A + b                                  (mat_mul, mat_add_col)
 *   linear_activation_forward  A = g(Z), g ∈ {σ, ReLU}                      (act_forward)
 *   L_model_forward            [LINEAR → RELU] × (L−1) → LINEAR → SIGMOID
 *   compute_cost               J = −(1/m) Σ [y log a + (1−y) log(1−a)]      (cost_cross_entropy)
 *   linear_backward            dW = (1/m) dZ·A_prevᵀ, db = (1/m) Σ dZ, dA_prev = Wᵀ·dZ
 *   linear_activation_backward dZ = dA ∗ g'(Z), then linear_backward        (act_backward)
 *   L_model_backward           dAL = −(Y/AL − (1−Y)/(1−AL)), then layer by layer
 *   update_parameters          W[l] −= α dW[l], b[l] −= α db[l]
 */
#include <math.h>

/* Texts here are cut to their buffers on purpose (snprintf). */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wformat-truncation"
#endif
#include <stdio.h>

#include "cost.h"
#include "ex_ref.h"

#define TOL_A 1e-8
#define TOL_R 1e-6

/* ---- initialisation ------------------------------------------------------ */

static void init_two(ref_pool *p, ex_case *c, const char *name, bool hidden, int nx, int nh, int ny)
{
    ex_case_init(c, name, hidden, TOL_A, TOL_R);
    c->seed = 1;
    rng r;
    rng_seed(&r, 1);
    mat *W1 = rp_randn(p, &r, (size_t)nh, (size_t)nx);
    mat *W2 = rp_randn(p, &r, (size_t)ny, (size_t)nh);
    mat *W[3] = { NULL, rp_scale(p, W1, 0.01), rp_scale(p, W2, 0.01) };
    mat *b[3] = { NULL, rp_zeros(p, (size_t)nh, 1), rp_zeros(p, (size_t)ny, 1) };
    case_arg(p, c, "n_x", vi(nx));
    case_arg(p, c, "n_h", vi(nh));
    case_arg(p, c, "n_y", vi(ny));
    case_expect(p, c, v_params(2, W, b, "W", "b"));
    mat *Wbig[3] = { NULL, W1, W2 };
    case_mistake(p, c, "missing_scale", v_params(2, Wbig, b, "W", "b"));
    rng_seed(&r, 1);
    mat *T1 = rp_randn(p, &r, (size_t)nx, (size_t)nh), *T2 = rp_randn(p, &r, (size_t)nh, (size_t)ny);
    mat *Wt[3] = { NULL, rp_scale(p, T1, 0.01), rp_scale(p, T2, 0.01) };
    case_mistake(p, c, "w_transposed", v_params(2, Wt, b, "W", "b"));
}

static int build_initialize_parameters(ex_case *cases)
{
    ref_pool p = { .n = 0 };
    init_two(&p, &cases[0], "n_x 3, n_h 2, n_y 1 (seed 1)", false, 3, 2, 1);
    init_two(&p, &cases[1], "n_x 4, n_h 3, n_y 2 (seed 1)", false, 4, 3, 2);
    init_two(&p, &cases[2], "n_x 5, n_h 4, n_y 1 (seed 1)", true, 5, 4, 1);
    return cases_done(&p, cases, 3);
}

static void init_deep(ref_pool *p, ex_case *c, const char *name, bool hidden, const int *dims, int n)
{
    ex_case_init(c, name, hidden, TOL_A, TOL_R);
    c->seed = 3;
    rng r;
    rng_seed(&r, 3);
    mat *W[NN_LAYERS_MAX], *Wraw[NN_LAYERS_MAX], *Wsqrt[NN_LAYERS_MAX], *b[NN_LAYERS_MAX];
    mat *Wt[NN_LAYERS_MAX];
    rng rt;
    rng_seed(&rt, 3);
    ex_value *ld = exv_list();
    for (int k = 0; k < n && ld; k++)
        if (!exv_push(ld, vi(dims[k])))
            ld = NULL;
    for (int l = 1; l < n; l++) {
        Wraw[l] = rp_randn(p, &r, (size_t)dims[l], (size_t)dims[l - 1]);
        W[l] = rp_scale(p, Wraw[l], 0.01);
        Wsqrt[l] = rp_scale(p, Wraw[l], 1.0 / sqrt((double)dims[l - 1]));
        Wt[l] = rp_scale(p, rp_randn(p, &rt, (size_t)dims[l - 1], (size_t)dims[l]), 0.01);
        b[l] = rp_zeros(p, (size_t)dims[l], 1);
    }
    case_arg(p, c, "layer_dims", ld);
    case_expect(p, c, v_params(n - 1, W, b, "W", "b"));
    case_mistake(p, c, "missing_scale", v_params(n - 1, Wraw, b, "W", "b"));
    case_mistake(p, c, "init_sqrt_scale", v_params(n - 1, Wsqrt, b, "W", "b"));
    case_mistake(p, c, "w_transposed", v_params(n - 1, Wt, b, "W", "b"));
    if (n > 2)
        case_mistake(p, c, "range_stops_early", v_params(n - 2, W, b, "W", "b"));
}

static int build_initialize_parameters_deep(ex_case *cases)
{
    ref_pool p = { .n = 0 };
    static const int a[] = { 5, 4, 3 }, a2[] = { 4, 3, 2 }, b[] = { 4, 5, 3, 1 };
    init_deep(&p, &cases[0], "layer_dims [5, 4, 3] (seed 3)", false, a, 3);
    init_deep(&p, &cases[1], "layer_dims [4, 3, 2] (seed 3)", false, a2, 3);
    init_deep(&p, &cases[2], "layer_dims [4, 5, 3, 1] (seed 3)", true, b, 4);
    return cases_done(&p, cases, 3);
}

/* ---- forward ------------------------------------------------------------- */

static void linear_fwd_case(ref_pool *p, ex_case *c, const char *name, bool hidden, uint32_t seed,
                            int n_prev, int n, int m)
{
    ex_case_init(c, name, hidden, TOL_A, TOL_R);
    rng r;
    rng_seed(&r, seed);
    mat *A = rp_randn(p, &r, (size_t)n_prev, (size_t)m);
    mat *W = rp_randn(p, &r, (size_t)n, (size_t)n_prev);
    mat *b = rp_randn(p, &r, (size_t)n, 1);
    mat *WA = rp_dot(p, W, A);
    mat *Z = rp_add_col(p, WA, b);
    case_arg(p, c, "A", vm(A));
    case_arg(p, c, "W", vm(W));
    case_arg(p, c, "b", vm(b));
    case_expect(p, c, v_tuple(2, vm(Z), v_tuple(3, vm(A), vm(W), vm(b))));
    case_mistake(p, c, "missing_bias", v_tuple(2, vm(WA), v_tuple(3, vm(A), vm(W), vm(b))));
}

static int build_linear_forward(ex_case *cases)
{
    ref_pool p = { .n = 0 };
    linear_fwd_case(&p, &cases[0], "seed 1: A (3, 2), W (1, 3), b (1, 1)", false, 1, 3, 1, 2);
    linear_fwd_case(&p, &cases[1], "seed 4: A (5, 4), W (3, 5), b (3, 1)", true, 4, 5, 3, 4);
    return cases_done(&p, cases, 2);
}

static void lin_act_fwd_case(ref_pool *p, ex_case *c, const char *name, bool hidden, uint32_t seed,
                             int n_prev, int n, int m, act_kind k)
{
    ex_case_init(c, name, hidden, TOL_A, TOL_R);
    rng r;
    rng_seed(&r, seed);
    mat *A_prev = rp_randn(p, &r, (size_t)n_prev, (size_t)m);
    mat *W = rp_randn(p, &r, (size_t)n, (size_t)n_prev);
    mat *b = rp_randn(p, &r, (size_t)n, 1);
    mat *Z = rp_add_col(p, rp_dot(p, W, A_prev), b);
    mat *A = rp_act(p, k, Z);
    act_kind other = k == ACT_SIGMOID ? ACT_RELU : ACT_SIGMOID;
    mat *A_other = rp_act(p, other, Z);
    case_arg(p, c, "A_prev", vm(A_prev));
    case_arg(p, c, "W", vm(W));
    case_arg(p, c, "b", vm(b));
    case_kwarg(p, c, "activation", vs(act_name(k)));
    case_expect(p, c, v_tuple(2, vm(A), v_tuple(2, v_tuple(3, vm(A_prev), vm(W), vm(b)), vm(Z))));
    case_mistake(p, c, "activations_swapped",
                 v_tuple(2, vm(A_other), v_tuple(2, v_tuple(3, vm(A_prev), vm(W), vm(b)), vm(Z))));
    case_mistake(p, c, "linear_only",
                 v_tuple(2, vm(Z), v_tuple(2, v_tuple(3, vm(A_prev), vm(W), vm(b)), vm(Z))));
}

static int build_linear_activation_forward(ex_case *cases)
{
    ref_pool p = { .n = 0 };
    lin_act_fwd_case(&p, &cases[0], "sigmoid, seed 2: A_prev (3, 2), W (1, 3), b (1, 1)", false, 2, 3, 1, 2, ACT_SIGMOID);
    lin_act_fwd_case(&p, &cases[1], "relu, seed 2: A_prev (3, 2), W (1, 3), b (1, 1)", false, 2, 3, 1, 2, ACT_RELU);
    lin_act_fwd_case(&p, &cases[2], "sigmoid, seed 5: A_prev (4, 3), W (2, 4), b (2, 1)", true, 5, 4, 2, 3, ACT_SIGMOID);
    lin_act_fwd_case(&p, &cases[3], "relu, seed 5: A_prev (4, 3), W (2, 4), b (2, 1)", true, 5, 4, 2, 3, ACT_RELU);
    return cases_done(&p, cases, 4);
}

/* The forward pass of an L-layer net with the given hidden and output
 * activations; *AL and the caches list (None on no memory). */
static ex_value *deep_forward(ref_pool *p, const mat *X, int L, mat *const *W, mat *const *b,
                              act_kind hidden, act_kind out, mat **AL)
{
    ex_value *caches = exv_list();
    const mat *A = X;
    for (int l = 1; l <= L; l++) {
        mat *Z = rp_add_col(p, rp_dot(p, W[l], A), b[l]);
        if (caches && !exv_push(caches, v_tuple(2, v_tuple(3, vm(A), vm(W[l]), vm(b[l])), vm(Z))))
            caches = NULL;
        A = rp_act(p, l == L ? out : hidden, Z);
    }
    *AL = (mat *)A;
    return caches;
}

static void deep_fwd_case(ref_pool *p, ex_case *c, const char *name, bool hidden, uint32_t seed,
                          const int *dims, int L, int m)
{
    ex_case_init(c, name, hidden, TOL_A, TOL_R);
    rng r;
    rng_seed(&r, seed);
    mat *X = rp_randn(p, &r, (size_t)dims[0], (size_t)m);
    mat *W[NN_LAYERS_MAX], *b[NN_LAYERS_MAX];
    for (int l = 1; l <= L; l++) {
        W[l] = rp_randn(p, &r, (size_t)dims[l], (size_t)dims[l - 1]);
        b[l] = rp_randn(p, &r, (size_t)dims[l], 1);
    }
    case_arg(p, c, "X", vm(X));
    case_arg(p, c, "parameters", v_params(L, W, b, "W", "b"));
    mat *AL, *AL_sig, *AL_relu;
    ex_value *caches = deep_forward(p, X, L, W, b, ACT_RELU, ACT_SIGMOID, &AL);
    case_expect(p, c, v_tuple(2, vm(AL), caches));
    ex_value *c2 = deep_forward(p, X, L, W, b, ACT_SIGMOID, ACT_SIGMOID, &AL_sig);
    case_mistake(p, c, "sigmoid_everywhere", v_tuple(2, vm(AL_sig), c2));
    ex_value *c3 = deep_forward(p, X, L, W, b, ACT_RELU, ACT_RELU, &AL_relu);
    case_mistake(p, c, "relu_on_last_layer", v_tuple(2, vm(AL_relu), c3));
    ex_value *c4 = deep_forward(p, X, L, W, b, ACT_RELU, ACT_SIGMOID, &AL);
    case_mistake(p, c, "sigmoid_applied_twice", v_tuple(2, vm(rp_act(p, ACT_SIGMOID, AL)), c4));
}

static int build_L_model_forward(ex_case *cases)
{
    ref_pool p = { .n = 0 };
    static const int a[] = { 5, 4, 3, 1 }, b[] = { 3, 5, 1 }, d[] = { 6, 4, 3, 2, 1 };
    deep_fwd_case(&p, &cases[0], "seed 6: X (5, 4), layers [5, 4, 3, 1]", false, 6, a, 3, 4);
    deep_fwd_case(&p, &cases[1], "seed 7: X (3, 6), layers [3, 5, 1]", true, 7, b, 2, 6);
    deep_fwd_case(&p, &cases[2], "seed 8: X (6, 3), layers [6, 4, 3, 2, 1]", true, 8, d, 4, 3);
    return cases_done(&p, cases, 3);
}

/* ---- cost ---------------------------------------------------------------- */

static void cost_case(ref_pool *p, ex_case *c, const char *name, bool hidden, mat *AL, mat *Y)
{
    ex_case_init(c, name, hidden, 1e-9, 1e-7);
    case_arg(p, c, "AL", vm(AL));
    case_arg(p, c, "Y", vm_int(Y));
    if (!AL || !Y) {
        p->oom = true;
        return;
    }
    double J = cost_cross_entropy(AL, Y);
    double m = (double)AL->cols;
    case_expect(p, c, vnp(J));
    case_mistake(p, c, "missing_1_over_m", vnp(J * m));
    case_mistake(p, c, "without_minus", vnp(-J));
    /* only the y·log(a) half of the sum */
    double half = 0;
    for (size_t i = 0; i < AL->cols; i++)
        half += Y->v[i] * log(AL->v[i]);
    case_mistake(p, c, "only_y_term", vnp(-half / m));
}

static int build_compute_cost(ex_case *cases)
{
    ref_pool p = { .n = 0 };
    static const double al[] = { 0.8, 0.9, 0.4 }, y[] = { 1, 1, 0 };
    cost_case(&p, &cases[0], "AL [[0.8, 0.9, 0.4]], Y [[1, 1, 0]]", false, rp_lit(&p, 1, 3, al),
              rp_lit(&p, 1, 3, y));
    rng r;
    rng_seed(&r, 11);
    mat *AL = rp_rand(&p, &r, 1, 7);
    mat *u = rp_rand(&p, &r, 1, 7);
    if (AL && u)
        for (size_t i = 0; i < 7; i++) {
            AL->v[i] = 0.05 + 0.9 * AL->v[i];
            u->v[i] = u->v[i] > 0.5 ? 1 : 0;
        }
    cost_case(&p, &cases[1], "seed 11: AL (1, 7), Y (1, 7)", true, AL, u);
    return cases_done(&p, cases, 2);
}

/* ---- backward ------------------------------------------------------------ */

/* dA_prev, dW, db of linear_backward, and the usual wrong versions. */
typedef struct lin_back {
    mat *dA_prev, *dW, *db;
} lin_back;

static lin_back linear_back(ref_pool *p, const mat *dZ, const mat *A_prev, const mat *W)
{
    lin_back g;
    double m = A_prev ? (double)A_prev->cols : 1;
    g.dW = rp_scale(p, rp_dot_nt(p, dZ, A_prev), 1.0 / m);
    g.db = rp_scale(p, rp_row_sums(p, dZ), 1.0 / m);
    g.dA_prev = rp_dot_tn(p, W, dZ);
    return g;
}

static ex_value *lin_back_value(const lin_back *g)
{
    return v_tuple(3, vm(g->dA_prev), vm(g->dW), vm(g->db));
}

static void lin_back_mistakes(ref_pool *p, ex_case *c, const lin_back *g, double m)
{
    case_mistake(p, c, "missing_1_over_m",
                 v_tuple(3, vm(g->dA_prev), vm(rp_scale(p, g->dW, m)), vm(rp_scale(p, g->db, m))));
    case_mistake(p, c, "db_without_keepdims", v_tuple(3, vm(g->dA_prev), vm(g->dW), vm_rank1(g->db)));
    case_mistake(p, c, "dA_prev_over_m", v_tuple(3, vm(rp_scale(p, g->dA_prev, 1.0 / m)), vm(g->dW), vm(g->db)));
}

static void linear_back_case(ref_pool *p, ex_case *c, const char *name, bool hidden, uint32_t seed,
                             int n, int n_prev, int m)
{
    ex_case_init(c, name, hidden, TOL_A, TOL_R);
    rng r;
    rng_seed(&r, seed);
    mat *dZ = rp_randn(p, &r, (size_t)n, (size_t)m);
    mat *A = rp_randn(p, &r, (size_t)n_prev, (size_t)m);
    mat *W = rp_randn(p, &r, (size_t)n, (size_t)n_prev);
    mat *b = rp_randn(p, &r, (size_t)n, 1);
    case_arg(p, c, "dZ", vm(dZ));
    case_arg(p, c, "cache", v_tuple(3, vm(A), vm(W), vm(b)));
    lin_back g = linear_back(p, dZ, A, W);
    case_expect(p, c, lin_back_value(&g));
    lin_back_mistakes(p, c, &g, (double)m);
}

static int build_linear_backward(ex_case *cases)
{
    ref_pool p = { .n = 0 };
    linear_back_case(&p, &cases[0], "seed 1: dZ (3, 4), A_prev (5, 4), W (3, 5), b (3, 1)", false, 1, 3, 5, 4);
    linear_back_case(&p, &cases[1], "seed 9: dZ (1, 2), A_prev (3, 2), W (1, 3), b (1, 1)", true, 9, 1, 3, 2);
    return cases_done(&p, cases, 2);
}

static void lin_act_back_case(ref_pool *p, ex_case *c, const char *name, bool hidden, uint32_t seed,
                              int n, int n_prev, int m, act_kind k)
{
    ex_case_init(c, name, hidden, TOL_A, TOL_R);
    rng r;
    rng_seed(&r, seed);
    mat *dA = rp_randn(p, &r, (size_t)n, (size_t)m);
    mat *A = rp_randn(p, &r, (size_t)n_prev, (size_t)m);
    mat *W = rp_randn(p, &r, (size_t)n, (size_t)n_prev);
    mat *b = rp_randn(p, &r, (size_t)n, 1);
    mat *Z = rp_randn(p, &r, (size_t)n, (size_t)m);
    case_arg(p, c, "dA", vm(dA));
    case_arg(p, c, "cache", v_tuple(2, v_tuple(3, vm(A), vm(W), vm(b)), vm(Z)));
    case_kwarg(p, c, "activation", vs(act_name(k)));
    lin_back g = linear_back(p, rp_act_backward(p, k, dA, Z), A, W);
    case_expect(p, c, lin_back_value(&g));
    act_kind other = k == ACT_SIGMOID ? ACT_RELU : ACT_SIGMOID;
    lin_back w = linear_back(p, rp_act_backward(p, other, dA, Z), A, W);
    case_mistake(p, c, "activations_swapped", lin_back_value(&w));
    lin_back plain = linear_back(p, dA, A, W);
    case_mistake(p, c, "no_activation_derivative", lin_back_value(&plain));
    if (k == ACT_RELU && n == n_prev) {
        /* relu_backward(dA, A_prev): the mask taken from the wrong cache */
        mat *dZ = rp_act_backward(p, ACT_RELU, dA, A);
        lin_back wrong = linear_back(p, dZ, A, W);
        case_mistake(p, c, "relu_prime_from_A_prev", lin_back_value(&wrong));
    }
    lin_back_mistakes(p, c, &g, (double)m);
}

static int build_linear_activation_backward(ex_case *cases)
{
    ref_pool p = { .n = 0 };
    lin_act_back_case(&p, &cases[0], "sigmoid, seed 2: dA (1, 2), A_prev (3, 2), W (1, 3), Z (1, 2)", false, 2, 1, 3, 2, ACT_SIGMOID);
    lin_act_back_case(&p, &cases[1], "relu, seed 2: dA (1, 2), A_prev (3, 2), W (1, 3), Z (1, 2)", false, 2, 1, 3, 2, ACT_RELU);
    lin_act_back_case(&p, &cases[2], "sigmoid, seed 12: dA (2, 3), A_prev (4, 3), W (2, 4), Z (2, 3)", true, 12, 2, 4, 3, ACT_SIGMOID);
    lin_act_back_case(&p, &cases[3], "relu, seed 12: dA (3, 4), A_prev (3, 4), W (3, 3), Z (3, 4)", true, 12, 3, 3, 4, ACT_RELU);
    return cases_done(&p, cases, 4);
}

/*
 * L_model_backward's inputs as the course draws them: AL, then per layer
 * A_prev, W, b, Z (ReLU layers, then the sigmoid one). grads holds dA0 …
 * dA(L−1), dW1 … dWL, db1 … dbL.
 */
static ex_value *deep_backward(ref_pool *p, const mat *AL, const mat *Y, int L, mat *const *A,
                               mat *const *W, mat *const *Z, double sign, act_kind hidden,
                               act_kind last, int key_shift)
{
    ex_value *grads = exv_dict();
    mat *dAL = NULL;
    if (AL && Y) {
        /* dAL = −(Y / AL − (1 − Y) / (1 − AL)) */
        dAL = rp_zeros(p, AL->rows, AL->cols);
        if (dAL)
            for (size_t i = 0; i < mat_size(AL); i++)
                dAL->v[i] = sign * -(Y->v[i] / AL->v[i] - (1 - Y->v[i]) / (1 - AL->v[i]));
    }
    const mat *dA = dAL;
    char key[16];
    for (int l = L; l >= 1 && grads; l--) {
        lin_back g = linear_back(p, rp_act_backward(p, l == L ? last : hidden, dA, Z[l]), A[l], W[l]);
        snprintf(key, sizeof key, "dA%d", l - 1 + key_shift);
        bool ok = exv_set(grads, key, vm(g.dA_prev));
        snprintf(key, sizeof key, "dW%d", l);
        ok = ok && exv_set(grads, key, vm(g.dW));
        snprintf(key, sizeof key, "db%d", l);
        ok = ok && exv_set(grads, key, vm(g.db));
        if (!ok) {
            exv_free(grads);
            grads = NULL;
        }
        dA = g.dA_prev;
    }
    return grads;
}

static void deep_back_case(ref_pool *p, ex_case *c, const char *name, bool hidden, uint32_t seed,
                           const int *dims, int L, int m)
{
    ex_case_init(c, name, hidden, TOL_A, TOL_R);
    rng r;
    rng_seed(&r, seed);
    mat *AL = rp_randn(p, &r, 1, (size_t)m);
    mat *Y = rp_zeros(p, 1, (size_t)m);
    if (Y)
        for (int i = 0; i < m; i++)
            Y->v[i] = i % 2 == 0 ? 1 : 0;  /* the course's [[1, 0]], longer */
    mat *A[NN_LAYERS_MAX], *W[NN_LAYERS_MAX], *b[NN_LAYERS_MAX], *Z[NN_LAYERS_MAX];
    ex_value *caches = exv_list();
    for (int l = 1; l <= L; l++) {
        A[l] = rp_randn(p, &r, (size_t)dims[l - 1], (size_t)m);
        W[l] = rp_randn(p, &r, (size_t)dims[l], (size_t)dims[l - 1]);
        b[l] = rp_randn(p, &r, (size_t)dims[l], 1);
        Z[l] = rp_randn(p, &r, (size_t)dims[l], (size_t)m);
        if (caches && !exv_push(caches, v_tuple(2, v_tuple(3, vm(A[l]), vm(W[l]), vm(b[l])), vm(Z[l]))))
            caches = NULL;
    }
    /* the course passes the caches as a tuple */
    if (caches)
        caches->kind = EXV_TUPLE;
    case_arg(p, c, "AL", vm(AL));
    case_arg(p, c, "Y", vm_int(Y));
    case_arg(p, c, "caches", caches);
    case_expect(p, c, deep_backward(p, AL, Y, L, A, W, Z, 1, ACT_RELU, ACT_SIGMOID, 0));
    case_mistake(p, c, "dAL_sign", deep_backward(p, AL, Y, L, A, W, Z, -1, ACT_RELU, ACT_SIGMOID, 0));
    case_mistake(p, c, "activations_swapped", deep_backward(p, AL, Y, L, A, W, Z, 1, ACT_SIGMOID, ACT_RELU, 0));
    case_mistake(p, c, "relu_on_last_layer", deep_backward(p, AL, Y, L, A, W, Z, 1, ACT_RELU, ACT_RELU, 0));
    case_mistake(p, c, "dA_keys_off_by_one", deep_backward(p, AL, Y, L, A, W, Z, 1, ACT_RELU, ACT_SIGMOID, 1));
}

static int build_L_model_backward(ex_case *cases)
{
    ref_pool p = { .n = 0 };
    static const int a[] = { 4, 3, 1 }, b[] = { 3, 4, 2, 1 };
    deep_back_case(&p, &cases[0], "seed 3: AL (1, 2), layers [4, 3, 1]", false, 3, a, 2, 2);
    deep_back_case(&p, &cases[1], "seed 13: AL (1, 5), layers [3, 4, 2, 1]", true, 13, b, 3, 5);
    return cases_done(&p, cases, 2);
}

/* ---- update -------------------------------------------------------------- */

static void update_case(ref_pool *p, ex_case *c, const char *name, bool hidden, uint32_t pseed,
                        uint32_t gseed, const int *dims, int L, double lr)
{
    ex_case_init(c, name, hidden, TOL_A, TOL_R);
    rng r;
    mat *W[NN_LAYERS_MAX], *b[NN_LAYERS_MAX], *dW[NN_LAYERS_MAX], *db[NN_LAYERS_MAX];
    mat *W2[NN_LAYERS_MAX], *b2[NN_LAYERS_MAX], *Wp[NN_LAYERS_MAX], *bp[NN_LAYERS_MAX];
    rng_seed(&r, pseed);
    for (int l = 1; l <= L; l++) {
        W[l] = rp_randn(p, &r, (size_t)dims[l], (size_t)dims[l - 1]);
        b[l] = rp_randn(p, &r, (size_t)dims[l], 1);
    }
    rng_seed(&r, gseed);
    for (int l = 1; l <= L; l++) {
        dW[l] = rp_randn(p, &r, (size_t)dims[l], (size_t)dims[l - 1]);
        db[l] = rp_randn(p, &r, (size_t)dims[l], 1);
        W2[l] = rp_step(p, W[l], dW[l], lr, false);
        b2[l] = rp_step(p, b[l], db[l], lr, false);
        Wp[l] = rp_step(p, W[l], dW[l], lr, true);
        bp[l] = rp_step(p, b[l], db[l], lr, true);
    }
    case_arg(p, c, "params", v_params(L, W, b, "W", "b"));
    case_arg(p, c, "grads", v_params(L, dW, db, "dW", "db"));
    case_arg(p, c, "learning_rate", vf(lr));
    case_expect(p, c, v_params(L, W2, b2, "W", "b"));
    case_mistake(p, c, "plus_in_update", v_params(L, Wp, bp, "W", "b"));
    W2[L] = W[L];
    b2[L] = b[L];
    case_mistake(p, c, "last_layer_skipped", v_params(L, W2, b2, "W", "b"));
}

static int build_update_parameters(ex_case *cases)
{
    ref_pool p = { .n = 0 };
    static const int a[] = { 4, 3, 1 }, b[] = { 5, 3, 2, 1 };
    update_case(&p, &cases[0], "seed 2 / seed 3: layers [4, 3, 1], learning_rate 0.1", false, 2, 3, a, 2, 0.1);
    update_case(&p, &cases[1], "seed 14 / seed 15: layers [5, 3, 2, 1], learning_rate 0.05", true, 14, 15, b, 3, 0.05);
    return cases_done(&p, cases, 2);
}

static const ex_exc_pattern len_params[] = {
    { "KeyError", "'W", "len_parameters" },
    { "KeyError", "'b", "len_parameters" },
    { NULL, NULL, NULL },
};

static const ex_exc_pattern off_by_one[] = {
    { "IndexError", "index out of range", "caches_off_by_one" },
    { "IndexError", "boolean index did not match", "caches_off_by_one" },
    { NULL, NULL, NULL },
};

static const ex_exc_pattern star_for_dot[] = {
    { "ValueError", "operands could not be broadcast", "star_for_dot" },
    { NULL, NULL, NULL },
};

static const ex_exc_pattern missing_transpose[] = {
    { "ValueError", "not aligned", "missing_transpose" },
    { "ValueError", "matmul: Input operand", "missing_transpose" },
    { NULL, NULL, NULL },
};

static const ex_exc_pattern relu_mask[] = {
    { "IndexError", "boolean index did not match", "relu_prime_from_A_prev" },
    { NULL, NULL, NULL },
};

const ex_def ex_defs_w4a1[] = {
    { "w4a1", "initialize_parameters", build_initialize_parameters, { NULL }, NULL, NULL },
    { "w4a1", "initialize_parameters_deep", build_initialize_parameters_deep, { NULL }, NULL, NULL },
    { "w4a1", "linear_forward", build_linear_forward, { "Z", "cache" }, NULL, star_for_dot },
    { "w4a1", "linear_activation_forward", build_linear_activation_forward, { "A", "cache" }, NULL, NULL },
    { "w4a1", "L_model_forward", build_L_model_forward, { "AL", "caches" }, NULL, len_params },
    { "w4a1", "compute_cost", build_compute_cost, { NULL }, NULL, NULL },
    { "w4a1", "linear_backward", build_linear_backward, { "dA_prev", "dW", "db" }, NULL, missing_transpose },
    { "w4a1", "linear_activation_backward", build_linear_activation_backward, { "dA_prev", "dW", "db" }, NULL, relu_mask },
    { "w4a1", "L_model_backward", build_L_model_backward, { NULL }, NULL, off_by_one },
    { "w4a1", "update_parameters", build_update_parameters, { NULL }, "in_place_update", len_params },
    { NULL, NULL, NULL, { NULL }, NULL, NULL },
};
