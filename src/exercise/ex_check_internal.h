/*
 * ex_check_internal.h — shared by ex_check.c (running) and ex_compare.c
 * (comparing). Not part of the exercise layer's API.
 */
#ifndef DNN_EXERCISE_EX_CHECK_INTERNAL_H
#define DNN_EXERCISE_EX_CHECK_INTERNAL_H

#include "ex_check.h"

/* *v := a verdict of outcome o at path, every other field empty. */
void ex_verdict_start(ex_verdict *v, ex_outcome o, const char *path);

#endif
