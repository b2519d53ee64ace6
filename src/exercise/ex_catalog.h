/*
 * ex_catalog.h — exercises/exercises.json: the title, task and hints of each
 * exercise in English and Chinese, in the course's order.
 *
 *   {"assignments": [{"id": "w2a1", "file": "w2a1.py", "title": {"en", "zh"},
 *      "exercises": [{"function": "basic_sigmoid", "signature": "basic_sigmoid(x)",
 *                     "title": {"en", "zh"}, "task": {"en", "zh"},
 *                     "hints": [{"en", "zh"}, …], "lesson": "w2-…" (optional),
 *                     "check": false (optional)}]}]}
 *
 * Loading validates the shape of the file (required keys and types, ids and
 * functions unique); a checkable exercise (an ex_def) of a listed assignment
 * that the file lacks is a problem too. An exercise dnn-tutor has no check
 * for must say so with "check": false (then it is left out); without the
 * mark it is a problem (a misspelt function is not dropped silently), and the
 * mark on an exercise dnn-tutor does check is one too. The kept exercises
 * keep the file's order, so an assignment's exercises are contiguous.
 *
 * Ownership: ex_catalog_load returns a catalog the caller frees with
 * ex_catalog_free; every string in it belongs to the catalog.
 */
#ifndef DNN_EXERCISE_EX_CATALOG_H
#define DNN_EXERCISE_EX_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "ex_case.h"

#define EX_MAX_HINTS 8

typedef struct ex_text2 {
    char *en;
    char *zh;
} ex_text2;

typedef struct ex_meta {
    char *assignment;      /* "w4a1" */
    char *function;        /* "linear_forward" */
    char *id;              /* "w4a1/linear_forward" */
    char *file;            /* "w4a1.py" */
    char *signature;
    ex_text2 title, task;
    int n_hints;
    ex_text2 hints[EX_MAX_HINTS];
    char *lesson;          /* NULL when none */
    const ex_def *def;     /* how it is checked */
} ex_meta;

typedef struct ex_assignment {
    char *id;
    char *file;
    ex_text2 title;
    int first, count;      /* its exercises: catalog->ex[first … first + count) */
} ex_assignment;

typedef struct ex_catalog {
    int n_assignments;
    ex_assignment *assignments;
    int n;
    ex_meta *ex;
} ex_catalog;

/* Reads path. NULL with a one-line reason in msg ("exercises.json: …") when
 * the file is missing, not valid JSON, or breaks the schema. */
ex_catalog *ex_catalog_load(const char *path, char *msg, size_t msg_size);
void ex_catalog_free(ex_catalog *c);
/* The exercise "w4a1/linear_forward", or NULL. */
const ex_meta *ex_catalog_find(const ex_catalog *c, const char *id);
/* The text in lang (0 en, 1 zh), falling back to the other language. */
const char *ex_text_in(const ex_text2 *t, int lang);

#endif
