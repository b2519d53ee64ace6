/*
 * exercises_watch.h — what `dnn-tutor exercises watch` waits on: a file's
 * save, and the learner's "q" and Enter on stdin.
 */
#ifndef DNN_CLI_EXERCISES_WATCH_H
#define DNN_CLI_EXERCISES_WATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <time.h>

/* What tells that a file was saved: its modification time to the nanosecond
 * (two saves within one second count), its size and its inode (an editor that
 * writes a new file and renames it over the old one). A missing file has
 * exists false and zeros. */
typedef struct file_mark {
    bool exists;
    struct timespec mtime;
    off_t size;
    ino_t ino;
} file_mark;

file_mark file_mark_of(const char *path);
bool file_marks_equal(const file_mark *a, const file_mark *b);

/* Waits up to ms for input on stdin. True when a whole line "q" (or "quit")
 * came: the learner ends the watch. Other lines are ignored; after the end of
 * stdin (*stdin_open false) it only waits. line/len carry a partial line
 * between calls (start with *len 0). */
bool watch_wait_for_quit(int ms, bool *stdin_open, char *line, size_t line_size, size_t *len);

#endif
