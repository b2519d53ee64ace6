#define _GNU_SOURCE /* pipe2 */
#include "ex_python.h"
#include "ex_python_internal.h"

/* Texts here are cut to their buffers on purpose (snprintf). */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wformat-truncation"
#endif

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "monoclock.h"

extern char **environ;

ex_run_limits ex_run_default_limits(void)
{
    ex_run_limits l = { 10.0, (size_t)1 << 30, 16 * 1024, (size_t)256 << 20, NULL };
    return l;
}

void ex_run_result_free(ex_run_result *r)
{
    free(r->output);
    free(r->results);
    r->output = r->results = NULL;
}

typedef struct grow {
    char *p;
    size_t len, cap, limit, total;
    bool cut;
} grow;

enum { DRAIN_DONE, DRAIN_DATA, DRAIN_WAIT };

/* Reads what is there: DRAIN_DATA, DRAIN_WAIT (nothing now), DRAIN_DONE (EOF or error). */
static int drain(int fd, grow *g)
{
    char chunk[65536];
    ssize_t n = read(fd, chunk, sizeof chunk);
    if (n < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK))
        return DRAIN_WAIT;
    if (n <= 0)
        return DRAIN_DONE;
    g->total += (size_t)n;
    size_t keep = (size_t)n;
    if (g->len + keep > g->limit) {
        keep = g->limit > g->len ? g->limit - g->len : 0;
        g->cut = true;
    }
    if (keep) {
        if (g->len + keep + 1 > g->cap) {
            size_t cap = g->cap ? g->cap : 4096;
            while (cap < g->len + keep + 1)
                cap *= 2;
            char *p = realloc(g->p, cap);
            if (!p) {
                g->cut = true;
                return DRAIN_DATA;
            }
            g->p = p;
            g->cap = cap;
        }
        memcpy(g->p + g->len, chunk, keep);
        g->len += keep;
        g->p[g->len] = '\0';
    }
    return DRAIN_DATA;
}

static char *grow_take(grow *g)
{
    if (!g->p)
        return strdup("");
    return g->p;
}

static void child_exec(char *const argv[], const ex_run_limits *lim, int out_w, int res_w)
{
    setpgid(0, 0);
    int devnull = open("/dev/null", O_RDONLY);
    if (devnull >= 0)
        dup2(devnull, 0);
    /* fd 3 first: out_w or res_w may be 3 themselves */
    int res = fcntl(res_w, F_DUPFD, 10);
    int out = fcntl(out_w, F_DUPFD, 10);
    if (res < 0 || out < 0)
        _exit(127);
    dup2(out, 1);
    dup2(out, 2);
    dup2(res, 3);
    for (int fd = 4; fd < 1024; fd++)
        close(fd);
    struct rlimit rl;
    rl.rlim_cur = rl.rlim_max = 0;
    setrlimit(RLIMIT_CORE, &rl);
    rl.rlim_cur = rl.rlim_max = (rlim_t)64 << 20;
    setrlimit(RLIMIT_FSIZE, &rl);
    signal(SIGPIPE, SIG_DFL);
    signal(SIGXFSZ, SIG_DFL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    setenv("OPENBLAS_NUM_THREADS", "1", 1);
    setenv("OMP_NUM_THREADS", "1", 1);
    setenv("MKL_NUM_THREADS", "1", 1);
    setenv("PYTHONDONTWRITEBYTECODE", "1", 1);
    setenv("PYTHONIOENCODING", "utf-8", 1);
    setenv("MPLBACKEND", "Agg", 1);
    /* The address-space limit comes last: setenv may allocate, and in a
     * sanitizer build the allocator maps memory far beyond any sane limit. */
    if (lim->memory_bytes) {
        rl.rlim_cur = rl.rlim_max = lim->memory_bytes;
        setrlimit(RLIMIT_AS, &rl);
    }
    execve(argv[0], argv, environ);
    _exit(127);
}

bool ex_run_child(char *const argv[], const ex_run_limits *lim, ex_run_result *r)
{
    memset(r, 0, sizeof *r);
    r->exit_code = -1;
    if (lim->cancel && atomic_load(lim->cancel)) {
        /* cancelled before it began: no child is started at all */
        r->timed_out = r->cancelled = true;
        r->output = strdup("cancelled before it started");
        r->results = strdup("");
        return false;
    }
    int out_p[2] = { -1, -1 }, res_p[2] = { -1, -1 };
    /* Close-on-exec from the start, so a child another thread forks meanwhile
     * does not inherit them; child_exec copies the write ends it needs. */
    if (pipe2(out_p, O_CLOEXEC) != 0 || pipe2(res_p, O_CLOEXEC) != 0) {
        r->output = strdup("could not create a pipe");
        r->results = strdup("");
        if (out_p[0] >= 0) {
            close(out_p[0]);
            close(out_p[1]);
        }
        return false;
    }
    pid_t pid = fork();
    if (pid < 0) {
        close(out_p[0]); close(out_p[1]); close(res_p[0]); close(res_p[1]);
        r->output = strdup("could not start a process");
        r->results = strdup("");
        return false;
    }
    if (pid == 0)
        child_exec(argv, lim, out_p[1], res_p[1]);
    setpgid(pid, pid);
    close(out_p[1]);
    close(res_p[1]);
    r->started = true;

    grow out = { .limit = lim->output_cap }, res = { .limit = lim->result_cap };
    bool out_open = true, res_open = true, exited = false;
    int status = 0;
    double deadline = mono_seconds() + lim->timeout_s;
    while (out_open || res_open) {
        double left = deadline - mono_seconds();
        if (left <= 0) {
            r->timed_out = true;
            break;
        }
        if (lim->cancel && atomic_load(lim->cancel)) {
            r->timed_out = r->cancelled = true;
            break;
        }
        struct pollfd pf[2];
        int n = 0, oi = -1, ri = -1;
        if (out_open) {
            oi = n;
            pf[n++] = (struct pollfd){ out_p[0], POLLIN, 0 };
        }
        if (res_open) {
            ri = n;
            pf[n++] = (struct pollfd){ res_p[0], POLLIN, 0 };
        }
        int ms = left > 0.2 ? 200 : (int)(left * 1000) + 1;
        int k = poll(pf, (nfds_t)n, ms);
        if (k < 0 && errno != EINTR)
            break;
        if (k > 0) {
            if (oi >= 0 && pf[oi].revents)
                out_open = drain(out_p[0], &out) != DRAIN_DONE;
            if (ri >= 0 && pf[ri].revents)
                res_open = drain(res_p[0], &res) != DRAIN_DONE;
        }
        if (!exited && waitpid(pid, &status, WNOHANG) == pid) {
            exited = true;
            /* what is already in the pipes still counts; a grandchild holding
             * them open does not keep us waiting */
            fcntl(out_p[0], F_SETFL, O_NONBLOCK);
            fcntl(res_p[0], F_SETFL, O_NONBLOCK);
            while (out_open && drain(out_p[0], &out) == DRAIN_DATA) {}
            while (res_open && drain(res_p[0], &res) == DRAIN_DATA) {}
            break;
        }
    }
    kill(-pid, SIGKILL);
    if (!exited) {
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    }
    close(out_p[0]);
    close(res_p[0]);
    if (!r->timed_out) {
        if (WIFEXITED(status))
            r->exit_code = WEXITSTATUS(status);
        else if (WIFSIGNALED(status))
            r->signal = WTERMSIG(status);
    }
    r->output = grow_take(&out);
    r->output_total = out.total;
    r->results = grow_take(&res);
    r->results_len = res.len;
    r->results_cut = res.cut;
    return true;
}

/* ---- finding Python ---------------------------------------------------- */

static bool probe(const char *path, ex_python *out)
{
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || access(path, X_OK) != 0)
        return false;
    /* The same flags as the check's run (EX_PYTHON_FLAGS), so the numpy found
     * here is the one the harness imports; -c puts the working folder first
     * on sys.path, which is taken off before numpy is imported. */
    char *argv[] = { (char *)path, EX_PYTHON_FLAGS, "-c",
                     "import sys\n"
                     "if sys.path and sys.path[0] == '':\n"
                     "    del sys.path[0]\n"
                     "import numpy\n"
                     "sys.stdout.write(sys.version.split()[0] + ' ' + numpy.__version__)\n",
                     NULL };
    ex_run_limits lim = ex_run_default_limits();
    lim.timeout_s = 20;
    ex_run_result r;
    bool ok = false;
    if (ex_run_child(argv, &lim, &r) && r.exit_code == 0) {
        char v[64] = "", np[64] = "";
        if (sscanf(r.output, "%63s %63s", v, np) == 2) {
            snprintf(out->path, sizeof out->path, "%s", path);
            snprintf(out->version, sizeof out->version, "%s", v);
            snprintf(out->numpy, sizeof out->numpy, "%s", np);
            ok = true;
        }
    }
    ex_run_result_free(&r);
    return ok;
}

static bool on_path(const char *name, char *buf, size_t size)
{
    const char *path = getenv("PATH");
    if (!path)
        return false;
    while (*path) {
        const char *colon = strchr(path, ':');
        size_t len = colon ? (size_t)(colon - path) : strlen(path);
        if (len > 0 && (size_t)snprintf(buf, size, "%.*s/%s", (int)len, path, name) < size
            && access(buf, X_OK) == 0)
            return true;
        path += len;
        if (*path == ':')
            path++;
    }
    return false;
}

void ex_python_missing_text(const char *tried, char *msg, size_t msg_size)
{
    snprintf(msg, msg_size,
             "no Python 3 with numpy found (tried %s); install numpy (Debian/Ubuntu: "
             "sudo apt install python3-numpy; or: python3 -m pip install numpy) "
             "or set DNN_TUTOR_PYTHON to a python that has it", tried);
}

bool ex_python_find_from(const char *last, ex_python *out, char *msg, size_t msg_size)
{
    memset(out, 0, sizeof *out);
    char tried[1024] = "";
    size_t tl = 0;
    char buf[EX_PATH_MAX];
    const char *env = getenv("DNN_TUTOR_PYTHON");
    if (env && *env) {
        const char *p = env;
        if (!strchr(env, '/') && on_path(env, buf, sizeof buf))
            p = buf;
        if (probe(p, out)) {
            snprintf(out->source, sizeof out->source, "DNN_TUTOR_PYTHON");
            return true;
        }
        tl += (size_t)snprintf(tried + tl, sizeof tried - tl, "%s (DNN_TUTOR_PYTHON)", env);
    }
    if (on_path("python3", buf, sizeof buf)) {
        if (probe(buf, out)) {
            snprintf(out->source, sizeof out->source, "PATH");
            return true;
        }
        if (tl < sizeof tried)
            tl += (size_t)snprintf(tried + tl, sizeof tried - tl, "%s%s", tl ? ", " : "", buf);
    }
    if (probe(last, out)) {
        snprintf(out->source, sizeof out->source, "%s", last);
        return true;
    }
    if (tl < sizeof tried)
        snprintf(tried + tl, sizeof tried - tl, "%s%s", tl ? ", " : "", last);
    ex_python_missing_text(tried, msg, msg_size);
    return false;
}

bool ex_python_find(ex_python *out, char *msg, size_t msg_size)
{
    return ex_python_find_from("/usr/bin/python3", out, msg, msg_size);
}
