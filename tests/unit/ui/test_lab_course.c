/*
 * test_lab_course.c — a lesson lab that names a course notebook's run opens
 * that run on the cat pictures when the course's files are found
 * ($DNN_TUTOR_COURSE_DATA at the course-shaped fixture), and its own shipped
 * data set with a notice saying where to copy the files when they are not;
 * a lab without an assignment is opened as written, with no notice.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dnn_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lab_course.h"

static char empty_dir[64];
static char fixture[4096];

static lesson_lab digits_lab(runspec_assignment a)
{
    lesson_lab lab;
    memset(&lab, 0, sizeof lab);
    lab.kind = LESSON_LAB_DEEP_TRAINER;
    lab.spec = runspec_default();
    snprintf(lab.spec.dataset, sizeof lab.spec.dataset, "digits");
    lab.spec.lr = 0.1;
    lab.assignment = a;
    return lab;
}

static void with_the_files_the_lab_is_the_notebooks_run_on_cat(void **state)
{
    (void)state;
    setenv("DNN_TUTOR_COURSE_DATA", fixture, 1);
    lesson_lab lab = digits_lab(RUNSPEC_W4_DEEP);
    run_spec sp, want = runspec_default();
    runspec_apply_assignment(&want, RUNSPEC_W4_DEEP);
    char notice[256] = "stale";
    assert_true(lab_course_spec(&lab, UI_LANG_EN, &sp, notice, sizeof notice));
    assert_string_equal(notice, "");
    assert_string_equal(sp.dataset, "cat");
    assert_true(runspec_given(&sp, RUNSPEC_DATASET));
    assert_int_equal(sp.assignment, RUNSPEC_W4_DEEP);
    assert_exact(sp.lr, want.lr);
    assert_int_equal(sp.iterations, want.iterations);
    assert_int_equal(sp.n_layers, want.n_layers);
    for (int l = 0; l < sp.n_layers; l++)
        assert_int_equal(sp.layers[l], want.layers[l]);
    assert_int_equal(sp.init, want.init);
}

static void without_them_the_lab_runs_as_written_and_says_how_to_get_them(void **state)
{
    (void)state;
    setenv("DNN_TUTOR_COURSE_DATA", empty_dir, 1);
    setenv("XDG_DATA_HOME", empty_dir, 1);
    lesson_lab lab = digits_lab(RUNSPEC_W2_LOGREG);
    run_spec sp;
    char notice[256] = "";
    assert_false(lab_course_spec(&lab, UI_LANG_EN, &sp, notice, sizeof notice));
    assert_string_equal(sp.dataset, "digits");
    assert_exact(sp.lr, 0.1);
    char want_dir[128];
    snprintf(want_dir, sizeof want_dir, "%s/dnn-tutor/course", empty_dir);
    assert_non_null(strstr(notice, "cat pictures were not found, so this lab runs on digits"));
    assert_non_null(strstr(notice, want_dir));
    assert_false(lab_course_spec(&lab, UI_LANG_ZH, &sp, notice, sizeof notice));
    assert_non_null(strstr(notice, "没有找到课程的猫图片"));
    assert_non_null(strstr(notice, want_dir));
}

static void a_lab_without_an_assignment_is_opened_as_written(void **state)
{
    (void)state;
    setenv("DNN_TUTOR_COURSE_DATA", fixture, 1);
    lesson_lab lab = digits_lab(RUNSPEC_ASSIGNMENT_NONE);
    run_spec sp;
    char notice[256] = "stale";
    assert_false(lab_course_spec(&lab, UI_LANG_EN, &sp, notice, sizeof notice));
    assert_string_equal(notice, "");
    assert_string_equal(sp.dataset, "digits");
}

static int setup(void **state)
{
    (void)state;
    const char *root = getenv("DNN_TUTOR_SOURCE_ROOT");
    if (!root)
        return -1;
    snprintf(fixture, sizeof fixture, "%s/tests/data/course", root);
    snprintf(empty_dir, sizeof empty_dir, "/tmp/dnn-lab-course-XXXXXX");
    if (!mkdtemp(empty_dir) || chdir(empty_dir) != 0) /* the current directory is searched too */
        return -1;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    return rmdir(empty_dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(with_the_files_the_lab_is_the_notebooks_run_on_cat),
        cmocka_unit_test(without_them_the_lab_runs_as_written_and_says_how_to_get_them),
        cmocka_unit_test(a_lab_without_an_assignment_is_opened_as_written),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
