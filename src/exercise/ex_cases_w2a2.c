/*
 * ex_cases_w2a2.c — "Logistic regression with a neural network mindset"
 * (week 2, assignment 2): one sigmoid unit, w (n, 1) and a number b.
 *
 *   A = σ(wᵀX + b)                     (1, m)
 *   J = −(1/m) Σ [y log a + (1 − y) log(1 − a)]       (cost_cross_entropy)
 *   dw = (1/m) X (A − Y)ᵀ,  db = (1/m) Σ (A − Y)
 *   w := w − α dw,  b := b − α db;  the cost kept every 100 iterations
 *   prediction: 1.0 where A > 0.5, else 0.0
 */
#include <math.h>
#include <stdio.h>

#include "cost.h"
#include "ex_ref.h"

#define TOL_A 1e-8
#define TOL_R 1e-6

/* A = σ(wᵀX + b) */
static mat *lr_forward(ref_pool *p, const mat *w, double b, const mat *X)
{
    mat *Z = rp_dot_tn(p, w, X);
    if (Z)
        for (size_t i = 0; i < mat_size(Z); i++)
            Z->v[i] += b;
    return rp_act(p, ACT_SIGMOID, Z);
}

typedef struct lr_grad {
    mat *dw;
    double db, cost;
} lr_grad;

/* The gradients and cost of propagate; scale multiplies dw and db (m for
 * the missing 1/m), dz_sign is −1 for dZ = Y − A. */
static lr_grad lr_propagate(ref_pool *p, const mat *w, double b, const mat *X, const mat *Y, double scale,
                            double dz_sign)
{
    lr_grad g = { NULL, NAN, NAN };
    mat *A = lr_forward(p, w, b, X);
    mat *dZ = rp_sub(p, A, Y);
    if (!A || !dZ)
        return g;
    double m = (double)X->cols;
    mat_scale(dZ, dz_sign);
    g.dw = rp_scale(p, rp_dot_nt(p, X, dZ), scale / m);
    double s = 0;
    for (size_t i = 0; i < mat_size(dZ); i++)
        s += dZ->v[i];
    g.db = s * scale / m;
    g.cost = cost_cross_entropy(A, Y);
    return g;
}

/* ---- sigmoid, initialize_with_zeros -------------------------------------- */

static int build_sigmoid(ex_case *cases)
{
    ref_pool p = { .n = 0 };
    static const double z[] = { 0, 2 };
    mat *Z = rp_lit(&p, 1, 2, z);
    ex_case_init(&cases[0], "z = np.array([0, 2])", false, TOL_A, TOL_R);
    case_arg(&p, &cases[0], "z", vm_rank1(Z));
    if (cases[0].args[0])
        snprintf(cases[0].args[0]->dtype, sizeof cases[0].args[0]->dtype, "int64");
    case_expect(&p, &cases[0], vm_rank1(rp_act(&p, ACT_SIGMOID, Z)));
    ex_case_init(&cases[1], "z = 1", false, TOL_A, TOL_R);
    case_arg(&p, &cases[1], "z", vi(1));
    case_expect(&p, &cases[1], vnp(act_value(ACT_SIGMOID, 1)));
    rng r;
    rng_seed(&r, 31);
    mat *H = rp_randn(&p, &r, 2, 3);
    ex_case_init(&cases[2], "seed 31: z (2, 3)", true, TOL_A, TOL_R);
    case_arg(&p, &cases[2], "z", vm(H));
    case_expect(&p, &cases[2], vm(rp_act(&p, ACT_SIGMOID, H)));
    return cases_done(&p, cases, 3);
}

static void zeros_case(ref_pool *p, ex_case *c, bool hidden, int dim)
{
    char name[32];
    snprintf(name, sizeof name, "dim = %d", dim);
    ex_case_init(c, name, hidden, 0, 0);
    mat *w = rp_zeros(p, (size_t)dim, 1);
    case_arg(p, c, "dim", vi(dim));
    case_expect(p, c, v_tuple(2, vm(w), vf(0.0)));
    case_mistake(p, c, "rank1_w", v_tuple(2, vm_rank1(w), vf(0.0)));
    case_mistake(p, c, "b_int", v_tuple(2, vm(w), vi(0)));
}

static int build_initialize_with_zeros(ex_case *cases)
{
    ref_pool p = { .n = 0 };
    zeros_case(&p, &cases[0], false, 2);
    zeros_case(&p, &cases[1], false, 3);
    zeros_case(&p, &cases[2], true, 7);
    return cases_done(&p, cases, 3);
}

/* ---- propagate ------------------------------------------------------------ */

static ex_value *propagate_value(const lr_grad *g)
{
    return v_tuple(2, v_dict(2, "dw", vm(g->dw), "db", vnp(g->db)), vnp(g->cost));
}

static void propagate_case(ref_pool *p, ex_case *c, const char *name, bool hidden, mat *w, double b, mat *X,
                           mat *Y)
{
    ex_case_init(c, name, hidden, TOL_A, TOL_R);
    case_arg(p, c, "w", vm(w));
    case_arg(p, c, "b", vf(b));
    case_arg(p, c, "X", vm(X));
    case_arg(p, c, "Y", vm_int(Y));
    double m = X ? (double)X->cols : 1;
    lr_grad g = lr_propagate(p, w, b, X, Y, 1, 1);
    case_expect(p, c, propagate_value(&g));
    lr_grad g_m = lr_propagate(p, w, b, X, Y, m, 1);
    case_mistake(p, c, "missing_1_over_m", v_tuple(2, v_dict(2, "dw", vm(g_m.dw), "db", vnp(g_m.db)), vnp(g.cost)));
    case_mistake(p, c, "cost_without_minus", v_tuple(2, v_dict(2, "dw", vm(g.dw), "db", vnp(g.db)), vnp(-g.cost)));
    lr_grad g_s = lr_propagate(p, w, b, X, Y, 1, -1);
    case_mistake(p, c, "dz_sign", v_tuple(2, v_dict(2, "dw", vm(g_s.dw), "db", vnp(g_s.db)), vnp(g.cost)));
}

static void random_lr_data(ref_pool *p, uint32_t seed, size_t n, size_t m, mat **w, mat **X, mat **Y)
{
    rng r;
    rng_seed(&r, seed);
    *w = rp_randn(p, &r, n, 1);
    *X = rp_randn(p, &r, n, m);
    *Y = rp_rand(p, &r, 1, m);
    if (*Y)
        for (size_t i = 0; i < m; i++)
            (*Y)->v[i] = (*Y)->v[i] > 0.5 ? 1 : 0;
}

static int build_propagate(ex_case *cases)
{
    ref_pool p = { .n = 0 };
    static const double w1[] = { 1, 2 }, X1[] = { 1, -2, -1, 3, 0.5, -3.2 }, Y1[] = { 1, 1, 0 };
    propagate_case(&p, &cases[0], "w [[1], [2]], b 1.5, X (2, 3), Y [[1, 1, 0]]", false, rp_lit(&p, 2, 1, w1), 1.5,
                   rp_lit(&p, 2, 3, X1), rp_lit(&p, 1, 3, Y1));
    static const double w2[] = { 1, 2, -1 }, X2[] = { 1, 2, -1, 0, 3, 4, -3.2, 1, 3, 4, -3.2, -3.5 },
                        Y2[] = { 1, 1, 0, 0 };
    propagate_case(&p, &cases[1], "w [[1], [2], [-1]], b 2.5, X (3, 4), Y [[1, 1, 0, 0]]", false,
                   rp_lit(&p, 3, 1, w2), 2.5, rp_lit(&p, 3, 4, X2), rp_lit(&p, 1, 4, Y2));
    mat *w, *X, *Y;
    random_lr_data(&p, 32, 4, 6, &w, &X, &Y);
    propagate_case(&p, &cases[2], "seed 32: w (4, 1), b -0.4, X (4, 6), Y (1, 6)", true, w, -0.4, X, Y);
    return cases_done(&p, cases, 3);
}

/* ---- optimize --------------------------------------------------------------- */

typedef struct lr_run {
    mat *w;
    double b;
    lr_grad last;
    ex_value *costs;       /* every 100th */
    ex_value *all_costs;   /* every iteration */
} lr_run;

static lr_run lr_optimize(ref_pool *p, const mat *w0, double b0, const mat *X, const mat *Y, int iters, double lr,
                          bool plus)
{
    lr_run run = { rp_copy(p, w0), b0, { NULL, NAN, NAN }, exv_list(), exv_list() };
    for (int i = 0; i < iters && run.w; i++) {
        run.last = lr_propagate(p, run.w, run.b, X, Y, 1, 1);
        if (!run.last.dw)
            break;
        if (i % 100 == 0 && !exv_push(run.costs, vnp(run.last.cost)))
            run.costs = NULL;
        if (!exv_push(run.all_costs, vnp(run.last.cost)))
            run.all_costs = NULL;
        mat_axpy_neg(run.w, plus ? -lr : lr, run.last.dw);
        run.b = plus ? run.b + lr * run.last.db : run.b - lr * run.last.db;
        /* the pool holds at most RP_MAX matrices: recycle this iteration's */
        if (p->n > RP_MAX - 16) {
            mat *keep = mat_clone(run.w);
            mat *dw = mat_clone(run.last.dw);
            rp_free_all(p);
            run.w = keep ? rp_copy(p, keep) : NULL;
            run.last.dw = dw ? rp_copy(p, dw) : NULL;
            mat_free(keep);
            mat_free(dw);
        }
    }
    return run;
}

static ex_value *optimize_value(const lr_run *r, bool all)
{
    return v_tuple(3, v_dict(2, "w", vm(r->w), "b", vnp(r->b)),
                   v_dict(2, "dw", vm(r->last.dw), "db", vnp(r->last.db)),
                   exv_clone(all ? r->all_costs : r->costs));
}

static void optimize_case(ref_pool *p, ex_case *c, const char *name, bool hidden, const double *w0, size_t n,
                          double b, const double *X0, size_t m, const double *Y0, int iters, double lr)
{
    ex_case_init(c, name, hidden, 1e-8, 1e-6);
    mat *w = rp_lit(p, n, 1, w0), *X = rp_lit(p, n, m, X0), *Y = rp_lit(p, 1, m, Y0);
    case_arg(p, c, "w", vm(w));
    case_arg(p, c, "b", vf(b));
    case_arg(p, c, "X", vm(X));
    case_arg(p, c, "Y", vm_int(Y));
    case_kwarg(p, c, "num_iterations", vi(iters));
    case_kwarg(p, c, "learning_rate", vf(lr));
    case_kwarg(p, c, "print_cost", exv_bool(false));
    /* keep the inputs: lr_optimize may recycle the pool */
    mat *wk = mat_clone(w), *Xk = mat_clone(X), *Yk = mat_clone(Y);
    if (!wk || !Xk || !Yk) {
        p->oom = true;
    } else {
        lr_run r = lr_optimize(p, wk, b, Xk, Yk, iters, lr, false);
        case_expect(p, c, optimize_value(&r, false));
        case_mistake(p, c, "costs_every_iteration", optimize_value(&r, true));
        exv_free(r.costs);
        exv_free(r.all_costs);
        lr_run q = lr_optimize(p, wk, b, Xk, Yk, iters, lr, true);
        case_mistake(p, c, "plus_in_update", optimize_value(&q, false));
        exv_free(q.costs);
        exv_free(q.all_costs);
    }
    mat_free(wk);
    mat_free(Xk);
    mat_free(Yk);
}

static int build_optimize(ex_case *cases)
{
    ref_pool p = { .n = 0 };
    static const double w1[] = { 1, 2 }, X1[] = { 1, -2, -1, 3, 0.5, -3.2 }, Y1[] = { 1, 1, 0 };
    optimize_case(&p, &cases[0], "the propagate case, 100 iterations, learning_rate 0.009", false, w1, 2, 1.5, X1, 3,
                  Y1, 100, 0.009);
    static const double X2[] = { 1, 2, -1, 3, 4, -3.2 }, Y2[] = { 1, 0, 1 };
    optimize_case(&p, &cases[1], "b 2, X (2, 3), Y [[1, 0, 1]], 101 iterations, learning_rate 0.1", false, w1, 2,
                  2.0, X2, 3, Y2, 101, 0.1);
    static const double w3[] = { 0.2, -0.1, 0.4 }, X3[] = { 0.5, -1, 2, 0, 1.5, -0.5, 1, 1, -2, 0.3, 0.7, -1.2 },
                        Y3[] = { 1, 0, 1, 0 };
    optimize_case(&p, &cases[2], "w (3, 1), X (3, 4), 250 iterations, learning_rate 0.05", true, w3, 3, -0.2, X3, 4,
                  Y3, 250, 0.05);
    return cases_done(&p, cases, 3);
}

/* ---- predict ----------------------------------------------------------------- */

static mat *lr_predict(ref_pool *p, const mat *w, double b, const mat *X)
{
    mat *A = lr_forward(p, w, b, X);
    mat *P = rp_copy(p, A);
    if (P)
        for (size_t i = 0; i < mat_size(P); i++)
            P->v[i] = P->v[i] > 0.5 ? 1.0 : 0.0;
    return P;
}

static void predict_case(ref_pool *p, ex_case *c, const char *name, bool hidden, mat *w, double b, mat *X)
{
    ex_case_init(c, name, hidden, 0, 0);
    case_arg(p, c, "w", vm(w));
    case_arg(p, c, "b", vf(b));
    case_arg(p, c, "X", vm(X));
    case_expect(p, c, vm(lr_predict(p, w, b, X)));
    case_mistake(p, c, "no_bias", vm(lr_predict(p, w, 0, X)));
}

static int build_predict(ex_case *cases)
{
    ref_pool p = { .n = 0 };
    static const double w1[] = { 0.1124579, 0.23106775 }, X1[] = { 1, -1.1, -3.2, 1.2, 2, 0.1 };
    predict_case(&p, &cases[0], "w (2, 1), b -0.3, X (2, 3)", false, rp_lit(&p, 2, 1, w1), -0.3, rp_lit(&p, 2, 3, X1));
    static const double w2[] = { 0.3, 0.5, -0.2 }, X2[] = { 1, -0.3, 1.5, 2, 0, 1, 0, -1.5, 2 };
    predict_case(&p, &cases[1], "w (3, 1), b -0.33333, X (3, 3)", false, rp_lit(&p, 3, 1, w2), -0.33333,
                 rp_lit(&p, 3, 3, X2));
    mat *w, *X, *Y;
    random_lr_data(&p, 33, 3, 8, &w, &X, &Y);
    predict_case(&p, &cases[2], "seed 33: w (3, 1), b 0.2, X (3, 8)", true, w, 0.2, X);
    return cases_done(&p, cases, 3);
}

/* ---- model --------------------------------------------------------------------- */

/* The dict model returns after iters iterations at lr; it reports said_iters and said_lr
 * (the arguments it was given, also when it trained with others). */
static ex_value *model_value(ref_pool *p, const mat *Xtr, const mat *Ytr, const mat *Xte, int iters, double lr,
                             int said_iters, double said_lr)
{
    mat *w0 = mat_new(Xtr->rows, 1);
    if (!w0)
        return NULL;
    lr_run r = lr_optimize(p, w0, 0.0, Xtr, Ytr, iters, lr, false);
    mat_free(w0);
    ex_value *v = v_dict(7, "costs", exv_clone(r.costs), "Y_prediction_test", vm(lr_predict(p, r.w, r.b, Xte)),
                         "Y_prediction_train", vm(lr_predict(p, r.w, r.b, Xtr)), "w", vm(r.w), "b", vnp(r.b),
                         "learning_rate", vf(said_lr), "num_iterations", vi(said_iters));
    exv_free(r.costs);
    exv_free(r.all_costs);
    return v;
}

static void model_case(ref_pool *p, ex_case *c, const char *name, bool hidden, uint32_t seed, size_t n, size_t mtr,
                       size_t mte, const double *ytr, const double *yte, int iters, double lr)
{
    ex_case_init(c, name, hidden, 1e-8, 1e-6);
    rng r;
    rng_seed(&r, seed);
    mat *Xtr = mat_new(n, mtr), *Xte = mat_new(n, mte), *Ytr = mat_new(1, mtr), *Yte = mat_new(1, mte);
    if (!Xtr || !Xte || !Ytr || !Yte) {
        p->oom = true;
    } else {
        rng_fill_randn(&r, Xtr);
        rng_fill_randn(&r, Xte);
        for (size_t i = 0; i < mtr; i++)
            Ytr->v[i] = ytr[i];
        for (size_t i = 0; i < mte; i++)
            Yte->v[i] = yte[i];
        case_arg(p, c, "X_train", vm(Xtr));
        case_arg(p, c, "Y_train", vm_int(Ytr));
        case_arg(p, c, "X_test", vm(Xte));
        case_arg(p, c, "Y_test", vm_int(Yte));
        case_kwarg(p, c, "num_iterations", vi(iters));
        case_kwarg(p, c, "learning_rate", vf(lr));
        case_kwarg(p, c, "print_cost", exv_bool(false));
        case_expect(p, c, model_value(p, Xtr, Ytr, Xte, iters, lr, iters, lr));
        case_mistake(p, c, "ignores_arguments", model_value(p, Xtr, Ytr, Xte, 100, 0.009, iters, lr));
    }
    mat_free(Xtr);
    mat_free(Xte);
    mat_free(Ytr);
    mat_free(Yte);
}

static int build_model(ex_case *cases)
{
    ref_pool p = { .n = 0 };
    static const double ytr[] = { 1, 0, 0, 1, 0, 0, 1 }, yte[] = { 0, 1, 0 };
    model_case(&p, &cases[0], "seed 0: X_train (4, 7), X_test (4, 3), 50 iterations, learning_rate 0.01", false, 0,
               4, 7, 3, ytr, yte, 50, 0.01);
    static const double htr[] = { 0, 1, 1, 0, 1, 0, 1, 1, 0 }, hte[] = { 1, 0, 1, 0 };
    model_case(&p, &cases[1], "seed 34: X_train (3, 9), X_test (3, 4), 150 iterations, learning_rate 0.1", true, 34,
               3, 9, 4, htr, hte, 150, 0.1);
    return cases_done(&p, cases, 2);
}

static const ex_exc_pattern math_exp[] = {
    { "TypeError", "only size-1 arrays", "math_exp_on_array" },
    { "TypeError", "only length-1 arrays", "math_exp_on_array" },
    { NULL, NULL, NULL },
};

const ex_def ex_defs_w2a2[] = {
    { "w2a2", "sigmoid", build_sigmoid, { NULL }, NULL, math_exp },
    { "w2a2", "initialize_with_zeros", build_initialize_with_zeros, { "w", "b" }, NULL, NULL },
    { "w2a2", "propagate", build_propagate, { "grads", "cost" }, NULL, NULL },
    { "w2a2", "optimize", build_optimize, { "params", "grads", "costs" }, "in_place_update", NULL },
    { "w2a2", "predict", build_predict, { NULL }, NULL, NULL },
    { "w2a2", "model", build_model, { NULL }, NULL, NULL },
    { NULL, NULL, NULL, { NULL }, NULL, NULL },
};
