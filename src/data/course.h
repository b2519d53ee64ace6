/*
 * course.h — where a learner keeps the course's own data files, which
 * dnn-tutor never ships or downloads: the cat pictures of the week 2 and
 * week 4 notebooks (their `datasets/` folder).
 *
 * The course directory is the first of these that is set:
 *
 *   1. the directory given (--course-data DIR)
 *   2. $DNN_TUTOR_COURSE_DATA
 *   3. $XDG_DATA_HOME/dnn-tutor/course   (XDG_DATA_HOME absolute; else
 *      ~/.local/share/dnn-tutor/course), then the current directory
 *
 * In each directory D the files may sit in D itself or in D/datasets (the
 * notebook's folder copied whole). The train file and its test file must sit
 * side by side: train_catvnoncat.h5 and test_catvnoncat.h5.
 */
#ifndef DNN_DATA_COURSE_H
#define DNN_DATA_COURSE_H

#include <stdbool.h>
#include <stddef.h>

#include "paths.h"

#define COURSE_TRAIN_FILE "train_catvnoncat.h5"
#define COURSE_TEST_FILE "test_catvnoncat.h5"
#define COURSE_DATA_ENV "DNN_TUTOR_COURSE_DATA"
#define COURSE_MAX_PLACES 6

/* The directories searched for `file`, in order (each D and D/datasets of
 * the rules above); given may be NULL or "". Returns how many were written
 * (at most max). */
size_t course_places(const char *given, char places[][DATA_PATH_MAX], size_t max);

/* Looks for `file` in the places above. On success writes its path into out
 * and returns true. */
bool course_find(const char *given, const char *file, char *out, size_t out_size);

/* "A, B, C" — the places, for a message; returns buf. */
char *course_places_text(const char *given, char *buf, size_t size);

/* The default course directory, $XDG_DATA_HOME/dnn-tutor/course or
 * ~/.local/share/dnn-tutor/course (for "copy the files to …"); "" when
 * neither XDG_DATA_HOME nor HOME is set. Returns buf. */
char *course_default_dir(char *buf, size_t size);

/* The test file beside a train file: the same directory, the last "train"
 * in the file's name turned into "test" (train_catvnoncat.h5 →
 * test_catvnoncat.h5, cats_train.h5 → cats_test.h5). True, with the path in
 * out, when that file exists; false when the name has no "train" or there
 * is no such file. */
bool course_test_sibling(const char *train_path, char *out, size_t out_size);

#endif
