/*
 * dataset.h — one entry point for every data set dnn-tutor trains on.
 *
 *   name_or_path ──► built-in?  planar circles moons blobs quantiles  (generated, 2-D, seeded)
 *                               cancer   datasets/breast_cancer.csv   (30 features, standardised)
 *                               digits   datasets/digits.csv          (64 pixels / 16, label = "is it a 3?")
 *                               cat      the course's train_catvnoncat.h5 and test_catvnoncat.h5, found
 *                                        as course.h says (12288 pixels / 255, its fixed 209/50 split)
 *                    otherwise  an HDF5 file (*.h5, *.hdf5, or the HDF5 signature; see h5data.h)
 *                               or a CSV file path (see csv.h for its rules)
 *                        │
 *                        ▼
 *                 a test set of its own: --test-data FILE (HDF5 or CSV), else beside an HDF5 train
 *                 file its test sibling (…train….h5 → …test….h5; course.h); or else
 *                 split (test_split > 0, seeded)  ──►  standardise (train statistics)
 *                        │
 *                        ▼
 *                 dataset { X (n_x, m), Y (1, m), X_test, Y_test, … }
 *
 * A built-in name always means the built-in; to load a file called "planar"
 * write "./planar". The course layout holds throughout: one column per
 * example, labels 0/1 in a (1, m) row.
 *
 * Ownership: dataset_load returns a dataset the caller frees with
 * dataset_free; every pointer inside belongs to it.
 */
#ifndef DNN_DATA_DATASET_H
#define DNN_DATA_DATASET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/matrix.h"
#include "data_error.h"
#include "paths.h"
#include "runspec.h"

#define DATASET_NAME_MAX 512

typedef struct dataset {
    char name[DATASET_NAME_MAX];   /* the built-in name, or the file's path as given */
    char source[DATA_PATH_MAX];    /* the file read ("" for generated sets) */
    char test_source[DATA_PATH_MAX]; /* the file the test part was read from; "" when split or none */
    bool builtin;
    int n_x;                       /* features per example */
    mat *X, *Y;                    /* training part: (n_x, m) and (1, m) — everything when no split */
    mat *X_test, *Y_test;          /* test part (n_x, m_test), (1, m_test); NULL when no split */
    char **feature_names;          /* n_x names ("x1", "x2" for generated sets, CSV header names) */
    const char *class_names[2];    /* what labels 0 and 1 mean, in English ("malignant", "benign"; "0", "1") */
    int image_side;                /* 8 for digits (an example is an 8×8 image, row by row); 0 otherwise */
    int image_height;              /* pictures: an example is height × width × channels values in C
                                      order (feature (row·width + col)·channels + channel): 8×8×1 for */
    int image_width;               /* digits, 64×64×3 for the course's cat files; 0 when the examples */
    int image_channels;            /* are not pictures */
    char class_text[2][32];        /* storage behind class_names when a file names its classes */
    bool standardised;             /* features were standardised with the training statistics */
    double *feature_mean;          /* n_x training means and std devs when standardised, else NULL */
    double *feature_std;
    double lo[2], hi[2];           /* 2-D sets: plot range, min − 1 … max + 1 over all examples
                                      (the course's decision-boundary plot); zeros when n_x != 2 */
} dataset;

typedef struct data_load_options {
    double test_split;   /* fraction held out for testing: 0 (no split) or (0, 0.9] */
    uint32_t seed;       /* seed of generated sets and of the split (the course's 1 by default) */
    bool standardise;    /* user CSV files only: standardise the features. Built-ins decide for
                            themselves: cancer is always standardised, digits scaled by 1/16,
                            generated sets left alone. */
    const char *course_dir;  /* --course-data DIR for the name "cat" (course.h); NULL = the usual places */
    const char *test_path;   /* --test-data FILE: the test set, HDF5 or CSV; NULL = none (or the sibling) */
} data_load_options;

/* {test_split 0, seed 1, standardise false, no course dir, no test file}; the same as passing NULL. */
data_load_options data_load_defaults(void);
/* The options a run_spec asks for: its test_split, data_seed, standardise,
 * course_dir and test_data (pointers into spec: keep it alive while loading). */
data_load_options data_load_options_from_spec(const run_spec *spec);

/* Loads a built-in or a CSV file as described at the top. On DATA_OK *out is
 * the new dataset; otherwise *out is NULL and err (may be NULL) says why:
 * DATA_NOT_FOUND (no such file, or a built-in's CSV or the course's files
 * missing — the message lists where it looked and, for the course's files,
 * how to get them), DATA_BAD_ARGUMENT (test_split out of range, too few
 * examples to split, a test split with a test set of its own), BAD_FORMAT
 * (also: a test file whose features differ from the training file's), DATA_NO_MEMORY, and every csv_load and h5data_load
 * status with its FILE:LINE. opt may be NULL. */
data_status dataset_load(const char *name_or_path, const data_load_options *opt, dataset **out,
                         data_error *err);
/* Frees ds and all it owns; NULL is fine. */
void dataset_free(dataset *ds);

/* Training and test example counts (0 for a missing part). */
size_t dataset_m(const dataset *ds);
size_t dataset_m_test(const dataset *ds);

/* One line for a status bar or a report, e.g.
 *   "cancer: 455 training + 114 test examples, 30 features (standardised)"
 *   "planar: 400 examples, 2 features"
 * Written into buf (always terminated when size > 0); returns buf. */
char *dataset_describe(const dataset *ds, char *buf, size_t size);

/* What the UI shows about a built-in. */
typedef struct dataset_info {
    const char *name;         /* "planar", … */
    int n_features;           /* 2, 30, 64 or 12288 */
    bool two_d;               /* can be drawn as points over decision regions */
    double suggested_split;   /* a sensible test_split for it (0 for the 2-D toys, 0.2 otherwise) */
    const char *summary_en;   /* one line, ≤ 70 columns */
    const char *summary_zh;
} dataset_info;

/* The built-ins in menu order (planar first); *count receives how many. */
const dataset_info *dataset_builtins(size_t *count);
/* The entry for a built-in name, or NULL. */
const dataset_info *dataset_builtin_info(const char *name);
/* Whether name is a built-in (exact, case-sensitive). */
bool dataset_is_builtin(const char *name);
/* Features of a built-in without loading it (2, 30, 64, 12288); −1 for anything else. */
int dataset_n_features(const char *name);

#endif
