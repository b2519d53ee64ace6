/* Writes small HDF5 files in the course's layout (and broken variants of it)
 * with the HDF5 C library, for the tests of the HDF5 loader and of the data
 * sets built on it. Each file goes into a fresh temporary directory. */
#ifndef DNN_TEST_H5_FIXTURE_H
#define DNN_TEST_H5_FIXTURE_H

#include <hdf5.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The byte of pixel (row, col, channel) of picture i in the fixtures: every
 * index changes it, so a wrong flatten order shows. */
static inline unsigned char h5fx_pixel(size_t i, size_t row, size_t col, size_t ch)
{
    return (unsigned char)((i * 61 + row * 17 + col * 7 + ch * 3 + 5) % 256);
}

/* A temporary directory for one test's files ("/tmp/dnn-h5-XXXXXX"). */
static inline const char *h5fx_dir(void)
{
    static char dir[64];
    if (dir[0] == '\0') {
        snprintf(dir, sizeof dir, "/tmp/dnn-h5-XXXXXX");
        if (mkdtemp(dir) == NULL) {
            perror("mkdtemp");
            exit(1);
        }
    }
    return dir;
}

/* "<dir>/<name>" in a rotating static buffer (four live at once). */
static inline const char *h5fx_path(const char *name)
{
    static char bufs[4][512];
    static int next;
    char *b = bufs[next++ % 4];
    snprintf(b, sizeof bufs[0], "%s/%s", h5fx_dir(), name);
    return b;
}

/* Writes one dataset; data may be NULL (space declared, nothing written). */
static inline void h5fx_put(hid_t file, const char *name, hid_t file_type, hid_t mem_type, int rank,
                            const hsize_t *dims, const void *data)
{
    hid_t space = H5Screate_simple(rank, dims, NULL);
    hid_t dset = H5Dcreate2(file, name, file_type, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
    if (space < 0 || dset < 0) {
        fprintf(stderr, "h5fx_put: cannot create %s\n", name);
        exit(1);
    }
    if (data != NULL && H5Dwrite(dset, mem_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data) < 0) {
        fprintf(stderr, "h5fx_put: cannot write %s\n", name);
        exit(1);
    }
    H5Dclose(dset);
    H5Sclose(space);
}

/* list_classes as the course stores it: two fixed-length byte strings. */
static inline void h5fx_put_classes(hid_t file, const char *a, const char *b)
{
    size_t len = strlen(a) > strlen(b) ? strlen(a) : strlen(b);
    char *buf = calloc(2 * len + 1, 1);
    if (buf == NULL) {
        fprintf(stderr, "h5fx_put_classes: out of memory\n");
        exit(1);
    }
    memcpy(buf, a, strlen(a));
    memcpy(buf + len, b, strlen(b));
    hid_t t = H5Tcopy(H5T_C_S1);
    H5Tset_size(t, len);
    H5Tset_strpad(t, H5T_STR_NULLPAD);
    hsize_t two = 2;
    h5fx_put(file, "list_classes", t, t, 1, &two, buf);
    H5Tclose(t);
    free(buf);
}

/* The picture bytes of m pictures h×w×c in C order (m, h, w, c). */
static inline unsigned char *h5fx_pictures(size_t m, size_t h, size_t w, size_t c)
{
    unsigned char *x = malloc(m * h * w * c);
    for (size_t i = 0; i < m; i++)
        for (size_t r = 0; r < h; r++)
            for (size_t q = 0; q < w; q++)
                for (size_t ch = 0; ch < c; ch++)
                    x[((i * h + r) * w + q) * c + ch] = h5fx_pixel(i, r, q, ch);
    return x;
}

/* Labels for the fixtures: 1 when i % 3 == 1. */
static inline int64_t h5fx_label(size_t i)
{
    return i % 3 == 1;
}

/* Writes a course-shaped file: <prefix>_set_x uint8 (m, h, w, c) — rank 3
 * when c is 0 —, <prefix>_set_y int64 (m,), list_classes when classes. */
static inline const char *h5fx_write_course(const char *name, const char *prefix, size_t m, size_t h, size_t w,
                                            size_t c, int classes)
{
    const char *path = h5fx_path(name);
    hid_t file = H5Fcreate(path, H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
    if (file < 0) {
        fprintf(stderr, "cannot create %s\n", path);
        exit(1);
    }
    unsigned char *x = h5fx_pictures(m, h, w, c ? c : 1);
    int64_t *y = malloc(m * sizeof *y);
    for (size_t i = 0; i < m; i++)
        y[i] = h5fx_label(i);
    char xn[64], yn[64];
    snprintf(xn, sizeof xn, "%s_set_x", prefix);
    snprintf(yn, sizeof yn, "%s_set_y", prefix);
    hsize_t xd[4] = {m, h, w, c};
    h5fx_put(file, xn, H5T_STD_U8LE, H5T_NATIVE_UCHAR, c ? 4 : 3, xd, x);
    hsize_t yd[1] = {m};
    h5fx_put(file, yn, H5T_STD_I64LE, H5T_NATIVE_INT64, 1, yd, y);
    if (classes)
        h5fx_put_classes(file, "non-cat", "cat");
    H5Fclose(file);
    free(x);
    free(y);
    return path;
}

#endif
