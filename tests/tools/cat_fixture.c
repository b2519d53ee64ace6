/*
 * cat_fixture — writes a synthetic stand-in for the course's cat data, with
 * the course's layout and sizes, for end-to-end tests and benchmarks (the
 * real pictures are not ours to ship).
 *
 *   cat_fixture DIR [M_TRAIN M_TEST [SIDE [SEED]]]
 *     → DIR/train_catvnoncat.h5   train_set_x uint8 (M_TRAIN, SIDE, SIDE, 3),
 *                                 train_set_y int64 (M_TRAIN,), list_classes
 *       DIR/test_catvnoncat.h5    test_set_x (M_TEST, SIDE, SIDE, 3), …
 *   defaults: 209 50 64 1 (the course's shapes)
 *
 * A picture is a noisy two-colour background with one blob; a "cat" (label
 * 1, about a third of them) has a warm blob with two ears near the middle, a
 * "non-cat" a blob of any colour anywhere. A network can learn it, not
 * perfectly. Every value comes from numpy's RandomState stream (core/rng.h)
 * seeded with SEED, so the files are the same on every machine.
 */
#include <hdf5.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rng.h"

static int clamp_byte(double v)
{
    return v < 0.0 ? 0 : v > 255.0 ? 255 : (int)v;
}

/* One picture into px (side·side·3 bytes, (row, col, channel) in C order). */
static void draw_picture(rng *r, int cat, int side, unsigned char *px)
{
    double bg0[3], bg1[3], fg[3];
    for (int c = 0; c < 3; c++) {
        bg0[c] = 40.0 + 170.0 * rng_rand(r);
        bg1[c] = 40.0 + 170.0 * rng_rand(r);
    }
    double cx, cy, rad;
    if (cat) {
        fg[0] = 170.0 + 60.0 * rng_rand(r); /* warm: red high, blue low */
        fg[1] = 100.0 + 60.0 * rng_rand(r);
        fg[2] = 30.0 + 50.0 * rng_rand(r);
        cx = side * (0.4 + 0.2 * rng_rand(r));
        cy = side * (0.45 + 0.2 * rng_rand(r));
        rad = side * (0.2 + 0.1 * rng_rand(r));
    } else {
        for (int c = 0; c < 3; c++)
            fg[c] = 255.0 * rng_rand(r);
        cx = side * rng_rand(r);
        cy = side * rng_rand(r);
        rad = side * (0.1 + 0.25 * rng_rand(r));
    }
    double noise = 8.0 + 20.0 * rng_rand(r);
    for (int y = 0; y < side; y++)
        for (int x = 0; x < side; x++) {
            double t = (double)y / (side > 1 ? side - 1 : 1);
            double dx = x - cx, dy = y - cy;
            int inside = dx * dx + dy * dy < rad * rad;
            if (cat && !inside) {
                /* two ears: triangles above the head, left and right */
                for (int e = -1; e <= 1; e += 2) {
                    double ex = cx + e * rad * 0.6, top = cy - rad * 1.45, base = cy - rad * 0.6;
                    if (y >= top && y <= base && fabs(x - ex) <= (y - top) * 0.5)
                        inside = 1;
                }
            }
            for (int c = 0; c < 3; c++) {
                double v = inside ? fg[c] : bg0[c] * (1.0 - t) + bg1[c] * t;
                v += noise * rng_randn(r);
                px[((size_t)y * side + x) * 3 + c] = (unsigned char)clamp_byte(v);
            }
        }
}

static int write_file(const char *dir, const char *prefix, size_t m, int side, rng *r)
{
    char path[4096], xn[32], yn[32];
    snprintf(path, sizeof path, "%s/%s_catvnoncat.h5", dir, prefix);
    snprintf(xn, sizeof xn, "%s_set_x", prefix);
    snprintf(yn, sizeof yn, "%s_set_y", prefix);
    size_t n = (size_t)side * side * 3;
    unsigned char *x = malloc(m * n);
    int64_t *y = malloc(m * sizeof *y);
    if (x == NULL || y == NULL) {
        fprintf(stderr, "cat_fixture: out of memory\n");
        return 1;
    }
    for (size_t i = 0; i < m; i++) {
        y[i] = rng_rand(r) < 0.35;
        draw_picture(r, (int)y[i], side, x + i * n);
    }
    hid_t f = H5Fcreate(path, H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
    if (f < 0) {
        fprintf(stderr, "cat_fixture: cannot create %s\n", path);
        return 1;
    }
    hsize_t xd[4] = {m, (hsize_t)side, (hsize_t)side, 3}, yd[1] = {m}, two = 2;
    hid_t xs = H5Screate_simple(4, xd, NULL), ys = H5Screate_simple(1, yd, NULL), cs = H5Screate_simple(1, &two, NULL);
    hid_t st = H5Tcopy(H5T_C_S1);
    H5Tset_size(st, 7);
    H5Tset_strpad(st, H5T_STR_NULLPAD);
    hid_t xdset = H5Dcreate2(f, xn, H5T_STD_U8LE, xs, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
    hid_t ydset = H5Dcreate2(f, yn, H5T_STD_I64LE, ys, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
    hid_t cdset = H5Dcreate2(f, "list_classes", st, cs, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
    static const char names[14] = {'n', 'o', 'n', '-', 'c', 'a', 't', 'c', 'a', 't', 0, 0, 0, 0};
    int bad = xdset < 0 || ydset < 0 || cdset < 0 ||
              H5Dwrite(xdset, H5T_NATIVE_UCHAR, H5S_ALL, H5S_ALL, H5P_DEFAULT, x) < 0 ||
              H5Dwrite(ydset, H5T_NATIVE_INT64, H5S_ALL, H5S_ALL, H5P_DEFAULT, y) < 0 ||
              H5Dwrite(cdset, st, H5S_ALL, H5S_ALL, H5P_DEFAULT, names) < 0;
    H5Dclose(xdset);
    H5Dclose(ydset);
    H5Dclose(cdset);
    H5Tclose(st);
    H5Sclose(xs);
    H5Sclose(ys);
    H5Sclose(cs);
    if (H5Fclose(f) < 0 || bad) {
        fprintf(stderr, "cat_fixture: cannot write %s\n", path);
        return 1;
    }
    free(x);
    free(y);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 6 || strcmp(argv[1], "--help") == 0) {
        fprintf(stderr, "usage: cat_fixture DIR [M_TRAIN M_TEST [SIDE [SEED]]]\n");
        return 2;
    }
    long m_train = argc > 3 ? strtol(argv[2], NULL, 10) : 209;
    long m_test = argc > 3 ? strtol(argv[3], NULL, 10) : 50;
    long side = argc > 4 ? strtol(argv[4], NULL, 10) : 64;
    long seed = argc > 5 ? strtol(argv[5], NULL, 10) : 1;
    if (m_train < 1 || m_train > 100000 || m_test < 1 || m_test > 100000 || side < 1 || side > 512 || seed < 0) {
        fprintf(stderr, "cat_fixture: sizes out of range\n");
        return 2;
    }
    rng r;
    rng_seed(&r, (uint32_t)seed);
    return write_file(argv[1], "train", (size_t)m_train, (int)side, &r) ||
           write_file(argv[1], "test", (size_t)m_test, (int)side, &r);
}
