/*
 * csv.c — the CSV loader behind csv.h.
 *
 * The whole file is read into memory (at most CSV_MAX_BYTES), then walked
 * twice:
 *
 *   pass 1  find the header, count its columns, count the data rows, check
 *           blank lines and the row limit              → nothing allocated yet
 *   pass 2  allocate X (n_x, m) and Y (1, m) once, then parse every row:
 *           column count first, then each cell          → free all on error
 *
 * A line is the text up to '\n' without a trailing '\r'. Fields are split on
 * ','; a field may be "quoted" ("" is a quote inside it); spaces and tabs
 * around a field are ignored.
 */
#include "csv.h"

#include <ctype.h>
#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

/* Longest cell text considered as a number; longer cells are not numbers. */
#define CSV_CELL_MAX 128

csv_options csv_default_options(void)
{
    csv_options o = {CSV_LABEL_BINARY, 1.0};
    return o;
}

void csv_table_free(csv_table *t)
{
    if (t == NULL)
        return;
    mat_free(t->X);
    mat_free(t->Y);
    if (t->names != NULL) {
        for (int i = 0; i < t->n_x; i++)
            free(t->names[i]);
        free(t->names);
    }
    memset(t, 0, sizeof *t);
}

/* ---- lines ------------------------------------------------------------- */

typedef struct csv_line {
    const char *s, *e; /* [s, e): the line without "\n" and a trailing "\r" */
    long number;       /* 1-based */
} csv_line;

typedef struct csv_reader {
    const char *p, *end;
    long number;
} csv_reader;

static bool csv_next_line(csv_reader *r, csv_line *line)
{
    if (r->p >= r->end)
        return false;
    const char *s = r->p;
    const char *nl = memchr(s, '\n', (size_t)(r->end - s));
    const char *e = nl ? nl : r->end;
    r->p = nl ? nl + 1 : r->end;
    if (e > s && e[-1] == '\r')
        e--;
    line->s = s;
    line->e = e;
    line->number = ++r->number;
    return true;
}

static bool csv_is_blank(const csv_line *line)
{
    for (const char *q = line->s; q < line->e; q++)
        if (*q != ' ' && *q != '\t')
            return false;
    return true;
}

/* ---- fields ------------------------------------------------------------ */

typedef struct csv_cursor {
    const char *p, *end;
    bool done;
} csv_cursor;

static void csv_cursor_init(csv_cursor *c, const csv_line *line)
{
    c->p = line->s;
    c->end = line->e;
    c->done = false;
}

/* Reads the next field into out (cut to out_size − 1 bytes, NUL-terminated;
 * *len is the full length). Returns false on a broken quote. */
static bool csv_next_field(csv_cursor *c, char *out, size_t out_size, size_t *len)
{
    size_t n = 0;
    const char *p = c->p, *end = c->end;
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    if (p < end && *p == '"') {
        p++;
        for (;;) {
            if (p >= end)
                return false; /* unterminated */
            if (*p == '"') {
                if (p + 1 < end && p[1] == '"') {
                    if (n + 1 < out_size)
                        out[n] = '"';
                    n++;
                    p += 2;
                    continue;
                }
                p++;
                break;
            }
            if (n + 1 < out_size)
                out[n] = *p;
            n++;
            p++;
        }
        while (p < end && (*p == ' ' || *p == '\t'))
            p++;
        if (p < end && *p != ',')
            return false; /* text after the closing quote */
    } else {
        const char *s = p;
        while (p < end && *p != ',')
            p++;
        const char *e = p;
        while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
            e--;
        for (const char *q = s; q < e; q++) {
            if (n + 1 < out_size)
                out[n] = *q;
            n++;
        }
    }
    if (out_size > 0)
        out[n < out_size ? n : out_size - 1] = '\0';
    *len = n;
    if (p < end) {
        c->p = p + 1; /* past the ',' */
    } else {
        c->p = end;
        c->done = true;
    }
    return true;
}

/* Columns in a line, or −1 on a broken quote. */
static long csv_count_fields(const csv_line *line)
{
    csv_cursor c;
    csv_cursor_init(&c, line);
    char scratch[1];
    size_t len;
    long n = 0;
    while (!c.done) {
        if (!csv_next_field(&c, scratch, sizeof scratch, &len))
            return -1;
        n++;
    }
    return n;
}

/* A printable copy of a cell for messages: at most 24 bytes, controls → '?'. */
static const char *csv_shown(const char *cell, size_t len, char *buf, size_t size)
{
    size_t n = 0;
    for (size_t i = 0; cell[i] != '\0' && n + 4 < size && i < 24; i++)
        buf[n++] = (unsigned char)cell[i] < 0x20 || cell[i] == 0x7f ? '?' : cell[i];
    if (len > 24 && n + 4 < size) {
        memcpy(buf + n, "...", 3);
        n += 3;
    }
    buf[n] = '\0';
    return buf;
}

/* ---- numbers ----------------------------------------------------------- */

typedef enum csv_num { CSV_NUM_OK, CSV_NUM_NOT_A_NUMBER, CSV_NUM_NOT_FINITE } csv_num;

/* Parses a decimal number ("-1.5", "2e-3", "+7") whatever the C locale's
 * decimal point is; nan / inf spellings and overflow are NOT_FINITE. */
static csv_num csv_parse_number(const char *cell, size_t len, double *out)
{
    if (len == 0 || len >= CSV_CELL_MAX)
        return CSV_NUM_NOT_A_NUMBER;
    const char *word = cell + (cell[0] == '+' || cell[0] == '-');
    if (strcasecmp(word, "nan") == 0 || strcasecmp(word, "inf") == 0 || strcasecmp(word, "infinity") == 0)
        return CSV_NUM_NOT_FINITE;
    char buf[CSV_CELL_MAX];
    const char *point = localeconv()->decimal_point;
    char dp = (point != NULL && point[0] != '\0' && point[1] == '\0') ? point[0] : '.';
    for (size_t i = 0; i < len; i++) {
        char ch = cell[i];
        if (!(isdigit((unsigned char)ch) || ch == '+' || ch == '-' || ch == '.' || ch == 'e' || ch == 'E'))
            return CSV_NUM_NOT_A_NUMBER;
        buf[i] = ch == '.' ? dp : ch;
    }
    buf[len] = '\0';
    char *end = NULL;
    errno = 0;
    double v = strtod(buf, &end);
    if (end != buf + len)
        return CSV_NUM_NOT_A_NUMBER;
    if (!isfinite(v))
        return CSV_NUM_NOT_FINITE;
    *out = v;
    return CSV_NUM_OK;
}

/* ---- the two passes ---------------------------------------------------- */

typedef struct csv_header {
    long line;
    int n_cols;
    int label_col;  /* 0-based */
    char **names;   /* n_cols names (all columns, label included) */
} csv_header;

static void csv_header_free(csv_header *h)
{
    if (h->names != NULL)
        for (int i = 0; i < h->n_cols; i++)
            free(h->names[i]);
    free(h->names);
    h->names = NULL;
}

typedef struct csv_named {
    const char *name;
    int col;
} csv_named;

static int csv_name_order(const void *a, const void *b)
{
    const csv_named *x = a, *y = b;
    int c = strcasecmp(x->name, y->name);
    return c ? c : (x->col > y->col) - (x->col < y->col);
}

/* No two columns share a name (ignoring case, as "label" is found): a second
 * "label" would silently become a feature. Unnamed columns may repeat. */
static data_status csv_check_unique_names(csv_header *h, const char *file, long line, data_error *err)
{
    csv_named *order = malloc((size_t)h->n_cols * sizeof *order);
    if (order == NULL) {
        csv_header_free(h);
        return data_error_set(err, DATA_NO_MEMORY, file, line, 0, "out of memory reading the header");
    }
    for (int i = 0; i < h->n_cols; i++)
        order[i] = (csv_named){h->names[i], i};
    qsort(order, (size_t)h->n_cols, sizeof *order, csv_name_order);
    int first = -1, again = -1; /* the earliest column that repeats a name, and the one it repeats */
    for (int i = 1; i < h->n_cols; i++)
        if (order[i].name[0] && strcasecmp(order[i - 1].name, order[i].name) == 0 &&
            (again < 0 || order[i].col < again)) {
            first = order[i - 1].col;
            again = order[i].col;
        }
    free(order);
    if (again < 0)
        return DATA_OK;
    data_status st = data_error_set(err, DATA_BAD_FORMAT, file, line, again + 1,
                                    "column %d repeats the name \"%s\" of column %d: column names must differ",
                                    again + 1, h->names[again], first + 1);
    csv_header_free(h);
    return st;
}

static data_status csv_read_header(const csv_line *line, const char *file, csv_header *h, data_error *err)
{
    long n = csv_count_fields(line);
    if (n < 0)
        return data_error_set(err, DATA_BAD_FORMAT, file, line->number, 0,
                              "header: a quoted name is not closed properly");
    if (n < 2)
        return data_error_set(err, DATA_BAD_FORMAT, file, line->number, 0,
                              "the header has %ld column; need at least one feature column and a label column", n);
    if (n - 1 > CSV_MAX_FEATURES)
        return data_error_set(err, DATA_TOO_LARGE, file, line->number, 0,
                              "the header has %ld feature columns; the limit is %d", n - 1, CSV_MAX_FEATURES);
    h->line = line->number;
    h->n_cols = (int)n;
    h->names = calloc((size_t)n, sizeof *h->names);
    if (h->names == NULL)
        return data_error_set(err, DATA_NO_MEMORY, file, line->number, 0, "out of memory reading the header");
    csv_cursor c;
    csv_cursor_init(&c, line);
    int label = -1, y = -1;
    for (int i = 0; i < h->n_cols; i++) {
        char name[CSV_NAME_MAX];
        size_t len;
        csv_next_field(&c, name, sizeof name, &len);
        h->names[i] = strdup(name);
        if (h->names[i] == NULL) {
            csv_header_free(h);
            return data_error_set(err, DATA_NO_MEMORY, file, line->number, 0, "out of memory reading the header");
        }
        if (label < 0 && strcasecmp(name, "label") == 0)
            label = i;
        if (y < 0 && strcasecmp(name, "y") == 0)
            y = i;
    }
    h->label_col = label >= 0 ? label : (y >= 0 ? y : h->n_cols - 1);
    return csv_check_unique_names(h, file, line->number, err);
}

/* Pass 1: the header and the number of data rows. */
static data_status csv_scan(const char *text, size_t len, const char *file, csv_header *h, size_t *rows,
                            data_error *err)
{
    csv_reader r = {text, text + len, 0};
    csv_line line;
    bool have_header = false;
    while (csv_next_line(&r, &line)) {
        if (!csv_is_blank(&line)) {
            have_header = true;
            break;
        }
    }
    if (!have_header)
        return data_error_set(err, DATA_BAD_FORMAT, file, 0, 0,
                              "the file is empty; expected a header row, then one row per example");
    data_status st = csv_read_header(&line, file, h, err);
    if (st != DATA_OK)
        return st;
    size_t count = 0;
    long blank_at = 0; /* first blank line since the last data row */
    while (csv_next_line(&r, &line)) {
        if (csv_is_blank(&line)) {
            if (blank_at == 0)
                blank_at = line.number;
            continue;
        }
        if (blank_at != 0 && count > 0) {
            csv_header_free(h);
            return data_error_set(err, DATA_BAD_FORMAT, file, blank_at, 0,
                                  "blank line between data rows (only blank lines at the end are skipped)");
        }
        blank_at = 0;
        if (++count > CSV_MAX_ROWS) {
            csv_header_free(h);
            return data_error_set(err, DATA_TOO_LARGE, file, line.number, 0,
                                  "more than %d data rows; that is the limit", CSV_MAX_ROWS);
        }
    }
    if (count == 0) {
        csv_header_free(h);
        const char *cr = memchr(text, '\r', len);
        if (cr != NULL && (cr + 1 == text + len || cr[1] != '\n') && memchr(text, '\n', len) == NULL)
            return data_error_set(err, DATA_BAD_FORMAT, file, 0, 0,
                                  "the lines end with a carriage return only (old Mac line ends); "
                                  "save the file with LF or CR LF line ends");
        return data_error_set(err, DATA_BAD_FORMAT, file, h->line, 0,
                              "only a header: the file has no data rows");
    }
    *rows = count;
    return DATA_OK;
}

/* Pass 2, one row: example i. */
static data_status csv_parse_row(const csv_line *line, size_t i, const csv_header *h, const csv_options *opt,
                                 const char *file, csv_table *t, data_error *err)
{
    long n = csv_count_fields(line);
    if (n < 0)
        return data_error_set(err, DATA_BAD_FORMAT, file, line->number, 0,
                              "a quoted cell is not closed properly");
    if (n != h->n_cols)
        return data_error_set(err, DATA_BAD_FORMAT, file, line->number, 0,
                              "row has %ld columns, expected %d (as many as the header)", n, h->n_cols);
    csv_cursor c;
    csv_cursor_init(&c, line);
    size_t feature = 0;
    for (int col = 0; col < h->n_cols; col++) {
        char cell[CSV_CELL_MAX], shown[40];
        size_t len;
        double v = 0.0;
        csv_next_field(&c, cell, sizeof cell, &len);
        csv_num kind = csv_parse_number(cell, len, &v);
        if (kind == CSV_NUM_NOT_A_NUMBER)
        {
            if (len == 0)
                return data_error_set(err, DATA_BAD_FORMAT, file, line->number, col + 1,
                                      "column %d (\"%s\"): empty cell; expected a number", col + 1, h->names[col]);
            return data_error_set(err, DATA_BAD_FORMAT, file, line->number, col + 1,
                                  "column %d (\"%s\"): \"%s\" is not a number",
                                  col + 1, h->names[col], csv_shown(cell, len, shown, sizeof shown));
        }
        if (kind == CSV_NUM_NOT_FINITE)
            return data_error_set(err, DATA_BAD_FORMAT, file, line->number, col + 1,
                                  "column %d (\"%s\"): \"%s\" is not a finite number (NaN and Inf are not allowed)",
                                  col + 1, h->names[col], csv_shown(cell, len, shown, sizeof shown));
        if (col == h->label_col) {
            if (opt->label_rule == CSV_LABEL_EQUALS) {
                v = v == opt->label_value ? 1.0 : 0.0;
            } else if (v != 0.0 && v != 1.0) {
                return data_error_set(err, DATA_BAD_FORMAT, file, line->number, col + 1,
                                      "label column %d (\"%s\"): \"%s\" is not 0 or 1",
                                      col + 1, h->names[col], csv_shown(cell, len, shown, sizeof shown));
            }
            mat_set(t->Y, 0, i, v == 0.0 ? 0.0 : 1.0);
        } else {
            mat_set(t->X, feature++, i, v);
        }
    }
    return DATA_OK;
}

data_status csv_parse(const char *text, size_t len, const char *file, const csv_options *opt,
                      csv_table *out, data_error *err)
{
    csv_options defaults = csv_default_options();
    if (opt == NULL)
        opt = &defaults;
    memset(out, 0, sizeof *out);
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) { /* UTF-8 byte order mark */
        text += 3;
        len -= 3;
    }
    csv_header h = {0};
    size_t rows = 0;
    data_status st = csv_scan(text, len, file, &h, &rows, err);
    if (st != DATA_OK)
        return st;

    csv_table t = {0};
    t.n_x = h.n_cols - 1;
    t.m = rows;
    t.label_column = h.label_col + 1;
    snprintf(t.label_name, sizeof t.label_name, "%s", h.names[h.label_col]);
    t.X = mat_new((size_t)t.n_x, rows);
    t.Y = mat_new(1, rows);
    t.names = calloc((size_t)t.n_x, sizeof *t.names);
    if (t.X == NULL || t.Y == NULL || t.names == NULL) {
        st = data_error_set(err, DATA_NO_MEMORY, file, 0, 0, "out of memory for %zu rows of %d features",
                            rows, t.n_x);
        goto fail;
    }
    csv_reader r = {text, text + len, 0};
    csv_line line;
    size_t i = 0;
    while (i < rows && csv_next_line(&r, &line)) {
        if (line.number <= h.line || csv_is_blank(&line))
            continue;
        st = csv_parse_row(&line, i, &h, opt, file, &t, err);
        if (st != DATA_OK)
            goto fail;
        i++;
    }
    for (int col = 0, f = 0; col < h.n_cols; col++) {
        if (col == h.label_col)
            continue;
        t.names[f++] = h.names[col]; /* moved: the header no longer owns it */
        h.names[col] = NULL;
    }
    csv_header_free(&h);
    *out = t;
    return DATA_OK;

fail:
    csv_header_free(&h);
    csv_table_free(&t);
    return st;
}

data_status csv_load(const char *path, const csv_options *opt, csv_table *out, data_error *err)
{
    memset(out, 0, sizeof *out);
    /* O_NONBLOCK: a FIFO without a writer must not block open() for ever;
     * reads block again after (a pipe with a writer is read to its end). */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    int fl = fd >= 0 ? fcntl(fd, F_GETFL) : -1;
    FILE *f = fd >= 0 && fl >= 0 && fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) == 0 ? fdopen(fd, "rb") : NULL;
    if (f == NULL) {
        int e = errno;
        if (fd >= 0)
            close(fd);
        return data_error_set(err, e == ENOENT || e == ENOTDIR ? DATA_NOT_FOUND : DATA_IO, path, 0, 0,
                              "cannot open the file: %s", strerror(e));
    }
    struct stat st;
    memset(&st, 0, sizeof st);
    if (fstat(fileno(f), &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            fclose(f);
            return data_error_set(err, DATA_IO, path, 0, 0, "is a directory, not a CSV file");
        }
        if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > CSV_MAX_BYTES) {
            fclose(f);
            return data_error_set(err, DATA_TOO_LARGE, path, 0, 0,
                                  "the file is %lld bytes; the limit is %zu MiB", (long long)st.st_size,
                                  CSV_MAX_BYTES >> 20);
        }
    }
    /* Read at most CSV_MAX_BYTES + 1 bytes, whatever fstat said (pipes, growing files). */
    size_t cap = S_ISREG(st.st_mode) && st.st_size > 0 ? (size_t)st.st_size + 1 : 65536, len = 0;
    char *text = malloc(cap);
    data_status status = DATA_OK;
    while (text != NULL) {
        if (len == cap) {
            size_t grown = cap * 2 > CSV_MAX_BYTES + 1 ? CSV_MAX_BYTES + 1 : cap * 2;
            char *bigger = grown > cap ? realloc(text, grown) : NULL;
            if (bigger == NULL) {
                if (grown > cap) {
                    free(text);
                    text = NULL;
                }
                break;
            }
            text = bigger;
            cap = grown;
        }
        size_t got = fread(text + len, 1, cap - len, f);
        len += got;
        if (got == 0 || len > CSV_MAX_BYTES)
            break;
    }
    if (text == NULL)
        status = data_error_set(err, DATA_NO_MEMORY, path, 0, 0, "out of memory reading the file");
    else if (len > CSV_MAX_BYTES)
        status = data_error_set(err, DATA_TOO_LARGE, path, 0, 0, "the file is larger than the %zu MiB limit",
                                CSV_MAX_BYTES >> 20);
    else if (ferror(f))
        status = data_error_set(err, DATA_IO, path, 0, 0, "read error: %s", strerror(errno));
    else if (len == 0 && S_ISFIFO(st.st_mode))
        status = data_error_set(err, DATA_IO, path, 0, 0, "a FIFO with no writer: nothing to read");
    fclose(f);
    if (status == DATA_OK)
        status = csv_parse(text, len, path, opt, out, err);
    free(text);
    return status;
}
