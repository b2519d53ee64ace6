/*
 * csv.h — loads a user's CSV file into a design matrix X and labels Y.
 *
 * The accepted shape:
 *
 *   x1,x2,label          ← header row (names; "quoted names" allowed)
 *   0.5,-1.25,1          ← one row per example: numbers only
 *   3,1e-2,0
 *   (blank lines at the end are skipped; CRLF line ends and a UTF-8 BOM are fine)
 *
 * Blank lines (empty or only spaces/tabs) before the header and between the
 * header and the first row are skipped too; one between two data rows is an
 * error (it usually means a file was pasted together). A quoted cell may hold
 * commas but not a line break. Numbers are read as C reads them ("-1.5",
 * "2e-3"), whatever the locale's decimal point; NaN, Inf and values that
 * overflow a double are refused.
 *
 * The label column is the one named `label` (any case), else the one named
 * `y`, else the last column; every other column is a feature. X is
 * (n_x, m) — one column per example, as the course lays data out — and Y is
 * (1, m) with 0/1 values.
 *
 * Every failure is an error value naming FILE:LINE (and the column where it
 * applies) and what is wrong; on failure nothing is returned (no half-loaded
 * table). Limits are checked before the big allocations.
 */
#ifndef DNN_DATA_CSV_H
#define DNN_DATA_CSV_H

#include <stddef.h>

#include "../core/dnn_limits.h"
#include "../core/matrix.h"
#include "data_error.h"

#define CSV_MAX_BYTES ((size_t)64 << 20) /* 64 MiB */
#define CSV_MAX_ROWS 100000              /* data rows (examples); feature columns: CSV_MAX_FEATURES */
#define CSV_NAME_MAX 64                  /* a column name is cut to 63 bytes */

/* How the label cell becomes a 0/1 label. */
typedef enum csv_label_rule {
    CSV_LABEL_BINARY, /* the cell must be the number 0 or 1 (0, 1, 0.0, 1e0 …) */
    CSV_LABEL_EQUALS  /* label = (cell == label_value) ? 1 : 0; any finite number is
                         accepted — e.g. digits 0 … 9 → "is it a 3?" */
} csv_label_rule;

typedef struct csv_options {
    csv_label_rule label_rule;
    double label_value; /* for CSV_LABEL_EQUALS */
} csv_options;

/* A loaded table. Owns X, Y and names; release with csv_table_free. */
typedef struct csv_table {
    mat *X;                           /* (n_x, m) features, column i = example i */
    mat *Y;                           /* (1, m) labels, 0 or 1 */
    int n_x;                          /* feature columns */
    size_t m;                         /* examples (data rows) */
    char **names;                     /* n_x feature names in file order */
    char label_name[CSV_NAME_MAX];    /* the label column's name */
    int label_column;                 /* its 1-based column in the file */
} csv_table;

/* Options with the binary rule (the default when opt is NULL). */
csv_options csv_default_options(void);

/* Loads the CSV file at path. On DATA_OK *out holds the table (the caller
 * frees it with csv_table_free); otherwise *out is zeroed, err names the
 * file (as given), the line and the reason, and the status says which kind
 * of failure: NOT_FOUND (no such file), IO (unreadable, a directory),
 * TOO_LARGE (over CSV_MAX_BYTES / CSV_MAX_ROWS / CSV_MAX_FEATURES),
 * BAD_FORMAT (every rule above), NO_MEMORY. opt may be NULL. */
data_status csv_load(const char *path, const csv_options *opt, csv_table *out, data_error *err);

/* The same rules on text[0 … len) already in memory (need not be
 * NUL-terminated); `file` is only used to name it in errors. For tests and
 * the fuzzer. */
data_status csv_parse(const char *text, size_t len, const char *file, const csv_options *opt,
                      csv_table *out, data_error *err);

/* Frees what a table owns and zeroes it; a zeroed table is fine. */
void csv_table_free(csv_table *t);

#endif
