/*
 * exercises_watch.c — exercises_watch.h.
 */
#include "exercises_watch.h"

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

file_mark file_mark_of(const char *path)
{
    struct stat st;
    file_mark m = { 0 };
    if (stat(path, &st) == 0)
        m = (file_mark){ true, st.st_mtim, st.st_size, st.st_ino };
    return m;
}

bool file_marks_equal(const file_mark *a, const file_mark *b)
{
    return a->exists == b->exists && a->mtime.tv_sec == b->mtime.tv_sec
           && a->mtime.tv_nsec == b->mtime.tv_nsec && a->size == b->size && a->ino == b->ino;
}

bool watch_wait_for_quit(int ms, bool *stdin_open, char *line, size_t line_size, size_t *len)
{
    struct pollfd pf = { STDIN_FILENO, POLLIN, 0 };
    if (poll(&pf, *stdin_open ? 1 : 0, ms) <= 0)
        return false;
    char buf[256];
    ssize_t n = read(STDIN_FILENO, buf, sizeof buf);
    if (n <= 0) {
        if (n == 0 || (errno != EINTR && errno != EAGAIN))
            *stdin_open = false;
        return false;
    }
    for (ssize_t i = 0; i < n; i++) {
        if (buf[i] != '\n') {
            if (*len + 1 < line_size)
                line[(*len)++] = buf[i];
            continue;
        }
        line[*len] = '\0';
        *len = 0;
        char *p = line;
        while (*p == ' ' || *p == '\t')
            p++;
        size_t k = strlen(p);
        while (k > 0 && (p[k - 1] == ' ' || p[k - 1] == '\t' || p[k - 1] == '\r'))
            p[--k] = '\0';
        if (strcmp(p, "q") == 0 || strcmp(p, "quit") == 0)
            return true;
    }
    return false;
}
