/*
 * ex_python.h — finding a Python 3 with numpy, and running one program of it
 * in a child process that cannot hurt the caller.
 *
 *   candidates, in order: $DNN_TUTOR_PYTHON, python3 on $PATH, /usr/bin/python3
 *   the first whose `import numpy` works is used (ex_python_find says which),
 *   run as `python -B` (EX_PYTHON_FLAGS): the learner's user site-packages
 *   and PYTHONPATH count, the working folder does not
 *
 *   parent ──fork──► child: own process group, stdin /dev/null,
 *     │                     stdout+stderr → pipe (kept up to a cap, the rest read and dropped),
 *     │                     fd 3 → pipe (the harness's results, up to a cap),
 *     │                     RLIMIT_AS (memory), RLIMIT_CORE 0, RLIMIT_FSIZE,
 *     │                     one BLAS thread, no .pyc files
 *     └── poll both pipes until the child ends or the time limit passes;
 *         then SIGKILL to the whole process group (grandchildren too)
 *
 * Nothing here prints or touches the terminal, so the app can run a check
 * while curses owns the screen.
 */
#ifndef DNN_EXERCISE_EX_PYTHON_H
#define DNN_EXERCISE_EX_PYTHON_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#define EX_PATH_MAX 4096

/* The interpreter's flags for the probe and the harness: -B (no .pyc files
 * beside the learner's code) and nothing more. Not -I: isolated mode drops
 * the user's site-packages (~/.local, where `python3 -m pip install --user
 * numpy` puts numpy) and PYTHONPATH, so a learner who followed our own hint
 * would still be told numpy is missing. What -I's -P part was for — no
 * folder of the caller's shadowing numpy — is done by the programs
 * themselves, on every Python 3 (-P needs 3.11): the probe takes the working
 * folder ('' from -c) off sys.path, the harness its own folder, before
 * importing anything that could be shadowed. */
#define EX_PYTHON_FLAGS "-B"

typedef struct ex_python {
    char path[EX_PATH_MAX];  /* the executable that was used */
    char source[32];         /* "DNN_TUTOR_PYTHON", "PATH", "/usr/bin/python3" */
    char version[32];        /* "3.11.2" */
    char numpy[32];          /* numpy's version */
} ex_python;

/* Tries the candidates above. True with *out filled; false with msg saying
 * what was tried and how to install numpy (Debian: apt install python3-numpy). */
bool ex_python_find(ex_python *out, char *msg, size_t msg_size);

/* The message ex_python_find gives when no candidate imports numpy: `tried`
 * lists what was tried ("/usr/bin/python3"); says how to install numpy. */
void ex_python_missing_text(const char *tried, char *msg, size_t msg_size);

typedef struct ex_run_limits {
    double timeout_s;        /* wall-clock limit, > 0 */
    size_t memory_bytes;     /* RLIMIT_AS; 0 = none */
    size_t output_cap;       /* bytes of stdout+stderr kept */
    size_t result_cap;       /* bytes of fd 3 kept */
    /* NULL, or a flag another thread may set (to non-zero) to stop the run:
     * the child is killed within 0.2 s, as at the time limit. */
    const atomic_int *cancel;
} ex_run_limits;

/* The default limits: 10 s, 1 GiB, 16 KiB of output, 256 MiB of results,
 * no cancel flag. */
ex_run_limits ex_run_default_limits(void);

typedef struct ex_run_result {
    bool started;            /* false: fork or pipe failed (msg in output) */
    bool timed_out;          /* killed at the time limit (or cancelled) */
    bool cancelled;          /* killed because *cancel was set */
    int exit_code;           /* when it exited: its code; −1 otherwise */
    int signal;              /* when a signal ended it: its number; 0 otherwise */
    char *output;            /* stdout+stderr, NUL-terminated, malloc'd (may be "") */
    size_t output_total;     /* bytes the child wrote there, kept or not */
    char *results;           /* fd 3, NUL-terminated, malloc'd (may be "") */
    size_t results_len;
    bool results_cut;        /* more than result_cap came */
} ex_run_result;

/* Runs argv[0] (a path) with argv, under the limits. Always fills *r (the
 * caller frees with ex_run_result_free); false when the child could not be
 * started at all. When *lim->cancel is already set no child is started:
 * false, with r->cancelled set. */
bool ex_run_child(char *const argv[], const ex_run_limits *lim, ex_run_result *r);
void ex_run_result_free(ex_run_result *r);

#endif
