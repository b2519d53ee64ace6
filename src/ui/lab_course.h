/*
 * lab_course.h — a lesson's lab that names a course notebook's run
 * ("assignment": "w4-deep") opens on the course's cat pictures when they are
 * found, and on its own shipped data set otherwise:
 *
 *   lab block ──► course files found (data/course.h: --course-data is not
 *   │             here, so $DNN_TUTOR_COURSE_DATA, the XDG folder, the
 *   │             current directory)?
 *   ├─ yes ──► runspec_default + the preset + --dataset cat
 *   └─ no  ──► the block's own spec, and a notice: not found, runs on X,
 *              copy the notebook's datasets/ folder to DIR
 */
#ifndef DNN_UI_LAB_COURSE_H
#define DNN_UI_LAB_COURSE_H

#include <stdbool.h>
#include <stddef.h>

#include "../lesson/lesson.h"
#include "screen.h"

/* The run_spec the lab opens with, into *out. Returns true when it is the
 * preset on the cat pictures. notice (may be NULL) receives, in lang, one
 * line for the learner when the lab names an assignment whose files are not
 * found; "" otherwise. */
bool lab_course_spec(const lesson_lab *lab, ui_lang lang, run_spec *out, char *notice, size_t notice_size);

#endif
