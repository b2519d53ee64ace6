/*
 * report_buf.h — a growable text buffer the report is assembled in, so that
 * nothing touches the disk until every part of the report exists.
 *
 * Ownership: the buffer owns `s`; rbuf_free releases it. A failed allocation
 * sets `failed` and makes every later append a no-op, so callers check once
 * at the end (rbuf_ok) instead of after every append.
 */
#ifndef DNN_REPORT_BUF_H
#define DNN_REPORT_BUF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct rbuf {
    char *s;       /* NUL-terminated text (NULL until the first append) */
    size_t len;
    size_t cap;
    bool failed;   /* an allocation failed; the text is incomplete */
} rbuf;

#define RBUF_INIT {NULL, 0, 0, false}

/* Appends printf-formatted text. */
void rbuf_printf(rbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends s as it is. */
void rbuf_puts(rbuf *b, const char *s);
/* Appends s with &, <, >, " and ' escaped for XML text and attributes;
 * bytes below 0x20 other than tab and newline become spaces (XML 1.0 forbids
 * them) and bytes that are not valid UTF-8 become U+FFFD, so the result is
 * always well-formed XML text. */
void rbuf_xml(rbuf *b, const char *s);
/* The text so far ("" when empty); valid until the next append or rbuf_free. */
const char *rbuf_str(const rbuf *b);
/* False when an allocation failed: the text is incomplete and must not be used. */
bool rbuf_ok(const rbuf *b);
/* Releases the text and leaves b empty (RBUF_INIT), ready for reuse. */
void rbuf_free(rbuf *b);

#endif
