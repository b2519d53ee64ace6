/*
 * progress.h — what a learner has done, saved as JSON between sessions.
 *
 *   $XDG_STATE_HOME/dnn-tutor/progress.json   (default ~/.local/state/dnn-tutor/)
 *   {
 *     "version": 1,
 *     "lang": "zh" | "en",
 *     "position": { "lesson": "w3-...", "page": 2 },
 *     "done": [ "w2-...", … ],
 *     "quizzes": { "w3-q-z1-shape": { "right": true, "tries": 2 }, … },
 *     "lab": { "kind": "stepper", "dataset": "planar", "hidden": 4,
 *              "layers": [4, 1], "activation": "tanh", "activations": [...],
 *              "init": "course-w3", "seed": 2, "lr": 1.2, "iterations": 10000 },
 *     "exercises": { "dir": "/home/…/dnn-tutor-exercises",
 *                    "status": { "w4a1/linear_forward": "pass" | "fail", … } }
 *   }
 *
 * Saving goes through safefile (src/data/safefile.h): a temporary file in
 * the same directory, fsynced and renamed over the old one, so a crash never
 * leaves half a file; a symlinked progress.json is written through (the link
 * stays); anything but a regular file is never replaced. Loading first
 * removes the temporaries a killed save left. The learner's progress is never
 * lost: a file that is not valid progress JSON, or is larger than 4 MiB (not
 * read), or exists but cannot be read (mode 000, another owner), is renamed
 * aside (progress.json.corrupt-<unix time>[-k] or .unreadable-…, never over an
 * earlier one) and a fresh progress starts, with a message; when it cannot be
 * moved, PROGRESS_ERROR tells the caller not to save. Loading never blocks: a
 * FIFO or a directory in its place is an error, not read.
 *
 * The struct is named ui_progress because the ui layer's ui_ctx carries it;
 * it lives here because only the lesson layer may include cJSON. The lists
 * (done, quizzes, exercises) grow as needed: there is no limit on entries,
 * only on the file, PROGRESS_FILE_MAX bytes, which loading and saving both
 * hold to (a save that would be larger is refused with a message, so no file
 * is written that would not load). Never prints, never exits.
 */
#ifndef DNN_LESSON_PROGRESS_H
#define DNN_LESSON_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

#include "../data/runspec.h"
#include "lesson.h"

#define PROGRESS_ID_MAX 64
#define PROGRESS_VERSION 1
#define PROGRESS_PATH_MAX 1024
#define PROGRESS_FILE_MAX ((size_t)4 << 20) /* bytes of progress.json (4 MiB), read or written */

typedef enum progress_ex_status {
    PROGRESS_EX_NONE,  /* never checked */
    PROGRESS_EX_FAIL,  /* checked, not passing (the last check) */
    PROGRESS_EX_PASS   /* the last check passed */
} progress_ex_status;

typedef struct progress_exercise {
    char id[PROGRESS_ID_MAX + 1];  /* "w4a1/linear_forward" */
    int status;                    /* progress_ex_status */
} progress_exercise;

typedef struct progress_quiz {
    char id[PROGRESS_ID_MAX + 1];
    bool right;  /* answered right at least once */
    int tries;   /* answers given; answered when > 0 */
} progress_quiz;

typedef struct ui_progress {
    bool has_lang;                                 /* a language was saved */
    lesson_lang lang;                              /* it, when has_lang */
    char position_lesson[PROGRESS_ID_MAX + 1];     /* "" when none */
    int position_page;                             /* 0-based */
    int n_done, cap_done;
    char (*done)[PROGRESS_ID_MAX + 1];             /* n_done ids, grown as needed */
    int n_quizzes, cap_quizzes;
    progress_quiz *quizzes;                        /* n_quizzes records, grown as needed */
    int *done_slots, *quiz_slots;                  /* hash indexes of the two (progress.c), 2·cap slots */
    bool has_lab;                                  /* the last lab opened */
    lesson_lab_kind lab_kind;
    run_spec lab;
    int dropped;                                   /* entries of the file loaded that memory could not hold */
    char exercise_dir[PROGRESS_PATH_MAX];         /* the learner's exercise folder, "" none */
    int n_exercises, cap_exercises;
    progress_exercise *exercises;                  /* n_exercises records, grown as needed */
} ui_progress;

typedef enum progress_status {
    PROGRESS_OK,       /* loaded */
    PROGRESS_MISSING,  /* no file yet: a fresh progress */
    PROGRESS_CORRUPT,  /* corrupt, too big or unreadable: set aside; a fresh progress; msg says where */
    PROGRESS_ERROR     /* not a regular file, cannot be moved aside, or no memory: a fresh
                          progress that must NOT be saved (msg says so); the file is left alone */
} progress_status;

/* A fresh progress (nothing done, no language, no position); NULL on no memory. */
ui_progress *progress_new(void);
void progress_free(ui_progress *p);

/* $XDG_STATE_HOME/dnn-tutor/progress.json when XDG_STATE_HOME is absolute
 * and the path fits, else $HOME/.local/state/…; false with the reason in why
 * ("neither XDG_STATE_HOME nor HOME is set", "HOME is too long …"). */
bool progress_default_path(char *buf, size_t size, char *why, size_t why_size);

/* Loads path into *out (always a valid object unless memory runs out, then
 * NULL and PROGRESS_ERROR). See progress_status for the rest; msg may be set
 * with PROGRESS_OK too (entries past the limits). */
progress_status progress_load(const char *path, ui_progress **out, char *msg, size_t msg_size);

/* Reads progress JSON held in memory, as progress_load does after reading
 * the file, touching no file: PROGRESS_OK with *out filled, PROGRESS_CORRUPT
 * with *out a fresh progress, or PROGRESS_ERROR with *out NULL when memory
 * runs out. data need not be NUL-terminated. */
progress_status progress_parse(const char *data, size_t size, ui_progress **out);

/* Writes p to path atomically (mkdir -p of the directory, temp file, fsync,
 * rename). False with a one-line reason in msg. */
bool progress_save(const ui_progress *p, const char *path, char *msg, size_t msg_size);

/* Lessons. */
bool progress_is_done(const ui_progress *p, const char *lesson_id);
/* Returns true when it was not done before (false too for an id longer
 * than PROGRESS_ID_MAX, or when memory runs out). */
bool progress_mark_done(ui_progress *p, const char *lesson_id);

/* Quizzes: the record, or NULL when never answered. */
const progress_quiz *progress_quiz_get(const ui_progress *p, const char *quiz_id);
/* Records one answer (tries + 1; right stays true once right); false for a
 * bad id or when memory runs out. */
bool progress_record_answer(ui_progress *p, const char *quiz_id, bool right);
/* Quizzes answered (tries > 0). */
int progress_quizzes_answered(const ui_progress *p);

/* Where the learner is. */
void progress_set_position(ui_progress *p, const char *lesson_id, int page);

/* The last lab's settings. */
void progress_set_lab(ui_progress *p, lesson_lab_kind kind, const run_spec *spec);

/* Exercises: the last check's status (PROGRESS_EX_NONE when never checked),
 * so the map shows what the learner's file does now. Setting is false when
 * the id is empty or too long, or memory runs out. */
progress_ex_status progress_exercise_get(const ui_progress *p, const char *id);
bool progress_exercise_set(ui_progress *p, const char *id, progress_ex_status status);
/* The learner's exercise folder ("" clears it). */
void progress_set_exercise_dir(ui_progress *p, const char *dir);

#endif
