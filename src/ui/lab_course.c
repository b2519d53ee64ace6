/*
 * lab_course.c — lesson labs on the course's cat pictures (lab_course.h).
 */
#include "lab_course.h"

#include <stdio.h>

#include "../data/course.h"
#include "../data/dataset.h"

bool lab_course_spec(const lesson_lab *lab, ui_lang lang, run_spec *out, char *notice, size_t notice_size)
{
    if (notice && notice_size)
        notice[0] = '\0';
    *out = lab->spec;
    if (lab->assignment == RUNSPEC_ASSIGNMENT_NONE)
        return false;
    char train[DATA_PATH_MAX], test[DATA_PATH_MAX];
    if (course_find(NULL, COURSE_TRAIN_FILE, train, sizeof train) &&
        course_find(NULL, COURSE_TEST_FILE, test, sizeof test)) {
        run_spec sp = runspec_default();
        char err[256];
        runspec_apply_assignment(&sp, lab->assignment);
        if (runspec_set(&sp, RUNSPEC_DATASET, "cat", err, sizeof err)) {
            *out = sp;
            return true;
        }
    }
    if (notice && notice_size) {
        char dir[DATA_PATH_MAX];
        course_default_dir(dir, sizeof dir);
        if (lang == UI_LANG_ZH)
            snprintf(notice, notice_size, "没有找到课程的猫图片，本实验改用 %s。把作业的 datasets/ 文件夹复制到 %s 即可用猫图片。",
                     lab->spec.dataset, dir[0] ? dir : "$DNN_TUTOR_COURSE_DATA");
        else
            snprintf(notice, notice_size,
                     "The course's cat pictures were not found, so this lab runs on %s; copy the notebook's "
                     "datasets/ folder to %s to use them.",
                     lab->spec.dataset, dir[0] ? dir : "$DNN_TUTOR_COURSE_DATA");
    }
    return false;
}
