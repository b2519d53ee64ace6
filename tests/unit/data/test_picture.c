/* A learner's own picture: PNG and JPEG files (written here with libpng and
 * libjpeg) read as RGB, cropped to a ratio about the centre, resized by box
 * averages, flattened (in colour or grey) as the course
 * flattens its pictures; broken files refused with one message. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "dnn_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jpeglib.h>
#include <png.h>

#include "picture.h"

static char dir[64];

static const char *path_of(const char *name)
{
    static char bufs[4][256];
    static int next;
    char *b = bufs[next++ % 4];
    snprintf(b, sizeof bufs[0], "%s/%s", dir, name);
    return b;
}

static unsigned char pixel(int r, int c, int ch)
{
    return (unsigned char)(r * 40 + c * 9 + ch * 70 + 3);
}

static const char *write_png(const char *name, int h, int w, png_uint_32 format)
{
    int channels = PNG_IMAGE_PIXEL_CHANNELS(format);
    unsigned char *buf = malloc((size_t)h * w * channels);
    for (int r = 0; r < h; r++)
        for (int c = 0; c < w; c++)
            for (int ch = 0; ch < channels; ch++)
                buf[((size_t)r * w + c) * channels + ch] = ch == 3 ? 255 : pixel(r, c, ch);
    png_image img;
    memset(&img, 0, sizeof img);
    img.version = PNG_IMAGE_VERSION;
    img.width = (png_uint_32)w;
    img.height = (png_uint_32)h;
    img.format = format;
    const char *path = path_of(name);
    if (!png_image_write_to_file(&img, path, 0, buf, 0, NULL))
        fail_msg("cannot write %s: %s", path, img.message);
    free(buf);
    return path;
}

static const char *write_jpeg(const char *name, int h, int w)
{
    const char *path = path_of(name);
    FILE *f = fopen(path, "wb");
    struct jpeg_compress_struct info;
    struct jpeg_error_mgr jerr;
    info.err = jpeg_std_error(&jerr);
    jpeg_create_compress(&info);
    jpeg_stdio_dest(&info, f);
    info.image_width = (JDIMENSION)w;
    info.image_height = (JDIMENSION)h;
    info.input_components = 3;
    info.in_color_space = JCS_RGB;
    jpeg_set_defaults(&info);
    jpeg_set_quality(&info, 100, TRUE);
    jpeg_start_compress(&info, TRUE);
    unsigned char *row = malloc((size_t)w * 3);
    while (info.next_scanline < info.image_height) {
        int r = (int)info.next_scanline;
        for (int c = 0; c < w; c++)
            for (int ch = 0; ch < 3; ch++)
                row[c * 3 + ch] = (unsigned char)(100 + ch * 20); /* flat colour: survives JPEG */
        (void)r;
        jpeg_write_scanlines(&info, &row, 1);
    }
    jpeg_finish_compress(&info);
    jpeg_destroy_compress(&info);
    fclose(f);
    free(row);
    return path;
}

static picture load_ok(const char *path)
{
    picture p;
    data_error err;
    if (picture_load(path, &p, &err) != DATA_OK) {
        char text[DATA_ERROR_TEXT_MAX];
        fail_msg("%s", data_error_format(&err, text, sizeof text));
    }
    return p;
}

static void expect_refused(const char *path, data_status want, const char *phrase)
{
    picture p;
    memset(&p, 0xAB, sizeof p);
    data_error err;
    data_status st = picture_load(path, &p, &err);
    char text[DATA_ERROR_TEXT_MAX], where[300];
    data_error_format(&err, text, sizeof text);
    if (st != want)
        fail_msg("status %d, want %d: %s", st, want, text);
    snprintf(where, sizeof where, "%s: ", path);
    if (strncmp(text, where, strlen(where)) != 0 || strstr(text, phrase) == NULL)
        fail_msg("message \"%s\" lacks \"%s\" or \"%s\"", text, where, phrase);
    assert_null(p.rgb);
    assert_int_equal(p.width, 0);
}

static void a_png_reads_as_rgb_bytes_row_by_row(void **state)
{
    (void)state;
    picture p = load_ok(write_png("rgb.png", 3, 5, PNG_FORMAT_RGB));
    assert_int_equal(p.height, 3);
    assert_int_equal(p.width, 5);
    for (int r = 0; r < 3; r++)
        for (int c = 0; c < 5; c++)
            for (int ch = 0; ch < 3; ch++)
                assert_int_equal(p.rgb[(r * 5 + c) * 3 + ch], pixel(r, c, ch));
    picture_free(&p);
    assert_null(p.rgb);
}

static void grey_and_alpha_pngs_become_rgb(void **state)
{
    (void)state;
    picture g = load_ok(write_png("grey.png", 2, 2, PNG_FORMAT_GRAY));
    assert_int_equal(g.rgb[3 * 3 + 0], pixel(1, 1, 0));
    assert_int_equal(g.rgb[3 * 3 + 2], pixel(1, 1, 0));
    picture_free(&g);
    picture a = load_ok(write_png("rgba.png", 2, 3, PNG_FORMAT_RGBA));
    assert_int_equal(a.rgb[(1 * 3 + 2) * 3 + 1], pixel(1, 2, 1)); /* opaque: the colour itself */
    picture_free(&a);
}

static void a_jpeg_reads_as_rgb(void **state)
{
    (void)state;
    picture p = load_ok(write_jpeg("flat.jpg", 16, 24));
    assert_int_equal(p.height, 16);
    assert_int_equal(p.width, 24);
    for (int ch = 0; ch < 3; ch++)
        assert_in_range(p.rgb[(5 * 24 + 7) * 3 + ch], 100 + ch * 20 - 3, 100 + ch * 20 + 3);
    picture_free(&p);
}

static void broken_pictures_are_refused(void **state)
{
    (void)state;
    expect_refused(path_of("absent.png"), DATA_NOT_FOUND, "no such file");
    const char *txt = path_of("notes.png");
    FILE *f = fopen(txt, "w");
    fputs("not a picture\n", f);
    fclose(f);
    expect_refused(txt, DATA_BAD_FORMAT, "is neither a PNG nor a JPEG picture");

    const char *png = write_png("cut.png", 40, 40, PNG_FORMAT_RGB);
    struct stat sb;
    stat(png, &sb);
    assert_int_equal(truncate(png, sb.st_size / 2), 0);
    expect_refused(png, DATA_BAD_FORMAT, "the PNG picture is truncated or damaged");

    const char *jpg = write_jpeg("cut.jpg", 64, 64);
    stat(jpg, &sb);
    assert_int_equal(truncate(jpg, sb.st_size / 2), 0);
    expect_refused(jpg, DATA_BAD_FORMAT, "the JPEG picture is truncated or damaged");
    assert_int_equal(truncate(jpg, 40), 0);
    expect_refused(jpg, DATA_BAD_FORMAT, "the JPEG picture is truncated or damaged");

    expect_refused(dir, DATA_IO, "is not a regular file");
}

static void resizing_averages_each_box_and_enlarging_repeats_pixels(void **state)
{
    (void)state;
    unsigned char src[4 * 4 * 3];
    for (int k = 0; k < 48; k++)
        src[k] = (unsigned char)(k * 5);
    picture in = {4, 4, src}, out;
    assert_true(picture_resize(&in, 2, 2, &out));
    /* target (0, 1), channel 2: source rows 0–1, cols 2–3 */
    unsigned sum = src[(0 * 4 + 2) * 3 + 2] + src[(0 * 4 + 3) * 3 + 2] + src[(1 * 4 + 2) * 3 + 2] +
                   src[(1 * 4 + 3) * 3 + 2];
    assert_int_equal(out.rgb[(0 * 2 + 1) * 3 + 2], (sum + 2) / 4);
    picture_free(&out);
    assert_true(picture_resize(&in, 8, 8, &out));
    assert_int_equal(out.rgb[(7 * 8 + 6) * 3 + 1], src[(3 * 4 + 3) * 3 + 1]);
    picture_free(&out);
    assert_false(picture_resize(&in, 0, 4, &out));
}

static void the_column_is_the_course_flatten_over_255(void **state)
{
    (void)state;
    picture p = load_ok(write_png("col.png", 3, 2, PNG_FORMAT_RGB));
    mat *x = picture_column(&p);
    assert_int_equal(x->rows, 18);
    assert_int_equal(x->cols, 1);
    assert_exact(mat_get(x, (2 * 2 + 1) * 3 + 2, 0), (double)pixel(2, 1, 2) / 255.0);
    mat_free(x);
    picture_free(&p);
}

static void cropping_keeps_the_centre_at_the_wanted_ratio(void **state)
{
    (void)state;
    enum { H = 3, W = 7 };
    unsigned char src[H * W * 3];
    for (int r = 0; r < H; r++)
        for (int c = 0; c < W; c++)
            for (int ch = 0; ch < 3; ch++)
                src[(r * W + c) * 3 + ch] = pixel(r, c, ch);
    picture wide = {H, W, src}, out;
    assert_true(picture_crop_centre(&wide, 64, 64, &out)); /* square: columns 2..4 */
    assert_int_equal(out.height, 3);
    assert_int_equal(out.width, 3);
    for (int r = 0; r < 3; r++)
        for (int c = 0; c < 3; c++)
            assert_int_equal(out.rgb[(r * 3 + c) * 3 + 1], pixel(r, c + 2, 1));
    picture_free(&out);
    picture tall = {W, H, src}; /* the same bytes as 7 rows of 3: rows 2..4 */
    assert_true(picture_crop_centre(&tall, 1, 1, &out));
    assert_int_equal(out.height, 3);
    assert_int_equal(out.width, 3);
    assert_memory_equal(out.rgb, src + 2 * 3 * 3, 3 * 3 * 3);
    picture_free(&out);
    assert_true(picture_crop_centre(&wide, 3, 7, &out)); /* the ratio holds: all of it */
    assert_int_equal(out.height, 3);
    assert_int_equal(out.width, 7);
    assert_memory_equal(out.rgb, src, sizeof src);
    picture_free(&out);
    assert_false(picture_crop_centre(&wide, 0, 1, &out));
}

static void a_grey_column_averages_the_three_channels(void **state)
{
    (void)state;
    unsigned char src[2 * 3] = {10, 20, 60, 255, 255, 0};
    picture p = {1, 2, src};
    mat *x = picture_column_channels(&p, 1);
    assert_int_equal(x->rows, 2);
    assert_exact(mat_get(x, 0, 0), 90.0 / 3.0 / 255.0);
    assert_exact(mat_get(x, 1, 0), 510.0 / 3.0 / 255.0);
    mat_free(x);
    x = picture_column_channels(&p, 3);
    assert_int_equal(x->rows, 6);
    assert_exact(mat_get(x, 2, 0), 60.0 / 255.0);
    mat_free(x);
    assert_null(picture_column_channels(&p, 2));
}

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/dnn-picture-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_png_reads_as_rgb_bytes_row_by_row),
        cmocka_unit_test(grey_and_alpha_pngs_become_rgb),
        cmocka_unit_test(a_jpeg_reads_as_rgb),
        cmocka_unit_test(broken_pictures_are_refused),
        cmocka_unit_test(resizing_averages_each_box_and_enlarging_repeats_pixels),
        cmocka_unit_test(the_column_is_the_course_flatten_over_255),
        cmocka_unit_test(cropping_keeps_the_centre_at_the_wanted_ratio),
        cmocka_unit_test(a_grey_column_averages_the_three_channels),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
