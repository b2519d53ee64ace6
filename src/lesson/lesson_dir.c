/*
 * lesson_dir.c — lesson_load_dir: the *.json files of a directory, read with
 * care (regular files only, never more than LESSON_FILE_MAX_BYTES + 1 bytes,
 * never blocking on a FIFO), then loaded as in-memory sources. The careful
 * reader (lesson_read_regular_file) serves the progress file too.
 */
#include "lesson_internal.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct dir_file {
    char *name;    /* as in problems: DIR/NAME */
    char *data;
    size_t size;
    char *error;   /* why it could not be read, or NULL */
    bool too_big;
} dir_file;

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_json_name(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' && n > 5 && !strcmp(name + n - 5, ".json");
}

/* A malloc'd message, or NULL when memory runs out. */
static char *message(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static char *message(const char *fmt, ...)
{
    char buf[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return strdup(buf);
}

lesson_read_status lesson_read_regular_file(const char *path, size_t max, char **data, size_t *size, int *err)
{
    *data = NULL;
    *size = 0;
    *err = 0;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        *err = errno;
        return LESSON_READ_OPEN;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        *err = errno;
        close(fd);
        return LESSON_READ_IO;
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        return LESSON_READ_NOT_REGULAR;
    }
    if ((uintmax_t)st.st_size > max) {
        *size = (uintmax_t)st.st_size > SIZE_MAX ? SIZE_MAX : (size_t)st.st_size;
        close(fd);
        return LESSON_READ_TOO_BIG;
    }
    /* one byte more than fstat said, so the end of the file (or its growth) shows; + 1 for the NUL */
    size_t cap = (size_t)st.st_size + 1, n = 0;
    char *buf = malloc(cap + 1);
    if (!buf) {
        close(fd);
        return LESSON_READ_NO_MEMORY;
    }
    lesson_read_status status = LESSON_READ_OK;
    while (n <= max) {  /* at most max + 1 bytes: one past the limit proves the file too big */
        if (n == cap) {
            size_t ncap = cap > max / 2 ? max + 1 : cap * 2;
            char *p = realloc(buf, ncap + 1);
            if (!p) {
                status = LESSON_READ_NO_MEMORY;
                break;
            }
            buf = p;
            cap = ncap;
        }
        ssize_t got = read(fd, buf + n, cap - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            *err = errno;
            status = LESSON_READ_IO;
            break;
        }
        if (got == 0)
            break;
        n += (size_t)got;
    }
    close(fd);
    if (status == LESSON_READ_OK && n > max)
        status = LESSON_READ_TOO_BIG;
    if (status != LESSON_READ_OK) {
        free(buf);
        *size = status == LESSON_READ_TOO_BIG ? n : 0;
        return status;
    }
    buf[n] = '\0';
    *data = buf;
    *size = n;
    return LESSON_READ_OK;
}

/* Reads one lesson file; anything but a readable regular file of at most
 * LESSON_FILE_MAX_BYTES is an error message. */
static void read_file(dir_file *df)
{
    int err;
    size_t size;
    switch (lesson_read_regular_file(df->name, LESSON_FILE_MAX_BYTES, &df->data, &size, &err)) {
    case LESSON_READ_OK:
        df->size = size;
        break;
    case LESSON_READ_OPEN:
        df->error = message("cannot open: %s", strerror(err));
        break;
    case LESSON_READ_NOT_REGULAR:
        df->error = message("not a regular file");
        break;
    case LESSON_READ_TOO_BIG:
        df->error = message("file too large: %zu bytes (at most 4 MiB)", size);
        df->too_big = true;
        break;
    case LESSON_READ_NO_MEMORY:
        df->error = message("out of memory while reading");
        break;
    case LESSON_READ_IO:
        df->error = message("cannot read: %s", strerror(err));
        break;
    }
}

lesson_course *lesson_load_dir(const char *dir)
{
    char **names = NULL;
    size_t n = 0, cap = 0;
    dir_file *files = NULL;
    lesson_source *sources = NULL;
    lesson_course *course = NULL;
    const char *open_error = NULL;
    int saved = 0;

    DIR *d = opendir(dir);
    if (!d) {
        saved = errno;
        open_error = "cannot open the directory";
    } else {
        struct dirent *e;
        while ((e = readdir(d))) {
            if (!is_json_name(e->d_name))
                continue;
            if (n == cap) {
                size_t ncap = cap ? cap * 2 : 8;
                char **p = realloc(names, ncap * sizeof *p);
                if (!p)
                    goto fail;
                names = p;
                cap = ncap;
            }
            size_t len = strlen(dir) + strlen(e->d_name) + 2;
            names[n] = malloc(len);
            if (!names[n])
                goto fail;
            bool slash = dir[0] && dir[strlen(dir) - 1] == '/';
            snprintf(names[n], len, "%s%s%s", dir, slash ? "" : "/", e->d_name);
            n++;
        }
        closedir(d);
        d = NULL;
        if (n)
            qsort(names, n, sizeof *names, name_cmp);
    }

    files = calloc(n + 1, sizeof *files);
    sources = calloc(n + 1, sizeof *sources);
    if (!files || !sources)
        goto fail;
    for (size_t i = 0; i < n; i++) {
        files[i].name = names[i];
        read_file(&files[i]);
        if (!files[i].data && !files[i].error)
            goto fail;
        sources[i] = (lesson_source){files[i].name, files[i].data ? files[i].data : "", files[i].size};
        if (files[i].error)
            sources[i].size = 0;
    }
    course = lesson_load_sources(sources, (int)n);
    if (!course)
        goto fail;
    /* Files that could not be read: replace the "empty file" problem the
     * empty source produced with the real reason. */
    for (size_t i = 0; i < n; i++) {
        if (!files[i].error)
            continue;
        for (int p = 0; p < course->n_problems; p++) {
            lesson_problem *pr = (lesson_problem *)&course->problems[p];
            if (!strcmp(pr->file, course->files[i].name)) {
                pr->message = lesson_printable(course->internal->arena, files[i].error);
                pr->line = files[i].too_big ? 1 : 0;
                pr->col = files[i].too_big ? 1 : 0;
                pr->path = "";
                if (!pr->message)
                    goto fail;
                break;
            }
        }
    }
    if (open_error || n == 0) {
        /* The directory itself is the problem: one problem with no position. */
        char msg[300];
        if (open_error)
            snprintf(msg, sizeof msg, "%s: %s", open_error, strerror(saved));
        else
            snprintf(msg, sizeof msg, "no lesson files (*.json) in this directory");
        lesson_problem *p = lesson_arena_alloc(course->internal->arena, sizeof *p);
        if (!p)
            goto fail;
        *p = (lesson_problem){lesson_printable(course->internal->arena, dir), 0, 0, "",
                              lesson_printable(course->internal->arena, msg)};
        if (!p->file || !p->message)
            goto fail;
        course->problems = p;
        course->n_problems = 1;
    }
    goto done;
fail:
    lesson_course_free(course);
    course = NULL;
done:
    if (d)
        closedir(d);
    for (size_t i = 0; i < n; i++) {
        free(names[i]);
        if (files) {
            free(files[i].data);
            free(files[i].error);
        }
    }
    free(names);
    free(files);
    free(sources);
    return course;
}
