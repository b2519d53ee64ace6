/*
 * Finding the learner's Python: the order ex_python_find documents
 * ($DNN_TUTOR_PYTHON, python3 on PATH, then /usr/bin/python3), the message
 * when none imports numpy, and where numpy may come from — the user's
 * site-packages (pip install --user) and PYTHONPATH count, a numpy in the
 * working folder does not.
 *
 * The interpreters are shell scripts of ours: "fake" ones print a version
 * line as the probe's program would; the one "without numpy" is a real
 * python run with -S (no site-packages), so its failure is python's own.
 * The tests that need a real python skip without one (none needs numpy).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dnn_test.h"
#include "ex_python.h"
#include "ex_python_internal.h"
#include "user_site.h"

static char tmp[64];
static char real_py[256];  /* a python that runs, or "" */
static char old_cwd[4096];
static char old_path[8192];

static void write_file(const char *path, const char *text, mode_t mode)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
    assert_int_equal(chmod(path, mode), 0);
}

/* mkdir -p, without a shell: the tests change PATH. */
static void make_dir(const char *path)
{
    char buf[1024];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *p = buf + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            mkdir(buf, 0755);
            *p = '/';
        }
    mkdir(buf, 0755);
    struct stat st;
    assert_int_equal(stat(buf, &st), 0);
    assert_true(S_ISDIR(st.st_mode));
}

/* tmp/NAME: a script that answers the probe as a python with numpy VERSION. */
static void fake_python(const char *name, const char *numpy_version)
{
    char path[512], text[256];
    snprintf(path, sizeof path, "%s/%s", tmp, name);
    char *slash = strrchr(path, '/');
    *slash = '\0';
    make_dir(path);
    *slash = '/';
    snprintf(text, sizeof text, "#!/bin/sh\nprintf '3.99.0 %s'\n", numpy_version);
    write_file(path, text, 0755);
}

/* tmp/NAME: a real python without its site-packages, so without numpy. */
static void python_without_numpy(const char *name)
{
    char path[512], text[512];
    snprintf(path, sizeof path, "%s/%s", tmp, name);
    char *slash = strrchr(path, '/');
    *slash = '\0';
    make_dir(path);
    *slash = '/';
    if (real_py[0])
        snprintf(text, sizeof text, "#!/bin/sh\nexec '%s' -S \"$@\"\n", real_py);
    else
        snprintf(text, sizeof text,
                 "#!/bin/sh\necho \"ModuleNotFoundError: No module named 'numpy'\" >&2\nexit 1\n");
    write_file(path, text, 0755);
}

/* A package named numpy in DIR whose version says where it is. */
static void numpy_shim(const char *dir, const char *version)
{
    char path[1024], text[128];
    snprintf(path, sizeof path, "%s/numpy", dir);
    make_dir(path);
    snprintf(path, sizeof path, "%s/numpy/__init__.py", dir);
    snprintf(text, sizeof text, "__version__ = '%s'\n", version);
    write_file(path, text, 0644);
}

static void set_path(const char *dirs)
{
    char buf[1024];
    snprintf(buf, sizeof buf, "%s", dirs);
    assert_int_equal(setenv("PATH", buf, 1), 0);
}

static int each_setup(void **state)
{
    (void)state;
    snprintf(tmp, sizeof tmp, "/tmp/dnn-ex-python-XXXXXX");
    if (!mkdtemp(tmp))
        return -1;
    unsetenv("DNN_TUTOR_PYTHON");
    unsetenv("PYTHONPATH");
    unsetenv("PYTHONUSERBASE");
    unsetenv("PYTHONNOUSERSITE");
    unsetenv("PYTHONSAFEPATH");
    return 0;
}

static int each_teardown(void **state)
{
    (void)state;
    setenv("PATH", old_path, 1);
    if (chdir(old_cwd) != 0)
        return -1;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
    return system(cmd) == 0 ? 0 : -1;
}

/* The three candidates of one test: $DNN_TUTOR_PYTHON = tmp/a/mine, PATH =
 * tmp/b (its python3), the last = tmp/c/last; each with numpy VERSION, or
 * without numpy when VERSION is NULL. Writes the paths into env and last. */
static void candidates(const char *a, const char *b, const char *c, char env[256], char last[256])
{
    const char *names[] = { "a/mine", "b/python3", "c/last" }, *versions[] = { a, b, c };
    for (int i = 0; i < 3; i++)
        if (versions[i])
            fake_python(names[i], versions[i]);
        else
            python_without_numpy(names[i]);
    char path[256];
    snprintf(env, 256, "%s/a/mine", tmp);
    snprintf(path, sizeof path, "%s/b", tmp);
    snprintf(last, 256, "%s/c/last", tmp);
    setenv("DNN_TUTOR_PYTHON", env, 1);
    set_path(path);
}

static void dnn_tutor_python_comes_first(void **state)
{
    (void)state;
    char env[256], last[256], msg[1024] = "";
    candidates("1.0-a", "1.0-b", "1.0-c", env, last);
    ex_python py;
    assert_true(ex_python_find_from(last, &py, msg, sizeof msg));
    assert_string_equal(py.source, "DNN_TUTOR_PYTHON");
    assert_string_equal(py.path, env);
    assert_string_equal(py.version, "3.99.0");
    assert_string_equal(py.numpy, "1.0-a");
}

static void dnn_tutor_python_may_be_a_name_on_path(void **state)
{
    (void)state;
    char env[256], last[256], msg[1024] = "", path[256];
    candidates("1.0-a", "1.0-b", "1.0-c", env, last);
    snprintf(path, sizeof path, "%s/b:%s/a", tmp, tmp);
    set_path(path);
    setenv("DNN_TUTOR_PYTHON", "mine", 1);
    ex_python py;
    assert_true(ex_python_find_from(last, &py, msg, sizeof msg));
    assert_string_equal(py.source, "DNN_TUTOR_PYTHON");
    assert_string_equal(py.path, env);
}

static void python3_on_path_comes_when_dnn_tutor_python_has_no_numpy(void **state)
{
    (void)state;
    char env[256], last[256], msg[1024] = "", want[256];
    candidates(NULL, "1.0-b", "1.0-c", env, last);
    snprintf(want, sizeof want, "%s/b/python3", tmp);
    ex_python py;
    assert_true(ex_python_find_from(last, &py, msg, sizeof msg));
    assert_string_equal(py.source, "PATH");
    assert_string_equal(py.path, want);
    assert_string_equal(py.numpy, "1.0-b");
}

static void the_last_candidate_comes_when_path_has_no_numpy(void **state)
{
    (void)state;
    char env[256], last[256], msg[1024] = "";
    candidates(NULL, NULL, "1.0-c", env, last);
    ex_python py;
    assert_true(ex_python_find_from(last, &py, msg, sizeof msg));
    assert_string_equal(py.path, last);
    assert_string_equal(py.numpy, "1.0-c");
}

static void without_numpy_anywhere_the_message_says_what_was_tried_and_how_to_install(void **state)
{
    (void)state;
    char env[256], last[256];
    candidates(NULL, NULL, NULL, env, last);
    ex_python py;
    char msg[2048] = "", want[2048], tried[1024];
    assert_false(ex_python_find_from(last, &py, msg, sizeof msg));
    snprintf(tried, sizeof tried, "%s (DNN_TUTOR_PYTHON), %s/b/python3, %s", env, tmp, last);
    ex_python_missing_text(tried, want, sizeof want);
    assert_string_equal(msg, want);
    assert_non_null(strstr(msg, "no Python 3 with numpy found (tried "));
    assert_non_null(strstr(msg, "sudo apt install python3-numpy"));
    assert_non_null(strstr(msg, "python3 -m pip install numpy"));
}

/* The real python answers with the numpy that PYTHONPATH or the user site holds. */
static void found_with(const char *want_numpy)
{
    char msg[1024] = "";
    setenv("DNN_TUTOR_PYTHON", real_py, 1);
    ex_python py;
    assert_true(ex_python_find(&py, msg, sizeof msg));
    assert_string_equal(py.source, "DNN_TUTOR_PYTHON");
    assert_string_equal(py.numpy, want_numpy);
}

/* A numpy shim in tmp/pp, put on PYTHONPATH. */
static void numpy_on_pythonpath(void)
{
    char dir[256];
    snprintf(dir, sizeof dir, "%s/pp", tmp);
    numpy_shim(dir, "0.0.0+pythonpath");
    setenv("PYTHONPATH", dir, 1);
}

static void a_numpy_on_pythonpath_is_found(void **state)
{
    (void)state;
    if (!real_py[0])
        skip();
    numpy_on_pythonpath();
    found_with("0.0.0+pythonpath");
}

static void a_numpy_in_the_user_site_is_found(void **state)
{
    (void)state;
    if (!real_py[0])
        skip();
    char base[256], site[1024];
    snprintf(base, sizeof base, "%s/userbase", tmp);
    setenv("PYTHONUSERBASE", base, 1);
    if (!user_site_of(real_py, site, sizeof site))
        skip();  /* a virtual environment, or a python built without user site-packages */
    numpy_shim(site, "0.0.0+usersite");
    found_with("0.0.0+usersite");
}

static void a_numpy_in_the_working_folder_is_not_taken(void **state)
{
    (void)state;
    if (!real_py[0])
        skip();
    numpy_on_pythonpath();
    char dir[256];
    snprintf(dir, sizeof dir, "%s/cwd", tmp);
    numpy_shim(dir, "0.0.0+cwd");
    assert_int_equal(chdir(dir), 0);
    found_with("0.0.0+pythonpath");
}

int main(void)
{
    if (!getcwd(old_cwd, sizeof old_cwd))
        return 1;
    snprintf(old_path, sizeof old_path, "%s", getenv("PATH") ? getenv("PATH") : "/usr/bin:/bin");
    const char *candidates[] = { "/usr/bin/python3", "/usr/local/bin/python3" };
    for (size_t i = 0; i < sizeof candidates / sizeof candidates[0] && !real_py[0]; i++) {
        char cmd[512];
        snprintf(cmd, sizeof cmd, "'%s' -c pass >/dev/null 2>&1", candidates[i]);
        if (access(candidates[i], X_OK) == 0 && system(cmd) == 0)
            snprintf(real_py, sizeof real_py, "%s", candidates[i]);
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(dnn_tutor_python_comes_first, each_setup, each_teardown),
        cmocka_unit_test_setup_teardown(dnn_tutor_python_may_be_a_name_on_path, each_setup, each_teardown),
        cmocka_unit_test_setup_teardown(python3_on_path_comes_when_dnn_tutor_python_has_no_numpy, each_setup,
                                        each_teardown),
        cmocka_unit_test_setup_teardown(the_last_candidate_comes_when_path_has_no_numpy, each_setup,
                                        each_teardown),
        cmocka_unit_test_setup_teardown(without_numpy_anywhere_the_message_says_what_was_tried_and_how_to_install,
                                        each_setup, each_teardown),
        cmocka_unit_test_setup_teardown(a_numpy_on_pythonpath_is_found, each_setup, each_teardown),
        cmocka_unit_test_setup_teardown(a_numpy_in_the_user_site_is_found, each_setup, each_teardown),
        cmocka_unit_test_setup_teardown(a_numpy_in_the_working_folder_is_not_taken, each_setup, each_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
