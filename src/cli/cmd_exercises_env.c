/*
 * cmd_exercises_env.c — what every `dnn-tutor exercises` action starts from:
 * its options, the exercise catalog and the learner's progress, the
 * learner's folder and the exercises its ids name (cmd_exercises_internal.h).
 * Errors are printed here, as everywhere in the cli.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_exercises_internal.h"
#include "ex_files.h"

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

bool exc_parse_opts(int argc, char **argv, ex_opts *o, bool allow_ids)
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

bool exc_env_open(ex_env *e)
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

void exc_env_close(ex_env *e)
{
    ex_catalog_free(e->catalog);
    progress_free(e->progress);
}

void exc_env_save(ex_env *e)
{
    char msg[1024];
    if (e->have_progress_path && !progress_save(e->progress, e->progress_path, msg, sizeof msg))
        fprintf(stderr, "dnn-tutor: could not save progress: %s\n", msg);
}

const char *exc_learner_dir(const ex_opts *o, const ex_env *e, char *buf, size_t size)
{
    if (o->dir)
        return o->dir;
    if (e->progress->exercise_dir[0])
        return e->progress->exercise_dir;
    return ex_default_dir(buf, size) ? buf : ".";
}

int exc_select_exercises(const ex_env *e, const ex_opts *o, const ex_meta **out)
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

int exc_open(int argc, char **argv, int min_ids, int max_ids, const char *wrong, ex_opts *o, ex_env *e)
{
    if (!exc_parse_opts(argc, argv, o, max_ids > 0))
        return 2;
    if (o->n_ids < min_ids || o->n_ids > max_ids) {
        fprintf(stderr, "dnn-tutor: %s\n", wrong ? wrong : "exercises: too many or too few exercise ids");
        return 2;
    }
    return exc_env_open(e) ? 0 : 1;
}
