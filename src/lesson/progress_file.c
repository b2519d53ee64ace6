/*
 * progress_file.c — the learner's progress file (see progress.h): where it
 * lives (progress_default_path), loading it (progress_load: never blocking,
 * never losing a file it cannot use, which is moved aside) and saving it
 * (progress_save). The JSON inside is progress_json.c's. Saving goes through
 * safefile (src/data/safefile.h):
 *   .progress.json.<pid>-<hex>.tmp ─write─fsync─► rename ─► progress.json (a symlink: its target)
 */
#include "progress.h"
#include "progress_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "lesson_internal.h"
#include "safefile.h"

bool progress_default_path(char *buf, size_t size, char *why, size_t why_size)
{
    if (why_size)
        why[0] = '\0';
    const char *xdg = getenv("XDG_STATE_HOME");
    const char *home = getenv("HOME");
    bool xdg_long = false;
    /* a relative XDG_STATE_HOME is ignored, as the XDG spec says; one too long for a path falls back to HOME */
    if (xdg && xdg[0] == '/') {
        int n = snprintf(buf, size, "%s/dnn-tutor/progress.json", xdg);
        if (n > 0 && (size_t)n < size)
            return true;
        xdg_long = true;
    }
    if (home && *home) {
        int n = snprintf(buf, size, "%s/.local/state/dnn-tutor/progress.json", home);
        if (n > 0 && (size_t)n < size)
            return true;
        snprintf(why, why_size, "HOME is too long for a path (%zu characters)", strlen(home));
        return false;
    }
    if (xdg_long)
        snprintf(why, why_size, "XDG_STATE_HOME is too long for a path (%zu characters) and HOME is not set", strlen(xdg));
    else
        snprintf(why, why_size, "neither XDG_STATE_HOME nor HOME is set");
    return false;
}

/* Renames path aside as "<path>.<kind>-<unix time>[-k]", never over an
 * earlier file; the new name goes to aside. False with errno set. */
static bool progress_set_aside(const char *path, const char *kind, char *aside, size_t aside_size)
{
    long long now = (long long)time(NULL);
    snprintf(aside, aside_size, "%s.%s-%lld", path, kind, now);
    for (int k = 1; k < 100 && access(aside, F_OK) == 0; k++)
        snprintf(aside, aside_size, "%s.%s-%lld-%d", path, kind, now, k);
    return rename(path, aside) == 0;
}

progress_status progress_load(const char *path, ui_progress **out, char *msg, size_t msg_size)
{
    if (msg_size)
        msg[0] = '\0';
    /* temporaries a killed save left behind */
    safefile_clean_stale(path);
    char *data;
    size_t size;
    int err;
    char aside[4200];
    /* never blocks on a FIFO, never reads a huge file: too big is corrupt */
    lesson_read_status rs = lesson_read_regular_file(path, PROGRESS_FILE_MAX, &data, &size, &err);
    bool too_big = rs == LESSON_READ_TOO_BIG;
    if (rs != LESSON_READ_OK && !too_big) {
        *out = progress_new();
        if (rs == LESSON_READ_OPEN && err == ENOENT && *out)
            return PROGRESS_MISSING;
        if (rs == LESSON_READ_NO_MEMORY || !*out) {
            snprintf(msg, msg_size, "cannot read %s: out of memory; progress will not be saved", path);
            return PROGRESS_ERROR;
        }
        if (rs == LESSON_READ_NOT_REGULAR) {
            snprintf(msg, msg_size, "cannot read %s: not a regular file; progress will not be saved", path);
            return PROGRESS_ERROR;
        }
        /* A regular file we cannot read (mode 000, another owner, an I/O
         * error) is never overwritten: moved aside, whole, for the learner. */
        struct stat st;
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && progress_set_aside(path, "unreadable", aside, sizeof aside)) {
            snprintf(msg, msg_size, "cannot read %s (%s): moved to %s; starting fresh", path, strerror(err), aside);
            return PROGRESS_CORRUPT;
        }
        snprintf(msg, msg_size, "cannot read %s: %s; progress will not be saved", path, strerror(err));
        return PROGRESS_ERROR;
    }
    progress_status st = too_big ? PROGRESS_CORRUPT : progress_parse(data, size, out);
    free(data);
    if (too_big && !(*out = progress_new()))
        st = PROGRESS_ERROR;
    if (st == PROGRESS_ERROR) {
        snprintf(msg, msg_size, "out of memory");
        return PROGRESS_ERROR;
    }
    if (st == PROGRESS_OK && (*out)->dropped == 0)
        return PROGRESS_OK;
    if (st == PROGRESS_OK) {
        /* memory ran out for some entries: the ones read are kept, and the whole file too */
        if (progress_set_aside(path, "full", aside, sizeof aside)) {
            snprintf(msg, msg_size, "out of memory reading %s: %d entries were not loaded; the whole file was "
                     "moved to %s", path, (*out)->dropped, aside);
            return PROGRESS_OK;
        }
        snprintf(msg, msg_size, "out of memory reading %s (%d entries not loaded): progress will not be saved",
                 path, (*out)->dropped);
        return PROGRESS_ERROR;
    }
    char why[80] = "corrupt";
    if (too_big)
        snprintf(why, sizeof why, "too large (%zu bytes or more; at most 4 MiB)", size);
    if (progress_set_aside(path, "corrupt", aside, sizeof aside)) {
        snprintf(msg, msg_size, "progress file was %s; moved to %s; starting fresh", why, aside);
        return PROGRESS_CORRUPT;
    }
    snprintf(msg, msg_size, "progress file %s is %s (%s); progress will not be saved", path, why, strerror(errno));
    return PROGRESS_ERROR;
}

/* mkdir -p of the directory part of path. */
static bool progress_mkdirs(const char *path, char *msg, size_t msg_size)
{
    char dir[4096];
    if (strlen(path) >= sizeof dir) {
        snprintf(msg, msg_size, "path too long: %s", path);
        return false;
    }
    strcpy(dir, path);
    char *slash = strrchr(dir, '/');
    if (!slash)
        return true;
    *slash = '\0';
    for (char *s = dir + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
            snprintf(msg, msg_size, "cannot create %s: %s", dir, strerror(errno));
            return false;
        }
        *s = '/';
    }
    if (dir[0] && mkdir(dir, 0700) != 0 && errno != EEXIST) {
        snprintf(msg, msg_size, "cannot create %s: %s", dir, strerror(errno));
        return false;
    }
    return true;
}

bool progress_save(const ui_progress *p, const char *path, char *msg, size_t msg_size)
{
    if (msg_size)
        msg[0] = '\0';
    if (!p || !path) {
        snprintf(msg, msg_size, "nothing to save");
        return false;
    }
    if (!progress_mkdirs(path, msg, msg_size))
        return false;
    char *text = progress_to_json(p);
    if (!text) {
        snprintf(msg, msg_size, "out of memory while saving progress");
        return false;
    }
    char why[4300];
    size_t len = strlen(text);
    if (len + 1 > PROGRESS_FILE_MAX) {
        /* the loader would refuse it: keep the file there is */
        snprintf(msg, msg_size, "progress not saved: it would take %zu bytes, more than the %zu a progress "
                 "file may hold", len + 1, PROGRESS_FILE_MAX);
        free(text);
        return false;
    }
    text[len] = '\n';  /* cJSON_Print's terminator becomes the file's last newline */
    int rc = safefile_save(path, text, len + 1, 0600, why, sizeof why);
    free(text);
    if (rc) {
        snprintf(msg, msg_size, "cannot save progress: %s", why);
        return false;
    }
    return true;
}
