/*
 * course.c — the course directory of course.h: which places are searched,
 * and the test file beside a train file.
 */
#include "course.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool course_is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && !S_ISDIR(st.st_mode);
}

char *course_default_dir(char *buf, size_t size)
{
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    if (size == 0)
        return buf;
    if (xdg != NULL && xdg[0] == '/')
        snprintf(buf, size, "%s/dnn-tutor/course", xdg);
    else if (home != NULL && home[0] != '\0')
        snprintf(buf, size, "%s/.local/share/dnn-tutor/course", home);
    else
        buf[0] = '\0';
    return buf;
}

/* Adds D and D/datasets when there is room. */
static size_t course_add(const char *dir, char places[][DATA_PATH_MAX], size_t n, size_t max)
{
    if (dir == NULL || dir[0] == '\0')
        return n;
    size_t len = strlen(dir);
    while (len > 1 && dir[len - 1] == '/')
        len--;
    if (n < max && len < DATA_PATH_MAX)
        snprintf(places[n++], DATA_PATH_MAX, "%.*s", (int)len, dir);
    if (n < max && len + sizeof "/datasets" <= DATA_PATH_MAX)
        snprintf(places[n++], DATA_PATH_MAX, "%.*s/datasets", (int)len, dir);
    return n;
}

size_t course_places(const char *given, char places[][DATA_PATH_MAX], size_t max)
{
    const char *env = getenv(COURSE_DATA_ENV);
    if (given != NULL && given[0] != '\0')
        return course_add(given, places, 0, max);
    if (env != NULL && env[0] != '\0')
        return course_add(env, places, 0, max);
    char dir[DATA_PATH_MAX];
    size_t n = course_add(course_default_dir(dir, sizeof dir), places, 0, max);
    if (getcwd(dir, sizeof dir) != NULL)
        n = course_add(dir, places, n, max);
    else
        n = course_add(".", places, n, max);
    return n;
}

bool course_find(const char *given, const char *file, char *out, size_t out_size)
{
    char places[COURSE_MAX_PLACES][DATA_PATH_MAX];
    size_t n = course_places(given, places, COURSE_MAX_PLACES);
    for (size_t i = 0; i < n; i++) {
        char path[DATA_PATH_MAX + 64];
        snprintf(path, sizeof path, "%s/%s", places[i], file);
        if (course_is_file(path) && strlen(path) < out_size) {
            snprintf(out, out_size, "%s", path);
            return true;
        }
    }
    return false;
}

char *course_places_text(const char *given, char *buf, size_t size)
{
    char places[COURSE_MAX_PLACES][DATA_PATH_MAX];
    size_t n = course_places(given, places, COURSE_MAX_PLACES), used = 0;
    if (size == 0)
        return buf;
    buf[0] = '\0';
    for (size_t i = 0; i < n && used < size; i++)
        used += (size_t)snprintf(buf + used, size - used, "%s%s", i ? ", " : "", places[i]);
    return buf;
}

bool course_test_sibling(const char *train_path, char *out, size_t out_size)
{
    const char *slash = strrchr(train_path, '/');
    const char *base = slash ? slash + 1 : train_path;
    const char *hit = NULL;
    for (const char *p = strstr(base, "train"); p != NULL; p = strstr(p + 1, "train"))
        hit = p;
    if (hit == NULL)
        return false;
    int w = snprintf(out, out_size, "%.*stest%s", (int)(hit - train_path), train_path, hit + strlen("train"));
    if (w < 0 || (size_t)w >= out_size)
        return false;
    return course_is_file(out);
}
