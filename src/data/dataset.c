#include "dataset.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "course.h"
#include "csv.h"
#include "generate.h"
#include "h5data.h"
#include "paths.h"
#include "prep.h"

static const dataset_info dataset_table[] = {
    {"planar", 2, true, 0.0,
     "Planar flower: two petal classes, 400 points (week 3)",
     "平面“花朵”：两类花瓣，400 个点（第 3 周）"},
    {"circles", 2, true, 0.0,
     "Noisy circles: an inner ring inside an outer ring",
     "带噪声的同心圆：外圈里面套着内圈"},
    {"moons", 2, true, 0.0,
     "Noisy moons: two interleaved half moons",
     "带噪声的双月：两个交错的半月形"},
    {"blobs", 2, true, 0.0,
     "Blobs: six Gaussian clusters, classes alternate",
     "高斯团：六个簇，类别交替"},
    {"quantiles", 2, true, 0.0,
     "Gaussian quantiles: inside vs outside the median radius",
     "高斯分位数：中位半径以内与以外"},
    {"cancer", 30, false, 0.2,
     "Breast cancer (Wisconsin): 569 cases, 30 features, 1 = benign",
     "乳腺癌（威斯康星）：569 例，30 个特征，1 = 良性"},
    {"digits", 64, false, 0.2,
     "Handwritten digits 8x8: is it a 3? 1797 images",
     "8×8 手写数字：是不是 3？共 1797 张图"},
    {"cat", 12288, false, 0.0,
     "The course's cat pictures 64x64: 209 to train, 50 to test (weeks 2, 4)",
     "课程的猫图 64×64：209 张训练，50 张测试（第 2、4 周）"},
};
#define DATASET_BUILTINS (sizeof dataset_table / sizeof dataset_table[0])

const dataset_info *dataset_builtins(size_t *count)
{
    *count = DATASET_BUILTINS;
    return dataset_table;
}

const dataset_info *dataset_builtin_info(const char *name)
{
    if (name == NULL)
        return NULL;
    for (size_t i = 0; i < DATASET_BUILTINS; i++)
        if (strcmp(name, dataset_table[i].name) == 0)
            return &dataset_table[i];
    return NULL;
}

bool dataset_is_builtin(const char *name)
{
    return dataset_builtin_info(name) != NULL;
}

int dataset_n_features(const char *name)
{
    const dataset_info *info = dataset_builtin_info(name);
    return info ? info->n_features : -1;
}

data_load_options data_load_defaults(void)
{
    data_load_options o = {0.0, 1, false, NULL, NULL};
    return o;
}

data_load_options data_load_options_from_spec(const run_spec *spec)
{
    data_load_options o = data_load_defaults();
    o.test_split = spec->test_split;
    o.seed = spec->data_seed;
    o.standardise = spec->standardise;
    o.course_dir = spec->course_dir[0] ? spec->course_dir : NULL;
    o.test_path = spec->test_data[0] ? spec->test_data : NULL;
    return o;
}

size_t dataset_m(const dataset *ds)
{
    return ds->Y ? ds->Y->cols : 0;
}

size_t dataset_m_test(const dataset *ds)
{
    return ds->Y_test ? ds->Y_test->cols : 0;
}

char *dataset_describe(const dataset *ds, char *buf, size_t size)
{
    if (size == 0)
        return buf;
    const char *scaled = ds->standardised      ? " (standardised)"
                         : ds->image_side > 0  ? " (pixels / 16)"
                         : ds->image_width > 0 ? " (pixels / 255)"
                                               : "";
    if (ds->X_test != NULL)
        snprintf(buf, size, "%s: %zu training + %zu test examples, %d features%s", ds->name, dataset_m(ds),
                 dataset_m_test(ds), ds->n_x, scaled);
    else
        snprintf(buf, size, "%s: %zu examples, %d features%s", ds->name, dataset_m(ds), ds->n_x, scaled);
    return buf;
}

void dataset_free(dataset *ds)
{
    if (ds == NULL)
        return;
    mat_free(ds->X);
    mat_free(ds->Y);
    mat_free(ds->X_test);
    mat_free(ds->Y_test);
    if (ds->feature_names != NULL)
        for (int i = 0; i < ds->n_x; i++)
            free(ds->feature_names[i]);
    free(ds->feature_names);
    free(ds->feature_mean);
    free(ds->feature_std);
    free(ds);
}

/* ---- the three sources ------------------------------------------------- */

static data_status dataset_generate(dataset *ds, gen_kind kind, uint32_t seed, data_error *err)
{
    ds->n_x = 2;
    ds->X = mat_new(2, GEN_DEFAULT_M);
    ds->Y = mat_new(1, GEN_DEFAULT_M);
    ds->feature_names = calloc(2, sizeof *ds->feature_names);
    if (ds->X == NULL || ds->Y == NULL || ds->feature_names == NULL ||
        (ds->feature_names[0] = strdup("x1")) == NULL || (ds->feature_names[1] = strdup("x2")) == NULL ||
        !gen_make(kind, seed, ds->X, ds->Y))
        return data_error_set(err, DATA_NO_MEMORY, ds->name, 0, 0, "out of memory generating the data set");
    return DATA_OK;
}

/* Reads a CSV into ds, taking over the table's matrices and names. */
static data_status dataset_read_csv(dataset *ds, const char *path, const csv_options *copt, data_error *err)
{
    csv_table t;
    data_status st = csv_load(path, copt, &t, err);
    if (st != DATA_OK)
        return st;
    snprintf(ds->source, sizeof ds->source, "%s", path);
    ds->n_x = t.n_x;
    ds->X = t.X;
    ds->Y = t.Y;
    ds->feature_names = t.names;
    return DATA_OK;
}

/* Reads an HDF5 picture file into ds (see h5data.h). */
static data_status dataset_read_h5(dataset *ds, const char *path, data_error *err)
{
    h5data h;
    data_status st = h5data_load(path, &h, err);
    if (st != DATA_OK)
        return st;
    ds->feature_names = calloc((size_t)h.n_x, sizeof *ds->feature_names);
    if (ds->feature_names == NULL) {
        h5data_free(&h);
        return data_error_set(err, DATA_NO_MEMORY, path, 0, 0, "out of memory");
    }
    ds->n_x = h.n_x;
    for (int k = 0; k < h.n_x; k++) {
        /* feature k is pixel (row, col, channel) with k = (row·w + col)·c + channel */
        static const char rgb[] = "RGB";
        int ch = k % h.channels, px = k / h.channels;
        char name[48];
        if (h.channels == 3)
            snprintf(name, sizeof name, "r%dc%d%c", px / h.width, px % h.width, rgb[ch]);
        else
            snprintf(name, sizeof name, "r%dc%d", px / h.width, px % h.width);
        if ((ds->feature_names[k] = strdup(name)) == NULL) {
            h5data_free(&h);
            return data_error_set(err, DATA_NO_MEMORY, path, 0, 0, "out of memory");
        }
    }
    snprintf(ds->source, sizeof ds->source, "%s", path);
    ds->X = h.X;
    ds->Y = h.Y;
    ds->image_height = h.height;
    ds->image_width = h.width;
    ds->image_channels = h.channels;
    for (int c = 0; c < 2; c++) {
        snprintf(ds->class_text[c], sizeof ds->class_text[c], "%s", h.class_names[c]);
        ds->class_names[c] = ds->class_text[c];
    }
    return DATA_OK;
}

static bool dataset_looks_hdf5(const char *path)
{
    const char *dot = strrchr(path, '.');
    if (dot != NULL && (strcasecmp(dot, ".h5") == 0 || strcasecmp(dot, ".hdf5") == 0))
        return true;
    return h5data_is_hdf5(path);
}

/* Reads the test part from its own file (HDF5 or CSV): the same features as
 * the training part, the same picture size when both are pictures. */
static data_status dataset_read_test(dataset *ds, const char *path, data_error *err)
{
    mat *X = NULL, *Y = NULL;
    int n_x, h = 0, w = 0, c = 0;
    data_status st;
    if (dataset_looks_hdf5(path)) {
        h5data t;
        if ((st = h5data_load(path, &t, err)) != DATA_OK)
            return st;
        X = t.X, Y = t.Y, n_x = t.n_x, h = t.height, w = t.width, c = t.channels;
    } else {
        csv_table t;
        if ((st = csv_load(path, NULL, &t, err)) != DATA_OK)
            return st;
        X = t.X, Y = t.Y, n_x = t.n_x;
        t.X = t.Y = NULL;
        csv_table_free(&t);
    }
    if (n_x != ds->n_x || (h > 0 && ds->image_width > 0 &&
                           (h != ds->image_height || w != ds->image_width || c != ds->image_channels))) {
        char mine[64] = "", theirs[64] = "";
        if (h > 0)
            snprintf(mine, sizeof mine, " (%d×%d×%d pictures)", h, w, c);
        if (ds->image_width > 0)
            snprintf(theirs, sizeof theirs, " (%d×%d×%d pictures)", ds->image_height, ds->image_width,
                     ds->image_channels);
        mat_free(X);
        mat_free(Y);
        return data_error_set(err, DATA_BAD_FORMAT, path, 0, 0,
                              "the test set has %d features%s but the training set %s has %d%s", n_x, mine,
                              ds->source[0] ? ds->source : ds->name, ds->n_x, theirs);
    }
    ds->X_test = X;
    ds->Y_test = Y;
    snprintf(ds->test_source, sizeof ds->test_source, "%s", path);
    return DATA_OK;
}

/* The course's cat files, found as course.h says; both must be there. */
static data_status dataset_read_course(dataset *ds, const char *given_dir, char *test_path, size_t test_size,
                                       data_error *err)
{
    char train[DATA_PATH_MAX], where[DATA_ERROR_MESSAGE_MAX / 2], home[DATA_PATH_MAX];
    if (!course_find(given_dir, COURSE_TRAIN_FILE, train, sizeof train)) {
        course_places_text(given_dir, where, sizeof where);
        course_default_dir(home, sizeof home);
        return data_error_set(err, DATA_NOT_FOUND, ds->name, 0, 0,
                              "the course's cat pictures (" COURSE_TRAIN_FILE ", " COURSE_TEST_FILE
                              ") were not found; looked in %s. Copy the files of the week 2 or week 4 notebook's "
                              "datasets/ folder into %s, or give --course-data DIR (dnn-tutor does not ship them)",
                              where, home[0] ? home : "a directory");
    }
    if (!course_test_sibling(train, test_path, test_size))
        return data_error_set(err, DATA_NOT_FOUND, ds->name, 0, 0,
                              "found %s but not " COURSE_TEST_FILE " beside it; copy both files of the notebook's "
                              "datasets/ folder",
                              train);
    return dataset_read_h5(ds, train, err);
}

/* A built-in backed by a file under the data root (datasets/<file>). */
static data_status dataset_read_builtin(dataset *ds, const char *file, const csv_options *copt, data_error *err)
{
    char rel[128], path[DATA_PATH_MAX];
    snprintf(rel, sizeof rel, "datasets/%s", file);
    if (!data_find(rel, path, sizeof path)) {
        char where[DATA_ERROR_MESSAGE_MAX];
        data_roots_text(where, sizeof where);
        return data_error_set(err, DATA_NOT_FOUND, ds->name, 0, 0,
                              "%s not found; looked in %s%s", rel, where,
                              getenv("DNN_TUTOR_DATADIR") && *getenv("DNN_TUTOR_DATADIR") ? "" : " (set DNN_TUTOR_DATADIR)");
    }
    return dataset_read_csv(ds, path, copt, err);
}

/* Plot range of a 2-D set over train and test: min − 1 … max + 1 per axis. */
static void dataset_plot_range(dataset *ds)
{
    for (size_t d = 0; d < 2; d++) {
        double lo = INFINITY, hi = -INFINITY;
        const mat *parts[2] = {ds->X, ds->X_test};
        for (size_t p = 0; p < 2; p++) {
            if (parts[p] == NULL)
                continue;
            for (size_t i = 0; i < parts[p]->cols; i++) {
                double x = mat_get(parts[p], d, i);
                lo = x < lo ? x : lo;
                hi = x > hi ? x : hi;
            }
        }
        ds->lo[d] = lo - 1.0;
        ds->hi[d] = hi + 1.0;
    }
}

data_status dataset_load(const char *name_or_path, const data_load_options *opt, dataset **out, data_error *err)
{
    *out = NULL;
    data_load_options defaults = data_load_defaults();
    if (opt == NULL)
        opt = &defaults;
    const char *name = name_or_path ? name_or_path : "";
    if (name[0] == '\0')
        return data_error_set(err, DATA_NOT_FOUND, NULL, 0, 0, "no data set given");
    if (!(opt->test_split == 0.0 || (opt->test_split > 0.0 && opt->test_split <= PREP_MAX_TEST_SPLIT)))
        return data_error_set(err, DATA_BAD_ARGUMENT, name, 0, 0,
                              "test split %g is out of range; use 0 (no split) up to %g", opt->test_split,
                              PREP_MAX_TEST_SPLIT);
    dataset *ds = calloc(1, sizeof *ds);
    if (ds == NULL)
        return data_error_set(err, DATA_NO_MEMORY, name, 0, 0, "out of memory");
    snprintf(ds->name, sizeof ds->name, "%s", name);
    ds->class_names[0] = "0";
    ds->class_names[1] = "1";

    data_status st;
    bool standardise = false;
    char test_path[DATA_PATH_MAX] = "";
    gen_kind kind;
    if (gen_parse(name, &kind)) {
        ds->builtin = true;
        st = dataset_generate(ds, kind, opt->seed, err);
    } else if (strcmp(name, "cancer") == 0) {
        /* sklearn's coding, kept: 0 = malignant, 1 = benign */
        ds->builtin = true;
        ds->class_names[0] = "malignant";
        ds->class_names[1] = "benign";
        csv_options copt = csv_default_options();
        st = dataset_read_builtin(ds, "breast_cancer.csv", &copt, err);
        standardise = true;
    } else if (strcmp(name, "digits") == 0) {
        /* the 10-class file becomes one binary question: y = 1 when the digit is a 3 */
        ds->builtin = true;
        ds->class_names[0] = "not 3";
        ds->class_names[1] = "3";
        ds->image_side = 8;
        ds->image_height = ds->image_width = 8;
        ds->image_channels = 1;
        csv_options copt = {CSV_LABEL_EQUALS, 3.0};
        st = dataset_read_builtin(ds, "digits.csv", &copt, err);
        if (st == DATA_OK)
            mat_scale(ds->X, 1.0 / 16.0); /* pixels 0 … 16 → 0 … 1 */
    } else if (strcmp(name, "cat") == 0) {
        ds->builtin = true;
        st = dataset_read_course(ds, opt->course_dir, test_path, sizeof test_path, err);
    } else if (!strchr(name, '/') && !strchr(name, '.') && access(name, F_OK) != 0) {
        /* Not a built-in and nothing that looks like a file: say what exists. */
        st = data_error_set(err, DATA_NOT_FOUND, NULL, 0, 0,
                            "unknown data set '%s': use planar, circles, moons, blobs, quantiles, cancer, "
                            "digits, cat, or the path of a CSV or HDF5 file",
                            name);
    } else if (dataset_looks_hdf5(name)) {
        st = dataset_read_h5(ds, name, err);
        if (st == DATA_OK && !course_test_sibling(name, test_path, sizeof test_path))
            test_path[0] = '\0';
        standardise = opt->standardise;
    } else {
        csv_options copt = csv_default_options();
        st = dataset_read_csv(ds, name, &copt, err);
        standardise = opt->standardise;
    }
    if (st != DATA_OK)
        goto fail;

    /* A test set of its own: --test-data, else the train file's sibling. */
    if (opt->test_path != NULL && opt->test_path[0] != '\0')
        snprintf(test_path, sizeof test_path, "%s", opt->test_path);
    if (test_path[0] != '\0') {
        if (opt->test_split > 0.0) {
            st = data_error_set(err, DATA_BAD_ARGUMENT, name, 0, 0,
                                "has a test set of its own (%s); a test split does not apply", test_path);
            goto fail;
        }
        if ((st = dataset_read_test(ds, test_path, err)) != DATA_OK)
            goto fail;
    }

    if (opt->test_split > 0.0) {
        mat *xtr, *ytr, *xte, *yte;
        st = prep_split(ds->X, ds->Y, opt->test_split, opt->seed, &xtr, &ytr, &xte, &yte, err);
        if (st != DATA_OK) {
            if (err != NULL)
                snprintf(err->file, sizeof err->file, "%s", name);
            goto fail;
        }
        mat_free(ds->X);
        mat_free(ds->Y);
        ds->X = xtr;
        ds->Y = ytr;
        ds->X_test = xte;
        ds->Y_test = yte;
    }
    if (standardise) {
        ds->feature_mean = malloc((size_t)ds->n_x * sizeof *ds->feature_mean);
        ds->feature_std = malloc((size_t)ds->n_x * sizeof *ds->feature_std);
        if (ds->feature_mean == NULL || ds->feature_std == NULL ||
            !prep_standardise(ds->X, ds->X_test, ds->feature_mean, ds->feature_std)) {
            st = data_error_set(err, DATA_NO_MEMORY, name, 0, 0, "out of memory standardising");
            goto fail;
        }
        ds->standardised = true;
    }
    if (ds->n_x == 2)
        dataset_plot_range(ds);
    *out = ds;
    return DATA_OK;

fail:
    dataset_free(ds);
    return st;
}
