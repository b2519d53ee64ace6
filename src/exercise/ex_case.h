/*
 * ex_case.h — the test cases of an exercise: the inputs a learner's function
 * gets, the output it must return (computed by the C core), and the outputs
 * of the usual wrong versions, so a verdict can name the mistake.
 *
 * Visible cases are built as the course's own tests build them (the same
 * seeds, draw order and shapes; the RNG is numpy's, bit for bit); hidden
 * cases use other seeds and shapes, so a function with sizes written into it
 * fails as it would with the course's grader.
 *
 * Ownership: an ex_case owns its values; ex_case_clear frees them.
 */
#ifndef DNN_EXERCISE_EX_CASE_H
#define DNN_EXERCISE_EX_CASE_H

#include <stdbool.h>
#include <stdint.h>

#include "ex_value.h"

#define EX_MAX_ARGS 8
#define EX_MAX_MISTAKES 8
#define EX_MAX_CASES 8

typedef struct ex_mistake_output {
    const char *id;     /* an ex_mistake id (ex_text.c), e.g. "no_keepdims" */
    ex_value *output;   /* what that wrong version returns for this case */
} ex_mistake_output;

typedef struct ex_case {
    char name[64];                     /* "seed 1, A (3, 2), W (1, 3), b (1, 1)" */
    bool hidden;
    int nargs;
    const char *arg_names[EX_MAX_ARGS];
    bool keyword[EX_MAX_ARGS];         /* passed as name=value */
    ex_value *args[EX_MAX_ARGS];
    long seed;                         /* np.random.seed(seed) before the call; −1 none */
    ex_value *expected;
    double atol, rtol;                 /* |got − expected| <= atol + rtol·|expected| */
    int n_mistakes;
    ex_mistake_output mistakes[EX_MAX_MISTAKES];
} ex_case;

/* A case with no arguments yet, the given tolerances and no seed. */
void ex_case_init(ex_case *c, const char *name, bool hidden, double atol, double rtol);
/* Adds an argument (takes ownership of v); false (v freed) when full or v is NULL. */
bool ex_case_arg(ex_case *c, const char *name, ex_value *v, bool keyword);
/* Records a mistake's output (takes ownership); false (freed) when full or NULL. */
bool ex_case_mistake(ex_case *c, const char *id, ex_value *output);
void ex_case_clear(ex_case *c);

/* Builds an exercise's cases into cases[0 … EX_MAX_CASES); returns how many,
 * or −1 when memory runs out (the ones built so far are cleared). */
typedef int (*ex_build_fn)(ex_case *cases);

/* An exception a learner commonly meets, named when the message matches. */
typedef struct ex_exc_pattern {
    const char *type;        /* "ValueError" */
    const char *contains;    /* a piece of the message */
    const char *mistake;     /* ex_mistake id */
} ex_exc_pattern;

/* What dnn-tutor knows about one graded function (the C side of exercises.json). */
typedef struct ex_def {
    const char *assignment;          /* "w4a1" */
    const char *function;            /* "linear_forward" */
    ex_build_fn build;
    const char *returns[6];          /* names of a returned tuple's items, for verdicts */
    const char *in_place_mistake;    /* the mistake an in-place change means here, or NULL */
    const ex_exc_pattern *patterns;  /* extra exception patterns for this function, or NULL */
} ex_def;

/* Every exercise dnn-tutor can check, in the course's order. */
int ex_def_count(void);
const ex_def *ex_def_at(int i);
/* The exercise "w4a1/linear_forward", or NULL. */
const ex_def *ex_def_find(const char *id);

/* The table of each assignment (ex_cases_w2a1.c …). */
extern const ex_def ex_defs_w2a1[];
extern const ex_def ex_defs_w2a2[];
extern const ex_def ex_defs_w3a1[];
extern const ex_def ex_defs_w4a1[];
extern const ex_def ex_defs_w4a2[];

#endif
