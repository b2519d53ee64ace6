/*
 * h5data.c — the HDF5 picture loader behind h5data.h.
 *
 *   stat                    no such file / a directory / a FIFO / unreadable
 *        │
 *   h5data_read_isolated    the HDF5 library reads it in a child process
 *        │                  (h5data_read.c; a crash or a hang there is an error here)
 *        │
 *   build X = x.reshape(m, -1).T / 255 and Y                  → free all on error
 */
#include "h5data.h"

#include "h5data_read.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void h5data_free(h5data *d)
{
    if (d == NULL)
        return;
    mat_free(d->X);
    mat_free(d->Y);
    memset(d, 0, sizeof *d);
}

unsigned char h5data_byte(double x)
{
    double b = floor(x * 255.0 + 0.5);
    return (unsigned char)(b < 0.0 ? 0.0 : b > 255.0 ? 255.0 : b);
}

bool h5data_is_hdf5(const char *path)
{
    static const unsigned char sig[8] = {0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    struct stat sb;
    if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
        return false; /* a FIFO would block the open; HDF5 needs a regular file anyway */
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return false;
    unsigned char head[8];
    bool yes = fread(head, 1, sizeof head, f) == sizeof head && memcmp(head, sig, sizeof sig) == 0;
    fclose(f);
    return yes;
}

/* ---- loading ------------------------------------------------------------ */

data_status h5data_load(const char *path, h5data *out, data_error *err)
{
    memset(out, 0, sizeof *out);
    struct stat sb;
    if (stat(path, &sb) != 0)
        return data_error_set(err, errno == ENOENT ? DATA_NOT_FOUND : DATA_IO, path, 0, 0, "%s",
                              errno == ENOENT ? "no such file" : strerror(errno));
    if (S_ISDIR(sb.st_mode))
        return data_error_set(err, DATA_IO, path, 0, 0, "is a directory, not an HDF5 file");
    if (!S_ISREG(sb.st_mode))
        return data_error_set(err, DATA_IO, path, 0, 0, "is not a regular file (a FIFO or a device?); HDF5 "
                              "files are read from disk");
    FILE *probe = fopen(path, "rb");
    if (probe == NULL)
        return data_error_set(err, DATA_IO, path, 0, 0, "cannot be read: %s", strerror(errno));
    fclose(probe);

    h5data_raw raw;
    data_status st = h5data_read_isolated(path, h5data_read_raw, H5DATA_READ_TIME_LIMIT_MS, &raw, err);
    if (st != DATA_OK)
        return st;
    size_t n_x = (size_t)raw.height * (size_t)raw.width * (size_t)raw.channels;
    out->X = mat_new(n_x, raw.m);
    out->Y = mat_new(1, raw.m);
    if (out->X == NULL || out->Y == NULL) {
        st = data_error_set(err, DATA_NO_MEMORY, path, 0, 0, "out of memory for a (%zu, %zu) matrix", n_x, raw.m);
        h5data_raw_free(&raw);
        h5data_free(out);
        return st;
    }
    /* X[k][i] = x[i].flat[k] / 255: picture i's bytes, in C order, become column i. */
    for (size_t i = 0; i < raw.m; i++) {
        const unsigned char *pic = raw.pixels + i * n_x;
        for (size_t k = 0; k < n_x; k++)
            out->X->v[k * raw.m + i] = (double)pic[k] / 255.0;
        out->Y->v[i] = (double)raw.labels[i];
    }
    out->m = raw.m;
    out->n_x = (int)n_x;
    out->height = raw.height;
    out->width = raw.width;
    out->channels = raw.channels;
    memcpy(out->prefix, raw.prefix, sizeof out->prefix);
    out->has_classes = raw.has_classes;
    memcpy(out->class_names, raw.class_names, sizeof out->class_names);
    h5data_raw_free(&raw);
    return DATA_OK;
}
