/*
 * data_error.c — filling and formatting the data layer's error value.
 */
#include "data_error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

char *data_error_format(const data_error *err, char *buf, size_t size)
{
    if (size == 0)
        return buf;
    if (err->file[0] == '\0')
        snprintf(buf, size, "%s", err->message);
    else if (err->line > 0)
        snprintf(buf, size, "%s:%ld: %s", err->file, err->line, err->message);
    else
        snprintf(buf, size, "%s: %s", err->file, err->message);
    return buf;
}

data_status data_error_set(data_error *err, data_status status, const char *file, long line, int column,
                           const char *fmt, ...)
{
    if (err == NULL)
        return status;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = line;
    err->column = column;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return status;
}

const char *data_status_name(data_status status)
{
    switch (status) {
    case DATA_OK: return "ok";
    case DATA_NOT_FOUND: return "not found";
    case DATA_IO: return "cannot read";
    case DATA_BAD_FORMAT: return "bad format";
    case DATA_TOO_LARGE: return "too large";
    case DATA_BAD_ARGUMENT: return "bad argument";
    case DATA_NO_MEMORY: return "out of memory";
    }
    return "unknown";
}
