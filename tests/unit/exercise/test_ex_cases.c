/*
 * The exercise layer without Python: the visible cases' expected values are
 * the ones the course's notebooks print, values make the JSON round trip
 * bit for bit, comparisons give the verdict a learner needs first, and every
 * recognised mistake has a sentence in both languages.
 */
#include <stdlib.h>
#include <string.h>

#include "dnn_test.h"
#include "ex_case.h"
#include "ex_check.h"
#include "ex_text.h"
#include "ex_value.h"

#define PUB 5e-9 /* the notebooks print 8 decimals */

typedef struct built {
    ex_case cases[EX_MAX_CASES];
    int n;
} built;

static built *build(const char *id)
{
    const ex_def *d = ex_def_find(id);
    assert_non_null(d);
    built *b = calloc(1, sizeof *b);
    assert_non_null(b);
    b->n = d->build(b->cases);
    assert_true(b->n > 0);
    return b;
}

static void built_free(built *b)
{
    for (int i = 0; i < b->n; i++)
        ex_case_clear(&b->cases[i]);
    free(b);
}

/* The array at a path of tuple indexes / dict keys ("0", "W1", "1.0"). */
static const ex_value *at(const ex_value *v, const char *path)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *tok = strtok(buf, "."); tok && v; tok = strtok(NULL, ".")) {
        if (v->kind == EXV_DICT)
            v = exv_get(v, tok);
        else if ((v->kind == EXV_TUPLE || v->kind == EXV_LIST) && atoi(tok) < v->n)
            v = v->items[atoi(tok)];
        else
            return NULL;
    }
    return v;
}

static void expect_array(const ex_value *v, size_t rows, size_t cols, const double *want)
{
    assert_non_null(v);
    assert_int_equal(v->kind, EXV_ARRAY);
    assert_int_equal(v->ndim, 2);
    assert_int_equal(v->shape[0], rows);
    assert_int_equal(v->shape[1], cols);
    for (size_t i = 0; i < rows * cols; i++)
        assert_near(v->data[i], want[i], PUB);
}

static void linear_forward_expects_the_notebooks_Z(void **state)
{
    (void)state;
    built *b = build("w4a1/linear_forward");
    static const double Z[] = { 3.26295337, -1.23429987 };
    assert_false(b->cases[0].hidden);
    expect_array(at(b->cases[0].expected, "0"), 1, 2, Z);
    /* the cache is (A, W, b), the inputs themselves */
    assert_int_equal(at(b->cases[0].expected, "1")->kind, EXV_TUPLE);
    assert_int_equal(at(b->cases[0].expected, "1")->n, 3);
    built_free(b);
}

static void linear_activation_forward_expects_sigmoid_and_relu(void **state)
{
    (void)state;
    built *b = build("w4a1/linear_activation_forward");
    static const double sig[] = { 0.96890023, 0.11013289 }, relu[] = { 3.43896131, 0.0 };
    expect_array(at(b->cases[0].expected, "0"), 1, 2, sig);
    expect_array(at(b->cases[1].expected, "0"), 1, 2, relu);
    built_free(b);
}

static void L_model_forward_expects_the_published_AL(void **state)
{
    (void)state;
    built *b = build("w4a1/L_model_forward");
    static const double AL[] = { 0.03921668, 0.70498921, 0.19734387, 0.04728177 };
    expect_array(at(b->cases[0].expected, "0"), 1, 4, AL);
    assert_int_equal(at(b->cases[0].expected, "1")->n, 3);
    built_free(b);
}

static void compute_cost_expects_the_published_cost(void **state)
{
    (void)state;
    built *b = build("w4a1/compute_cost");
    double J;
    assert_true(exv_scalar(b->cases[0].expected, &J));
    assert_close(J, 0.2797765635793422, 1e-14, 0);
    built_free(b);
}

static void linear_backward_expects_the_newer_notebooks_values(void **state)
{
    (void)state;
    built *b = build("w4a1/linear_backward");
    static const double db[] = { -0.14713786, -0.11313155, -0.13209101 };
    static const double dW0[] = { 0.07313866, -0.0976715, -0.87585828, 0.73763362, 0.00785716 };
    static const double dA0[] = { -1.15171336, 0.06718465, -0.3204696, 2.09812712 };
    const ex_value *e = b->cases[0].expected;
    expect_array(at(e, "2"), 3, 1, db);
    for (int i = 0; i < 5; i++)
        assert_near(at(e, "1")->data[i], dW0[i], PUB);
    for (int i = 0; i < 4; i++)
        assert_near(at(e, "0")->data[i], dA0[i], PUB);
    built_free(b);
}

static void linear_activation_backward_expects_both_triples(void **state)
{
    (void)state;
    built *b = build("w4a1/linear_activation_backward");
    static const double sdA[] = { 0.11017994, 0.01105339, 0.09466817, 0.00949723, -0.05743092, -0.00576154 };
    static const double sdW[] = { 0.10266786, 0.09778551, -0.01968084 }, sdb[] = { -0.05729622 };
    static const double rdA[] = { 0.44090989, 0, 0.37883606, 0, -0.2298228, 0 };
    static const double rdW[] = { 0.44513824, 0.37371418, -0.10478989 }, rdb[] = { -0.20837892 };
    expect_array(at(b->cases[0].expected, "0"), 3, 2, sdA);
    expect_array(at(b->cases[0].expected, "1"), 1, 3, sdW);
    expect_array(at(b->cases[0].expected, "2"), 1, 1, sdb);
    expect_array(at(b->cases[1].expected, "0"), 3, 2, rdA);
    expect_array(at(b->cases[1].expected, "1"), 1, 3, rdW);
    expect_array(at(b->cases[1].expected, "2"), 1, 1, rdb);
    built_free(b);
}

static void L_model_backward_expects_dA1_dW1_db1(void **state)
{
    (void)state;
    built *b = build("w4a1/L_model_backward");
    static const double dA1[] = { 0.12913162, -0.44014127, -0.14175655, 0.48317296, 0.01663708, -0.05670698 };
    static const double dW1[] = { 0.41010002, 0.07807203, 0.13798444, 0.10502167, 0, 0, 0, 0,
                                  0.05283652, 0.01005865, 0.01777766, 0.0135308 };
    static const double db1[] = { -0.22007063, 0, -0.02835349 };
    static const double dW2[] = { -0.39202432, -0.13325855, -0.04601089 }, db2[] = { 0.15187861 };
    const ex_value *g = b->cases[0].expected;
    expect_array(at(g, "dA1"), 3, 2, dA1);
    expect_array(at(g, "dW1"), 3, 4, dW1);
    expect_array(at(g, "db1"), 3, 1, db1);
    expect_array(at(g, "dW2"), 1, 3, dW2);
    expect_array(at(g, "db2"), 1, 1, db2);
    assert_non_null(at(g, "dA0"));
    built_free(b);
}

static void update_parameters_expects_the_published_parameters(void **state)
{
    (void)state;
    built *b = build("w4a1/update_parameters");
    static const double W1[] = { -0.59562069, -0.09991781, -2.14584584, 1.82662008, -1.76569676, -0.80627147,
                                 0.51115557, -1.18258802, -1.0535704, -0.86128581, 0.68284052, 2.20374577 };
    static const double b1[] = { -0.04659241, -1.28888275, 0.53405496 };
    static const double W2[] = { -0.55569196, 0.0354055, 1.32964895 }, b2[] = { -0.84610769 };
    const ex_value *p = b->cases[0].expected;
    expect_array(at(p, "W1"), 3, 4, W1);
    expect_array(at(p, "b1"), 3, 1, b1);
    expect_array(at(p, "W2"), 1, 3, W2);
    expect_array(at(p, "b2"), 1, 1, b2);
    built_free(b);
}

static void initialisers_expect_the_published_weights(void **state)
{
    (void)state;
    built *b = build("w4a1/initialize_parameters");
    static const double W1[] = { 0.01624345, -0.00611756, -0.00528172, -0.01072969, 0.00865408, -0.02301539 };
    static const double W2[] = { 0.01744812, -0.00761207 };
    expect_array(at(b->cases[0].expected, "W1"), 2, 3, W1);
    expect_array(at(b->cases[0].expected, "W2"), 1, 2, W2);
    built_free(b);
    b = build("w4a1/initialize_parameters_deep");
    static const double D1[] = { 0.01788628, 0.0043651, 0.00096497, -0.01863493, -0.00277388 };
    const ex_value *w = at(b->cases[0].expected, "W1");
    assert_int_equal(w->shape[0], 4);
    assert_int_equal(w->shape[1], 5);
    for (int i = 0; i < 5; i++)
        assert_near(w->data[i], D1[i], PUB);
    built_free(b);
}

/* The application's public test: seed(1), X = randn(10, 10), layers (10, 5, 6, 1). */
static void L_layer_model_expects_the_public_tests_costs_and_weights(void **state)
{
    (void)state;
    built *b = build("w4a2/L_layer_model");
    const ex_value *costs = at(b->cases[0].expected, "1");
    double J;
    assert_int_equal(costs->n, 1);
    assert_true(exv_scalar(costs->items[0], &J));
    assert_near(J, 0.70723944, PUB);
    static const double W1row0[] = { 0.51384638, -0.19333098, -0.16705238, -0.33923196, 0.273477,
                                     -0.72775498, 0.55170785, -0.24077478, 0.10082452, -0.07882423 };
    static const double b1[] = { -2.16491028e-04, 1.50999130e-04, 8.71516045e-06, 5.57557615e-05,
                                 -2.90746349e-05 };
    static const double W3[] = { -0.09079199, -0.08117381, 0.07667568, 0.16665535, 0.08029575, 0.04805811 };
    static const double b3[] = { 0.0013201 };
    const ex_value *W1 = at(b->cases[0].expected, "0.W1");
    assert_int_equal(W1->shape[0], 5);
    for (int i = 0; i < 10; i++)
        assert_near(W1->data[i], W1row0[i], PUB);
    expect_array(at(b->cases[0].expected, "0.b1"), 5, 1, b1);
    expect_array(at(b->cases[0].expected, "0.W3"), 1, 6, W3);
    expect_array(at(b->cases[0].expected, "0.b3"), 1, 1, b3);
    /* learning_rate 0.02, 3 iterations */
    static const double W3b[] = { -0.09087434, -0.07882982, 0.07821609, 0.16442826, 0.0783229, 0.04648216 };
    static const double b3b[] = { 0.00525865 };
    static const double b2b[] = { 1.18811550e-06, -4.25510194e-04, 6.56178455e-04, -1.42335482e-04,
                                  -2.93618626e-04, -1.75573157e-04 };
    expect_array(at(b->cases[1].expected, "0.W3"), 1, 6, W3b);
    expect_array(at(b->cases[1].expected, "0.b3"), 1, 1, b3b);
    expect_array(at(b->cases[1].expected, "0.b2"), 6, 1, b2b);
    assert_int_equal(at(b->cases[1].expected, "1")->n, 1);
    /* the course-sized run records iterations 0, 100, …, 2400 */
    assert_int_equal(at(b->cases[2].expected, "1")->n, 25);
    built_free(b);
}

/* The same data through (10, 4, 1): our numbers (CASES.md), numpy's to 8 decimals. */
static void two_layer_model_expects_numpys_numbers(void **state)
{
    (void)state;
    built *b = build("w4a2/two_layer_model");
    double J;
    assert_true(exv_scalar(at(b->cases[0].expected, "1.0"), &J));
    assert_near(J, 0.693189507939109, 1e-12);
    static const double W2[] = { -0.00188733, -0.00884797, -0.00748471, 0.0168997 }, b2[] = { 0.00149869 };
    expect_array(at(b->cases[0].expected, "0.W2"), 1, 4, W2);
    expect_array(at(b->cases[0].expected, "0.b2"), 1, 1, b2);
    static const double W2b[] = { -0.00179491, -0.00876382, -0.00752456, 0.01682615 }, b2b[] = { 0.00597041 };
    expect_array(at(b->cases[1].expected, "0.W2"), 1, 4, W2b);
    expect_array(at(b->cases[1].expected, "0.b2"), 1, 1, b2b);
    built_free(b);
}

/* Any array (rank 1, 2 or 3) holding the n values want, in C order. */
static void expect_values(const ex_value *v, size_t n, const double *want)
{
    assert_non_null(v);
    assert_int_equal(v->kind, EXV_ARRAY);
    assert_int_equal(v->size, n);
    for (size_t i = 0; i < n; i++)
        assert_near(v->data[i], want[i], PUB);
}

static void expect_scalar(const ex_value *v, double want, double tol)
{
    double got;
    assert_non_null(v);
    assert_true(exv_scalar(v, &got));
    assert_near(got, want, tol);
}

/* The first visible case of an exercise, built. */
static built *visible(const char *id)
{
    built *b = build(id);
    assert_false(b->cases[0].hidden);
    return b;
}

static void w2a1_expects_the_notebooks_values(void **state)
{
    (void)state;
    built *b = visible("w2a1/basic_sigmoid");
    expect_scalar(b->cases[0].expected, 0.7310585786300049, 1e-15);
    built_free(b);
    static const double sig[] = { 0.73105858, 0.88079708, 0.95257413 };
    b = visible("w2a1/sigmoid");
    expect_values(b->cases[0].expected, 3, sig);
    built_free(b);
    static const double dsig[] = { 0.19661193, 0.10499359, 0.04517666 };
    b = visible("w2a1/sigmoid_derivative");
    expect_values(b->cases[0].expected, 3, dsig);
    built_free(b);
    static const double col[] = { 0.67826139, 0.29380381, 0.90714982, 0.52835647, 0.4215251, 0.45017551,
                                  0.92814219, 0.96677647, 0.85304703, 0.52351845, 0.19981397, 0.27417313,
                                  0.60659855, 0.00533165, 0.10820313, 0.49978937, 0.34144279, 0.94630077 };
    b = visible("w2a1/image2vector");
    expect_array(b->cases[0].expected, 18, 1, col);
    built_free(b);
    static const double rows[] = { 0, 0.6, 0.8, 0.13736056, 0.82416338, 0.54944226 };
    b = visible("w2a1/normalize_rows");
    expect_array(b->cases[0].expected, 2, 3, rows);
    built_free(b);
    static const double soft[] = { 9.80897665e-01, 8.94462891e-04, 1.79657674e-02, 1.21052389e-04,
                                   1.21052389e-04, 8.78679856e-01, 1.18916387e-01, 8.01252314e-04,
                                   8.01252314e-04, 8.01252314e-04 };
    b = visible("w2a1/softmax");
    expect_array(b->cases[0].expected, 2, 5, soft);
    built_free(b);
    b = visible("w2a1/L1");
    expect_scalar(b->cases[0].expected, 1.1, 1e-12);
    built_free(b);
    b = visible("w2a1/L2");
    expect_scalar(b->cases[0].expected, 0.43, 1e-12);
    built_free(b);
}

static void w2a2_expects_the_notebooks_values(void **state)
{
    (void)state;
    static const double sig[] = { 0.5, 0.88079708 };
    built *b = visible("w2a2/sigmoid");
    expect_values(b->cases[0].expected, 2, sig);
    built_free(b);
    /* propagate: the notebook's case, then the public test's */
    b = visible("w2a2/propagate");
    static const double dw[] = { 0.25071532, -0.06604096 };
    expect_array(at(b->cases[0].expected, "0.dw"), 2, 1, dw);
    expect_scalar(at(b->cases[0].expected, "0.db"), -0.1250040450043965, 1e-14);
    expect_scalar(at(b->cases[0].expected, "1"), 0.15900537707692405, 1e-14);
    assert_false(b->cases[1].hidden);
    static const double dw2[] = { -0.03909333, 0.12501464, -0.99960809 };
    expect_array(at(b->cases[1].expected, "0.dw"), 3, 1, dw2);
    expect_scalar(at(b->cases[1].expected, "0.db"), 0.288106326429569, 1e-14);
    expect_scalar(at(b->cases[1].expected, "1"), 2.0424567983978403, 1e-14);
    built_free(b);
    b = visible("w2a2/optimize");
    static const double w[] = { 0.80956046, 2.0508202 }, odw[] = { 0.17860505, -0.04840656 };
    static const double costs[] = { 0.15900538 };
    expect_array(at(b->cases[0].expected, "0.w"), 2, 1, w);
    expect_scalar(at(b->cases[0].expected, "0.b"), 1.5948713189708588, 1e-12);
    expect_array(at(b->cases[0].expected, "1.dw"), 2, 1, odw);
    expect_scalar(at(b->cases[0].expected, "1.db"), -0.08888460336847771, 1e-12);
    const ex_value *c = at(b->cases[0].expected, "2");
    assert_non_null(c);
    assert_int_equal(c->n, 1);
    expect_scalar(c->items[0], costs[0], PUB);
    built_free(b);
    b = visible("w2a2/predict");
    static const double pred[] = { 1, 1, 0 };
    expect_array(b->cases[0].expected, 1, 3, pred);
    built_free(b);
    b = visible("w2a2/model");
    static const double mw[] = { 0.08639757, -0.08231268, -0.11798927, 0.12866053 };
    static const double ptest[] = { 1, 1, 0 }, ptrain[] = { 1, 1, 0, 1, 0, 0, 1 };
    expect_array(at(b->cases[0].expected, "w"), 4, 1, mw);
    expect_scalar(at(b->cases[0].expected, "b"), -0.03983236094816321, 1e-12);
    expect_array(at(b->cases[0].expected, "Y_prediction_test"), 1, 3, ptest);
    expect_array(at(b->cases[0].expected, "Y_prediction_train"), 1, 7, ptrain);
    built_free(b);
}

static void w3a1_expects_the_notebooks_values(void **state)
{
    (void)state;
    built *b = visible("w3a1/forward_propagation");
    static const double A2[] = { 0.21292656, 0.21274673, 0.21295976 };
    static const double Z2[] = { -1.30737426, -1.30844761, -1.30717618 };
    expect_array(at(b->cases[0].expected, "0"), 1, 3, A2);
    expect_array(at(b->cases[0].expected, "1.Z2"), 1, 3, Z2);
    built_free(b);
    b = visible("w3a1/compute_cost");
    expect_scalar(b->cases[0].expected, 0.6930587610394646, 1e-14);
    built_free(b);
    b = visible("w3a1/backward_propagation");
    static const double dW1[] = { 0.00301023, -0.00747267, 0.00257968, -0.00641288,
                                  -0.00156892, 0.003893, -0.00652037, 0.01618243 };
    static const double db1[] = { 0.00176201, 0.00150995, -0.00091736, -0.00381422 };
    static const double dW2[] = { 0.00078841, 0.01765429, -0.00084166, -0.01022527 };
    static const double db2[] = { -0.16655712 };
    expect_array(at(b->cases[0].expected, "dW1"), 4, 2, dW1);
    expect_array(at(b->cases[0].expected, "db1"), 4, 1, db1);
    expect_array(at(b->cases[0].expected, "dW2"), 1, 4, dW2);
    expect_array(at(b->cases[0].expected, "db2"), 1, 1, db2);
    built_free(b);
    b = visible("w3a1/update_parameters");
    static const double uW1[] = { -0.00643025, 0.01936718, -0.02410458, 0.03978052,
                                  -0.01653973, -0.02096177, 0.01046864, -0.05990141 };
    static const double uW2[] = { -0.01041081, -0.04463285, 0.01758031, 0.04747113 };
    static const double ub2[] = { 0.00010457 };
    expect_array(at(b->cases[0].expected, "W1"), 4, 2, uW1);
    expect_array(at(b->cases[0].expected, "W2"), 1, 4, uW2);
    expect_array(at(b->cases[0].expected, "b2"), 1, 1, ub2);
    built_free(b);
    b = visible("w3a1/nn_model");
    static const double nW2[] = { -2.45566237, -3.27042274, 2.00784958, 3.36773273 };
    static const double nb2[] = { 0.20459656 };
    expect_array(at(b->cases[0].expected, "W2"), 1, 4, nW2);
    expect_array(at(b->cases[0].expected, "b2"), 1, 1, nb2);
    built_free(b);
}

static void every_exercise_has_a_visible_and_a_hidden_case(void **state)
{
    (void)state;
    for (int i = 0; i < ex_def_count(); i++) {
        const ex_def *d = ex_def_at(i);
        ex_case cases[EX_MAX_CASES];
        int n = d->build(cases);
        assert_true(n > 0);
        bool visible = false, hidden = false;
        for (int c = 0; c < n; c++) {
            visible = visible || !cases[c].hidden;
            hidden = hidden || cases[c].hidden;
            assert_non_null(cases[c].expected);
            ex_case_clear(&cases[c]);
        }
        if (!visible || !hidden)
            fail_msg("%s/%s needs visible and hidden cases", d->assignment, d->function);
    }
}

/* The row of exercises/CASES.md's tolerance table for id: "| `id` | atol | rtol |". */
static bool cases_md_row(const char *text, const char *id, double *atol, double *rtol)
{
    char key[160];
    snprintf(key, sizeof key, "| `%s` |", id);
    const char *row = strstr(text, key);
    return row && sscanf(row + strlen(key), " %lf | %lf |", atol, rtol) == 2;
}

/* Every case of an exercise compares with one tolerance, the one that
 * exercises/CASES.md's table states for it. */
static void cases_md_states_each_exercises_tolerance(void **state)
{
    (void)state;
    const char *root = getenv("DNN_TUTOR_SOURCE_ROOT");
    if (!root)
        skip();
    char path[4200];
    snprintf(path, sizeof path, "%s/exercises/CASES.md", root);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    static char text[1 << 20];
    size_t len = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[len] = '\0';
    const char *table = strstr(text, "## Tolerances");
    assert_non_null(table);
    int wrong = 0;
    for (int i = 0; i < ex_def_count(); i++) {
        const ex_def *d = ex_def_at(i);
        ex_case cases[EX_MAX_CASES];
        int n = d->build(cases);
        char id[128];
        snprintf(id, sizeof id, "%s/%s", d->assignment, d->function);
        double atol = cases[0].atol, rtol = cases[0].rtol, da, dr;
        for (int c = 0; c < n; c++) {
            if (cases[c].atol != atol || cases[c].rtol != rtol)
                fail_msg("%s: case %d compares with another tolerance than case 0", id, c);
            ex_case_clear(&cases[c]);
        }
        if (!cases_md_row(table, id, &da, &dr) || da != atol || dr != rtol) {
            printf("CASES.md wants the row: | `%s` | %g | %g |\n", id, atol, rtol);
            wrong++;
        }
    }
    assert_int_equal(wrong, 0);
}

static void every_mistake_has_a_sentence(void **state)
{
    (void)state;
    const char *missing = ex_mistake_missing_text();
    if (missing)
        fail_msg("mistake '%s' has no sentence", missing);
}

static void values_make_the_json_round_trip_bit_for_bit(void **state)
{
    (void)state;
    size_t s31[2] = { 3, 1 }, s3 = 3;
    ex_value *col = exv_array(2, s31), *r1 = exv_array(1, &s3);
    col->data[0] = 0.1;
    col->data[1] = -1.2345678901234567e-300;
    col->data[2] = 1.0 / 3.0;
    memcpy(r1->data, col->data, 3 * sizeof(double));
    ex_value *t = exv_tuple();
    exv_push(t, col);
    exv_push(t, r1);
    exv_push(t, exv_float(0.1 + 0.2));
    exv_push(t, exv_npscalar("float64", 2.5));
    exv_push(t, exv_list());
    exv_push(t, exv_none());
    char *json = exv_to_json(t);
    ex_value *back = exv_from_json_text(json);
    assert_non_null(back);
    assert_int_equal(back->n, 6);
    assert_int_equal(back->items[0]->ndim, 2);
    assert_int_equal(back->items[1]->ndim, 1);
    for (int i = 0; i < 3; i++)
        assert_memory_equal(&back->items[0]->data[i], &col->data[i], sizeof(double));
    assert_int_equal(back->items[2]->kind, EXV_FLOAT);
    assert_memory_equal(&back->items[2]->num, &t->items[2]->num, sizeof(double));
    assert_int_equal(back->items[3]->kind, EXV_NPSCALAR);
    assert_int_equal(back->items[4]->kind, EXV_LIST);
    assert_int_equal(back->items[5]->kind, EXV_NONE);
    free(json);
    exv_free(back);
    exv_free(t);
}

static void numbers_print_as_numpy_prints_them(void **state)
{
    (void)state;
    size_t s12[2] = { 1, 2 };
    ex_value *z = exv_array(2, s12);
    z->data[0] = 3.2629533701;
    z->data[1] = -1.2342998712;
    char buf[128];
    exv_format(z, buf, sizeof buf, 100);
    assert_string_equal(buf, "[[ 3.26295337 -1.23429987]]");
    z->data[0] = 0;
    z->data[1] = 0.6;
    exv_format(z, buf, sizeof buf, 100);
    assert_string_equal(buf, "[[0.  0.6]]");
    exv_format_number(-0.0, buf, sizeof buf);
    assert_string_equal(buf, "-0.");
    exv_free(z);
}

static ex_value *column(size_t n, double x)
{
    size_t s[2] = { n, 1 };
    ex_value *v = exv_array(2, s);
    for (size_t i = 0; i < n; i++)
        v->data[i] = x + (double)i;
    return v;
}

static void a_rank1_db_is_named_before_its_values(void **state)
{
    (void)state;
    ex_value *want = column(3, 1.0);
    size_t s3 = 3;
    ex_value *got = exv_array(1, &s3);
    ex_verdict v;
    ex_compare(want, got, 1e-8, 1e-6, NULL, &v);
    assert_int_equal(v.outcome, EX_RANK1);
    assert_string_equal(v.expected_shape, "(3, 1)");
    assert_string_equal(v.got_shape, "(3,)");
    char text[512];
    ex_verdict_text(&v, "linear_backward", 0, text, sizeof text);
    assert_non_null(strstr(text, "rank-1"));
    exv_free(got);
    exv_free(want);
}

static void a_wrong_value_says_where_and_both_values(void **state)
{
    (void)state;
    ex_value *want = column(3, 1.0), *got = column(3, 1.0);
    got->data[2] = 7.5;
    ex_verdict v;
    ex_compare(want, got, 1e-8, 1e-6, NULL, &v);
    assert_int_equal(v.outcome, EX_VALUES);
    assert_string_equal(v.where, "[2, 0]");
    assert_string_equal(v.expected_num, "3.");
    assert_string_equal(v.got_num, "7.5");
    assert_near(v.max_diff, 4.5, 1e-12);
    exv_free(got);
    exv_free(want);
}

/* The verdict's text for want vs got compared with atol, rtol, in lang. */
static void value_text(const ex_value *want, const ex_value *got, double atol, double rtol, int lang, char *text,
                       size_t size)
{
    ex_verdict v;
    ex_compare(want, got, atol, rtol, NULL, &v);
    assert_int_equal(v.outcome, EX_VALUES);
    ex_verdict_text(&v, "f", lang, text, size);
}

static void a_wrong_value_states_the_tolerance_in_both_languages(void **state)
{
    (void)state;
    char text[1024];
    ex_value *want = column(3, 1.0), *got = column(3, 1.0);
    got->data[2] = 7.5;
    value_text(want, got, 1e-8, 1e-6, 0, text, sizeof text);
    assert_non_null(strstr(text, "expected 3., got 7.5 (allowed difference: 1e-08 + 1e-06·|expected|)"));
    value_text(want, got, 1e-8, 1e-6, 1, text, sizeof text);
    assert_non_null(strstr(text, "（允许的差：1e-08 + 1e-06·|应为|）"));
    exv_free(got);
    exv_free(want);
    want = exv_float(0.5);
    got = exv_float(0.25);
    value_text(want, got, 1e-12, 0, 0, text, sizeof text);
    assert_non_null(strstr(text, "(allowed difference: 1e-12)"));
    value_text(want, got, 1e-12, 0, 1, text, sizeof text);
    assert_non_null(strstr(text, "（允许的差：1e-12）"));
    value_text(want, got, 0, 0, 0, text, sizeof text);
    assert_non_null(strstr(text, "(must be exact)"));
    value_text(want, got, 0, 0, 1, text, sizeof text);
    assert_non_null(strstr(text, "（须完全相等）"));
    exv_free(got);
    exv_free(want);
}

/* In Chinese a code name is followed by a space ("dW 的值不对"), a Chinese
 * subject by none ("返回值的值不对", "返回的字典里缺少键"). */
static void the_chinese_verdict_spaces_only_after_a_code_name(void **state)
{
    (void)state;
    char text[1024];
    ex_value *want = column(3, 1.0), *got = column(3, 1.0);
    got->data[2] = 7.5;
    value_text(want, got, 1e-8, 1e-6, 1, text, sizeof text);
    assert_non_null(strstr(text, "返回值的值不对：最大差"));
    exv_free(got);
    want->data[0] = 9.0;
    ex_value *pair = exv_tuple(), *pair_got = exv_tuple();
    exv_push(pair, exv_clone(want));
    exv_push(pair_got, column(3, 1.0));
    static const char *const names[] = {"dW", NULL};
    ex_verdict v;
    ex_compare(pair, pair_got, 1e-8, 1e-6, names, &v);
    assert_int_equal(v.outcome, EX_VALUES);
    ex_verdict_text(&v, "f", 1, text, sizeof text);
    assert_non_null(strstr(text, "dW 的值不对：最大差"));
    ex_verdict_text(&v, "f", 0, text, sizeof text);
    assert_non_null(strstr(text, "dW has wrong values: largest difference"));
    exv_free(pair_got);
    exv_free(pair);
    ex_value *d = exv_dict(), *g = exv_dict();
    exv_set(d, "dA0", exv_clone(want));
    exv_set(g, "dA1", exv_clone(want));
    ex_compare(d, g, 1e-8, 1e-6, NULL, &v);
    assert_int_equal(v.outcome, EX_MISSING_KEY);
    ex_verdict_text(&v, "f", 1, text, sizeof text);
    assert_non_null(strstr(text, "返回的字典里缺少键 'dA0'"));
    ex_verdict_text(&v, "f", 0, text, sizeof text);
    assert_non_null(strstr(text, "the returned dict has no key 'dA0'"));
    exv_free(g);
    exv_free(d);
    exv_free(want);
}

static void the_most_basic_problem_wins_across_a_tuple(void **state)
{
    (void)state;
    /* dW has wrong values, db is the wrong shape: the shape comes first */
    ex_value *want = exv_tuple(), *got = exv_tuple();
    exv_push(want, column(2, 0));
    exv_push(want, column(3, 0));
    exv_push(got, column(2, 5));
    exv_push(got, column(4, 0));
    static const char *const names[] = { "dW", "db", NULL };
    ex_verdict v;
    ex_compare(want, got, 1e-8, 1e-6, names, &v);
    assert_int_equal(v.outcome, EX_SHAPE);
    assert_string_equal(v.path, "db");
    exv_free(got);
    exv_free(want);
}

static void a_list_where_an_array_belongs_and_a_missing_key(void **state)
{
    (void)state;
    ex_value *want = column(2, 0), *got = exv_list();
    ex_verdict v;
    ex_compare(want, got, 1e-8, 1e-6, NULL, &v);
    assert_int_equal(v.outcome, EX_WRONG_TYPE);
    assert_string_equal(v.got_kind, "a list of 0");
    exv_free(got);
    ex_value *d = exv_dict(), *g = exv_dict();
    exv_set(d, "dA0", exv_clone(want));
    exv_set(g, "dA1", exv_clone(want));
    ex_compare(d, g, 1e-8, 1e-6, NULL, &v);
    assert_int_equal(v.outcome, EX_MISSING_KEY);
    assert_string_equal(v.key, "dA0");
    ex_compare(d, NULL, 1e-8, 1e-6, NULL, &v);
    assert_int_equal(v.outcome, EX_NONE);
    exv_free(d);
    exv_free(g);
    exv_free(want);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(linear_forward_expects_the_notebooks_Z),
        cmocka_unit_test(linear_activation_forward_expects_sigmoid_and_relu),
        cmocka_unit_test(w2a1_expects_the_notebooks_values),
        cmocka_unit_test(w2a2_expects_the_notebooks_values),
        cmocka_unit_test(w3a1_expects_the_notebooks_values),
        cmocka_unit_test(L_model_forward_expects_the_published_AL),
        cmocka_unit_test(compute_cost_expects_the_published_cost),
        cmocka_unit_test(linear_backward_expects_the_newer_notebooks_values),
        cmocka_unit_test(linear_activation_backward_expects_both_triples),
        cmocka_unit_test(L_model_backward_expects_dA1_dW1_db1),
        cmocka_unit_test(update_parameters_expects_the_published_parameters),
        cmocka_unit_test(initialisers_expect_the_published_weights),
        cmocka_unit_test(L_layer_model_expects_the_public_tests_costs_and_weights),
        cmocka_unit_test(two_layer_model_expects_numpys_numbers),
        cmocka_unit_test(every_exercise_has_a_visible_and_a_hidden_case),
        cmocka_unit_test(cases_md_states_each_exercises_tolerance),
        cmocka_unit_test(every_mistake_has_a_sentence),
        cmocka_unit_test(values_make_the_json_round_trip_bit_for_bit),
        cmocka_unit_test(numbers_print_as_numpy_prints_them),
        cmocka_unit_test(a_rank1_db_is_named_before_its_values),
        cmocka_unit_test(a_wrong_value_says_where_and_both_values),
        cmocka_unit_test(a_wrong_value_states_the_tolerance_in_both_languages),
        cmocka_unit_test(the_chinese_verdict_spaces_only_after_a_code_name),
        cmocka_unit_test(the_most_basic_problem_wins_across_a_tuple),
        cmocka_unit_test(a_list_where_an_array_belongs_and_a_missing_key),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
