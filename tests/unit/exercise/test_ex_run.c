/*
 * Checking real Python files: a right linear_forward passes, a stub says "not
 * implemented", and hostile files — a syntax error, an endless loop, a crash,
 * megabytes of output, sys.exit, os._exit, a gigabyte allocation — each get
 * a clear verdict and never hang or disturb the test. Skipped (77) when no
 * Python with numpy is found.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dnn_test.h"
#include "ex_check.h"
#include "ex_python.h"
#include "ex_text.h"
#include "user_site.h"

static ex_python py;
static char harness[4096];
static char tmpdir[64];

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[1100];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* Checks w4a1/FUNCTION against a w4a1.py holding `source`. */
static void check(const char *function, const char *source, double timeout, ex_result *res)
{
    static int k;
    char dir[512];
    snprintf(dir, sizeof dir, "%.64s/case%d", tmpdir, k++);
    assert_int_equal(mkdir(dir, 0755), 0);
    write_file(dir, "w4a1.py", source);
    char id[128];
    snprintf(id, sizeof id, "w4a1/%s", function);
    const ex_def *def = ex_def_find(id);
    assert_non_null(def);
    ex_check_options opt = { dir, NULL, harness, &py, ex_run_default_limits() };
    opt.limits.timeout_s = timeout;
    ex_check_exercise(def, &opt, res);
}

static const char right_linear_forward[] =
    "import numpy as np\n"
    "\n"
    "def linear_forward(A, W, b):\n"
    "    Z = np.dot(W, A) + b\n"
    "    return Z, (A, W, b)\n";

static void a_right_function_passes_every_case(void **state)
{
    (void)state;
    ex_result r;
    check("linear_forward", right_linear_forward, 20, &r);
    assert_int_equal(r.outcome, EX_PASS);
    assert_true(r.n_cases >= 2);
    for (int i = 0; i < r.n_cases; i++)
        assert_int_equal(r.cases[i].v.outcome, EX_PASS);
    ex_result_free(&r);
}

static void a_stub_is_not_implemented(void **state)
{
    (void)state;
    ex_result r;
    check("linear_forward",
          "def linear_forward(A, W, b):\n    # your code here\n    raise NotImplementedError\n", 20, &r);
    assert_int_equal(r.outcome, EX_STUB);
    char text[512];
    ex_verdict_text(ex_result_first_failure(&r), "linear_forward", 0, text, sizeof text);
    assert_non_null(strstr(text, "not implemented"));
    ex_result_free(&r);
}

static void a_stub_called_by_the_function_is_named(void **state)
{
    (void)state;
    ex_result r;
    check("L_model_forward",
          "def linear_activation_forward(A_prev, W, b, activation):\n    raise NotImplementedError\n"
          "def L_model_forward(X, parameters):\n"
          "    return linear_activation_forward(X, parameters['W1'], parameters['b1'], 'relu')\n",
          20, &r);
    assert_int_equal(r.outcome, EX_STUB);
    assert_string_equal(r.cases[0].v.stub_function, "linear_activation_forward");
    ex_result_free(&r);
}

static void a_syntax_error_names_the_learners_line(void **state)
{
    (void)state;
    ex_result r;
    check("linear_forward", "import numpy as np\n\ndef linear_forward(A, W, b):\n    return (np.dot(W, A) + b\n",
          20, &r);
    assert_int_equal(r.outcome, EX_IMPORT_ERROR);
    assert_string_equal(r.file_verdict.error_type, "SyntaxError");
    assert_true(r.file_verdict.line >= 4);
    ex_result_free(&r);
}

static void a_missing_function_is_missing(void **state)
{
    (void)state;
    ex_result r;
    check("linear_forward", "x = 1\n", 20, &r);
    assert_int_equal(r.outcome, EX_MISSING);
    ex_result_free(&r);
}

static void an_endless_loop_times_out(void **state)
{
    (void)state;
    ex_result r;
    /* long enough for numpy to load on a busy machine: the loop, not the start, must time out */
    check("linear_forward", "def linear_forward(A, W, b):\n    while True:\n        pass\n", 5, &r);
    assert_int_equal(r.outcome, EX_TIMEOUT);
    assert_int_equal(r.cases[0].v.outcome, EX_TIMEOUT);
    assert_int_equal(r.cases[1].v.outcome, EX_NOT_RUN);
    ex_result_free(&r);
}

static void an_endless_loop_while_loading_times_out(void **state)
{
    (void)state;
    ex_result r;
    check("linear_forward", "while True:\n    pass\n", 1.5, &r);
    assert_int_equal(r.outcome, EX_TIMEOUT);
    ex_result_free(&r);
}

/* The app's check runs on a worker thread; leaving the exercise sets the
 * cancel flag. A run whose flag is already set starts no child at all (the
 * toucher below would leave its marker), and a check under it is not run
 * (an hour's limit here: a started endless loop would hang the test). */
static void a_cancelled_run_starts_no_child(void **state)
{
    (void)state;
    static atomic_int cancel;
    atomic_store(&cancel, 1);
    ex_run_limits lim = ex_run_default_limits();
    lim.timeout_s = 3600;
    lim.cancel = &cancel;
    ex_run_result rr;
    /* set before the run: no child is started at all */
    char marker[512];
    snprintf(marker, sizeof marker, "%.64s/cancelled-child-ran", tmpdir);
    char *toucher[] = { "/usr/bin/touch", marker, NULL };
    assert_false(ex_run_child(toucher, &lim, &rr));
    assert_false(rr.started);
    assert_true(rr.cancelled);
    ex_run_result_free(&rr);
    struct stat st;
    assert_int_not_equal(stat(marker, &st), 0);

    char dir[512];
    snprintf(dir, sizeof dir, "%.64s/cancel", tmpdir);
    assert_int_equal(mkdir(dir, 0755), 0);
    write_file(dir, "w4a1.py", "def linear_forward(A, W, b):\n    while True:\n        pass\n");
    ex_check_options opt = { dir, NULL, harness, &py, ex_run_default_limits() };
    opt.limits.timeout_s = 3600;
    opt.limits.cancel = &cancel;
    ex_result r;
    ex_check_exercise(ex_def_find("w4a1/linear_forward"), &opt, &r);
    assert_int_equal(r.outcome, EX_NOT_RUN);
    ex_result_free(&r);
}

static void a_crash_is_a_crash(void **state)
{
    (void)state;
    ex_result r;
    check("linear_forward",
          "import os, signal\ndef linear_forward(A, W, b):\n    os.kill(os.getpid(), signal.SIGSEGV)\n", 20, &r);
    assert_int_equal(r.outcome, EX_CRASH);
    assert_non_null(strstr(r.cases[0].v.detail, "SIGSEGV"));
    ex_result_free(&r);
}

static void os_exit_is_a_crash_and_sys_exit_an_exit(void **state)
{
    (void)state;
    ex_result r;
    check("linear_forward", "import os\ndef linear_forward(A, W, b):\n    os._exit(0)\n", 20, &r);
    assert_int_equal(r.outcome, EX_CRASH);
    ex_result_free(&r);
    check("linear_forward", "import sys\ndef linear_forward(A, W, b):\n    sys.exit(3)\n", 20, &r);
    assert_int_equal(r.outcome, EX_EXIT);
    assert_string_equal(r.cases[0].v.detail, "3");
    ex_result_free(&r);
    check("linear_forward", "import sys\nsys.exit('bye')\n", 20, &r);
    assert_int_equal(r.outcome, EX_IMPORT_ERROR);
    ex_result_free(&r);
}

static void megabytes_of_output_are_capped(void **state)
{
    (void)state;
    ex_result r;
    check("linear_forward",
          "import os\n"
          "def linear_forward(A, W, b):\n"
          "    for i in range(100000):\n"
          "        print('x' * 99)\n"
          "    os.write(1, b'y' * (30 << 20))\n",
          30, &r);
    assert_int_equal(r.outcome, EX_NONE);
    assert_non_null(r.cases[0].output);
    assert_true(strlen(r.cases[0].output) <= ex_run_default_limits().output_cap);
    assert_true(r.cases[0].output_bytes >= 10000000);
    ex_result_free(&r);
}

static void a_huge_allocation_runs_out_of_memory(void **state)
{
    (void)state;
    ex_result r;
    check("linear_forward", "import numpy as np\ndef linear_forward(A, W, b):\n    return np.ones((1 << 31,))\n",
          20, &r);
    assert_int_equal(r.outcome, EX_MEMORY);
    ex_result_free(&r);
}

static void a_missing_file_says_so(void **state)
{
    (void)state;
    ex_result r;
    const ex_def *def = ex_def_find("w4a1/linear_forward");
    ex_check_options opt = { "/nonexistent-dnn-tutor", NULL, harness, &py, ex_run_default_limits() };
    ex_check_exercise(def, &opt, &r);
    assert_int_equal(r.outcome, EX_NO_FILE);
    ex_result_free(&r);
}

static void changing_an_input_in_place_is_named(void **state)
{
    (void)state;
    ex_result r;
    check("update_parameters",
          "def update_parameters(params, grads, learning_rate):\n"
          "    L = len(params) // 2\n"
          "    for l in range(1, L + 1):\n"
          "        params['W%d' % l] -= learning_rate * grads['dW%d' % l]\n"
          "        params['b%d' % l] -= learning_rate * grads['db%d' % l]\n"
          "    return params\n",
          20, &r);
    assert_int_equal(r.outcome, EX_IN_PLACE);
    assert_string_equal(r.cases[0].v.mistake, "in_place_update");
    ex_result_free(&r);
}

static void a_rank1_db_is_named_with_its_mistake(void **state)
{
    (void)state;
    ex_result r;
    check("linear_backward",
          "import numpy as np\n"
          "def linear_backward(dZ, cache):\n"
          "    A_prev, W, b = cache\n"
          "    m = A_prev.shape[1]\n"
          "    return np.dot(W.T, dZ), np.dot(dZ, A_prev.T) / m, np.sum(dZ, axis=1) / m\n",
          20, &r);
    assert_int_equal(r.outcome, EX_RANK1);
    assert_string_equal(r.cases[0].v.path, "db");
    assert_string_equal(r.cases[0].v.mistake, "db_without_keepdims");
    ex_result_free(&r);
}

/* A package the learner installed with pip install --user is importable from
 * their file: the harness's python keeps the user's site-packages. */
static void a_package_in_the_users_site_packages_is_importable(void **state)
{
    (void)state;
    char base[256], cmd[1200], site[1024];
    snprintf(base, sizeof base, "%.64s/userbase", tmpdir);
    setenv("PYTHONUSERBASE", base, 1);
    if (!user_site_of(py.path, site, sizeof site)) {
        unsetenv("PYTHONUSERBASE");
        skip();  /* a virtual environment: no user site-packages to keep */
    }
    snprintf(cmd, sizeof cmd, "mkdir -p '%s'", site);
    assert_int_equal(system(cmd), 0);
    write_file(site, "learner_extra.py", "def offset():\n    return 0.0\n");
    ex_result r;
    check("linear_forward",
          "import numpy as np\n"
          "import learner_extra\n"
          "def linear_forward(A, W, b):\n"
          "    return np.dot(W, A) + b + learner_extra.offset(), (A, W, b)\n",
          20, &r);
    unsetenv("PYTHONUSERBASE");
    assert_int_equal(r.outcome, EX_PASS);
    ex_result_free(&r);
}

/* A numpy.py in the folder dnn-tutor was started from is not imported. */
static void a_numpy_in_the_working_folder_does_not_shadow_numpy(void **state)
{
    (void)state;
    char dir[256], old[4096];
    snprintf(dir, sizeof dir, "%.64s/cwd", tmpdir);
    assert_int_equal(mkdir(dir, 0755), 0);
    write_file(dir, "numpy.py", "raise ImportError('the numpy of the working folder')\n");
    assert_non_null(getcwd(old, sizeof old));
    assert_int_equal(chdir(dir), 0);
    ex_result r;
    check("linear_forward", right_linear_forward, 20, &r);
    assert_int_equal(chdir(old), 0);
    assert_int_equal(r.outcome, EX_PASS);
    ex_result_free(&r);
}

/* Nor a numpy.py beside the harness (python puts a script's folder first). */
static void a_numpy_beside_the_harness_does_not_shadow_numpy(void **state)
{
    (void)state;
    char dir[256], cmd[5000], saved[4096];
    snprintf(dir, sizeof dir, "%.64s/harness", tmpdir);
    assert_int_equal(mkdir(dir, 0755), 0);
    snprintf(cmd, sizeof cmd, "cp '%s' '%s/harness.py'", harness, dir);
    assert_int_equal(system(cmd), 0);
    write_file(dir, "numpy.py", "raise ImportError('the numpy beside the harness')\n");
    snprintf(saved, sizeof saved, "%s", harness);
    snprintf(harness, sizeof harness, "%s/harness.py", dir);
    ex_result r;
    check("linear_forward", right_linear_forward, 20, &r);
    snprintf(harness, sizeof harness, "%s", saved);
    assert_int_equal(r.outcome, EX_PASS);
    ex_result_free(&r);
}

static int setup(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/dnn-ex-run-XXXXXX");
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
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_right_function_passes_every_case),
        cmocka_unit_test(a_stub_is_not_implemented),
        cmocka_unit_test(a_stub_called_by_the_function_is_named),
        cmocka_unit_test(a_syntax_error_names_the_learners_line),
        cmocka_unit_test(a_missing_function_is_missing),
        cmocka_unit_test(an_endless_loop_times_out),
        cmocka_unit_test(an_endless_loop_while_loading_times_out),
        cmocka_unit_test(a_cancelled_run_starts_no_child),
        cmocka_unit_test(a_crash_is_a_crash),
        cmocka_unit_test(os_exit_is_a_crash_and_sys_exit_an_exit),
        cmocka_unit_test(megabytes_of_output_are_capped),
        cmocka_unit_test(a_huge_allocation_runs_out_of_memory),
        cmocka_unit_test(a_missing_file_says_so),
        cmocka_unit_test(changing_an_input_in_place_is_named),
        cmocka_unit_test(a_rank1_db_is_named_with_its_mistake),
        cmocka_unit_test(a_package_in_the_users_site_packages_is_importable),
        cmocka_unit_test(a_numpy_in_the_working_folder_does_not_shadow_numpy),
        cmocka_unit_test(a_numpy_beside_the_harness_does_not_shadow_numpy),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
