/*
 * cmd_exercises.c — `dnn-tutor exercises list|check|watch|hint|init`: the
 * course's graded functions, written by the learner in numpy, checked by a
 * child Python against values from the C core (src/exercise).
 *
 *   stdout:  the listing, verdicts, hints (or one JSON document with --json)
 *   stderr:  usage errors, missing Python/numpy, unreadable exercise files
 *   exit:    check: 0 every named exercise passes, 1 any fails (or cannot be
 *            checked), 2 bad usage; the others: 0, 1 on an error, 2 bad usage
 */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "commands.h"
#include "ex_catalog.h"
#include "ex_check.h"
#include "ex_files.h"
#include "ex_report.h"
#include "ex_text.h"
#include "exercises_watch.h"
#include "json.h"
#include "progress.h"

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

typedef struct ex_opts {
    const char *dir;
    bool json;
    double timeout;
    int lang;
    const char *ids[256];
    int n_ids;
} ex_opts;

static int default_lang(void)
{
    const char *vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
    for (int i = 0; i < 3; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v)
            return strncmp(v, "zh", 2) == 0 ? 1 : 0;
    }
    return 0;
}

/* Parses the options after the action; false (message printed) on bad usage. */
static bool parse_opts(int argc, char **argv, ex_opts *o, bool allow_ids)
{
    memset(o, 0, sizeof *o);
    o->timeout = 10;
    o->lang = default_lang();
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char *val = NULL;
        const char *eq = strchr(a, '=');
        char name[32] = "";
        if (a[0] == '-' && a[1] == '-') {
            size_t len = eq ? (size_t)(eq - a) : strlen(a);
            snprintf(name, sizeof name, "%.*s", (int)(len < sizeof name ? len : sizeof name - 1), a);
            if (eq)
                val = eq + 1;
        }
        bool needs = !strcmp(name, "--dir") || !strcmp(name, "--timeout") || !strcmp(name, "--lang");
        if (needs && !val) {
            if (i + 1 >= argc) {
                fprintf(stderr, "dnn-tutor: exercises: %s needs a value\n", name);
                return false;
            }
            val = argv[++i];
        }
        if (!strcmp(name, "--dir")) {
            o->dir = val;
        } else if (!strcmp(name, "--json") && !val) {
            o->json = true;
        } else if (!strcmp(name, "--timeout")) {
            char *end;
            o->timeout = strtod(val, &end);
            if (*end || !(o->timeout > 0 && o->timeout <= 3600)) {
                fprintf(stderr, "dnn-tutor: exercises: --timeout wants seconds in (0, 3600], not '%s'\n", val);
                return false;
            }
        } else if (!strcmp(name, "--lang")) {
            if (strcmp(val, "zh") && strcmp(val, "en")) {
                fprintf(stderr, "dnn-tutor: exercises: --lang is zh or en, not '%s'\n", val);
                return false;
            }
            o->lang = !strcmp(val, "zh");
        } else if (a[0] == '-') {
            fprintf(stderr, "dnn-tutor: exercises: unknown option '%s'\n", a);
            return false;
        } else if (allow_ids && o->n_ids < 256) {
            o->ids[o->n_ids++] = a;
        } else {
            fprintf(stderr, "dnn-tutor: exercises: unexpected argument '%s'\n", a);
            return false;
        }
    }
    return true;
}

typedef struct ex_env {
    char root[4096];
    char catalog_path[4200];
    ex_catalog *catalog;
    ui_progress *progress;
    char progress_path[4096];
    bool have_progress_path;
} ex_env;

static bool env_open(ex_env *e)
{
    memset(e, 0, sizeof *e);
    char msg[1024];
    if (!ex_find_root(e->root, sizeof e->root)) {
        fprintf(stderr, "dnn-tutor: exercises: the exercises folder was not found (is dnn-tutor installed?)\n");
        return false;
    }
    snprintf(e->catalog_path, sizeof e->catalog_path, "%s/exercises.json", e->root);
    e->catalog = ex_catalog_load(e->catalog_path, msg, sizeof msg);
    if (!e->catalog) {
        fprintf(stderr, "dnn-tutor: %s\n", msg);
        return false;
    }
    char why[256];
    e->have_progress_path = progress_default_path(e->progress_path, sizeof e->progress_path, why, sizeof why);
    if (e->have_progress_path) {
        progress_status st = progress_load(e->progress_path, &e->progress, msg, sizeof msg);
        if (st == PROGRESS_CORRUPT || st == PROGRESS_ERROR)
            fprintf(stderr, "dnn-tutor: %s\n", msg);
        /* PROGRESS_ERROR: the file is there but could not be moved aside; do not overwrite it */
        if (st == PROGRESS_ERROR)
            e->have_progress_path = false;
    }
    if (!e->progress)
        e->progress = progress_new();
    return e->progress != NULL;
}

static void env_close(ex_env *e)
{
    ex_catalog_free(e->catalog);
    progress_free(e->progress);
}

static void env_save(ex_env *e)
{
    char msg[1024];
    if (e->have_progress_path && !progress_save(e->progress, e->progress_path, msg, sizeof msg))
        fprintf(stderr, "dnn-tutor: could not save progress: %s\n", msg);
}

static const char *learner_dir(const ex_opts *o, const ex_env *e, char *buf, size_t size)
{
    if (o->dir)
        return o->dir;
    if (e->progress->exercise_dir[0])
        return e->progress->exercise_dir;
    return ex_default_dir(buf, size) ? buf : ".";
}

static const char *status_word(progress_ex_status s)
{
    return s == PROGRESS_EX_PASS ? "pass" : s == PROGRESS_EX_FAIL ? "fail" : "todo";
}

static int do_list(int argc, char **argv)
{
    ex_opts o;
    ex_env e;
    if (!parse_opts(argc, argv, &o, false))
        return 2;
    if (!env_open(&e))
        return 1;
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
    env_close(&e);
    return fflush(stdout) == 0 ? 0 : 1;
}

/* The exercises the ids name, in the catalog's order; −1 (message printed) on an unknown id. */
static int select_exercises(const ex_env *e, const ex_opts *o, const ex_meta **out)
{
    int n = 0;
    for (int k = 0; k < o->n_ids; k++) {
        bool found = false;
        for (int i = 0; i < e->catalog->n; i++) {
            const ex_meta *m = &e->catalog->ex[i];
            if (!strcmp(m->id, o->ids[k]) || !strcmp(m->assignment, o->ids[k]))
                found = true;
        }
        if (!found) {
            fprintf(stderr, "dnn-tutor: exercises: unknown exercise '%s' (dnn-tutor exercises list shows them)\n",
                    o->ids[k]);
            return -1;
        }
    }
    for (int i = 0; i < e->catalog->n; i++) {
        const ex_meta *m = &e->catalog->ex[i];
        bool want = o->n_ids == 0;
        for (int k = 0; k < o->n_ids && !want; k++)
            want = !strcmp(m->id, o->ids[k]) || !strcmp(m->assignment, o->ids[k]);
        if (want)
            out[n++] = m;
    }
    return n;
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

static bool find_python(ex_python *py, bool quiet)
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

/* Checks the exercises; returns how many failed. Results into res (caller
 * frees). cancel: NULL, or a flag that stops the run in progress (its result
 * is neither printed nor recorded) and the rest. */
static int run_checks(ex_env *e, const ex_opts *o, const ex_python *py, const ex_meta **sel, int n,
                      ex_result *res, bool stop_at_first_failure, bool print, const atomic_int *cancel)
{
    char dirbuf[4096], lib[4200], harness[4200];
    const char *dir = learner_dir(o, e, dirbuf, sizeof dirbuf);
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
    if (!parse_opts(argc, argv, &o, true))
        return 2;
    if (!env_open(&e))
        return 1;
    static const ex_meta *sel[512];
    int n = select_exercises(&e, &o, sel);
    if (n < 0) {
        env_close(&e);
        return 2;
    }
    ex_python py;
    if (!find_python(&py, o.json)) {
        if (o.json)
            printf("{\"python\": null, \"exercises\": []}\n");
        env_close(&e);
        return 1;
    }
    ex_result *res = calloc((size_t)n + 1, sizeof *res);
    if (!res) {
        env_close(&e);
        return 1;
    }
    int failed = run_checks(&e, &o, &py, sel, n, res, false, !o.json, NULL);
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
    env_save(&e);
    env_close(&e);
    if (fflush(stdout) != 0)
        return 1;
    return failed ? 1 : 0;
}

/* Set by Ctrl-C, SIGTERM or the learner's q: ends the watch, and is the
 * cancel flag of the check in progress, so a learner's endless loop does not
 * keep the watch from ending (the run is killed within 0.2 s). A lock-free
 * atomic, so the signal handler may set it. */
_Static_assert(ATOMIC_INT_LOCK_FREE == 2, "the signal handler stores to an atomic_int");
static atomic_int watch_stop;
static void on_watch_signal(int sig)
{
    (void)sig;
    atomic_store(&watch_stop, 1);
}

/* Reads the learner's lines on stdin while the main thread checks and
 * waits: "q" sets watch_stop. Ends when watch_stop is set. */
static void *watch_stdin(void *arg)
{
    (void)arg;
    bool stdin_open = true;
    char line[64];
    size_t line_len = 0;
    while (!atomic_load(&watch_stop))
        if (watch_wait_for_quit(100, &stdin_open, line, sizeof line, &line_len))
            atomic_store(&watch_stop, 1);
    return NULL;
}

static int do_watch(int argc, char **argv)
{
    ex_opts o;
    ex_env e;
    if (!parse_opts(argc, argv, &o, false))
        return 2;
    if (!env_open(&e))
        return 1;
    ex_python py;
    if (!find_python(&py, false)) {
        env_close(&e);
        return 1;
    }
    static const ex_meta *sel[512];
    int n = select_exercises(&e, &o, sel);
    char dirbuf[4096];
    const char *dir = learner_dir(&o, &e, dirbuf, sizeof dirbuf);
    atomic_store(&watch_stop, 0);
    signal(SIGINT, on_watch_signal);
    signal(SIGTERM, on_watch_signal);
    int n_files = e.catalog->n_assignments;
    file_mark *last = calloc((size_t)n_files + 1, sizeof *last);
    ex_result *res = calloc((size_t)n + 1, sizeof *res);
    pthread_t reader;
    if (pthread_create(&reader, NULL, watch_stdin, NULL) != 0) {
        fprintf(stderr, "dnn-tutor: exercises watch: could not start reading the keyboard\n");
        free(res);
        free(last);
        env_close(&e);
        return 1;
    }
    bool first = true;
    while (!atomic_load(&watch_stop) && res && last) {
        bool changed = first;
        for (int a = 0; a < n_files; a++) {
            char path[4400];
            snprintf(path, sizeof path, "%s/%s", dir, e.catalog->assignments[a].file);
            file_mark now = file_mark_of(path);
            if (!file_marks_equal(&now, &last[a])) {
                changed = true;
                last[a] = now;
            }
        }
        if (changed) {
            first = false;
            printf("\n== %s\n", dir);
            int failed = run_checks(&e, &o, &py, sel, n, res, true, true, &watch_stop);
            for (int i = 0; i < n; i++)
                ex_result_free(&res[i]);
            env_save(&e);
            if (atomic_load(&watch_stop))
                break;
            if (!failed)
                printf("%s\n", o.lang ? "全部通过！" : "every exercise passes!");
            printf("%s\n", o.lang ? "（保存文件后重新检查；输入 q 回车或按 Ctrl-C 退出）"
                                  : "(saving a file checks again; q and Enter or Ctrl-C ends)");
            fflush(stdout);
        }
        for (int t = 0; t < 6 && !atomic_load(&watch_stop); t++)
            poll(NULL, 0, 50);
    }
    atomic_store(&watch_stop, 1);
    pthread_join(reader, NULL);
    free(res);
    free(last);
    env_close(&e);
    return 0;
}

/* The start of an action that takes min_ids to max_ids names: parses the
 * options, says `wrong` on stderr when the count is off, opens the catalog
 * and progress. 0 when ready (the caller closes e), else the exit code. */
static int open_action(int argc, char **argv, int min_ids, int max_ids, const char *wrong, ex_opts *o,
                       ex_env *e)
{
    if (!parse_opts(argc, argv, o, true))
        return 2;
    if (o->n_ids < min_ids || o->n_ids > max_ids) {
        fprintf(stderr, "dnn-tutor: %s\n", wrong);
        return 2;
    }
    return env_open(e) ? 0 : 1;
}

static int do_hint(int argc, char **argv)
{
    ex_opts o;
    ex_env e;
    int rc = open_action(argc, argv, 1, 1, "exercises hint wants one exercise id (e.g. w4a1/linear_forward)",
                         &o, &e);
    if (rc)
        return rc;
    const ex_meta *m = ex_catalog_find(e.catalog, o.ids[0]);
    if (!m) {
        fprintf(stderr, "dnn-tutor: exercises: unknown exercise '%s'\n", o.ids[0]);
        env_close(&e);
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
    env_close(&e);
    return 0;
}

static int do_init(int argc, char **argv)
{
    ex_opts o;
    ex_env e;
    int rc = open_action(argc, argv, 0, 1, "exercises init takes one folder", &o, &e);
    if (rc)
        return rc;
    char dirbuf[4096], abs[4096], msg[1024], log[8192];
    const char *dir = o.n_ids ? o.ids[0] : o.dir;
    if (!dir) {
        if (!ex_default_dir(dirbuf, sizeof dirbuf)) {
            fprintf(stderr, "dnn-tutor: exercises init: HOME is not set; name a folder\n");
            env_close(&e);
            return 2;
        }
        dir = dirbuf;
    }
    int created, kept;
    bool ok = ex_init_folder(e.root, dir, &created, &kept, log, sizeof log, msg, sizeof msg);
    fputs(log, stdout);
    if (!ok) {
        fprintf(stderr, "dnn-tutor: exercises init: %s\n", msg);
        env_close(&e);
        return 1;
    }
    const char *remember = realpath(dir, abs) ? abs : dir;
    progress_set_exercise_dir(e.progress, remember);
    env_save(&e);
    printf("%s: %d %s, %d kept. Next: edit %s/w2a1.py, then run: dnn-tutor exercises check w2a1\n",
           remember, created, created == 1 ? "file created" : "files created", kept, remember);
    env_close(&e);
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
        return do_watch(argc - 1, argv + 1);
    if (!strcmp(a, "hint"))
        return do_hint(argc - 1, argv + 1);
    if (!strcmp(a, "init"))
        return do_init(argc - 1, argv + 1);
    fprintf(stderr, "dnn-tutor: exercises: unknown action '%s' (list, check, watch, hint, init)\n", a);
    return 2;
}
