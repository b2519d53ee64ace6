#include "ex_files.h"

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wformat-truncation"
#endif

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "paths.h"
#include "safefile.h"

bool ex_find_root(char *buf, size_t size)
{
    return data_find("exercises", buf, size);
}

bool ex_default_dir(char *buf, size_t size)
{
    const char *home = getenv("HOME");
    if (!home || !*home)
        return false;
    return (size_t)snprintf(buf, size, "%s/dnn-tutor-exercises", home) < size;
}

static bool mkdirs(const char *dir, char *msg, size_t msg_size)
{
    char tmp[4096];
    if (snprintf(tmp, sizeof tmp, "%s", dir) >= (int)sizeof tmp) {
        snprintf(msg, msg_size, "%s: path too long", dir);
        return false;
    }
    for (char *p = tmp + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(tmp, 0755) != 0 && errno != EEXIST) {
            snprintf(msg, msg_size, "%s: %s", tmp, strerror(errno));
            return false;
        }
        *p = '/';
    }
    if (mkdir(tmp, 0755) != 0 && errno != EEXIST) {
        snprintf(msg, msg_size, "%s: %s", tmp, strerror(errno));
        return false;
    }
    return true;
}

/* Reads a whole small file; malloc'd (*n its size), NULL with msg. */
static char *read_small(const char *path, size_t *n, char *msg, size_t msg_size)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0;
    *n = 0;
    if (!f) {
        snprintf(msg, msg_size, "%s: %s", path, strerror(errno));
        return NULL;
    }
    for (;;) {
        if (*n == cap) {
            char *p = realloc(buf, cap ? cap * 2 : 65536);
            if (!p) {
                snprintf(msg, msg_size, "%s: out of memory", path);
                break;
            }
            buf = p;
            cap = cap ? cap * 2 : 65536;
        }
        size_t k = fread(buf + *n, 1, cap - *n, f);
        *n += k;
        if (k == 0) {
            if (!ferror(f)) {
                fclose(f);
                return buf;
            }
            snprintf(msg, msg_size, "%s: %s", path, strerror(errno));
            break;
        }
    }
    fclose(f);
    free(buf);
    return NULL;
}

/* Copies src to dst unless dst is already a file: 1 copied, 0 kept, −1 error.
 * Written by the safe writer (data/safefile.h): all or nothing, a symlink is
 * written through (a learner's file it points to is kept, a dangling one's
 * target is created), and a directory, FIFO or device at dst is an error. */
static int copy_new(const char *src, const char *dst, char *msg, size_t msg_size)
{
    char target[SAFEFILE_PATH_MAX];
    struct stat st;
    if (safefile_check(dst, target, sizeof target, msg, msg_size) != 0)
        return -1;
    if (stat(target, &st) == 0)
        return 0;
    size_t n;
    char *text = read_small(src, &n, msg, msg_size);
    if (!text)
        return -1;
    int rc = safefile_save(dst, text, n, 0644, msg, msg_size) == 0 ? 1 : -1;
    free(text);
    return rc;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool copy_dir(const char *from, const char *dir, int *created, int *kept, char *log,
                     size_t log_size, size_t *log_len, char *msg, size_t msg_size)
{
    DIR *d = opendir(from);
    if (!d) {
        snprintf(msg, msg_size, "%s: %s", from, strerror(errno));
        return false;
    }
    char *names[256];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 256) {
        size_t len = strlen(e->d_name);
        if (len > 3 && strcmp(e->d_name + len - 3, ".py") == 0 && (names[n] = strdup(e->d_name)))
            n++;
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof names[0], cmp_str);
    bool ok = true;
    for (int i = 0; i < n; i++) {
        char src[4096], dst[4096];
        snprintf(src, sizeof src, "%s/%s", from, names[i]);
        snprintf(dst, sizeof dst, "%s/%s", dir, names[i]);
        int rc = ok ? copy_new(src, dst, msg, msg_size) : -1;
        if (rc < 0)
            ok = false;
        else if (rc == 1)
            (*created)++;
        else
            (*kept)++;
        if (rc >= 0 && *log_len < log_size)
            *log_len += (size_t)snprintf(log + *log_len, log_size - *log_len, "%s %s%s\n",
                                         rc ? "created" : "kept", names[i],
                                         rc ? "" : " (already there, not touched)");
        free(names[i]);
    }
    return ok;
}

bool ex_init_folder(const char *root, const char *dir, int *created, int *kept, char *log,
                    size_t log_size, char *msg, size_t msg_size)
{
    *created = *kept = 0;
    size_t log_len = 0;
    if (log_size)
        log[0] = '\0';
    if (!mkdirs(dir, msg, msg_size))
        return false;
    char from[4096];
    snprintf(from, sizeof from, "%s/stubs", root);
    if (!copy_dir(from, dir, created, kept, log, log_size, &log_len, msg, msg_size))
        return false;
    snprintf(from, sizeof from, "%s/lib", root);
    return copy_dir(from, dir, created, kept, log, log_size, &log_len, msg, msg_size);
}

char *ex_function_source(const char *file, const char *name)
{
    FILE *f = fopen(file, "r");
    if (!f)
        return NULL;
    char line[4096];
    char head[256];
    snprintf(head, sizeof head, "def %s(", name);
    size_t cap = 0, len = 0;
    char *out = NULL;
    bool in = false;
    while (fgets(line, sizeof line, f)) {
        if (!in) {
            if (strncmp(line, head, strlen(head)) != 0)
                continue;
            in = true;
        } else if (line[0] != ' ' && line[0] != '\t' && line[0] != '\n' && line[0] != '#'
                   && line[0] != '\r') {
            break;
        }
        size_t n = strlen(line);
        if (len + n + 1 > cap) {
            cap = (len + n + 1) * 2;
            char *p = realloc(out, cap);
            if (!p) {
                free(out);
                fclose(f);
                return NULL;
            }
            out = p;
        }
        memcpy(out + len, line, n + 1);
        len += n;
    }
    fclose(f);
    /* drop trailing blank lines */
    while (out && len > 0 && (out[len - 1] == '\n' || out[len - 1] == ' ')) {
        if (len >= 2 && out[len - 2] == '\n') {
            out[--len] = '\0';
            continue;
        }
        break;
    }
    return out;
}
