/*
 * report.c — report_write: run, draw, write, and make the files appear all
 * at once.
 *
 *   out_path "out/lab.md" ──► dir "out", stem "lab"
 *       out/lab.md  out/lab-cost.svg  out/lab-boundary.svg  out/lab-sweep.svg  out/lab-lr.svg
 *   (HTML: out/lab.html alone, every figure inline)
 *
 * Every file is first written to a temporary name in the target directory
 * (".lab.md.<pid>-<n>.tmp", same file system, so rename is atomic); only when all of
 * them are complete are they renamed into place. On any failure the
 * temporaries are removed, so a reader never finds half a report.
 */
#include "report.h"

#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "report_doc.h"
#include "report_env.h"
#include "report_sections.h"

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

#define REPORT_MAX_FILES (1 + FIG_COUNT)

typedef struct report_file {
    char path[PATH_MAX];   /* the final name */
    char tmp[PATH_MAX];    /* the temporary name while writing ("" when none exists) */
    char bak[PATH_MAX];    /* a hard link to the earlier file of that name while renaming ("" when none) */
    const char *text;
    bool xml_declaration;  /* a stand-alone SVG starts with <?xml …?> */
} report_file;

report_lang report_lang_from_env(void)
{
    const char *vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v)
            return strncmp(v, "zh", 2) == 0 ? REPORT_ZH : REPORT_EN;
    }
    return REPORT_EN;
}

/* Splits out_path into its directory ("." when none) and the stem of its
 * file name (without a .md/.markdown/.html/.htm extension). False when the
 * path names no file. */
static bool split_path(const char *out_path, char *dir, size_t dir_size, char *stem, size_t stem_size)
{
    const char *slash = strrchr(out_path, '/');
    const char *base = slash ? slash + 1 : out_path;
    if (!*base || !strcmp(base, ".") || !strcmp(base, ".."))
        return false;
    if (slash)
        snprintf(dir, dir_size, "%.*s", slash == out_path ? 1 : (int)(slash - out_path), out_path);
    else
        snprintf(dir, dir_size, ".");
    snprintf(stem, stem_size, "%s", base);
    char *dot = strrchr(stem, '.');
    if (dot && dot != stem &&
        (!strcmp(dot, ".md") || !strcmp(dot, ".markdown") || !strcmp(dot, ".html") || !strcmp(dot, ".htm")))
        *dot = '\0';
    return true;
}

/* A new empty temporary file in dir for the final name `path`
 * ("dir/.name.<pid>-<n>.tmp"), created with O_EXCL and mode 0666 so the
 * umask applies as for any new file (no process-wide umask juggling, which
 * would race with other threads). Its name goes to tmp. Returns an open FILE
 * or NULL with errno set. */
static FILE *temp_in(const char *dir, const char *path, char *tmp, size_t tmp_size)
{
    const char *slash = strrchr(path, '/');
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    for (unsigned attempt = 0; attempt < 100; attempt++) {
        int n = snprintf(tmp, tmp_size, "%s/.%s.%ld-%lx.tmp", dir, slash ? slash + 1 : path, (long)getpid(),
                         (unsigned long)ts.tv_nsec + attempt);
        if (n < 0 || (size_t)n >= tmp_size) {
            errno = ENAMETOOLONG;
            break;
        }
        int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0) {
            if (errno == EEXIST)
                continue;
            break;
        }
        FILE *f = fdopen(fd, "w");
        if (!f) {
            int e = errno;
            close(fd);
            unlink(tmp);
            errno = e;
            break;
        }
        return f;
    }
    tmp[0] = '\0';
    return NULL;
}

static void remove_temps(report_file *files, int n)
{
    for (int i = 0; i < n; i++)
        if (files[i].tmp[0]) {
            unlink(files[i].tmp);
            files[i].tmp[0] = '\0';
        }
}

/* Writes every file under a temporary name, then renames them all. */
static int commit_files(const char *dir, report_file *files, int n, char *err, size_t err_size)
{
    for (int i = 0; i < n; i++) {
        FILE *f = temp_in(dir, files[i].path, files[i].tmp, sizeof files[i].tmp);
        bool ok = f != NULL;
        if (ok && files[i].xml_declaration)
            ok = fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", f) >= 0;
        if (ok)
            ok = fputs(files[i].text, f) >= 0;
        if (f && fclose(f) != 0)
            ok = false;
        if (!ok) {
            snprintf(err, err_size, "cannot write '%s': %s", files[i].path, strerror(errno));
            remove_temps(files, n);
            return 1;
        }
    }
    /* Keep the earlier files by a second name (a hard link) until every new
     * one is in place, so a rename failing halfway can put them all back. */
    for (int i = 0; i < n; i++) {
        files[i].bak[0] = '\0';
        if (access(files[i].path, F_OK) != 0)
            continue;
        snprintf(files[i].bak, sizeof files[i].bak, "%s.%ld-%d.bak", files[i].tmp, (long)getpid(), i);
        if (link(files[i].path, files[i].bak) != 0)
            files[i].bak[0] = '\0'; /* no hard links here: that file cannot be restored */
    }
    /* Figures first, the report (files[0]) last: a reader who sees the new
     * report also finds its figures. */
    int rc = 0;
    for (int i = n - 1; i >= 0; i--) {
        if (rename(files[i].tmp, files[i].path) != 0) {
            snprintf(err, err_size, "cannot write '%s': %s", files[i].path, strerror(errno));
            /* Undo the ones already renamed: the earlier file back, or none. */
            for (int k = i + 1; k < n; k++) {
                if (files[k].bak[0] && rename(files[k].bak, files[k].path) == 0)
                    files[k].bak[0] = '\0';
                else
                    unlink(files[k].path);
            }
            remove_temps(files, n);
            rc = 1;
            break;
        }
        files[i].tmp[0] = '\0';
    }
    for (int i = 0; i < n; i++)
        if (files[i].bak[0])
            unlink(files[i].bak);
    return rc;
}

/* Fails early, before seconds of training, when the directory cannot take a
 * new file or one of the names is taken by a directory (the only common way a
 * rename in a writable directory fails). */
static int probe_dir(const char *dir, const char *out_path, const char *stem, char *err, size_t err_size)
{
    char tmp[PATH_MAX];
    FILE *f = temp_in(dir, "probe", tmp, sizeof tmp);
    if (!f) {
        snprintf(err, err_size, "cannot write '%s': %s", out_path, strerror(errno));
        return 1;
    }
    fclose(f);
    unlink(tmp);
    struct stat st;
    if (stat(out_path, &st) == 0 && S_ISDIR(st.st_mode)) {
        snprintf(err, err_size, "cannot write '%s': it is a directory", out_path);
        return 1;
    }
    for (int i = 0; i < FIG_COUNT; i++) {
        char path[PATH_MAX];
        int n = snprintf(path, sizeof path, "%s/%s-%s.svg", dir, stem, report_figure_suffix[i]);
        if (n > 0 && (size_t)n < sizeof path && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            snprintf(err, err_size, "cannot write '%s': it is a directory", path);
            return 1;
        }
    }
    return 0;
}

static int report_write_c(const report_request *req, char *err, size_t err_size);

/* The report's numbers and coordinates are written with a decimal point
 * whatever LC_NUMERIC the caller set (the app calls setlocale(LC_ALL, "")
 * for the terminal): this thread uses the C locale's numbers (and its other
 * categories as they were) while it writes, and the caller's locale is
 * restored after. */
int report_write(const report_request *req, char *err, size_t err_size)
{
    locale_t current = duplocale(uselocale((locale_t)0));  /* the thread's, or the global one */
    locale_t c_numbers = current ? newlocale(LC_NUMERIC_MASK, "C", current) : (locale_t)0;
    if (!c_numbers) {
        if (current)
            freelocale(current);
        snprintf(err, err_size, "out of memory while writing the report");
        return 1;
    }
    locale_t before = uselocale(c_numbers);
    int rc = report_write_c(req, err, err_size);
    uselocale(before);
    freelocale(c_numbers);
    return rc;
}

static int report_write_c(const report_request *req, char *err, size_t err_size)
{
    char dir[PATH_MAX], stem[PATH_MAX / 2];
    if (!split_path(req->out_path, dir, sizeof dir, stem, sizeof stem)) {
        snprintf(err, err_size, "'%s' is not a file name", req->out_path);
        return 2;
    }
    int rc = probe_dir(dir, req->out_path, stem, err, err_size);
    if (rc)
        return rc;

    report_data d;
    rc = report_data_build(&req->spec, req->cancel, &d, err, err_size);
    if (rc) {
        report_data_free(&d);
        return rc;
    }
    report_figures figs;
    for (int i = 0; i < FIG_COUNT; i++) {
        int n = snprintf(figs.file[i], sizeof figs.file[i], "%s-%s.svg", stem, report_figure_suffix[i]);
        if (n < 0 || (size_t)n >= sizeof figs.file[i]) {
            snprintf(err, err_size, "'%s': the file name is too long", req->out_path);
            report_data_free(&d);
            return 2;
        }
    }
    report_figures_build(&d, req->lang, &figs);

    report_env env;
    report_env_probe(&env);
    rbuf tail = RBUF_INIT;
    rbuf_puts(&tail, "-o ");
    report_shell_quote(&tail, req->out_path);
    rbuf_printf(&tail, " --format %s --lang %s", req->format == REPORT_HTML ? "html" : "md",
                req->lang == REPORT_ZH ? "zh" : "en");

    char title[1024];
    if (req->lang == REPORT_ZH)
        snprintf(title, sizeof title, "实验报告：%s 数据集上的 %d 层神经网络", d.main.data->name, nn_layers(d.main.net));
    else
        snprintf(title, sizeof title, "Lab report: a %d-layer neural network on %s", nn_layers(d.main.net),
                 d.main.data->name);
    report_doc doc;
    doc_begin(&doc, req->format, req->lang, title);
    report_sections_write(&doc, &d, &figs, &env, rbuf_str(&tail));
    doc_end(&doc);

    report_file files[REPORT_MAX_FILES];
    int n = 0;
    memset(files, 0, sizeof files);
    bool fits = snprintf(files[n].path, sizeof files[n].path, "%s", req->out_path) < (int)sizeof files[n].path;
    files[n++].text = rbuf_str(&doc.out);
    if (req->format == REPORT_MD)
        for (int i = 0; i < FIG_COUNT; i++)
            if (figs.svg[i].len) {
                if (snprintf(files[n].path, sizeof files[n].path, "%s/%s", dir, figs.file[i]) >=
                    (int)sizeof files[n].path)
                    fits = false;
                files[n].xml_declaration = true;
                files[n++].text = rbuf_str(&figs.svg[i]);
            }
    if (!fits) {
        snprintf(err, err_size, "'%s': the file name is too long", req->out_path);
        rc = 2;
        goto done;
    }
    bool ok = rbuf_ok(&doc.out) && rbuf_ok(&tail);
    for (int i = 0; i < FIG_COUNT; i++)
        ok = ok && rbuf_ok(&figs.svg[i]);
    if (!ok) {
        snprintf(err, err_size, "out of memory while writing the report");
        rc = 1;
    } else {
        rc = commit_files(dir, files, n, err, err_size);
    }
done:
    rbuf_free(&doc.out);
    rbuf_free(&tail);
    report_figures_free(&figs);
    report_data_free(&d);
    return rc;
}
