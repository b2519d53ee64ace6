#include "ex_catalog.h"

/* Texts here are cut to their buffers on purpose (snprintf). */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wformat-truncation"
#endif

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CATALOG_MAX_BYTES (4u << 20)

static char *read_file(const char *path, char *msg, size_t msg_size)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(msg, msg_size, "%s: cannot open", path);
        return NULL;
    }
    char *buf = malloc(CATALOG_MAX_BYTES + 1);
    size_t n = buf ? fread(buf, 1, CATALOG_MAX_BYTES + 1, f) : 0;
    fclose(f);
    if (!buf || n > CATALOG_MAX_BYTES) {
        snprintf(msg, msg_size, "%s: %s", path, buf ? "larger than 4 MiB" : "out of memory");
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    return buf;
}

static char *dup_str(const cJSON *s)
{
    return cJSON_IsString(s) ? strdup(s->valuestring) : NULL;
}

static bool read_text2(const cJSON *o, ex_text2 *t)
{
    if (!cJSON_IsObject(o))
        return false;
    t->en = dup_str(cJSON_GetObjectItemCaseSensitive(o, "en"));
    t->zh = dup_str(cJSON_GetObjectItemCaseSensitive(o, "zh"));
    return t->en && t->zh;
}

static void free_text2(ex_text2 *t)
{
    free(t->en);
    free(t->zh);
}

void ex_catalog_free(ex_catalog *c)
{
    if (!c)
        return;
    for (int i = 0; i < c->n; i++) {
        ex_meta *m = &c->ex[i];
        free(m->assignment);
        free(m->function);
        free(m->id);
        free(m->file);
        free(m->signature);
        free(m->lesson);
        free_text2(&m->title);
        free_text2(&m->task);
        for (int h = 0; h < m->n_hints; h++)
            free_text2(&m->hints[h]);
    }
    for (int i = 0; i < c->n_assignments; i++) {
        free(c->assignments[i].id);
        free(c->assignments[i].file);
        free_text2(&c->assignments[i].title);
    }
    free(c->ex);
    free(c->assignments);
    free(c);
}

#define FAIL(...)                                   \
    do {                                            \
        snprintf(msg, msg_size, __VA_ARGS__);       \
        goto fail;                                  \
    } while (0)

ex_catalog *ex_catalog_load(const char *path, char *msg, size_t msg_size)
{
    ex_catalog *c = NULL;
    cJSON *root = NULL;
    char *text = read_file(path, msg, msg_size);
    if (!text)
        return NULL;
    root = cJSON_Parse(text);
    if (!root)
        FAIL("%s: not valid JSON", path);
    const cJSON *as = cJSON_GetObjectItemCaseSensitive(root, "assignments");
    if (!cJSON_IsArray(as))
        FAIL("%s: \"assignments\" must be an array", path);
    c = calloc(1, sizeof *c);
    int na = cJSON_GetArraySize(as), total = 0;
    const cJSON *a, *e;
    cJSON_ArrayForEach(a, as) {
        const cJSON *exs = cJSON_GetObjectItemCaseSensitive(a, "exercises");
        if (!cJSON_IsArray(exs))
            FAIL("%s: assignments[%d].exercises must be an array", path, c ? c->n_assignments : 0);
        total += cJSON_GetArraySize(exs);
    }
    if (!c || !(c->assignments = calloc((size_t)na + 1, sizeof *c->assignments))
        || !(c->ex = calloc((size_t)total + 1, sizeof *c->ex)))
        FAIL("%s: out of memory", path);
    cJSON_ArrayForEach(a, as) {
        ex_assignment *A = &c->assignments[c->n_assignments++];
        int ai = c->n_assignments - 1;
        A->id = dup_str(cJSON_GetObjectItemCaseSensitive(a, "id"));
        A->file = dup_str(cJSON_GetObjectItemCaseSensitive(a, "file"));
        if (!A->id || !A->file)
            FAIL("%s: assignments[%d] needs string \"id\" and \"file\"", path, ai);
        if (!read_text2(cJSON_GetObjectItemCaseSensitive(a, "title"), &A->title))
            FAIL("%s: assignments[%d].title needs \"en\" and \"zh\"", path, ai);
        for (int k = 0; k < ai; k++)
            if (strcmp(c->assignments[k].id, A->id) == 0)
                FAIL("%s: assignment \"%s\" appears twice", path, A->id);
        A->first = c->n;
        int ei = 0;
        cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(a, "exercises")) {
            ex_meta *m = &c->ex[c->n++];
            m->assignment = strdup(A->id);
            m->file = strdup(A->file);
            m->function = dup_str(cJSON_GetObjectItemCaseSensitive(e, "function"));
            m->signature = dup_str(cJSON_GetObjectItemCaseSensitive(e, "signature"));
            if (!m->function || !m->signature)
                FAIL("%s: %s exercises[%d] needs string \"function\" and \"signature\"", path, A->id, ei);
            size_t idlen = strlen(A->id) + strlen(m->function) + 2;
            m->id = malloc(idlen);
            if (!m->id || !m->assignment || !m->file)
                FAIL("%s: out of memory", path);
            snprintf(m->id, idlen, "%s/%s", A->id, m->function);
            if (!read_text2(cJSON_GetObjectItemCaseSensitive(e, "title"), &m->title)
                || !read_text2(cJSON_GetObjectItemCaseSensitive(e, "task"), &m->task))
                FAIL("%s: %s: \"title\" and \"task\" need \"en\" and \"zh\"", path, m->id);
            const cJSON *hints = cJSON_GetObjectItemCaseSensitive(e, "hints"), *h;
            if (hints && !cJSON_IsArray(hints))
                FAIL("%s: %s: \"hints\" must be an array", path, m->id);
            cJSON_ArrayForEach(h, hints) {
                if (m->n_hints == EX_MAX_HINTS)
                    FAIL("%s: %s: more than %d hints", path, m->id, EX_MAX_HINTS);
                if (!read_text2(h, &m->hints[m->n_hints++]))
                    FAIL("%s: %s: hints[%d] needs \"en\" and \"zh\"", path, m->id, m->n_hints - 1);
            }
            const cJSON *lesson = cJSON_GetObjectItemCaseSensitive(e, "lesson");
            if (lesson && !cJSON_IsString(lesson))
                FAIL("%s: %s: \"lesson\" must be a string", path, m->id);
            m->lesson = dup_str(lesson);
            for (int k = A->first; k < c->n - 1; k++)
                if (strcmp(c->ex[k].function, m->function) == 0)
                    FAIL("%s: %s appears twice", path, m->id);
            m->def = ex_def_find(m->id);
            const cJSON *check = cJSON_GetObjectItemCaseSensitive(e, "check");
            if (check && !cJSON_IsBool(check))
                FAIL("%s: %s: \"check\" must be true or false", path, m->id);
            if (cJSON_IsFalse(check) && m->def)
                FAIL("%s: %s is marked \"check\": false, but dnn-tutor checks it", path, m->id);
            if (!cJSON_IsFalse(check) && !m->def)
                FAIL("%s: dnn-tutor has no check for %s (a misspelt function? mark it \"check\": false)",
                     path, m->id);
            ei++;
        }
        A->count = c->n - A->first;
    }
    /* Exercises marked "check": false are left out (and freed). */
    int kept = 0;
    for (int i = 0; i < c->n; i++) {
        if (c->ex[i].def) {
            ex_meta tmp = c->ex[i];
            c->ex[i] = c->ex[kept];
            c->ex[kept++] = tmp;
        }
    }
    for (int k = 0; k < c->n_assignments; k++) {
        ex_assignment *A = &c->assignments[k];
        int first = -1, count = 0;
        for (int i = 0; i < kept; i++)
            if (!strcmp(c->ex[i].assignment, A->id)) {
                if (first < 0)
                    first = i;
                count++;
            }
        A->first = first < 0 ? kept : first;
        A->count = count;
    }
    {
        int total = c->n;
        c->n = kept;
        ex_catalog tail = { 0, NULL, total - kept, c->ex + kept };
        for (int i = 0; i < tail.n; i++) {
            ex_meta *m = &tail.ex[i];
            free(m->assignment); free(m->function); free(m->id); free(m->file); free(m->signature);
            free(m->lesson); free_text2(&m->title); free_text2(&m->task);
            for (int h = 0; h < m->n_hints; h++)
                free_text2(&m->hints[h]);
        }
    }
    for (int i = 0; i < ex_def_count(); i++) {
        const ex_def *d = ex_def_at(i);
        char id[128];
        snprintf(id, sizeof id, "%s/%s", d->assignment, d->function);
        bool listed = false;
        for (int k = 0; k < c->n_assignments; k++)
            listed = listed || strcmp(c->assignments[k].id, d->assignment) == 0;
        if (listed && !ex_catalog_find(c, id))
            FAIL("%s: %s is missing", path, id);
    }
    cJSON_Delete(root);
    free(text);
    return c;
fail:
    cJSON_Delete(root);
    free(text);
    ex_catalog_free(c);
    return NULL;
}

const ex_meta *ex_catalog_find(const ex_catalog *c, const char *id)
{
    for (int i = 0; c && i < c->n; i++)
        if (strcmp(c->ex[i].id, id) == 0)
            return &c->ex[i];
    return NULL;
}

const char *ex_text_in(const ex_text2 *t, int lang)
{
    const char *s = lang == 1 ? t->zh : t->en;
    if (!s || !*s)
        s = lang == 1 ? t->en : t->zh;
    return s ? s : "";
}
