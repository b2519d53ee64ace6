/* golden.c — see golden.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "golden.h"

/* The whole file as a NUL-terminated string (caller frees), or NULL. */
static char *read_whole(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *s = NULL;
    long n;
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
        s = malloc((size_t)n + 1);
        if (s && fread(s, 1, (size_t)n, f) == (size_t)n) {
            s[n] = '\0';
        } else {
            free(s);
            s = NULL;
        }
    }
    fclose(f);
    return s;
}

void golden_check(const char *dir, const char *file, const char *text)
{
    const char *root = getenv("DNN_TUTOR_SOURCE_ROOT");
    char path[1024];
    snprintf(path, sizeof path, "%s/tests/render/golden/%s/%s", root ? root : ".", dir, file);
    const char *update = getenv("DNN_UPDATE_GOLDEN");
    if (update && *update == '1') {
        FILE *f = fopen(path, "wb");
        assert_non_null(f);
        fputs(text, f);
        fclose(f);
        return;
    }
    char *want = read_whole(path);
    if (!want)
        fail_msg("missing golden %s (run with DNN_UPDATE_GOLDEN=1, then read it by eye)", path);
    if (strcmp(want, text) != 0) {
        fprintf(stderr, "---- %s/%s expected\n%s---- got\n%s", dir, file, want, text);
        free(want);
        fail_msg("%s/%s differs from its golden", dir, file);
    }
    free(want);
}
