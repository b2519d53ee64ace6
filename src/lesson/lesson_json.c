/*
 * lesson_json.c — one lesson file from bytes to validated structs:
 *
 *   bytes ──► lesson_scan_json (strict syntax, UTF-8, depth; offsets of every value)
 *         ──► cJSON_ParseWithLengthOpts (the tree)
 *         ──► pair tree nodes with offsets (both in document order)
 *         ──► lesson_schema_file (rules, structs in the file's arena)
 *
 * with the context every reader reports through: positions, the JSON path,
 * problems (the typed readers are in lesson_json_read.c).
 */
#include "lesson_json.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- positions --------------------------------------------------------- */

static size_t slot_hash(const cJSON *node, size_t mask)
{
    uintptr_t p = (uintptr_t)node;
    p ^= p >> 17;
    p *= (uintptr_t)0x9E3779B97F4A7C15ull;
    return (size_t)(p >> 7) & mask;
}

static const jc_ptr_slot *slot_find(const jctx *c, const cJSON *node)
{
    if (!c->n_slots)
        return NULL;
    size_t mask = c->n_slots - 1;
    for (size_t h = slot_hash(node, mask);; h = (h + 1) & mask) {
        if (c->slots[h].node == node)
            return &c->slots[h];
        if (!c->slots[h].node)
            return NULL;
    }
}

/* Pre-order, as the scanner recorded the values. */
static void slot_fill(jctx *c, const cJSON *node, size_t *next)
{
    if (*next < c->scan.n_values) {
        size_t mask = c->n_slots - 1;
        size_t h = slot_hash(node, mask);
        while (c->slots[h].node)
            h = (h + 1) & mask;
        c->slots[h].node = node;
        c->slots[h].index = *next;
    }
    (*next)++;
    for (const cJSON *ch = node->child; ch; ch = ch->next)
        slot_fill(c, ch, next);
}

size_t jc_offset(const jctx *c, const cJSON *node)
{
    const jc_ptr_slot *s = slot_find(c, node);
    return s ? c->scan.value_at[s->index] : 0;
}

size_t jc_key_offset(const jctx *c, const cJSON *node)
{
    const jc_ptr_slot *s = slot_find(c, node);
    if (!s)
        return 0;
    size_t k = c->scan.key_at[s->index];
    return k == LESSON_NO_OFFSET ? c->scan.value_at[s->index] : k;
}

void jc_line_col(const jctx *c, size_t offset, int *line, int *col)
{
    lesson_lines_index_pos(&c->lines, offset, line, col);
}

/* ---- problems and the path ---------------------------------------------- */

static void problem_va(jctx *c, size_t offset, const char *suffix, const char *fmt, va_list ap)
{
    lesson_file_result *r = c->r;
    if (c->n_problems > JC_MAX_PROBLEMS)
        return;
    int line, col;
    jc_line_col(c, offset, &line, &col);
    char msg[400];
    if (++c->n_problems > JC_MAX_PROBLEMS)
        snprintf(msg, sizeof msg, "more than %d problems; the rest of the file is not checked", JC_MAX_PROBLEMS);
    else
        vsnprintf(msg, sizeof msg, fmt, ap);
    char path[600];
    snprintf(path, sizeof path, "%s%s%s", c->path, suffix && c->path_len ? "." : "", suffix ? suffix : "");
    lesson_problem_add(&r->problems, r->arena, r->name, line, col, path, msg);
}

void jc_problem(jctx *c, const cJSON *node, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    problem_va(c, jc_offset(c, node), NULL, fmt, ap);
    va_end(ap);
}

void jc_problem_key(jctx *c, const cJSON *member, const char *fmt, ...)
{
    char key[80];
    snprintf(key, sizeof key, "%s", member->string ? member->string : "");
    va_list ap;
    va_start(ap, fmt);
    problem_va(c, jc_key_offset(c, member), key, fmt, ap);
    va_end(ap);
}

size_t jc_push_key(jctx *c, const char *key)
{
    size_t mark = c->path_len;
    int w = snprintf(c->path + mark, sizeof c->path - mark, "%s%s", mark ? "." : "", key);
    if (w > 0)
        c->path_len = mark + (size_t)w < sizeof c->path ? mark + (size_t)w : sizeof c->path - 1;
    return mark;
}

size_t jc_push_index(jctx *c, int index)
{
    size_t mark = c->path_len;
    int w = snprintf(c->path + mark, sizeof c->path - mark, "[%d]", index);
    if (w > 0)
        c->path_len = mark + (size_t)w < sizeof c->path ? mark + (size_t)w : sizeof c->path - 1;
    return mark;
}

void jc_pop(jctx *c, size_t mark)
{
    c->path_len = mark;
    c->path[mark] = '\0';
}

char *jc_strdup(jctx *c, const char *s)
{
    char *p = lesson_arena_strdup(c->r->arena, s);
    if (!p)
        c->oom = true;
    return p;
}

void *jc_alloc(jctx *c, size_t size)
{
    void *p = lesson_arena_alloc(c->r->arena, size);
    if (!p)
        c->oom = true;
    return p;
}

/* ---- one file ----------------------------------------------------------------- */

static void count_nodes(const cJSON *node, size_t *n)
{
    (*n)++;
    for (const cJSON *ch = node->child; ch; ch = ch->next)
        count_nodes(ch, n);
}

bool lesson_file_load(lesson_file_result *r, const char *name, const char *data, size_t size)
{
    memset(r, 0, sizeof *r);
    r->arena = lesson_arena_new();
    if (!r->arena)
        return false;
    r->name = lesson_printable(r->arena, name);  /* as it will be printed */
    if (!r->name)
        return false;

    jctx c = {.r = r, .text = data, .size = size};
    /* A UTF-8 byte-order mark is allowed and skipped; columns start after it. */
    if (size >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) {
        c.text += 3;
        c.size -= 3;
    }
    bool ok = false;
    cJSON *root = NULL;
    if (size > LESSON_FILE_MAX_BYTES) {
        char msg[120];
        snprintf(msg, sizeof msg, "file too large: %zu bytes (at most 4 MiB)", size);
        lesson_problem_add(&r->problems, r->arena, r->name, 1, 1, "", msg);
        return !r->problems.failed;
    }
    if (!lesson_lines_index_build(&c.lines, c.text, c.size))
        goto done;
    if (!lesson_scan_json(c.text, c.size, &c.scan)) {
        if (!strcmp(c.scan.err_message, "out of memory"))
            goto done;
        int line, col;
        jc_line_col(&c, c.scan.err_offset, &line, &col);
        lesson_problem_add(&r->problems, r->arena, r->name, line, col, c.scan.err_path, c.scan.err_message);
        ok = true;
        goto done;
    }
    const char *end = NULL;
    root = cJSON_ParseWithLengthOpts(c.text, c.size, &end, false);
    if (!root) {
        /* The strict scan passed, so this is cJSON running out of memory (or
         * disagreeing with RFC 8259): report where it stopped. */
        int line, col;
        jc_line_col(&c, end && end >= c.text ? (size_t)(end - c.text) : 0, &line, &col);
        lesson_problem_add(&r->problems, r->arena, r->name, line, col, "", "cannot parse this file (out of memory?)");
        ok = true;
        goto done;
    }
    size_t nodes = 0;
    count_nodes(root, &nodes);
    size_t slots = 16;
    while (slots < nodes * 2)
        slots *= 2;
    c.slots = calloc(slots, sizeof *c.slots);
    if (!c.slots)
        goto done;
    c.n_slots = slots;
    size_t next = 0;
    slot_fill(&c, root, &next);

    lesson_schema_file(&c, root);
    if (c.oom)
        goto done;
    r->ids = c.n_ids ? lesson_arena_alloc(r->arena, (size_t)c.n_ids * sizeof *r->ids) : NULL;
    r->prereqs = c.n_prereqs ? lesson_arena_alloc(r->arena, (size_t)c.n_prereqs * sizeof *r->prereqs) : NULL;
    if ((c.n_ids && !r->ids) || (c.n_prereqs && !r->prereqs))
        goto done;
    if (c.n_ids)
        memcpy(r->ids, c.ids, (size_t)c.n_ids * sizeof *r->ids);
    if (c.n_prereqs)
        memcpy(r->prereqs, c.prereqs, (size_t)c.n_prereqs * sizeof *r->prereqs);
    r->n_ids = c.n_ids;
    r->n_prereqs = c.n_prereqs;
    ok = !r->problems.failed && !lesson_arena_failed(r->arena);
done:
    cJSON_Delete(root);
    free(c.slots);
    free(c.ids);
    free(c.id_slots);
    free(c.prereqs);
    lesson_scan_free(&c.scan);
    lesson_lines_index_free(&c.lines);
    return ok;
}

void lesson_file_result_free(lesson_file_result *r)
{
    free(r->problems.items);
    lesson_arena_free(r->arena);
    memset(r, 0, sizeof *r);
}
