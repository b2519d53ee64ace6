/*
 * safefile.c — write a file all at once, only over a regular file (see
 * safefile.h for the rules).
 *
 *   "link.md" ─lstat/readlink…─► "/real/dir/lab.md"   (the target; absent or regular)
 *   /real/dir/.lab.md.<pid>-<hex>.tmp ─write─fsync─close─► rename ─► /real/dir/lab.md
 */
#include "safefile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define SAFEFILE_MAX_LINKS 40
#define SAFEFILE_STALE_SECONDS (24 * 3600)

const char *safefile_strerror(int e)
{
    return e == EFBIG ? "file too large" : strerror(e);
}

static const char *kind_name(mode_t m)
{
    return S_ISCHR(m)    ? "a character device"
           : S_ISBLK(m)  ? "a block device"
           : S_ISFIFO(m) ? "a FIFO"
           : S_ISSOCK(m) ? "a socket"
                         : "not a regular file";
}

/* The directory part of path ("." when none, "/" for "/x") into dir. */
static bool dir_of(const char *path, char *dir, size_t size)
{
    const char *slash = strrchr(path, '/');
    int n = slash ? snprintf(dir, size, "%.*s", slash == path ? 1 : (int)(slash - path), path)
                  : snprintf(dir, size, ".");
    return n > 0 && (size_t)n < size;
}

static const char *base_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static void say(char *err, size_t err_size, const char *path, const char *target, const char *why)
{
    if (!err_size)
        return;
    if (target && strcmp(path, target))
        snprintf(err, err_size, "cannot write '%s' (-> %s): %s", path, target, why);
    else
        snprintf(err, err_size, "cannot write '%s': %s", path, why);
}

int safefile_check(const char *path, char *target, size_t target_size, char *err, size_t err_size)
{
    char cur[SAFEFILE_PATH_MAX];
    if (!path || !*path || snprintf(cur, sizeof cur, "%s", path) >= (int)sizeof cur) {
        say(err, err_size, path ? path : "", NULL, strerror(ENAMETOOLONG));
        return 1;
    }
    for (int hops = 0;; hops++) {
        struct stat st;
        if (lstat(cur, &st) != 0) {
            if (errno != ENOENT) {
                say(err, err_size, path, cur, strerror(errno));
                return 1;
            }
            break; /* absent: it will be created */
        }
        if (S_ISREG(st.st_mode))
            break;
        if (S_ISDIR(st.st_mode)) {
            say(err, err_size, path, cur, "it is a directory");
            return 1;
        }
        if (!S_ISLNK(st.st_mode)) {
            char why[64];
            snprintf(why, sizeof why, "it is %s, not a regular file", kind_name(st.st_mode));
            say(err, err_size, path, cur, why);
            return 1;
        }
        if (hops == SAFEFILE_MAX_LINKS) {
            say(err, err_size, path, NULL, strerror(ELOOP));
            return 1;
        }
        char link[SAFEFILE_PATH_MAX];
        ssize_t n = readlink(cur, link, sizeof link - 1);
        if (n < 0 || (size_t)n >= sizeof link - 1) {
            say(err, err_size, path, cur, n < 0 ? strerror(errno) : strerror(ENAMETOOLONG));
            return 1;
        }
        link[n] = '\0';
        char next[SAFEFILE_PATH_MAX], dir[SAFEFILE_PATH_MAX];
        int len = link[0] == '/' || !strchr(cur, '/') ? snprintf(next, sizeof next, "%s", link)
                  : (dir_of(cur, dir, sizeof dir) ? snprintf(next, sizeof next, "%s/%s", dir, link) : -1);
        if (len < 0 || (size_t)len >= sizeof next) {
            say(err, err_size, path, NULL, strerror(ENAMETOOLONG));
            return 1;
        }
        memcpy(cur, next, (size_t)len + 1);
    }
    if (snprintf(target, target_size, "%s", cur) >= (int)target_size) {
        say(err, err_size, path, NULL, strerror(ENAMETOOLONG));
        return 1;
    }
    return 0;
}

/* A write past RLIMIT_FSIZE must fail with EFBIG, not kill the process. */
static void ignore_sigxfsz(void)
{
    struct sigaction old;
    if (sigaction(SIGXFSZ, NULL, &old) == 0 && !(old.sa_flags & SA_SIGINFO) && old.sa_handler == SIG_DFL) {
        struct sigaction ign;
        memset(&ign, 0, sizeof ign);
        ign.sa_handler = SIG_IGN;
        sigemptyset(&ign.sa_mask);
        sigaction(SIGXFSZ, &ign, NULL);
    }
}

int safefile_begin(safefile *w, const char *path, mode_t new_mode, char *err, size_t err_size)
{
    w->tmp[0] = '\0';
    w->fd = -1;
    w->error = 0;
    if (safefile_check(path, w->path, sizeof w->path, err, err_size))
        return 1;
    ignore_sigxfsz();
    char dir[SAFEFILE_PATH_MAX];
    if (!dir_of(w->path, dir, sizeof dir)) {
        say(err, err_size, path, NULL, strerror(ENAMETOOLONG));
        return 1;
    }
    struct stat st;
    bool exists = stat(w->path, &st) == 0;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    int e = EEXIST;
    for (unsigned attempt = 0; attempt < 100 && e == EEXIST; attempt++) {
        int n = snprintf(w->tmp, sizeof w->tmp, "%s/.%s.%ld-%lx.tmp", dir, base_of(w->path), (long)getpid(),
                         (unsigned long)ts.tv_nsec + attempt);
        if (n < 0 || (size_t)n >= sizeof w->tmp) {
            e = ENAMETOOLONG;
            break;
        }
        w->fd = open(w->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, exists ? 0600 : new_mode);
        e = w->fd < 0 ? errno : 0;
    }
    if (w->fd < 0) {
        w->tmp[0] = '\0';
        say(err, err_size, path, NULL, strerror(e));
        return 1;
    }
    if (exists)
        (void)fchmod(w->fd, st.st_mode & 07777);
    return 0;
}

void safefile_write(safefile *w, const void *data, size_t n)
{
    const char *p = data;
    while (!w->error && w->fd >= 0 && n > 0) {
        ssize_t k = write(w->fd, p, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0) {
            w->error = k < 0 ? errno : EIO;
            break;
        }
        p += k;
        n -= (size_t)k;
    }
}

void safefile_puts(safefile *w, const char *s)
{
    safefile_write(w, s, strlen(s));
}

void safefile_discard(safefile *w)
{
    if (w->fd >= 0) {
        close(w->fd);
        w->fd = -1;
    }
    if (w->tmp[0]) {
        unlink(w->tmp);
        w->tmp[0] = '\0';
    }
}

int safefile_finish(safefile *w, char *err, size_t err_size)
{
    if (w->fd < 0 && !w->error)
        w->error = EBADF;
    if (!w->error && fsync(w->fd) != 0 && errno != EINVAL && errno != EROFS)
        w->error = errno;
    if (w->fd >= 0 && close(w->fd) != 0 && !w->error)
        w->error = errno;
    w->fd = -1;
    if (w->error) {
        say(err, err_size, w->path, NULL, safefile_strerror(w->error));
        safefile_discard(w);
        return 1;
    }
    return 0;
}

int safefile_commit(safefile *w, char *err, size_t err_size)
{
    char target[SAFEFILE_PATH_MAX];
    if (safefile_check(w->path, target, sizeof target, err, err_size)) {
        safefile_discard(w);
        return 1;
    }
    if (rename(w->tmp, w->path) != 0) {
        say(err, err_size, w->path, NULL, strerror(errno));
        safefile_discard(w);
        return 1;
    }
    w->tmp[0] = '\0';
    return 0;
}

int safefile_save(const char *path, const void *data, size_t n, mode_t new_mode, char *err, size_t err_size)
{
    safefile w;
    if (safefile_begin(&w, path, new_mode, err, err_size))
        return 1;
    safefile_write(&w, data, n);
    if (safefile_finish(&w, err, err_size) || safefile_commit(&w, err, err_size))
        return 1;
    /* the rename reaches the disk with its directory (best effort: the file is whole either way) */
    char dir[SAFEFILE_PATH_MAX];
    if (dir_of(w.path, dir, sizeof dir)) {
        int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dfd >= 0) {
            (void)fsync(dfd);
            close(dfd);
        }
    }
    return 0;
}

/* Is name one of our temporaries, ".BASE.<pid>-<hex>.tmp[.<anything>.bak]"?
 * Then the length of BASE and the pid. */
static bool parse_temp(const char *name, size_t *base_len, long *pid)
{
    if (name[0] != '.')
        return false;
    for (const char *t = strstr(name, ".tmp"); t; t = strstr(t + 1, ".tmp")) {
        const char *rest = t + 4;
        size_t rl = strlen(rest);
        if (rl && !(rest[0] == '.' && rl >= 5 && !strcmp(rest + rl - 4, ".bak")))
            continue;
        const char *h = t;
        while (h > name && h[-1] && strchr("0123456789abcdef", h[-1]))
            h--;
        if (h == t || h - 1 <= name || h[-1] != '-')
            continue;
        const char *d = h - 1;
        while (d > name && d[-1] >= '0' && d[-1] <= '9')
            d--;
        if (d == h - 1 || d - 1 <= name + 1 || d[-1] != '.')
            continue;
        *pid = strtol(d, NULL, 10);
        *base_len = (size_t)(d - 1 - (name + 1));
        return *pid > 0;
    }
    return false;
}

/* Removes, in dir, our temporaries whose BASE is base (exact) or starts with
 * it (prefix), of processes that are gone or older than a day; with exact,
 * also an older version's "BASE.tmp-XXXXXX". */
static int clean_stale_in(const char *dir, const char *base, bool prefix)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    size_t bl = strlen(base);
    int removed = 0;
    time_t now = time(NULL);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        const char *name = e->d_name;
        long pid = 0;
        size_t len;
        bool ours;
        if (!prefix && !strncmp(name, base, bl) && !strncmp(name + bl, ".tmp-", 5) && strlen(name + bl + 5) == 6)
            ours = true; /* no pid: its writer is long gone */
        else
            ours = parse_temp(name, &len, &pid) && (prefix ? len >= bl : len == bl) && !strncmp(name + 1, base, bl);
        if (!ours || pid == (long)getpid())
            continue;
        char full[SAFEFILE_PATH_MAX];
        struct stat st;
        if (snprintf(full, sizeof full, "%s/%s", dir, name) >= (int)sizeof full || lstat(full, &st) != 0 ||
            !S_ISREG(st.st_mode))
            continue;
        bool gone = pid == 0 || (kill((pid_t)pid, 0) != 0 && errno == ESRCH);
        if ((gone || now - st.st_mtime > SAFEFILE_STALE_SECONDS) && unlink(full) == 0)
            removed++;
    }
    closedir(d);
    return removed;
}

int safefile_clean_stale(const char *path)
{
    char target[SAFEFILE_PATH_MAX], dir[SAFEFILE_PATH_MAX], err[16];
    if (safefile_check(path, target, sizeof target, err, 0) || !dir_of(target, dir, sizeof dir))
        return 0;
    return clean_stale_in(dir, base_of(target), false);
}

int safefile_clean_stale_prefix(const char *dir, const char *prefix)
{
    return clean_stale_in(dir, prefix, true);
}
