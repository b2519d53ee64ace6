/* The HDF5 picture loader: files in the course's layout load as the
 * notebooks' X = x.reshape(m, -1).T / 255, pixel by pixel; every broken file
 * is refused with one message naming the file and what is wrong, and
 * nothing loaded. The fixtures are written here with the HDF5 library. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "dnn_test.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dataset.h"
#include "h5_fixture.h"
#include "h5data.h"

static h5data load_ok(const char *path)
{
    h5data d;
    data_error err;
    data_status st = h5data_load(path, &d, &err);
    if (st != DATA_OK) {
        char text[DATA_ERROR_TEXT_MAX];
        fail_msg("%s", data_error_format(&err, text, sizeof text));
    }
    return d;
}

/* The load must fail with `want`, a message "<path>: …phrase…", and nothing
 * handed back. */
static void expect_refused(const char *path, data_status want, const char *phrase)
{
    h5data d;
    memset(&d, 0xAB, sizeof d);
    data_error err;
    data_status st = h5data_load(path, &d, &err);
    char text[DATA_ERROR_TEXT_MAX], where[300];
    data_error_format(&err, text, sizeof text);
    if (st != want)
        fail_msg("status %d (%s), want %d: %s", st, data_status_name(st), want, text);
    snprintf(where, sizeof where, "%s: ", path);
    if (strncmp(text, where, strlen(where)) != 0 || strstr(text, phrase) == NULL)
        fail_msg("message \"%s\" lacks \"%s\" or \"%s\"", text, where, phrase);
    assert_null(d.X);
    assert_null(d.Y);
    assert_int_equal(d.m, 0);
}

/* A file with the given x and y datasets (x: uint8 of dims xd; y: int64). */
static const char *write_xy(const char *name, const char *xname, int xrank, const hsize_t *xd, const char *yname,
                            int yrank, const hsize_t *yd, const int64_t *labels)
{
    const char *path = h5fx_path(name);
    hid_t f = H5Fcreate(path, H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
    size_t nx = 1, ny = 1;
    for (int i = 0; i < xrank; i++)
        nx *= xd[i];
    for (int i = 0; i < yrank; i++)
        ny *= yd[i];
    if (xname) {
        unsigned char *x = calloc(nx ? nx : 1, 1);
        h5fx_put(f, xname, H5T_STD_U8LE, H5T_NATIVE_UCHAR, xrank, xd, x);
        free(x);
    }
    if (yname) {
        int64_t *y = calloc(ny ? ny : 1, sizeof *y);
        if (labels)
            memcpy(y, labels, ny * sizeof *y);
        h5fx_put(f, yname, H5T_STD_I64LE, H5T_NATIVE_INT64, yrank, yd, y);
        free(y);
    }
    H5Fclose(f);
    return path;
}

/* ---- accepted files ----------------------------------------------------- */

static void a_course_file_flattens_each_picture_in_c_order_into_a_column_over_255(void **state)
{
    (void)state;
    const size_t m = 4, h = 5, w = 6, c = 3;
    h5data d = load_ok(h5fx_write_course("train_small.h5", "train", m, h, w, c, 1));
    assert_int_equal(d.m, m);
    assert_int_equal(d.n_x, h * w * c);
    assert_int_equal(d.height, h);
    assert_int_equal(d.width, w);
    assert_int_equal(d.channels, c);
    assert_string_equal(d.prefix, "train");
    assert_int_equal(d.X->rows, h * w * c);
    assert_int_equal(d.X->cols, m);
    assert_int_equal(d.Y->rows, 1);
    assert_int_equal(d.Y->cols, m);
    for (size_t i = 0; i < m; i++) {
        for (size_t r = 0; r < h; r++)
            for (size_t q = 0; q < w; q++)
                for (size_t ch = 0; ch < c; ch++) {
                    size_t k = (r * w + q) * c + ch;
                    double want = (double)h5fx_pixel(i, r, q, ch) / 255.0;
                    if (mat_get(d.X, k, i) != want)
                        fail_msg("X[%zu][%zu] = %.17g, pixel (%zu, %zu, %zu) of picture %zu / 255 = %.17g", k, i,
                                 mat_get(d.X, k, i), r, q, ch, i, want);
                    assert_int_equal(h5data_byte(mat_get(d.X, k, i)), h5fx_pixel(i, r, q, ch));
                }
        assert_exact(mat_get(d.Y, 0, i), (double)h5fx_label(i));
    }
    assert_true(d.has_classes);
    assert_string_equal(d.class_names[0], "non-cat");
    assert_string_equal(d.class_names[1], "cat");
    h5data_free(&d);
    assert_null(d.X);
}

static void a_grey_file_of_rank_three_has_one_channel(void **state)
{
    (void)state;
    h5data d = load_ok(h5fx_write_course("grey.h5", "digits", 3, 4, 2, 0, 0));
    assert_int_equal(d.channels, 1);
    assert_int_equal(d.n_x, 8);
    for (size_t i = 0; i < 3; i++)
        for (size_t r = 0; r < 4; r++)
            for (size_t q = 0; q < 2; q++)
                assert_exact(mat_get(d.X, r * 2 + q, i), (double)h5fx_pixel(i, r, q, 0) / 255.0);
    assert_false(d.has_classes);
    assert_string_equal(d.class_names[0], "0");
    assert_string_equal(d.class_names[1], "1");
    assert_string_equal(d.prefix, "digits");
    h5data_free(&d);
}

static void a_one_channel_rank_four_file_loads(void **state)
{
    (void)state;
    h5data d = load_ok(h5fx_write_course("grey4.h5", "test", 2, 3, 3, 1, 1));
    assert_int_equal(d.channels, 1);
    assert_int_equal(d.n_x, 9);
    h5data_free(&d);
}

static void labels_may_be_a_one_by_m_row_of_any_integer_type(void **state)
{
    (void)state;
    const char *path = h5fx_path("row_labels.h5");
    hid_t f = H5Fcreate(path, H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
    unsigned char *x = h5fx_pictures(3, 2, 2, 3);
    hsize_t xd[4] = {3, 2, 2, 3}, yd[2] = {1, 3};
    uint8_t y[3] = {1, 0, 1};
    h5fx_put(f, "test_set_x", H5T_STD_U8LE, H5T_NATIVE_UCHAR, 4, xd, x);
    h5fx_put(f, "test_set_y", H5T_STD_U8LE, H5T_NATIVE_UINT8, 2, yd, y);
    H5Fclose(f);
    free(x);
    h5data d = load_ok(path);
    assert_exact(mat_get(d.Y, 0, 0), 1.0);
    assert_exact(mat_get(d.Y, 0, 1), 0.0);
    assert_exact(mat_get(d.Y, 0, 2), 1.0);
    h5data_free(&d);
}

static void class_names_may_be_variable_length_strings(void **state)
{
    (void)state;
    const char *path = h5fx_write_course("vlen.h5", "train", 2, 2, 2, 3, 0);
    hid_t f = H5Fopen(path, H5F_ACC_RDWR, H5P_DEFAULT);
    hid_t t = H5Tcopy(H5T_C_S1);
    H5Tset_size(t, H5T_VARIABLE);
    const char *names[2] = {"dog", "cat"};
    hsize_t two = 2;
    h5fx_put(f, "list_classes", t, t, 1, &two, names);
    H5Tclose(t);
    H5Fclose(f);
    h5data d = load_ok(path);
    assert_string_equal(d.class_names[0], "dog");
    assert_string_equal(d.class_names[1], "cat");
    h5data_free(&d);
}

static void the_signature_check_tells_hdf5_from_other_files(void **state)
{
    (void)state;
    const char *h5 = h5fx_write_course("sig.h5", "train", 1, 1, 1, 3, 0);
    assert_true(h5data_is_hdf5(h5));
    const char *txt = h5fx_path("sig.csv");
    FILE *fp = fopen(txt, "w");
    fputs("x1,label\n1,0\n", fp);
    fclose(fp);
    assert_false(h5data_is_hdf5(txt));
    assert_false(h5data_is_hdf5(h5fx_path("no-such-file")));
}

static void a_byte_survives_the_round_trip_through_255(void **state)
{
    (void)state;
    for (int b = 0; b < 256; b++)
        assert_int_equal(h5data_byte((double)b / 255.0), b);
    assert_int_equal(h5data_byte(-1.0), 0);
    assert_int_equal(h5data_byte(7.0), 255);
}

/* ---- refused files ------------------------------------------------------ */

static void a_missing_file_is_not_found(void **state)
{
    (void)state;
    expect_refused(h5fx_path("absent.h5"), DATA_NOT_FOUND, "no such file");
}

static void a_directory_is_refused(void **state)
{
    (void)state;
    const char *dir = h5fx_path("a_dir.h5");
    mkdir(dir, 0700);
    expect_refused(dir, DATA_IO, "is a directory");
}

static void a_fifo_is_refused_without_blocking(void **state)
{
    (void)state;
    const char *fifo = h5fx_path("fifo.h5");
    assert_int_equal(mkfifo(fifo, 0600), 0);
    assert_false(h5data_is_hdf5(fifo));
    expect_refused(fifo, DATA_IO, "is not a regular file");
}

static void a_file_that_is_not_hdf5_is_refused(void **state)
{
    (void)state;
    const char *path = h5fx_path("text.h5");
    FILE *fp = fopen(path, "w");
    fputs("x1,x2,label\n1,2,0\n", fp);
    fclose(fp);
    expect_refused(path, DATA_BAD_FORMAT, "not an HDF5 file");
    const char *empty = h5fx_path("empty.h5");
    fclose(fopen(empty, "w"));
    expect_refused(empty, DATA_BAD_FORMAT, "not an HDF5 file");
}

static void a_truncated_file_is_refused(void **state)
{
    (void)state;
    const char *path = h5fx_write_course("truncated.h5", "train", 20, 16, 16, 3, 1);
    struct stat sb;
    assert_int_equal(stat(path, &sb), 0);
    assert_int_equal(truncate(path, sb.st_size / 2), 0);
    expect_refused(path, DATA_BAD_FORMAT, "truncated or damaged");
    assert_int_equal(truncate(path, 100), 0);
    expect_refused(path, DATA_BAD_FORMAT, "truncated or damaged");
}

static void a_file_without_a_picture_set_is_refused(void **state)
{
    (void)state;
    hsize_t d1[1] = {3};
    expect_refused(write_xy("none.h5", NULL, 0, NULL, "labels", 1, d1, NULL), DATA_BAD_FORMAT,
                   "no picture set: expected datasets named like train_set_x and train_set_y");
}

static void pictures_without_labels_are_refused(void **state)
{
    (void)state;
    hsize_t xd[4] = {3, 2, 2, 3};
    expect_refused(write_xy("nolabels.h5", "train_set_x", 4, xd, NULL, 0, NULL, NULL), DATA_BAD_FORMAT,
                   "has train_set_x but no train_set_y");
}

static void two_picture_sets_in_one_file_are_refused(void **state)
{
    (void)state;
    const char *path = h5fx_write_course("two.h5", "train", 2, 2, 2, 3, 0);
    hid_t f = H5Fopen(path, H5F_ACC_RDWR, H5P_DEFAULT);
    hsize_t xd[4] = {2, 2, 2, 3}, yd[1] = {2};
    unsigned char x[24] = {0};
    int64_t y[2] = {0, 1};
    h5fx_put(f, "test_set_x", H5T_STD_U8LE, H5T_NATIVE_UCHAR, 4, xd, x);
    h5fx_put(f, "test_set_y", H5T_STD_I64LE, H5T_NATIVE_INT64, 1, yd, y);
    H5Fclose(f);
    expect_refused(path, DATA_BAD_FORMAT, "more than one picture set");
}

static void pictures_that_are_not_bytes_are_refused(void **state)
{
    (void)state;
    const char *path = h5fx_path("float_x.h5");
    hid_t f = H5Fcreate(path, H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
    hsize_t xd[4] = {2, 2, 2, 3}, yd[1] = {2};
    double x[24] = {0};
    int64_t y[2] = {0, 1};
    h5fx_put(f, "train_set_x", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, 4, xd, x);
    h5fx_put(f, "train_set_y", H5T_STD_I64LE, H5T_NATIVE_INT64, 1, yd, y);
    H5Fclose(f);
    expect_refused(path, DATA_BAD_FORMAT, "train_set_x holds float64 values; expected uint8 pixels");
}

static void pictures_of_the_wrong_rank_are_refused(void **state)
{
    (void)state;
    hsize_t xd[2] = {3, 12}, yd[1] = {3};
    expect_refused(write_xy("rank2.h5", "train_set_x", 2, xd, "train_set_y", 1, yd, NULL), DATA_BAD_FORMAT,
                   "train_set_x has rank 2; expected (m, height, width, channels) or (m, height, width)");
    hsize_t xd5[5] = {3, 2, 2, 3, 1};
    expect_refused(write_xy("rank5.h5", "train_set_x", 5, xd5, "train_set_y", 1, yd, NULL), DATA_BAD_FORMAT,
                   "has rank 5");
}

static void pictures_with_four_channels_are_refused(void **state)
{
    (void)state;
    hsize_t xd[4] = {3, 2, 2, 4}, yd[1] = {3};
    expect_refused(write_xy("rgba.h5", "train_set_x", 4, xd, "train_set_y", 1, yd, NULL), DATA_BAD_FORMAT,
                   "train_set_x has shape (3, 2, 2, 4): 4 channels; expected 1 (grey) or 3 (colour)");
}

static void an_empty_picture_set_is_refused(void **state)
{
    (void)state;
    hsize_t xd[4] = {0, 2, 2, 3}, yd[1] = {0};
    expect_refused(write_xy("zero.h5", "train_set_x", 4, xd, "train_set_y", 1, yd, NULL), DATA_BAD_FORMAT,
                   "no pictures");
}

static void labels_that_are_not_integers_are_refused(void **state)
{
    (void)state;
    const char *path = h5fx_path("float_y.h5");
    hid_t f = H5Fcreate(path, H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
    hsize_t xd[4] = {2, 2, 2, 3}, yd[1] = {2};
    unsigned char x[24] = {0};
    double y[2] = {0, 1};
    h5fx_put(f, "train_set_x", H5T_STD_U8LE, H5T_NATIVE_UCHAR, 4, xd, x);
    h5fx_put(f, "train_set_y", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, 1, yd, y);
    H5Fclose(f);
    expect_refused(path, DATA_BAD_FORMAT, "train_set_y holds float64 values; expected integer labels 0 and 1");
}

static void labels_of_the_wrong_shape_are_refused(void **state)
{
    (void)state;
    hsize_t xd[4] = {2, 2, 2, 3}, yd[2] = {2, 2};
    expect_refused(write_xy("y22.h5", "train_set_x", 4, xd, "train_set_y", 2, yd, NULL), DATA_BAD_FORMAT,
                   "train_set_y has shape (2, 2); expected (m,) or (1, m)");
}

static void a_label_other_than_0_or_1_is_refused_with_its_index(void **state)
{
    (void)state;
    hsize_t xd[4] = {3, 2, 2, 3}, yd[1] = {3};
    int64_t y[3] = {1, 0, 2};
    expect_refused(write_xy("label2.h5", "train_set_x", 4, xd, "train_set_y", 1, yd, y), DATA_BAD_FORMAT,
                   "train_set_y[2] is 2; labels must be 0 or 1");
    int64_t neg[3] = {-1, 0, 1};
    expect_refused(write_xy("labelneg.h5", "train_set_x", 4, xd, "train_set_y", 1, yd, neg), DATA_BAD_FORMAT,
                   "train_set_y[0] is -1");
}

static void pictures_and_labels_of_different_counts_are_refused(void **state)
{
    (void)state;
    hsize_t xd[4] = {3, 2, 2, 3}, yd[1] = {2};
    expect_refused(write_xy("mismatch.h5", "train_set_x", 4, xd, "train_set_y", 1, yd, NULL), DATA_BAD_FORMAT,
                   "train_set_x has 3 pictures but train_set_y has 2 labels");
}

/* The space is declared but never written: the file stays small, the
 * declared size is what must be refused, before anything is allocated. */
static void an_absurd_size_is_refused_before_reading(void **state)
{
    (void)state;
    const char *path = h5fx_path("huge.h5");
    hid_t f = H5Fcreate(path, H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
    hsize_t xd[4] = {H5DATA_MAX_EXAMPLES + 1, 64, 64, 3}, yd[1] = {H5DATA_MAX_EXAMPLES + 1};
    h5fx_put(f, "train_set_x", H5T_STD_U8LE, H5T_NATIVE_UCHAR, 4, xd, NULL);
    h5fx_put(f, "train_set_y", H5T_STD_I64LE, H5T_NATIVE_INT64, 1, yd, NULL);
    H5Fclose(f);
    expect_refused(path, DATA_TOO_LARGE, "more than 100000 pictures");

    const char *wide = h5fx_path("wide.h5");
    f = H5Fcreate(wide, H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
    hsize_t wd[4] = {2, 256, 256, 3}, wy[1] = {2};
    h5fx_put(f, "train_set_x", H5T_STD_U8LE, H5T_NATIVE_UCHAR, 4, wd, NULL);
    h5fx_put(f, "train_set_y", H5T_STD_I64LE, H5T_NATIVE_INT64, 1, wy, NULL);
    H5Fclose(f);
    expect_refused(wide, DATA_TOO_LARGE, "196608 values a picture; the limit is 65536");

    const char *many = h5fx_path("many.h5");
    f = H5Fcreate(many, H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
    hsize_t md[4] = {90000, 128, 128, 3}, my[1] = {90000};
    h5fx_put(f, "train_set_x", H5T_STD_U8LE, H5T_NATIVE_UCHAR, 4, md, NULL);
    h5fx_put(f, "train_set_y", H5T_STD_I64LE, H5T_NATIVE_INT64, 1, my, NULL);
    H5Fclose(f);
    expect_refused(many, DATA_TOO_LARGE, "values in all; the limit is");
}

static void class_names_that_are_not_two_strings_are_refused(void **state)
{
    (void)state;
    const char *path = h5fx_write_course("classes3.h5", "train", 2, 2, 2, 3, 0);
    hid_t f = H5Fopen(path, H5F_ACC_RDWR, H5P_DEFAULT);
    int64_t k[3] = {0, 1, 2};
    hsize_t three = 3;
    h5fx_put(f, "list_classes", H5T_STD_I64LE, H5T_NATIVE_INT64, 1, &three, k);
    H5Fclose(f);
    expect_refused(path, DATA_BAD_FORMAT, "list_classes holds int64 values of shape (3,); expected two strings");
}

/* ---- through dataset_load ------------------------------------------------ */

static void a_course_file_is_a_data_set_of_pictures_with_its_class_names(void **state)
{
    (void)state;
    const char *path = h5fx_write_course("train_ds.h5", "train", 5, 4, 4, 3, 1);
    dataset *ds = NULL;
    data_error err;
    assert_int_equal(dataset_load(path, NULL, &ds, &err), DATA_OK);
    assert_int_equal(ds->n_x, 48);
    assert_int_equal(dataset_m(ds), 5);
    assert_int_equal(ds->image_height, 4);
    assert_int_equal(ds->image_width, 4);
    assert_int_equal(ds->image_channels, 3);
    assert_string_equal(ds->class_names[0], "non-cat");
    assert_string_equal(ds->class_names[1], "cat");
    assert_string_equal(ds->feature_names[0], "r0c0R");
    assert_string_equal(ds->feature_names[47], "r3c3B");
    assert_string_equal(ds->source, path);
    assert_exact(mat_get(ds->X, 5, 2), (double)h5fx_pixel(2, 0, 1, 2) / 255.0);
    char line[256];
    assert_non_null(strstr(dataset_describe(ds, line, sizeof line), "5 examples, 48 features (pixels / 255)"));
    dataset_free(ds);

    /* without the .h5 suffix the signature decides */
    const char *plain = h5fx_path("course_pictures");
    assert_int_equal(rename(path, plain), 0);
    assert_int_equal(dataset_load(plain, NULL, &ds, &err), DATA_OK);
    assert_int_equal(ds->n_x, 48);
    dataset_free(ds);
}

static void a_broken_course_file_leaves_no_data_set(void **state)
{
    (void)state;
    hsize_t xd[4] = {3, 2, 2, 3}, yd[1] = {2};
    const char *path = write_xy("ds_mismatch.h5", "train_set_x", 4, xd, "train_set_y", 1, yd, NULL);
    dataset *ds = (dataset *)0x1;
    data_error err;
    assert_int_equal(dataset_load(path, NULL, &ds, &err), DATA_BAD_FORMAT);
    assert_null(ds);
    char text[DATA_ERROR_TEXT_MAX];
    assert_non_null(strstr(data_error_format(&err, text, sizeof text), "has 3 pictures but"));
}

static int remove_dir(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", h5fx_dir());
    return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_course_file_flattens_each_picture_in_c_order_into_a_column_over_255),
        cmocka_unit_test(a_grey_file_of_rank_three_has_one_channel),
        cmocka_unit_test(a_one_channel_rank_four_file_loads),
        cmocka_unit_test(labels_may_be_a_one_by_m_row_of_any_integer_type),
        cmocka_unit_test(class_names_may_be_variable_length_strings),
        cmocka_unit_test(the_signature_check_tells_hdf5_from_other_files),
        cmocka_unit_test(a_byte_survives_the_round_trip_through_255),
        cmocka_unit_test(a_missing_file_is_not_found),
        cmocka_unit_test(a_directory_is_refused),
        cmocka_unit_test(a_fifo_is_refused_without_blocking),
        cmocka_unit_test(a_file_that_is_not_hdf5_is_refused),
        cmocka_unit_test(a_truncated_file_is_refused),
        cmocka_unit_test(a_file_without_a_picture_set_is_refused),
        cmocka_unit_test(pictures_without_labels_are_refused),
        cmocka_unit_test(two_picture_sets_in_one_file_are_refused),
        cmocka_unit_test(pictures_that_are_not_bytes_are_refused),
        cmocka_unit_test(pictures_of_the_wrong_rank_are_refused),
        cmocka_unit_test(pictures_with_four_channels_are_refused),
        cmocka_unit_test(an_empty_picture_set_is_refused),
        cmocka_unit_test(labels_that_are_not_integers_are_refused),
        cmocka_unit_test(labels_of_the_wrong_shape_are_refused),
        cmocka_unit_test(a_label_other_than_0_or_1_is_refused_with_its_index),
        cmocka_unit_test(pictures_and_labels_of_different_counts_are_refused),
        cmocka_unit_test(an_absurd_size_is_refused_before_reading),
        cmocka_unit_test(class_names_that_are_not_two_strings_are_refused),
        cmocka_unit_test(a_course_file_is_a_data_set_of_pictures_with_its_class_names),
        cmocka_unit_test(a_broken_course_file_leaves_no_data_set),
    };
    H5Eset_auto2(H5E_DEFAULT, NULL, NULL); /* the fixtures' own refusals stay quiet */
    return cmocka_run_group_tests(tests, NULL, remove_dir);
}
