/*
 * stepper.h — the stepper lab's model: a network walked one operation at a
 * time, with undo, "predict the shape", an inspector cursor and a gradient
 * check. Pure state, no drawing (stepper_view.c draws it).
 *
 *   iteration k:  op 0   op 1   …   op count−1 (UPDATE)  │ iteration k+1: op 0 …
 *                  ▲ done = 0        done = count ──────┘
 *
 * `done` counts the operations already run in the current iteration
 * (0 … nn_op_count). A step runs op[done] (after UPDATE it wraps to op 0 of
 * the next iteration) and, at a coarser granularity the learner chooses,
 * the ops after it that belong to the same step:
 *
 *   operation   one op
 *   layer       forward: Z[l], A[l]; backward: dZ[l], dW[l], db[l], dA[l−1]
 *               (the ops of one phase and one layer); the cost and the
 *               update alone
 *   phase       forward / cost / backward / update
 *   iteration   everything up to and with the update
 *
 * A step never crosses the end of an iteration. Undo restores the network
 * exactly as it was before the last step, whatever its size (one undo = one
 * step as it was taken), from a bounded stack of snapshots
 * (stepper_undo_depth_for deep; the oldest are dropped).
 *
 * The step on show is the one just run (ops from … done − 1, their results
 * visible), or, before any step and while the learner is asked to predict a
 * shape, the pending op.
 *
 * Ownership: the stepper owns its network and its data X, Y. Pointers the
 * getters return stay valid until the next mutating call.
 */
#ifndef DNN_UI_STEPPER_H
#define DNN_UI_STEPPER_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/formula.h"
#include "../core/gradcheck.h"
#include "../core/network.h"
#include "../data/runspec.h"

#define STEPPER_UNDO_DEPTH 64
#define STEPPER_UNDO_MIN 8
#define STEPPER_UNDO_BYTES (64.0 * 1024 * 1024)
#define STEPPER_INPUT_MAX 32
#define STEPPER_MAX_VIEWS (NN_OP_MAX_OPERANDS + 1)
/* The gradient check: the course's step ε, its "right" threshold, the
 * difference above which backprop has a bug, and the gradient norm below
 * which a relative difference is mostly rounding noise. */
#define STEPPER_GC_EPS 1e-7
#define STEPPER_GC_GOOD 1e-7
#define STEPPER_GC_BUG 1e-3
#define STEPPER_GC_TINY 1e-5
/* The work one gradient check may take, in multiply-adds of its forward
 * passes (gc_plan_within: two passes of m · Σ n[l](n[l−1] + 1) per entry):
 * about 0.1 to 0.25 s at the 4 to 10 G multiply-adds a second the core's
 * matrix product reaches on one core of a laptop. Planar and the small
 * networks fit whole; the course's cat network (~51 M per pass) gets 9 of
 * its 245,973 parameters, one or two in each W[l] and b[l]. */
#define STEPPER_GC_BUDGET_MADDS 1e9

typedef struct stepper stepper;

/* How much one step runs (see the top of this file). */
typedef enum stepper_grain {
    STEPPER_GRAIN_OP,
    STEPPER_GRAIN_LAYER,
    STEPPER_GRAIN_PHASE,
    STEPPER_GRAIN_ITERATION,
    STEPPER_GRAIN_COUNT
} stepper_grain;

/* The learner's last shape prediction. */
typedef enum stepper_verdict {
    STEPPER_VERDICT_NONE,
    STEPPER_VERDICT_RIGHT,
    STEPPER_VERDICT_WRONG
} stepper_verdict;

typedef struct stepper_prediction {
    stepper_verdict verdict;
    nn_ref ref;             /* the value that was predicted */
    size_t said_rows, said_cols;
    size_t rows, cols;      /* the right shape */
} stepper_prediction;

/* A stepper over data X (n_x, m), Y (1, m) with a network built from cfg.
 * Takes ownership of X and Y in every case (they are freed on failure).
 * NULL with a one-line reason in err when the config or the data do not fit. */
stepper *stepper_new_with_data(const nn_config *cfg, mat *X, mat *Y, double lr,
                               const char *data_name, char *err, size_t err_size);
/* A stepper for a run_spec: loads spec->dataset with run_load (the training
 * part; a held-out part is dropped) and builds the network with the run's
 * builder (run_net_new). NULL with a reason in err. */
stepper *stepper_new(const run_spec *spec, char *err, size_t err_size);
void stepper_free(stepper *s);

/* Read-only views of the network (its parameters, caches and gradients as
 * the steps left them), the data set's name and the learning rate; owned
 * by the stepper and valid until stepper_free. */
const nn_net *stepper_net(const stepper *s);
const char *stepper_data_name(const stepper *s);
double stepper_lr(const stepper *s);
/* Operations run in the current iteration, 0 … nn_op_count. */
int stepper_done(const stepper *s);
/* UPDATEs run so far: the number of the iteration being worked on, as the
 * course counts (0 first). Right after an UPDATE it already names the next. */
long stepper_iteration(const stepper *s);
/* The index (0 … count−1) of the operation that runs on the next step. */
int stepper_next_index(const stepper *s);
nn_op stepper_next_op(const stepper *s);
/* The index of the op on show (the last op of the step on show) and
 * whether its result is computed. */
int stepper_shown_index(const stepper *s, bool *computed);
/* The index of the first op of the step on show (= stepper_shown_index for
 * a one-op step and for the pending op). */
int stepper_shown_from(const stepper *s);
/* The granularity the step on show ran at (STEPPER_GRAIN_OP for the
 * pending op). */
stepper_grain stepper_shown_grain(const stepper *s);

/* The granularity a step runs at: the chosen one, but one operation while
 * predicting shapes (each matrix is asked for on its own). */
stepper_grain stepper_grain_now(const stepper *s);
/* The chosen granularity (STEPPER_GRAIN_OP at first), and the next one
 * (operation → layer → phase → iteration → operation). */
stepper_grain stepper_grain_chosen(const stepper *s);
void stepper_grain_next(stepper *s);
/* Whether ops i and i + 1 of net's iteration belong to one step at g. */
bool stepper_same_step(const nn_net *net, stepper_grain g, int i);

/* Runs the next step at stepper_grain_now (asking nothing, even in predict
 * mode): op[done] and the ops after it of the same step. Saves one undo
 * snapshot first. Stops early after an op whose status is not NN_OK.
 * Returns the last op's status (NN_DIVERGED is reported but the step counts;
 * NN_NO_MEMORY on the first op leaves the state unchanged). */
nn_status stepper_step(stepper *s);
bool stepper_can_undo(const stepper *s);
/* How many undo snapshots a stepper keeps for this (bound) network:
 * STEPPER_UNDO_DEPTH, or what fits in STEPPER_UNDO_BYTES, at least
 * STEPPER_UNDO_MIN. */
int stepper_undo_depth_for(const nn_net *net);
/* Restores the state before the last step; false when nothing to undo. */
bool stepper_undo(stepper *s);
/* The status of the last step (NN_OK, NN_DIVERGED …). */
nn_status stepper_status(const stepper *s);
/* The network as it was before the step on show ran (the newest undo
 * snapshot): the old values of what that step wrote, such as W before the
 * update. NULL when no computed step is on show (before the first step,
 * while asking for a shape) or when the undo ring no longer holds it. Owned
 * by the stepper; valid until the next mutating call. */
const nn_net *stepper_before(const stepper *s);

/* ---- the update's parameters on show --------------------------------- */
/* The update changes W[1], b[1], W[2], b[2] … (2L parameters); a screen
 * shows them from the stepper_update_first()-th on (0 … 2L−1, W[l] is
 * 2(l−1), b[l] is 2(l−1) + 1). Each step and undo start again at 0. */
int stepper_update_first(const stepper *s);
/* The next parameter first (after the last, W[1] again). */
void stepper_update_next(stepper *s);

/* ---- predict the shape ---------------------------------------------- */
bool stepper_predict_on(const stepper *s);
void stepper_set_predict(stepper *s, bool on);
/* True when the next op yields a matrix whose shape can be predicted
 * (everything but COST and UPDATE). */
bool stepper_op_predictable(const nn_net *net, nn_op op, nn_ref *out);
/* True while the learner is asked for the next op's shape (predict mode on,
 * the next op predictable, no verdict yet for it). */
bool stepper_asking(const stepper *s);
/* Starts asking for the next op (after a verdict was shown). */
void stepper_ask(stepper *s);
/* The text typed so far. */
const char *stepper_input(const stepper *s);
/* Edits the typed text: appends an ASCII character (digits, ',', '(', ')',
 * ' ', 'x'), or removes the last one. False when the character is refused. */
bool stepper_input_char(stepper *s, char ch);
void stepper_input_backspace(stepper *s);
/* Parses a typed shape: two positive integers with anything non-digit
 * between and around them, "4,400", "(4, 400)", "4 x 400". */
bool stepper_parse_shape(const char *text, size_t *rows, size_t *cols);
/* Checks the typed shape against the next op's result; on a parsable answer
 * records the verdict, runs the op and returns true. False (nothing runs)
 * when the text is not a shape. */
bool stepper_submit(stepper *s);
const stepper_prediction *stepper_last_prediction(const stepper *s);

/* ---- inspector ------------------------------------------------------ */
/* The matrices the op on show touches that exist now (operands, then the
 * result), without repeats; returns how many (<= STEPPER_MAX_VIEWS). */
int stepper_views(const stepper *s, nn_ref out[STEPPER_MAX_VIEWS]);
bool stepper_inspecting(const stepper *s);
/* Enters the inspector on the op's result (or first matrix); false when
 * there is nothing to inspect. */
bool stepper_inspect_begin(stepper *s);
void stepper_inspect_end(stepper *s);
/* Moves the cursor by (drow, dcol), clamped to the matrix. */
void stepper_inspect_move(stepper *s, long drow, long dcol);
/* The next matrix of stepper_views (wraps); the cursor is clamped. */
void stepper_inspect_cycle(stepper *s);
/* The matrix under inspection, its reference and the cursor. */
const mat *stepper_inspect_matrix(const stepper *s, nn_ref *ref, size_t *row, size_t *col);

/* ---- gradient check ------------------------------------------------- */
/* The check is planned on the UI thread, may run on a worker (on a clone of
 * the network, so the stepper goes on meanwhile), and its result is handed
 * back; a step, undo or clear before it arrives forgets it:
 *
 *   plan ──► begin ──► compute (any thread, own clone) ──► finish → shown
 *              └── step / undo / inspect / clear: finish is ignored
 *
 * stepper_gradcheck_plan: the plan within STEPPER_GC_BUDGET_MADDS (every
 * parameter when it fits, else a sample of each W[l] and b[l]); false when
 * not even one entry of each fits (the plan's total is still filled). */
bool stepper_gradcheck_plan(const stepper *s, gc_plan *plan);
/* The check of `net` at the plan's entries and its ReLU-kink count (see
 * stepper_gradcheck_kinks). Reads `net` only; safe on any thread for a
 * network no one changes meanwhile. Returns the core's status. */
nn_status stepper_gradcheck_compute(const nn_net *net, const gc_plan *plan, gc_result *out, long *kinks);
/* Marks a check with `plan` as running (hiding any on show). */
void stepper_gradcheck_begin(stepper *s, const gc_plan *plan);
/* The plan of the running check, or NULL when none runs. */
const gc_plan *stepper_gradcheck_pending(const stepper *s);
/* Shows the result of the running check; false (nothing shown) when it was
 * forgotten meanwhile. */
bool stepper_gradcheck_finish(stepper *s, const gc_result *res, long kinks);
/* All of the above at once, on this thread: the result stays until the next
 * step or undo. NN_BAD_ARGUMENT when the network is too big for the budget;
 * otherwise the core's status. */
nn_status stepper_gradcheck(stepper *s);
/* The last gradient check, or NULL when none is on show. */
const gc_result *stepper_gradcheck_result(const stepper *s);
/* For the parameters of the last gradient check: how many pre-activations
 * Z[l] of ReLU and leaky-ReLU layers sit on the kink at 0 (|z| <= 1e-6, e.g.
 * an example no unit of the layer below responds to, with b = 0). There the
 * two-sided difference straddles the kink while backprop takes g'(0), so a
 * large difference is expected and is not a bug. 0 when none (or no check). */
long stepper_gradcheck_kinks(const stepper *s);
void stepper_gradcheck_clear(stepper *s);

/* Clears the last verdict/notice that only lasts one screen. */
void stepper_clear_prediction(stepper *s);

#endif
