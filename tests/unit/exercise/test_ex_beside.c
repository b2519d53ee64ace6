/*
 * The learner's function on a network's own values (ex_beside.h): our
 * reference solutions give exactly the core's values at each step the
 * stepper shows; a wrong function gives a difference where it is wrong; an
 * endless loop times out; what the course's functions cannot compute
 * (a tanh network, a value not computed yet) is refused. Skipped (77) when
 * no Python with numpy is found.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dnn_test.h"
#include "ex_beside.h"
#include "ex_python.h"
#include "ex_text.h"
#include "rng.h"

static ex_python py;
static char harness[4096], solutions[4096], lib[4096];
static char tmpdir[64];

/* A [3, 4, 2, 1] network (hidden activation `hidden`) bound to 5 examples,
 * with random W and b (b not zero, so a missing bias shows), after the
 * first `ops` operations of an iteration. X and Y are the caller's. */
static nn_net *net_after(act_kind hidden, int ops, mat **X, mat **Y)
{
    static const int dims[] = {3, 4, 2, 1};
    nn_config cfg = nn_config_make(dims, 4, hidden, NN_INIT_COURSE_W4);
    nn_net *net = nn_new(&cfg);
    assert_non_null(net);
    rng r;
    rng_seed(&r, 5);
    *X = mat_new(3, 5);
    *Y = mat_new(1, 5);
    assert_non_null(*X);
    assert_non_null(*Y);
    for (size_t i = 0; i < 15; i++)
        (*X)->v[i] = rng_randn(&r);
    for (size_t i = 0; i < 5; i++)
        (*Y)->v[i] = (double)(i % 2);
    for (int l = 1; l <= 3; l++) {
        mat *W = nn_param(net, NN_W, l), *b = nn_param(net, NN_B, l);
        for (size_t i = 0; i < mat_size(W); i++)
            W->v[i] = rng_randn(&r);
        for (size_t i = 0; i < mat_size(b); i++)
            b->v[i] = rng_randn(&r);
    }
    assert_int_equal(nn_bind(net, *X, *Y), NN_OK);
    for (int i = 0; i < ops; i++)
        assert_int_equal(nn_run_op(net, nn_op_at(net, i), 0.1), NN_OK);
    return net;
}

/* How many operations of an iteration run up to and with the op of `kind`
 * for `layer` (the network of net_after). */
static int upto(nn_op_kind kind, int layer)
{
    static const int dims[] = {3, 4, 2, 1};
    nn_config cfg = nn_config_make(dims, 4, ACT_RELU, NN_INIT_COURSE_W4);
    nn_net *net = nn_new(&cfg);
    assert_non_null(net);
    int n = -1;
    for (int i = 0; i < nn_op_count(net) && n < 0; i++)
        if (nn_op_at(net, i).kind == kind && nn_op_at(net, i).layer == layer)
            n = i + 1;
    nn_free(net);
    assert_true(n > 0);
    return n;
}

static void drop(nn_net *net, mat *X, mat *Y)
{
    nn_free(net);
    mat_free(X);
    mat_free(Y);
}

static void run_in(const char *dir, ex_beside_call *call, double timeout, ex_beside_result *res)
{
    ex_check_options opt = {dir, lib, harness, &py, ex_run_default_limits()};
    opt.limits.timeout_s = timeout;
    ex_beside_run(call, &opt, res);
}

/* A folder holding w4a1.py = source. */
static const char *folder_with(const char *source)
{
    static char dir[512];
    static int k;
    snprintf(dir, sizeof dir, "%.64s/case%d", tmpdir, k++);
    assert_int_equal(mkdir(dir, 0755), 0);
    char path[600];
    snprintf(path, sizeof path, "%s/w4a1.py", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(source, f);
    fclose(f);
    return dir;
}

/* The learner's part `name` equals the network's matrix m to the last bits of rounding. */
static void assert_part_is(const ex_beside_result *res, const char *name, const mat *m)
{
    const ex_value *t = ex_beside_part(res->fn, res->theirs, name);
    assert_non_null(t);
    mat *got = exv_to_mat(t);
    assert_non_null(got);
    assert_int_equal(got->rows, m->rows);
    assert_int_equal(got->cols, m->cols);
    assert_true(mat_max_abs_diff(got, m) <= 1e-12);
    mat_free(got);
}

static void our_linear_forward_gives_the_cores_Z_of_each_layer(void **state)
{
    (void)state;
    for (int l = 1; l <= 3; l++) {
        mat *X, *Y;
        nn_net *net = net_after(ACT_RELU, upto(NN_OP_LINEAR, l), &X, &Y);
        ex_beside_call call;
        assert_int_equal(ex_beside_prepare(EXB_LINEAR_FORWARD, net, l, &call), EXB_READY);
        ex_beside_result res;
        run_in(solutions, &call, 30, &res);
        assert_int_equal(res.outcome, EX_PASS);
        assert_true(res.compared);
        assert_true(res.max_diff <= 1e-12);
        assert_part_is(&res, "Z", nn_value_of(net, NN_Z, l));
        ex_beside_result_free(&res);
        drop(net, X, Y);
    }
}

static void our_L_model_forward_gives_the_cores_AL(void **state)
{
    (void)state;
    mat *X, *Y;
    nn_net *net = net_after(ACT_RELU, upto(NN_OP_ACTIVATE, 3), &X, &Y);
    ex_beside_call call;
    assert_int_equal(ex_beside_prepare(EXB_L_MODEL_FORWARD, net, 0, &call), EXB_READY);
    ex_beside_result res;
    run_in(solutions, &call, 30, &res);
    assert_int_equal(res.outcome, EX_PASS);
    assert_true(res.compared);
    assert_true(res.max_diff <= 1e-12);
    assert_part_is(&res, "AL", nn_value_of(net, NN_A, 3));
    ex_beside_result_free(&res);
    drop(net, X, Y);
}

/* Midway through the backward pass ours holds what is computed so far; at
 * the end every gradient but dA0. */
static void our_L_model_backward_gives_the_cores_gradients(void **state)
{
    (void)state;
    mat *X, *Y;
    int stops[] = {upto(NN_OP_DB, 3), upto(NN_OP_DB, 1)};
    for (int k = 0; k < 2; k++) {
        nn_net *net = net_after(ACT_RELU, stops[k], &X, &Y);
        ex_beside_call call;
        assert_int_equal(ex_beside_prepare(EXB_L_MODEL_BACKWARD, net, 0, &call), EXB_READY);
        assert_int_equal(call.c.expected->n, k == 0 ? 2 : 8);
        ex_beside_result res;
        run_in(solutions, &call, 30, &res);
        assert_int_equal(res.outcome, EX_PASS);
        assert_true(res.compared);
        assert_true(res.max_diff <= 1e-12);
        assert_part_is(&res, "dW3", nn_value_of(net, NN_DW, 3));
        if (k == 1) {
            assert_part_is(&res, "dA1", nn_value_of(net, NN_DA, 1));
            assert_part_is(&res, "db1", nn_value_of(net, NN_DB, 1));
        }
        ex_beside_result_free(&res);
        drop(net, X, Y);
    }
}

static void a_missing_bias_shows_as_the_largest_difference(void **state)
{
    (void)state;
    mat *X, *Y;
    nn_net *net = net_after(ACT_RELU, 1, &X, &Y);
    ex_beside_call call;
    assert_int_equal(ex_beside_prepare(EXB_LINEAR_FORWARD, net, 1, &call), EXB_READY);
    ex_beside_result res;
    run_in(folder_with("import numpy as np\n\ndef linear_forward(A, W, b):\n    return np.dot(W, A), (A, W, b)\n"),
           &call, 30, &res);
    assert_int_equal(res.outcome, EX_VALUES);
    assert_true(res.compared);
    /* Z − W·A is b in every column: the largest difference is the largest |b| */
    const mat *b = nn_value_of(net, NN_B, 1);
    double big = 0;
    for (size_t i = 0; i < mat_size(b); i++)
        big = fmax(big, fabs(b->v[i]));
    assert_close(res.max_diff, big, 1e-12, 1e-12);
    assert_true(!strncmp(res.max_at, "Z[", 2));
    char text[1024];
    ex_verdict_text(&res.verdict, "linear_forward", 0, text, sizeof text);
    assert_non_null(strstr(text, "Z"));
    ex_beside_result_free(&res);
    drop(net, X, Y);
}

static void relu_on_the_last_layer_differs_in_the_gradients(void **state)
{
    (void)state;
    mat *X, *Y;
    nn_net *net = net_after(ACT_RELU, upto(NN_OP_DB, 1), &X, &Y);
    ex_beside_call call;
    assert_int_equal(ex_beside_prepare(EXB_L_MODEL_BACKWARD, net, 0, &call), EXB_READY);
    ex_beside_result res;
    run_in(folder_with("from dnn_utils import *\nimport numpy as np\n"
                       "def L_model_backward(AL, Y, caches):\n"
                       "    grads = {}\n"
                       "    L = len(caches)\n"
                       "    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))\n"
                       "    for l in reversed(range(L)):\n"
                       "        (A_prev, W, b), Z = caches[l]\n"
                       "        dZ = relu_backward(dA, Z)\n"
                       "        m = A_prev.shape[1]\n"
                       "        grads['dW' + str(l + 1)] = np.dot(dZ, A_prev.T) / m\n"
                       "        grads['db' + str(l + 1)] = np.sum(dZ, axis=1, keepdims=True) / m\n"
                       "        dA = np.dot(W.T, dZ)\n"
                       "        grads['dA' + str(l)] = dA\n"
                       "    return grads\n"),
           &call, 30, &res);
    assert_int_equal(res.outcome, EX_VALUES);
    assert_true(res.compared);
    assert_true(res.max_diff > 1e-6);
    assert_non_null(ex_beside_part(res.fn, res.theirs, "dW3"));
    ex_beside_result_free(&res);
    drop(net, X, Y);
}

static void an_endless_loop_times_out_with_the_checkers_verdict(void **state)
{
    (void)state;
    mat *X, *Y;
    nn_net *net = net_after(ACT_RELU, 1, &X, &Y);
    ex_beside_call call;
    assert_int_equal(ex_beside_prepare(EXB_LINEAR_FORWARD, net, 1, &call), EXB_READY);
    ex_beside_result res;
    run_in(folder_with("def linear_forward(A, W, b):\n    while True:\n        pass\n"), &call, 5, &res);
    assert_int_equal(res.outcome, EX_TIMEOUT);
    assert_false(res.compared);
    assert_null(res.theirs);
    assert_non_null(res.ours);
    char text[1024];
    ex_verdict_text(&res.verdict, "linear_forward", 0, text, sizeof text);
    assert_non_null(strstr(text, "5"));
    ex_beside_result_free(&res);
    drop(net, X, Y);
}

static void what_the_course_functions_cannot_compute_is_refused(void **state)
{
    (void)state;
    mat *X, *Y;
    nn_net *net = net_after(ACT_TANH, 0, &X, &Y);
    ex_beside_call call;
    assert_int_equal(ex_beside_prepare(EXB_LINEAR_FORWARD, net, 1, &call), EXB_NOT_COMPUTED);
    assert_int_equal(ex_beside_prepare(EXB_L_MODEL_FORWARD, net, 0, &call), EXB_NOT_RELU);
    assert_int_equal(ex_beside_prepare(EXB_L_MODEL_BACKWARD, net, 0, &call), EXB_NOT_RELU);
    assert_int_equal(nn_run_op(net, nn_op_at(net, 0), 0.1), NN_OK);
    assert_int_equal(ex_beside_prepare(EXB_LINEAR_FORWARD, net, 1, &call), EXB_READY);
    ex_beside_call_clear(&call);
    assert_int_equal(ex_beside_prepare(EXB_LINEAR_FORWARD, net, 2, &call), EXB_NOT_COMPUTED);
    drop(net, X, Y);

    net = net_after(ACT_RELU, upto(NN_OP_DZ_OUTPUT, 3), &X, &Y);
    assert_int_equal(ex_beside_prepare(EXB_L_MODEL_FORWARD, net, 0, &call), EXB_READY);
    ex_beside_call_clear(&call);
    assert_int_equal(ex_beside_prepare(EXB_L_MODEL_BACKWARD, net, 0, &call), EXB_NO_GRADIENTS);
    drop(net, X, Y);
}

static int setup(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/dnn-ex-beside-XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%.64s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
    char msg[1024];
    const char *root = getenv("DNN_TUTOR_SOURCE_ROOT");
    if (!root || !ex_python_find(&py, msg, sizeof msg)) {
        fprintf(stderr, "skipped: %s\n", root ? msg : "DNN_TUTOR_SOURCE_ROOT is not set");
        return 77;
    }
    snprintf(harness, sizeof harness, "%s/exercises/harness.py", root);
    snprintf(solutions, sizeof solutions, "%s/exercises/solutions", root);
    snprintf(lib, sizeof lib, "%s/exercises/lib", root);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(our_linear_forward_gives_the_cores_Z_of_each_layer),
        cmocka_unit_test(our_L_model_forward_gives_the_cores_AL),
        cmocka_unit_test(our_L_model_backward_gives_the_cores_gradients),
        cmocka_unit_test(a_missing_bias_shows_as_the_largest_difference),
        cmocka_unit_test(relu_on_the_last_layer_differs_in_the_gradients),
        cmocka_unit_test(an_endless_loop_times_out_with_the_checkers_verdict),
        cmocka_unit_test(what_the_course_functions_cannot_compute_is_refused),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
