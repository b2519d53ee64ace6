/*
 * progress_json.c — the learner's progress ⇄ its JSON form (see progress.h
 * for the layout): progress_parse builds a ui_progress from the text,
 * progress_to_json writes one for progress_save (progress_file.c).
 *
 * Reading is strict about types (a "done" that is not an array of strings
 * makes the file corrupt) and lenient about unknown keys (a newer version
 * may add some). Entries memory cannot hold are counted in `dropped`, not
 * treated as corruption. The values go in through progress.c's setters.
 */
#include "progress.h"
#include "progress_internal.h"

#include <cjson/cJSON.h>
#include <string.h>

#include "activation.h"
#include "lesson.h"
#include "network.h"

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

char *progress_to_json(const ui_progress *p)
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
