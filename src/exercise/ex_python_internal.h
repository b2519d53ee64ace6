/*
 * ex_python_internal.h — ex_python_find with its last candidate given, so
 * tests can put an interpreter of theirs where /usr/bin/python3 stands.
 */
#ifndef DNN_EXERCISE_EX_PYTHON_INTERNAL_H
#define DNN_EXERCISE_EX_PYTHON_INTERNAL_H

#include "ex_python.h"

/* ex_python_find with `last` (a path) tried where /usr/bin/python3 is; when
 * it is used, out->source is `last`. */
bool ex_python_find_from(const char *last, ex_python *out, char *msg, size_t msg_size);

#endif
