/*
 * lesson_json.h — private to lesson_json.c and lesson_schema.c, the two files
 * that see cJSON: the validation context (file, path, positions, problems)
 * and small typed readers that report what is wrong where.
 *
 * Every reader takes the node (or the parent object and a key), checks it,
 * and on a mismatch adds a problem at the node's line:col with the current
 * JSON path. Readers of fields push the key onto the path themselves.
 */
#ifndef DNN_LESSON_JSON_H
#define DNN_LESSON_JSON_H

#include <cjson/cJSON.h>

#include "lesson_internal.h"

#define JC_MAX_PROBLEMS 100

typedef struct jc_ptr_slot {
    const cJSON *node;
    size_t index;  /* into value_at / key_at */
} jc_ptr_slot;

typedef struct jctx {
    lesson_file_result *r;
    const char *text;  /* the file after a byte-order mark, if any */
    size_t size;
    lesson_lines_index lines;
    lesson_scan scan;
    jc_ptr_slot *slots;  /* cJSON node → its position, open addressing */
    size_t n_slots;      /* a power of two */
    char path[512];
    size_t path_len;
    int n_problems;
    bool oom;
    /* ids, prerequisites and week numbers of this file, grown with realloc */
    lesson_id_def *ids;
    int n_ids, cap_ids;
    int *id_slots;  /* hash set of indexes into ids, −1 = empty */
    size_t n_id_slots;
    lesson_prereq_ref *prereqs;
    int n_prereqs, cap_prereqs;
} jctx;

/* Whether the file has more problems than are reported: walking on is useless. */
static inline bool jc_gave_up(const jctx *c)
{
    return c->n_problems > JC_MAX_PROBLEMS;
}

/* Where a node's value (or its key, for an object member) starts. */
size_t jc_offset(const jctx *c, const cJSON *node);
size_t jc_key_offset(const jctx *c, const cJSON *node);
void jc_line_col(const jctx *c, size_t offset, int *line, int *col);

/* Problems at a node's value / at a member's key, with the current path
 * (plus ".key" for jc_problem_key). */
void jc_problem(jctx *c, const cJSON *node, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void jc_problem_key(jctx *c, const cJSON *member, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Path: push returns a mark to pop back to. */
size_t jc_push_key(jctx *c, const char *key);
size_t jc_push_index(jctx *c, int index);
void jc_pop(jctx *c, size_t mark);

/* An arena copy, or NULL (c->oom set) when memory runs out. */
char *jc_strdup(jctx *c, const char *s);
void *jc_alloc(jctx *c, size_t size);

/*
 * An object with only the keys in `allowed` (NULL-terminated), each at most
 * once, and every key in `required` (NULL-terminated). Reports unknown,
 * duplicate and missing keys; false (after a problem) when node is not an
 * object at all.
 */
bool jc_object(jctx *c, const cJSON *node, const char *const *allowed, const char *const *required);

/* The member `key` of an object (NULL when absent). */
const cJSON *jc_member(const cJSON *obj, const char *key);

/* Strings: valid UTF-8, at most LESSON_TEXT_MAX_BYTES, no control characters
 * but '\n'; non-empty (not only white space) unless allow_empty. Returns an
 * arena copy or NULL after a problem. */
const char *jc_string(jctx *c, const cJSON *node, bool allow_empty);
const char *jc_field_string(jctx *c, const cJSON *obj, const char *key, bool allow_empty);

/* { "zh": "…", "en": "…" }, both non-empty. False after a problem. */
bool jc_text(jctx *c, const cJSON *node, lesson_text *out);
/* An absent field leaves *out zeroed and returns true. */
bool jc_field_text(jctx *c, const cJSON *obj, const char *key, lesson_text *out);

/* An integer in lo … hi. False after a problem (or when absent). */
bool jc_int(jctx *c, const cJSON *node, double lo, double hi, const char *what, double *out);
bool jc_field_int(jctx *c, const cJSON *obj, const char *key, double lo, double hi, const char *what, double *out);

/* An array of min … max elements ("what" names them in messages, e.g.
 * "choices"); the element count in *count. NULL after a problem. */
const cJSON *jc_array(jctx *c, const cJSON *node, int min, int max, const char *what, int *count);

/* An id: [a-z0-9-]{1,64}, recorded with its position for the duplicate and
 * prerequisite checks. Returns the arena copy or NULL after a problem. */
const char *jc_field_id(jctx *c, const cJSON *obj, lesson_id_kind kind, const void *item);
/* Records a prerequisite to resolve once every file is loaded. */
void jc_add_prereq(jctx *c, const cJSON *node, const char *owner, const char *id);

/* The JSON type of a node in words ("a string", "an array", …). */
const char *jc_type_name(const cJSON *node);

/* [T, …] with min … max entries; NULL after a problem. */
const lesson_text *jc_texts(jctx *c, const cJSON *node, int min, int max, const char *what, int *count);
/* The index of s in a NULL-terminated list of names, or −1. */
int jc_name_index(const char *const *list, const char *s);

/* lesson_schema.c: validates the parsed document and fills c->r->weeks. */
void lesson_schema_file(jctx *c, const cJSON *root);
/* lesson_schema_quiz.c, lesson_schema_lab.c: one quiz or lab block's value;
 * they count themselves in owner->n_quizzes / n_labs. */
const lesson_quiz *lesson_schema_quiz(jctx *c, const cJSON *node, lesson *owner);
const lesson_lab *lesson_schema_lab(jctx *c, const cJSON *node, lesson *owner);

#endif
