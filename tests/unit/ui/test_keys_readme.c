/*
 * test_keys_readme.c — the README's keys table says what the key tables do.
 *
 * For each table (app_keymaps), the README row `| NAME | … |` must be the
 * table's help lines, each as `KEY` help, joined by " · ", in table order.
 * On a mismatch the expected row is printed, to paste into the README.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "keymap.h"

static char *read_readme(void)
{
    const char *root = getenv("DNN_TUTOR_SOURCE_ROOT");
    char path[4096];
    snprintf(path, sizeof path, "%s/README.md", root ? root : ".");
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    if (buf)
        buf[n] = '\0';
    fclose(f);
    return buf;
}

/* The README row a table should have. */
static void expected_row(const ui_keymap *km, char *out, size_t size)
{
    size_t used = (size_t)snprintf(out, size, "| %s | ", km->name);
    const ui_binding *b;
    for (int i = 0; (b = ui_keymap_help_at(km, i)) && used < size; i++)
        used += (size_t)snprintf(out + used, size - used, "%s`%s` %s", i ? " · " : "", b->key, b->help_en);
    if (used < size)
        snprintf(out + used, size - used, " |");
}

static void the_readme_keys_table_lists_every_table_s_keys(void **state)
{
    (void)state;
    char *readme = read_readme();
    assert_non_null(readme);
    int bad = 0;
    const ui_keymap *km;
    for (int i = 0; (km = app_keymaps(i)); i++) {
        char want[8192], head[128];
        expected_row(km, want, sizeof want);
        snprintf(head, sizeof head, "\n| %s | ", km->name);
        const char *line = strstr(readme, head);
        size_t len = line ? strcspn(line + 1, "\n") : 0;
        if (!line || len != strlen(want) || strncmp(line + 1, want, len) != 0) {
            fprintf(stderr, "README's keys row for \"%s\" should read:\n%s\n", km->name, want);
            bad++;
        }
    }
    free(readme);
    assert_int_equal(bad, 0);
}

/* Every row that is written in the help has a bar word or a reason not to:
 * a key is written once, and its ASCII twin is pure ASCII. */
static void every_key_has_an_ascii_twin(void **state)
{
    (void)state;
    const ui_keymap *km;
    for (int i = 0; (km = app_keymaps(i)); i++)
        for (int k = 0; k < km->n; k++) {
            const ui_binding *b = &km->rows[k];
            const char *twin = b->key_ascii ? b->key_ascii : b->key;
            for (const char *p = twin; *p; p++)
                if ((unsigned char)*p >= 0x80)
                    fail_msg("%s: key \"%s\" has no ASCII twin", km->name, b->key);
            if ((b->bar_en == NULL) != (b->bar_zh == NULL) || (b->help_en == NULL) != (b->help_zh == NULL))
                fail_msg("%s: key \"%s\" is written in one language only", km->name, b->key);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_readme_keys_table_lists_every_table_s_keys),
        cmocka_unit_test(every_key_has_an_ascii_twin),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
