/*
 * data_error.h — how the data layer reports a failure: a status plus an
 * error value naming the file, the line and what is wrong.
 *
 *   data_status st = dataset_load("mine.csv", NULL, &ds, &err);
 *   if (st != DATA_OK) {
 *       char line[DATA_ERROR_TEXT_MAX];
 *       data_error_format(&err, line, sizeof line);   "mine.csv:7: row has 3 columns, expected 4"
 *   }
 *
 * The data layer never prints and never exits; the caller (tui / cli) decides
 * how to show the message.
 */
#ifndef DNN_DATA_ERROR_H
#define DNN_DATA_ERROR_H

#include <stddef.h>

typedef enum data_status {
    DATA_OK = 0,
    DATA_NOT_FOUND,    /* no such file, or an unknown built-in */
    DATA_IO,           /* the file exists but cannot be read */
    DATA_BAD_FORMAT,   /* the contents break a rule (ragged row, label not 0/1, …) */
    DATA_TOO_LARGE,    /* over a limit (file size, rows, features) */
    DATA_BAD_ARGUMENT, /* an option out of range (test split, …) */
    DATA_NO_MEMORY
} data_status;

#define DATA_ERROR_FILE_MAX 512
#define DATA_ERROR_MESSAGE_MAX 1024 /* room for "looked in A, B, C, D" */
/* Enough for any data_error_format output. */
#define DATA_ERROR_TEXT_MAX (DATA_ERROR_FILE_MAX + DATA_ERROR_MESSAGE_MAX + 32)

typedef struct data_error {
    char file[DATA_ERROR_FILE_MAX];       /* the path as given, or a data set name; "" when none */
    long line;                            /* 1-based line in file; 0 when the error is not about a line */
    int column;                           /* 1-based CSV column; 0 when not about one cell */
    char message[DATA_ERROR_MESSAGE_MAX]; /* what is wrong, one line, no trailing period */
} data_error;

/* Writes "FILE:LINE: message", "FILE: message" (line 0) or "message" (no
 * file) into buf (always NUL-terminated when size > 0); returns buf. */
char *data_error_format(const data_error *err, char *buf, size_t size);

/* Fills err (which may be NULL) with file, line, column and a printf-style
 * message, and returns status — so a failing path reads
 * `return data_error_set(err, DATA_BAD_FORMAT, path, 7, 0, "…", …);`. */
data_status data_error_set(data_error *err, data_status status, const char *file, long line, int column,
                           const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/* A short English name of a status ("not found", "bad format", …). */
const char *data_status_name(data_status status);

#endif
