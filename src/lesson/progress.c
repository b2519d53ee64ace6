/*
 * progress.c — the learner's progress ⇄ JSON (see progress.h).
 *
 * Reading is strict about types (a "done" that is not an array of strings
 * makes the file corrupt) and lenient about unknown keys (a newer version
 * may add some). Saving goes through safefile (src/data/safefile.h):
 *   .progress.json.<pid>-<hex>.tmp ─write─fsync─► rename ─► progress.json (a symlink: its target)
 */
#include "progress.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "activation.h"
#include "lesson.h"
#include "lesson_internal.h"
#include "network.h"
#include "safefile.h"

ui_progress *progress_new(void)
{
    return calloc(1, sizeof(ui_progress));
}

void progress_free(ui_progress *p)
{
    if (!p)
        return;
    free(p->done);
    free(p->quizzes);
    free(p->done_slots);
    free(p->quiz_slots);
    free(p->exercises);
    free(p);
}

/* Makes room for one more element in *items (n used of *cap, elem bytes
 * each), doubling it; false when memory runs out (nothing changed). */
static bool progress_room(void **items, int n, int *cap, size_t elem)
{
    if (n < *cap)
        return true;
    const int next = *cap ? *cap * 2 : 32;
    if (next <= *cap)
        return false;
    void *grown = realloc(*items, (size_t)next * elem);
    if (!grown)
        return false;
    *items = grown;
    *cap = next;
    return true;
}

static bool progress_id_ok(const char *id)
{
    return id && *id && strlen(id) <= PROGRESS_ID_MAX;
}

bool progress_default_path(char *buf, size_t size, char *why, size_t why_size)
{
    if (why_size)
        why[0] = '\0';
    const char *xdg = getenv("XDG_STATE_HOME");
    const char *home = getenv("HOME");
    bool xdg_long = false;
    /* a relative XDG_STATE_HOME is ignored, as the XDG spec says; one too long for a path falls back to HOME */
    if (xdg && xdg[0] == '/') {
        int n = snprintf(buf, size, "%s/dnn-tutor/progress.json", xdg);
        if (n > 0 && (size_t)n < size)
            return true;
        xdg_long = true;
    }
    if (home && *home) {
        int n = snprintf(buf, size, "%s/.local/state/dnn-tutor/progress.json", home);
        if (n > 0 && (size_t)n < size)
            return true;
        snprintf(why, why_size, "HOME is too long for a path (%zu characters)", strlen(home));
        return false;
    }
    if (xdg_long)
        snprintf(why, why_size, "XDG_STATE_HOME is too long for a path (%zu characters) and HOME is not set", strlen(xdg));
    else
        snprintf(why, why_size, "neither XDG_STATE_HOME nor HOME is set");
    return false;
}

/* ---- finding an id: a hash index beside each list -----------------------
 * A list of n entries, `stride` bytes apart from `base`, each starting with
 * its id, has 2·cap slots (a power of two): open addressing, a slot holds
 * entry + 1, 0 is empty. Rebuilt whenever the list grows, so it is never
 * more than half full; lookups stay fast with tens of thousands of ids. */

static unsigned progress_hash(const char *id)
{
    unsigned h = 2166136261u; /* FNV-1a */
    for (; *id; id++)
        h = (h ^ (unsigned char)*id) * 16777619u;
    return h;
}

/* The entry holding id, or −1. */
static int index_find(const int *slots, int cap, const char *base, size_t stride, const char *id)
{
    if (!slots)
        return -1;
    const unsigned mask = (unsigned)(2 * cap) - 1;
    for (unsigned s = progress_hash(id) & mask;; s = (s + 1) & mask) {
        if (slots[s] == 0)
            return -1;
        if (!strcmp(base + (size_t)(slots[s] - 1) * stride, id))
            return slots[s] - 1;
    }
}

static void index_add(int *slots, int cap, const char *base, size_t stride, int entry)
{
    const unsigned mask = (unsigned)(2 * cap) - 1;
    unsigned s = progress_hash(base + (size_t)entry * stride) & mask;
    while (slots[s] != 0)
        s = (s + 1) & mask;
    slots[s] = entry + 1;
}

/* Room for entry n in the list and its index (both grown together). */
static bool list_room(void **items, int n, int *cap, size_t elem, int **slots)
{
    const int before = *cap;
    if (!progress_room(items, n, cap, elem))
        return false;
    if (*slots && *cap == before)
        return true;
    int *grown = calloc((size_t)(2 * *cap), sizeof *grown);
    if (!grown) {
        *cap = before; /* the list's memory is larger than it says: harmless; the index still fits */
        return false;
    }
    free(*slots);
    *slots = grown;
    for (int i = 0; i < n; i++)
        index_add(grown, *cap, *items, elem, i);
    return true;
}

bool progress_is_done(const ui_progress *p, const char *lesson_id)
{
    return p && lesson_id && index_find(p->done_slots, p->cap_done, (const char *)p->done, sizeof *p->done, lesson_id) >= 0;
}

bool progress_mark_done(ui_progress *p, const char *lesson_id)
{
    if (!p || !progress_id_ok(lesson_id) || progress_is_done(p, lesson_id) ||
        !list_room((void **)&p->done, p->n_done, &p->cap_done, sizeof *p->done, &p->done_slots))
        return false;
    strcpy(p->done[p->n_done], lesson_id);
    index_add(p->done_slots, p->cap_done, (const char *)p->done, sizeof *p->done, p->n_done++);
    return true;
}

const progress_quiz *progress_quiz_get(const ui_progress *p, const char *quiz_id)
{
    if (!p || !quiz_id)
        return NULL;
    int i = index_find(p->quiz_slots, p->cap_quizzes, (const char *)p->quizzes, sizeof *p->quizzes, quiz_id);
    return i >= 0 ? &p->quizzes[i] : NULL;
}

static progress_quiz *progress_quiz_slot(ui_progress *p, const char *quiz_id)
{
    progress_quiz *q = (progress_quiz *)progress_quiz_get(p, quiz_id);
    if (q)
        return q;
    if (!progress_id_ok(quiz_id) ||
        !list_room((void **)&p->quizzes, p->n_quizzes, &p->cap_quizzes, sizeof *p->quizzes, &p->quiz_slots))
        return NULL;
    q = &p->quizzes[p->n_quizzes];
    memset(q, 0, sizeof *q);
    strcpy(q->id, quiz_id);
    index_add(p->quiz_slots, p->cap_quizzes, (const char *)p->quizzes, sizeof *p->quizzes, p->n_quizzes++);
    return q;
}

bool progress_record_answer(ui_progress *p, const char *quiz_id, bool right)
{
    progress_quiz *q = p ? progress_quiz_slot(p, quiz_id) : NULL;
    if (!q)
        return false;
    q->tries++;
    q->right = q->right || right;
    return true;
}

int progress_quizzes_answered(const ui_progress *p)
{
    int n = 0;
    for (int i = 0; p && i < p->n_quizzes; i++)
        n += p->quizzes[i].tries > 0;
    return n;
}

void progress_set_position(ui_progress *p, const char *lesson_id, int page)
{
    if (!p)
        return;
    if (!progress_id_ok(lesson_id)) {
        p->position_lesson[0] = '\0';
        p->position_page = 0;
        return;
    }
    strcpy(p->position_lesson, lesson_id);
    p->position_page = page < 0 ? 0 : page;
}

void progress_set_lab(ui_progress *p, lesson_lab_kind kind, const run_spec *spec)
{
    if (!p || !spec)
        return;
    p->has_lab = true;
    p->lab_kind = kind;
    p->lab = *spec;
}

/* ---- JSON → struct ---- */

static bool progress_read_lab(const cJSON *lab, ui_progress *p)
{
    run_spec s = runspec_default();
    const cJSON *kind = cJSON_GetObjectItemCaseSensitive(lab, "kind");
    lesson_lab_kind k;
    if (!cJSON_IsString(kind) || !lesson_lab_kind_parse(kind->valuestring, &k))
        return false;
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(lab, "dataset");
    if (v) {
        if (!cJSON_IsString(v) || strlen(v->valuestring) >= sizeof s.dataset)
            return false;
        strcpy(s.dataset, v->valuestring);
    }
    v = cJSON_GetObjectItemCaseSensitive(lab, "hidden");
    if (v) {
        if (!cJSON_IsNumber(v) || v->valuedouble < 0 || v->valuedouble > NN_MAX_UNITS)
            return false;
        s.hidden = v->valueint;
    }
    v = cJSON_GetObjectItemCaseSensitive(lab, "layers");
    if (v) {
        int n = cJSON_GetArraySize(v);
        if (!cJSON_IsArray(v) || n > NN_MAX_LAYERS)
            return false;
        s.n_layers = n;
        for (int i = 0; i < n; i++) {
            const cJSON *e = cJSON_GetArrayItem(v, i);
            if (!cJSON_IsNumber(e) || e->valuedouble < 1 || e->valuedouble > NN_MAX_UNITS)
                return false;
            s.layers[i] = e->valueint;
        }
    }
    v = cJSON_GetObjectItemCaseSensitive(lab, "activation");
    if (v && (!cJSON_IsString(v) || !act_parse(v->valuestring, &s.hidden_act)))
        return false;
    v = cJSON_GetObjectItemCaseSensitive(lab, "activations");
    if (v) {
        int n = cJSON_GetArraySize(v);
        if (!cJSON_IsArray(v) || n > NN_MAX_LAYERS)
            return false;
        s.acts_given = true;
        for (int i = 0; i < n; i++) {
            const cJSON *e = cJSON_GetArrayItem(v, i);
            if (!cJSON_IsString(e) || !act_parse(e->valuestring, &s.acts[i]))
                return false;
        }
    }
    v = cJSON_GetObjectItemCaseSensitive(lab, "init");
    if (v && (!cJSON_IsString(v) || !nn_init_parse(v->valuestring, &s.init)))
        return false;
    v = cJSON_GetObjectItemCaseSensitive(lab, "seed");
    if (v) {
        if (!cJSON_IsNumber(v) || v->valuedouble < 0 || v->valuedouble > 4294967295.0)
            return false;
        s.seed_given = true;
        s.seed = (uint32_t)v->valuedouble;
    }
    v = cJSON_GetObjectItemCaseSensitive(lab, "lr");
    if (v) {
        if (!cJSON_IsNumber(v) || !(v->valuedouble > 0) || v->valuedouble > 10)
            return false;
        s.lr = v->valuedouble;
    }
    v = cJSON_GetObjectItemCaseSensitive(lab, "iterations");
    if (v) {
        if (!cJSON_IsNumber(v) || v->valuedouble < 1 || v->valuedouble > 1e9)
            return false;
        s.iterations = (long)v->valuedouble;
    }
    progress_set_lab(p, (int)k, &s);
    return true;
}

progress_ex_status progress_exercise_get(const ui_progress *p, const char *id)
{
    for (int i = 0; i < p->n_exercises; i++)
        if (!strcmp(p->exercises[i].id, id))
            return (progress_ex_status)p->exercises[i].status;
    return PROGRESS_EX_NONE;
}

bool progress_exercise_set(ui_progress *p, const char *id, progress_ex_status status)
{
    if (!progress_id_ok(id))
        return false;
    for (int i = 0; i < p->n_exercises; i++) {
        if (!strcmp(p->exercises[i].id, id)) {
            p->exercises[i].status = status;
            return true;
        }
    }
    if (!progress_room((void **)&p->exercises, p->n_exercises, &p->cap_exercises, sizeof *p->exercises))
        return false;
    progress_exercise *e = &p->exercises[p->n_exercises++];
    snprintf(e->id, sizeof e->id, "%s", id);
    e->status = status;
    return true;
}

void progress_set_exercise_dir(ui_progress *p, const char *dir)
{
    if (strlen(dir) < sizeof p->exercise_dir)
        snprintf(p->exercise_dir, sizeof p->exercise_dir, "%s", dir);
}

/* "exercises": {"dir": "…", "status": {"w4a1/linear_forward": "pass", …}} */
static bool progress_read_exercises(const cJSON *v, ui_progress *p)
{
    const cJSON *dir = cJSON_GetObjectItemCaseSensitive(v, "dir");
    const cJSON *st = cJSON_GetObjectItemCaseSensitive(v, "status");
    if (dir) {
        if (!cJSON_IsString(dir) || strlen(dir->valuestring) >= sizeof p->exercise_dir)
            return false;
        progress_set_exercise_dir(p, dir->valuestring);
    }
    if (st) {
        const cJSON *e;
        if (!cJSON_IsObject(st))
            return false;
        cJSON_ArrayForEach(e, st) {
            if (!cJSON_IsString(e) || !progress_id_ok(e->string))
                return false;
            progress_ex_status s;
            if (!strcmp(e->valuestring, "pass"))
                s = PROGRESS_EX_PASS;
            else if (!strcmp(e->valuestring, "fail"))
                s = PROGRESS_EX_FAIL;
            else
                return false;
            if (!progress_exercise_set(p, e->string, s))
                p->dropped++;
        }
    }
    return true;
}

static bool progress_from_json(const cJSON *root, ui_progress *p)
{
    if (!cJSON_IsObject(root))
        return false;
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(root, "version");
    if (!cJSON_IsNumber(v) || v->valueint != PROGRESS_VERSION)
        return false;
    v = cJSON_GetObjectItemCaseSensitive(root, "lang");
    if (v) {
        if (!cJSON_IsString(v))
            return false;
        if (!strcmp(v->valuestring, "zh"))
            p->lang = LESSON_LANG_ZH;
        else if (!strcmp(v->valuestring, "en"))
            p->lang = LESSON_LANG_EN;
        else
            return false;
        p->has_lang = true;
    }
    v = cJSON_GetObjectItemCaseSensitive(root, "position");
    if (v) {
        const cJSON *l = cJSON_GetObjectItemCaseSensitive(v, "lesson");
        const cJSON *pg = cJSON_GetObjectItemCaseSensitive(v, "page");
        if (!cJSON_IsObject(v) || !cJSON_IsString(l) || !progress_id_ok(l->valuestring) ||
            !cJSON_IsNumber(pg) || pg->valuedouble < 0 || pg->valuedouble > 100000)
            return false;
        progress_set_position(p, l->valuestring, pg->valueint);
    }
    v = cJSON_GetObjectItemCaseSensitive(root, "done");
    if (v) {
        if (!cJSON_IsArray(v))
            return false;
        const cJSON *e;
        cJSON_ArrayForEach(e, v) {
            if (!cJSON_IsString(e) || !progress_id_ok(e->valuestring))
                return false;
            if (!progress_is_done(p, e->valuestring) && !progress_mark_done(p, e->valuestring))
                p->dropped++;
        }
    }
    v = cJSON_GetObjectItemCaseSensitive(root, "quizzes");
    if (v) {
        if (!cJSON_IsObject(v))
            return false;
        const cJSON *e;
        cJSON_ArrayForEach(e, v) {
            const cJSON *right = cJSON_GetObjectItemCaseSensitive(e, "right");
            const cJSON *tries = cJSON_GetObjectItemCaseSensitive(e, "tries");
            if (!cJSON_IsObject(e) || !cJSON_IsBool(right) || !cJSON_IsNumber(tries) ||
                tries->valuedouble < 0 || tries->valuedouble > 1e6 || !progress_id_ok(e->string))
                return false;
            progress_quiz *q = progress_quiz_slot(p, e->string);
            if (q) {
                q->right = cJSON_IsTrue(right);
                q->tries = tries->valueint;
            } else {
                p->dropped++;
            }
        }
    }
    v = cJSON_GetObjectItemCaseSensitive(root, "lab");
    if (v && (!cJSON_IsObject(v) || !progress_read_lab(v, p)))
        return false;
    v = cJSON_GetObjectItemCaseSensitive(root, "exercises");
    if (v && (!cJSON_IsObject(v) || !progress_read_exercises(v, p)))
        return false;
    return true;
}

progress_status progress_parse(const char *data, size_t size, ui_progress **out)
{
    *out = progress_new();
    if (!*out)
        return PROGRESS_ERROR;
    cJSON *root = cJSON_ParseWithLength(data, size);
    bool ok = root && progress_from_json(root, *out);
    cJSON_Delete(root);
    if (ok)
        return PROGRESS_OK;
    progress_free(*out);
    *out = progress_new();
    return *out ? PROGRESS_CORRUPT : PROGRESS_ERROR;
}

/* Renames path aside as "<path>.<kind>-<unix time>[-k]", never over an
 * earlier file; the new name goes to aside. False with errno set. */
static bool progress_set_aside(const char *path, const char *kind, char *aside, size_t aside_size)
{
    long long now = (long long)time(NULL);
    snprintf(aside, aside_size, "%s.%s-%lld", path, kind, now);
    for (int k = 1; k < 100 && access(aside, F_OK) == 0; k++)
        snprintf(aside, aside_size, "%s.%s-%lld-%d", path, kind, now, k);
    return rename(path, aside) == 0;
}

progress_status progress_load(const char *path, ui_progress **out, char *msg, size_t msg_size)
{
    if (msg_size)
        msg[0] = '\0';
    /* temporaries a killed save left behind */
    safefile_clean_stale(path);
    char *data;
    size_t size;
    int err;
    char aside[4200];
    /* never blocks on a FIFO, never reads a huge file: too big is corrupt */
    lesson_read_status rs = lesson_read_regular_file(path, PROGRESS_FILE_MAX, &data, &size, &err);
    bool too_big = rs == LESSON_READ_TOO_BIG;
    if (rs != LESSON_READ_OK && !too_big) {
        *out = progress_new();
        if (rs == LESSON_READ_OPEN && err == ENOENT && *out)
            return PROGRESS_MISSING;
        if (rs == LESSON_READ_NO_MEMORY || !*out) {
            snprintf(msg, msg_size, "cannot read %s: out of memory; progress will not be saved", path);
            return PROGRESS_ERROR;
        }
        if (rs == LESSON_READ_NOT_REGULAR) {
            snprintf(msg, msg_size, "cannot read %s: not a regular file; progress will not be saved", path);
            return PROGRESS_ERROR;
        }
        /* A regular file we cannot read (mode 000, another owner, an I/O
         * error) is never overwritten: moved aside, whole, for the learner. */
        struct stat st;
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && progress_set_aside(path, "unreadable", aside, sizeof aside)) {
            snprintf(msg, msg_size, "cannot read %s (%s): moved to %s; starting fresh", path, strerror(err), aside);
            return PROGRESS_CORRUPT;
        }
        snprintf(msg, msg_size, "cannot read %s: %s; progress will not be saved", path, strerror(err));
        return PROGRESS_ERROR;
    }
    progress_status st = too_big ? PROGRESS_CORRUPT : progress_parse(data, size, out);
    free(data);
    if (too_big && !(*out = progress_new()))
        st = PROGRESS_ERROR;
    if (st == PROGRESS_ERROR) {
        snprintf(msg, msg_size, "out of memory");
        return PROGRESS_ERROR;
    }
    if (st == PROGRESS_OK && (*out)->dropped == 0)
        return PROGRESS_OK;
    if (st == PROGRESS_OK) {
        /* memory ran out for some entries: the ones read are kept, and the whole file too */
        if (progress_set_aside(path, "full", aside, sizeof aside)) {
            snprintf(msg, msg_size, "out of memory reading %s: %d entries were not loaded; the whole file was "
                     "moved to %s", path, (*out)->dropped, aside);
            return PROGRESS_OK;
        }
        snprintf(msg, msg_size, "out of memory reading %s (%d entries not loaded): progress will not be saved",
                 path, (*out)->dropped);
        return PROGRESS_ERROR;
    }
    char why[80] = "corrupt";
    if (too_big)
        snprintf(why, sizeof why, "too large (%zu bytes or more; at most 4 MiB)", size);
    if (progress_set_aside(path, "corrupt", aside, sizeof aside)) {
        snprintf(msg, msg_size, "progress file was %s; moved to %s; starting fresh", why, aside);
        return PROGRESS_CORRUPT;
    }
    snprintf(msg, msg_size, "progress file %s is %s (%s); progress will not be saved", path, why, strerror(errno));
    return PROGRESS_ERROR;
}

/* ---- struct → JSON ---- */

static cJSON *progress_lab_json(const ui_progress *p)
{
    const run_spec *s = &p->lab;
    cJSON *lab = cJSON_CreateObject();
    if (!lab)
        return NULL;
    cJSON_AddStringToObject(lab, "kind", lesson_lab_kind_name(p->lab_kind));
    cJSON_AddStringToObject(lab, "dataset", s->dataset);
    cJSON_AddNumberToObject(lab, "hidden", s->hidden);
    if (s->n_layers > 0) {
        cJSON *layers = cJSON_AddArrayToObject(lab, "layers");
        for (int i = 0; layers && i < s->n_layers && i < NN_MAX_LAYERS; i++)
            cJSON_AddItemToArray(layers, cJSON_CreateNumber(s->layers[i]));
    }
    cJSON_AddStringToObject(lab, "activation", act_name(s->hidden_act));
    if (s->acts_given && s->n_layers > 0) {
        cJSON *acts = cJSON_AddArrayToObject(lab, "activations");
        for (int i = 0; acts && i < s->n_layers && i < NN_MAX_LAYERS; i++)
            cJSON_AddItemToArray(acts, cJSON_CreateString(act_name(s->acts[i])));
    }
    cJSON_AddStringToObject(lab, "init", nn_init_name(s->init));
    if (s->seed_given)
        cJSON_AddNumberToObject(lab, "seed", s->seed);
    cJSON_AddNumberToObject(lab, "lr", s->lr);
    cJSON_AddNumberToObject(lab, "iterations", (double)s->iterations);
    return lab;
}

static char *progress_to_json(const ui_progress *p)
{
    cJSON *root = cJSON_CreateObject();
    if (!root)
        return NULL;
    cJSON_AddNumberToObject(root, "version", PROGRESS_VERSION);
    if (p->has_lang)
        cJSON_AddStringToObject(root, "lang", p->lang == LESSON_LANG_ZH ? "zh" : "en");
    if (p->position_lesson[0]) {
        cJSON *pos = cJSON_AddObjectToObject(root, "position");
        cJSON_AddStringToObject(pos, "lesson", p->position_lesson);
        cJSON_AddNumberToObject(pos, "page", p->position_page);
    }
    cJSON *done = cJSON_AddArrayToObject(root, "done");
    for (int i = 0; done && i < p->n_done; i++)
        cJSON_AddItemToArray(done, cJSON_CreateString(p->done[i]));
    cJSON *quizzes = cJSON_AddObjectToObject(root, "quizzes");
    for (int i = 0; quizzes && i < p->n_quizzes; i++) {
        cJSON *q = cJSON_AddObjectToObject(quizzes, p->quizzes[i].id);
        cJSON_AddBoolToObject(q, "right", p->quizzes[i].right);
        cJSON_AddNumberToObject(q, "tries", p->quizzes[i].tries);
    }
    if (p->has_lab)
        cJSON_AddItemToObject(root, "lab", progress_lab_json(p));
    if (p->exercise_dir[0] || p->n_exercises) {
        cJSON *ex = cJSON_AddObjectToObject(root, "exercises");
        if (ex && p->exercise_dir[0])
            cJSON_AddStringToObject(ex, "dir", p->exercise_dir);
        cJSON *st = ex ? cJSON_AddObjectToObject(ex, "status") : NULL;
        for (int i = 0; st && i < p->n_exercises; i++)
            if (p->exercises[i].status != PROGRESS_EX_NONE)
                cJSON_AddStringToObject(st, p->exercises[i].id,
                                        p->exercises[i].status == PROGRESS_EX_PASS ? "pass" : "fail");
    }
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    return text;
}

/* mkdir -p of the directory part of path. */
static bool progress_mkdirs(const char *path, char *msg, size_t msg_size)
{
    char dir[4096];
    if (strlen(path) >= sizeof dir) {
        snprintf(msg, msg_size, "path too long: %s", path);
        return false;
    }
    strcpy(dir, path);
    char *slash = strrchr(dir, '/');
    if (!slash)
        return true;
    *slash = '\0';
    for (char *s = dir + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
            snprintf(msg, msg_size, "cannot create %s: %s", dir, strerror(errno));
            return false;
        }
        *s = '/';
    }
    if (dir[0] && mkdir(dir, 0700) != 0 && errno != EEXIST) {
        snprintf(msg, msg_size, "cannot create %s: %s", dir, strerror(errno));
        return false;
    }
    return true;
}

bool progress_save(const ui_progress *p, const char *path, char *msg, size_t msg_size)
{
    if (msg_size)
        msg[0] = '\0';
    if (!p || !path) {
        snprintf(msg, msg_size, "nothing to save");
        return false;
    }
    if (!progress_mkdirs(path, msg, msg_size))
        return false;
    char *text = progress_to_json(p);
    if (!text) {
        snprintf(msg, msg_size, "out of memory while saving progress");
        return false;
    }
    char why[4300];
    size_t len = strlen(text);
    if (len + 1 > PROGRESS_FILE_MAX) {
        /* the loader would refuse it: keep the file there is */
        snprintf(msg, msg_size, "progress not saved: it would take %zu bytes, more than the %zu a progress "
                 "file may hold", len + 1, PROGRESS_FILE_MAX);
        free(text);
        return false;
    }
    text[len] = '\n';  /* cJSON_Print's terminator becomes the file's last newline */
    int rc = safefile_save(path, text, len + 1, 0600, why, sizeof why);
    free(text);
    if (rc) {
        snprintf(msg, msg_size, "cannot save progress: %s", why);
        return false;
    }
    return true;
}
