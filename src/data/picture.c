/*
 * picture.c — PNG (libpng's simplified API) and JPEG (libjpeg, errors caught
 * with setjmp) into RGB bytes; a box-filter resize; the flattened column.
 */
#include "picture.h"

#include <errno.h>
#include <setjmp.h>
#include <stdio.h> /* before jpeglib.h, which uses FILE */
#include <stdlib.h>

#include <jpeglib.h>
#include <png.h>
#include <string.h>
#include <sys/stat.h>

void picture_free(picture *p)
{
    if (p == NULL)
        return;
    free(p->rgb);
    memset(p, 0, sizeof *p);
}

static data_status picture_check_size(const char *path, size_t w, size_t h, data_error *err)
{
    if (w == 0 || h == 0)
        return data_error_set(err, DATA_BAD_FORMAT, path, 0, 0, "the picture is empty (%zu×%zu)", w, h);
    if (w > PICTURE_MAX_SIDE || h > PICTURE_MAX_SIDE || w * h > PICTURE_MAX_PIXELS)
        return data_error_set(err, DATA_TOO_LARGE, path, 0, 0,
                              "the picture is %zu×%zu pixels; the limit is %d on a side and %zu in all", w, h,
                              PICTURE_MAX_SIDE, PICTURE_MAX_PIXELS);
    return DATA_OK;
}

/* ---- PNG ---------------------------------------------------------------- */

static data_status picture_read_png(const char *path, picture *out, data_error *err)
{
    png_image img;
    memset(&img, 0, sizeof img);
    img.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&img, path)) {
        data_status st = data_error_set(err, DATA_BAD_FORMAT, path, 0, 0, "not a readable PNG picture (%s)",
                                        img.message);
        png_image_free(&img);
        return st;
    }
    data_status st = picture_check_size(path, img.width, img.height, err);
    if (st != DATA_OK) {
        png_image_free(&img);
        return st;
    }
    img.format = PNG_FORMAT_RGB;
    out->rgb = malloc(PNG_IMAGE_SIZE(img));
    if (out->rgb == NULL) {
        png_image_free(&img);
        return data_error_set(err, DATA_NO_MEMORY, path, 0, 0, "out of memory for a %u×%u picture", img.width,
                              img.height);
    }
    if (!png_image_finish_read(&img, NULL, out->rgb, 0, NULL)) {
        st = data_error_set(err, DATA_BAD_FORMAT, path, 0, 0, "the PNG picture is truncated or damaged (%s)",
                            img.message);
        png_image_free(&img);
        picture_free(out);
        return st;
    }
    out->width = (int)img.width;
    out->height = (int)img.height;
    return DATA_OK;
}

/* ---- JPEG --------------------------------------------------------------- */

typedef struct picture_jpeg_error {
    struct jpeg_error_mgr mgr;
    jmp_buf back;
    char message[JMSG_LENGTH_MAX];
} picture_jpeg_error;

static void picture_jpeg_fail(j_common_ptr info)
{
    picture_jpeg_error *e = (picture_jpeg_error *)info->err;
    e->mgr.format_message(info, e->message);
    longjmp(e->back, 1);
}

/* libjpeg warns about recoverable damage (a truncated file among them);
 * a warning is an error here, so nothing half-decoded is used. */
static void picture_jpeg_warn(j_common_ptr info, int level)
{
    if (level < 0)
        picture_jpeg_fail(info);
}

static data_status picture_read_jpeg(const char *path, picture *out, data_error *err)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return data_error_set(err, DATA_IO, path, 0, 0, "cannot be read: %s", strerror(errno));
    struct jpeg_decompress_struct info;
    picture_jpeg_error jerr;
    memset(&jerr, 0, sizeof jerr);
    info.err = jpeg_std_error(&jerr.mgr);
    jerr.mgr.error_exit = picture_jpeg_fail;
    jerr.mgr.emit_message = picture_jpeg_warn;
    /* volatile: read after a longjmp back into this frame */
    unsigned char *volatile rgb = NULL;
    volatile data_status st = DATA_OK;
    if (setjmp(jerr.back)) {
        st = data_error_set(err, DATA_BAD_FORMAT, path, 0, 0, "the JPEG picture is truncated or damaged (%s)",
                            jerr.message);
        goto done;
    }
    jpeg_create_decompress(&info);
    jpeg_stdio_src(&info, f);
    jpeg_read_header(&info, TRUE);
    info.out_color_space = JCS_RGB;
    if ((st = picture_check_size(path, info.image_width, info.image_height, err)) != DATA_OK)
        goto done;
    jpeg_start_decompress(&info);
    if (info.output_components != 3) {
        st = data_error_set(err, DATA_BAD_FORMAT, path, 0, 0, "the JPEG picture has %d channels; expected RGB",
                            info.output_components);
        goto done;
    }
    size_t row = (size_t)info.output_width * 3;
    rgb = malloc(row * info.output_height);
    if (rgb == NULL) {
        st = data_error_set(err, DATA_NO_MEMORY, path, 0, 0, "out of memory for a %u×%u picture",
                            info.output_width, info.output_height);
        goto done;
    }
    while (info.output_scanline < info.output_height) {
        JSAMPROW line = rgb + row * info.output_scanline;
        jpeg_read_scanlines(&info, &line, 1);
    }
    jpeg_finish_decompress(&info);
    out->width = (int)info.output_width;
    out->height = (int)info.output_height;
    out->rgb = rgb;
    rgb = NULL;
done:
    jpeg_destroy_decompress(&info);
    fclose(f);
    free(rgb);
    return st;
}

/* ---- loading ------------------------------------------------------------ */

data_status picture_load(const char *path, picture *out, data_error *err)
{
    memset(out, 0, sizeof *out);
    struct stat sb;
    if (stat(path, &sb) != 0)
        return data_error_set(err, errno == ENOENT ? DATA_NOT_FOUND : DATA_IO, path, 0, 0, "%s",
                              errno == ENOENT ? "no such file" : strerror(errno));
    if (!S_ISREG(sb.st_mode))
        return data_error_set(err, DATA_IO, path, 0, 0, "is not a regular file; give a PNG or JPEG picture");
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return data_error_set(err, DATA_IO, path, 0, 0, "cannot be read: %s", strerror(errno));
    unsigned char head[8] = {0};
    size_t n = fread(head, 1, sizeof head, f);
    fclose(f);
    static const unsigned char png_sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    data_status st;
    if (n == 8 && memcmp(head, png_sig, 8) == 0)
        st = picture_read_png(path, out, err);
    else if (n >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        st = picture_read_jpeg(path, out, err);
    else
        return data_error_set(err, DATA_BAD_FORMAT, path, 0, 0, "is neither a PNG nor a JPEG picture");
    if (st != DATA_OK)
        picture_free(out);
    return st;
}

bool picture_resize(const picture *in, int height, int width, picture *out)
{
    memset(out, 0, sizeof *out);
    if (height < 1 || width < 1 || in->height < 1 || in->width < 1)
        return false;
    out->rgb = malloc((size_t)height * width * 3);
    if (out->rgb == NULL)
        return false;
    out->height = height;
    out->width = width;
    for (int r = 0; r < height; r++) {
        /* source rows [r0, r1) cover target row r; at least one */
        int r0 = (int)((long long)r * in->height / height);
        int r1 = (int)((long long)(r + 1) * in->height / height);
        if (r1 <= r0)
            r1 = r0 + 1;
        for (int c = 0; c < width; c++) {
            int c0 = (int)((long long)c * in->width / width);
            int c1 = (int)((long long)(c + 1) * in->width / width);
            if (c1 <= c0)
                c1 = c0 + 1;
            for (int ch = 0; ch < 3; ch++) {
                unsigned long long sum = 0;
                for (int y = r0; y < r1; y++)
                    for (int x = c0; x < c1; x++)
                        sum += in->rgb[((size_t)y * in->width + x) * 3 + ch];
                unsigned long long count = (unsigned long long)(r1 - r0) * (unsigned long long)(c1 - c0);
                out->rgb[((size_t)r * width + c) * 3 + ch] = (unsigned char)((sum + count / 2) / count);
            }
        }
    }
    return true;
}

mat *picture_column(const picture *p)
{
    size_t n = (size_t)p->height * p->width * 3;
    mat *x = mat_new(n, 1);
    if (x == NULL)
        return NULL;
    for (size_t k = 0; k < n; k++)
        x->v[k] = (double)p->rgb[k] / 255.0;
    return x;
}

bool picture_crop_centre(const picture *in, int height, int width, picture *out)
{
    memset(out, 0, sizeof *out);
    if (height < 1 || width < 1 || in->height < 1 || in->width < 1)
        return false;
    /* keep every row and as many columns as the ratio allows, or the other way round */
    long long h = in->height, w = in->width;
    if (w * height > h * width)
        w = h * width / height > 0 ? h * width / height : 1;
    else
        h = w * height / width > 0 ? w * height / width : 1;
    int top = (int)((in->height - h) / 2), left = (int)((in->width - w) / 2);
    out->rgb = malloc((size_t)h * (size_t)w * 3);
    if (out->rgb == NULL)
        return false;
    out->height = (int)h;
    out->width = (int)w;
    for (long long r = 0; r < h; r++)
        memcpy(out->rgb + (size_t)r * (size_t)w * 3, in->rgb + (((size_t)(top + r)) * in->width + left) * 3,
               (size_t)w * 3);
    return true;
}

mat *picture_column_channels(const picture *p, int channels)
{
    if (channels == 3)
        return picture_column(p);
    if (channels != 1)
        return NULL;
    size_t n = (size_t)p->height * p->width;
    mat *x = mat_new(n, 1);
    if (x == NULL)
        return NULL;
    for (size_t k = 0; k < n; k++) {
        const unsigned char *px = p->rgb + 3 * k;
        x->v[k] = ((double)px[0] + px[1] + px[2]) / 3.0 / 255.0;
    }
    return x;
}
