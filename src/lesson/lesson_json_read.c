/*
 * lesson_json_read.c — typed readers of cJSON nodes: each checks one value
 * (an object's keys, a string, a bilingual text, an integer in range, a list
 * of n … m entries, an id) and reports what does not fit at its line:col.
 */
#include "lesson_json.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *jc_type_name(const cJSON *node)
{
    if (cJSON_IsString(node))
        return "a string";
    if (cJSON_IsNumber(node))
        return "a number";
    if (cJSON_IsArray(node))
        return "an array";
    if (cJSON_IsObject(node))
        return "an object";
    if (cJSON_IsBool(node))
        return "true or false";
    return "null";
}

const cJSON *jc_member(const cJSON *obj, const char *key)
{
    for (const cJSON *m = obj ? obj->child : NULL; m; m = m->next)
        if (m->string && !strcmp(m->string, key))
            return m;
    return NULL;
}

static void join_list(const char *const *list, char *buf, size_t size)
{
    size_t len = 0;
    buf[0] = '\0';
    for (int k = 0; list[k]; k++) {
        const char *sep = !k ? "" : list[k + 1] ? ", " : " or ";
        int w = snprintf(buf + len, size - len, "%s%s", sep, list[k]);
        if (w < 0 || (size_t)w >= size - len)
            return;
        len += (size_t)w;
    }
}

bool jc_object(jctx *c, const cJSON *node, const char *const *allowed, const char *const *required)
{
    if (!cJSON_IsObject(node)) {
        jc_problem(c, node, "expected an object, found %s", jc_type_name(node));
        return false;
    }
    /* how often each allowed key was seen: linear in the members, however many */
    int seen[16] = {0};
    for (const cJSON *m = node->child; m && !jc_gave_up(c); m = m->next) {
        int k = 0;
        while (allowed[k] && strcmp(allowed[k], m->string))
            k++;
        if (!allowed[k]) {
            char keys[300];
            join_list(allowed, keys, sizeof keys);
            jc_problem_key(c, m, "unknown key \"%s\" (expected %s)", m->string, keys);
        } else if (k < 16 && seen[k]++)
            jc_problem_key(c, m, "duplicate key \"%s\"", m->string);
    }
    for (; required && *required; required++)
        if (!jc_member(node, *required))
            jc_problem(c, node, "missing key \"%s\"", *required);
    return true;
}

const char *jc_string(jctx *c, const cJSON *node, bool allow_empty)
{
    if (!cJSON_IsString(node) || !node->valuestring) {
        jc_problem(c, node, "expected a string, found %s", jc_type_name(node));
        return NULL;
    }
    const char *s = node->valuestring;
    size_t n = strlen(s);
    if (n > LESSON_TEXT_MAX_BYTES) {
        jc_problem(c, node, "text too long: %zu bytes (at most %d)", n, LESSON_TEXT_MAX_BYTES);
        return NULL;
    }
    if (!lesson_utf8_valid(s, n)) {
        jc_problem(c, node, "invalid UTF-8");
        return NULL;
    }
    bool blank = true;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if ((ch < 0x20 && ch != '\n') || ch == 0x7F) {
            jc_problem(c, node, "control character U+%04X in a text (only \\n may be used)", ch);
            return NULL;
        }
        if (ch == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] <= 0x9F) {
            jc_problem(c, node, "control character U+%04X in a text (only \\n may be used)",
                       (unsigned char)s[i + 1]);
            return NULL;
        }
        if (ch != ' ' && ch != '\n')
            blank = false;
    }
    if (blank && !allow_empty) {
        jc_problem(c, node, "empty text");
        return NULL;
    }
    return jc_strdup(c, s);
}

const char *jc_field_string(jctx *c, const cJSON *obj, const char *key, bool allow_empty)
{
    const cJSON *m = jc_member(obj, key);
    if (!m)
        return NULL;
    size_t mark = jc_push_key(c, key);
    const char *s = jc_string(c, m, allow_empty);
    jc_pop(c, mark);
    return s;
}

bool jc_text(jctx *c, const cJSON *node, lesson_text *out)
{
    static const char *const keys[] = {"zh", "en", NULL};
    memset(out, 0, sizeof *out);
    if (!cJSON_IsObject(node)) {
        jc_problem(c, node, "expected a bilingual text {\"zh\": \"…\", \"en\": \"…\"}, found %s",
                   jc_type_name(node));
        return false;
    }
    int before = c->n_problems;
    jc_object(c, node, keys, keys);
    out->zh = jc_field_string(c, node, "zh", false);
    out->en = jc_field_string(c, node, "en", false);
    return c->n_problems == before && out->zh && out->en;
}

bool jc_field_text(jctx *c, const cJSON *obj, const char *key, lesson_text *out)
{
    memset(out, 0, sizeof *out);
    const cJSON *m = jc_member(obj, key);
    if (!m)
        return true;
    size_t mark = jc_push_key(c, key);
    bool ok = jc_text(c, m, out);
    jc_pop(c, mark);
    return ok;
}

bool jc_int(jctx *c, const cJSON *node, double lo, double hi, const char *what, double *out)
{
    if (!cJSON_IsNumber(node) || node->valuedouble != floor(node->valuedouble)) {
        jc_problem(c, node, "expected %s (an integer), found %s", what,
                   cJSON_IsNumber(node) ? "a fraction" : jc_type_name(node));
        return false;
    }
    double v = node->valuedouble;
    if (!(v >= lo && v <= hi)) {
        jc_problem(c, node, "%s must be %.0f … %.0f, not %.15g", what, lo, hi, v);
        return false;
    }
    *out = v;
    return true;
}

bool jc_field_int(jctx *c, const cJSON *obj, const char *key, double lo, double hi, const char *what, double *out)
{
    const cJSON *m = jc_member(obj, key);
    if (!m)
        return false;
    size_t mark = jc_push_key(c, key);
    bool ok = jc_int(c, m, lo, hi, what, out);
    jc_pop(c, mark);
    return ok;
}

const cJSON *jc_array(jctx *c, const cJSON *node, int min, int max, const char *what, int *count)
{
    if (!cJSON_IsArray(node)) {
        jc_problem(c, node, "expected an array of %s, found %s", what, jc_type_name(node));
        return NULL;
    }
    int n = cJSON_GetArraySize(node);
    if (n < min || n > max) {
        if (min == max)
            jc_problem(c, node, "expected %d %s, found %d", min, what, n);
        else if (max == INT32_MAX && min == 1)
            jc_problem(c, node, "an empty list (at least one entry is needed)");
        else if (max == INT32_MAX)
            jc_problem(c, node, "expected at least %d %s, found %d", min, what, n);
        else
            jc_problem(c, node, "expected %d … %d %s, found %d", min, max, what, n);
        return NULL;
    }
    *count = n;
    return node;
}

static bool grow(jctx *c, void **items, int *cap, int count, size_t size)
{
    if (count < *cap)
        return true;
    int ncap = *cap ? *cap * 2 : 16;
    void *p = realloc(*items, (size_t)ncap * size);
    if (!p) {
        c->oom = true;
        return false;
    }
    *items = p;
    *cap = ncap;
    return true;
}

static bool id_valid(const char *s)
{
    size_t n = strlen(s);
    if (n < 1 || n > LESSON_ID_MAX)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
            return false;
    return true;
}

/* The ids of this file in a hash set (indexes into c->ids), so that checking
 * for duplicates stays linear however many ids a file has. */
static size_t str_hash(const char *s)
{
    size_t h = 1469598103934665603ull & SIZE_MAX;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * (1099511628211ull & SIZE_MAX);
    return h;
}

static const lesson_id_def *id_find(const jctx *c, const char *id)
{
    if (!c->n_id_slots)
        return NULL;
    size_t mask = c->n_id_slots - 1;
    for (size_t h = str_hash(id) & mask;; h = (h + 1) & mask) {
        int k = c->id_slots[h];
        if (k < 0)
            return NULL;
        if (!strcmp(c->ids[k].id, id))
            return &c->ids[k];
    }
}

static void id_insert(jctx *c, int index)
{
    if ((size_t)(index + 1) * 2 > c->n_id_slots) {
        size_t n = c->n_id_slots ? c->n_id_slots * 2 : 64;
        int *slots = malloc(n * sizeof *slots);
        if (!slots) {
            c->oom = true;
            return;
        }
        for (size_t h = 0; h < n; h++)
            slots[h] = -1;
        free(c->id_slots);
        c->id_slots = slots;
        c->n_id_slots = n;
        for (int k = 0; k < index; k++)
            id_insert(c, k);
    }
    size_t mask = c->n_id_slots - 1;
    size_t h = str_hash(c->ids[index].id) & mask;
    while (c->id_slots[h] >= 0)
        h = (h + 1) & mask;
    c->id_slots[h] = index;
}

const char *jc_field_id(jctx *c, const cJSON *obj, lesson_id_kind kind, const void *item)
{
    const cJSON *m = jc_member(obj, "id");
    if (!m)
        return NULL;
    size_t mark = jc_push_key(c, "id");
    const char *id = NULL;
    if (!cJSON_IsString(m))
        jc_problem(c, m, "expected a string, found %s", jc_type_name(m));
    else if (!id_valid(m->valuestring))
        jc_problem(c, m, "an id is 1 … %d characters of a-z, 0-9 and '-'", LESSON_ID_MAX);
    else
        id = jc_strdup(c, m->valuestring);
    if (id) {
        const lesson_id_def *first = id_find(c, id);
        if (first) {
            jc_problem(c, m, "duplicate id \"%s\" (first at %d:%d)", id, first->line, first->col);
            id = NULL;
        }
    }
    if (id && grow(c, (void **)&c->ids, &c->cap_ids, c->n_ids, sizeof *c->ids)) {
        lesson_id_def *d = &c->ids[c->n_ids++];
        d->id = id;
        d->kind = kind;
        d->item = item;
        jc_line_col(c, jc_offset(c, m), &d->line, &d->col);
        d->path = jc_strdup(c, c->path);
        id_insert(c, c->n_ids - 1);
    }
    jc_pop(c, mark);
    return id;
}

void jc_add_prereq(jctx *c, const cJSON *node, const char *owner, const char *id)
{
    if (!grow(c, (void **)&c->prereqs, &c->cap_prereqs, c->n_prereqs, sizeof *c->prereqs))
        return;
    lesson_prereq_ref *p = &c->prereqs[c->n_prereqs++];
    p->owner = owner;
    p->id = id;
    jc_line_col(c, jc_offset(c, node), &p->line, &p->col);
    p->path = jc_strdup(c, c->path);
}

/* Index of s in a NULL-terminated list, or −1. */
int jc_name_index(const char *const *list, const char *s)
{
    for (int k = 0; list[k]; k++)
        if (!strcmp(list[k], s))
            return k;
    return -1;
}

/* [T, …] with min … max entries. */
const lesson_text *jc_texts(jctx *c, const cJSON *node, int min, int max, const char *what, int *count)
{
    *count = 0;
    int n;
    if (!jc_array(c, node, min, max, what, &n))
        return NULL;
    lesson_text *items = jc_alloc(c, (size_t)n * sizeof *items);
    if (!items)
        return NULL;
    int i = 0;
    for (const cJSON *e = node->child; e && !jc_gave_up(c); e = e->next, i++) {
        size_t mark = jc_push_index(c, i);
        jc_text(c, e, &items[i]);
        jc_pop(c, mark);
    }
    *count = n;
    return items;
}
