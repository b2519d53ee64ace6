/*
 * test_ex_hostile.c — a learner's file that fights back, for every
 * assignment (its first exercise): an endless loop, an error, megabytes of
 * prints, the wrong type, NaN, a missing import, bytes that are not UTF-8,
 * sys.exit, a killed process. Each must give its own outcome and a verdict
 * text that says so — never a hang, never a pass. Skipped (77) without a
 * Python 3 with numpy.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dnn_test.h"
#include "ex_check.h"
#include "ex_python.h"
#include "ex_text.h"

static ex_python py;
static char harness[4096];
static char tmpdir[64];

typedef struct hostile {
    const char *name;
    const char *source;     /* a printf format: %s is the function's name (used once) */
    double timeout;
    ex_outcome outcome;     /* EX_OUTCOME_COUNT: any failing outcome */
    const char *phrase;     /* in the English verdict text */
} hostile;

static const hostile hostiles[] = {
    { "endless loop", "def %s(*args, **kwargs):\n    while True:\n        pass\n", 1.5, EX_TIMEOUT, "1.5" },
    { "raises", "def %s(*args, **kwargs):\n    raise KeyError('W9')\n", 30, EX_EXCEPTION, "KeyError" },
    { "prints megabytes", "def %s(*args, **kwargs):\n    print('noise ' * 400000)\n", 30, EX_NONE, "None" },
    { "returns a string", "def %s(*args, **kwargs):\n    return 'a string'\n", 30, EX_WRONG_TYPE, "str" },
    { "returns NaN", "def %s(*args, **kwargs):\n    return args[0] * float('nan')\n", 30, EX_OUTCOME_COUNT, "" },
    { "imports what is missing", "import no_such_module_for_dnn\ndef %s(*args):\n    pass\n", 30, EX_IMPORT_ERROR,
      "no_such_module_for_dnn" },
    /* in a string (Python lets a comment's stray bytes pass) */
    { "not UTF-8", "name = 'caf\xe9 \xff'\ndef %s(*args):\n    pass\n", 30, EX_IMPORT_ERROR, "utf-8" },
    { "sys.exit", "import sys\ndef %s(*args, **kwargs):\n    sys.exit(3)\n", 30, EX_EXIT, "" },
    { "killed", "import os, signal\ndef %s(*args, **kwargs):\n    os.kill(os.getpid(), signal.SIGKILL)\n", 30,
      EX_CRASH, "" },
};

/* The first exercise of each assignment, in the course's order. */
static int first_exercises(const ex_def **out)
{
    int n = 0;
    for (int i = 0; i < ex_def_count(); i++) {
        const ex_def *d = ex_def_at(i);
        if (n == 0 || strcmp(out[n - 1]->assignment, d->assignment) != 0)
            out[n++] = d;
    }
    return n;
}

static void run_hostile(const ex_def *def, const hostile *h, int k)
{
    char dir[512], path[600], source[512], text[4096];
    snprintf(dir, sizeof dir, "%.64s/%s-%d", tmpdir, def->assignment, k);
    assert_int_equal(mkdir(dir, 0755), 0);
    snprintf(path, sizeof path, "%s/%s.py", dir, def->assignment);
    snprintf(source, sizeof source, h->source, def->function);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(source, f);
    assert_int_equal(fclose(f), 0);

    ex_check_options opt = { dir, NULL, harness, &py, ex_run_default_limits() };
    opt.limits.timeout_s = h->timeout;
    ex_result r;
    ex_check_exercise(def, &opt, &r);
    const ex_verdict *v = ex_result_first_failure(&r);
    if (!v)
        fail_msg("%s/%s, %s: passed", def->assignment, def->function, h->name);
    ex_verdict_text(v, def->function, 0, text, sizeof text);
    if (h->outcome != EX_OUTCOME_COUNT && r.outcome != h->outcome)
        fail_msg("%s/%s, %s: %s, wanted %s (%s)", def->assignment, def->function, h->name,
                 ex_outcome_name(r.outcome), ex_outcome_name(h->outcome), text);
    if (r.outcome == EX_INTERNAL || !text[0] || !strstr(text, h->phrase))
        fail_msg("%s/%s, %s: the verdict '%s' does not say '%s'", def->assignment, def->function, h->name, text,
                 h->phrase);
    for (int i = 0; i < r.n_cases; i++)
        if (r.cases[i].output)
            assert_true(strlen(r.cases[i].output) <= opt.limits.output_cap);
    ex_result_free(&r);
}

static void every_assignment_meets_every_hostile_file(void **state)
{
    (void)state;
    const ex_def *defs[16];
    int n = first_exercises(defs);
    assert_true(n >= 5);
    int k = 0;
    for (int a = 0; a < n; a++)
        for (size_t h = 0; h < sizeof hostiles / sizeof hostiles[0]; h++)
            run_hostile(defs[a], &hostiles[h], k++);
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
    const char *t = getenv("TMPDIR");
    snprintf(tmpdir, sizeof tmpdir, "%.40s/ex-hostile-XXXXXX", t && *t ? t : "/tmp");
    if (!mkdtemp(tmpdir))
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_assignment_meets_every_hostile_file),
    };
    return cmocka_run_group_tests(tests, NULL, teardown);
}
