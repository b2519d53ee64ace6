/*
 * h5data.h — loads pictures and labels from an HDF5 file laid out as the
 * course ships its cat-vs-non-cat data (read with the HDF5 C library).
 *
 *   train_catvnoncat.h5
 *     train_set_x   uint8 (m, height, width, channels)   channels 1 or 3;
 *                   or (m, height, width) for grey pictures
 *     train_set_y   integers 0/1, shape (m,) or (1, m)
 *     list_classes  optional: two strings, what labels 0 and 1 mean
 *                   (b"non-cat", b"cat")
 *
 * Any one `<prefix>_set_x` / `<prefix>_set_y` pair at the file's root is
 * accepted (train_, test_, anything). The pictures become the course's
 * design matrix, as the notebooks build it with
 *
 *     X = x.reshape(m, -1).T / 255        X is (n_x, m), n_x = h·w·c
 *
 * so feature k of example i is pixel (row, col, channel) of picture i with
 * k = (row·w + col)·c + channel (C order), and its value is that byte / 255.
 *
 * Every failure is one error value naming the file and what is wrong (not
 * HDF5, truncated or damaged, a missing dataset, a wrong rank, dtype or
 * shape, a label that is not 0/1, x and y with different m, a size over the
 * limits below, a file the HDF5 library crashes on or is still reading
 * after a minute); nothing is handed back half-loaded. The library runs in
 * a child process (h5data_read.h), never in the caller's: its faults cannot
 * end the caller, and nothing it prints reaches the terminal.
 */
#ifndef DNN_DATA_H5DATA_H
#define DNN_DATA_H5DATA_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/dnn_limits.h" /* H5DATA_MAX_FEATURES: h·w·c of one picture */
#include "../core/matrix.h"
#include "data_error.h"

#define H5DATA_MAX_EXAMPLES 100000   /* pictures in one file */
#define H5DATA_MAX_SIDE 4096         /* height or width */
#define H5DATA_PREFIX_MAX 64         /* "train" of train_set_x, cut to 63 bytes */
#define H5DATA_CLASS_MAX 32          /* a class name from list_classes, cut to 31 bytes */

/* A loaded file. Owns X and Y; release with h5data_free. */
typedef struct h5data {
    mat *X;                                 /* (n_x, m), pixel bytes / 255 */
    mat *Y;                                 /* (1, m), 0 or 1 */
    size_t m;                               /* pictures */
    int n_x;                                /* height · width · channels */
    int height, width, channels;            /* channels 1 (grey) or 3 (RGB) */
    char prefix[H5DATA_PREFIX_MAX];         /* "train" for train_set_x */
    bool has_classes;                       /* list_classes was present */
    char class_names[2][H5DATA_CLASS_MAX];  /* from list_classes, else "0" and "1" */
} h5data;

/* Loads the file at path. On DATA_OK *out holds the data (free it with
 * h5data_free); otherwise *out is zeroed and err names the file (as given)
 * and the reason, with the status: NOT_FOUND (no such file), IO (a
 * directory, a FIFO, unreadable), BAD_FORMAT (not HDF5, damaged, a layout rule
 * broken), TOO_LARGE (over the H5DATA_MAX_* limits or MAT_MAX_ELEMENTS),
 * NO_MEMORY. */
data_status h5data_load(const char *path, h5data *out, data_error *err);

/* Frees what d owns and zeroes it; a zeroed h5data is fine. */
void h5data_free(h5data *d);

/* Whether the file at path is a regular file that starts with the HDF5
 * signature (at offset 0, the only place the course's files and h5py put
 * it). False when it cannot be read, and for anything but a regular file
 * (never blocks on a FIFO). Cheap: reads 8 bytes. */
bool h5data_is_hdf5(const char *path);

/* The pixel byte a feature value came from: round(x · 255) clamped to
 * 0 … 255 (the exact inverse of the loader's / 255). */
unsigned char h5data_byte(double x);

#endif
