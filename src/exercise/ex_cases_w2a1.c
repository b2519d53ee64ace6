/*
 * ex_cases_w2a1.c — "Python basics with numpy" (week 2, assignment 1): the
 * small functions the core has no use for, so their reference maths is here.
 *
 *   basic_sigmoid(x)        σ(x) = 1 / (1 + e^(−x)) of one number (math.exp)
 *   sigmoid(x)              the same, element-wise (np.exp)
 *   sigmoid_derivative(x)   σ'(x) = σ(x)(1 − σ(x))
 *   image2vector(image)     (a, b, c) → (a·b·c, 1), numpy's C order
 *   normalize_rows(x)       x / ‖row‖₂, keepdims
 *   softmax(x)              e^x / Σ_row e^x
 *   L1(yhat, y)             Σ |y − ŷ|
 *   L2(yhat, y)             Σ (y − ŷ)²
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ex_ref.h"

#define TOL_A 1e-8
#define TOL_R 1e-6

static double sig(double z) { return act_value(ACT_SIGMOID, z); }
static double sig_minus(double z) { return 1.0 / (1.0 + exp(z)); }
static double sig_prime(double z) { double s = sig(z); return s * (1 - s); }
static double sig_twice_prime(double z) { double s = sig(sig(z)); return s * (1 - s); }
static double x_one_minus_x(double z) { return z * (1 - z); }

/* An array of any shape from literal values (float64 unless dtype says). */
static ex_value *v_nd(int ndim, const size_t *shape, const double *v, const char *dtype)
{
    ex_value *a = exv_array(ndim, shape);
    if (a) {
        memcpy(a->data, v, a->size * sizeof *v);
        if (dtype)
            snprintf(a->dtype, sizeof a->dtype, "%s", dtype);
    }
    return a;
}

/* The same shape as a, with f applied to every element (float64). */
static ex_value *v_map(const ex_value *a, double (*f)(double))
{
    ex_value *r = a ? exv_array(a->ndim, a->shape) : NULL;
    if (r)
        for (size_t i = 0; i < a->size; i++)
            r->data[i] = f(a->data[i]);
    return r;
}

/* ---- basic_sigmoid, sigmoid, sigmoid_derivative --------------------------- */

static int build_basic_sigmoid(ex_case *cases)
{
    ref_pool p = { .n = 0 };
    static const double xs[] = { 1, -2.5, 0.3 };
    for (int i = 0; i < 3; i++) {
        ex_case *c = &cases[i];
        char name[64];
        snprintf(name, sizeof name, "x = %g", xs[i]);
        ex_case_init(c, name, i > 0, 1e-12, 1e-10);
        case_arg(&p, c, "x", i == 0 ? vi(1) : vf(xs[i]));
        case_expect(&p, c, vf(sig(xs[i])));
        case_mistake(&p, c, "exp_without_minus", vf(sig_minus(xs[i])));
    }
    return cases_done(&p, cases, 3);
}

static void elementwise_case(ref_pool *p, ex_case *c, const char *name, bool hidden, ex_value *x,
                             double (*f)(double))
{
    ex_case_init(c, name, hidden, TOL_A, TOL_R);
    case_expect(p, c, v_map(x, f));
    if (f == sig_prime) {
        case_mistake(p, c, "sigmoid_applied_twice", v_map(x, sig_twice_prime));
        case_mistake(p, c, "no_sigmoid", v_map(x, x_one_minus_x));
    }
    case_arg(p, c, "x", x);
}

static ex_value *hidden_array(uint32_t seed, size_t rows, size_t cols)
{
    rng r;
    rng_seed(&r, seed);
    size_t shape[2] = { rows, cols };
    ex_value *v = exv_array(2, shape);
    if (v)
        for (size_t i = 0; i < v->size; i++)
            v->data[i] = 2 * rng_randn(&r);
    return v;
}

static int build_sigmoid(ex_case *cases)
{
    ref_pool p = { .n = 0 };
    static const double x[] = { 1, 2, 3 };
    size_t n3 = 3;
    elementwise_case(&p, &cases[0], "x = np.array([1, 2, 3])", false, v_nd(1, &n3, x, "int64"), sig);
    elementwise_case(&p, &cases[1], "seed 21: x (2, 3)", true, hidden_array(21, 2, 3), sig);
    return cases_done(&p, cases, 2);
}

static int build_sigmoid_derivative(ex_case *cases)
{
    ref_pool p = { .n = 0 };
    static const double x[] = { 1, 2, 3 };
    size_t n3 = 3;
    elementwise_case(&p, &cases[0], "x = np.array([1, 2, 3])", false, v_nd(1, &n3, x, "int64"), sig_prime);
    elementwise_case(&p, &cases[1], "seed 22: x (3, 2)", true, hidden_array(22, 3, 2), sig_prime);
    return cases_done(&p, cases, 2);
}

/* ---- image2vector ----------------------------------------------------------- */

static void image_case(ref_pool *p, ex_case *c, const char *name, bool hidden, ex_value *img)
{
    ex_case_init(c, name, hidden, 0, 0);
    if (img) {
        size_t col[2] = { img->size, 1 };
        case_expect(p, c, v_nd(2, col, img->data, NULL));
        case_mistake(p, c, "rank1", v_nd(1, &img->size, img->data, NULL));
    }
    case_arg(p, c, "image", img);
}

static int build_image2vector(ex_case *cases)
{
    ref_pool p = { .n = 0 };
    static const double image[] = {
        0.67826139, 0.29380381, 0.90714982, 0.52835647, 0.4215251, 0.45017551,
        0.92814219, 0.96677647, 0.85304703, 0.52351845, 0.19981397, 0.27417313,
        0.60659855, 0.00533165, 0.10820313, 0.49978937, 0.34144279, 0.94630077,
    };
    size_t s332[3] = { 3, 3, 2 }, s243[3] = { 2, 4, 3 };
    image_case(&p, &cases[0], "image (3, 3, 2)", false, v_nd(3, s332, image, NULL));
    rng r;
    rng_seed(&r, 23);
    double h[24];
    for (int i = 0; i < 24; i++)
        h[i] = rng_rand(&r);
    image_case(&p, &cases[1], "seed 23: image (2, 4, 3)", true, v_nd(3, s243, h, NULL));
    return cases_done(&p, cases, 2);
}

/* ---- normalize_rows, softmax ------------------------------------------------ */

/* out[i][j] = x[i][j] / d[k] with k = i (rows, right), k = j (a rank-1 d broadcast over rows). */
static ex_value *divide(const ex_value *x, const double *d, bool by_column_index)
{
    ex_value *r = x ? exv_array(2, x->shape) : NULL;
    if (r)
        for (size_t i = 0; i < x->shape[0]; i++)
            for (size_t j = 0; j < x->shape[1]; j++)
                r->data[i * x->shape[1] + j] = x->data[i * x->shape[1] + j] / d[by_column_index ? j : i];
    return r;
}

static void normalize_case(ref_pool *p, ex_case *c, const char *name, bool hidden, ex_value *x)
{
    ex_case_init(c, name, hidden, TOL_A, TOL_R);
    if (x) {
        size_t R = x->shape[0], C = x->shape[1];
        double rown[16] = { 0 }, coln[16] = { 0 };
        for (size_t i = 0; i < R; i++)
            for (size_t j = 0; j < C; j++) {
                double v = x->data[i * C + j];
                rown[i] += v * v;
                coln[j] += v * v;
            }
        for (size_t k = 0; k < 16; k++) {
            rown[k] = sqrt(rown[k]);
            coln[k] = sqrt(coln[k]);
        }
        case_expect(p, c, divide(x, rown, false));
        case_mistake(p, c, "columns_not_rows", divide(x, coln, true));
        if (R == C)
            case_mistake(p, c, "norm_without_keepdims", divide(x, rown, true));
    }
    case_arg(p, c, "x", x);
}

static int build_normalize_rows(ex_case *cases)
{
    ref_pool p = { .n = 0 };
    static const double x[] = { 0, 3, 4, 1, 6, 4 };
    size_t s23[2] = { 2, 3 };
    normalize_case(&p, &cases[0], "x = [[0, 3, 4], [1, 6, 4]]", false, v_nd(2, s23, x, "int64"));
    normalize_case(&p, &cases[1], "seed 24: x (3, 3)", true, hidden_array(24, 3, 3));
    return cases_done(&p, cases, 2);
}

static void softmax_case(ref_pool *p, ex_case *c, const char *name, bool hidden, ex_value *x)
{
    ex_case_init(c, name, hidden, 1e-12, TOL_R);
    if (x) {
        size_t R = x->shape[0], C = x->shape[1];
        ex_value *e = v_map(x, exp);
        double rows[16] = { 0 }, all = 0;
        for (size_t i = 0; e && i < R; i++)
            for (size_t j = 0; j < C; j++) {
                rows[i] += e->data[i * C + j];
                all += e->data[i * C + j];
            }
        double alls[16];
        for (int k = 0; k < 16; k++)
            alls[k] = all;
        case_expect(p, c, divide(e, rows, false));
        case_mistake(p, c, "sum_over_everything", divide(e, alls, false));
        if (R == C)
            case_mistake(p, c, "sum_without_keepdims", divide(e, rows, true));
        exv_free(e);
    }
    case_arg(p, c, "x", x);
}

static int build_softmax(ex_case *cases)
{
    ref_pool p = { .n = 0 };
    static const double x[] = { 9, 2, 5, 0, 0, 7, 5, 0, 0, 0 };
    size_t s25[2] = { 2, 5 };
    softmax_case(&p, &cases[0], "x = [[9, 2, 5, 0, 0], [7, 5, 0, 0, 0]]", false, v_nd(2, s25, x, "int64"));
    softmax_case(&p, &cases[1], "seed 25: x (3, 3)", true, hidden_array(25, 3, 3));
    return cases_done(&p, cases, 2);
}

/* ---- L1, L2 ------------------------------------------------------------------ */

static void loss_case(ref_pool *p, ex_case *c, const char *name, bool hidden, const double *yhat,
                      const double *y, size_t n, bool l2)
{
    ex_case_init(c, name, hidden, 1e-12, 1e-9);
    double l1 = 0, sq = 0, signed_sum = 0;
    for (size_t i = 0; i < n; i++) {
        double d = y[i] - yhat[i];
        l1 += fabs(d);
        sq += d * d;
        signed_sum += d;
    }
    case_arg(p, c, "yhat", v_nd(1, &n, yhat, NULL));
    case_arg(p, c, "y", v_nd(1, &n, y, "int64"));
    if (l2) {
        case_expect(p, c, vnp(sq));
        case_mistake(p, c, "square_root", vnp(sqrt(sq)));
    } else {
        case_expect(p, c, vnp(l1));
        case_mistake(p, c, "no_abs", vnp(signed_sum));
    }
}

static int build_loss(ex_case *cases, bool l2)
{
    ref_pool p = { .n = 0 };
    static const double yhat[] = { .9, .2, .1, .4, .9 }, y[] = { 1, 0, 0, 1, 1 };
    static const double hy[] = { 0, 1, 1, 0, 1, 0, 0 };
    loss_case(&p, &cases[0], "yhat = [.9, .2, .1, .4, .9], y = [1, 0, 0, 1, 1]", false, yhat, y, 5, l2);
    rng r;
    rng_seed(&r, 26);
    double hyhat[7];
    for (int i = 0; i < 7; i++)
        hyhat[i] = rng_rand(&r);
    loss_case(&p, &cases[1], "seed 26: yhat (7,), y (7,)", true, hyhat, hy, 7, l2);
    return cases_done(&p, cases, 2);
}

static int build_L1(ex_case *cases) { return build_loss(cases, false); }
static int build_L2(ex_case *cases) { return build_loss(cases, true); }

static const ex_exc_pattern math_exp[] = {
    { "TypeError", "only size-1 arrays", "math_exp_on_array" },
    { "TypeError", "only length-1 arrays", "math_exp_on_array" },
    { NULL, NULL, NULL },
};

static const ex_exc_pattern norm_keepdims[] = {
    { "ValueError", "operands could not be broadcast", "norm_without_keepdims" },
    { NULL, NULL, NULL },
};

static const ex_exc_pattern sum_keepdims[] = {
    { "ValueError", "operands could not be broadcast", "sum_without_keepdims" },
    { NULL, NULL, NULL },
};

const ex_def ex_defs_w2a1[] = {
    { "w2a1", "basic_sigmoid", build_basic_sigmoid, { NULL }, NULL, NULL },
    { "w2a1", "sigmoid", build_sigmoid, { NULL }, NULL, math_exp },
    { "w2a1", "sigmoid_derivative", build_sigmoid_derivative, { NULL }, NULL, NULL },
    { "w2a1", "image2vector", build_image2vector, { NULL }, NULL, NULL },
    { "w2a1", "normalize_rows", build_normalize_rows, { NULL }, NULL, norm_keepdims },
    { "w2a1", "softmax", build_softmax, { NULL }, NULL, sum_keepdims },
    { "w2a1", "L1", build_L1, { NULL }, NULL, NULL },
    { "w2a1", "L2", build_L2, { NULL }, NULL, NULL },
    { NULL, NULL, NULL, { NULL }, NULL, NULL },
};
