/*
 * test_cli_lessons.c — `dnn-tutor lessons check [DIR]` from the outside
 * ($DNN_TUTOR_BINARY): exit codes 0 / 1 / 2, problems on stdout as
 * FILE:LINE:COL: path: message, the summary line, usage errors on stderr.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct run_result {
    int status;   /* exit code, or −1 when the program did not exit normally */
    char out[65536];
    char err[65536];
} run_result;

static char *slurp(int fd, char *buf, size_t size)
{
    size_t n = 0;
    ssize_t got;
    while (n + 1 < size && (got = read(fd, buf + n, size - n - 1)) > 0)
        n += (size_t)got;
    buf[n] = '\0';
    return buf;
}

/* Runs dnn-tutor with args (NULL-terminated); stdout and stderr go through
 * temporary files, so neither pipe can fill up and block. */
static void run(run_result *r, const char *const *args)
{
    const char *bin = getenv("DNN_TUTOR_BINARY");
    assert_non_null(bin);
    char out_path[] = "/tmp/dnn-cli-out-XXXXXX", err_path[] = "/tmp/dnn-cli-err-XXXXXX";
    int out = mkstemp(out_path), err = mkstemp(err_path);
    assert_true(out >= 0 && err >= 0);
    const char *argv[16] = {bin};
    int n = 1;
    for (; args[n - 1] && n < 15; n++)
        argv[n] = args[n - 1];
    argv[n] = NULL;
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        dup2(out, 1);
        dup2(err, 2);
        int devnull = open("/dev/null", O_RDONLY);
        if (devnull >= 0)
            dup2(devnull, 0);
        execv(bin, (char *const *)argv);
        _exit(127);
    }
    int st;
    assert_int_equal(waitpid(pid, &st, 0), pid);
    r->status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    lseek(out, 0, SEEK_SET);
    lseek(err, 0, SEEK_SET);
    slurp(out, r->out, sizeof r->out);
    slurp(err, r->err, sizeof r->err);
    close(out);
    close(err);
    unlink(out_path);
    unlink(err_path);
}

static const char *fixtures(const char *name)
{
    static char path[4096];
    const char *root = getenv("DNN_TUTOR_SOURCE_ROOT");
    snprintf(path, sizeof path, "%s/tests/data/lessons/%s", root ? root : ".", name);
    return path;
}

static void checking_the_shipped_lessons_passes_with_a_summary(void **state)
{
    (void)state;
    static run_result r;
    const char *args[] = {"lessons", "check", NULL};
    run(&r, args);
    if (r.status != 0)
        print_message("%s%s", r.out, r.err);
    assert_int_equal(r.status, 0);
    /* one line: "N files, N weeks, N lessons, N quizzes (N typed), N labs: OK" */
    int files, weeks, lessons, quizzes, typed, labs, used = 0;
    assert_int_equal(sscanf(r.out, "%d files, %d weeks, %d lessons, %d quizzes (%d typed), %d labs: OK\n%n", &files,
                            &weeks, &lessons, &quizzes, &typed, &labs, &used),
                     6);
    assert_int_equal((size_t)used, strlen(r.out));
    assert_true(files >= 1 && weeks >= 1 && lessons >= 1);
    assert_string_equal(r.err, "");
}

static void checking_a_good_directory_prints_its_counts(void **state)
{
    (void)state;
    static run_result r;
    const char *args[] = {"lessons", "check", fixtures("good"), NULL};
    run(&r, args);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.out, "2 files, 2 weeks, 3 lessons, 4 quizzes (3 typed), 2 labs: OK\n");
    assert_string_equal(r.err, "");
}

static void a_bad_file_fails_the_check_with_its_position(void **state)
{
    (void)state;
    static run_result r;
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", fixtures("mixed"));
    const char *args[] = {"lessons", "check", dir, NULL};
    run(&r, args);
    assert_int_equal(r.status, 1);
    char want[9000];
    snprintf(want, sizeof want,
             "%s/b-bad.json:2:54: weeks[0].lessons[0].title.en: empty text\n"
             "3 files (1 skipped), 2 weeks, 2 lessons, 0 quizzes (0 typed), 0 labs: 1 problem\n",
             dir);
    assert_string_equal(r.out, want);
    assert_string_equal(r.err, "");
}

static void a_missing_directory_fails_the_check(void **state)
{
    (void)state;
    static run_result r;
    const char *args[] = {"lessons", "check", "/nonexistent/lessons", NULL};
    run(&r, args);
    assert_int_equal(r.status, 1);
    assert_string_equal(r.out, "/nonexistent/lessons: cannot open the directory: No such file or directory\n"
                               "0 files, 0 weeks, 0 lessons, 0 quizzes (0 typed), 0 labs: 1 problem\n");
}

static void bad_usage_exits_2_with_a_message_on_stderr(void **state)
{
    (void)state;
    static run_result r;
    const char *none[] = {"lessons", NULL};
    run(&r, none);
    assert_int_equal(r.status, 2);
    assert_string_equal(r.out, "");
    assert_non_null(strstr(r.err, "dnn-tutor: lessons: missing the action (check)\n"));

    const char *unknown[] = {"lessons", "lint", NULL};
    run(&r, unknown);
    assert_int_equal(r.status, 2);
    assert_string_equal(r.err, "dnn-tutor: lessons: unknown action 'lint' (expected check)\n");

    const char *two[] = {"lessons", "check", "a", "b", NULL};
    run(&r, two);
    assert_int_equal(r.status, 2);
    assert_string_equal(r.err, "dnn-tutor: lessons check: one directory at most ('a' and 'b' given)\n");

    const char *option[] = {"lessons", "check", "--frobnicate", NULL};
    run(&r, option);
    assert_int_equal(r.status, 2);
    assert_string_equal(r.err, "dnn-tutor: lessons check: unknown option '--frobnicate'\n");
}

static void help_is_printed_on_stdout(void **state)
{
    (void)state;
    static run_result r;
    const char *args[] = {"lessons", "check", "--help", NULL};
    run(&r, args);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "Usage: dnn-tutor lessons check [DIR]"));
    assert_string_equal(r.err, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(checking_the_shipped_lessons_passes_with_a_summary),
        cmocka_unit_test(checking_a_good_directory_prints_its_counts),
        cmocka_unit_test(a_bad_file_fails_the_check_with_its_position),
        cmocka_unit_test(a_missing_directory_fails_the_check),
        cmocka_unit_test(bad_usage_exits_2_with_a_message_on_stderr),
        cmocka_unit_test(help_is_printed_on_stdout),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
