/*
 * cmd_exercises.c — `dnn-tutor exercises list|check|watch|hint|init`: the
 * course's graded functions, written by the learner in numpy, checked by a
 * child Python against values from the C core (src/exercise). Here: the
 * usage, list, check (and the checks watch runs too), hint and init. Watch
 * is in cmd_exercises_watch.c; the options, catalog and progress every
 * action opens are in cmd_exercises_env.c.
 *
 *   stdout:  the listing, verdicts, hints (or one JSON document with --json)
 *   stderr:  usage errors, missing Python/numpy, unreadable exercise files
 *   exit:    check: 0 every named exercise passes, 1 any fails (or cannot be
 *            checked), 2 bad usage; the others: 0, 1 on an error, 2 bad usage
 */
#include <limits.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_exercises_internal.h"
#include "commands.h"
#include "ex_files.h"
#include "ex_report.h"
#include "ex_text.h"
#include "json.h"

static const char exercises_usage[] =
    "Usage: dnn-tutor exercises list [--json] [--lang zh|en]\n"
    "       dnn-tutor exercises check [ID...] [--dir DIR] [--json] [--timeout S] [--lang zh|en]\n"
    "       dnn-tutor exercises watch [--dir DIR] [--timeout S] [--lang zh|en]\n"
    "       dnn-tutor exercises hint ID [--lang zh|en]\n"
    "       dnn-tutor exercises init [DIR]\n"
    "\n"
    "The course's graded functions, written by you in numpy, one file per assignment\n"
    "(w2a1.py ... w4a2.py), checked against the course's test cases and hidden ones.\n"
    "An ID is ASSIGNMENT/FUNCTION (w4a1/L_model_backward) or a whole ASSIGNMENT (w4a1).\n"
    "\n"
    "  list    every exercise with its status and one line about it\n"
    "  check   runs the named exercises (all when none is named) and says what is\n"
    "          wrong; exit 0 when all pass, 1 when any fails, 2 on bad usage\n"
    "  watch   checks again every time a file is saved; stops at the first exercise\n"
    "          that does not pass yet (q and Enter, or Ctrl-C, ends it)\n"
    "  hint    the hints of one exercise, easiest first\n"
    "  init    copies the exercise files and the course's helper modules into DIR\n"
    "          (default ~/dnn-tutor-exercises), never over a file that is there;\n"
    "          the folder is remembered for check and the app\n"
    "\n"
    "  --dir DIR      the folder with your files (default: the one init remembered)\n"
    "  --json         machine-readable output (check: per case the inputs, expected\n"
    "                 and your output as nested lists, and the verdict; a hidden\n"
    "                 case's expected is null)\n"
    "  --timeout S    time limit of one exercise's run in seconds (default 10)\n"
    "  --lang zh|en   language of the texts (default: from LANG)\n"
    "\n"
    "Your code runs in a child Python 3 with numpy: $DNN_TUTOR_PYTHON, else python3 on\n"
    "PATH, else /usr/bin/python3 (the first that imports numpy), limited in time and\n"
    "memory (1 GiB).\n";

static const char *status_word(progress_ex_status s)
{
    return s == PROGRESS_EX_PASS ? "pass" : s == PROGRESS_EX_FAIL ? "fail" : "todo";
}

static int do_list(int argc, char **argv)
{
    ex_opts o;
    ex_env e;
    int rc = exc_open(argc, argv, 0, 0, NULL, &o, &e);
    if (rc)
        return rc;
    if (o.json)
        printf("{\"exercises\": [");
    for (int i = 0; i < e.catalog->n; i++) {
        const ex_meta *m = &e.catalog->ex[i];
        const char *st = status_word(progress_exercise_get(e.progress, m->id));
        if (o.json) {
            printf("%s\n  {\"id\": ", i ? "," : "");
            cli_json_string(stdout, m->id);
            printf(", \"file\": ");
            cli_json_string(stdout, m->file);
            printf(", \"function\": ");
            cli_json_string(stdout, m->function);
            printf(", \"status\": \"%s\", \"title\": ", st);
            cli_json_string(stdout, ex_text_in(&m->title, o.lang));
            printf("}");
        } else {
            printf("%-38s %-4s  %s\n", m->id, st, ex_text_in(&m->title, o.lang));
        }
    }
    if (o.json)
        printf("\n]}\n");
    exc_env_close(&e);
    return fflush(stdout) == 0 ? 0 : 1;
}

static void print_indented(const char *text, const char *indent)
{
    const char *p = text;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        printf("%s%.*s\n", indent, (int)len, p);
        p += len;
        if (*p == '\n')
            p++;
    }
}

static void print_result(const ex_result *r, const ex_meta *m, int lang)
{
    char msg[4096];
    bool pass = r->outcome == EX_PASS;
    printf("%s %s  (%s)\n", pass ? "✓" : "✗", m->id, r->file);
    if (r->file_verdict.outcome != EX_PASS) {
        ex_verdict_text(&r->file_verdict, m->function, lang, msg, sizeof msg);
        print_indented(msg, "    ");
        return;
    }
    if (pass)
        return;
    for (int i = 0; i < r->n_cases; i++) {
        const ex_case_result *c = &r->cases[i];
        bool ok = c->v.outcome == EX_PASS;
        printf("    %s %s%s\n", ok ? "✓" : "✗", c->hidden ? (lang ? "（隐藏）" : "hidden: ") : "", c->name);
        if (ok || c->v.outcome == EX_NOT_RUN)
            continue;
        ex_verdict_text(&c->v, m->function, lang, msg, sizeof msg);
        print_indented(msg, "        ");
        if (!c->hidden && c->expected && (c->v.outcome == EX_VALUES || c->v.outcome == EX_SHAPE
                                          || c->v.outcome == EX_RANK1)) {
            char val[2048];
            exv_format(c->expected, val, sizeof val, 40);
            printf("        %s\n", lang ? "应为：" : "expected:");
            print_indented(val, "          ");
            exv_format(c->got, val, sizeof val, 40);
            printf("        %s\n", lang ? "得到：" : "got:");
            print_indented(val, "          ");
        }
        if (c->output && c->output[0]) {
            printf("        %s\n", lang ? "打印输出：" : "it printed:");
            char head[600];
            snprintf(head, sizeof head, "%s", c->output);
            print_indented(head, "          | ");
            if (c->output_bytes > strlen(head))
                printf("          | … (%zu characters in all)\n", c->output_bytes);
        }
        /* one failing case is enough to read; the rest only get their mark */
        for (int k = i + 1; k < r->n_cases; k++)
            printf("    %s %s%s\n", r->cases[k].v.outcome == EX_PASS ? "✓" : "✗",
                   r->cases[k].hidden ? (lang ? "（隐藏）" : "hidden: ") : "", r->cases[k].name);
        break;
    }
}

bool exc_find_python(ex_python *py, bool quiet)
{
    char msg[2048];
    if (!ex_python_find(py, msg, sizeof msg)) {
        fprintf(stderr, "dnn-tutor: %s\n", msg);
        return false;
    }
    if (!quiet)
        printf("python: %s (%s, numpy %s)\n", py->path, py->version, py->numpy);
    return true;
}

int exc_run_checks(ex_env *e, const ex_opts *o, const ex_python *py, const ex_meta **sel, int n,
                   ex_result *res, bool stop_at_first_failure, bool print, const atomic_int *cancel)
{
    char dirbuf[4096], lib[4200], harness[4200];
    const char *dir = exc_learner_dir(o, e, dirbuf, sizeof dirbuf);
    snprintf(lib, sizeof lib, "%s/lib", e->root);
    snprintf(harness, sizeof harness, "%s/harness.py", e->root);
    ex_check_options opt = { dir, lib, harness, py, ex_run_default_limits() };
    opt.limits.timeout_s = o->timeout;
    opt.limits.cancel = cancel;
    int failed = 0;
    for (int i = 0; i < n; i++) {
        ex_check_exercise(sel[i]->def, &opt, &res[i]);
        if (cancel && atomic_load(cancel)) {
            for (int k = i + 1; k < n; k++)
                memset(&res[k], 0, sizeof res[k]);
            break;
        }
        bool pass = res[i].outcome == EX_PASS;
        if (res[i].outcome != EX_NO_FILE)
            progress_exercise_set(e->progress, sel[i]->id, pass ? PROGRESS_EX_PASS : PROGRESS_EX_FAIL);
        if (print) {
            print_result(&res[i], sel[i], o->lang);
            fflush(stdout);
        }
        if (!pass) {
            failed++;
            if (stop_at_first_failure) {
                for (int k = i + 1; k < n; k++)
                    memset(&res[k], 0, sizeof res[k]);
                break;
            }
        }
    }
    return failed;
}

static int do_check(int argc, char **argv)
{
    ex_opts o;
    ex_env e;
    int rc = exc_open(argc, argv, 0, INT_MAX, NULL, &o, &e);
    if (rc)
        return rc;
    static const ex_meta *sel[512];
    int n = exc_select_exercises(&e, &o, sel);
    if (n < 0) {
        exc_env_close(&e);
        return 2;
    }
    ex_python py;
    if (!exc_find_python(&py, o.json)) {
        if (o.json)
            printf("{\"python\": null, \"exercises\": []}\n");
        exc_env_close(&e);
        return 1;
    }
    ex_result *res = calloc((size_t)n + 1, sizeof *res);
    if (!res) {
        exc_env_close(&e);
        return 1;
    }
    int failed = exc_run_checks(&e, &o, &py, sel, n, res, false, !o.json, NULL);
    if (o.json) {
        char *doc = ex_report_json(res, n, &py, o.lang);
        if (doc)
            printf("%s\n", doc);
        free(doc);
    } else {
        printf("%d of %d passed\n", n - failed, n);
    }
    for (int i = 0; i < n; i++)
        ex_result_free(&res[i]);
    free(res);
    exc_env_save(&e);
    exc_env_close(&e);
    if (fflush(stdout) != 0)
        return 1;
    return failed ? 1 : 0;
}

static int do_hint(int argc, char **argv)
{
    ex_opts o;
    ex_env e;
    int rc = exc_open(argc, argv, 1, 1, "exercises hint wants one exercise id (e.g. w4a1/linear_forward)", &o, &e);
    if (rc)
        return rc;
    const ex_meta *m = ex_catalog_find(e.catalog, o.ids[0]);
    if (!m) {
        fprintf(stderr, "dnn-tutor: exercises: unknown exercise '%s'\n", o.ids[0]);
        exc_env_close(&e);
        return 2;
    }
    printf("%s — %s\n%s\n", m->id, ex_text_in(&m->title, o.lang), m->signature);
    print_indented(ex_text_in(&m->task, o.lang), "  ");
    for (int h = 0; h < m->n_hints; h++) {
        char label[32];
        snprintf(label, sizeof label, o.lang ? "提示 %d：" : "hint %d: ", h + 1);
        printf("%s", label);
        print_indented(ex_text_in(&m->hints[h], o.lang), "");
    }
    exc_env_close(&e);
    return 0;
}

static int do_init(int argc, char **argv)
{
    ex_opts o;
    ex_env e;
    int rc = exc_open(argc, argv, 0, 1, "exercises init takes one folder", &o, &e);
    if (rc)
        return rc;
    char dirbuf[4096], abs[4096], msg[1024], log[8192];
    const char *dir = o.n_ids ? o.ids[0] : o.dir;
    if (!dir) {
        if (!ex_default_dir(dirbuf, sizeof dirbuf)) {
            fprintf(stderr, "dnn-tutor: exercises init: HOME is not set; name a folder\n");
            exc_env_close(&e);
            return 2;
        }
        dir = dirbuf;
    }
    int created, kept;
    bool ok = ex_init_folder(e.root, dir, &created, &kept, log, sizeof log, msg, sizeof msg);
    fputs(log, stdout);
    if (!ok) {
        fprintf(stderr, "dnn-tutor: exercises init: %s\n", msg);
        exc_env_close(&e);
        return 1;
    }
    const char *remember = realpath(dir, abs) ? abs : dir;
    progress_set_exercise_dir(e.progress, remember);
    exc_env_save(&e);
    printf("%s: %d %s, %d kept. Next: edit %s/w2a1.py, then run: dnn-tutor exercises check w2a1\n",
           remember, created, created == 1 ? "file created" : "files created", kept, remember);
    exc_env_close(&e);
    return 0;
}

int cmd_exercises(int argc, char **argv)
{
    if (argc < 1) {
        fprintf(stderr, "dnn-tutor: exercises: missing the action (list, check, watch, hint, init)\n\n%s",
                exercises_usage);
        return 2;
    }
    const char *a = argv[0];
    if (!strcmp(a, "-h") || !strcmp(a, "--help") || !strcmp(a, "help")) {
        fputs(exercises_usage, stdout);
        return 0;
    }
    for (int i = 1; i < argc; i++)
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            fputs(exercises_usage, stdout);
            return 0;
        }
    if (!strcmp(a, "list"))
        return do_list(argc - 1, argv + 1);
    if (!strcmp(a, "check"))
        return do_check(argc - 1, argv + 1);
    if (!strcmp(a, "watch"))
        return exc_watch(argc - 1, argv + 1);
    if (!strcmp(a, "hint"))
        return do_hint(argc - 1, argv + 1);
    if (!strcmp(a, "init"))
        return do_init(argc - 1, argv + 1);
    fprintf(stderr, "dnn-tutor: exercises: unknown action '%s' (list, check, watch, hint, init)\n", a);
    return 2;
}
