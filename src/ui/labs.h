/*
 * labs.h — how the app, a lesson's lab block and the command line open a lab.
 *
 * Each constructor builds the lab's screen from a run_spec (data set, layer
 * sizes, activations, init, seed, lr) and returns it, or NULL with a one-line
 * reason in err (unknown data set, a CSV that does not load, a config the
 * core refuses). The caller pushes the screen; the app frees it on pop.
 */
#ifndef DNN_UI_LABS_H
#define DNN_UI_LABS_H

#include <stddef.h>

#include "../data/runspec.h"
#include "../lesson/lesson.h"
#include "screen.h"

/* The labs are the ones a lesson's lab block names: one enum, lesson.h's. */
typedef lesson_lab_kind ui_lab_kind;
#define UI_LAB_STEPPER LESSON_LAB_STEPPER            /* step through forward and backward propagation */
#define UI_LAB_TRAINER LESSON_LAB_TRAINER            /* live 2-D trainer (week 3) */
#define UI_LAB_DEEP_TRAINER LESSON_LAB_DEEP_TRAINER  /* live L-layer trainer on digits (week 4) */
#define UI_LAB_SWEEP LESSON_LAB_SWEEP                /* the trainer opened on its hidden-size sweep */

/* src/ui/stepper */
ui_screen *stepper_screen_new(const run_spec *spec, const ui_ctx *ctx, char *err, size_t err_size);
/* src/ui/trainer (kind is TRAINER, DEEP_TRAINER or SWEEP) */
ui_screen *trainer_screen_new(ui_lab_kind kind, const run_spec *spec, const ui_ctx *ctx, char *err, size_t err_size);
/* For a screen made by trainer_screen_new: training pauses once, with a note,
 * when the network reaches `iterations` updates (a lesson's run length, so
 * its numbers can be compared); space trains on. 0 (or less) never pauses.
 * Without this the trainer runs until the learner pauses it. */
void trainer_screen_stop_at(ui_screen *s, long iterations);
/* The same for the command line's --iterations: the notes name the option,
 * not a lesson. */
void trainer_screen_stop_at_option(ui_screen *s, long iterations);

/* The labs' key tables (keymap.h); the trainer's serves all three kinds. */
extern const struct ui_keymap stepper_keymap;
extern const struct ui_keymap trainer_keymap;

/* Dispatches on kind to the constructors above. */
ui_screen *lab_screen_new(ui_lab_kind kind, const run_spec *spec, const ui_ctx *ctx, char *err, size_t err_size);

#endif
