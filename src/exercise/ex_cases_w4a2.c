/*
 * ex_cases_w4a2.c — "Deep Neural Network for Image Classification: Application"
 * (week 4, assignment 2): the cases of two_layer_model and L_layer_model.
 *
 * Both models seed numpy with 1, initialise through the dnn_app_utils helpers
 * and train by plain gradient descent; they return (parameters, costs) with
 * the cost of iterations 0, 100, 200, … The expected values are the core's
 * network trained the same way (the stepper's and the trainer's operations):
 *
 *   two_layer_model   LINEAR → RELU → LINEAR → SIGMOID, W = randn · 0.01 from seed(1)
 *                     (the core's course-w3 initialisation with seed 1)
 *   L_layer_model     [LINEAR → RELU] × (L−1) → LINEAR → SIGMOID,
 *                     W[l] = randn(n[l], n[l−1]) / √n[l−1] from seed(1)   (course-w4)
 *
 * The cases, per model:
 *   - the course's public test: seed(1), X = randn(10, 10), Y = [[1 1 1 1 0 0 0 1 1 0]],
 *     learning rate 0.0075 for 2 iterations and 0.02 for 3 (published costs and weights);
 *   - the notebook's run at a size a check can afford: the course's layer dims
 *     ((n_x, 7, 1) and [n_x, 20, 7, 5, 1]), learning rate 0.0075, 2500 iterations,
 *     on 40 "pictures" of 8×8×3 bytes / 255 drawn here (the shape of the course's
 *     cat data after X = x.reshape(m, −1).T / 255, without its files);
 *   - a hidden case of other sizes, seed and learning rate, with 150 iterations
 *     (two recorded costs), so a function with sizes or a rate written in fails.
 *
 * Tolerances: |got − want| ≤ 1e-7 + 1e-5·|want| for every weight and cost.
 * numpy sums in another order than the core; over 2500 iterations the two
 * drift apart by ~1e-10 relative, far inside that.
 */
#include <math.h>

#include "ex_ref.h"
#include "network.h"

#define TOL_A 1e-7
#define TOL_R 1e-5
#define COST_EVERY 100

/* How a model is trained, right or with a usual mistake. */
typedef enum w4_variant {
    W4_RIGHT,
    W4_COSTS_EVERY_ITERATION,  /* costs.append(cost) at every iteration */
    W4_WEIGHTS_NOT_REFRESHED,  /* W1 … b2 never read back: every gradient is the first one */
} w4_variant;

/* The (parameters, costs) the model returns when trained on X, Y; NULL on no memory. */
static ex_value *train(const mat *X, const mat *Y, const int *dims, int count, double lr, int iters,
                       w4_variant how)
{
    bool two = count == 3;
    nn_config cfg = nn_config_make(dims, count, ACT_RELU, two ? NN_INIT_COURSE_W3 : NN_INIT_COURSE_W4);
    cfg.seed = 1;
    nn_net *net = nn_new(&cfg);
    ex_value *costs = exv_list();
    mat *W[NN_LAYERS_MAX] = { NULL }, *b[NN_LAYERS_MAX] = { NULL };
    ex_value *out = NULL;
    int L = count - 1;
    if (!net || !costs || nn_bind(net, X, Y) != NN_OK)
        goto done;
    for (int l = 1; l <= L; l++)
        if (!(W[l] = mat_clone(nn_value_of(net, NN_W, l))) || !(b[l] = mat_clone(nn_value_of(net, NN_B, l))))
            goto done;
    for (int i = 0; i < iters; i++) {
        bool record = how == W4_COSTS_EVERY_ITERATION || i % COST_EVERY == 0;
        if (how == W4_WEIGHTS_NOT_REFRESHED) {
            /* the gradients of the first weights, subtracted again and again */
            if (i == 0 && nn_iterate(net, lr, true) != NN_OK)
                goto done;
            for (int l = 1; l <= L; l++) {
                mat_axpy_neg(W[l], lr, nn_value_of(net, NN_DW, l));
                mat_axpy_neg(b[l], lr, nn_value_of(net, NN_DB, l));
            }
        } else if (nn_iterate(net, lr, record) == NN_BAD_ARGUMENT) {
            goto done;
        }
        if (record && !exv_push(costs, vnp(nn_cost(net)))) {
            costs = NULL;
            goto done;
        }
    }
    if (how != W4_WEIGHTS_NOT_REFRESHED)
        for (int l = 1; l <= L; l++) {
            mat_copy(W[l], nn_value_of(net, NN_W, l));
            mat_copy(b[l], nn_value_of(net, NN_B, l));
        }
    out = v_tuple(2, v_params(L, W, b, "W", "b"), costs);
    costs = NULL;
done:
    for (int l = 1; l <= L; l++) {
        mat_free(W[l]);
        mat_free(b[l]);
    }
    exv_free(costs);
    nn_free(net);
    return out;
}

/* 0 or 1 as an int64 array. */
static mat *labels_lit(ref_pool *p, const char *bits)
{
    size_t m = 0;
    while (bits[m])
        m++;
    mat *Y = rp_zeros(p, 1, m);
    for (size_t i = 0; Y && i < m; i++)
        Y->v[i] = bits[i] == '1';
    return Y;
}

/*
 * m pictures of side × side × 3 bytes as the notebook feeds them, X (n_x, m)
 * with every value byte / 255, drawn from seed: the bytes are
 * ⌊256·rand⌋ column after column; a picture is a cat (1) when its red
 * channel is brighter on average than its blue one.
 */
static void pictures(ref_pool *p, uint32_t seed, size_t side, size_t m, mat **X, mat **Y)
{
    size_t nx = side * side * 3;
    rng r;
    rng_seed(&r, seed);
    *X = rp_zeros(p, nx, m);
    *Y = rp_zeros(p, 1, m);
    if (!*X || !*Y)
        return;
    for (size_t j = 0; j < m; j++) {
        double red = 0, blue = 0;
        for (size_t k = 0; k < nx; k++) {
            double byte = floor(256 * rng_rand(&r));
            mat_set(*X, k, j, byte / 255);
            if (k % 3 == 0)
                red += byte;
            else if (k % 3 == 2)
                blue += byte;
        }
        (*Y)->v[j] = red > blue;
    }
}

static ex_value *v_dims(const int *dims, int count)
{
    ex_value *t = exv_tuple();
    for (int k = 0; k < count && t; k++)
        if (!exv_push(t, vi(dims[k])))
            t = NULL;
    return t;
}

/* One case of a model: the arguments as the course passes them, the expected
 * result and the usual wrong ones. */
static void model_case(ref_pool *p, ex_case *c, const char *name, bool hidden, const mat *X, const mat *Y,
                       const int *dims, int count, double lr, int iters)
{
    ex_case_init(c, name, hidden, TOL_A, TOL_R);
    case_arg(p, c, "X", vm(X));
    case_arg(p, c, "Y", vm_int(Y));
    case_arg(p, c, "layers_dims", v_dims(dims, count));
    case_kwarg(p, c, "learning_rate", vf(lr));
    case_kwarg(p, c, "num_iterations", vi(iters));
    if (!X || !Y) {
        p->oom = true;
        return;
    }
    case_expect(p, c, train(X, Y, dims, count, lr, iters, W4_RIGHT));
    if (lr != 0.0075)
        case_mistake(p, c, "hardcoded_learning_rate", train(X, Y, dims, count, 0.0075, iters, W4_RIGHT));
    if (iters > 1)
        case_mistake(p, c, "costs_every_iteration", train(X, Y, dims, count, lr, iters, W4_COSTS_EVERY_ITERATION));
    if (count == 3 && iters > 1)
        case_mistake(p, c, "weights_not_refreshed", train(X, Y, dims, count, lr, iters, W4_WEIGHTS_NOT_REFRESHED));
}

/* The cases of a model whose public-test dims are small and whose course dims are course[]. */
static int build_model(ex_case *cases, const int *small, int count, const int *hid, const int *course)
{
    ref_pool p = { .n = 0 };
    rng r;
    rng_seed(&r, 1);
    mat *X = rp_randn(&p, &r, 10, 10);
    mat *Y = labels_lit(&p, "1111000110");
    bool two = count == 3;
    model_case(&p, &cases[0], two ? "seed 1: X (10, 10), (10, 4, 1), rate 0.0075, 2 iterations"
                                  : "seed 1: X (10, 10), (10, 5, 6, 1), rate 0.0075, 2 iterations",
               false, X, Y, small, count, 0.0075, 2);
    model_case(&p, &cases[1], two ? "seed 1: X (10, 10), (10, 4, 1), rate 0.02, 3 iterations"
                                  : "seed 1: X (10, 10), (10, 5, 6, 1), rate 0.02, 3 iterations",
               false, X, Y, small, count, 0.02, 3);
    mat *Xp, *Yp;
    pictures(&p, 7, 8, 40, &Xp, &Yp);
    model_case(&p, &cases[2], two ? "40 pictures 8x8x3 (seed 7), (192, 7, 1), 2500 iterations"
                                  : "40 pictures 8x8x3 (seed 7), [192, 20, 7, 5, 1], 2500 iterations",
               false, Xp, Yp, course, two ? 3 : 5, 0.0075, 2500);
    rng_seed(&r, 21);
    mat *Xh = rp_randn(&p, &r, (size_t)hid[0], 14);
    mat *u = rp_rand(&p, &r, 1, 14);
    for (size_t i = 0; u && i < 14; i++)
        u->v[i] = u->v[i] > 0.5;
    model_case(&p, &cases[3], two ? "seed 21: X (6, 14), (6, 3, 1), rate 0.05, 150 iterations"
                                  : "seed 21: X (6, 14), (6, 4, 3, 1), rate 0.05, 150 iterations",
               true, Xh, u, hid, count, 0.05, 150);
    return cases_done(&p, cases, 4);
}

static int build_two_layer_model(ex_case *cases)
{
    static const int small[] = { 10, 4, 1 }, hid[] = { 6, 3, 1 }, course[] = { 192, 7, 1 };
    return build_model(cases, small, 3, hid, course);
}

static int build_L_layer_model(ex_case *cases)
{
    static const int small[] = { 10, 5, 6, 1 }, hid[] = { 6, 4, 3, 1 }, course[] = { 192, 20, 7, 5, 1 };
    return build_model(cases, small, 4, hid, course);
}

const ex_def ex_defs_w4a2[] = {
    { "w4a2", "two_layer_model", build_two_layer_model, { "parameters", "costs" }, NULL, NULL },
    { "w4a2", "L_layer_model", build_L_layer_model, { "parameters", "costs" }, NULL, NULL },
    { NULL, NULL, NULL, { NULL }, NULL, NULL },
};
