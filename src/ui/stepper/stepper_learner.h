/*
 * stepper_learner.h — the stepper's "your function" panel: once the learner's
 * exercise passes, y runs their own function on the values of the step on
 * show and draws its output beside ours, in the same print format, with the
 * largest difference (ex_beside.h does the running and comparing).
 *
 *   op on show                        function (w4a1)     shown side by side
 *   LINEAR l, ACTIVATE l (l < L)      linear_forward      Z[l]
 *   ACTIVATE L, COST                  L_model_forward     A[L] (caches compared too)
 *   DZ_OUTPUT, DW, DB, DA_PREV, DZ    L_model_backward    the step's gradient: dW[l], db[l] or dA[l]
 *   UPDATE                            none: W and b have changed since the forward pass
 *
 *   UI thread: y ─► passed (progress)? file there? values computed? ─► copies
 *   the values ─► worker thread: the child Python (ex_beside_run; q and every
 *   key stay live) ─► tick takes the result ─► the panel, in place of the
 *   previews, for that step only (a step or an undo hides it; y again too).
 *   Leaving the stepper cancels a run: the child is killed within 0.2 s.
 *
 * Ownership: the stepper screen owns its stepper_learner (stepper_learner_free
 * cancels and joins a running worker).
 */
#ifndef DNN_UI_STEPPER_LEARNER_H
#define DNN_UI_STEPPER_LEARNER_H

#include <stdbool.h>

#include "../../lab/stepper.h"
#include "../canvas.h"
#include "../screen.h"
#include "ex_beside.h"

typedef struct stepper_learner stepper_learner;

/* An idle panel (nothing on show); NULL on no memory. */
stepper_learner *stepper_learner_new(void);
void stepper_learner_free(stepper_learner *l);

/* y: starts the learner's function for the step on show (UI_REDRAW |
 * UI_ANIMATE), or hides the panel when it is on show for this step. When
 * nothing can run, the panel says why instead: the exercise not passed yet
 * (which command passes it), the file missing, the value not computed yet, a
 * network the course's function does not compute, the update step. */
unsigned stepper_learner_key(stepper_learner *l, const stepper *s, const ui_ctx *ctx);
/* Takes a finished run: UI_REDRAW when it did, UI_ANIMATE while one runs. */
unsigned stepper_learner_tick(stepper_learner *l);
/* Whether the panel belongs to the step s shows now (running or done). */
bool stepper_learner_shown(const stepper_learner *l, const stepper *s);
/* Draws the panel into r (the previews' place); reads l only. */
void stepper_learner_draw(const stepper_learner *l, ui_canvas *c, ui_rect r, const ui_ctx *ctx);

/* Tests: shows res (taken over) for the step s shows now, as if the learner's
 * function had run there. */
void stepper_learner_feed(stepper_learner *l, const stepper *s, ex_beside_result *res);

#endif
