/*
 * course.h — the course's own settings that more than one place repeats:
 * the week-3 hidden-size sweep (the notebook's hidden_layer_sizes and its
 * 5000 iterations). `dnn-tutor sweep`, the trainer's sweep and the report's
 * sweep all read them here.
 */
#ifndef DNN_LAB_COURSE_H
#define DNN_LAB_COURSE_H

#define COURSE_SWEEP_COUNT 7
/* An initialiser: `static const int s[COURSE_SWEEP_COUNT] = COURSE_SWEEP_SIZES;` */
#define COURSE_SWEEP_SIZES {1, 2, 3, 4, 5, 20, 50}
#define COURSE_SWEEP_ITERATIONS 5000

#endif
