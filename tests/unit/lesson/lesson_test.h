/* lesson_test.h — helpers shared by the lesson tests. */
#ifndef DNN_TEST_LESSON_TEST_H
#define DNN_TEST_LESSON_TEST_H

#include <stddef.h>

#include "lesson.h"

/* $DNN_TUTOR_SOURCE_ROOT, or "." when unset. */
const char *lt_source_root(void);
/* The whole file, NUL-terminated (size without the NUL); NULL on error. Free it. */
char *lt_read_file(const char *path, size_t *size);
/* Writes a file; false on error. */
bool lt_write_file(const char *path, const char *data, size_t size);
/* A new empty directory under $TMPDIR (or /tmp); the path is static storage. */
const char *lt_temp_dir(void);
/* Removes the files named in a directory made by lt_temp_dir, then the directory. */
void lt_remove_dir(const char *dir);
/* malloc that aborts when memory runs out: never NULL (so that compilers
 * with sanitizers do not warn about writes through a NULL result). */
void *lt_alloc(size_t size);
/* The i-th problem as one line, in static storage ("" when out of range). */
const char *lt_problem(const lesson_course *course, int i);

#endif
