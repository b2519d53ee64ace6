/*
 * monoclock.h — the one clock dnn-tutor reads: CLOCK_MONOTONIC, in seconds.
 *
 * Every duration (a run's seconds, the trainer's it/s and frame budget, the
 * app's animation frames, an exercise's time limit) is a difference of two
 * readings of this clock; it never jumps when the wall clock is set.
 */
#ifndef DNN_CORE_MONOCLOCK_H
#define DNN_CORE_MONOCLOCK_H

/* Seconds since an unspecified fixed point; never decreases. */
double mono_seconds(void);

#endif
