/*
 * h5data_read.h — the two halves behind h5data_load, kept apart so that the
 * HDF5 library only ever runs in a child process.
 *
 *   parent: h5data_read_isolated                 child (fork, no exec)
 *     fork ───────────────────────────────────▶  read(path) → h5data_raw
 *     poll the pipe until the time limit   ◀───  header, pixels, labels; _exit(0)
 *     check every field against the limits
 *     reap: a signal or an early exit becomes an error value
 *
 * Why: Debian's libhdf5 (1.10) crashes inside its own code on some damaged
 * files (fuzzing found a NULL read in H5F__accum_read under H5Gget_info), and
 * a library bug on a crafted file may also loop. A learner's broken file must
 * give one message naming it, never take the terminal app down with it, so
 * the library reads in a process of its own and the caller only ever sees a
 * value. The parent never calls the library (no library state, no locks are
 * shared with the child), and the child never execs, so nothing is
 * installed beside the binary.
 *
 * Internal to the data layer (and its tests): callers use h5data_load.
 */
#ifndef DNN_DATA_H5DATA_READ_H
#define DNN_DATA_H5DATA_READ_H

#include <stdbool.h>
#include <stddef.h>

#include "data_error.h"
#include "h5data.h"

/* How long the library may take over one file before its process is
 * killed. The largest file the limits allow (MAT_MAX_ELEMENTS bytes of
 * pixels) reads in about a second. */
#define H5DATA_READ_TIME_LIMIT_MS 60000

/* A file as read: bytes and labels, before they become matrices. */
typedef struct h5data_raw {
    size_t m;                               /* pictures */
    int height, width, channels;            /* channels 1 or 3 */
    unsigned char *pixels;                  /* m · height · width · channels bytes, picture after picture */
    unsigned char *labels;                  /* m labels, each 0 or 1 */
    char prefix[H5DATA_PREFIX_MAX];         /* "train" for train_set_x */
    bool has_classes;                       /* list_classes was present */
    char class_names[2][H5DATA_CLASS_MAX];  /* from list_classes, else "0" and "1" */
} h5data_raw;

/* Something that reads a file into a raw (h5data_read_raw; tests pass
 * readers that crash, hang or lie). Contract: on DATA_OK raw is whole; else
 * err says why. It may crash or never return: it runs in the child. */
typedef data_status (*h5data_reader)(const char *path, h5data_raw *raw, data_error *err);

/* Reads the file with the HDF5 library in this process, checking every rule
 * of h5data.h (the signature, one pair, dtype, rank, shape, limits, labels 0
 * or 1, list_classes). On DATA_OK *raw owns pixels and labels; otherwise it
 * is zeroed. Meant for the child of h5data_read_isolated only. */
data_status h5data_read_raw(const char *path, h5data_raw *raw, data_error *err);

/* Runs read(path, …) in a child process and hands back what it read. On
 * DATA_OK *raw owns pixels and labels (release with h5data_raw_free), its
 * sizes within H5DATA_MAX_*, MAT_MAX_ELEMENTS and H5DATA_MAX_FEATURES, its
 * labels 0 or 1 and its strings terminated. Otherwise *raw is zeroed and err
 * holds: the reader's own error as it gave it; for a child that dies by a
 * signal, exits early or sends something that breaks those rules,
 * DATA_BAD_FORMAT "the HDF5 library crashed reading it …"; for one still
 * running after time_limit_ms (then killed), DATA_BAD_FORMAT "the HDF5
 * library was still reading it after N s …"; when no process can be
 * started, DATA_IO. The child is always reaped before this returns. */
data_status h5data_read_isolated(const char *path, h5data_reader read, int time_limit_ms, h5data_raw *raw,
                                 data_error *err);

/* Frees what raw owns and zeroes it; a zeroed raw is fine. */
void h5data_raw_free(h5data_raw *raw);

#endif
