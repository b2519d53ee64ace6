/*
 * labs.c — one door to every lab (labs.h).
 */
#include "labs.h"

#include <stdio.h>

ui_screen *lab_screen_new(ui_lab_kind kind, const run_spec *spec, const ui_ctx *ctx, char *err, size_t err_size)
{
    /* A lesson's lab block as much as the command line: a deep network gets
     * week 4's defaults for what was not given (runspec_deep_defaults). */
    run_spec sp = *spec;
    runspec_deep_defaults(&sp);
    switch (kind) {
    case UI_LAB_STEPPER:
        return stepper_screen_new(&sp, ctx, err, err_size);
    case UI_LAB_TRAINER:
    case UI_LAB_DEEP_TRAINER:
    case UI_LAB_SWEEP:
        return trainer_screen_new(kind, &sp, ctx, err, err_size);
    case LESSON_LAB_KIND_COUNT:
        break;
    }
    snprintf(err, err_size, "unknown lab kind %d", (int)kind);
    return NULL;
}
