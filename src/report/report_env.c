/*
 * report_env.c — the environment section's facts and the reproducing command.
 */
#include "report_env.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>

#include "dnn_config.h"

/* The value after "key" and a colon or '=' on a line of a file, trimmed of
 * blanks and quotes; false when the file or the key is missing. */
static bool read_key(const char *path, const char *key, char sep, char *out, size_t size)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return false;
    char line[1024];
    bool found = false;
    size_t klen = strlen(key);
    while (!found && fgets(line, sizeof line, f)) {
        if (strncmp(line, key, klen))
            continue;
        char *p = line + klen;
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p != sep)
            continue;
        p++;
        while (*p == ' ' || *p == '\t' || *p == '"' || *p == '\'')
            p++;
        size_t n = strcspn(p, "\"'\n");
        while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
            n--;
        if (n == 0)
            continue;
        snprintf(out, size, "%.*s", (int)n, p);
        found = true;
    }
    fclose(f);
    return found;
}

void report_env_probe(report_env *e)
{
    snprintf(e->version, sizeof e->version, "%s", DNN_VERSION);
    snprintf(e->compiler, sizeof e->compiler, "%s", DNN_COMPILER);
    if (!read_key("/proc/cpuinfo", "model name", ':', e->cpu, sizeof e->cpu) &&
        !read_key("/proc/cpuinfo", "Hardware", ':', e->cpu, sizeof e->cpu))
        snprintf(e->cpu, sizeof e->cpu, "unknown");
    char pretty[160];
    struct utsname u;
    bool have_uname = uname(&u) == 0;
    if (read_key("/etc/os-release", "PRETTY_NAME", '=', pretty, sizeof pretty)) {
        if (have_uname)
            snprintf(e->os, sizeof e->os, "%s (%s %s, %s)", pretty, u.sysname, u.release, u.machine);
        else
            snprintf(e->os, sizeof e->os, "%s", pretty);
    } else if (have_uname) {
        snprintf(e->os, sizeof e->os, "%s %s %s", u.sysname, u.release, u.machine);
    } else {
        snprintf(e->os, sizeof e->os, "unknown");
    }
}

void report_short_double(char *buf, size_t size, double x)
{
    if (!buf || size == 0)
        return;
    if (fabs(x) >= 1e-6 && fabs(x) < 1e15)
        for (int decimals = 0; decimals <= 17; decimals++) {
            snprintf(buf, size, "%.*f", decimals, x);
            if (strtod(buf, NULL) == x)
                return;
        }
    for (int digits = 1; digits <= 17; digits++) {
        snprintf(buf, size, "%.*g", digits, x);
        if (strtod(buf, NULL) == x)
            return;
    }
}

void report_shell_quote(rbuf *out, const char *s)
{
    bool plain = *s != '\0';
    for (const char *p = s; *p && plain; p++)
        plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
                strchr("-_./,=:+", *p);
    if (plain) {
        rbuf_puts(out, s);
        return;
    }
    rbuf_puts(out, "'");
    for (const char *p = s; *p; p++) {
        if (*p == '\'')
            rbuf_puts(out, "'\\''");
        else {
            char c[2] = {*p, '\0'};
            rbuf_puts(out, c);
        }
    }
    rbuf_puts(out, "'");
}

void report_command_line(rbuf *out, const char *subcommand, const run_spec *spec, const nn_config *cfg,
                         const char *tail)
{
    char num[40];
    rbuf_printf(out, "dnn-tutor %s --dataset ", subcommand);
    report_shell_quote(out, spec->dataset);
    if (spec->n_layers > 0) {
        rbuf_printf(out, " --layers %d", cfg->dims[0]); /* the input first, as --layers reads it */
        for (int i = 0; i < spec->n_layers; i++)
            rbuf_printf(out, ",%d", spec->layers[i]);
    } else {
        rbuf_printf(out, " --hidden %d", spec->hidden);
    }
    rbuf_printf(out, " --activation %s --init %s --seed %u", act_name(spec->hidden_act), nn_init_name(cfg->init),
                cfg->seed);
    report_short_double(num, sizeof num, spec->lr);
    rbuf_printf(out, " --lr %s --iterations %ld --print-every %ld", num, spec->iterations, spec->print_every);
    report_short_double(num, sizeof num, spec->test_split);
    rbuf_printf(out, " --test-split %s --data-seed %u", num, spec->data_seed);
    if (spec->standardise)
        rbuf_puts(out, " --standardise");
    if (tail && *tail)
        rbuf_printf(out, " %s", tail);
}
