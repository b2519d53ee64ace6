/* The CSV loader: what it accepts, and one case per rule it enforces. Every
 * error must name FILE:LINE and leave nothing loaded. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "dnn_test.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csv.h"
#include "data_test.h"

static csv_table load_ok(const char *name)
{
    char rel[256];
    snprintf(rel, sizeof rel, "tests/data/csv/%s", name);
    csv_table t;
    data_error err;
    data_status st = csv_load(fixture_path(rel), NULL, &t, &err);
    if (st != DATA_OK) {
        char text[DATA_ERROR_TEXT_MAX];
        fail_msg("%s", data_error_format(&err, text, sizeof text));
    }
    return t;
}

/* Loads a fixture that must fail with status `want`; checks that the
 * formatted error contains "<name>:<line>: " (or "<name>: " for line 0) and
 * `phrase`, and that nothing was handed back. */
static void expect_error_at(const char *path, const char *name, long line, data_status want, const char *phrase)
{
    csv_table t;
    memset(&t, 0xAB, sizeof t);
    data_error err;
    data_status st = csv_load(path, NULL, &t, &err);
    char text[DATA_ERROR_TEXT_MAX], where[300];
    data_error_format(&err, text, sizeof text);
    if (st != want)
        fail_msg("status %d (%s), want %d: %s", st, data_status_name(st), want, text);
    if (line > 0)
        snprintf(where, sizeof where, "%s:%ld: ", name, line);
    else
        snprintf(where, sizeof where, "%s: ", name);
    if (strstr(text, where) == NULL || strstr(text, phrase) == NULL)
        fail_msg("message \"%s\" lacks \"%s\" or \"%s\"", text, where, phrase);
    assert_int_equal(err.line, line);
    assert_null(t.X);
    assert_null(t.Y);
    assert_null(t.names);
}

/* ---- accepted files ---- */

static void a_plain_file_loads_as_columns_per_example(void **state)
{
    (void)state;
    csv_table t = load_ok("ok_basic.csv");
    assert_int_equal(t.n_x, 2);
    assert_int_equal(t.m, 3);
    assert_int_equal(t.X->rows, 2);
    assert_int_equal(t.X->cols, 3);
    assert_exact(mat_get(t.X, 0, 0), 0.5);
    assert_exact(mat_get(t.X, 1, 0), -1.25);
    assert_exact(mat_get(t.X, 1, 1), 0.01);
    assert_exact(mat_get(t.X, 0, 2), -2.0);
    assert_exact(mat_get(t.Y, 0, 0), 1.0);
    assert_exact(mat_get(t.Y, 0, 1), 0.0);
    assert_exact(mat_get(t.Y, 0, 2), 1.0);
    assert_string_equal(t.names[0], "x1");
    assert_string_equal(t.names[1], "x2");
    assert_string_equal(t.label_name, "label");
    assert_int_equal(t.label_column, 3);
    csv_table_free(&t);
    assert_null(t.X);
}

static void crlf_line_ends_load_like_lf(void **state)
{
    (void)state;
    csv_table a = load_ok("ok_basic.csv"), b = load_ok("ok_crlf.csv");
    assert_exact(mat_max_abs_diff(a.X, b.X), 0.0);
    assert_exact(mat_max_abs_diff(a.Y, b.Y), 0.0);
    assert_string_equal(b.label_name, "label");
    csv_table_free(&a);
    csv_table_free(&b);
}

static void trailing_blank_lines_are_skipped(void **state)
{
    (void)state;
    csv_table t = load_ok("ok_trailing_blank.csv");
    assert_int_equal(t.m, 3);
    csv_table_free(&t);
}

static void a_column_named_label_is_the_label_wherever_it_is(void **state)
{
    (void)state;
    csv_table t = load_ok("ok_label_first.csv");
    assert_int_equal(t.n_x, 3);
    assert_int_equal(t.label_column, 1);
    assert_string_equal(t.names[0], "a");
    assert_exact(mat_get(t.X, 2, 1), 6.0);
    assert_exact(mat_get(t.Y, 0, 0), 1.0);
    assert_exact(mat_get(t.Y, 0, 1), 0.0);
    csv_table_free(&t);
    t = load_ok("ok_y_column.csv"); /* "Y" in the middle: names match in any case */
    assert_int_equal(t.label_column, 2);
    assert_string_equal(t.names[1], "b");
    assert_exact(mat_get(t.X, 1, 1), 4.0);
    assert_exact(mat_get(t.Y, 0, 1), 1.0);
    csv_table_free(&t);
}

static void a_bom_quotes_and_spaces_are_accepted(void **state)
{
    (void)state;
    csv_table t = load_ok("ok_bom_quoted.csv");
    assert_string_equal(t.names[0], "mean radius");
    assert_string_equal(t.names[1], "x, quoted");
    assert_exact(mat_get(t.X, 0, 0), 1.5);
    assert_exact(mat_get(t.X, 1, 0), 2.0);
    csv_table_free(&t);
}

static void the_equals_rule_turns_a_class_into_one_and_the_rest_into_zero(void **state)
{
    (void)state;
    csv_options opt = {CSV_LABEL_EQUALS, 3.0};
    csv_table t;
    data_error err;
    assert_int_equal(csv_load(fixture_path("tests/data/csv/ok_multiclass.csv"), &opt, &t, &err), DATA_OK);
    assert_exact(mat_get(t.Y, 0, 0), 1.0);
    assert_exact(mat_get(t.Y, 0, 1), 0.0);
    assert_exact(mat_get(t.Y, 0, 2), 1.0);
    csv_table_free(&t);
    /* the same file under the default rule is refused: csv_rules */
}

/* ---- one case per error: a fixture, where, and what the message says ---- */

static const struct csv_rule {
    const char *rule;     /* the rule, as a sentence */
    const char *fixture;  /* tests/data/csv/…; NULL: the path is `name` itself */
    const char *name;     /* the file as the message names it */
    long line;            /* 0: the message names no line */
    data_status status;
    const char *phrase;
} csv_rules[] = {
    {"a missing file is not found", NULL, "no_such_file.csv", 0, DATA_NOT_FOUND, "cannot open"},
    {"a directory is refused", NULL, "tests/data/csv", 0, DATA_IO, "is a directory"},
    {"an empty file is refused", "err_empty.csv", NULL, 0, DATA_BAD_FORMAT, "the file is empty"},
    {"a header without rows is refused", "err_header_only.csv", NULL, 1, DATA_BAD_FORMAT, "no data rows"},
    {"a header without a feature is refused", "err_one_column.csv", NULL, 1, DATA_BAD_FORMAT,
     "need at least one feature column"},
    {"a ragged row says expected and got", "err_ragged.csv", NULL, 3, DATA_BAD_FORMAT,
     "row has 2 columns, expected 3"},
    {"a non-numeric cell names its column", "err_non_numeric.csv", NULL, 4, DATA_BAD_FORMAT,
     "column 2 (\"x2\"): \"abc\" is not a number"},
    {"hexadecimal is not a number", "err_hex.csv", NULL, 2, DATA_BAD_FORMAT, "\"0x10\" is not a number"},
    {"an empty cell names its column", "err_empty_cell.csv", NULL, 2, DATA_BAD_FORMAT,
     "column 2 (\"x2\"): empty cell"},
    {"a label other than 0 or 1 is refused", "err_label.csv", NULL, 3, DATA_BAD_FORMAT,
     "label column 3 (\"label\"): \"2\" is not 0 or 1"},
    {"NaN is refused", "err_nan.csv", NULL, 3, DATA_BAD_FORMAT,
     "column 2 (\"x2\"): \"NaN\" is not a finite number"},
    {"infinity is refused", "err_inf.csv", NULL, 2, DATA_BAD_FORMAT, "\"-inf\" is not a finite number"},
    {"overflow is refused", "err_overflow.csv", NULL, 2, DATA_BAD_FORMAT, "\"1e999\" is not a finite number"},
    {"a blank line between rows is refused", "err_blank_middle.csv", NULL, 3, DATA_BAD_FORMAT,
     "blank line between data rows"},
    {"an unclosed quote is refused", "err_quote.csv", NULL, 2, DATA_BAD_FORMAT, "quoted cell is not closed"},
    {"a class label is refused without the equals rule", "ok_multiclass.csv", NULL, 2, DATA_BAD_FORMAT,
     "\"3\" is not 0 or 1"},
};

static void each_rule_is_refused_with_its_file_line_and_reason(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof csv_rules / sizeof csv_rules[0]; i++) {
        const struct csv_rule *r = &csv_rules[i];
        print_message("rule: %s\n", r->rule);
        char rel[256];
        if (r->fixture)
            snprintf(rel, sizeof rel, "tests/data/csv/%s", r->fixture);
        else
            snprintf(rel, sizeof rel, "%s%s", strchr(r->name, '/') ? "" : "tests/data/csv/", r->name);
        expect_error_at(fixture_path(rel), r->fixture ? r->fixture : r->name, r->line, r->status, r->phrase);
    }
}

/* The limits are too big for committed fixtures: these files are made in a
 * temporary directory. */
static char tmp_dir[64];

static int make_tmp_dir(void **state)
{
    (void)state;
    snprintf(tmp_dir, sizeof tmp_dir, "/tmp/dnn-csv-XXXXXX");
    return mkdtemp(tmp_dir) ? 0 : -1;
}

static int remove_tmp_dir(void **state)
{
    (void)state;
    char path[128];
    static const char *files[] = {"big.csv", "wide.csv", "long.csv", "cats.csv"};
    for (size_t i = 0; i < 4; i++) {
        snprintf(path, sizeof path, "%s/%s", tmp_dir, files[i]);
        unlink(path);
    }
    return rmdir(tmp_dir);
}

static void a_file_over_64_mib_is_refused_before_reading(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/big.csv", tmp_dir);
    int fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0600);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, (off_t)CSV_MAX_BYTES + 1), 0); /* sparse: costs no disk */
    close(fd);
    expect_error_at(path, "big.csv", 0, DATA_TOO_LARGE, "the limit is 64 MiB");
}

static void more_features_than_a_network_takes_are_refused_at_the_header(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/wide.csv", tmp_dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    for (int i = 0; i < CSV_MAX_FEATURES + 1; i++)
        fprintf(f, "f%d,", i);
    fprintf(f, "label\n");
    for (int i = 0; i < CSV_MAX_FEATURES + 1; i++)
        fprintf(f, "0,");
    fprintf(f, "1\n");
    fclose(f);
    char want[80];
    snprintf(want, sizeof want, "%d feature columns; the limit is %d", CSV_MAX_FEATURES + 1, CSV_MAX_FEATURES);
    expect_error_at(path, "wide.csv", 1, DATA_TOO_LARGE, want);
}

/* The course's cat pictures exported as CSV: 12288 features a row. */
static void a_picture_wide_file_loads(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/cats.csv", tmp_dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    for (int i = 0; i < 12288; i++)
        fprintf(f, "p%d,", i);
    fprintf(f, "label\n");
    for (int r = 0; r < 3; r++) {
        for (int i = 0; i < 12288; i++)
            fprintf(f, "%d,", (i * 7 + r) % 256);
        fprintf(f, "%d\n", r % 2);
    }
    fclose(f);
    csv_table t;
    data_error err;
    assert_int_equal(csv_load(path, NULL, &t, &err), DATA_OK);
    assert_int_equal(t.n_x, 12288);
    assert_int_equal(t.m, 3);
    assert_exact(mat_get(t.X, 12287, 2), (double)((12287 * 7 + 2) % 256));
    csv_table_free(&t);
}

static void more_than_100000_rows_are_refused_at_the_first_extra_row(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/long.csv", tmp_dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fprintf(f, "x,label\n");
    for (int i = 0; i < CSV_MAX_ROWS + 1; i++)
        fprintf(f, "%d,%d\n", i % 10, i % 2);
    fclose(f);
    /* header is line 1, row k is line k + 1: row 100001 is line 100002 */
    expect_error_at(path, "long.csv", CSV_MAX_ROWS + 2, DATA_TOO_LARGE, "more than 100000 data rows");
}

static void parsing_from_memory_follows_the_same_rules(void **state)
{
    (void)state;
    csv_table t;
    data_error err;
    const char text[] = "a,b,label\n1,2,1\n3,4,0";  /* no final newline */
    assert_int_equal(csv_parse(text, sizeof text - 1, "mem", NULL, &t, &err), DATA_OK);
    assert_int_equal(t.m, 2);
    csv_table_free(&t);
    const char bad[] = "a,label\n1,1\n2,x\n";
    assert_int_equal(csv_parse(bad, sizeof bad - 1, "mem", NULL, &t, &err), DATA_BAD_FORMAT);
    assert_string_equal(err.file, "mem");
    assert_int_equal(err.line, 3);
    assert_int_equal(err.column, 2);
    char out[DATA_ERROR_TEXT_MAX];
    assert_string_equal(data_error_format(&err, out, sizeof out),
                        "mem:3: column 2 (\"label\"): \"x\" is not a number");
}

static void a_repeated_column_name_is_refused(void **state)
{
    (void)state;
    csv_table t;
    data_error err;
    char out[DATA_ERROR_TEXT_MAX];
    const char dup[] = "label,label,x\n1,0,1\n";
    assert_int_equal(csv_parse(dup, sizeof dup - 1, "mem", NULL, &t, &err), DATA_BAD_FORMAT);
    assert_string_equal(data_error_format(&err, out, sizeof out),
                        "mem:1: column 2 repeats the name \"label\" of column 1: column names must differ");
    assert_null(t.X);
    const char cased[] = "x1,Label,x2,LABEL\n1,0,1,1\n";  /* "label" is found ignoring case: so are repeats */
    assert_int_equal(csv_parse(cased, sizeof cased - 1, "mem", NULL, &t, &err), DATA_BAD_FORMAT);
    assert_int_equal(err.column, 4);
    const char unnamed[] = ",,label\n1,2,0\n3,4,1\n";  /* unnamed columns may repeat */
    assert_int_equal(csv_parse(unnamed, sizeof unnamed - 1, "mem", NULL, &t, &err), DATA_OK);
    csv_table_free(&t);
}

static void carriage_returns_alone_are_named_as_the_line_ends(void **state)
{
    (void)state;
    csv_table t;
    data_error err;
    char out[DATA_ERROR_TEXT_MAX];
    const char mac[] = "a,b,label\r1,2,0\r3,4,1\r";
    assert_int_equal(csv_parse(mac, sizeof mac - 1, "mem", NULL, &t, &err), DATA_BAD_FORMAT);
    assert_non_null(strstr(data_error_format(&err, out, sizeof out), "carriage return only"));
    assert_null(strstr(out, "only a header"));
}

static void alarm_fired(int sig)
{
    (void)sig;
    static const char msg[] = "csv_load blocked on a FIFO without a writer\n";
    (void)!write(2, msg, sizeof msg - 1);
    _exit(1);
}

static void a_fifo_without_a_writer_is_refused_without_blocking(void **state)
{
    (void)state;
    char dir[] = "/tmp/dnn-csv-XXXXXX", path[64];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/data.csv", dir);
    assert_int_equal(mkfifo(path, 0600), 0);
    signal(SIGALRM, alarm_fired);
    alarm(20);
    csv_table t;
    data_error err;
    data_status st = csv_load(path, NULL, &t, &err);
    alarm(0);
    unlink(path);
    rmdir(dir);
    assert_int_equal(st, DATA_IO);
    assert_non_null(strstr(err.message, "a FIFO with no writer"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_plain_file_loads_as_columns_per_example),
        cmocka_unit_test(a_repeated_column_name_is_refused),
        cmocka_unit_test(carriage_returns_alone_are_named_as_the_line_ends),
        cmocka_unit_test(a_fifo_without_a_writer_is_refused_without_blocking),
        cmocka_unit_test(crlf_line_ends_load_like_lf),
        cmocka_unit_test(trailing_blank_lines_are_skipped),
        cmocka_unit_test(a_column_named_label_is_the_label_wherever_it_is),
        cmocka_unit_test(a_bom_quotes_and_spaces_are_accepted),
        cmocka_unit_test(the_equals_rule_turns_a_class_into_one_and_the_rest_into_zero),
        cmocka_unit_test(each_rule_is_refused_with_its_file_line_and_reason),
        cmocka_unit_test(a_file_over_64_mib_is_refused_before_reading),
        cmocka_unit_test(more_features_than_a_network_takes_are_refused_at_the_header),
        cmocka_unit_test(a_picture_wide_file_loads),
        cmocka_unit_test(more_than_100000_rows_are_refused_at_the_first_extra_row),
        cmocka_unit_test(parsing_from_memory_follows_the_same_rules),
    };
    return cmocka_run_group_tests(tests, make_tmp_dir, remove_tmp_dir);
}
