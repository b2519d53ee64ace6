/*
 * exercise_screen.h — the exercise screen: one of the course's graded
 * functions, which the learner writes in numpy in their own file, checked by
 * src/exercise each time the file is saved.
 *
 *   ┌ dnn-tutor - Exercise 25/34: w4a1/linear_forward ──────── ✗ not yet ┐
 *   │ Linear forward                                                     │
 *   │ File: ~/dnn-tutor-exercises/w4a1.py · linear_forward(A, W, b)      │
 *   │ <the task, in the current language>                                │
 *   │ Test cases                                                         │
 *   │ ✓ seed 1, A (3, 2), W (1, 3), b (1, 1)                             │
 *   │ ✗ hidden: seed 3, A (5, 4) …                                       │
 *   │     Z has shape (1, 4), expected (2, 4) …                          │
 *   │ Hints · Our solution (after a pass)                                │
 *   └────────────────────────────────────────────────────────────────────┘
 *
 *   UI thread ── tick: stat the file every EXS_POLL_MS; a new mtime, size or
 *             │        inode → start a check (or one more after the running one)
 *             └─ worker (exercise_worker.c): find Python once, run the check
 *                in a child process, set `done`; tick takes the result,
 *                records pass/fail in the progress (UI_SAVE) and redraws.
 *   Leaving the screen (or n/p) sets the job's cancel flag: the child is
 *   killed within 0.2 s and the worker joined.
 *
 * exercise_screen_new (screens.h) is the normal door; exercise_screen_open
 * with `manual` set builds a screen that never checks or polls by itself, for
 * render tests, which give it what a check would have found.
 */
#ifndef DNN_UI_EXERCISE_SCREEN_H
#define DNN_UI_EXERCISE_SCREEN_H

#include <stdbool.h>
#include <stddef.h>

#include "../screen.h"
#include "ex_check.h"
#include "ex_python.h"

#define EXS_POLL_MS 250.0

typedef struct exercise_setup {
    const char *root;  /* the shipped exercises folder (exercises.json, stubs/, solutions/, lib/) */
    const char *dir;   /* the learner's folder */
    const char *id;    /* "w4a1/linear_forward"; NULL: the first exercise not passed yet */
    bool manual;       /* tests: no worker, no polling (exercise_screen_feed) */
} exercise_setup;

/* The screen for setup; NULL with a one-line reason in err (exercises.json
 * missing or broken, an unknown id, no memory). */
ui_screen *exercise_screen_open(const ui_ctx *ctx, const exercise_setup *setup, char *err, size_t err_size);

/* A manual screen: what the worker would have found. file_exists says
 * whether the learner's file is there; py is the Python used (NULL when none
 * was found, then py_msg says why); res is taken over (NULL: no result yet)
 * and recorded in ctx->progress as a check would be. */
void exercise_screen_feed(ui_screen *s, ui_ctx *ctx, bool file_exists, const ex_python *py, const char *py_msg,
                          ex_result *res);

/* The id of the exercise the screen shows now. */
const char *exercise_screen_id(const ui_screen *s);

#endif
