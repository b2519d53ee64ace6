/*
 * h5data_read.c — the part of the picture loader that calls the HDF5
 * library: h5data_read_raw, run in a child process by h5data_load (see
 * h5data_read.h for why).
 *
 *   H5Fis_hdf5              not HDF5 (the signature, at any offset the library accepts)
 *        │
 *   H5Fopen (read-only)     truncated or damaged → the library's reason
 *        │
 *   find the pair           the root's links: exactly one <p>_set_x with its <p>_set_y
 *        │
 *   check before reading    dtype, rank, shape, m, limits      → nothing allocated yet
 *        │
 *   read x (bytes), y (int64 → 0/1 bytes), list_classes
 *
 * Every HDF5 handle is closed on every path (the `fail` label closes what is
 * open). The library's automatic error printing is turned off for the
 * calling thread; when the library refuses the file, the most specific
 * message on its error stack goes into ours.
 */
#include "h5data_read.h"

#include <hdf5.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void h5data_raw_free(h5data_raw *raw)
{
    if (raw == NULL)
        return;
    free(raw->pixels);
    free(raw->labels);
    memset(raw, 0, sizeof *raw);
}

/* ---- the library's errors ---------------------------------------------- */

/* Keeps the innermost description on the stack: where the error was found. */
static herr_t h5data_walk(unsigned n, const H5E_error2_t *e, void *data)
{
    char *out = data;
    if (n == 0 && e->desc != NULL)
        snprintf(out, DATA_ERROR_MESSAGE_MAX / 2, "%s", e->desc);
    return 0;
}

/* The library's own reason for the last failure ("truncated file: eof = …"),
 * or "" when it left none. */
static const char *h5data_reason(char *buf)
{
    buf[0] = '\0';
    H5Ewalk2(H5E_DEFAULT, H5E_WALK_UPWARD, h5data_walk, buf);
    H5Eclear2(H5E_DEFAULT);
    return buf;
}

/* ---- finding the pair -------------------------------------------------- */

static bool h5data_ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n > k && strcmp(s + n - k, suffix) == 0;
}

/* Finds the one <prefix>_set_x at the root that has a <prefix>_set_y beside
 * it; fills prefix. Errors: none at all, an x without its y, or two pairs. */
static data_status h5data_find_pair(hid_t file, const char *path, char *prefix, data_error *err)
{
    H5G_info_t info;
    if (H5Gget_info(file, &info) < 0)
        return data_error_set(err, DATA_BAD_FORMAT, path, 0, 0, "cannot list the file's contents (damaged?)");
    int pairs = 0;
    char lone[H5DATA_PREFIX_MAX] = "", other[H5DATA_PREFIX_MAX] = "";
    for (hsize_t i = 0; i < info.nlinks; i++) {
        char name[256];
        ssize_t n = H5Lget_name_by_idx(file, ".", H5_INDEX_NAME, H5_ITER_INC, i, name, sizeof name, H5P_DEFAULT);
        if (n < 0)
            return data_error_set(err, DATA_BAD_FORMAT, path, 0, 0, "cannot list the file's contents (damaged?)");
        if ((size_t)n >= sizeof name || !h5data_ends_with(name, "_set_x"))
            continue;
        size_t plen = strlen(name) - strlen("_set_x");
        if (plen >= H5DATA_PREFIX_MAX)
            continue;
        char y_name[H5DATA_PREFIX_MAX + 8];
        snprintf(y_name, sizeof y_name, "%.*s_set_y", (int)plen, name);
        htri_t has_y = H5Lexists(file, y_name, H5P_DEFAULT);
        if (has_y <= 0) {
            snprintf(lone, sizeof lone, "%.*s", (int)plen, name);
            continue;
        }
        if (pairs++ == 0)
            snprintf(prefix, H5DATA_PREFIX_MAX, "%.*s", (int)plen, name);
        else
            snprintf(other, sizeof other, "%.*s", (int)plen, name);
    }
    if (pairs == 1)
        return DATA_OK;
    if (pairs > 1)
        return data_error_set(err, DATA_BAD_FORMAT, path, 0, 0,
                              "holds more than one picture set (%s_set_x and %s_set_x); use a file with one",
                              prefix, other);
    if (lone[0] != '\0')
        return data_error_set(err, DATA_BAD_FORMAT, path, 0, 0, "has %s_set_x but no %s_set_y (the labels)", lone,
                              lone);
    return data_error_set(err, DATA_BAD_FORMAT, path, 0, 0,
                          "no picture set: expected datasets named like train_set_x and train_set_y");
}

/* ---- checking shapes and types ----------------------------------------- */

/* Rank and dims of an open dataset (at most 4 dims kept; the rank is true). */
static int h5data_shape(hid_t dset, hsize_t dims[4])
{
    hid_t space = H5Dget_space(dset);
    if (space < 0)
        return -1;
    int rank = H5Sget_simple_extent_ndims(space);
    if (rank >= 0 && rank <= 4)
        H5Sget_simple_extent_dims(space, dims, NULL);
    H5Sclose(space);
    return rank;
}

/* "uint8", "int64", "float64", "string", … for messages. */
static const char *h5data_type_name(hid_t type, char *buf, size_t size)
{
    H5T_class_t cls = H5Tget_class(type);
    size_t bytes = H5Tget_size(type);
    if (cls == H5T_INTEGER)
        snprintf(buf, size, "%sint%zu", H5Tget_sign(type) == H5T_SGN_NONE ? "u" : "", bytes * 8);
    else if (cls == H5T_FLOAT)
        snprintf(buf, size, "float%zu", bytes * 8);
    else if (cls == H5T_STRING)
        snprintf(buf, size, "string");
    else if (cls == H5T_ENUM)
        snprintf(buf, size, "enum (bool?)");
    else if (cls == H5T_COMPOUND)
        snprintf(buf, size, "compound");
    else
        snprintf(buf, size, "an unsupported type");
    return buf;
}

static char *h5data_dims_text(const hsize_t *dims, int rank, char *buf, size_t size)
{
    size_t used = (size_t)snprintf(buf, size, "(");
    for (int i = 0; i < rank && i < 4 && used < size; i++)
        used += (size_t)snprintf(buf + used, size - used, "%s%llu", i ? ", " : "", (unsigned long long)dims[i]);
    if (used < size)
        snprintf(buf + used, size - used, rank == 1 ? ",)" : ")");
    return buf;
}

typedef struct h5data_layout {
    size_t m;
    int h, w, c;
} h5data_layout;

/* Checks <p>_set_x: uint8, (m, h, w, c) with c 1 or 3 or (m, h, w), sizes
 * within the limits. */
static data_status h5data_check_x(hid_t dset, const char *path, const char *name, h5data_layout *lay,
                                  data_error *err)
{
    char tname[32], dtext[128];
    hid_t type = H5Dget_type(dset);
    if (type < 0)
        return data_error_set(err, DATA_BAD_FORMAT, path, 0, 0, "cannot read the type of %s (damaged?)", name);
    bool u8 = H5Tget_class(type) == H5T_INTEGER && H5Tget_size(type) == 1 && H5Tget_sign(type) == H5T_SGN_NONE;
    h5data_type_name(type, tname, sizeof tname);
    H5Tclose(type);
    if (!u8)
        return data_error_set(err, DATA_BAD_FORMAT, path, 0, 0, "%s holds %s values; expected uint8 pixels (0 … 255)",
                              name, tname);
    hsize_t d[4] = {0, 0, 0, 0};
    int rank = h5data_shape(dset, d);
    if (rank < 0)
        return data_error_set(err, DATA_BAD_FORMAT, path, 0, 0, "cannot read the shape of %s (damaged?)", name);
    if (rank != 3 && rank != 4)
        return data_error_set(err, DATA_BAD_FORMAT, path, 0, 0,
                              "%s has rank %d; expected (m, height, width, channels) or (m, height, width)", name,
                              rank);
    h5data_dims_text(d, rank, dtext, sizeof dtext);
    hsize_t c = rank == 4 ? d[3] : 1;
    if (c != 1 && c != 3)
        return data_error_set(err, DATA_BAD_FORMAT, path, 0, 0,
                              "%s has shape %s: %llu channels; expected 1 (grey) or 3 (colour)", name, dtext,
                              (unsigned long long)c);
    if (d[0] == 0 || d[1] == 0 || d[2] == 0)
        return data_error_set(err, DATA_BAD_FORMAT, path, 0, 0, "%s has shape %s: no pictures", name, dtext);
    if (d[0] > H5DATA_MAX_EXAMPLES)
        return data_error_set(err, DATA_TOO_LARGE, path, 0, 0, "%s has shape %s: more than %d pictures", name, dtext,
                              H5DATA_MAX_EXAMPLES);
    if (d[1] > H5DATA_MAX_SIDE || d[2] > H5DATA_MAX_SIDE || d[1] * d[2] * c > H5DATA_MAX_FEATURES)
        return data_error_set(err, DATA_TOO_LARGE, path, 0, 0,
                              "%s has shape %s: %llu values a picture; the limit is %d", name, dtext,
                              (unsigned long long)(d[1] * d[2] * c), H5DATA_MAX_FEATURES);
    if (d[0] * d[1] * d[2] * c > MAT_MAX_ELEMENTS)
        return data_error_set(err, DATA_TOO_LARGE, path, 0, 0,
                              "%s has shape %s: %llu values in all; the limit is %zu", name, dtext,
                              (unsigned long long)(d[0] * d[1] * d[2] * c), (size_t)MAT_MAX_ELEMENTS);
    lay->m = (size_t)d[0];
    lay->h = (int)d[1];
    lay->w = (int)d[2];
    lay->c = (int)c;
    return DATA_OK;
}

/* Checks <p>_set_y: integers, (m,) or (1, m), the same m as x. */
static data_status h5data_check_y(hid_t dset, const char *path, const char *x_name, const char *name, size_t m,
                                  data_error *err)
{
    char tname[32], dtext[128];
    hid_t type = H5Dget_type(dset);
    if (type < 0)
        return data_error_set(err, DATA_BAD_FORMAT, path, 0, 0, "cannot read the type of %s (damaged?)", name);
    bool integer = H5Tget_class(type) == H5T_INTEGER;
    h5data_type_name(type, tname, sizeof tname);
    H5Tclose(type);
    if (!integer)
        return data_error_set(err, DATA_BAD_FORMAT, path, 0, 0, "%s holds %s values; expected integer labels 0 and 1",
                              name, tname);
    hsize_t d[4] = {0, 0, 0, 0};
    int rank = h5data_shape(dset, d);
    if (rank < 0)
        return data_error_set(err, DATA_BAD_FORMAT, path, 0, 0, "cannot read the shape of %s (damaged?)", name);
    if (rank > 0)
        h5data_dims_text(d, rank, dtext, sizeof dtext);
    hsize_t n;
    if (rank == 1)
        n = d[0];
    else if (rank == 2 && d[0] == 1)
        n = d[1];
    else
        return data_error_set(err, DATA_BAD_FORMAT, path, 0, 0, "%s has %s %s; expected (m,) or (1, m)", name,
                              rank > 0 ? "shape" : "rank", rank > 0 ? dtext : "0");
    if (n != m)
        return data_error_set(err, DATA_BAD_FORMAT, path, 0, 0, "%s has %zu pictures but %s has %llu labels", x_name,
                              m, name, (unsigned long long)n);
    return DATA_OK;
}

/* Reads list_classes when present: two strings (fixed or variable length).
 * Absent → "0", "1". Present but not two strings → an error. */
static data_status h5data_read_classes(hid_t file, const char *path, h5data_raw *out, data_error *err)
{
    snprintf(out->class_names[0], H5DATA_CLASS_MAX, "0");
    snprintf(out->class_names[1], H5DATA_CLASS_MAX, "1");
    htri_t has = H5Lexists(file, "list_classes", H5P_DEFAULT);
    if (has <= 0)
        return DATA_OK;
    data_status st = DATA_OK;
    hid_t dset = H5Dopen2(file, "list_classes", H5P_DEFAULT);
    hid_t type = dset >= 0 ? H5Dget_type(dset) : -1;
    hid_t mem = -1;
    char *fixed = NULL;
    char *vlen[2] = {NULL, NULL};
    hsize_t d[4] = {0, 0, 0, 0};
    int rank = dset >= 0 ? h5data_shape(dset, d) : -1;
    if (type < 0 || rank < 0) {
        st = data_error_set(err, DATA_BAD_FORMAT, path, 0, 0, "cannot read list_classes (damaged?)");
        goto done;
    }
    if (H5Tget_class(type) != H5T_STRING || rank != 1 || d[0] != 2) {
        char tname[32], dtext[128];
        st = data_error_set(err, DATA_BAD_FORMAT, path, 0, 0,
                            "list_classes holds %s values of shape %s; expected two strings (the names of 0 and 1)",
                            h5data_type_name(type, tname, sizeof tname),
                            rank >= 1 && rank <= 4 ? h5data_dims_text(d, rank, dtext, sizeof dtext) : "()");
        goto done;
    }
    mem = H5Tcopy(H5T_C_S1);
    if (mem < 0) {
        st = data_error_set(err, DATA_NO_MEMORY, path, 0, 0, "out of memory reading list_classes");
        goto done;
    }
    if (H5Tis_variable_str(type) > 0) {
        H5Tset_size(mem, H5T_VARIABLE);
        if (H5Dread(dset, mem, H5S_ALL, H5S_ALL, H5P_DEFAULT, vlen) < 0) {
            st = data_error_set(err, DATA_BAD_FORMAT, path, 0, 0, "cannot read list_classes (damaged?)");
            goto done;
        }
        for (int i = 0; i < 2; i++)
            snprintf(out->class_names[i], H5DATA_CLASS_MAX, "%s", vlen[i] ? vlen[i] : "");
        hid_t space = H5Dget_space(dset);
        H5Dvlen_reclaim(mem, space, H5P_DEFAULT, vlen);
        H5Sclose(space);
    } else {
        size_t size = H5Tget_size(type);
        if (size == 0 || size > 4096) {
            st = data_error_set(err, DATA_BAD_FORMAT, path, 0, 0, "list_classes has strings of %zu bytes", size);
            goto done;
        }
        H5Tset_size(mem, size);
        H5Tset_strpad(mem, H5T_STR_NULLPAD);
        fixed = calloc(2, size + 1);
        if (fixed == NULL) {
            st = data_error_set(err, DATA_NO_MEMORY, path, 0, 0, "out of memory reading list_classes");
            goto done;
        }
        if (H5Dread(dset, mem, H5S_ALL, H5S_ALL, H5P_DEFAULT, fixed) < 0) {
            st = data_error_set(err, DATA_BAD_FORMAT, path, 0, 0, "cannot read list_classes (damaged?)");
            goto done;
        }
        for (int i = 0; i < 2; i++)
            snprintf(out->class_names[i], H5DATA_CLASS_MAX, "%.*s", (int)strnlen(fixed + (size_t)i * size, size),
                     fixed + (size_t)i * size);
    }
    /* A name is shown on screen: keep printable ASCII and UTF-8 bytes only. */
    for (int i = 0; i < 2; i++)
        for (char *p = out->class_names[i]; *p; p++)
            if ((unsigned char)*p < 0x20 || *p == 0x7f)
                *p = '?';
    out->has_classes = true;
done:
    free(fixed);
    if (mem >= 0)
        H5Tclose(mem);
    if (type >= 0)
        H5Tclose(type);
    if (dset >= 0)
        H5Dclose(dset);
    return st;
}

/* ---- reading ------------------------------------------------------------ */

data_status h5data_read_raw(const char *path, h5data_raw *out, data_error *err)
{
    memset(out, 0, sizeof *out);
    H5Eset_auto2(H5E_DEFAULT, NULL, NULL);
    htri_t is = H5Fis_hdf5(path);
    if (is <= 0) {
        H5Eclear2(H5E_DEFAULT);
        return data_error_set(err, DATA_BAD_FORMAT, path, 0, 0, "not an HDF5 file (no HDF5 signature)");
    }

    data_status st = DATA_OK;
    char reason[DATA_ERROR_MESSAGE_MAX / 2];
    char x_name[H5DATA_PREFIX_MAX + 8], y_name[H5DATA_PREFIX_MAX + 8];
    hid_t file = -1, xd = -1, yd = -1;
    int64_t *labels = NULL;
    h5data_layout lay = {0, 0, 0, 0};

    /* Closing the file closes everything opened in it, even an object the
     * library half-opened before finding it damaged (the default "weak"
     * close keeps the file, and its memory, alive for such objects). */
    hid_t fapl = H5Pcreate(H5P_FILE_ACCESS);
    if (fapl >= 0)
        H5Pset_fclose_degree(fapl, H5F_CLOSE_STRONG);
    file = H5Fopen(path, H5F_ACC_RDONLY, fapl >= 0 ? fapl : H5P_DEFAULT);
    if (fapl >= 0)
        H5Pclose(fapl);
    if (file < 0) {
        h5data_reason(reason);
        st = data_error_set(err, DATA_BAD_FORMAT, path, 0, 0, "cannot be opened as HDF5, truncated or damaged%s%s",
                            reason[0] ? ": " : "", reason);
        goto fail;
    }
    if ((st = h5data_find_pair(file, path, out->prefix, err)) != DATA_OK)
        goto fail;
    snprintf(x_name, sizeof x_name, "%s_set_x", out->prefix);
    snprintf(y_name, sizeof y_name, "%s_set_y", out->prefix);
    xd = H5Dopen2(file, x_name, H5P_DEFAULT);
    yd = H5Dopen2(file, y_name, H5P_DEFAULT);
    if (xd < 0 || yd < 0) {
        st = data_error_set(err, DATA_BAD_FORMAT, path, 0, 0, "%s is not a dataset (a group?)",
                            xd < 0 ? x_name : y_name);
        goto fail;
    }
    if ((st = h5data_check_x(xd, path, x_name, &lay, err)) != DATA_OK ||
        (st = h5data_check_y(yd, path, x_name, y_name, lay.m, err)) != DATA_OK)
        goto fail;

    size_t n_x = (size_t)lay.h * (size_t)lay.w * (size_t)lay.c;
    out->pixels = malloc(lay.m * n_x);
    out->labels = malloc(lay.m);
    labels = malloc(lay.m * sizeof *labels);
    if (out->pixels == NULL || out->labels == NULL || labels == NULL) {
        st = data_error_set(err, DATA_NO_MEMORY, path, 0, 0, "out of memory reading %zu pictures", lay.m);
        goto fail;
    }
    if (H5Dread(xd, H5T_NATIVE_UCHAR, H5S_ALL, H5S_ALL, H5P_DEFAULT, out->pixels) < 0) {
        h5data_reason(reason);
        st = data_error_set(err, DATA_BAD_FORMAT, path, 0, 0, "cannot read %s, truncated or damaged%s%s", x_name,
                            reason[0] ? ": " : "", reason);
        goto fail;
    }
    if (H5Dread(yd, H5T_NATIVE_INT64, H5S_ALL, H5S_ALL, H5P_DEFAULT, labels) < 0) {
        h5data_reason(reason);
        st = data_error_set(err, DATA_BAD_FORMAT, path, 0, 0, "cannot read %s, truncated or damaged%s%s", y_name,
                            reason[0] ? ": " : "", reason);
        goto fail;
    }
    for (size_t i = 0; i < lay.m; i++) {
        if (labels[i] != 0 && labels[i] != 1) {
            st = data_error_set(err, DATA_BAD_FORMAT, path, 0, 0, "%s[%zu] is %lld; labels must be 0 or 1", y_name, i,
                                (long long)labels[i]);
            goto fail;
        }
        out->labels[i] = (unsigned char)labels[i];
    }
    if ((st = h5data_read_classes(file, path, out, err)) != DATA_OK)
        goto fail;
    out->m = lay.m;
    out->height = lay.h;
    out->width = lay.w;
    out->channels = lay.c;
    free(labels);
    H5Dclose(xd);
    H5Dclose(yd);
    H5Fclose(file);
    return DATA_OK;

fail:
    free(labels);
    if (xd >= 0)
        H5Dclose(xd);
    if (yd >= 0)
        H5Dclose(yd);
    if (file >= 0)
        H5Fclose(file);
    H5Eclear2(H5E_DEFAULT);
    h5data_raw_free(out);
    return st;
}
