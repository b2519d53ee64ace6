/*
 * ex_check.h — checking one exercise: build its cases, run the learner's
 * function on them in a child Python (ex_python.h, exercises/harness.py),
 * compare what came back with what the core computed, and say what is wrong
 * in the order a learner needs it:
 *
 *   the file is missing / does not import (the error at the learner's line)
 *   → the function is missing, or still the stub (NotImplementedError)
 *   → it raised an error, timed out, crashed, exited, ran out of memory
 *   → it returned nothing, or the wrong type (a list where an array belongs …)
 *   → a rank-1 array → the wrong shape → wrong values (largest difference,
 *     where, both values numpy-style) → it changed its inputs in place
 *
 * When the wrong output equals the output of a usual wrong version (a missing
 * 1/m, np.sum without keepdims, …), or the error is one those versions raise,
 * the verdict names that mistake.
 *
 * Ownership: ex_check_exercise fills an ex_result the caller frees with
 * ex_result_free. Never prints.
 */
#ifndef DNN_EXERCISE_EX_CHECK_H
#define DNN_EXERCISE_EX_CHECK_H

#include <stdbool.h>
#include <stddef.h>

#include "ex_case.h"
#include "ex_python.h"
#include "ex_value.h"

typedef enum ex_outcome {
    EX_PASS,
    EX_NO_FILE,       /* the learner's file does not exist */
    EX_IMPORT_ERROR,  /* importing it raised (syntax error, …) */
    EX_MISSING,       /* no such function in the file (or not callable) */
    EX_STUB,          /* it (or a function it calls) raises NotImplementedError */
    EX_EXCEPTION,     /* it raised another error */
    EX_MEMORY,        /* MemoryError: above the memory limit */
    EX_EXIT,          /* it called sys.exit */
    EX_TIMEOUT,       /* killed at the time limit */
    EX_CRASH,         /* the process died without an answer (signal, os._exit) */
    EX_NONE,          /* returned None */
    EX_WRONG_TYPE,    /* a list where an array belongs, a float where a tuple … */
    EX_WRONG_LENGTH,  /* a tuple or list of another length */
    EX_MISSING_KEY,   /* a dict without an expected key */
    EX_RANK1,         /* shape (n,) where (n, 1) or (1, n) belongs */
    EX_SHAPE,         /* another shape */
    EX_VALUES,        /* the right shape, wrong numbers */
    EX_IN_PLACE,      /* right output, but an input array or dict was changed */
    EX_NOT_RUN,       /* not run: an earlier problem stopped the check */
    EX_INTERNAL,      /* dnn-tutor's own failure (no memory, bad harness answer) */
    EX_OUTCOME_COUNT
} ex_outcome;

typedef struct ex_verdict {
    ex_outcome outcome;
    char path[96];           /* where in the output: "dW", "grads['db1']", "" for the whole value */
    char expected_shape[48]; /* EX_RANK1, EX_SHAPE: "(1, 3)" */
    char got_shape[48];
    char expected_kind[40];  /* EX_WRONG_TYPE: "a numpy array" */
    char got_kind[40];
    int expected_len, got_len;  /* EX_WRONG_LENGTH */
    char key[48];            /* EX_MISSING_KEY */
    double max_diff;         /* EX_VALUES */
    char where[48];          /* EX_VALUES: "[0, 1]" */
    char expected_num[48];   /* EX_VALUES: numpy-style */
    char got_num[48];
    double atol, rtol;       /* EX_VALUES: the case's tolerance, |got − expected| <= atol + rtol·|expected| */
    const char *mistake;     /* a recognised mistake's id (ex_text.c), or NULL */
    char error_type[48];     /* EX_IMPORT_ERROR, EX_EXCEPTION, EX_STUB */
    char detail[1024];       /* the error message, the changed inputs, … */
    char traceback[1024];    /* the learner's frames */
    int line;                /* the learner's line, 0 when unknown */
    char stub_function[64];  /* EX_STUB: the function still the stub */
} ex_verdict;

typedef struct ex_case_result {
    char name[64];
    bool hidden;
    char inputs[256];        /* "A (3, 2), W (1, 3), b (1, 1)" */
    ex_verdict v;
    ex_value *expected;      /* owned */
    ex_value *got;           /* owned; NULL when nothing came back */
    char *output;            /* what it printed (capped), owned, may be NULL */
    size_t output_bytes;     /* how much it printed in all */
} ex_case_result;

typedef struct ex_check_options {
    const char *dir;         /* the learner's folder */
    const char *lib_dir;     /* exercises/lib (on sys.path after dir) */
    const char *harness;     /* exercises/harness.py */
    const ex_python *python;
    ex_run_limits limits;
} ex_check_options;

typedef struct ex_result {
    const ex_def *def;
    char file[EX_PATH_MAX];  /* the learner's file that was checked */
    ex_outcome outcome;      /* EX_PASS, or the first failing case's outcome */
    int n_cases;
    ex_case_result cases[EX_MAX_CASES];
    ex_verdict file_verdict; /* EX_NO_FILE, EX_IMPORT_ERROR, EX_MISSING, EX_INTERNAL (no cases run) */
    char *import_output;     /* what the file printed while loading, owned */
} ex_result;

/* Checks one exercise. Always fills *res (free with ex_result_free); its
 * outcome says how it went. */
void ex_check_exercise(const ex_def *def, const ex_check_options *opt, ex_result *res);
/* The same on cases the caller built (ex_beside.h runs one built from the
 * stepper's matrices): takes the n cases (n <= EX_MAX_CASES; more are
 * dropped) and clears them, their expected values moving into *res. */
void ex_check_cases(const ex_def *def, const ex_check_options *opt, ex_case *cases, int n, ex_result *res);
void ex_result_free(ex_result *res);

/* The verdict of the first failing case (or of the file); NULL when it passed. */
const ex_verdict *ex_result_first_failure(const ex_result *res);

/* Compares got with expected under a case's tolerances; fills *v with the
 * most basic problem found (EX_PASS when none). Exposed for tests. */
void ex_compare(const ex_value *expected, const ex_value *got, double atol, double rtol,
                const char *const *names, ex_verdict *v);

/* "pass", "no-file", "import-error", … (stable, for --json). */
const char *ex_outcome_name(ex_outcome o);

#endif
