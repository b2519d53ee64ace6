/*
 * safefile.h — the one rule for every file dnn-tutor writes (progress,
 * reports, exercise files, anything new): call these, never fopen(…, "w").
 *
 *   safefile_begin("out/lab.md")      checks the target, creates
 *        │                            out/.lab.md.<pid>-<hex>.tmp beside it
 *   safefile_write(…) …               (any number of times)
 *   safefile_finish(…)                fsync + close: the temporary is whole
 *   safefile_commit(…)                rename(tmp, target): the commit point
 *   safefile_discard(…)               on any failure: the temporary is removed
 *
 * The rules:
 *  - Only regular files are written. A device, FIFO, socket or directory at
 *    the target is refused before anything is created ("cannot write
 *    '/dev/full': it is a character device, not a regular file").
 *  - A symlink is written THROUGH: the file it points to (following a chain
 *    of links, relative ones from the link's directory) is replaced and the
 *    link stays. A dangling link creates its target. The target itself must
 *    pass the rule above.
 *  - All or nothing: the new contents go to a temporary file in the target's
 *    directory (same file system, so the rename is atomic) and replace the
 *    old file only when complete. An existing file keeps its permission
 *    bits; a new one gets new_mode minus the umask.
 *  - A write past `ulimit -f` fails with "file too large" instead of killing
 *    the process: cli's main ignores SIGXFSZ (safefile_begin does too, once,
 *    if the signal still has its default action), so write() returns EFBIG.
 *  - No temporary file outlives a failure: every failure path removes it;
 *    safefile_clean_stale removes the ones a killed process left behind.
 *
 * Never prints, never exits; errors are one line ("cannot write 'PATH':
 * REASON") in the caller's buffer. Not thread-safe on one safefile, fine on
 * distinct ones.
 */
#ifndef DNN_DATA_SAFEFILE_H
#define DNN_DATA_SAFEFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#define SAFEFILE_PATH_MAX 4096

typedef struct safefile {
    char path[SAFEFILE_PATH_MAX];   /* the file that will be replaced (a symlink's target) */
    char tmp[SAFEFILE_PATH_MAX];    /* the temporary file; "" when none exists */
    int fd;                         /* open temporary, −1 when closed */
    int error;                      /* the first errno of a failed write, 0 when none */
} safefile;

/* Checks that path may be written (absent, or a regular file, through any
 * symlinks) and puts the file that would be replaced in target (may equal
 * path). 0, or 1 with one line in err. Touches nothing. */
int safefile_check(const char *path, char *target, size_t target_size, char *err, size_t err_size);

/* Starts writing path: checks it (safefile_check) and creates the
 * temporary. 0, or 1 with one line in err and nothing created. */
int safefile_begin(safefile *w, const char *path, mode_t new_mode, char *err, size_t err_size);

/* Appends n bytes. A failure is remembered and reported by safefile_finish. */
void safefile_write(safefile *w, const void *data, size_t n);
void safefile_puts(safefile *w, const char *s);

/* Flushes the temporary to disk and closes it. 0, or 1 with err set and the
 * temporary removed ("file too large" for EFBIG). */
int safefile_finish(safefile *w, char *err, size_t err_size);

/* Renames the finished temporary over the target (re-checking that the
 * target is still absent or regular). 0, or 1 with err set and the
 * temporary removed. */
int safefile_commit(safefile *w, char *err, size_t err_size);

/* Closes and removes the temporary, if any. Safe to call twice. */
void safefile_discard(safefile *w);

/* begin + write + finish + commit, and the directory fsynced (best effort). */
int safefile_save(const char *path, const void *data, size_t n, mode_t new_mode, char *err, size_t err_size);

/* Removes temporaries for path left by processes that are gone (and any
 * older than a day): ".NAME.<pid>-<hex>.tmp", ".NAME.<pid>-<hex>.tmp.<…>.bak"
 * and the older "NAME.tmp-XXXXXX" in path's directory. Only regular files are
 * removed. Returns how many. Follows a symlinked path to its target's
 * directory, where the temporaries are made. */
int safefile_clean_stale(const char *path);

/* The same for every name in dir that starts with prefix (the files of one
 * report: "lab" cleans .lab.md.….tmp and .lab-cost-1a2b3c4d.svg.….tmp). */
int safefile_clean_stale_prefix(const char *dir, const char *prefix);

/* "file too large" for EFBIG, else strerror(e). */
const char *safefile_strerror(int e);

#endif
