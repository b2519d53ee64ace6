/*
 * stepper_screen.h — the stepper screen around a model built elsewhere (for
 * tests, which build a model from a small data set), and the model of a
 * stepper screen. stepper_screen_new (labs.h) is the normal door.
 */
#ifndef DNN_UI_STEPPER_SCREEN_H
#define DNN_UI_STEPPER_SCREEN_H

#include "../screen.h"
#include "../../lab/stepper.h"

/* A stepper screen owning `model` (freed with the screen, or here on
 * failure); NULL on no memory or a NULL model. */
ui_screen *stepper_screen_from_model(stepper *model);
/* The model of a screen made by stepper_screen_new / _from_model. */
stepper *stepper_screen_model(ui_screen *screen);
/* Its "your function" panel (stepper_learner.h), for tests to feed. */
struct stepper_learner *stepper_screen_learner(ui_screen *screen);

#endif
