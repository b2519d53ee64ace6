/*
 * lesson_arena.c — the memory a loaded file lives in, the line index that
 * turns byte offsets into line:col, and the problem list.
 *
 *   arena ──► chunk ──► chunk ──► …     (each chunk: header, then bump-allocated bytes)
 *
 * Everything a file's lessons hold is allocated here; freeing the arena frees
 * the file. A skipped file is one lesson_arena_free.
 */
#include "lesson_internal.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_CHUNK (64u * 1024u)
#define ARENA_ALIGN 16u

typedef struct arena_chunk {
    struct arena_chunk *next;
    size_t size;  /* usable bytes after the header */
    size_t used;
    _Alignas(16) unsigned char data[];
} arena_chunk;

struct lesson_arena {
    arena_chunk *head;
    bool failed;
};

lesson_arena *lesson_arena_new(void)
{
    return calloc(1, sizeof(lesson_arena));
}

void *lesson_arena_alloc(lesson_arena *a, size_t size)
{
    size_t need = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (need < size) {
        a->failed = true;
        return NULL;
    }
    if (!a->head || a->head->size - a->head->used < need) {
        size_t chunk = need > ARENA_CHUNK ? need : ARENA_CHUNK;
        arena_chunk *c = malloc(sizeof(arena_chunk) + chunk);
        if (!c) {
            a->failed = true;
            return NULL;
        }
        c->size = chunk;
        c->used = 0;
        c->next = a->head;
        a->head = c;
    }
    void *p = a->head->data + a->head->used;
    a->head->used += need;
    memset(p, 0, need);
    return p;
}

char *lesson_arena_strndup(lesson_arena *a, const char *s, size_t n)
{
    char *p = lesson_arena_alloc(a, n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

char *lesson_arena_strdup(lesson_arena *a, const char *s)
{
    return lesson_arena_strndup(a, s, strlen(s));
}

bool lesson_arena_failed(const lesson_arena *a)
{
    return a->failed;
}

void lesson_arena_free(lesson_arena *a)
{
    if (!a)
        return;
    arena_chunk *c = a->head;
    while (c) {
        arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    free(a);
}

/* Code points are counted per chunk of LINES_CHUNK bytes, so a column costs
 * at most two partial chunks however long the line is (a 4 MiB file may be
 * one line, with a problem or a block every few bytes). */
#define LINES_CHUNK 256u

static bool is_lead_byte(char b)
{
    return ((unsigned char)b & 0xC0) != 0x80;
}

bool lesson_lines_index_build(lesson_lines_index *ix, const char *text, size_t size)
{
    size_t lines = 1;
    for (size_t i = 0; i < size; i++)
        lines += text[i] == '\n';
    ix->text = text;
    ix->size = size;
    ix->count = 0;
    ix->starts = malloc(lines * sizeof *ix->starts);
    ix->chars_before = malloc((size / LINES_CHUNK + 1) * sizeof *ix->chars_before);
    if (!ix->starts || !ix->chars_before) {
        lesson_lines_index_free(ix);
        return false;
    }
    ix->starts[ix->count++] = 0;
    size_t chars = 0;
    for (size_t i = 0; i < size; i++) {
        if (i % LINES_CHUNK == 0)
            ix->chars_before[i / LINES_CHUNK] = chars;
        chars += is_lead_byte(text[i]);
        if (text[i] == '\n')
            ix->starts[ix->count++] = i + 1;
    }
    if (size % LINES_CHUNK == 0)
        ix->chars_before[size / LINES_CHUNK] = chars;
    return true;
}

/* UTF-8 code points (lead bytes) in text[0 … offset). */
static size_t chars_before(const lesson_lines_index *ix, size_t offset)
{
    size_t chunk = offset / LINES_CHUNK;
    size_t n = ix->chars_before[chunk];
    for (size_t i = chunk * LINES_CHUNK; i < offset; i++)
        n += is_lead_byte(ix->text[i]);
    return n;
}

void lesson_lines_index_pos(const lesson_lines_index *ix, size_t offset, int *line, int *col)
{
    if (offset > ix->size)
        offset = ix->size;
    /* the last line start <= offset */
    size_t lo = 0, hi = ix->count;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (ix->starts[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    /* a column is a character: count the bytes that start a UTF-8 sequence */
    size_t c = chars_before(ix, offset) - chars_before(ix, ix->starts[lo]) + 1;
    *line = lo + 1 > INT32_MAX ? INT32_MAX : (int)(lo + 1);
    *col = c > INT32_MAX ? INT32_MAX : (int)c;
}

void lesson_lines_index_free(lesson_lines_index *ix)
{
    free(ix->starts);
    free(ix->chars_before);
    ix->starts = NULL;
    ix->chars_before = NULL;
    ix->count = 0;
}

/* Names, keys and values from a file end up in problems, and problems on a
 * terminal: everything goes through lesson_printable. */
void lesson_problem_add(lesson_problem_list *list, lesson_arena *arena, const char *file,
                        int line, int col, const char *path, const char *message)
{
    if (list->count == list->capacity) {
        int cap = list->capacity ? list->capacity * 2 : 8;
        lesson_problem *items = realloc(list->items, (size_t)cap * sizeof *items);
        if (!items) {
            list->failed = true;
            return;
        }
        list->items = items;
        list->capacity = cap;
    }
    lesson_problem p = {
        .file = lesson_printable(arena, file),
        .line = line,
        .col = col,
        .path = lesson_printable(arena, path ? path : ""),
        .message = lesson_printable(arena, message),
    };
    if (!p.file || !p.path || !p.message) {
        list->failed = true;
        return;
    }
    list->items[list->count++] = p;
}
