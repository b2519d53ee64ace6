/*
 * fuzz_csv.c — the CSV loader's parser (csv_parse) on arbitrary bytes.
 * Nothing may crash, leak or read out of bounds, and the result must keep
 * csv.h's promises: on success X is (n_x, m), Y is (1, m) with 0/1 labels,
 * every feature is finite and named; on failure nothing is handed back and
 * the error names the file and says what is wrong.
 *
 * The first byte's low bit picks the label rule (binary, or "equals 3" as
 * the digits set uses), so both rules are fuzzed.
 *
 * Built with clang -fsanitize=fuzzer as tests/fuzz/fuzz_csv, and with any
 * compiler into fuzz_csv_replay (fuzz_replay.c), which feeds it the CSV
 * fixtures of tests/data/csv.
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_table(const csv_table *t)
{
    if (t->X == NULL || t->Y == NULL || t->names == NULL || t->n_x < 1 || t->m < 1)
        __builtin_trap();
    if (t->X->rows != (size_t)t->n_x || t->X->cols != t->m || t->Y->rows != 1 || t->Y->cols != t->m)
        __builtin_trap();
    for (size_t i = 0; i < t->m; i++)
        if (t->Y->v[i] != 0.0 && t->Y->v[i] != 1.0)
            __builtin_trap();
    for (size_t i = 0; i < mat_size(t->X); i++)
        if (!isfinite(t->X->v[i]))
            __builtin_trap();
    for (int j = 0; j < t->n_x; j++)
        if (t->names[j] == NULL || strlen(t->names[j]) >= CSV_NAME_MAX)
            __builtin_trap();
    if (t->label_column < 1 || t->label_column > t->n_x + 1)
        __builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    csv_options opt = csv_default_options();
    if (size > 0 && (data[0] & 1)) {
        opt.label_rule = CSV_LABEL_EQUALS;
        opt.label_value = 3.0;
    }
    csv_table t;
    data_error err;
    data_status st = csv_parse((const char *)data, size, "fuzz.csv", &opt, &t, &err);
    if (st == DATA_OK) {
        check_table(&t);
    } else {
        char text[DATA_ERROR_TEXT_MAX];
        data_error_format(&err, text, sizeof text);
        if (t.X != NULL || t.Y != NULL || t.names != NULL || err.message[0] == '\0' ||
            strncmp(text, "fuzz.csv", 8) != 0)
            __builtin_trap();
    }
    csv_table_free(&t);
    return 0;
}
