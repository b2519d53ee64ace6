/*
 * course.h — the course's own settings that more than one place repeats:
 * the week-3 hidden-size sweep (the notebook's hidden_layer_sizes and its
 * 5000 iterations, and the accuracies it prints). `dnn-tutor sweep`, the
 * trainer's sweep and the report's sweep all read them here.
 */
#ifndef DNN_LAB_COURSE_H
#define DNN_LAB_COURSE_H

#define COURSE_SWEEP_COUNT 7
/* An initialiser: `static const int s[COURSE_SWEEP_COUNT] = COURSE_SWEEP_SIZES;` */
#define COURSE_SWEEP_SIZES {1, 2, 3, 4, 5, 20, 50}
/* The sizes in words, for notes and captions (kept beside the list). */
#define COURSE_SWEEP_SIZES_TEXT "1, 2, 3, 4, 5, 20, 50"
#define COURSE_SWEEP_ITERATIONS 5000
/* The sizes as an option's argument and the iterations as help texts write
 * them (tests/unit/cli/test_help_limits.sh checks them against the above). */
#define COURSE_SWEEP_SIZES_ARG "1,2,3,4,5,20,50"
#define COURSE_SWEEP_ITERATIONS_TEXT "5000"

/* The notebook's training accuracy for each size of the sweep (planar, tanh,
 * lr 1.2, seed 2, 5000 iterations), as it prints them, in the order of
 * COURSE_SWEEP_SIZES. */
#define COURSE_SWEEP_ACCURACIES {"67.50", "67.25", "90.75", "90.50", "91.25", "90.00", "90.75"}

/* The run those accuracies are for: the data set, the hidden activation, the
 * learning rate and the seed of the weights (and no test split), each with
 * its words (tests/unit/lab/test_trainer_sweep.c checks the words against
 * the numbers). */
#define COURSE_SWEEP_DATASET "planar"
#define COURSE_SWEEP_ACT ACT_TANH
#define COURSE_SWEEP_ACT_TEXT "tanh"
#define COURSE_SWEEP_LR 1.2
#define COURSE_SWEEP_LR_TEXT "1.2"
#define COURSE_SWEEP_SEED 2
#define COURSE_SWEEP_SEED_TEXT "2"

#endif
