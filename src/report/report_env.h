/*
 * report_env.h — what a report records about where and how it was made:
 * the program, the compiler, the CPU and the operating system, and the exact
 * command line that repeats the run.
 */
#ifndef DNN_REPORT_ENV_H
#define DNN_REPORT_ENV_H

#include "../core/network.h"
#include "../data/runspec.h"
#include "report_buf.h"

typedef struct report_env {
    char version[64];    /* DNN_VERSION */
    char compiler[128];  /* DNN_COMPILER: "gcc 12.2.0" */
    char cpu[256];       /* /proc/cpuinfo "model name" (or "Hardware"), else "unknown" */
    char os[512];        /* /etc/os-release PRETTY_NAME plus uname's kernel and machine, else uname alone */
} report_env;

/* Fills e from the build configuration and the running system; never fails
 * (a field it cannot find says "unknown"). */
void report_env_probe(report_env *e);

/* Appends the shell command that repeats the run:
 *   dnn-tutor SUBCOMMAND --dataset planar --hidden 4 --activation tanh --init course-w3
 *     --seed 2 --lr 1.2 --iterations 10000 --print-every 1000 --test-split 0 --data-seed 1 TAIL
 * Every run option is written out, with the seed the network really used
 * (cfg->seed), so defaults that change later cannot change the run. Values
 * are shell-quoted when needed; tail (may be NULL) is appended as it is. */
void report_command_line(rbuf *out, const char *subcommand, const run_spec *spec, const nn_config *cfg,
                         const char *tail);

/* Appends s, single-quoted for a POSIX shell when it holds anything but
 * letters, digits and -_./,=:+ */
void report_shell_quote(rbuf *out, const char *s);

/* The shortest decimal that reads back as x ("1.2", "0.01", "5"). */
void report_short_double(char *buf, size_t size, double x);

#endif
