/*
 * ex_value_internal.h — shared by ex_value.c (the model) and ex_value_json.c
 * (reading the JSON form). Not part of the exercise layer's API.
 */
#ifndef DNN_EXERCISE_EX_VALUE_INTERNAL_H
#define DNN_EXERCISE_EX_VALUE_INTERNAL_H

#include "ex_value.h"

/* A zeroed value of the given kind (no data, no items), or NULL on no
 * memory; the caller frees it with exv_free. */
ex_value *exv_new(exv_kind kind);

#endif
