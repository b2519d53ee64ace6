/*
 * exercise_internal.h — the exercise screen's state, shared by its keys and
 * polling (exercise_screen.c), its drawing (exercise_view.c) and its worker
 * (exercise_worker.c).
 */
#ifndef DNN_UI_EXERCISE_INTERNAL_H
#define DNN_UI_EXERCISE_INTERNAL_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <sys/types.h>

#include "ex_catalog.h"
#include "exercise_screen.h"

/* One check on the worker thread. The UI thread writes the inputs before the
 * thread starts and reads the outputs only after `done` is set. */
typedef struct exs_job {
    pthread_t thread;
    atomic_int cancel;        /* set by the UI thread: stop the child now */
    atomic_int done;          /* set by the worker when the outputs are ready */
    const ex_def *def;
    char dir[EX_PATH_MAX], lib[EX_PATH_MAX], harness[EX_PATH_MAX];
    bool find_python;         /* in: look for Python first */
    ex_python py;             /* in (when !find_python) / out */
    bool py_ok;               /* out: a Python with numpy is known */
    char py_msg[2048];        /* out: why none was found */
    bool ran;                 /* out: res holds a result (free it) */
    ex_result res;
} exs_job;

/* Starts a job (takes it); false (job freed) when no thread could start. */
bool exs_job_start(exs_job *job);
/* Whether the worker has finished. */
bool exs_job_done(exs_job *job);
/* Waits for the worker (after setting cancel when `cancel`) and frees the
 * job with its result. NULL is fine. */
void exs_job_drop(exs_job *job, bool cancel);

typedef enum exs_python_state { EXS_PY_UNKNOWN, EXS_PY_FOUND, EXS_PY_NONE } exs_python_state;

typedef struct exs_file_sig {
    bool exists;
    dev_t dev;
    ino_t ino;
    off_t size;
    long long mtime_ns;
} exs_file_sig;

typedef struct exercise_screen {
    ui_screen base;
    ex_catalog *cat;          /* owned */
    char root[EX_PATH_MAX];
    char dir[EX_PATH_MAX];
    char file[EX_PATH_MAX];   /* dir/<assignment file> */
    int index;                /* into cat->ex */
    bool manual;

    exs_python_state py_state;
    ex_python py;
    char py_msg[2048];

    exs_file_sig sig;         /* the file as last polled */
    bool polled;              /* sig holds a poll */
    double next_poll_ms;
    bool want_check;          /* the file changed (or r): check when the worker is free */
    exs_job *job;             /* the running check, or NULL */

    bool have_result;
    ex_result res;            /* the last finished check (have_result) */

    int hints;                /* hint tiers shown */
    bool show_solution;
    char *solution;           /* the reference function's source, loaded on demand */
    bool show_arrays;         /* expected and got of the failing case */
    int scroll;
} exercise_screen;

static inline const ex_meta *exs_meta(const exercise_screen *e)
{
    return &e->cat->ex[e->index];
}

/* The last check passed. */
bool exs_passed(const exercise_screen *e);
/* The learner's file exists (as last polled). */
bool exs_file_exists(const exercise_screen *e);

/* exercise_view.c: the screen's drawing, its help, and the number of
 * document lines at a width (for scrolling from on_key). */
void exs_render(const ui_screen *s, ui_canvas *c, ui_rect body, const ui_ctx *ctx);
const char *exs_help(const ui_screen *s, const ui_ctx *ctx);
int exs_doc_lines(const exercise_screen *e, const ui_ctx *ctx, int width);

#endif
