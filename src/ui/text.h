/*
 * text.h — UTF-8 text measured in terminal columns, and wrapping.
 *
 * Widths come from wcwidth(3), so the locale's LC_CTYPE must be a UTF-8 one
 * (the app and the tests call setlocale); CJK ideographs and fullwidth forms
 * are two columns, combining marks zero, control characters are replaced.
 *
 * Wrapping (text_wrap): Latin text breaks at spaces (a word longer than the
 * line is cut); CJK text may break between any two characters; a wide
 * character is never split; a line never starts with a space, nor with CJK
 * closing punctuation such as ，。、）when it can be avoided.
 */
#ifndef DNN_UI_TEXT_H
#define DNN_UI_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes one code point from s (at most n bytes); stores it in *cp and
 * returns the bytes used (1 … 4). Invalid or truncated sequences give
 * U+FFFD and consume 1 byte. n == 0 returns 0. */
int text_decode(const char *s, size_t n, uint32_t *cp);
/* Encodes cp as UTF-8 into out (room for 4 bytes); returns the bytes. */
int text_encode(uint32_t cp, char out[4]);
/* Columns of one code point: 0, 1 or 2 (control characters count as 1,
 * they are drawn as U+FFFD). */
int text_cp_width(uint32_t cp);
/* Columns of a UTF-8 string. */
int text_width(const char *utf8);
/* True when the code point is a CJK character that may break anywhere. */
bool text_is_cjk(uint32_t cp);

/* One wrapped line: a byte range of the source string. */
typedef struct text_line {
    size_t start;   /* byte offset into the source */
    size_t len;     /* bytes */
    int cols;       /* display width */
} text_line;

/* Wraps utf8 into lines of at most `width` columns (width >= 2). Explicit
 * '\n' starts a new line. Returns the number of lines and stores a malloc'd
 * array in *lines (caller frees); 0 and *lines = NULL for an empty string or
 * no memory. */
size_t text_wrap(const char *utf8, int width, text_line **lines);

#endif
