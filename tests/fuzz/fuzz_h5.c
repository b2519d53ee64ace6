/*
 * fuzz_h5.c — the HDF5 picture loader (h5data_load) on arbitrary bytes,
 * written to a file first (the HDF5 library reads files). Nothing may crash,
 * leak or hang, and the result must keep h5data.h's promises: on success X is
 * (n_x, m) with n_x = height·width·channels, every value a byte / 255, Y is
 * (1, m) with 0/1 labels and the class names are terminated strings; on
 * failure *out is zeroed and the error names the file.
 *
 * The HDF5 library itself runs in a child process (h5data_read.h), so a fault
 * of the library on a damaged file must come back as an error value, never
 * end this process; libFuzzer sees the coverage of this side only (the
 * stat checks, the answer's checks, building X), and the library is fuzzed
 * blind, by mutation of the seeds.
 *
 * Built with clang -fsanitize=fuzzer as tests/fuzz/fuzz_h5, and with any
 * compiler into fuzz_h5_replay (fuzz_replay.c), which feeds it the seed
 * corpus tests/fuzz/corpus/h5 (good and damaged course-layout files made by
 * tests/fuzz/make_h5_seeds.py).
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "h5data.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_loaded(const h5data *d)
{
    if (!d->X || !d->Y || d->m < 1 || d->n_x < 1)
        __builtin_trap();
    if ((d->channels != 1 && d->channels != 3) || d->height < 1 || d->width < 1 ||
        (long)d->height * d->width * d->channels != d->n_x)
        __builtin_trap();
    if (d->X->rows != (size_t)d->n_x || d->X->cols != d->m || d->Y->rows != 1 || d->Y->cols != d->m)
        __builtin_trap();
    for (size_t i = 0; i < mat_size(d->X); i++) {
        const double byte = d->X->v[i] * 255.0;
        if (!(byte >= 0.0 && byte <= 255.0) || fabs(byte - nearbyint(byte)) > 1e-9)
            __builtin_trap();
    }
    for (size_t i = 0; i < d->m; i++)
        if (d->Y->v[i] != 0.0 && d->Y->v[i] != 1.0)
            __builtin_trap();
    for (int c = 0; c < 2; c++)
        if (memchr(d->class_names[c], '\0', H5DATA_CLASS_MAX) == NULL)
            __builtin_trap();
    if (memchr(d->prefix, '\0', H5DATA_PREFIX_MAX) == NULL)
        __builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[] = "/tmp/dnn-fuzz-h5-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        return 0;
    size_t done = 0;
    while (done < size) {
        ssize_t w = write(fd, data + done, size - done);
        if (w <= 0)
            break;
        done += (size_t)w;
    }
    close(fd);
    h5data d;
    data_error err;
    data_status st = h5data_load(path, &d, &err);
    if (st == DATA_OK) {
        check_loaded(&d);
    } else {
        char text[DATA_ERROR_TEXT_MAX];
        data_error_format(&err, text, sizeof text);
        if (d.X || d.Y || err.message[0] == '\0' || strncmp(text, path, strlen(path)) != 0)
            __builtin_trap();
    }
    h5data_free(&d);
    unlink(path);
    return 0;
}
