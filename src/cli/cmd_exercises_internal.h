/*
 * cmd_exercises_internal.h — what the files of `dnn-tutor exercises` share:
 * the options and the environment every action starts from
 * (cmd_exercises_env.c), the checks and their printing (cmd_exercises.c) and
 * watch (cmd_exercises_watch.c). Not used outside the exercises subcommand.
 */
#ifndef DNN_CLI_CMD_EXERCISES_INTERNAL_H
#define DNN_CLI_CMD_EXERCISES_INTERNAL_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "ex_catalog.h"
#include "ex_check.h"
#include "progress.h"

typedef struct ex_opts {
    const char *dir;
    bool json;
    double timeout;
    int lang;
    const char *ids[256];
    int n_ids;
} ex_opts;

typedef struct ex_env {
    char root[4096];
    char catalog_path[4200];
    ex_catalog *catalog;
    ui_progress *progress;
    char progress_path[4096];
    bool have_progress_path;
} ex_env;

/* Parses the options after the action; false (message printed) on bad usage. */
bool exc_parse_opts(int argc, char **argv, ex_opts *o, bool allow_ids);
/* Finds the exercises folder, loads its catalog and the learner's progress
 * (a corrupt progress file is moved aside and reported; one that cannot be
 * is left alone and not saved over); false (message printed) on an error.
 * After true the caller closes e with exc_env_close. */
bool exc_env_open(ex_env *e);
void exc_env_close(ex_env *e);
/* The start of every action: parses the options (exercise ids allowed only
 * when max_ids > 0), says `wrong` on stderr when fewer than min_ids or more
 * than max_ids were given, opens the catalog and progress. 0 when ready (the
 * caller closes e), else the exit code (2 bad usage, 1 an error). */
int exc_open(int argc, char **argv, int min_ids, int max_ids, const char *wrong, ex_opts *o, ex_env *e);
/* Saves the progress where it was loaded from (a failure is printed). */
void exc_env_save(ex_env *e);
/* The learner's folder: --dir, else the one init remembered, else the
 * default (in buf). */
const char *exc_learner_dir(const ex_opts *o, const ex_env *e, char *buf, size_t size);
/* The exercises the ids name, in the catalog's order; −1 (message printed) on an unknown id. */
int exc_select_exercises(const ex_env *e, const ex_opts *o, const ex_meta **out);
/* Finds Python with numpy (false, message printed, when there is none) and,
 * unless quiet, says which. */
bool exc_find_python(ex_python *py, bool quiet);
/* Checks the exercises; returns how many failed. Results into res (caller
 * frees). cancel: NULL, or a flag that stops the run in progress (its result
 * is neither printed nor recorded) and the rest. */
int exc_run_checks(ex_env *e, const ex_opts *o, const ex_python *py, const ex_meta **sel, int n,
                   ex_result *res, bool stop_at_first_failure, bool print, const atomic_int *cancel);
/* `exercises watch` (cmd_exercises_watch.c); the exit code. */
int exc_watch(int argc, char **argv);

#endif
