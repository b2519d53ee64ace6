/*
 * ex_cases_w3a1.c — "Planar data classification with one hidden layer"
 * (week 3): a tanh hidden layer and a sigmoid output.
 *
 *   Z1 = W1·X + b1, A1 = tanh(Z1), Z2 = W2·A1 + b2, A2 = σ(Z2)
 *   dZ2 = A2 − Y, dW2 = (1/m) dZ2·A1ᵀ, db2 = (1/m) Σ dZ2
 *   dZ1 = W2ᵀ·dZ2 ∗ (1 − A1²), dW1 = (1/m) dZ1·Xᵀ, db1 = (1/m) Σ dZ1
 *   nn_model: the core's network (course-w3 init, seed 2), 1.2 as learning rate
 */
#include <math.h>
#include <stdio.h>

#include "cost.h"
#include "ex_ref.h"
#include "network.h"

#define TOL_A 1e-8
#define TOL_R 1e-6

static const double W1_T[] = { -0.00416758, -0.00056267, -0.02136196, 0.01640271,
                               -0.01793436, -0.00841747, 0.00502881, -0.01245288 };
static const double W2_T[] = { -0.01057952, -0.00909008, 0.00551454, 0.02292208 };

/* Y = randn(1, m) > 0, as a bool array */
static mat *bool_labels(ref_pool *p, rng *r, size_t m)
{
    mat *Y = rp_randn(p, r, 1, m);
    if (Y)
        for (size_t i = 0; i < m; i++)
            Y->v[i] = Y->v[i] > 0 ? 1 : 0;
    return Y;
}

static ex_value *vm_bool(const mat *m) { return m ? exv_from_mat_dtype(m, "bool") : NULL; }

/* ---- layer_sizes ---------------------------------------------------------- */

static void sizes_case(ref_pool *p, ex_case *c, const char *name, bool hidden, uint32_t seed, int nx, int ny, int m)
{
    ex_case_init(c, name, hidden, 0, 0);
    rng r;
    rng_seed(&r, seed);
    mat *X = rp_randn(p, &r, (size_t)nx, (size_t)m);
    mat *Y = rp_randn(p, &r, (size_t)ny, (size_t)m);
    case_arg(p, c, "X", vm(X));
    case_arg(p, c, "Y", vm(Y));
    case_expect(p, c, v_tuple(3, vi(nx), vi(4), vi(ny)));
    case_mistake(p, c, "counts_examples", v_tuple(3, vi(m), vi(4), vi(m)));
}

static int build_layer_sizes(ex_case *cases)
{
    ref_pool p = { .n = 0 };
    sizes_case(&p, &cases[0], "seed 1: X (5, 3), Y (2, 3)", false, 1, 5, 2, 3);
    sizes_case(&p, &cases[1], "seed 41: X (3, 7), Y (1, 7)", true, 41, 3, 1, 7);
    return cases_done(&p, cases, 2);
}

/* ---- initialize_parameters ------------------------------------------------ */

static void init_case(ref_pool *p, ex_case *c, const char *name, bool hidden, int nx, int nh, int ny)
{
    ex_case_init(c, name, hidden, TOL_A, TOL_R);
    c->seed = 2;
    rng r;
    rng_seed(&r, 2);
    mat *R1 = rp_randn(p, &r, (size_t)nh, (size_t)nx), *R2 = rp_randn(p, &r, (size_t)ny, (size_t)nh);
    mat *W[3] = { NULL, rp_scale(p, R1, 0.01), rp_scale(p, R2, 0.01) };
    mat *b[3] = { NULL, rp_zeros(p, (size_t)nh, 1), rp_zeros(p, (size_t)ny, 1) };
    mat *Wraw[3] = { NULL, R1, R2 };
    rng_seed(&r, 2);
    mat *T1 = rp_randn(p, &r, (size_t)nx, (size_t)nh), *T2 = rp_randn(p, &r, (size_t)nh, (size_t)ny);
    mat *Wt[3] = { NULL, rp_scale(p, T1, 0.01), rp_scale(p, T2, 0.01) };
    case_arg(p, c, "n_x", vi(nx));
    case_arg(p, c, "n_h", vi(nh));
    case_arg(p, c, "n_y", vi(ny));
    case_expect(p, c, v_params(2, W, b, "W", "b"));
    case_mistake(p, c, "missing_scale", v_params(2, Wraw, b, "W", "b"));
    case_mistake(p, c, "w_transposed", v_params(2, Wt, b, "W", "b"));
}

static int build_initialize_parameters(ex_case *cases)
{
    ref_pool p = { .n = 0 };
    init_case(&p, &cases[0], "seed 2: n_x 2, n_h 4, n_y 1", false, 2, 4, 1);
    init_case(&p, &cases[1], "seed 2: n_x 3, n_h 5, n_y 2", false, 3, 5, 2);
    init_case(&p, &cases[2], "seed 2: n_x 4, n_h 3, n_y 1", true, 4, 3, 1);
    return cases_done(&p, cases, 3);
}

/* ---- forward_propagation ----------------------------------------------------- */

typedef struct fwd2 {
    mat *Z1, *A1, *Z2, *A2;
} fwd2;

static fwd2 forward2(ref_pool *p, const mat *X, const mat *W1, const mat *b1, const mat *W2, const mat *b2,
                     act_kind hidden)
{
    fwd2 f;
    f.Z1 = rp_add_col(p, rp_dot(p, W1, X), b1);
    f.A1 = rp_act(p, hidden, f.Z1);
    f.Z2 = rp_add_col(p, rp_dot(p, W2, f.A1), b2);
    f.A2 = rp_act(p, ACT_SIGMOID, f.Z2);
    return f;
}

static ex_value *fwd2_value(const fwd2 *f)
{
    return v_tuple(2, vm(f->A2), v_dict(4, "Z1", vm(f->Z1), "A1", vm(f->A1), "Z2", vm(f->Z2), "A2", vm(f->A2)));
}

static void forward_case(ref_pool *p, ex_case *c, const char *name, bool hidden, mat *X, mat *W1, mat *b1, mat *W2,
                         mat *b2)
{
    ex_case_init(c, name, hidden, TOL_A, TOL_R);
    mat *W[3] = { NULL, W1, W2 }, *b[3] = { NULL, b1, b2 };
    case_arg(p, c, "X", vm(X));
    case_arg(p, c, "parameters", v_params(2, W, b, "W", "b"));
    fwd2 f = forward2(p, X, W1, b1, W2, b2, ACT_TANH);
    case_expect(p, c, fwd2_value(&f));
    fwd2 s = forward2(p, X, W1, b1, W2, b2, ACT_SIGMOID);
    case_mistake(p, c, "sigmoid_for_tanh", fwd2_value(&s));
}

static int build_forward_propagation(ex_case *cases)
{
    ref_pool p = { .n = 0 };
    rng r;
    rng_seed(&r, 1);
    mat *X = rp_randn(&p, &r, 2, 3);
    mat *b1 = rp_randn(&p, &r, 4, 1);
    static const double b2v[] = { -1.3 };
    forward_case(&p, &cases[0], "seed 1: X (2, 3), b1 (4, 1); W1, W2 of seed 2; b2 [[-1.3]]", false, X,
                 rp_lit(&p, 4, 2, W1_T), b1, rp_lit(&p, 1, 4, W2_T), rp_lit(&p, 1, 1, b2v));
    rng_seed(&r, 42);
    mat *hX = rp_randn(&p, &r, 3, 5);
    mat *hW1 = rp_randn(&p, &r, 4, 3), *hb1 = rp_randn(&p, &r, 4, 1);
    mat *hW2 = rp_randn(&p, &r, 1, 4), *hb2 = rp_randn(&p, &r, 1, 1);
    forward_case(&p, &cases[1], "seed 42: X (3, 5), n_h 4", true, hX, hW1, hb1, hW2, hb2);
    return cases_done(&p, cases, 2);
}

/* ---- compute_cost ---------------------------------------------------------------- */

static void cost_case(ref_pool *p, ex_case *c, const char *name, bool hidden, uint32_t seed, const double *a2,
                      size_t m)
{
    ex_case_init(c, name, hidden, 1e-9, 1e-7);
    rng r;
    rng_seed(&r, seed);
    mat *Y = bool_labels(p, &r, m);
    mat *A2 = rp_lit(p, 1, m, a2);
    case_arg(p, c, "A2", vm(A2));
    case_arg(p, c, "Y", vm_bool(Y));
    if (!A2 || !Y) {
        p->oom = true;
        return;
    }
    double J = cost_cross_entropy(A2, Y), yterm = 0;
    for (size_t i = 0; i < m; i++)
        yterm += Y->v[i] * log(A2->v[i]);
    case_expect(p, c, vf(J));
    case_mistake(p, c, "missing_1_over_m", vf(J * (double)m));
    case_mistake(p, c, "only_y_term", vf(-yterm / (double)m));
}

static int build_compute_cost(ex_case *cases)
{
    ref_pool p = { .n = 0 };
    static const double a3[] = { 0.5002307, 0.49985831, 0.50023963 };
    static const double a5[] = { 0.5002307, 0.49985831, 0.50023963, 0.25, 0.7 };
    static const double a6[] = { 0.1, 0.35, 0.62, 0.81, 0.47, 0.93 };
    cost_case(&p, &cases[0], "seed 1: Y = randn(1, 3) > 0, A2 (1, 3)", false, 1, a3, 3);
    cost_case(&p, &cases[1], "seed 1: Y = randn(1, 5) > 0, A2 (1, 5)", false, 1, a5, 5);
    cost_case(&p, &cases[2], "seed 43: Y (1, 6), A2 (1, 6)", true, 43, a6, 6);
    return cases_done(&p, cases, 3);
}

/* ---- backward_propagation ---------------------------------------------------------- */

typedef struct back2 {
    mat *dW1, *db1, *dW2, *db2;
} back2;

/* deriv_of_z: (1 − Z1²) instead of (1 − A1²); scale multiplies every gradient */
static back2 backward2(ref_pool *p, const mat *X, const mat *Y, const mat *W2, const mat *A1, const mat *A2,
                       const mat *Z1, bool deriv_of_z, double scale)
{
    back2 g = { NULL, NULL, NULL, NULL };
    double m = X ? (double)X->cols : 1;
    mat *dZ2 = rp_sub(p, A2, Y);
    g.dW2 = rp_scale(p, rp_dot_nt(p, dZ2, A1), scale / m);
    g.db2 = rp_scale(p, rp_row_sums(p, dZ2), scale / m);
    const mat *T = deriv_of_z ? Z1 : A1;
    mat *one_minus = rp_copy(p, T);
    if (!one_minus || (deriv_of_z && Z1 && A1 && !mat_same_shape(Z1, A1)))
        return g;
    for (size_t i = 0; i < mat_size(one_minus); i++)
        one_minus->v[i] = 1 - T->v[i] * T->v[i];
    mat *dZ1 = rp_mul(p, rp_dot_tn(p, W2, dZ2), one_minus);
    g.dW1 = rp_scale(p, rp_dot_nt(p, dZ1, X), scale / m);
    g.db1 = rp_scale(p, rp_row_sums(p, dZ1), scale / m);
    return g;
}

static ex_value *back2_value(const back2 *g, bool rank1)
{
    return v_dict(4, "dW1", vm(g->dW1), "db1", rank1 ? vm_rank1(g->db1) : vm(g->db1), "dW2", vm(g->dW2), "db2",
                  rank1 ? vm_rank1(g->db2) : vm(g->db2));
}

static void backward_case(ref_pool *p, ex_case *c, const char *name, bool hidden, mat *X, mat *Y, mat *W1, mat *W2,
                          mat *A1, mat *A2, mat *Z1, mat *Z2)
{
    ex_case_init(c, name, hidden, TOL_A, TOL_R);
    mat *W[3] = { NULL, W1, W2 };
    mat *b[3] = { NULL, W1 ? rp_zeros(p, W1->rows, 1) : NULL, W2 ? rp_zeros(p, W2->rows, 1) : NULL };
    case_arg(p, c, "parameters", v_params(2, W, b, "W", "b"));
    case_arg(p, c, "cache", v_dict(4, "Z1", vm(Z1), "A1", vm(A1), "Z2", vm(Z2), "A2", vm(A2)));
    case_arg(p, c, "X", vm(X));
    case_arg(p, c, "Y", vm_bool(Y));
    back2 g = backward2(p, X, Y, W2, A1, A2, Z1, false, 1);
    case_expect(p, c, back2_value(&g, false));
    double m = X ? (double)X->cols : 1;
    back2 gm = backward2(p, X, Y, W2, A1, A2, Z1, false, m);
    case_mistake(p, c, "missing_1_over_m", back2_value(&gm, false));
    case_mistake(p, c, "db_without_keepdims", back2_value(&g, true));
    if (Z1 && A1 && mat_same_shape(Z1, A1)) {
        back2 gz = backward2(p, X, Y, W2, A1, A2, Z1, true, 1);
        case_mistake(p, c, "tanh_prime_from_Z", back2_value(&gz, false));
    }
}

static int build_backward_propagation(ex_case *cases)
{
    ref_pool p = { .n = 0 };
    static const double A1v[] = { -0.00616578, 0.0020626, 0.00349619, -0.05225116, 0.02725659, -0.02646251,
                                  -0.02009721, 0.0036869, 0.02883756, 0.02152675, -0.01385234, 0.02599885 };
    static const double A2v[] = { 0.5002307, 0.49985831, 0.50023963 };
    static const double Z1v[] = { -0.00616586, 0.0020626, 0.0034962, -0.05229879, 0.02726335, -0.02646869,
                                  -0.02009991, 0.00368692, 0.02884556, 0.02153007, -0.01385322, 0.02600471 };
    static const double Z2v[] = { 0.00092281, -0.00056678, 0.00095853 };
    rng r;
    rng_seed(&r, 1);
    mat *X = rp_randn(&p, &r, 2, 3);
    mat *Y = bool_labels(&p, &r, 3);
    backward_case(&p, &cases[0], "seed 1: X (2, 3), Y (1, 3); the notebook's cache", false, X, Y,
                  rp_lit(&p, 4, 2, W1_T), rp_lit(&p, 1, 4, W2_T), rp_lit(&p, 4, 3, A1v), rp_lit(&p, 1, 3, A2v),
                  rp_lit(&p, 4, 3, Z1v), rp_lit(&p, 1, 3, Z2v));
    /* the public test: every input drawn, Z1 drawn (7, 9) */
    rng_seed(&r, 1);
    mat *pX = rp_randn(&p, &r, 3, 7);
    mat *pY = bool_labels(&p, &r, 7);
    mat *pW1 = rp_randn(&p, &r, 9, 3), *pW2 = rp_randn(&p, &r, 1, 9);
    mat *pA1 = rp_randn(&p, &r, 9, 7), *pA2 = rp_randn(&p, &r, 1, 7);
    mat *pZ1 = rp_randn(&p, &r, 7, 9), *pZ2 = rp_randn(&p, &r, 1, 7);
    backward_case(&p, &cases[1], "seed 1: X (3, 7), n_h 9 (the public test)", false, pX, pY, pW1, pW2, pA1, pA2, pZ1,
                  pZ2);
    /* hidden: a consistent forward pass with weights of size ~1, so tanh' of Z differs from tanh' of A */
    rng_seed(&r, 44);
    mat *hX = rp_randn(&p, &r, 2, 5);
    mat *hY = bool_labels(&p, &r, 5);
    mat *hW1 = rp_randn(&p, &r, 4, 2), *hb1 = rp_randn(&p, &r, 4, 1);
    mat *hW2 = rp_randn(&p, &r, 1, 4), *hb2 = rp_randn(&p, &r, 1, 1);
    fwd2 f = forward2(&p, hX, hW1, hb1, hW2, hb2, ACT_TANH);
    backward_case(&p, &cases[2], "seed 44: X (2, 5), n_h 4, a real forward pass", true, hX, hY, hW1, hW2, f.A1, f.A2,
                  f.Z1, f.Z2);
    return cases_done(&p, cases, 3);
}

/* ---- update_parameters ------------------------------------------------------------ */

static void update_case(ref_pool *p, ex_case *c, const char *name, bool hidden, mat *const *W, mat *const *b,
                        mat *const *dW, mat *const *db, double lr, bool pass_lr)
{
    ex_case_init(c, name, hidden, TOL_A, TOL_R);
    mat *W2[3] = { NULL }, *b2[3] = { NULL }, *Wp[3] = { NULL }, *bp[3] = { NULL };
    for (int l = 1; l <= 2; l++) {
        W2[l] = rp_step(p, W[l], dW[l], lr, false);
        b2[l] = rp_step(p, b[l], db[l], lr, false);
        Wp[l] = rp_step(p, W[l], dW[l], lr, true);
        bp[l] = rp_step(p, b[l], db[l], lr, true);
    }
    case_arg(p, c, "parameters", v_params(2, W, b, "W", "b"));
    case_arg(p, c, "grads", v_params(2, dW, db, "dW", "db"));
    if (pass_lr)
        case_arg(p, c, "learning_rate", vf(lr));
    case_expect(p, c, v_params(2, W2, b2, "W", "b"));
    case_mistake(p, c, "plus_in_update", v_params(2, Wp, bp, "W", "b"));
}

static int build_update_parameters(ex_case *cases)
{
    ref_pool p = { .n = 0 };
    static const double W1[] = { -0.00615039, 0.0169021, -0.02311792, 0.03137121,
                                 -0.0169217, -0.01752545, 0.00935436, -0.05018221 };
    static const double W2[] = { -0.0104319, -0.04019007, 0.01607211, 0.04440255 };
    static const double b1[] = { -8.97523455e-07, 8.15562092e-06, 6.04810633e-07, -2.54560700e-06 };
    static const double b2[] = { 9.14954378e-05 };
    static const double dW1[] = { 0.00023322, -0.00205423, 0.00082222, -0.00700776,
                                  -0.00031831, 0.0028636, -0.00092857, 0.00809933 };
    static const double dW2[] = { -1.75740039e-05, 3.70231337e-03, -1.25683095e-03, -2.55715317e-03 };
    static const double db1[] = { 1.05570087e-07, -3.81814487e-06, -1.90155145e-07, 5.46467802e-07 };
    static const double db2[] = { -1.08923140e-05 };
    mat *W[3] = { NULL, rp_lit(&p, 4, 2, W1), rp_lit(&p, 1, 4, W2) };
    mat *b[3] = { NULL, rp_lit(&p, 4, 1, b1), rp_lit(&p, 1, 1, b2) };
    mat *dW[3] = { NULL, rp_lit(&p, 4, 2, dW1), rp_lit(&p, 1, 4, dW2) };
    mat *db[3] = { NULL, rp_lit(&p, 4, 1, db1), rp_lit(&p, 1, 1, db2) };
    update_case(&p, &cases[0], "the notebook's parameters and grads, learning_rate 1.2 (the default)", false, W, b,
                dW, db, 1.2, false);
    rng r;
    rng_seed(&r, 45);
    mat *hW[3] = { NULL, rp_randn(&p, &r, 3, 2), rp_randn(&p, &r, 1, 3) };
    mat *hb[3] = { NULL, rp_randn(&p, &r, 3, 1), rp_randn(&p, &r, 1, 1) };
    mat *hdW[3] = { NULL, rp_randn(&p, &r, 3, 2), rp_randn(&p, &r, 1, 3) };
    mat *hdb[3] = { NULL, rp_randn(&p, &r, 3, 1), rp_randn(&p, &r, 1, 1) };
    update_case(&p, &cases[1], "seed 45: n_h 3, learning_rate 0.5", true, hW, hb, hdW, hdb, 0.5, true);
    return cases_done(&p, cases, 2);
}

/* ---- nn_model ------------------------------------------------------------------------- */

/* The trained parameters of the core's network: course-w3 init from `seed`, tanh, lr 1.2. */
static ex_value *train_core(const mat *X, const mat *Y, int n_h, int iters, uint32_t seed)
{
    int dims[3] = { (int)X->rows, n_h, 1 };
    nn_config cfg = nn_config_make(dims, 3, ACT_TANH, NN_INIT_COURSE_W3);
    cfg.seed = seed;
    nn_net *net = nn_new(&cfg);
    if (!net || nn_bind(net, X, Y) != NN_OK) {
        nn_free(net);
        return NULL;
    }
    for (int i = 0; i < iters; i++)
        nn_iterate(net, 1.2, false);
    mat *W[3] = { NULL, (mat *)nn_value_of(net, NN_W, 1), (mat *)nn_value_of(net, NN_W, 2) };
    mat *b[3] = { NULL, (mat *)nn_value_of(net, NN_B, 1), (mat *)nn_value_of(net, NN_B, 2) };
    ex_value *v = v_params(2, W, b, "W", "b");
    nn_free(net);
    return v;
}

static void nn_model_case(ref_pool *p, ex_case *c, const char *name, bool hidden, uint32_t seed, size_t nx,
                          size_t m, int n_h, int iters, bool pass_iters)
{
    ex_case_init(c, name, hidden, 1e-7, 1e-5);
    rng r;
    rng_seed(&r, seed);
    mat *X = rp_randn(p, &r, nx, m);
    mat *Y = bool_labels(p, &r, m);
    case_arg(p, c, "X", vm(X));
    case_arg(p, c, "Y", vm_bool(Y));
    case_arg(p, c, "n_h", vi(n_h));
    if (pass_iters)
        case_kwarg(p, c, "num_iterations", vi(iters));
    if (!X || !Y) {
        p->oom = true;
        return;
    }
    case_expect(p, c, train_core(X, Y, n_h, iters, 2));
    case_mistake(p, c, "seed_3", train_core(X, Y, n_h, iters, 3));
}

static int build_nn_model(ex_case *cases)
{
    ref_pool p = { .n = 0 };
    nn_model_case(&p, &cases[0], "seed 1: X (2, 3), Y (1, 3), n_h 4, 10000 iterations", false, 1, 2, 3, 4, 10000,
                  false);
    nn_model_case(&p, &cases[1], "seed 46: X (3, 6), Y (1, 6), n_h 3, 1000 iterations", true, 46, 3, 6, 3, 1000,
                  true);
    return cases_done(&p, cases, 2);
}

/* ---- predict ---------------------------------------------------------------------------- */

static void predict_case(ref_pool *p, ex_case *c, const char *name, bool hidden, mat *X, mat *W1, mat *b1, mat *W2,
                         mat *b2)
{
    ex_case_init(c, name, hidden, 0, 0);
    mat *W[3] = { NULL, W1, W2 }, *b[3] = { NULL, b1, b2 };
    case_arg(p, c, "parameters", v_params(2, W, b, "W", "b"));
    case_arg(p, c, "X", vm(X));
    fwd2 f = forward2(p, X, W1, b1, W2, b2, ACT_TANH);
    mat *P = rp_copy(p, f.A2);
    if (P)
        for (size_t i = 0; i < mat_size(P); i++)
            P->v[i] = P->v[i] > 0.5 ? 1 : 0;
    case_expect(p, c, vm_bool(P));
    case_mistake(p, c, "returns_probabilities", vm(f.A2));
}

static int build_predict(ex_case *cases)
{
    ref_pool p = { .n = 0 };
    static const double W1[] = { -0.00615039, 0.0169021, -0.02311792, 0.03137121,
                                 -0.0169217, -0.01752545, 0.00935436, -0.05018221 };
    static const double W2[] = { -0.0104319, -0.04019007, 0.01607211, 0.04440255 };
    static const double b1[] = { -8.97523455e-07, 8.15562092e-06, 6.04810633e-07, -2.54560700e-06 };
    static const double b2[] = { 9.14954378e-05 };
    rng r;
    rng_seed(&r, 1);
    mat *X = rp_randn(&p, &r, 2, 3);
    predict_case(&p, &cases[0], "seed 1: X (2, 3); the notebook's parameters", false, X, rp_lit(&p, 4, 2, W1),
                 rp_lit(&p, 4, 1, b1), rp_lit(&p, 1, 4, W2), rp_lit(&p, 1, 1, b2));
    rng_seed(&r, 47);
    mat *hX = rp_randn(&p, &r, 2, 9);
    mat *hW1 = rp_randn(&p, &r, 5, 2), *hb1 = rp_randn(&p, &r, 5, 1);
    mat *hW2 = rp_randn(&p, &r, 1, 5), *hb2 = rp_randn(&p, &r, 1, 1);
    predict_case(&p, &cases[1], "seed 47: X (2, 9), n_h 5", true, hX, hW1, hb1, hW2, hb2);
    return cases_done(&p, cases, 2);
}

static const ex_exc_pattern star_for_dot[] = {
    { "ValueError", "operands could not be broadcast", "star_for_dot" },
    { NULL, NULL, NULL },
};

static const ex_exc_pattern backward_patterns[] = {
    { "ValueError", "not aligned", "missing_transpose" },
    { "ValueError", "matmul: Input operand", "missing_transpose" },
    { "ValueError", "operands could not be broadcast", "tanh_prime_from_Z" },
    { NULL, NULL, NULL },
};

const ex_def ex_defs_w3a1[] = {
    { "w3a1", "layer_sizes", build_layer_sizes, { "n_x", "n_h", "n_y" }, NULL, NULL },
    { "w3a1", "initialize_parameters", build_initialize_parameters, { NULL }, NULL, NULL },
    { "w3a1", "forward_propagation", build_forward_propagation, { "A2", "cache" }, NULL, star_for_dot },
    { "w3a1", "compute_cost", build_compute_cost, { NULL }, NULL, NULL },
    { "w3a1", "backward_propagation", build_backward_propagation, { NULL }, NULL, backward_patterns },
    { "w3a1", "update_parameters", build_update_parameters, { NULL }, "in_place_update", NULL },
    { "w3a1", "nn_model", build_nn_model, { NULL }, NULL, NULL },
    { "w3a1", "predict", build_predict, { NULL }, NULL, NULL },
    { NULL, NULL, NULL, { NULL }, NULL, NULL },
};
