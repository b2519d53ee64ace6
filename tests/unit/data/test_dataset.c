/* dataset_load: built-ins, the two real data sets, user files, and finding data files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "dnn_test.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "data_test.h"
#include "dataset.h"
#include "generate.h"
#include "paths.h"

static dataset *load(const char *name, const data_load_options *opt)
{
    dataset *ds = NULL;
    data_error err;
    data_status st = dataset_load(name, opt, &ds, &err);
    if (st != DATA_OK) {
        char text[DATA_ERROR_TEXT_MAX];
        fail_msg("%s", data_error_format(&err, text, sizeof text));
    }
    return ds;
}

static size_t count_ones(const mat *Y)
{
    size_t n = 0;
    for (size_t i = 0; i < Y->cols; i++)
        n += mat_get(Y, 0, i) == 1.0;
    return n;
}

static void planar_through_dataset_load_is_the_generator_with_a_padded_range(void **state)
{
    (void)state;
    dataset *ds = load("planar", NULL);
    assert_true(ds->builtin);
    assert_int_equal(ds->n_x, 2);
    assert_int_equal(dataset_m(ds), 400);
    assert_null(ds->X_test);
    assert_int_equal(dataset_m_test(ds), 0);
    assert_near(mat_get(ds->X, 0, 0), 1.20444229, 1e-8);
    /* numpy: X.min(axis=1) − 1 and X.max(axis=1) + 1 */
    assert_near(ds->lo[0], -4.211898112302496 - 1, 1e-9);
    assert_near(ds->hi[0], 4.078165875644617 + 1, 1e-9);
    assert_near(ds->lo[1], -4.035124003739588 - 1, 1e-9);
    assert_near(ds->hi[1], 4.037643470481509 + 1, 1e-9);
    assert_string_equal(ds->feature_names[1], "x2");
    assert_false(ds->standardised);
    char line[128];
    assert_string_equal(dataset_describe(ds, line, sizeof line), "planar: 400 examples, 2 features");
    dataset_free(ds);
}

static void every_generated_built_in_loads_with_two_features(void **state)
{
    (void)state;
    for (int k = 0; k < GEN_COUNT; k++) {
        dataset *ds = load(gen_name((gen_kind)k), NULL);
        assert_int_equal(ds->n_x, 2);
        assert_int_equal(dataset_m(ds), GEN_DEFAULT_M);
        assert_true(ds->lo[0] < ds->hi[0] && ds->lo[1] < ds->hi[1]);
        dataset_free(ds);
    }
}

static void cancer_loads_569_by_30_standardised(void **state)
{
    (void)state;
    dataset *ds = load("cancer", NULL);
    assert_int_equal(ds->n_x, 30);
    assert_int_equal(ds->X->rows, 30);
    assert_int_equal(dataset_m(ds), 569);
    assert_int_equal(count_ones(ds->Y), 357); /* 1 = benign: 357, 0 = malignant: 212 */
    assert_string_equal(ds->class_names[1], "benign");
    assert_string_equal(ds->feature_names[0], "mean_radius");
    assert_string_equal(ds->feature_names[29], "worst_fractal_dimension");
    assert_true(ds->standardised);
    /* mean radius: the scikit-learn description gives mean 14.127, std 3.524 */
    assert_near(ds->feature_mean[0], 14.127, 0.001);
    assert_near(ds->feature_std[0], 3.521, 0.005);
    double row_sum = 0;
    for (size_t i = 0; i < 569; i++)
        row_sum += mat_get(ds->X, 3, i);
    assert_near(row_sum / 569, 0, 1e-12);
    assert_int_equal(ds->image_side, 0);
    dataset_free(ds);
}

static void cancer_splits_80_20_with_the_training_statistics(void **state)
{
    (void)state;
    data_load_options opt = data_load_defaults();
    opt.test_split = 0.2;
    opt.seed = 3;
    dataset *a = load("cancer", &opt), *b = load("cancer", &opt);
    assert_int_equal(dataset_m(a), 455);
    assert_int_equal(dataset_m_test(a), 114);
    assert_int_equal(a->X_test->rows, 30);
    assert_exact(mat_max_abs_diff(a->X, b->X), 0.0);
    assert_exact(mat_max_abs_diff(a->Y_test, b->Y_test), 0.0);
    assert_int_equal(count_ones(a->Y) + count_ones(a->Y_test), 357);
    /* standardised with the training part: its mean is 0, the test part's is not exactly */
    double tr = 0, te = 0;
    for (size_t i = 0; i < 455; i++)
        tr += mat_get(a->X, 0, i);
    for (size_t i = 0; i < 114; i++)
        te += mat_get(a->X_test, 0, i);
    assert_near(tr / 455, 0, 1e-12);
    assert_not_near(te / 114, 0, 1e-6);
    char line[256];
    assert_string_equal(dataset_describe(a, line, sizeof line),
                        "cancer: 455 training + 114 test examples, 30 features (standardised)");
    dataset_free(a);
    dataset_free(b);
}

static void digits_is_the_is_it_a_3_task_on_scaled_pixels(void **state)
{
    (void)state;
    dataset *ds = load("digits", NULL);
    assert_int_equal(ds->n_x, 64);
    assert_int_equal(dataset_m(ds), 1797);
    assert_int_equal(count_ones(ds->Y), 183);
    assert_int_equal(ds->image_side, 8);
    assert_false(ds->standardised);
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < mat_size(ds->X); i++) {
        lo = fmin(lo, ds->X->v[i]);
        hi = fmax(hi, ds->X->v[i]);
    }
    assert_exact(lo, 0.0);
    assert_exact(hi, 1.0);
    /* first example of the file: pixels 0,0,5,13,… → p2 = 5/16; label 0 */
    assert_exact(mat_get(ds->X, 2, 0), 5.0 / 16.0);
    assert_exact(mat_get(ds->Y, 0, 0), 0.0);
    assert_string_equal(ds->class_names[1], "3");
    dataset_free(ds);
}

static void the_digits_file_as_a_user_csv_is_refused_for_its_labels(void **state)
{
    (void)state;
    char path[4096];
    assert_true(data_find("datasets/digits.csv", path, sizeof path));
    dataset *ds = (dataset *)1;
    data_error err;
    assert_int_equal(dataset_load(path, NULL, &ds, &err), DATA_BAD_FORMAT);
    assert_null(ds);
    char text[DATA_ERROR_TEXT_MAX];
    data_error_format(&err, text, sizeof text);
    assert_non_null(strstr(text, "digits.csv:4: ")); /* rows 0, 1, then a 2 */
    assert_non_null(strstr(text, "\"2\" is not 0 or 1"));
}

static void a_user_csv_loads_and_can_be_standardised(void **state)
{
    (void)state;
    data_load_options opt = data_load_defaults();
    dataset *ds = load(fixture_path("tests/data/csv/ok_basic.csv"), &opt);
    assert_false(ds->builtin);
    assert_int_equal(ds->n_x, 2);
    assert_exact(mat_get(ds->X, 0, 0), 0.5);
    assert_near(ds->lo[0], -3.0, 1e-12);
    assert_near(ds->hi[0], 4.0, 1e-12);
    dataset_free(ds);
    opt.standardise = true;
    ds = load(fixture_path("tests/data/csv/ok_basic.csv"), &opt);
    assert_true(ds->standardised);
    assert_near(mat_get(ds->X, 0, 0) + mat_get(ds->X, 0, 1) + mat_get(ds->X, 0, 2), 0, 1e-12);
    dataset_free(ds);
}

static void a_bad_user_csv_reports_file_and_line(void **state)
{
    (void)state;
    dataset *ds = (dataset *)1;
    data_error err;
    assert_int_equal(dataset_load(fixture_path("tests/data/csv/err_ragged.csv"), NULL, &ds, &err),
                     DATA_BAD_FORMAT);
    assert_null(ds);
    char text[DATA_ERROR_TEXT_MAX];
    assert_non_null(strstr(data_error_format(&err, text, sizeof text), "err_ragged.csv:3: row has 2 columns"));
    assert_int_equal(dataset_load("no/such/file.csv", NULL, &ds, &err), DATA_NOT_FOUND);
    assert_string_equal(err.file, "no/such/file.csv");
}

static void a_test_split_out_of_range_is_a_bad_argument(void **state)
{
    (void)state;
    data_load_options opt = data_load_defaults();
    dataset *ds;
    data_error err;
    opt.test_split = 0.95;
    assert_int_equal(dataset_load("planar", &opt, &ds, &err), DATA_BAD_ARGUMENT);
    opt.test_split = -0.1;
    assert_int_equal(dataset_load("planar", &opt, &ds, &err), DATA_BAD_ARGUMENT);
    assert_int_equal(dataset_load("", NULL, &ds, &err), DATA_NOT_FOUND);
    /* a 3-row file split 0.5: 2 test, 1 train */
    opt.test_split = 0.5;
    ds = load(fixture_path("tests/data/csv/ok_basic.csv"), &opt);
    assert_int_equal(dataset_m(ds), 1);
    assert_int_equal(dataset_m_test(ds), 2);
    dataset_free(ds);
}

static void the_built_in_list_serves_the_ui(void **state)
{
    (void)state;
    size_t n;
    const dataset_info *list = dataset_builtins(&n);
    assert_int_equal(n, 8);
    assert_string_equal(list[0].name, "planar");
    assert_string_equal(list[7].name, "cat");
    for (size_t i = 0; i < n; i++) {
        assert_true(dataset_is_builtin(list[i].name));
        assert_true(strlen(list[i].summary_en) > 10 && strlen(list[i].summary_zh) > 10);
        assert_int_equal(dataset_n_features(list[i].name), list[i].n_features);
    }
    assert_int_equal(dataset_n_features("planar"), 2);
    assert_int_equal(dataset_n_features("moons"), 2);
    assert_int_equal(dataset_n_features("cancer"), 30);
    assert_int_equal(dataset_n_features("digits"), 64);
    assert_int_equal(dataset_n_features("mine.csv"), -1);
    assert_false(dataset_is_builtin("Planar"));
    assert_null(dataset_builtin_info(NULL));
    assert_true(dataset_builtin_info("cancer")->suggested_split > 0.0);
}

static void options_come_from_a_run_spec(void **state)
{
    (void)state;
    run_spec s = runspec_default();
    s.test_split = 0.25;
    s.data_seed = 9;
    data_load_options o = data_load_options_from_spec(&s);
    assert_exact(o.test_split, 0.25);
    assert_int_equal(o.seed, 9);
}

static void dnn_tutor_datadir_is_searched_first(void **state)
{
    (void)state;
    char dir[] = "/tmp/dnn-datadir-XXXXXX", sub[128], file[160], found[4096];
    assert_non_null(mkdtemp(dir));
    snprintf(sub, sizeof sub, "%s/datasets", dir);
    assert_int_equal(mkdir(sub, 0700), 0);
    snprintf(file, sizeof file, "%s/digits.csv", sub);
    FILE *f = fopen(file, "w");
    assert_non_null(f);
    fputs("p0,label\n0,3\n", f);
    fclose(f);
    setenv("DNN_TUTOR_DATADIR", dir, 1);
    assert_true(data_find("datasets/digits.csv", found, sizeof found));
    assert_string_equal(found, file);
    /* a file only the source tree has is still found there (tests run from the build tree) */
    assert_true(data_find("datasets/breast_cancer.csv", found, sizeof found));
    assert_non_null(strstr(found, getenv("DNN_TUTOR_SOURCE_ROOT")));
    assert_false(data_find("datasets/none.csv", found, sizeof found));
    char roots[DATA_MAX_ROOTS][DATA_PATH_MAX];
    assert_true(data_roots(roots, DATA_MAX_ROOTS) >= 2);
    assert_string_equal(roots[0], dir);
    /* set to what is not a directory: nothing is searched, and the message says why */
    setenv("DNN_TUTOR_DATADIR", "/nonexistent-dnn-tutor", 1);
    assert_false(data_find("datasets/breast_cancer.csv", found, sizeof found));
    assert_int_equal(data_roots(roots, DATA_MAX_ROOTS), 0);
    char why[600];
    assert_string_equal(data_roots_text(why, sizeof why),
                        "DNN_TUTOR_DATADIR=/nonexistent-dnn-tutor, which is not a directory");
    unsetenv("DNN_TUTOR_DATADIR");
    unlink(file);
    rmdir(sub);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(planar_through_dataset_load_is_the_generator_with_a_padded_range),
        cmocka_unit_test(every_generated_built_in_loads_with_two_features),
        cmocka_unit_test(cancer_loads_569_by_30_standardised),
        cmocka_unit_test(cancer_splits_80_20_with_the_training_statistics),
        cmocka_unit_test(digits_is_the_is_it_a_3_task_on_scaled_pixels),
        cmocka_unit_test(the_digits_file_as_a_user_csv_is_refused_for_its_labels),
        cmocka_unit_test(a_user_csv_loads_and_can_be_standardised),
        cmocka_unit_test(a_bad_user_csv_reports_file_and_line),
        cmocka_unit_test(a_test_split_out_of_range_is_a_bad_argument),
        cmocka_unit_test(the_built_in_list_serves_the_ui),
        cmocka_unit_test(options_come_from_a_run_spec),
        cmocka_unit_test(dnn_tutor_datadir_is_searched_first),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
