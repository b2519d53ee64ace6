/*
 * lesson_internal.h — what the files of src/lesson share and nobody else sees:
 * the arena every loaded string and array lives in, the strict JSON scanner,
 * the per-file validator and the shipped (embedded) lesson files.
 */
#ifndef DNN_LESSON_INTERNAL_H
#define DNN_LESSON_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "lesson.h"

/* ---- arena: many small allocations, one free ------------------------- */

typedef struct lesson_arena lesson_arena;

lesson_arena *lesson_arena_new(void);
/* Zeroed, aligned memory for size bytes, or NULL when memory runs out
 * (the arena remembers it: lesson_arena_failed). size 0 gives a valid pointer. */
void *lesson_arena_alloc(lesson_arena *a, size_t size);
/* A NUL-terminated copy of s[0 … n), or NULL when memory runs out. */
char *lesson_arena_strndup(lesson_arena *a, const char *s, size_t n);
char *lesson_arena_strdup(lesson_arena *a, const char *s);
bool lesson_arena_failed(const lesson_arena *a);
void lesson_arena_free(lesson_arena *a);

/* ---- positions: byte offset → 1-based line and column ------------------ */

typedef struct lesson_lines_index {
    const char *text;
    size_t size;
    size_t *starts;        /* byte offset of each line's first byte */
    size_t count;
    size_t *chars_before;  /* code points before each 256-byte chunk */
} lesson_lines_index;

/* Indexes the lines of text (not copied: it must outlive the index). */
bool lesson_lines_index_build(lesson_lines_index *ix, const char *text, size_t size);
/* Line (1-based) and column (1-based, in UTF-8 code points) of a byte offset. */
void lesson_lines_index_pos(const lesson_lines_index *ix, size_t offset, int *line, int *col);
void lesson_lines_index_free(lesson_lines_index *ix);

/* ---- the strict JSON scanner (RFC 8259, no extensions) --------------- */

#define LESSON_NO_OFFSET ((size_t)-1)

typedef struct lesson_scan {
    bool ok;
    /* On failure: where and what (path like "weeks[0].lessons", "" at the top). */
    size_t err_offset;
    char err_path[256];
    char err_message[160];
    /* On success: every value's first byte, in document order (pre-order: a
     * container before its elements), and the offset of its key when it is
     * an object member (LESSON_NO_OFFSET otherwise). Owned; free with
     * lesson_scan_free. */
    size_t *value_at;
    size_t *key_at;
    size_t n_values;
} lesson_scan;

/* Checks text[0 … size) is one JSON value in strict syntax, valid UTF-8
 * everywhere, no "\u0000", no lone surrogate, nesting at most
 * LESSON_MAX_DEPTH. Fills *out; false when the text is not valid (or when
 * memory runs out: err_message says so). */
bool lesson_scan_json(const char *text, size_t size, lesson_scan *out);
void lesson_scan_free(lesson_scan *s);

/* An arena copy of s that is safe to print on a terminal: control characters
 * (C0, DEL, C1) become \uXXXX and bytes that are not UTF-8 \xXX. NULL when
 * memory runs out. */
char *lesson_printable(lesson_arena *arena, const char *s);

/* Whether s[0 … n) is valid UTF-8 (no overlongs, no surrogates, ≤ U+10FFFF). */
bool lesson_utf8_valid(const char *s, size_t n);

/* ---- reading a file with care (lesson_dir.c) ---------------------------- */

typedef enum lesson_read_status {
    LESSON_READ_OK,
    LESSON_READ_OPEN,         /* open failed: *err is errno (ENOENT, EACCES, …) */
    LESSON_READ_NOT_REGULAR,  /* a directory, FIFO, device …: not read */
    LESSON_READ_TOO_BIG,      /* more than max bytes: *size is how many (at least) */
    LESSON_READ_NO_MEMORY,
    LESSON_READ_IO            /* fstat or read failed: *err is errno */
} lesson_read_status;

/* Reads the regular file at path whole when it has at most max bytes. Never
 * blocks on a FIFO, never reads more than max + 1 bytes (a file that grows
 * while it is read is caught). LESSON_READ_OK gives *data (malloc'd,
 * NUL-terminated, the caller frees it) and *size; any other status leaves
 * *data NULL. */
lesson_read_status lesson_read_regular_file(const char *path, size_t max, char **data, size_t *size, int *err);

/* ---- problems while loading ------------------------------------------- */

typedef struct lesson_problem_list {
    lesson_problem *items;
    int count;
    int capacity;
    bool failed;  /* memory ran out */
} lesson_problem_list;

/* Adds a problem; the strings are copied into arena. */
void lesson_problem_add(lesson_problem_list *list, lesson_arena *arena, const char *file,
                        int line, int col, const char *path, const char *message);

/* ---- one file ---------------------------------------------------------- */

typedef enum lesson_id_kind { LESSON_ID_WEEK, LESSON_ID_LESSON, LESSON_ID_QUIZ } lesson_id_kind;

/* An id defined in a file, with where. */
typedef struct lesson_id_def {
    const char *id;
    lesson_id_kind kind;
    const void *item;  /* the lesson_week, lesson or lesson_quiz */
    int line, col;
    const char *path;
} lesson_id_def;

/* A prerequisite, resolved after every file is loaded. */
typedef struct lesson_prereq_ref {
    const char *owner;  /* the lesson that names it */
    const char *id;
    int line, col;
    const char *path;
} lesson_prereq_ref;

typedef struct lesson_pos {
    int line, col;
    const char *path;
} lesson_pos;

/* The result of loading one file on its own. Everything lives in arena. */
typedef struct lesson_file_result {
    lesson_arena *arena;
    const char *name;
    lesson_week *weeks;
    int n_weeks;
    lesson_id_def *ids;
    int n_ids;
    lesson_prereq_ref *prereqs;
    int n_prereqs;
    lesson_pos *week_number_pos;  /* where each week's "number" is, n_weeks entries */
    lesson_problem_list problems;
} lesson_file_result;

/* ---- the course's private part (lesson_load.c, lesson_course.c) --------- */

typedef struct lesson_id_entry {
    const char *id;
    lesson_id_kind kind;
    const void *item;
    int file;  /* index into the file results */
    const lesson_id_def *def;
} lesson_id_entry;

struct lesson_course_internal {
    lesson_arena *arena;       /* the course's own: files, problems, weeks, index */
    lesson_arena **kept;       /* the arenas of the files not skipped */
    int n_kept;
    lesson_id_entry *index;    /* ids of the loaded files, sorted by id */
    int n_index;
    const lesson **flat;       /* every lesson, weeks in order */
};

/* The entry for id in an index sorted by id (any of equal ones), or NULL. */
const lesson_id_entry *lesson_index_find(const lesson_id_entry *index, int n, const char *id);

/* Scans, parses and validates one file held in memory (lesson_json.c, the
 * only cJSON user). Returns false only when memory runs out; every problem
 * with the file is in r->problems. r->arena is created here; the caller
 * frees it (with lesson_file_result_free) unless it keeps the weeks. */
bool lesson_file_load(lesson_file_result *r, const char *name, const char *data, size_t size);
void lesson_file_result_free(lesson_file_result *r);

/* ---- the shipped lessons (generated at build time by lesson_embed) ----- */

extern const lesson_source lesson_shipped_files[];
extern const int lesson_shipped_count;

#endif
