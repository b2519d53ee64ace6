/*
 * report.c — report_write: run, draw, write, and make the files appear all
 * at once.
 *
 *   out_path "out/lab.md" ──► dir "out", stem "lab"
 *       out/lab.md  out/lab-cost.svg  out/lab-boundary.svg  out/lab-sweep.svg  out/lab-lr.svg
 *   (HTML: out/lab.html alone, every figure inline)
 *
 *   out/lab.md  out/lab-cost-1a2b3c4d.svg  out/lab-boundary-….svg  out/lab-sweep-….svg  out/lab-lr-….svg
 *   (HTML: out/lab.html alone, every figure inline)
 *
 * One rename is the commit point. Every file is first written whole to a
 * temporary name beside its target (safefile: ".lab.md.<pid>-<hex>.tmp",
 * same file system, only over regular files, a symlinked report written
 * through). The figures' names carry a hash of their contents, so the new
 * figures are renamed into place first without touching the ones the
 * earlier lab.md shows; then lab.md is renamed — the commit point; then the
 * figures no report shows any more (lab-<kind>-<8 hex>.svg) are removed.
 * Killed at any moment, the directory holds a whole old report or a whole
 * new one; the next run removes what a killed one left (temporaries, unused
 * figures). On a failure nothing of the new report remains.
 */
#include "report.h"

#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../data/safefile.h"
#include "report_doc.h"
#include "report_env.h"
#include "report_notes.h"
#include "report_sections.h"

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

#define REPORT_MAX_FILES (1 + FIG_COUNT)

typedef struct report_file {
    char path[PATH_MAX];   /* the final name */
    const char *text;
    bool xml_declaration;  /* a stand-alone SVG starts with <?xml …?> */
    bool existed;          /* a file of that name was there before (same name: same contents) */
    bool begun;            /* w holds a temporary or the renamed new file */
    safefile w;
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

/* Is name "<stem>-<kind>-<8 hex>.svg", a figure of the report stem? */
static bool is_figure_of(const char *name, const char *stem)
{
    size_t sl = strlen(stem);
    if (strncmp(name, stem, sl) || name[sl] != '-')
        return false;
    for (int i = 0; i < FIG_COUNT; i++) {
        const char *kind = report_figure_suffix[i];
        size_t kl = strlen(kind);
        const char *p = name + sl + 1;
        if (!strncmp(p, kind, kl) && p[kl] == '-' && strspn(p + kl + 1, "0123456789abcdef") == 8 &&
            !strcmp(p + kl + 9, ".svg"))
            return true;
    }
    return false;
}

/* Removes the figures of stem in dir that none of files is (regular files only). */
static void remove_unused_figures(const char *dir, const char *stem, const report_file *files, int n)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!is_figure_of(e->d_name, stem))
            continue;
        char path[PATH_MAX];
        if (snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path)
            continue;
        bool used = false;
        for (int i = 1; i < n && !used; i++)
            used = !strcmp(files[i].path, path);
        struct stat st;
        if (!used && lstat(path, &st) == 0 && S_ISREG(st.st_mode))
            unlink(path);
    }
    closedir(d);
}

/* Undoes a failed commit: temporaries removed, and the figures renamed into
 * place that were not there before. */
static void abandon(report_file *files, int n)
{
    for (int i = 0; i < n; i++) {
        if (!files[i].begun)
            continue;
        if (files[i].w.tmp[0])
            safefile_discard(&files[i].w);
        else if (i > 0 && !files[i].existed)
            unlink(files[i].w.path);
        files[i].begun = false;
    }
}

/* Writes every file under a temporary name, renames the figures, then the
 * report (the commit point), then removes the figures it no longer shows. */
static int commit_files(const char *dir, const char *stem, report_file *files, int n, char *err, size_t err_size)
{
    for (int i = 0; i < n; i++) {
        if (safefile_begin(&files[i].w, files[i].path, 0666, err, err_size)) {
            abandon(files, n);
            return 1;
        }
        files[i].begun = true;
        struct stat st;
        files[i].existed = stat(files[i].w.path, &st) == 0;
        if (files[i].xml_declaration)
            safefile_puts(&files[i].w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        safefile_puts(&files[i].w, files[i].text);
        if (safefile_finish(&files[i].w, err, err_size)) {
            abandon(files, n);
            return 1;
        }
    }
    /* figures first, the report (files[0]) last: the commit point */
    for (int i = n - 1; i >= 0; i--)
        if (safefile_commit(&files[i].w, err, err_size)) {
            abandon(files, n);
            return 1;
        }
    if (n > 1)
        remove_unused_figures(dir, stem, files, n);
    return 0;
}

/* Fails early, before seconds of training, when the report's name is taken
 * by anything but a regular file or the directory cannot take a new file.
 * Removes what a killed earlier run left there. */
static int probe_dir(const char *dir, const char *out_path, const char *stem, char *err, size_t err_size)
{
    safefile w;
    if (safefile_begin(&w, out_path, 0666, err, err_size))
        return 1;
    safefile_discard(&w);
    safefile_clean_stale(out_path);
    safefile_clean_stale_prefix(dir, stem);
    return 0;
}

/* The learner's blocks of the earlier report at path (none with force). 0,
 * or 1 with err saying why the file is left as it is. */
static int keep_notes(const report_request *req, report_notes *notes, char *err, size_t err_size)
{
    *notes = (report_notes)REPORT_NOTES_INIT;
    if (req->force)
        return 0;
    char why[1024];
    if (!report_notes_load(req->out_path, notes, why, sizeof why))
        return 0;
    snprintf(err, err_size, "%s; the file is left as it is so that nothing you wrote in it is lost (write to "
                            "another -o, or pass --force to replace it)", why);
    return 1;
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
    report_notes notes;
    rc = keep_notes(req, &notes, err, err_size);
    report_notes_free(&notes);
    if (rc)
        return rc;

    report_data d;
    rc = report_data_build(&req->spec, req->cancel, &d, err, err_size);
    if (rc) {
        report_data_free(&d);
        return rc;
    }
    report_figures figs;
    report_figures_build(&d, req->lang, &figs);
    /* each figure's name carries a hash of its contents (FNV-1a, 32 bits) */
    for (int i = 0; i < FIG_COUNT; i++) {
        uint32_t h = 2166136261u;
        for (const unsigned char *c = (const unsigned char *)rbuf_str(&figs.svg[i]); *c; c++)
            h = (h ^ *c) * 16777619u;
        int k = snprintf(figs.file[i], sizeof figs.file[i], "%s-%s-%08" PRIx32 ".svg", stem,
                         report_figure_suffix[i], h);
        if (k < 0 || (size_t)k >= sizeof figs.file[i]) {
            snprintf(err, err_size, "'%s': the file name is too long", req->out_path);
            report_figures_free(&figs);
            report_data_free(&d);
            return 2;
        }
    }

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
    rc = keep_notes(req, &notes, err, err_size);
    if (rc) {
        rbuf_free(&tail);
        report_figures_free(&figs);
        report_data_free(&d);
        return rc;
    }
    report_doc doc;
    doc_begin(&doc, req->format, req->lang, title);
    doc.keep = &notes;
    report_sections_write(&doc, &d, &figs, &env, rbuf_str(&tail));
    doc_notes_left_over(&doc);
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
        rc = commit_files(dir, stem, files, n, err, err_size);
    }
done:
    report_notes_free(&notes);
    rbuf_free(&doc.out);
    rbuf_free(&tail);
    report_figures_free(&figs);
    report_data_free(&d);
    return rc;
}
