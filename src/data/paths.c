/*
 * paths.c — the data roots of paths.h, searched in order, first match wins.
 */
#include "paths.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dnn_config.h"

static bool paths_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static bool paths_is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The directory of the running executable, or false. */
static bool paths_exe_dir(char *out, size_t size)
{
    char exe[DATA_PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return false;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash == NULL)
        return false;
    *slash = '\0';
    return snprintf(out, size, "%s", exe[0] ? exe : "/") < (int)size;
}

/* True when the executable lives inside a meson build directory. */
static bool paths_in_build_tree(void)
{
    char dir[DATA_PATH_MAX];
    if (!paths_exe_dir(dir, sizeof dir))
        return false;
    for (int depth = 0; depth < 8 && dir[0] != '\0'; depth++) {
        char probe[DATA_PATH_MAX + 32];
        snprintf(probe, sizeof probe, "%s/meson-private/coredata.dat", dir);
        if (paths_exists(probe))
            return true;
        char *slash = strrchr(dir, '/');
        if (slash == NULL || slash == dir)
            break;
        *slash = '\0';
    }
    return false;
}

/* Appends root (made canonical when it exists) unless it is already listed. */
static void paths_add_root(char roots[][DATA_PATH_MAX], size_t *n, size_t max, const char *root)
{
    char real[PATH_MAX];
    if (*n >= max || realpath(root, real) == NULL || strlen(real) >= DATA_PATH_MAX || !paths_is_dir(real))
        return;
    for (size_t i = 0; i < *n; i++)
        if (strcmp(roots[i], real) == 0)
            return;
    snprintf(roots[(*n)++], DATA_PATH_MAX, "%s", real);
}

/* DNN_TUTOR_DATADIR when set and not empty, else NULL. */
static const char *paths_env(void)
{
    const char *env = getenv("DNN_TUTOR_DATADIR");
    return env && env[0] ? env : NULL;
}

/* Set to something that is not a usable directory: nothing is searched. */
static bool paths_env_bad(void)
{
    const char *env = paths_env();
    return env && (!paths_is_dir(env) || strlen(env) >= DATA_PATH_MAX);
}

size_t data_roots(char roots[][DATA_PATH_MAX], size_t max)
{
    size_t n = 0;
    if (paths_env_bad())
        return 0;
    const char *env = paths_env();
    if (n < max && env != NULL)
        snprintf(roots[n++], DATA_PATH_MAX, "%s", env);
    if (paths_in_build_tree())
        paths_add_root(roots, &n, max, DNN_SOURCE_ROOT);
    char dir[DATA_PATH_MAX], rel[DATA_PATH_MAX + 32];
    if (paths_exe_dir(dir, sizeof dir)) {
        snprintf(rel, sizeof rel, "%s/../share/dnn-tutor", dir);
        paths_add_root(roots, &n, max, rel);
    }
    paths_add_root(roots, &n, max, DNN_INSTALL_DATADIR);
    return n;
}

bool data_find(const char *rel, char *out, size_t out_size)
{
    char roots[DATA_MAX_ROOTS][DATA_PATH_MAX];
    size_t n = data_roots(roots, DATA_MAX_ROOTS);
    const char *env = getenv("DNN_TUTOR_DATADIR");
    const char *base = strrchr(rel, '/');
    base = base ? base + 1 : rel;
    for (size_t i = 0; i < n; i++) {
        char path[2 * DATA_PATH_MAX];
        int w = snprintf(path, sizeof path, "%s/%s", roots[i], rel);
        bool found = w > 0 && (size_t)w < sizeof path && paths_exists(path);
        if (!found && i == 0 && env != NULL && strcmp(roots[0], env) == 0 && base != rel) {
            w = snprintf(path, sizeof path, "%s/%s", roots[i], base);
            found = w > 0 && (size_t)w < sizeof path && paths_exists(path);
        }
        if (found) {
            if (strlen(path) >= out_size)
                return false;
            snprintf(out, out_size, "%s", path);
            return true;
        }
    }
    return false;
}

char *data_roots_text(char *buf, size_t size)
{
    char roots[DATA_MAX_ROOTS][DATA_PATH_MAX];
    size_t n = data_roots(roots, DATA_MAX_ROOTS);
    if (size == 0)
        return buf;
    buf[0] = '\0';
    if (n == 0 && paths_env_bad()) {
        snprintf(buf, size, "DNN_TUTOR_DATADIR=%s, which is not a directory", paths_env());
        return buf;
    }
    if (n == 0) {
        snprintf(buf, size, "(no data directory found)");
        return buf;
    }
    size_t used = 0;
    for (size_t i = 0; i < n && used < size; i++) {
        int w = snprintf(buf + used, size - used, "%s%s", i ? ", " : "", roots[i]);
        if (w < 0)
            break;
        used += (size_t)w;
    }
    return buf;
}

