/*
 * report_notes.c — reading the learner's blocks out of an earlier report
 * (report_notes.h). A scan for "<!--" comments; only those whose text starts
 * with "learner-notes" or "learner notes" are markers, and those must have
 * one of the shapes below:
 *
 *   learner-notes begin id=ID       learner-notes end id=ID
 *   learner notes: begin            learner notes: end        (id "answers")
 *
 * The text of a block runs from after its begin marker (and the newline
 * that ends the marker's line) to its end marker, less the spaces before the
 * end marker on its line.
 */
#include "report_notes.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define NOTES_FILE_MAX (64L * 1024 * 1024)

/* The prompts that stood inside the one block of reports written before the
 * ids: such a block holding only them (and "…") is blank. */
static const char *const legacy_prompts[] = {
    "Answer the questions in your own words, each from the facts above.",
    "用你自己的话回答上面的问题，每个回答都以上面的事实为依据。",
};

/* Is text (n bytes) only the placeholder: once tags, "&#160;", '>', "…",
 * "..." and white space are taken out, nothing or a legacy prompt left? */
static bool is_blank(const char *text, size_t n)
{
    char *rest = malloc(n + 1);
    if (!rest)
        return false; /* keep it: better a placeholder too many than a note lost */
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        if (text[i] == '<') {
            const char *close = memchr(text + i, '>', n - i);
            if (close) {
                i = (size_t)(close - text) + 1;
                continue;
            }
        }
        if (i + 6 <= n && !strncmp(text + i, "&#160;", 6)) {
            i += 6;
            continue;
        }
        if (i + 3 <= n && !strncmp(text + i, "\xe2\x80\xa6", 3)) {
            i += 3;
            continue;
        }
        char c = text[i++];
        if (c != '>' && c != '.' && c != ' ' && c != '\t' && c != '\n' && c != '\r')
            rest[k++] = c;
    }
    rest[k] = '\0';
    bool blank = k == 0;
    for (size_t p = 0; p < sizeof legacy_prompts / sizeof legacy_prompts[0] && !blank; p++) {
        /* the prompt with its spaces and full stops taken out, as rest has them */
        const char *s = legacy_prompts[p];
        size_t j = 0;
        bool same = true;
        for (; *s && same; s++)
            if (*s != ' ' && *s != '.')
                same = j < k && rest[j++] == *s;
        blank = same && j == k;
    }
    free(rest);
    return blank;
}

static int line_of(const char *text, const char *at)
{
    int line = 1;
    for (const char *p = text; p < at; p++)
        line += *p == '\n';
    return line;
}

typedef enum marker_kind { MARK_BEGIN, MARK_END } marker_kind;

/* Reads the marker whose text (after "<!--" and spaces) is body[0..n):
 * its kind and id. False when it has none of the known shapes. */
static bool read_marker(const char *body, size_t n, marker_kind *kind, char *id)
{
    while (n > 0 && (body[n - 1] == ' ' || body[n - 1] == '\t' || body[n - 1] == '\n' || body[n - 1] == '\r'))
        n--;
    static const struct {
        const char *text;
        marker_kind kind;
    } legacy[] = {{"learner notes: begin", MARK_BEGIN}, {"learner notes: end", MARK_END}};
    for (size_t i = 0; i < 2; i++)
        if (n == strlen(legacy[i].text) && !strncmp(body, legacy[i].text, n)) {
            *kind = legacy[i].kind;
            strcpy(id, "answers");
            return true;
        }
    size_t skip;
    if (n > 23 && !strncmp(body, "learner-notes begin id=", 23)) {
        *kind = MARK_BEGIN;
        skip = 23;
    } else if (n > 21 && !strncmp(body, "learner-notes end id=", 21)) {
        *kind = MARK_END;
        skip = 21;
    } else {
        return false;
    }
    size_t len = n - skip;
    if (len >= REPORT_NOTE_ID_MAX || strspn(body + skip, "abcdefghijklmnopqrstuvwxyz0123456789-") < len)
        return false;
    memcpy(id, body + skip, len);
    id[len] = '\0';
    return true;
}

void report_notes_free(report_notes *notes)
{
    for (int i = 0; i < notes->n; i++)
        free(notes->v[i].text);
    free(notes->v);
    notes->v = NULL;
    notes->n = 0;
}

static int fail(report_notes *out, char *err, size_t err_size, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int fail(report_notes *out, char *err, size_t err_size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, err_size, fmt, ap);
    va_end(ap);
    report_notes_free(out);
    return 1;
}

int report_notes_parse(const char *text, size_t len, report_notes *out, char *err, size_t err_size)
{
    *out = (report_notes)REPORT_NOTES_INIT;
    if (memchr(text, '\0', len))
        return fail(out, err, err_size, "line %d: a NUL byte: this is not a text report",
                    line_of(text, memchr(text, '\0', len)));
    int open = -1;          /* the block begun and not yet ended */
    const char *inner = NULL;
    for (const char *p = strstr(text, "<!--"); p; p = strstr(p, "<!--")) {
        const char *body = p + 4;
        while (*body == ' ' || *body == '\t')
            body++;
        if (strncmp(body, "learner-notes", 13) && strncmp(body, "learner notes", 13)) {
            p = body;
            continue;
        }
        const int line = line_of(text, p);
        const char *close = strstr(body, "-->");
        if (!close)
            return fail(out, err, err_size, "line %d: a learner-notes marker is not closed with -->", line);
        marker_kind kind;
        char id[REPORT_NOTE_ID_MAX];
        if (!read_marker(body, (size_t)(close - body), &kind, id))
            return fail(out, err, err_size,
                        "line %d: '%.*s' is not a learner-notes marker dnn-tutor knows "
                        "('<!-- learner-notes begin id=NAME -->' or '… end id=NAME -->')",
                        line, (int)(close - p + 3 > 80 ? 80 : close - p + 3), p);
        const char *after = close + 3;
        if (kind == MARK_BEGIN) {
            if (open >= 0)
                return fail(out, err, err_size, "line %d: block '%s' begins inside block '%s' (line %d), which has no end before it",
                            line, id, out->v[open].id, out->v[open].line);
            for (int i = 0; i < out->n; i++)
                if (!strcmp(out->v[i].id, id))
                    return fail(out, err, err_size, "line %d: a second block '%s' (the first is at line %d)", line, id,
                                out->v[i].line);
            report_note *grown = realloc(out->v, (size_t)(out->n + 1) * sizeof *grown);
            if (!grown)
                return fail(out, err, err_size, "out of memory while reading the notes");
            out->v = grown;
            open = out->n++;
            out->v[open] = (report_note){.line = line};
            strcpy(out->v[open].id, id);
            if (after[0] == '\r' && after[1] == '\n')
                after += 2;
            else if (after[0] == '\n')
                after++;
            inner = after;
        } else {
            if (open < 0)
                return fail(out, err, err_size, "line %d: block '%s' ends but never began", line, id);
            report_note *note = &out->v[open];
            if (strcmp(note->id, id))
                return fail(out, err, err_size, "line %d: block '%s' (line %d) ends with the marker of block '%s'", line,
                            note->id, note->line, id);
            const char *stop = p;
            while (stop > inner && (stop[-1] == ' ' || stop[-1] == '\t'))
                stop--;
            size_t n = (size_t)(stop - inner);
            note->text = malloc(n + 1);
            if (!note->text)
                return fail(out, err, err_size, "out of memory while reading the notes");
            memcpy(note->text, inner, n);
            note->text[n] = '\0';
            note->blank = is_blank(note->text, n);
            open = -1;
        }
        p = after;
    }
    if (open >= 0)
        return fail(out, err, err_size, "line %d: block '%s' never ends", out->v[open].line, out->v[open].id);
    return 0;
}

/* Whether the len bytes hold anything but white space. */
static bool has_text(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!isspace((unsigned char)s[i]))
            return true;
    return false;
}

int report_notes_load(const char *path, report_notes *out, char *err, size_t err_size)
{
    *out = (report_notes)REPORT_NOTES_INIT;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) {
        if (errno == ENOENT)
            return 0;
        snprintf(err, err_size, "cannot read '%s': %s", path, strerror(errno));
        return 1;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(err, err_size, "cannot read '%s': not a regular file", path);
        close(fd);
        return 1;
    }
    if (st.st_size > NOTES_FILE_MAX) {
        snprintf(err, err_size, "cannot read '%s': over 64 MB, too large for a report", path);
        close(fd);
        return 1;
    }
    size_t size = (size_t)st.st_size, got = 0;
    char *text = malloc(size + 1);
    if (!text) {
        snprintf(err, err_size, "cannot read '%s': out of memory", path);
        close(fd);
        return 1;
    }
    while (got < size) {
        ssize_t k = read(fd, text + got, size - got);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0) {
            snprintf(err, err_size, "cannot read '%s': %s", path, strerror(errno));
            free(text);
            close(fd);
            return 1;
        }
        if (k == 0)
            break; /* it shrank meanwhile: what is there is the file */
        got += (size_t)k;
    }
    close(fd);
    text[got] = '\0';
    char why[512];
    int rc = report_notes_parse(text, got, out, why, sizeof why);
    if (rc)
        snprintf(err, err_size, "'%s' %s", path, why);
    else if (out->n == 0 && has_text(text, got)) {
        /* every report has spaces to write in: a file with words but no
         * markers is not one (the learner's own notes, another document) */
        snprintf(err, err_size, "'%s' is not a report of dnn-tutor's (it has no learner-notes markers)", path);
        rc = 1;
    }
    free(text);
    return rc;
}

const char *report_notes_take(report_notes *notes, const char *id)
{
    for (int i = 0; notes && i < notes->n; i++)
        if (!strcmp(notes->v[i].id, id)) {
            notes->v[i].taken = true;
            return notes->v[i].blank ? NULL : notes->v[i].text;
        }
    return NULL;
}

bool report_notes_left_over(const report_notes *notes)
{
    for (int i = 0; notes && i < notes->n; i++)
        if (!notes->v[i].taken && !notes->v[i].blank)
            return true;
    return false;
}
