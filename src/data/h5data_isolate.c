/*
 * h5data_isolate.c — h5data_read_isolated: a reader run in a child process,
 * its result sent back through a pipe (see h5data_read.h for why).
 *
 * On the pipe, in order: one h5data_wire (the same binary writes and reads
 * it, so the struct's layout is the format), then, when its status is
 * DATA_OK, m·n_x pixel bytes and m label bytes. The parent believes nothing
 * it has not checked: the magic, the status, every size against the limits,
 * each label, each string's terminator. Anything else, an early end, a
 * signal or the time limit makes the whole read one error value; nothing is
 * handed back half-read.
 */
#define _GNU_SOURCE /* pipe2 */
#include "h5data_read.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "monoclock.h"

#define H5DATA_WIRE_MAGIC 0x35486e64u

typedef struct h5data_wire {
    uint32_t magic;   /* H5DATA_WIRE_MAGIC */
    int32_t status;   /* the reader's data_status */
    data_error err;   /* the reader's error when status is not DATA_OK */
    uint64_t m;
    int32_t height, width, channels;
    uint8_t has_classes;
    char prefix[H5DATA_PREFIX_MAX];
    char class_names[2][H5DATA_CLASS_MAX];
} h5data_wire;

/* ---- the child ------------------------------------------------------------ */

static bool h5data_write_all(int fd, const void *buf, size_t n)
{
    const unsigned char *p = buf;
    while (n > 0) {
        ssize_t put = write(fd, p, n);
        if (put < 0 && errno == EINTR)
            continue;
        if (put <= 0)
            return false;
        p += put;
        n -= (size_t)put;
    }
    return true;
}

/* The child's whole life: plain signal handling (a fault ends it the usual
 * way, not through a handler of the parent's: the app's, a sanitizer's or a
 * fuzzer's), no output on the terminal, a CPU limit so that an orphan the
 * parent can no longer kill cannot spin for ever, then read and send. */
static _Noreturn void h5data_child(int fd, const char *path, h5data_reader read, int time_limit_ms)
{
    static const int plain[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT};
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++)
        sigaction(plain[i], &dfl, NULL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    int null = open("/dev/null", O_WRONLY);
    if (null >= 0) {
        dup2(null, STDOUT_FILENO);
        dup2(null, STDERR_FILENO);
        close(null);
    }
    rlim_t cpu_s = (rlim_t)(time_limit_ms / 1000 + 2);
    struct rlimit cpu = {cpu_s, cpu_s + 1};
    setrlimit(RLIMIT_CPU, &cpu);

    h5data_wire wire;
    memset(&wire, 0, sizeof wire);
    h5data_raw raw;
    data_error err;
    memset(&err, 0, sizeof err);
    data_status st = read(path, &raw, &err);
    wire.magic = H5DATA_WIRE_MAGIC;
    wire.status = (int32_t)st;
    bool sent;
    if (st != DATA_OK) {
        wire.err = err;
        sent = h5data_write_all(fd, &wire, sizeof wire);
    } else {
        wire.m = raw.m;
        wire.height = raw.height;
        wire.width = raw.width;
        wire.channels = raw.channels;
        wire.has_classes = raw.has_classes;
        memcpy(wire.prefix, raw.prefix, sizeof wire.prefix);
        memcpy(wire.class_names, raw.class_names, sizeof wire.class_names);
        size_t n_x = (size_t)raw.height * (size_t)raw.width * (size_t)raw.channels;
        sent = h5data_write_all(fd, &wire, sizeof wire) && h5data_write_all(fd, raw.pixels, raw.m * n_x) &&
               h5data_write_all(fd, raw.labels, raw.m);
    }
    _exit(sent ? 0 : 1); /* _exit: no atexit handlers, no flush of the parent's stdio buffers */
}

/* ---- the parent ----------------------------------------------------------- */

typedef struct h5data_pipe {
    int fd;
    double deadline; /* mono_seconds() */
    bool timed_out;
} h5data_pipe;

static long h5data_ms_left(double deadline)
{
    return (long)((deadline - mono_seconds()) * 1000.0);
}

/* Reads exactly n bytes; false at an early end, a read error or the
 * deadline (then timed_out is set). */
static bool h5data_read_all(h5data_pipe *p, void *buf, size_t n)
{
    unsigned char *at = buf;
    while (n > 0) {
        long left = h5data_ms_left(p->deadline);
        if (left <= 0) {
            p->timed_out = true;
            return false;
        }
        struct pollfd pfd = {.fd = p->fd, .events = POLLIN};
        int ready = poll(&pfd, 1, left > INT_MAX ? INT_MAX : (int)left);
        if (ready < 0 && errno != EINTR)
            return false;
        if (ready <= 0)
            continue; /* interrupted or the time is up: the loop looks at the clock again */
        ssize_t got = read(p->fd, at, n);
        if (got < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (got <= 0)
            return false;
        at += got;
        n -= (size_t)got;
    }
    return true;
}

/* Whether the wire's sizes are a picture set the loader accepts. */
static bool h5data_wire_sizes_ok(const h5data_wire *w)
{
    if (w->m < 1 || w->m > H5DATA_MAX_EXAMPLES || (w->channels != 1 && w->channels != 3) || w->height < 1 ||
        w->width < 1 || w->height > H5DATA_MAX_SIDE || w->width > H5DATA_MAX_SIDE)
        return false;
    uint64_t n_x = (uint64_t)w->height * (uint64_t)w->width * (uint64_t)w->channels;
    return n_x <= H5DATA_MAX_FEATURES && w->m * n_x <= MAT_MAX_ELEMENTS;
}

typedef enum h5data_received { H5DATA_RECEIVED, H5DATA_BROKEN } h5data_received;

/* Takes the child's answer off the pipe. RECEIVED: *st is the reader's
 * status (with err filled) or DATA_OK with *raw whole, or DATA_NO_MEMORY
 * here. BROKEN: the answer was cut short, late or malformed; *raw zeroed. */
static h5data_received h5data_receive(h5data_pipe *p, const char *path, h5data_raw *raw, data_error *err,
                                      data_status *st)
{
    h5data_wire w;
    if (!h5data_read_all(p, &w, sizeof w) || w.magic != H5DATA_WIRE_MAGIC)
        return H5DATA_BROKEN;
    if (w.status != DATA_OK) {
        if (w.status < DATA_NOT_FOUND || w.status > DATA_NO_MEMORY)
            return H5DATA_BROKEN;
        if (err != NULL) {
            *err = w.err;
            err->file[DATA_ERROR_FILE_MAX - 1] = '\0';
            err->message[DATA_ERROR_MESSAGE_MAX - 1] = '\0';
        }
        *st = (data_status)w.status;
        return H5DATA_RECEIVED;
    }
    if (!h5data_wire_sizes_ok(&w))
        return H5DATA_BROKEN;
    size_t n_x = (size_t)w.height * (size_t)w.width * (size_t)w.channels;
    raw->pixels = malloc((size_t)w.m * n_x);
    raw->labels = malloc((size_t)w.m);
    if (raw->pixels == NULL || raw->labels == NULL) {
        h5data_raw_free(raw);
        *st = data_error_set(err, DATA_NO_MEMORY, path, 0, 0, "out of memory reading %llu pictures",
                             (unsigned long long)w.m);
        return H5DATA_RECEIVED;
    }
    if (!h5data_read_all(p, raw->pixels, (size_t)w.m * n_x) || !h5data_read_all(p, raw->labels, (size_t)w.m)) {
        h5data_raw_free(raw);
        return H5DATA_BROKEN;
    }
    for (size_t i = 0; i < (size_t)w.m; i++)
        if (raw->labels[i] > 1) {
            h5data_raw_free(raw);
            return H5DATA_BROKEN;
        }
    raw->m = (size_t)w.m;
    raw->height = w.height;
    raw->width = w.width;
    raw->channels = w.channels;
    raw->has_classes = w.has_classes != 0;
    memcpy(raw->prefix, w.prefix, sizeof raw->prefix);
    raw->prefix[H5DATA_PREFIX_MAX - 1] = '\0';
    for (int c = 0; c < 2; c++) {
        memcpy(raw->class_names[c], w.class_names[c], H5DATA_CLASS_MAX);
        raw->class_names[c][H5DATA_CLASS_MAX - 1] = '\0';
    }
    *st = DATA_OK;
    return H5DATA_RECEIVED;
}

data_status h5data_read_isolated(const char *path, h5data_reader read, int time_limit_ms, h5data_raw *raw,
                                 data_error *err)
{
    memset(raw, 0, sizeof *raw);
    int fds[2];
    /* Close-on-exec from the start: a check's Python may be started by
     * another thread at any moment and must not hold the write end open. */
    if (pipe2(fds, O_CLOEXEC) != 0)
        return data_error_set(err, DATA_IO, path, 0, 0, "cannot start the HDF5 reader: %s", strerror(errno));
    pid_t pid = fork();
    if (pid < 0) {
        int e = errno;
        close(fds[0]);
        close(fds[1]);
        return data_error_set(err, DATA_IO, path, 0, 0, "cannot start the HDF5 reader: %s", strerror(e));
    }
    if (pid == 0) {
        close(fds[0]);
        h5data_child(fds[1], path, read, time_limit_ms);
    }
    close(fds[1]);

    h5data_pipe p = {.fd = fds[0], .deadline = mono_seconds() + time_limit_ms / 1000.0, .timed_out = false};
    data_status st = DATA_BAD_FORMAT;
    h5data_received got = h5data_receive(&p, path, raw, err, &st);
    close(p.fd);
    /* Whatever it has not said by now it will not say: a child that sent its
     * answer is exiting anyway, one that is late or lying stops here. One
     * that has already ended is not killed, so its own signal or exit status
     * is the one reported. */
    int ws = 0;
    pid_t ended;
    bool killed = false;
    while ((ended = waitpid(pid, &ws, WNOHANG)) < 0 && errno == EINTR)
        ;
    if (ended == 0) {
        killed = kill(pid, SIGKILL) == 0;
        while (waitpid(pid, &ws, 0) < 0 && errno == EINTR)
            ;
    }
    if (got == H5DATA_RECEIVED)
        return st;
    if (p.timed_out)
        return data_error_set(err, DATA_BAD_FORMAT, path, 0, 0,
                              "the HDF5 library was still reading it after %g s and was stopped (damaged?)",
                              time_limit_ms / 1000.0);
    char how[64];
    if (WIFSIGNALED(ws) && !(killed && WTERMSIG(ws) == SIGKILL))
        snprintf(how, sizeof how, "signal %d", WTERMSIG(ws));
    else if (WIFEXITED(ws) && WEXITSTATUS(ws) != 0)
        snprintf(how, sizeof how, "exit status %d", WEXITSTATUS(ws));
    else
        snprintf(how, sizeof how, "an incomplete answer");
    return data_error_set(err, DATA_BAD_FORMAT, path, 0, 0,
                          "the HDF5 library crashed reading it (%s); the file is damaged", how);
}
