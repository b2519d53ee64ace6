/*
 * stepper_view.h — draws the stepper model into a canvas. Pure: reads the
 * model, never changes it.
 *
 *   ┌ body ──────────────────────────────────────────────────────────────┐
 *   │ header: data set · layer sizes · iteration · α · J                │
 *   │ Operations          │ Step 1/13 · forward · linear                 │
 *   │ ▸ Z[1] = W[1]·X+b[1]│ Z[1] = W[1]·X + b[1]          (formula)      │
 *   │ · A[1] = tanh(Z[1]) │ W[1] (4, 2) · X (2, 400) + … (dimension check)│
 *   │ …                   │ W[1] = [[-0.00416758 -0.00056267]  previews  │
 *   │ Shapes  [1]   [2]   │ … or the inspector, or the gradient check    │
 *   │ W      (4,2) (1,4)  │                                              │
 *   │ …                   │ status: prompt / verdict / warning           │
 *   └────────────────────────────────────────────────────────────────────┘
 */
#ifndef DNN_UI_STEPPER_VIEW_H
#define DNN_UI_STEPPER_VIEW_H

#include <stdbool.h>

#include "../canvas.h"
#include "../screen.h"
#include "../../lab/stepper.h"

/* Where each panel goes for a body rectangle (a pure function of the size
 * and of the network's number of layers). */
typedef struct stepper_layout {
    ui_rect header;     /* one line */
    ui_rect ops;        /* heading line + the list of operations */
    ui_rect table;      /* header line + one line per value */
    ui_rect right;      /* formula, dimension check, previews, status */
    int sep_x;          /* the column of the vertical rule */
    bool compact;       /* 80-ish columns: short shapes, fewer preview columns */
    bool table_has_dA;  /* room for the dA row */
} stepper_layout;

/* The panels for a body and a network of L layers. Meant for bodies of at
 * least 80×23 (the app shows its too-small notice below); under that a
 * panel may reach past body, which the canvas clips. */
stepper_layout stepper_layout_of(ui_rect body, int L);

/* A one-line notice under the right panel (e.g. "type a shape like 4,400"),
 * in both languages; NULL fields for none. */
typedef struct stepper_notice {
    const char *en;
    const char *zh;
    ui_role role;
} stepper_notice;

struct stepper_learner;

/* Draws the whole stepper (header, operations, shape table, the right
 * panel with formula, dimension check and previews, and the notice when
 * not NULL) into body; reads s, never changes it. When learner is not NULL
 * and on show for this step, its panel (stepper_learner.h) takes the
 * previews' place. */
void stepper_view_render(const stepper *s, const stepper_notice *notice, const struct stepper_learner *learner,
                         ui_canvas *c, ui_rect body, const ui_ctx *ctx);

/* The ASCII twin of formula text: · → @ (numpy's matrix product; * after α,
 * . between norm bars), ᵀ → .T, ∗ → *, − → -,
 * → → ->, Σ → sum, σ → sigmoid, α → alpha, θ → theta, ² → ^2, … → ...,
 * ✓ ✗ ▸ → v x > (the glyph table's twins); other non-ASCII → ?.
 * Writes into out (NUL-terminated when size > 0, cut when too small). */
void stepper_ascii_math(const char *utf8, char *out, size_t size);

#endif
