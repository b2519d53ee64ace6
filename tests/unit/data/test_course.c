/* The course's own data: where dnn-tutor looks for the cat files, the test
 * file beside a train file, and the data sets built from them — the name
 * "cat" with its fixed split, an HDF5 file with its sibling, --test-data. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "dnn_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "course.h"
#include "dataset.h"
#include "h5_fixture.h"

static void clear_env(void)
{
    unsetenv(COURSE_DATA_ENV);
    unsetenv("XDG_DATA_HOME");
}

static void the_places_follow_the_option_then_the_variable_then_xdg_and_the_current_directory(void **state)
{
    (void)state;
    char places[COURSE_MAX_PLACES][DATA_PATH_MAX], cwd[DATA_PATH_MAX];
    assert_non_null(getcwd(cwd, sizeof cwd));
    clear_env();
    setenv("HOME", "/home/learner", 1);
    size_t n = course_places(NULL, places, COURSE_MAX_PLACES);
    assert_int_equal(n, 4);
    assert_string_equal(places[0], "/home/learner/.local/share/dnn-tutor/course");
    assert_string_equal(places[1], "/home/learner/.local/share/dnn-tutor/course/datasets");
    assert_string_equal(places[2], cwd);

    setenv("XDG_DATA_HOME", "/xdg", 1);
    n = course_places("", places, COURSE_MAX_PLACES);
    assert_string_equal(places[0], "/xdg/dnn-tutor/course");
    setenv("XDG_DATA_HOME", "relative/ignored", 1);
    course_places(NULL, places, COURSE_MAX_PLACES);
    assert_string_equal(places[0], "/home/learner/.local/share/dnn-tutor/course");

    setenv(COURSE_DATA_ENV, "/from/env/", 1);
    n = course_places(NULL, places, COURSE_MAX_PLACES);
    assert_int_equal(n, 2);
    assert_string_equal(places[0], "/from/env");
    assert_string_equal(places[1], "/from/env/datasets");

    n = course_places("/given", places, COURSE_MAX_PLACES);
    assert_int_equal(n, 2);
    assert_string_equal(places[0], "/given");
    char text[512];
    assert_string_equal(course_places_text("/given", text, sizeof text), "/given, /given/datasets");
    clear_env();
}

static void the_test_file_is_the_train_file_with_train_turned_into_test(void **state)
{
    (void)state;
    char out[DATA_PATH_MAX];
    fclose(fopen(h5fx_path("train_catvnoncat.h5"), "w"));
    fclose(fopen(h5fx_path("test_catvnoncat.h5"), "w"));
    fclose(fopen(h5fx_path("cats_train_v2.h5"), "w"));
    fclose(fopen(h5fx_path("cats_test_v2.h5"), "w"));
    fclose(fopen(h5fx_path("lonely_train.h5"), "w"));
    assert_true(course_test_sibling(h5fx_path("train_catvnoncat.h5"), out, sizeof out));
    assert_string_equal(out, h5fx_path("test_catvnoncat.h5"));
    assert_true(course_test_sibling(h5fx_path("cats_train_v2.h5"), out, sizeof out));
    assert_string_equal(out, h5fx_path("cats_test_v2.h5"));
    assert_false(course_test_sibling(h5fx_path("lonely_train.h5"), out, sizeof out));
    assert_false(course_test_sibling(h5fx_path("pictures.h5"), out, sizeof out));
    /* only the file's own name counts, not a directory called train */
    assert_false(course_test_sibling("/tmp/train/pictures.h5", out, sizeof out));
    unlink(h5fx_path("train_catvnoncat.h5"));
    unlink(h5fx_path("test_catvnoncat.h5"));
    unlink(h5fx_path("cats_train_v2.h5"));
    unlink(h5fx_path("cats_test_v2.h5"));
    unlink(h5fx_path("lonely_train.h5"));
}

/* A course directory dir/datasets with small cat files (m 7 and 3, 4×4×3). */
static const char *make_course_dir(const char *name, int with_test)
{
    static char dir[256];
    char sub[300];
    snprintf(dir, sizeof dir, "%s", h5fx_path(name));
    mkdir(dir, 0700);
    snprintf(sub, sizeof sub, "%s/datasets", dir);
    mkdir(sub, 0700);
    char rel[128];
    snprintf(rel, sizeof rel, "%s/datasets/" COURSE_TRAIN_FILE, name);
    h5fx_write_course(rel, "train", 7, 4, 4, 3, 1);
    if (with_test) {
        snprintf(rel, sizeof rel, "%s/datasets/" COURSE_TEST_FILE, name);
        h5fx_write_course(rel, "test", 3, 4, 4, 3, 1);
    }
    return dir;
}

static void cat_is_the_course_files_with_their_fixed_split(void **state)
{
    (void)state;
    clear_env();
    const char *dir = make_course_dir("course", 1);
    data_load_options opt = data_load_defaults();
    opt.course_dir = dir;
    dataset *ds = NULL;
    data_error err;
    assert_int_equal(dataset_load("cat", &opt, &ds, &err), DATA_OK);
    assert_string_equal(ds->name, "cat");
    assert_int_equal(ds->n_x, 48);
    assert_int_equal(dataset_m(ds), 7);
    assert_int_equal(dataset_m_test(ds), 3);
    assert_non_null(strstr(ds->source, "/datasets/train_catvnoncat.h5"));
    assert_non_null(strstr(ds->test_source, "/datasets/test_catvnoncat.h5"));
    assert_string_equal(ds->class_names[1], "cat");
    assert_int_equal(ds->image_width, 4);
    /* the test pictures in the file's order, flattened the same way */
    assert_exact(mat_get(ds->X_test, (1 * 4 + 2) * 3 + 1, 2), (double)h5fx_pixel(2, 1, 2, 1) / 255.0);
    assert_exact(mat_get(ds->Y_test, 0, 1), 1.0);
    char line[256];
    assert_string_equal(dataset_describe(ds, line, sizeof line),
                        "cat: 7 training + 3 test examples, 48 features (pixels / 255)");
    dataset_free(ds);

    /* the variable names the same directory */
    setenv(COURSE_DATA_ENV, dir, 1);
    assert_int_equal(dataset_load("cat", NULL, &ds, &err), DATA_OK);
    assert_int_equal(dataset_m_test(ds), 3);
    dataset_free(ds);
    clear_env();

    /* a split would throw the fixed one away */
    opt.test_split = 0.2;
    assert_int_equal(dataset_load("cat", &opt, &ds, &err), DATA_BAD_ARGUMENT);
    assert_null(ds);
    assert_non_null(strstr(err.message, "has a test set of its own"));
}

static void missing_course_files_say_where_we_looked_and_how_to_get_them(void **state)
{
    (void)state;
    clear_env();
    dataset *ds = NULL;
    data_error err;
    data_load_options opt = data_load_defaults();
    opt.course_dir = h5fx_path("nowhere");
    assert_int_equal(dataset_load("cat", &opt, &ds, &err), DATA_NOT_FOUND);
    assert_null(ds);
    char text[DATA_ERROR_TEXT_MAX], want[512];
    data_error_format(&err, text, sizeof text);
    snprintf(want, sizeof want, "looked in %s, %s/datasets. Copy the files of the week 2 or week 4 notebook's "
             "datasets/ folder into ", opt.course_dir, opt.course_dir);
    const char *head = "cat: the course's cat pictures (train_catvnoncat.h5, test_catvnoncat.h5) were not found; ";
    if (strncmp(text, head, strlen(head)) != 0 || strstr(text, want) == NULL ||
        strstr(text, "--course-data DIR") == NULL)
        fail_msg("message: %s", text);

    const char *half = make_course_dir("half", 0);
    opt.course_dir = half;
    assert_int_equal(dataset_load("cat", &opt, &ds, &err), DATA_NOT_FOUND);
    assert_null(ds);
    assert_non_null(strstr(err.message, "but not test_catvnoncat.h5 beside it"));
}

static void an_hdf5_file_takes_its_test_sibling_and_test_data_overrides_it(void **state)
{
    (void)state;
    char train[512], csv[512];
    snprintf(train, sizeof train, "%s", h5fx_write_course("shapes_train.h5", "train", 6, 2, 3, 1, 0));
    dataset *ds = NULL;
    data_error err;
    assert_int_equal(dataset_load(train, NULL, &ds, &err), DATA_OK);
    assert_null(ds->X_test); /* no sibling yet */
    dataset_free(ds);

    h5fx_write_course("shapes_test.h5", "test", 2, 2, 3, 1, 0);
    assert_int_equal(dataset_load(train, NULL, &ds, &err), DATA_OK);
    assert_int_equal(dataset_m_test(ds), 2);
    assert_string_equal(ds->test_source, h5fx_path("shapes_test.h5"));
    dataset_free(ds);

    /* --test-data: a CSV with the same 6 features */
    snprintf(csv, sizeof csv, "%s", h5fx_path("held_out.csv"));
    FILE *fp = fopen(csv, "w");
    fputs("a,b,c,d,e,f,label\n0,0,0,0,0,0,1\n1,1,1,1,1,1,0\n0.5,0,0,0,0,0,1\n", fp);
    fclose(fp);
    data_load_options opt = data_load_defaults();
    opt.test_path = csv;
    assert_int_equal(dataset_load(train, &opt, &ds, &err), DATA_OK);
    assert_int_equal(dataset_m_test(ds), 3);
    assert_string_equal(ds->test_source, csv);
    dataset_free(ds);

    /* … and for a CSV training set too; features must agree */
    opt.test_path = train;
    assert_int_equal(dataset_load(csv, &opt, &ds, &err), DATA_OK);
    assert_int_equal(dataset_m_test(ds), 6);
    dataset_free(ds);
    const char *other = h5fx_write_course("other.h5", "test", 2, 3, 3, 1, 0);
    opt.test_path = other;
    assert_int_equal(dataset_load(train, &opt, &ds, &err), DATA_BAD_FORMAT);
    assert_null(ds);
    char text[DATA_ERROR_TEXT_MAX], want[1200];
    snprintf(want, sizeof want, "%s: the test set has 9 features (3×3×1 pictures) but the training set %s has 6 "
             "(2×3×1 pictures)", other, train);
    assert_string_equal(data_error_format(&err, text, sizeof text), want);

    opt.test_path = h5fx_path("absent.csv");
    assert_int_equal(dataset_load(train, &opt, &ds, &err), DATA_NOT_FOUND);
    assert_null(ds);
}

static int remove_dir(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", h5fx_dir());
    return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_places_follow_the_option_then_the_variable_then_xdg_and_the_current_directory),
        cmocka_unit_test(the_test_file_is_the_train_file_with_train_turned_into_test),
        cmocka_unit_test(cat_is_the_course_files_with_their_fixed_split),
        cmocka_unit_test(missing_course_files_say_where_we_looked_and_how_to_get_them),
        cmocka_unit_test(an_hdf5_file_takes_its_test_sibling_and_test_data_overrides_it),
    };
    H5Eset_auto2(H5E_DEFAULT, NULL, NULL);
    return cmocka_run_group_tests(tests, NULL, remove_dir);
}
