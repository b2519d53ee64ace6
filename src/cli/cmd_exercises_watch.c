/*
 * cmd_exercises_watch.c — `dnn-tutor exercises watch`: checks the exercises
 * again every time one of the learner's files is saved (exercises_watch.h
 * tells a save), stopping at the first that does not pass yet, until q and
 * Enter, Ctrl-C or SIGTERM. A thread reads the learner's lines while the
 * main thread checks and waits; the stop flag is also the cancel flag of the
 * check in progress. The checks themselves are cmd_exercises.c's.
 */
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

#include "cmd_exercises_internal.h"
#include "exercises_watch.h"

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

int exc_watch(int argc, char **argv)
{
    ex_opts o;
    ex_env e;
    int rc = exc_open(argc, argv, 0, 0, NULL, &o, &e);
    if (rc)
        return rc;
    ex_python py;
    if (!exc_find_python(&py, false)) {
        exc_env_close(&e);
        return 1;
    }
    static const ex_meta *sel[512];
    int n = exc_select_exercises(&e, &o, sel);
    char dirbuf[4096];
    const char *dir = exc_learner_dir(&o, &e, dirbuf, sizeof dirbuf);
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
        exc_env_close(&e);
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
            int failed = exc_run_checks(&e, &o, &py, sel, n, res, true, true, &watch_stop);
            for (int i = 0; i < n; i++)
                ex_result_free(&res[i]);
            exc_env_save(&e);
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
    exc_env_close(&e);
    return 0;
}
