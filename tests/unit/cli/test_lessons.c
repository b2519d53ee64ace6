/*
 * test_lessons.c — `dnn-tutor lessons check [DIR]` from the outside
 * ($DNN_TUTOR_BINARY): exit codes 0 / 1 / 2, problems on stdout as
 * FILE:LINE:COL: path: message, the summary line, usage errors on stderr;
 * `dnn-tutor lessons try QUIZ_ID ANSWER`: the verdict, what the reader would
 * show, exit 0 right / 1 wrong / 3 unreadable / 2 bad usage.
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

/* The lesson layer checks an exercise id's form; which exercises exist is
 * the catalog's word, asked by `lessons check`. */
static void an_exercise_block_naming_no_exercise_fails_the_check(void **state)
{
    (void)state;
    static run_result r;
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", fixtures("exercise-link"));
    const char *args[] = {"lessons", "check", dir, NULL};
    run(&r, args);
    assert_int_equal(r.status, 1);
    char want[9000];
    snprintf(want, sizeof want,
             "%s/a.json:6: lesson l1, page 1, block 2: no exercise \"w4a1/linear_fwd\" (dnn-tutor exercises list "
             "shows them)\n"
             "1 file, 1 week, 1 lesson, 0 quizzes (0 typed), 0 labs: 1 problem\n",
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
    assert_non_null(strstr(r.err, "dnn-tutor: lessons: missing the action (check or try)\n"));

    const char *unknown[] = {"lessons", "lint", NULL};
    run(&r, unknown);
    assert_int_equal(r.status, 2);
    assert_string_equal(r.err, "dnn-tutor: lessons: unknown action 'lint' (expected check or try)\n");

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

/* Answers to the shipped quizzes, judged from outside: the verdict line and
 * the exit code, and a piece of what the reader would show. */
static void trying_answers_prints_the_verdict_and_exits_with_it(void **state)
{
    (void)state;
    static const struct {
        const char *quiz, *answer, *lang;
        int status;
        const char *first_line, *shows;
    } cases[] = {
        {"w2-q-x-shape-cats", "12288×400", "en", 0, "right", "(12288, 400)"},
        {"w2-q-x-shape-cats", "12288 x 400", "en", 0, "right", NULL},
        {"w2-q-x-shape-cats", "(64*64*3, 400)", "en", 0, "right", NULL},
        {"w2-q-x-shape-cats", "（１２２８８，４００）", "zh", 0, "right", "12288"},
        {"w2-q-x-shape-cats", "(400, 12288)", "en", 1, "wrong", "columns"},
        {"w2-q-x-shape-cats", "12288400", "en", 3, "unreadable", "did not use up a try"},
        {"w2-q-x-shape-cats", "12288；400", "zh", 3, "unreadable", "这次不算作答"},
        {"w3-q-rep-w1-shape", "(1 4)", "en", 1, "wrong", NULL},
        {"w3-q-rep-w1-shape", "(4 3)", "en", 0, "right", NULL},
        {"w3-q-gd-dw1-shape", "(2, 400)", "en", 1, "wrong", "shape of X"},
        {"w3-q-gd-dw1-shape", "(2, 4)", "zh", 1, "wrong", "转置"},
        {"w2-q-nx", "12,288", "en", 0, "right", NULL},
        {"w2-q-nx", "64*64*3", "en", 0, "right", NULL},
        {"w2-q-nx", "64×64×3", "en", 0, "right", NULL},
        {"w2-q-nx", "1,2288", "en", 3, "unreadable", "64*64*3"},
        {"w2-q-deriv-log", "1/4", "en", 0, "right", NULL},
        {"w2-q-share", "60%", "en", 0, "right", NULL},
        {"w2-q-da", "\u22121.25", "en", 0, "right", NULL},
        {"w2-q-da", "1.25", "en", 1, "wrong", "sign"},
        {"w3-q-planar-hidden-act", "双曲正切", "zh", 0, "right", "tanh"},
        {"w3-q-act-output-binary", "sigmoid函数", "zh", 0, "right", NULL},
        {"w3-q-act-output-binary", "tanh", "en", 1, "wrong", NULL},
        {"w4-q-blocks-cache", "a", "en", 0, "right", NULL},
        {"w4-q-blocks-cache", "c", "en", 1, "wrong", "only in the update"},
        {"w3-q-bp-why-elementwise", "d", "zh", 1, "wrong", "逐元素作用"},
        {"w3-q-bp-w2t-dz2-shape", "1 x 400", "en", 1, "wrong", "shape of dZ^[2]"},
        {"w4-q-dims-da1", "(5, 3)", "en", 1, "wrong", "W^[2]ᵀ"},
        {"w4-q-bwd-relu", "2", "en", 1, "wrong", "slope is 0"},
        {"w3-q-der-tanh-from-a", "1/2", "zh", 1, "wrong", "1 − a²"},
        {"w3-q-der-sigmoid-from-a", "0.36", "en", 1, "wrong", "slope of tanh"},
        {"w2-q-dw1", "0.4", "en", 1, "wrong", "sign"},
        {"w4-q-report-part", "a", "zh", 0, "right", "实验原理"},
        {"w4-q-report-part", "d", "en", 1, "wrong", "principle they rest on"},
        {"w4-q-report-outer", "4 x 2", "en", 0, "right", NULL},
        {"w4-q-report-outer", "(4, 400)", "en", 1, "wrong", "all the examples"},
        {"w4-q-report-errors", "38", "en", 0, "right", "FP + FN"},
        {"w4-q-report-errors", "40", "zh", 1, "wrong", "90.50%"},
        {"w4-q-report-baseline", "85%", "en", 0, "right", NULL},
        {"w4-q-report-baseline", "15", "en", 1, "wrong", "always answering 1"},
        {"w4-q-report-argue", "b", "en", 0, "right", "argument from the facts"},
        {"w4-q-report-argue", "a", "en", 1, "wrong", "same gradient"},
        {"w4-q-blocks-cache", "z", "en", 3, "unreadable", "letter or number"},
        {"w2-q-keepdims", "(4,)", "en", 1, "wrong", "without keepdims=True"},
        {"w2-q-keepdims", "4", "zh", 1, "wrong", "不加 keepdims=True"},
        {"w2-q-keepdims", "(3,)", "en", 3, "unreadable", "did not use up a try"},
        {"w2-q-keepdims", "(3, 1)", "en", 1, "wrong", "axis=1"},
        {"w2-q-keepdims-dz", "(4,)", "en", 1, "wrong", "(4, 4)"},
        {"w2-q-keepdims-dz", "1 x 400", "en", 1, "wrong", "axis=0"},
        {"w2-q-keepdims-dz", "(1, 400)", "zh", 1, "wrong", "每个样本"},
        {"w1-q-type-shape", "400 x 2", "en", 1, "wrong", "Transposed"},
        {"w3-q-planar-x-shape", "(400, 2)", "zh", 1, "wrong", "转置"},
        {"w4-q-fwd-a0-shape", "(400, 2)", "en", 1, "wrong", "Transposed"},
        {"w4-q-fwd-a0-shape", "(5, 400)", "en", 1, "wrong", "A^[1]"},
        {"w2-q-bc-col-rank1", "(4, 1)", "en", 1, "wrong", "both sides are stretched"},
        {"w2-q-bc-col-rank1", "3×4", "zh", 1, "wrong", "颠倒"},
        {"w3-q-gen-gap", "-4.69", "en", 1, "wrong", "other way round"},
        {"w3-q-gen-gap", "25.62", "en", 1, "wrong", "50 hidden units"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        static run_result r;
        const char *args[] = {"lessons", "try", cases[i].quiz, "--lang", cases[i].lang, "--", cases[i].answer, NULL};
        run(&r, args);
        char first[64] = "";
        sscanf(r.out, "%63[^\n]", first);
        if (r.status != cases[i].status || strcmp(first, cases[i].first_line) != 0 ||
            (cases[i].shows && !strstr(r.out, cases[i].shows)))
            print_message("case %zu: %s %s -> %d\n%s%s", i, cases[i].quiz, cases[i].answer, r.status, r.out, r.err);
        assert_int_equal(r.status, cases[i].status);
        assert_string_equal(first, cases[i].first_line);
        if (cases[i].shows)
            assert_non_null(strstr(r.out, cases[i].shows));
        assert_string_equal(r.err, "");
    }
}

static void trying_an_unknown_quiz_or_without_an_answer_is_bad_usage(void **state)
{
    (void)state;
    static run_result r;
    const char *unknown[] = {"lessons", "try", "no-such-quiz", "1", NULL};
    run(&r, unknown);
    assert_int_equal(r.status, 2);
    assert_string_equal(r.out, "");
    assert_string_equal(r.err, "dnn-tutor: lessons try: no quiz has the id 'no-such-quiz'\n");
    const char *missing[] = {"lessons", "try", "w2-q-nx", NULL};
    run(&r, missing);
    assert_int_equal(r.status, 2);
    assert_non_null(strstr(r.err, "dnn-tutor: lessons try: missing the answer\n"));
    const char *lang[] = {"lessons", "try", "w2-q-nx", "1", "--lang", "fr", NULL};
    run(&r, lang);
    assert_int_equal(r.status, 2);
    assert_string_equal(r.err, "dnn-tutor: lessons try: --lang takes zh or en, not 'fr'\n");
    /* a negative answer after -- is an answer, not an option */
    const char *neg[] = {"lessons", "try", "w2-q-dz", "--", "-0.2", NULL};
    run(&r, neg);
    assert_int_equal(r.status, 0);
}

/* Every wrong option of the choice quizzes on the backward equations (and
 * on the derivatives that feed them) has feedback of its own: `lessons try`
 * prints a second line for it (in Chinese too, tried on the first one). */
static void every_wrong_option_of_the_backward_choice_quizzes_has_feedback(void **state)
{
    (void)state;
    static const struct {
        const char *quiz;
        const char *wrong; /* the letters of the wrong options */
    } quizzes[] = {
        {"w3-q-bp-why-elementwise", "abd"},
        {"w4-q-blocks-cache", "bcd"},
        {"w2-q-dvar", "bcd"},
        {"w2-q-accumulator", "abd"},
    };
    static const char *const langs[] = {"en", "zh"};
    for (size_t i = 0; i < sizeof quizzes / sizeof quizzes[0]; i++)
        for (const char *c = quizzes[i].wrong; *c; c++)
            for (size_t l = 0; l < (c == quizzes[i].wrong ? 2u : 1u); l++) { /* zh: the first wrong option */
                static run_result r;
                char answer[2] = {*c, '\0'};
                const char *args[] = {"lessons", "try", quizzes[i].quiz, "--lang", langs[l], answer, NULL};
                run(&r, args);
                const char *nl = strchr(r.out, '\n');
                if (r.status != 1 || !nl || strlen(nl + 1) < 10)
                    print_message("%s %s (%s): exit %d, shows \"%s\"\n", quizzes[i].quiz, answer, langs[l], r.status,
                                  r.out);
                assert_int_equal(r.status, 1);
                assert_non_null(nl);
                assert_true(strlen(nl + 1) >= 10); /* the feedback, not an empty line */
            }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(checking_the_shipped_lessons_passes_with_a_summary),
        cmocka_unit_test(checking_a_good_directory_prints_its_counts),
        cmocka_unit_test(a_bad_file_fails_the_check_with_its_position),
        cmocka_unit_test(an_exercise_block_naming_no_exercise_fails_the_check),
        cmocka_unit_test(a_missing_directory_fails_the_check),
        cmocka_unit_test(bad_usage_exits_2_with_a_message_on_stderr),
        cmocka_unit_test(help_is_printed_on_stdout),
        cmocka_unit_test(trying_answers_prints_the_verdict_and_exits_with_it),
        cmocka_unit_test(trying_an_unknown_quiz_or_without_an_answer_is_bad_usage),
        cmocka_unit_test(every_wrong_option_of_the_backward_choice_quizzes_has_feedback),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
