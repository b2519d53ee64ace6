/*
 * stepper_learner.c — the stepper's "your function" panel (stepper_learner.h):
 * which function a step shows, the checks before a run, the worker thread,
 * and the drawing of ours beside the learner's.
 */
#if defined(__GNUC__) && !defined(__clang__)
/* Paths and messages are cut at their buffers on purpose. */
#pragma GCC diagnostic ignored "-Wformat-truncation"
#endif

#include "stepper_learner.h"

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../glyphs.h"
#include "../text.h"
#include "../thread.h"
#include "ex_files.h"
#include "ex_text.h"
#include "progress.h"
#include "stepper_fmt.h"
#include "stepper_view_internal.h"

/* ---- which function a step shows --------------------------------------------- */

typedef struct stl_target {
    bool any;          /* a function applies (not the update) */
    ex_beside_fn fn;
    int layer;         /* linear_forward's l */
    char part[16];     /* the part of the value on show: "Z", "AL", "dW2" */
    char label[16];    /* its name in the stepper's notation: "Z[2]", "A[3]", "dW[2]" */
    char inputs[64];   /* what it runs on: "A[1], W[2], b[2]" */
} stl_target;

static bool same_ref(nn_ref a, nn_ref b)
{
    return a.value == b.value && a.layer == b.layer;
}

/* The op of an iteration that writes `ref` (from the op table), or the
 * update when none does. */
static nn_op writer_of(const nn_net *net, nn_ref ref)
{
    int count = nn_op_count(net);
    for (int i = 0; i < count; i++) {
        nn_ref in[NN_OP_MAX_OPERANDS], out;
        nn_op op = nn_op_at(net, i);
        nn_op_operands(net, op, in, &out);
        if (nn_op_phase_of(op) != NN_PHASE_UPDATE && same_ref(out, ref))
            return op;
    }
    return nn_op_at(net, count - 1);
}

/* A value as the course's functions call their arguments: "A[0]" (not the
 * stepper's X: linear_forward's A_prev), "W[2]", "Y". */
static void arg_name(nn_ref r, char *buf, size_t size)
{
    if (r.value == NN_REF_Y.value)
        nn_ref_name(r, buf, size);
    else
        snprintf(buf, size, "%s[%d]", nn_value_name(r.value), r.layer);
}

/* The operands of op as a function's arguments, joined with ", ": the
 * activations first (linear_forward(A_prev, W, b) is the course's order),
 * then the others in the op table's order. */
static void args_of(const nn_net *net, nn_op op, char *buf, size_t size)
{
    nn_ref in[NN_OP_MAX_OPERANDS], out;
    int n = nn_op_operands(net, op, in, &out);
    size_t len = 0;
    buf[0] = '\0';
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < n && len < size; i++)
            if ((in[i].value == NN_A) == (pass == 0)) {
                char name[32];
                arg_name(in[i], name, sizeof name);
                len += (size_t)snprintf(buf + len, size - len, "%s%s", len ? ", " : "", name);
            }
}

/* The function for the op s shows; false for the update. What the op is
 * comes from the op table (its phase, what it reads and writes):
 *   forward, writing A[L] (the cost too)  L_model_forward(X, parameters), its AL
 *   forward, another layer                linear_forward on the operands of the
 *                                         op that writes the layer's Z, its Z
 *   backward                              L_model_backward on what the backward
 *                                         pass starts from (A[L], Y) and the caches,
 *                                         the gradient the op wrote: dW, db or
 *                                         dA; for a dZ (grads has none) the dA
 *                                         it came from, else the next op's result */
static bool target_of(const stepper *s, stl_target *t)
{
    const nn_net *net = stepper_net(s);
    int shown = stepper_shown_index(s, NULL), L = nn_layers(net);
    nn_op op = nn_op_at(net, shown);
    nn_op_phase phase = nn_op_phase_of(op);
    nn_ref in[NN_OP_MAX_OPERANDS], out;
    int n = nn_op_operands(net, op, in, &out);
    memset(t, 0, sizeof *t);
    if (phase == NN_PHASE_UPDATE)
        return false;
    t->any = true;
    if (phase != NN_PHASE_BACKWARD && same_ref(out, (nn_ref){NN_A, L})) {
        t->fn = EXB_L_MODEL_FORWARD;
        snprintf(t->part, sizeof t->part, "AL");
        nn_ref_name(out, t->label, sizeof t->label);
        snprintf(t->inputs, sizeof t->inputs, "X, parameters");
        return true;
    }
    if (phase != NN_PHASE_BACKWARD) {
        nn_ref z = {NN_Z, op.layer};
        nn_op linear = writer_of(net, z);
        t->fn = EXB_LINEAR_FORWARD;
        t->layer = op.layer;
        snprintf(t->part, sizeof t->part, "%s", nn_value_name(z.value));
        nn_ref_name(z, t->label, sizeof t->label);
        args_of(net, linear, t->inputs, sizeof t->inputs);
        return true;
    }
    t->fn = EXB_L_MODEL_BACKWARD;
    /* The backward pass's first op reads what L_model_backward is given. */
    int first = shown;
    while (first > 0 && nn_op_phase_of(nn_op_at(net, first - 1)) == NN_PHASE_BACKWARD)
        first--;
    char from[48];
    args_of(net, nn_op_at(net, first), from, sizeof from);
    snprintf(t->inputs, sizeof t->inputs, "%s, caches", from);
    nn_ref grad = out;
    if (out.value == NN_DZ) {
        int k = 0;
        while (k < n && in[k].value != NN_DA)
            k++;
        if (k < n) {
            grad = in[k];
        } else {
            nn_ref next_in[NN_OP_MAX_OPERANDS];
            nn_op_operands(net, nn_op_at(net, shown + 1), next_in, &grad);
        }
    }
    snprintf(t->part, sizeof t->part, "%s%d", nn_value_name(grad.value), grad.layer);
    nn_ref_name(grad, t->label, sizeof t->label);
    return true;
}

/* ---- the worker ------------------------------------------------------------------ */

/* One run on the worker thread. The UI thread writes the inputs before the
 * thread starts and reads the outputs only after `done` is set. */
typedef struct stl_job {
    pthread_t thread;
    atomic_int cancel;
    atomic_int done;
    ex_beside_call call;
    char dir[EX_PATH_MAX], lib[EX_PATH_MAX], harness[EX_PATH_MAX];
    bool find_python;
    ex_python py;
    bool py_ok;
    char py_msg[1024];
    ex_beside_result res;
    bool ran;
} stl_job;

static void *stl_worker(void *arg)
{
    stl_job *job = arg;
    job->py_ok = !job->find_python || ex_python_find(&job->py, job->py_msg, sizeof job->py_msg);
    if (job->py_ok && !atomic_load(&job->cancel)) {
        ex_check_options opt = {job->dir, job->lib, job->harness, &job->py, ex_run_default_limits()};
        opt.limits.cancel = &job->cancel;
        ex_beside_run(&job->call, &opt, &job->res);
        job->ran = true;
    }
    atomic_store(&job->done, 1);
    return NULL;
}

static void job_drop(stl_job *job, bool cancel)
{
    if (!job)
        return;
    if (cancel)
        atomic_store(&job->cancel, 1);
    pthread_join(job->thread, NULL);
    ex_beside_call_clear(&job->call);
    if (job->ran)
        ex_beside_result_free(&job->res);
    free(job);
}

/* ---- the panel's state ----------------------------------------------------------- */

struct stepper_learner {
    bool on;                 /* the panel is on for the step below */
    long iteration;
    int done;
    stl_target target;
    stl_job *job;            /* the running function, or NULL */
    bool have;               /* res holds its result */
    ex_beside_result res;
    bool no_python;          /* no Python with numpy: py_msg says why */
    char py_msg[1024];
    bool py_known;
    ex_python py;
    bool refused;            /* nothing runs for this step: note_en / note_zh say why */
    ui_role note_role;
    char note_en[512], note_zh[512];
};

stepper_learner *stepper_learner_new(void)
{
    return calloc(1, sizeof(stepper_learner));
}

static void forget(stepper_learner *l)
{
    job_drop(l->job, true);
    l->job = NULL;
    if (l->have)
        ex_beside_result_free(&l->res);
    l->have = l->no_python = l->refused = false;
    l->on = false;
}

void stepper_learner_free(stepper_learner *l)
{
    if (!l)
        return;
    forget(l);
    free(l);
}

bool stepper_learner_shown(const stepper_learner *l, const stepper *s)
{
    return l && l->on && l->iteration == stepper_iteration(s) && l->done == stepper_done(s);
}

static void pin(stepper_learner *l, const stepper *s, const stl_target *t)
{
    l->on = true;
    l->iteration = stepper_iteration(s);
    l->done = stepper_done(s);
    l->target = *t;
}

/* ---- y ------------------------------------------------------------------------------ */

/* The panel, for this step, says why nothing runs. */
static void say(stepper_learner *l, const stepper *s, const stl_target *t, ui_role role, const char *en,
                const char *zh)
{
    forget(l);
    pin(l, s, t);
    l->refused = true;
    l->note_role = role;
    snprintf(l->note_en, sizeof l->note_en, "%s", en);
    snprintf(l->note_zh, sizeof l->note_zh, "%s", zh);
}

unsigned stepper_learner_key(stepper_learner *l, const stepper *s, const ui_ctx *ctx)
{
    if (stepper_learner_shown(l, s)) {
        forget(l);
        return UI_REDRAW;
    }
    stl_target t;
    if (!target_of(s, &t)) {
        say(l, s, &t, ROLE_DIM, "The update has changed W and b: y compares your functions on the steps before it",
            "参数更新已改变 W 和 b：y 只在更新之前的步骤上比较你的函数");
        return UI_REDRAW;
    }
    const char *id = ex_beside_id(t.fn), *fn = ex_beside_function(t.fn);
    char en[512], zh[512];
    stl_job *job = calloc(1, sizeof *job);
    if (!job) {
        say(l, s, &t, ROLE_BAD, "Out of memory", "内存不足");
        return UI_REDRAW;
    }
    /* First what this step allows (copying the values), then the learner's side. */
    switch (ex_beside_prepare(t.fn, stepper_net(s), t.layer, &job->call)) {
    case EXB_READY:
        break;
    case EXB_NOT_RELU:
        snprintf(en, sizeof en, "The course's %s uses ReLU in the hidden layers; this network does not", fn);
        snprintf(zh, sizeof zh, "课程的 %s 在隐藏层用 ReLU，而这个网络不是", fn);
        say(l, s, &t, ROLE_WARN, en, zh);
        free(job);
        return UI_REDRAW;
    case EXB_NO_GRADIENTS:
        snprintf(en, sizeof en, "No gradient of %s is computed yet: step on (→) to dW[%d]", fn,
                 nn_layers(stepper_net(s)));
        snprintf(zh, sizeof zh, "%s 的梯度还一个都没算出：继续（→）到 dW[%d]", fn, nn_layers(stepper_net(s)));
        say(l, s, &t, ROLE_DIM, en, zh);
        free(job);
        return UI_REDRAW;
    case EXB_NOT_COMPUTED:
        snprintf(en, sizeof en, "Ours is not computed yet: run this step (→), then y compares your %s", fn);
        snprintf(zh, sizeof zh, "我们的结果还没算出：先运行这一步（→），再按 y 比较你的 %s", fn);
        say(l, s, &t, ROLE_DIM, en, zh);
        free(job);
        return UI_REDRAW;
    case EXB_NO_MEMORY:
        say(l, s, &t, ROLE_BAD, "Out of memory", "内存不足");
        free(job);
        return UI_REDRAW;
    }
    char root[EX_PATH_MAX], dir[EX_PATH_MAX], file[EX_PATH_MAX];
    struct stat st;
    bool passed = ctx->progress && progress_exercise_get(ctx->progress, id) == PROGRESS_EX_PASS;
    bool have_root = passed && ex_find_root(root, sizeof root);
    if (have_root && ctx->progress->exercise_dir[0])
        snprintf(dir, sizeof dir, "%s", ctx->progress->exercise_dir);
    else if (!have_root || !ex_default_dir(dir, sizeof dir))
        dir[0] = '\0';
    /* the assignment's file: "w4a1/linear_forward" → DIR/w4a1.py */
    snprintf(file, sizeof file, "%s/%.*s.py", dir, (int)(strchr(id, '/') - id), id);
    bool there = dir[0] && stat(file, &st) == 0 && S_ISREG(st.st_mode);
    if (!passed) {
        snprintf(en, sizeof en, "y runs your %s once it passes: dnn-tutor exercises check %s", fn, id);
        snprintf(zh, sizeof zh, "你的 %s 通过后 y 才能运行它：dnn-tutor exercises check %s", fn, id);
        say(l, s, &t, ROLE_WARN, en, zh);
    } else if (!have_root) {
        say(l, s, &t, ROLE_BAD, "The exercises folder was not found (is dnn-tutor installed?)",
            "找不到练习文件夹（dnn-tutor 安装好了吗？）");
    } else if (!there) {
        snprintf(en, sizeof en, "Your file %s is not there", file);
        snprintf(zh, sizeof zh, "找不到你的文件 %s", file);
        say(l, s, &t, ROLE_WARN, en, zh);
    }
    if (!passed || !have_root || !there) {
        ex_beside_call_clear(&job->call);
        free(job);
        return UI_REDRAW;
    }
    snprintf(job->dir, sizeof job->dir, "%s", dir);
    snprintf(job->lib, sizeof job->lib, "%s/lib", root);
    snprintf(job->harness, sizeof job->harness, "%s/harness.py", root);
    job->find_python = !l->py_known;
    if (l->py_known)
        job->py = l->py;
    forget(l);
    atomic_init(&job->cancel, 0);
    atomic_init(&job->done, 0);
    if (ui_thread_start(&job->thread, stl_worker, job) != 0) {
        ex_beside_call_clear(&job->call);
        free(job);
        say(l, s, &t, ROLE_BAD, "Could not start a thread to run your function", "无法启动运行你的函数的线程");
        return UI_REDRAW;
    }
    l->job = job;
    pin(l, s, &t);
    return UI_REDRAW | UI_ANIMATE;
}

unsigned stepper_learner_tick(stepper_learner *l)
{
    if (!l || !l->job)
        return UI_NOTHING;
    if (!atomic_load(&l->job->done))
        return UI_ANIMATE;
    stl_job *job = l->job;
    l->job = NULL;
    pthread_join(job->thread, NULL);
    if (job->py_ok) {
        l->py_known = true;
        l->py = job->py;
    } else {
        l->no_python = true;
        snprintf(l->py_msg, sizeof l->py_msg, "%s", job->py_msg);
    }
    if (job->ran) {
        l->res = job->res;
        l->have = true;
        job->ran = false;
    }
    job_drop(job, false);
    return UI_REDRAW;
}

void stepper_learner_feed(stepper_learner *l, const stepper *s, ex_beside_result *res)
{
    stl_target t;
    forget(l);
    if (!target_of(s, &t))
        return;
    pin(l, s, &t);
    l->res = *res;
    memset(res, 0, sizeof *res);
    l->have = true;
}

/* ---- drawing ------------------------------------------------------------------------- */

/* A label and a matrix printed as the previews print them; returns the lines used. */
static int draw_matrix(ui_canvas *c, int x, int y, int w, int label_w, const char *label, ui_role role,
                       const mat *m, int max_lines)
{
    static char text[8192];
    canvas_text(c, x + label_w - text_width(label), y, text_width(label), label, role);
    int lines = stepper_format_matrix(m, w - label_w, max_lines, text, sizeof text);
    char *line = text;
    for (int k = 0; k < lines; k++) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        canvas_text(c, x + label_w, y + k, w - label_w, line, ROLE_NORMAL);
        line = nl ? nl + 1 : line + strlen(line);
    }
    return lines;
}

/* Text wrapped into the lines of r from y down; returns the lines drawn. */
static int wrapped(ui_canvas *c, ui_rect r, int y, const char *utf8, ui_role role, const ui_ctx *ctx)
{
    return stv_wrapped(c, r, y, r.y + r.h - y, utf8, role, ctx);
}

void stepper_learner_draw(const stepper_learner *l, ui_canvas *c, ui_rect r, const ui_ctx *ctx)
{
    const stl_target *t = &l->target;
    const char *fn = ex_beside_function(t->fn);
    int y = r.y;
    if (r.h < 1)
        return;
    char line[768];
    if (t->any) {
        snprintf(line, sizeof line, "%s%s(%s)", UI_TR(ctx, "Yours: ", "你的："), fn, t->inputs);
        stv_math(c, r.x, y++, r.w, line, ROLE_HEADING, ctx);
    }
    if (l->refused) {
        wrapped(c, r, y, UI_TR(ctx, l->note_en, l->note_zh), l->note_role, ctx);
        return;
    }
    if (l->job) {
        stv_math(c, r.x, y, r.w,
                 UI_TR(ctx, "Running your function… (up to 10 s; every key still works)",
                       "正在运行你的函数……（最多 10 秒；按键照常可用）"),
                 ROLE_DIM, ctx);
        return;
    }
    if (l->no_python) {
        wrapped(c, r, y, l->py_msg, ROLE_BAD, ctx);
        return;
    }
    if (!l->have)
        return;
    const ex_beside_result *res = &l->res;
    mat *ours = exv_to_mat(ex_beside_part(res->fn, res->ours, t->part));
    mat *theirs = exv_to_mat(ex_beside_part(res->fn, res->theirs, t->part));
    char ours_label[48], theirs_label[48];
    snprintf(ours_label, sizeof ours_label, "%s %s = ", UI_TR(ctx, "ours", "我们的"), t->label);
    snprintf(theirs_label, sizeof theirs_label, "%s %s = ", UI_TR(ctx, "yours", "你的"), t->label);
    int label_w = text_width(ours_label) > text_width(theirs_label) ? text_width(ours_label) : text_width(theirs_label);
    /* the two matrices share what the verdict (three lines) leaves */
    int room = r.y + r.h - y - 3;
    int each = room / 2 < 1 ? 1 : room / 2;
    if (ours)
        y += draw_matrix(c, r.x, y, r.w, label_w, ours_label, ROLE_HEADING, ours, each);
    if (theirs)
        y += draw_matrix(c, r.x, y, r.w, label_w, theirs_label, ROLE_CURRENT, theirs, each);
    else if (y < r.y + r.h)
        canvas_printf(c, r.x + label_w - text_width(theirs_label), y++, r.w, ROLE_DIM, "%s%s", theirs_label,
                      UI_TR(ctx, "(nothing came back)", "（没有返回值）"));
    mat_free(ours);
    mat_free(theirs);
    char diff[64] = "";
    if (res->compared)
        snprintf(diff, sizeof diff, "%.3g", res->max_diff);
    if (res->outcome == EX_PASS) {
        snprintf(line, sizeof line, UI_TR(ctx, "%s The same as ours: largest difference %s (at %s)",
                                          "%s 与我们的相同：最大差 %s（在 %s）"),
                 glyph_str(GLYPH_DONE, ctx->ascii), diff, res->max_at);
        wrapped(c, r, y, line, ROLE_OK, ctx);
        return;
    }
    if (res->theirs && res->compared)
        snprintf(line, sizeof line, UI_TR(ctx, "%s Different from ours: largest difference %s at %s",
                                          "%s 与我们的不同：最大差 %s，在 %s"),
                 glyph_str(GLYPH_WRONG, ctx->ascii), diff, res->max_at);
    else if (res->theirs)
        snprintf(line, sizeof line, "%s %s", glyph_str(GLYPH_WRONG, ctx->ascii),
                 UI_TR(ctx, "Different from ours:", "与我们的不同："));
    else
        snprintf(line, sizeof line, "%s %s", glyph_str(GLYPH_WRONG, ctx->ascii),
                 UI_TR(ctx, "Your function did not run to the end:", "你的函数没有运行完："));
    y += wrapped(c, r, y, line, ROLE_BAD, ctx);
    char verdict[1024];
    ex_verdict_text(&res->verdict, fn, ctx->lang == UI_LANG_ZH ? 1 : 0, verdict, sizeof verdict);
    wrapped(c, r, y, verdict, ROLE_NORMAL, ctx);
}
