/*
 * stepper_view_internal.h — helpers shared by stepper_view.c (layout, left
 * panel), stepper_panels.c (right panel) and the files that draw parts of the
 * right panel (stepper_preview.c, stepper_gc_panel.c). Not part of the ui's API.
 */
#ifndef DNN_UI_STEPPER_VIEW_INTERNAL_H
#define DNN_UI_STEPPER_VIEW_INTERNAL_H

#include <stdlib.h>

#include "stepper_view.h"

/* Draws formula text, as ASCII twins with ctx->ascii; returns the columns. */
int stv_math(ui_canvas *c, int x, int y, int max_cols, const char *utf8, ui_role role, const ui_ctx *ctx);
/* Wraps formula text into r.w columns from line y, at most max_lines lines;
 * returns the lines drawn. */
int stv_wrapped(ui_canvas *c, ui_rect r, int y, int max_lines, const char *utf8, ui_role role, const ui_ctx *ctx);
/* The kind and the phase (forward / backward / update) of an op, in ctx->lang. */
const char *stv_kind_name(nn_op_kind k, const ui_ctx *ctx);
const char *stv_phase_name(nn_op op, const ui_ctx *ctx);
/* "by layer" (按层) …: how much a step runs, for the list's heading. */
const char *stv_grain_name(stepper_grain g, const ui_ctx *ctx);
/* Whether the step on show wrote ref (every W and b for the update). */
bool stv_step_wrote(const stepper *s, nn_ref ref);
/* The gradient check's table and verdict in r (stepper_gc_panel.c); kinks
 * is stepper_gradcheck_kinks. */
void stv_draw_gradcheck(const gc_result *gc, long kinks, ui_canvas *c, ui_rect r, const ui_ctx *ctx);
/* In place of that panel while a check with `plan` runs on its worker. */
void stv_draw_gradcheck_pending(const gc_plan *plan, ui_canvas *c, ui_rect r, const ui_ctx *ctx);
/* The previews of the step on show's operands and result, shrunk to fit r
 * (stepper_preview.c); op and computed as stepper_shown_index gives them. */
void stv_draw_previews(const stepper *s, nn_op op, bool computed, ui_canvas *c, ui_rect r, const ui_ctx *ctx);
/* The right panel: heading, formula, dimension check, then the previews,
 * the inspector, the gradient check or the learner's panel, and the status line. */
void stv_draw_right(const stepper *s, const stepper_notice *notice, const struct stepper_learner *learner,
                    ui_canvas *c, stepper_layout lo, const ui_ctx *ctx);

#endif
