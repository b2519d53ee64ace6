/*
 * stepper.c — the stepper lab's model (see stepper.h).
 *
 * Undo keeps whole-network snapshots: before each step the network is copied
 * into the next slot of a ring of networks (allocated on first use and then
 * reused with nn_copy_into), together with `done`. The ring holds
 * STEPPER_UNDO_DEPTH snapshots, fewer when that would pass
 * STEPPER_UNDO_BYTES (a deep network on 1797 digits is ~2 MB a snapshot). Undo
 * copies the newest snapshot back, so the values after an undo are the very
 * bits they were before the step.
 */
#include "stepper.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "run.h"

typedef struct stepper_snapshot {
    nn_net *net;
    int done, from;
    stepper_grain from_grain;
    nn_status status;
} stepper_snapshot;

struct stepper {
    nn_net *net;
    mat *X, *Y;
    double lr;
    char data_name[RUNSPEC_NAME_MAX];
    int done;                 /* ops run in the current iteration */
    int from;                 /* the first op of the last step (< done when done > 0) */
    stepper_grain from_grain; /* the granularity that step ran at */
    stepper_grain grain;      /* chosen by the learner */
    nn_status status;         /* of the last step */

    stepper_snapshot undo[STEPPER_UNDO_DEPTH];
    int undo_depth;           /* ring size: STEPPER_UNDO_DEPTH, less for big networks */
    int undo_top;             /* index of the next free slot in the ring */
    int undo_count;           /* snapshots held (<= undo_depth) */

    bool predict;             /* "predict the shape" mode */
    bool asking;              /* waiting for the learner's shape of the next op */
    char input[STEPPER_INPUT_MAX];
    stepper_prediction last;  /* the verdict on show (NONE when none) */

    bool inspecting;
    nn_ref insp_ref;
    size_t insp_row, insp_col;

    bool gc_shown;
    gc_result gc;
    long gc_kinks;            /* ReLU pre-activations at 0 for that check */
    bool gc_pending;          /* a check of these parameters is running elsewhere */
    gc_plan gc_plan;          /* its plan */

    int update_first;         /* the update's first parameter on show, 0 … 2L−1 */
};

/* The check on show, or the one running, no longer applies. */
static void gc_forget(stepper *s)
{
    s->gc_shown = false;
    s->gc_pending = false;
}

int stepper_undo_depth_for(const nn_net *net)
{
    /* A snapshot holds Z, A, dZ, dA (n[l], m) and W, dW, b, db per layer. */
    double doubles = 0;
    size_t m = nn_examples(net);
    for (int l = 1; l <= nn_layers(net); l++)
        doubles += 4.0 * nn_dim(net, l) * (double)m + 2.0 * nn_dim(net, l) * (nn_dim(net, l - 1) + 1.0);
    double depth = STEPPER_UNDO_BYTES / (doubles * sizeof(double) + 1.0);
    if (depth > STEPPER_UNDO_DEPTH)
        return STEPPER_UNDO_DEPTH;
    return depth < STEPPER_UNDO_MIN ? STEPPER_UNDO_MIN : (int)depth;
}

static void set_err(char *err, size_t size, const char *msg)
{
    if (err && size)
        snprintf(err, size, "%s", msg);
}

stepper *stepper_new_with_data(const nn_config *cfg, mat *X, mat *Y, double lr,
                               const char *data_name, char *err, size_t err_size)
{
    stepper *s = NULL;
    if (!cfg || !X || !Y) {
        set_err(err, err_size, "no data");
        goto fail;
    }
    s = calloc(1, sizeof *s);
    if (!s) {
        set_err(err, err_size, "out of memory");
        goto fail;
    }
    s->X = X;
    s->Y = Y;
    X = Y = NULL;
    s->lr = lr;
    snprintf(s->data_name, sizeof s->data_name, "%s", data_name ? data_name : "");
    char msg[200];
    if (run_net_new(cfg, s->X, s->Y, &s->net, msg, sizeof msg)) {
        set_err(err, err_size, msg);
        goto fail;
    }
    s->status = NN_OK;
    s->undo_depth = stepper_undo_depth_for(s->net);
    return s;
fail:
    mat_free(X);
    mat_free(Y);
    stepper_free(s);
    return NULL;
}

stepper *stepper_new(const run_spec *spec, char *err, size_t err_size)
{
    if (!spec) {
        set_err(err, err_size, "no run spec");
        return NULL;
    }
    /* The training part of the data set only: a held-out part is dropped. */
    dataset *ds = NULL;
    char msg[DATA_ERROR_TEXT_MAX + 200];
    nn_config cfg;
    if (run_load(spec, false, &ds, msg, sizeof msg) ||
        !runspec_net_config(spec, (int)ds->X->rows, &cfg, msg, sizeof msg)) {
        set_err(err, err_size, msg);
        dataset_free(ds);
        return NULL;
    }
    /* Take the training matrices; dataset_free leaves them alone once NULL. */
    mat *X = ds->X, *Y = ds->Y;
    ds->X = ds->Y = NULL;
    dataset_free(ds);
    return stepper_new_with_data(&cfg, X, Y, spec->lr, spec->dataset, err, err_size);
}

void stepper_free(stepper *s)
{
    if (!s)
        return;
    for (int i = 0; i < STEPPER_UNDO_DEPTH; i++)
        nn_free(s->undo[i].net);
    nn_free(s->net);
    mat_free(s->X);
    mat_free(s->Y);
    free(s);
}

const nn_net *stepper_net(const stepper *s) { return s->net; }
const char *stepper_data_name(const stepper *s) { return s->data_name; }
double stepper_lr(const stepper *s) { return s->lr; }
int stepper_done(const stepper *s) { return s->done; }
long stepper_iteration(const stepper *s) { return nn_iterations(s->net); }
nn_status stepper_status(const stepper *s) { return s->status; }

int stepper_next_index(const stepper *s)
{
    return s->done >= nn_op_count(s->net) ? 0 : s->done;
}

nn_op stepper_next_op(const stepper *s) { return nn_op_at(s->net, stepper_next_index(s)); }

int stepper_shown_index(const stepper *s, bool *computed)
{
    bool pending = s->done == 0 || s->asking;
    if (computed)
        *computed = !pending;
    return pending ? stepper_next_index(s) : s->done - 1;
}

int stepper_shown_from(const stepper *s)
{
    bool computed;
    int shown = stepper_shown_index(s, &computed);
    return computed ? s->from : shown;
}

stepper_grain stepper_shown_grain(const stepper *s)
{
    bool computed;
    stepper_shown_index(s, &computed);
    return computed ? s->from_grain : STEPPER_GRAIN_OP;
}

stepper_grain stepper_grain_now(const stepper *s) { return s->predict ? STEPPER_GRAIN_OP : s->grain; }
stepper_grain stepper_grain_chosen(const stepper *s) { return s->grain; }
void stepper_grain_next(stepper *s) { s->grain = (stepper_grain)((s->grain + 1) % STEPPER_GRAIN_COUNT); }

bool stepper_same_step(const nn_net *net, stepper_grain g, int i)
{
    if (i < 0 || i + 1 >= nn_op_count(net))
        return false;
    nn_op a = nn_op_at(net, i), b = nn_op_at(net, i + 1);
    switch (g) {
    case STEPPER_GRAIN_LAYER:
        return nn_op_phase_of(a) == nn_op_phase_of(b) && a.layer == b.layer;
    case STEPPER_GRAIN_PHASE:
        return nn_op_phase_of(a) == nn_op_phase_of(b);
    case STEPPER_GRAIN_ITERATION:
        return true;
    default:
        return false;
    }
}

/* Copies the network into the next ring slot; false on no memory. */
static bool push_snapshot(stepper *s)
{
    stepper_snapshot *slot = &s->undo[s->undo_top];
    if (!slot->net || !nn_copy_into(slot->net, s->net)) {
        nn_net *copy = nn_clone(s->net);
        if (!copy)
            return false;
        nn_free(slot->net);
        slot->net = copy;
    }
    slot->done = s->done;
    slot->from = s->from;
    slot->from_grain = s->from_grain;
    slot->status = s->status;
    s->undo_top = (s->undo_top + 1) % s->undo_depth;
    if (s->undo_count < s->undo_depth)
        s->undo_count++;
    return true;
}

nn_status stepper_step(stepper *s)
{
    if (!push_snapshot(s))
        return NN_NO_MEMORY;
    int count = nn_op_count(s->net), done_before = s->done;
    if (s->done >= count)
        s->done = 0;  /* after UPDATE: LINEAR 1 of the next iteration */
    int from = s->done;
    stepper_grain g = stepper_grain_now(s);
    nn_status st;
    for (;;) {
        st = nn_run_op(s->net, nn_op_at(s->net, s->done), s->lr);
        if (st == NN_NO_MEMORY || st == NN_BAD_ARGUMENT)
            break;
        s->done++;
        if (st != NN_OK || !stepper_same_step(s->net, g, s->done - 1))
            break;
    }
    if (s->done == from) {
        /* nothing ran: drop the snapshot we just took */
        s->done = done_before;
        s->undo_top = (s->undo_top + s->undo_depth - 1) % s->undo_depth;
        s->undo_count--;
        return st;
    }
    s->from = from;
    s->from_grain = g;
    s->status = st;
    s->update_first = 0;
    s->asking = false;
    s->input[0] = '\0';
    gc_forget(s);
    s->inspecting = false;
    return st;
}

bool stepper_can_undo(const stepper *s) { return s->undo_count > 0; }

const nn_net *stepper_before(const stepper *s)
{
    bool computed;
    stepper_shown_index(s, &computed);
    if (!computed || s->undo_count == 0)
        return NULL;
    return s->undo[(s->undo_top + s->undo_depth - 1) % s->undo_depth].net;
}

int stepper_update_first(const stepper *s) { return s->update_first; }

void stepper_update_next(stepper *s)
{
    s->update_first = (s->update_first + 1) % (2 * nn_layers(s->net));
}

bool stepper_undo(stepper *s)
{
    if (s->undo_count == 0)
        return false;
    int i = (s->undo_top + s->undo_depth - 1) % s->undo_depth;
    if (!nn_copy_into(s->net, s->undo[i].net))
        return false;
    s->done = s->undo[i].done;
    s->from = s->undo[i].from;
    s->from_grain = s->undo[i].from_grain;
    s->status = s->undo[i].status;
    s->undo_top = i;
    s->undo_count--;
    s->update_first = 0;
    s->asking = false;
    s->input[0] = '\0';
    s->last.verdict = STEPPER_VERDICT_NONE;
    gc_forget(s);
    s->inspecting = false;
    if (s->predict)
        stepper_ask(s);
    return true;
}

/* ---- predict the shape -------------------------------------------- */

bool stepper_predict_on(const stepper *s) { return s->predict; }

bool stepper_op_predictable(const nn_net *net, nn_op op, nn_ref *out)
{
    if (!nn_op_def_of(op.kind)->writes_one_matrix) /* a scalar J, or every layer */
        return false;
    nn_ref in[NN_OP_MAX_OPERANDS], o;
    nn_op_operands(net, op, in, &o);
    if (out)
        *out = o;
    return true;
}

void stepper_ask(stepper *s)
{
    s->asking = s->predict && stepper_op_predictable(s->net, stepper_next_op(s), NULL);
    s->input[0] = '\0';
    if (s->asking) {
        s->inspecting = false;
        gc_forget(s);
    }
}

void stepper_set_predict(stepper *s, bool on)
{
    s->predict = on;
    s->last.verdict = STEPPER_VERDICT_NONE;
    if (on)
        stepper_ask(s);
    else {
        s->asking = false;
        s->input[0] = '\0';
    }
}

bool stepper_asking(const stepper *s) { return s->asking; }
const char *stepper_input(const stepper *s) { return s->input; }

bool stepper_input_char(stepper *s, char ch)
{
    if (!((ch >= '0' && ch <= '9') || ch == ',' || ch == '(' || ch == ')' || ch == ' ' || ch == 'x'))
        return false;
    size_t n = strlen(s->input);
    if (n + 1 >= sizeof s->input)
        return false;
    s->input[n] = ch;
    s->input[n + 1] = '\0';
    return true;
}

void stepper_input_backspace(stepper *s)
{
    size_t n = strlen(s->input);
    if (n)
        s->input[n - 1] = '\0';
}

bool stepper_parse_shape(const char *text, size_t *rows, size_t *cols)
{
    size_t v[2];
    int count = 0;
    const char *p = text;
    while (*p) {
        if (*p >= '0' && *p <= '9') {
            if (count == 2)
                return false;
            size_t x = 0;
            while (*p >= '0' && *p <= '9') {
                if (x > 100000000)
                    return false;
                x = x * 10 + (size_t)(*p - '0');
                p++;
            }
            v[count++] = x;
        } else {
            p++;
        }
    }
    if (count != 2 || v[0] == 0 || v[1] == 0)
        return false;
    *rows = v[0];
    *cols = v[1];
    return true;
}

bool stepper_submit(stepper *s)
{
    nn_op op = stepper_next_op(s);
    nn_ref out;
    if (!stepper_op_predictable(s->net, op, &out))
        return false;
    size_t r, c;
    if (!stepper_parse_shape(s->input, &r, &c))
        return false;
    stepper_prediction p = {.ref = out, .said_rows = r, .said_cols = c};
    nn_value_shape(s->net, out.value, out.layer, &p.rows, &p.cols);
    p.verdict = (r == p.rows && c == p.cols) ? STEPPER_VERDICT_RIGHT : STEPPER_VERDICT_WRONG;
    nn_status st = stepper_step(s);
    if (st == NN_NO_MEMORY || st == NN_BAD_ARGUMENT)
        return false;
    s->last = p;
    return true;
}

const stepper_prediction *stepper_last_prediction(const stepper *s)
{
    return s->last.verdict == STEPPER_VERDICT_NONE ? NULL : &s->last;
}

void stepper_clear_prediction(stepper *s) { s->last.verdict = STEPPER_VERDICT_NONE; }

/* ---- inspector ---------------------------------------------------- */

static bool ref_equal(nn_ref a, nn_ref b) { return a.value == b.value && a.layer == b.layer; }

int stepper_views(const stepper *s, nn_ref out[STEPPER_MAX_VIEWS])
{
    bool computed;
    nn_op op = nn_op_at(s->net, stepper_shown_index(s, &computed));
    nn_ref in[NN_OP_MAX_OPERANDS], res;
    int n_in = nn_op_operands(s->net, op, in, &res);
    nn_ref all[STEPPER_MAX_VIEWS];
    int n_all = 0;
    for (int i = 0; i < n_in && n_all < STEPPER_MAX_VIEWS; i++)
        all[n_all++] = in[i];
    if (n_all < STEPPER_MAX_VIEWS)
        all[n_all++] = res;
    int n = 0;
    for (int i = 0; i < n_all; i++) {
        if (!nn_ref_matrix(s->net, all[i]))
            continue;
        bool seen = false;
        for (int j = 0; j < n; j++)
            seen = seen || ref_equal(out[j], all[i]);
        if (!seen)
            out[n++] = all[i];
    }
    return n;
}

bool stepper_inspecting(const stepper *s) { return s->inspecting; }

static void clamp_cursor(stepper *s)
{
    const mat *m = nn_ref_matrix(s->net, s->insp_ref);
    if (!m)
        return;
    if (s->insp_row >= m->rows)
        s->insp_row = m->rows - 1;
    if (s->insp_col >= m->cols)
        s->insp_col = m->cols - 1;
}

bool stepper_inspect_begin(stepper *s)
{
    nn_ref v[STEPPER_MAX_VIEWS];
    int n = stepper_views(s, v);
    if (n == 0)
        return false;
    s->insp_ref = v[n - 1];
    s->insp_row = s->insp_col = 0;
    s->inspecting = true;
    gc_forget(s);
    return true;
}

void stepper_inspect_end(stepper *s) { s->inspecting = false; }

void stepper_inspect_move(stepper *s, long drow, long dcol)
{
    const mat *m = nn_ref_matrix(s->net, s->insp_ref);
    if (!s->inspecting || !m)
        return;
    long r = (long)s->insp_row + drow, c = (long)s->insp_col + dcol;
    if (r < 0)
        r = 0;
    if (c < 0)
        c = 0;
    s->insp_row = (size_t)r;
    s->insp_col = (size_t)c;
    clamp_cursor(s);
}

void stepper_inspect_cycle(stepper *s)
{
    nn_ref v[STEPPER_MAX_VIEWS];
    int n = stepper_views(s, v);
    if (!s->inspecting || n == 0)
        return;
    int at = -1;
    for (int i = 0; i < n; i++)
        if (ref_equal(v[i], s->insp_ref))
            at = i;
    s->insp_ref = v[(at + 1) % n];
    clamp_cursor(s);
}

const mat *stepper_inspect_matrix(const stepper *s, nn_ref *ref, size_t *row, size_t *col)
{
    if (!s->inspecting)
        return NULL;
    if (ref)
        *ref = s->insp_ref;
    if (row)
        *row = s->insp_row;
    if (col)
        *col = s->insp_col;
    return nn_ref_matrix(s->net, s->insp_ref);
}

/* ---- gradient check ----------------------------------------------- */

bool stepper_gradcheck_plan(const stepper *s, gc_plan *plan)
{
    return gc_plan_within(s->net, STEPPER_GC_BUDGET_MADDS, plan);
}

nn_status stepper_gradcheck_compute(const nn_net *net, const gc_plan *plan, gc_result *out, long *kinks)
{
    nn_status st = gc_check_plan(net, STEPPER_GC_EPS, plan, out);
    *kinks = 0;
    nn_net *probe = st == NN_OK ? nn_clone(net) : NULL;
    if (probe) {
        /* A forward pass of the same parameters: count z on ReLU's kink. */
        nn_compute_cost(probe);
        for (int l = 1; l < nn_layers(probe); l++) {
            act_kind g = nn_activation(probe, l);
            const mat *Z = nn_value_of(probe, NN_Z, l);
            if ((g != ACT_RELU && g != ACT_LEAKY_RELU) || !Z)
                continue;
            for (size_t i = 0; i < Z->rows * Z->cols; i++)
                *kinks += fabs(Z->v[i]) <= 1e-6;
        }
        nn_free(probe);
    }
    return st;
}

void stepper_gradcheck_begin(stepper *s, const gc_plan *plan)
{
    gc_forget(s);
    s->gc_pending = true;
    s->gc_plan = *plan;
}

const gc_plan *stepper_gradcheck_pending(const stepper *s) { return s->gc_pending ? &s->gc_plan : NULL; }

bool stepper_gradcheck_finish(stepper *s, const gc_result *res, long kinks)
{
    if (!s->gc_pending)
        return false;
    s->gc_pending = false;
    s->gc = *res;
    s->gc_kinks = kinks;
    s->gc_shown = true;
    s->inspecting = false;
    return true;
}

nn_status stepper_gradcheck(stepper *s)
{
    gc_plan plan;
    if (!stepper_gradcheck_plan(s, &plan))
        return NN_BAD_ARGUMENT;
    gc_result res;
    long kinks;
    nn_status st = stepper_gradcheck_compute(s->net, &plan, &res, &kinks);
    stepper_gradcheck_begin(s, &plan);
    if (st == NN_OK)
        stepper_gradcheck_finish(s, &res, kinks);
    else
        gc_forget(s);
    return st;
}

const gc_result *stepper_gradcheck_result(const stepper *s) { return s->gc_shown ? &s->gc : NULL; }
long stepper_gradcheck_kinks(const stepper *s) { return s->gc_shown ? s->gc_kinks : 0; }
void stepper_gradcheck_clear(stepper *s) { gc_forget(s); }
