/*
 * json.c — JSON string literals for the --json outputs.
 */
#include "json.h"

#include <stddef.h>

/* The length of the UTF-8 sequence at s (1 … 4), or 0 when it is not valid
 * UTF-8 (overlong forms, surrogates and code points past U+10FFFF are not). */
static size_t utf8_len(const unsigned char *s)
{
    unsigned lo = 0x80, hi = 0xBF;  /* the allowed range of the second byte */
    size_t len;
    if (s[0] < 0x80)
        return 1;
    if (s[0] >= 0xC2 && s[0] <= 0xDF)
        len = 2;
    else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
        len = 3;
        lo = s[0] == 0xE0 ? 0xA0 : lo;
        hi = s[0] == 0xED ? 0x9F : hi;
    } else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
        len = 4;
        lo = s[0] == 0xF0 ? 0x90 : lo;
        hi = s[0] == 0xF4 ? 0x8F : hi;
    } else
        return 0;
    if (s[1] < lo || s[1] > hi)  /* a NUL here fails too: no reading past the end */
        return 0;
    for (size_t k = 2; k < len; k++)
        if ((s[k] & 0xC0) != 0x80)
            return 0;
    return len;
}

void cli_json_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        size_t len = utf8_len(p);
        if (*p == '"' || *p == '\\')
            fprintf(f, "\\%c", *p);
        else if (*p < 0x20)
            fprintf(f, "\\u%04x", *p);
        else if (!len)
            fputs("\\ufffd", f);  /* JSON text is UTF-8: a stray byte becomes U+FFFD */
        else
            fwrite(p, 1, len, f);
        p += len ? len : 1;
    }
    fputc('"', f);
}
