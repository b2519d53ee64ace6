/*
 * ex_files.h — where the shipped exercises are, and the learner's folder.
 *
 *   <data root>/exercises/exercises.json   metadata (ex_catalog.h)
 *                         harness.py       the child process's program
 *                         stubs/w2a1.py …  what `exercises init` copies
 *                         solutions/…      shown after a pass
 *                         lib/NAME.py      the course's ready-made modules
 *
 * The data root is found as for the datasets (data/paths.h). The learner's
 * folder defaults to ~/dnn-tutor-exercises.
 */
#ifndef DNN_EXERCISE_EX_FILES_H
#define DNN_EXERCISE_EX_FILES_H

#include <stdbool.h>
#include <stddef.h>

/* The shipped exercises folder into buf; false when no data root has one. */
bool ex_find_root(char *buf, size_t size);
/* $HOME/dnn-tutor-exercises into buf; false without HOME. */
bool ex_default_dir(char *buf, size_t size);

/* Copies the .py files of stubs/ and lib/ from root into dir (made with its parents),
 * never over an existing file. *created and *kept count the files; log gets
 * one line per file ("created w4a1.py" / "kept w4a1.py (already there)").
 * Each file is written by data/safefile.h: whole or not at all; through a
 * symlink (kept when it points to a file, its target created when dangling);
 * a directory, FIFO or device where a file belongs is an error.
 * False with msg on the first error (nothing is removed). */
bool ex_init_folder(const char *root, const char *dir, int *created, int *kept, char *log,
                    size_t log_size, char *msg, size_t msg_size);

/* The source of function `name` in a Python file (its "def name(" line up to
 * the next line at column 0 that is not blank or a comment), malloc'd; NULL
 * when not found or unreadable. */
char *ex_function_source(const char *file, const char *name);

#endif
