/*
 * progress_internal.h — shared by the files of the progress file: progress.c
 * (the model), progress_json.c (the JSON form) and progress_file.c (the
 * file). Not part of the lesson layer's API.
 */
#ifndef DNN_LESSON_PROGRESS_INTERNAL_H
#define DNN_LESSON_PROGRESS_INTERNAL_H

#include <stdbool.h>

#include "progress.h"

/* Whether id can be stored: not NULL, not empty, at most PROGRESS_ID_MAX bytes. */
bool progress_id_ok(const char *id);

/* The quiz's record, added (never answered) when there is none yet; NULL
 * for a bad id or when memory runs out. */
progress_quiz *progress_quiz_slot(ui_progress *p, const char *quiz_id);

/* p as JSON text (cJSON_Print's, malloc'd: the caller frees it), or NULL
 * when memory runs out. */
char *progress_to_json(const ui_progress *p);

#endif
