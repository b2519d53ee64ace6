/* The HDF5 library reads in a child process (h5data_read.h): whatever the
 * reader does there — crash, hang, exit, answer with sizes or labels the
 * loader would never accept — the caller gets one error value naming the
 * file, nothing half-read, and goes on. The readers below stand in for the
 * library; tests/data/h5/crashes_libhdf5.h5 is a damaged file on which
 * Debian's libhdf5 1.10 dereferences NULL (found by fuzz_h5): h5data_load
 * used to take the whole process down with it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "data_test.h"
#include "h5data.h"
#include "h5data_read.h"
#include "monoclock.h"

enum { PIC_H = 2, PIC_W = 3, PIC_C = 3, PICS = 4 };

/* A whole, valid answer: 4 pictures of 2×3 RGB, pixel bytes 0, 1, 2, … */
static data_status read_fine(const char *path, h5data_raw *raw, data_error *err)
{
    (void)path;
    (void)err;
    memset(raw, 0, sizeof *raw);
    size_t n = (size_t)PICS * PIC_H * PIC_W * PIC_C;
    raw->pixels = malloc(n);
    raw->labels = malloc(PICS);
    for (size_t i = 0; i < n; i++)
        raw->pixels[i] = (unsigned char)i;
    for (size_t i = 0; i < PICS; i++)
        raw->labels[i] = (unsigned char)(i % 2);
    raw->m = PICS;
    raw->height = PIC_H;
    raw->width = PIC_W;
    raw->channels = PIC_C;
    snprintf(raw->prefix, sizeof raw->prefix, "train");
    raw->has_classes = true;
    snprintf(raw->class_names[0], H5DATA_CLASS_MAX, "non-cat");
    snprintf(raw->class_names[1], H5DATA_CLASS_MAX, "cat");
    return DATA_OK;
}

static data_status read_refusing(const char *path, h5data_raw *raw, data_error *err)
{
    memset(raw, 0, sizeof *raw);
    return data_error_set(err, DATA_TOO_LARGE, path, 0, 0, "has 7 pictures too many");
}

static data_status read_segfaulting(const char *path, h5data_raw *raw, data_error *err)
{
    (void)path;
    (void)raw;
    (void)err;
    raise(SIGSEGV);
    return DATA_OK;
}

static data_status read_for_ever(const char *path, h5data_raw *raw, data_error *err)
{
    (void)path;
    (void)raw;
    (void)err;
    for (;;)
        pause();
    return DATA_OK; /* never reached */
}

static data_status read_then_exit(const char *path, h5data_raw *raw, data_error *err)
{
    (void)path;
    (void)raw;
    (void)err;
    _exit(3);
    return DATA_OK; /* never reached */
}

static data_status read_label_two(const char *path, h5data_raw *raw, data_error *err)
{
    read_fine(path, raw, err);
    raw->labels[2] = 2;
    return DATA_OK;
}

/* Lies, and stays alive after its answer is sent: the parent has to stop it. */
static data_status read_label_two_and_linger(const char *path, h5data_raw *raw, data_error *err)
{
    read_label_two(path, raw, err);
    pid_t child = fork(); /* the grandchild sends; this one outlives the answer */
    if (child != 0) {
        for (;;)
            pause();
    }
    return DATA_OK;
}

static data_status read_four_channels(const char *path, h5data_raw *raw, data_error *err)
{
    read_fine(path, raw, err);
    raw->channels = 4; /* and only 3 channels' bytes behind it */
    raw->width = 2;
    return DATA_OK;
}

static data_status read_unterminated_names(const char *path, h5data_raw *raw, data_error *err)
{
    read_fine(path, raw, err);
    memset(raw->prefix, 'p', sizeof raw->prefix);
    memset(raw->class_names, 'c', sizeof raw->class_names);
    return DATA_OK;
}

static void expect_error(h5data_reader reader, int limit_ms, data_status want, const char *phrase)
{
    h5data_raw raw;
    memset(&raw, 0xAB, sizeof raw);
    data_error err;
    data_status st = h5data_read_isolated("pics.h5", reader, limit_ms, &raw, &err);
    char text[DATA_ERROR_TEXT_MAX];
    data_error_format(&err, text, sizeof text);
    if (st != want || strncmp(text, "pics.h5: ", 9) != 0 || strstr(text, phrase) == NULL)
        fail_msg("status %d, message \"%s\"; want %d and \"pics.h5: …%s…\"", st, text, want, phrase);
    assert_null(raw.pixels);
    assert_null(raw.labels);
    assert_int_equal(raw.m, 0);
}

static void a_whole_answer_arrives_byte_for_byte(void **state)
{
    (void)state;
    h5data_raw got, want;
    data_error err;
    assert_int_equal(h5data_read_isolated("pics.h5", read_fine, 5000, &got, &err), DATA_OK);
    read_fine("pics.h5", &want, &err);
    assert_int_equal(got.m, want.m);
    assert_int_equal(got.height, want.height);
    assert_int_equal(got.width, want.width);
    assert_int_equal(got.channels, want.channels);
    assert_memory_equal(got.pixels, want.pixels, (size_t)PICS * PIC_H * PIC_W * PIC_C);
    assert_memory_equal(got.labels, want.labels, PICS);
    assert_string_equal(got.prefix, "train");
    assert_true(got.has_classes);
    assert_string_equal(got.class_names[0], "non-cat");
    assert_string_equal(got.class_names[1], "cat");
    h5data_raw_free(&got);
    h5data_raw_free(&want);
}

static void the_readers_own_error_comes_back_as_it_was(void **state)
{
    (void)state;
    expect_error(read_refusing, 5000, DATA_TOO_LARGE, "has 7 pictures too many");
}

static void a_crash_in_the_reader_is_an_error_not_a_crash(void **state)
{
    (void)state;
    expect_error(read_segfaulting, 5000, DATA_BAD_FORMAT, "the HDF5 library crashed reading it (signal 11)");
}

static void a_reader_that_never_ends_is_stopped_at_the_time_limit(void **state)
{
    (void)state;
    double t0 = mono_seconds();
    expect_error(read_for_ever, 300, DATA_BAD_FORMAT, "was still reading it after 0.3 s and was stopped");
    double s = mono_seconds() - t0;
    if (s < 0.29 || s > 20.0)
        fail_msg("the read took %.3f s with a 0.3 s limit", s);
}

static void a_reader_that_exits_early_is_an_error(void **state)
{
    (void)state;
    expect_error(read_then_exit, 5000, DATA_BAD_FORMAT, "crashed reading it (exit status 3)");
}

static void an_answer_the_loader_would_never_give_is_not_believed(void **state)
{
    (void)state;
    expect_error(read_label_two, 5000, DATA_BAD_FORMAT, "crashed reading it");
    expect_error(read_four_channels, 5000, DATA_BAD_FORMAT, "crashed reading it");
}

/* The kill that stops a child after a wrong answer is ours: it is not
 * reported as the library's signal. */
static void a_child_we_stop_is_not_reported_as_killed_by_a_signal(void **state)
{
    (void)state;
    expect_error(read_label_two_and_linger, 5000, DATA_BAD_FORMAT, "crashed reading it (an incomplete answer)");
}

static void names_always_arrive_terminated(void **state)
{
    (void)state;
    h5data_raw got;
    data_error err;
    assert_int_equal(h5data_read_isolated("pics.h5", read_unterminated_names, 5000, &got, &err), DATA_OK);
    assert_int_equal(strlen(got.prefix), H5DATA_PREFIX_MAX - 1);
    assert_int_equal(strlen(got.class_names[0]), H5DATA_CLASS_MAX - 1);
    assert_int_equal(strlen(got.class_names[1]), H5DATA_CLASS_MAX - 1);
    h5data_raw_free(&got);
}

/* The real thing: a file the library itself crashes on (tests/data/h5). */
static void a_file_the_hdf5_library_crashes_on_is_one_message(void **state)
{
    (void)state;
    const char *path = fixture_path("tests/data/h5/crashes_libhdf5.h5");
    h5data d;
    data_error err;
    data_status st = h5data_load(path, &d, &err);
    char text[DATA_ERROR_TEXT_MAX];
    data_error_format(&err, text, sizeof text);
    /* A fixed libhdf5 may refuse it the ordinary way: any refusal naming the
     * file will do; what must not happen is this process dying. */
    if (st != DATA_BAD_FORMAT || strncmp(text, path, strlen(path)) != 0)
        fail_msg("status %d: %s", st, text);
    assert_null(d.X);
    assert_null(d.Y);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_whole_answer_arrives_byte_for_byte),
        cmocka_unit_test(the_readers_own_error_comes_back_as_it_was),
        cmocka_unit_test(a_crash_in_the_reader_is_an_error_not_a_crash),
        cmocka_unit_test(a_reader_that_never_ends_is_stopped_at_the_time_limit),
        cmocka_unit_test(a_reader_that_exits_early_is_an_error),
        cmocka_unit_test(an_answer_the_loader_would_never_give_is_not_believed),
        cmocka_unit_test(a_child_we_stop_is_not_reported_as_killed_by_a_signal),
        cmocka_unit_test(names_always_arrive_terminated),
        cmocka_unit_test(a_file_the_hdf5_library_crashes_on_is_one_message),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
