/*
 * stepper_screen.c — the stepper lab as a ui_screen: keys → model actions
 * (stepper.c), drawing (stepper_view.c), the key bar and the help text.
 *
 *   mode        keys
 *   stepping    → space Enter next step · ← undo it · s step size · i inspect · g gradient check ·
 *               p predict · Tab (on the update) next parameter ·
 *               y your own function beside ours (stepper_learner.c) · q Esc back
 *   asking      0-9 , ( ) x space: type · Backspace · Enter → check and run · ← undo · Esc: predict off
 *   inspecting  arrows / hjkl move · Tab next matrix · Esc i leave
 */
#include "../keymap.h"
#include "../labs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../lab/run.h"
#include "../../lab/stepper.h"
#include "../../lesson/lesson.h"
#include "stepper_gc_job.h"
#include "stepper_learner.h"
#include "stepper_screen.h"
#include "stepper_view.h"

typedef struct stepper_screen {
    ui_screen base;
    stepper *model;
    stepper_notice notice;  /* shown until the next key */
    stepper_learner *learner;  /* the "your function" panel */
    stepper_gc_job *gc_job; /* a gradient check on its worker, or NULL */
    char gc_en[200];        /* the notice when the network is too big to check */
    char gc_zh[200];
    char *help_ascii;       /* the English help with ASCII twins, for ctx->ascii */
    char opening_en[256];   /* the first notice's text: which deep defaults were chosen */
    char opening_zh[256];
} stepper_screen;

static void st_render(const ui_screen *base, ui_canvas *c, ui_rect body, const ui_ctx *ctx)
{
    const stepper_screen *s = (const stepper_screen *)base;
    stepper_view_render(s->model, &s->notice, s->learner, c, body, ctx);
}

static void notice(stepper_screen *s, const char *en, const char *zh, ui_role role)
{
    s->notice = (stepper_notice){en, zh, role};
}

/* → / space / Enter while not asking: ask for the next shape, or run it. */
static unsigned act_next(ui_screen *base, ui_key key, ui_ctx *ctx)
{
    (void)key, (void)ctx;
    stepper_screen *s = (stepper_screen *)base;
    stepper *m = s->model;
    stepper_clear_prediction(m);
    if (stepper_predict_on(m)) {
        stepper_ask(m);
        if (stepper_asking(m))
            return UI_REDRAW;
    }
    nn_status st = stepper_step(m);
    if (st == NN_NO_MEMORY)
        notice(s, "Out of memory: the step did not run", "内存不足：这一步没有运行", ROLE_BAD);
    if (stepper_predict_on(m))
        stepper_clear_prediction(m);
    return UI_REDRAW;
}

static unsigned act_undo(ui_screen *base, ui_key key, ui_ctx *ctx)
{
    (void)key, (void)ctx;
    stepper_screen *s = (stepper_screen *)base;
    stepper_clear_prediction(s->model);
    if (!stepper_undo(s->model))
        notice(s, "Nothing to undo", "没有可撤销的步骤", ROLE_DIM);
    return UI_REDRAW;
}

static unsigned act_inspect(ui_screen *base, ui_key key, ui_ctx *ctx)
{
    (void)key, (void)ctx;
    stepper_screen *s = (stepper_screen *)base;
    if (!stepper_inspect_begin(s->model))
        notice(s, "No matrix to inspect yet", "还没有可查看的矩阵", ROLE_DIM);
    return UI_REDRAW;
}

/* A check whose forward passes stay below this many multiply-adds (~10 to
 * 25 ms) runs on the UI thread, done before the next frame: planar and the
 * small networks, as always. A bigger one runs on a worker (stepper_gc_job.h)
 * and the panel says "checking…" meanwhile. */
#define STEPPER_GC_SYNC_MADDS 1e8

static unsigned act_gradcheck(ui_screen *base, ui_key key, ui_ctx *ctx)
{
    (void)key, (void)ctx;
    stepper_screen *s = (stepper_screen *)base;
    stepper *m = s->model;
    if (stepper_gradcheck_result(m) || stepper_gradcheck_pending(m)) {
        stepper_gradcheck_clear(m);
        return UI_REDRAW;
    }
    gc_plan plan;
    if (!stepper_gradcheck_plan(m, &plan)) {
        const double pass = gc_pass_madds(stepper_net(m)) * 2.0 * 2.0 * nn_layers(stepper_net(m));
        snprintf(s->gc_en, sizeof s->gc_en,
                 "Too big to check here: even one entry of each W and b takes %.1e multiply-adds (budget %.0e)",
                 pass, STEPPER_GC_BUDGET_MADDS);
        snprintf(s->gc_zh, sizeof s->gc_zh, "网络太大，无法在这里检验：每个 W 和 b 只查一个元素也要 %.1e 次乘加（上限 %.0e）",
                 pass, STEPPER_GC_BUDGET_MADDS);
        notice(s, s->gc_en, s->gc_zh, ROLE_WARN);
        return UI_REDRAW;
    }
    if (plan.madds <= STEPPER_GC_SYNC_MADDS) {
        if (stepper_gradcheck(m) != NN_OK)
            notice(s, "The gradient check could not run", "梯度检验无法运行", ROLE_BAD);
        return UI_REDRAW;
    }
    /* A check forgotten by a step or by g may still be running: wait for it
     * (it is bounded by the budget). */
    stepper_gc_job_drop(s->gc_job);
    stepper_gradcheck_begin(m, &plan);
    s->gc_job = stepper_gc_job_start(m, &plan);
    if (!s->gc_job) {
        stepper_gradcheck_clear(m);
        notice(s, "The gradient check could not run", "梯度检验无法运行", ROLE_BAD);
        return UI_REDRAW;
    }
    return UI_REDRAW | UI_ANIMATE;
}

/* The tick's part for a check on its worker. */
static unsigned gc_tick(stepper_screen *s)
{
    if (!s->gc_job)
        return UI_NOTHING;
    if (!stepper_gc_job_done(s->gc_job))
        return UI_ANIMATE;
    stepper_gc_job *job = s->gc_job;
    s->gc_job = NULL;
    bool wanted = stepper_gradcheck_pending(s->model) != NULL;
    if (stepper_gc_job_finish(job, s->model) != NN_OK && wanted)
        notice(s, "The gradient check could not run", "梯度检验无法运行", ROLE_BAD);
    return wanted ? UI_REDRAW : UI_NOTHING;
}

static unsigned act_predict(ui_screen *base, ui_key key, ui_ctx *ctx)
{
    (void)key, (void)ctx;
    stepper_screen *s = (stepper_screen *)base;
    stepper *m = s->model;
    stepper_set_predict(m, !stepper_predict_on(m));
    if (!stepper_asking(m))
        notice(s, stepper_predict_on(m) ? "Predict the shape: on (asked before each matrix result)"
                                        : "Predict the shape: off",
               stepper_predict_on(m) ? "预测形状：开（每个矩阵结果出现前先回答）" : "预测形状：关", ROLE_NOTE);
    return UI_REDRAW;
}

/* Typing a digit after a verdict starts the next prediction. */
static unsigned act_predict_digit(ui_screen *base, ui_key key, ui_ctx *ctx)
{
    (void)ctx;
    stepper *m = ((stepper_screen *)base)->model;
    if (key.ch < '0' || key.ch > '9')
        return UI_NOTHING;
    stepper_ask(m);
    if (stepper_asking(m))
        stepper_input_char(m, (char)key.ch);
    return UI_REDRAW;
}

/* s: the next granularity of a step (operation → layer → phase → iteration). */
static unsigned act_grain(ui_screen *base, ui_key key, ui_ctx *ctx)
{
    (void)key, (void)ctx;
    stepper_grain_next(((stepper_screen *)base)->model);
    return UI_REDRAW;
}

/* Tab on the update: its next parameter first. */
static unsigned act_update_next(ui_screen *base, ui_key key, ui_ctx *ctx)
{
    (void)key, (void)ctx;
    stepper_update_next(((stepper_screen *)base)->model);
    return UI_REDRAW;
}

/* y: the learner's own function on this step's values, beside ours. */
static unsigned act_learner(ui_screen *base, ui_key key, ui_ctx *ctx)
{
    (void)key;
    stepper_screen *s = (stepper_screen *)base;
    stepper_gradcheck_clear(s->model);
    return stepper_learner_key(s->learner, s->model, ctx);
}

static unsigned act_back(ui_screen *base, ui_key key, ui_ctx *ctx)
{
    (void)base, (void)key, (void)ctx;
    return UI_POP;
}

/* ---- asking: a shape being typed ---- */

static unsigned act_type(ui_screen *base, ui_key key, ui_ctx *ctx)
{
    (void)ctx;
    stepper *m = ((stepper_screen *)base)->model;
    return key.ch < 0x80 && stepper_input_char(m, (char)key.ch) ? UI_REDRAW : UI_NOTHING;
}

static unsigned act_backspace(ui_screen *base, ui_key key, ui_ctx *ctx)
{
    (void)key, (void)ctx;
    stepper_input_backspace(((stepper_screen *)base)->model);
    return UI_REDRAW;
}

static unsigned act_submit(ui_screen *base, ui_key key, ui_ctx *ctx)
{
    (void)key, (void)ctx;
    stepper_screen *s = (stepper_screen *)base;
    if (!stepper_submit(s->model))
        notice(s, "Type the shape as rows, cols, e.g. 4,400", "请输入形状：行, 列，例如 4,400", ROLE_WARN);
    return UI_REDRAW;
}

static unsigned act_undo_quietly(ui_screen *base, ui_key key, ui_ctx *ctx)
{
    (void)key, (void)ctx;
    stepper_undo(((stepper_screen *)base)->model);
    return UI_REDRAW;
}

static unsigned act_predict_off(ui_screen *base, ui_key key, ui_ctx *ctx)
{
    (void)key, (void)ctx;
    stepper_set_predict(((stepper_screen *)base)->model, false);
    return UI_REDRAW;
}

/* ---- inspecting: a cursor in a matrix ---- */

static unsigned act_move(ui_screen *base, ui_key key, ui_ctx *ctx)
{
    (void)ctx;
    stepper *m = ((stepper_screen *)base)->model;
    uint32_t ch = key.code == UI_KEY_CHAR ? key.ch : 0;
    if (key.code == UI_KEY_LEFT || ch == 'h')
        stepper_inspect_move(m, 0, -1);
    else if (key.code == UI_KEY_RIGHT || ch == 'l')
        stepper_inspect_move(m, 0, 1);
    else if (key.code == UI_KEY_UP || ch == 'k')
        stepper_inspect_move(m, -1, 0);
    else if (key.code == UI_KEY_DOWN || ch == 'j')
        stepper_inspect_move(m, 1, 0);
    else if (key.code == UI_KEY_HOME)
        stepper_inspect_move(m, 0, -1000000000L);
    else if (key.code == UI_KEY_END)
        stepper_inspect_move(m, 0, 1000000000L);
    else if (key.code == UI_KEY_PGUP)
        stepper_inspect_move(m, 0, -10);
    else if (key.code == UI_KEY_PGDN)
        stepper_inspect_move(m, 0, 10);
    return UI_REDRAW;
}

static unsigned act_cycle(ui_screen *base, ui_key key, ui_ctx *ctx)
{
    (void)key, (void)ctx;
    stepper_inspect_cycle(((stepper_screen *)base)->model);
    return UI_REDRAW;
}

static unsigned act_inspect_end(ui_screen *base, ui_key key, ui_ctx *ctx)
{
    (void)key, (void)ctx;
    stepper_inspect_end(((stepper_screen *)base)->model);
    return UI_REDRAW;
}

/* ---- when each binding applies ---- */

static const stepper *model_of(const ui_screen *base) { return ((const stepper_screen *)base)->model; }

static bool when_stepping(const ui_screen *b, const ui_ctx *c)
{
    (void)c;
    return !stepper_inspecting(model_of(b)) && !stepper_asking(model_of(b));
}
static bool when_asking(const ui_screen *b, const ui_ctx *c) { (void)c; return stepper_asking(model_of(b)); }
static bool when_inspecting(const ui_screen *b, const ui_ctx *c) { (void)c; return stepper_inspecting(model_of(b)); }
static bool when_can_undo(const ui_screen *b, const ui_ctx *c) { return when_stepping(b, c) && stepper_can_undo(model_of(b)); }
static bool when_asking_undo(const ui_screen *b, const ui_ctx *c) { return when_asking(b, c) && stepper_can_undo(model_of(b)); }
static bool check_on(const stepper *m) { return stepper_gradcheck_result(m) || stepper_gradcheck_pending(m); }
static bool when_no_check(const ui_screen *b, const ui_ctx *c) { return when_stepping(b, c) && !check_on(model_of(b)); }
static bool when_check(const ui_screen *b, const ui_ctx *c) { return when_stepping(b, c) && check_on(model_of(b)); }
static bool when_update_shown(const ui_screen *b, const ui_ctx *c)
{
    const stepper *m = model_of(b);
    bool computed;
    int i = stepper_shown_index(m, &computed);
    return when_stepping(b, c) && computed && !stepper_gradcheck_result(m) &&
           nn_op_phase_of(nn_op_at(stepper_net(m), i)) == NN_PHASE_UPDATE;
}
static bool when_predict_off(const ui_screen *b, const ui_ctx *c) { return when_stepping(b, c) && !stepper_predict_on(model_of(b)); }
static bool when_predict_on(const ui_screen *b, const ui_ctx *c) { return when_stepping(b, c) && stepper_predict_on(model_of(b)); }

/* The stepper's keys, most important first within each mode. */
static const ui_binding st_bindings[] = {
    /* stepping */
    {{UI_K(UI_KEY_RIGHT), UI_CH(' '), UI_K(UI_KEY_ENTER)}, "→/space", "Right/space", act_next,
     "next step", "下一步", "(or Enter) run the next step (an operation, a layer, a phase or the iteration: s); "
     "after the update, the next iteration", "（或回车）运行下一步（一个运算、一层、一个阶段或整次迭代，见 s）；参数更新之后开始下一次迭代",
     when_stepping},
    {{UI_K(UI_KEY_LEFT)}, "←", "Left", act_undo, "undo", "撤销", "undo the last step exactly, as it was taken",
     "精确撤销上一步（按当时的步长）", when_can_undo},
    {{UI_K(UI_KEY_LEFT)}, "←", "Left", act_undo, NULL, NULL, NULL, NULL, when_stepping},
    {{UI_CH('s')}, "s", NULL, act_grain, "step size", "步长",
     "step size: one operation, a layer, a phase (forward, cost, backward, update) or the whole iteration per →",
     "步长：每按一次 → 运行一个运算、一层、一个阶段（前向、代价、反向、更新）或整次迭代", when_predict_off},
    {{UI_CH('i')}, "i", NULL, act_inspect, "inspect", "查看矩阵", "inspect a matrix of this operation cell by cell",
     "逐个查看本运算矩阵的元素", when_stepping},
    {{UI_CH('g')}, "g", NULL, act_gradcheck, "gradient check", "梯度检验",
     "gradient check of the current parameters: all of them on a small network, a fixed sample of each W and b "
     "on a big one (again: hide it)",
     "对当前参数做梯度检验：小网络检验全部参数，大网络在每个 W 和 b 中固定抽样（再按一次隐藏）",
     when_no_check},
    {{UI_CH('g'), UI_K(UI_KEY_ESC)}, "g", NULL, act_gradcheck, "hide check", "隐藏检验", NULL, NULL, when_check},
    {{UI_CH('p')}, "p", NULL, act_predict, "predict shapes", "预测形状",
     "predict the shape: type each result's shape before it runs (on/off)",
     "预测形状：每个结果出现前先输入它的形状（开/关）", when_predict_off},
    {{UI_CH('p')}, "p", NULL, act_predict, "predict off", "关闭预测", NULL, NULL, when_predict_on},
    {{UI_K(UI_KEY_TAB)}, "Tab", NULL, act_update_next, "next parameter", "下一个参数",
     "(on the update) the next parameter's old value, α·d and new value", "（参数更新时）下一个参数的旧值、α·d 与新值",
     when_update_shown},
    {{UI_CH('y')}, "y", NULL, act_learner, "yours", "你的函数",
     "your own function (once its exercise passes) on this step's values, its output beside ours: "
     "linear_forward on a forward step, L_model_forward at the cost, L_model_backward on a backward step "
     "(again: hide it)",
     "在这一步的数值上运行你自己的函数（练习通过之后），把它的输出和我们的并排显示：前向步骤用 linear_forward，"
     "代价处用 L_model_forward，反向步骤用 L_model_backward（再按一次隐藏）",
     when_stepping},
    {{UI_ANY_CHAR}, "0-9", NULL, act_predict_digit, NULL, NULL, NULL, NULL, when_predict_on},
    {{UI_CH('q'), UI_K(UI_KEY_ESC)}, "q", NULL, act_back, NULL, NULL, NULL, NULL, when_stepping},
    /* asking: a shape being typed */
    {{UI_ANY_CHAR}, "0-9 ,", NULL, act_type, "type the shape", "输入形状",
     "(predicting) type the shape as rows, cols", "（预测时）输入形状：行, 列", when_asking},
    {{UI_K(UI_KEY_ENTER), UI_K(UI_KEY_RIGHT)}, "Enter", NULL, act_submit, "check", "检查",
     "(predicting) check the shape, then run the operation", "（预测时）检查形状，然后运行该运算", when_asking},
    {{UI_K(UI_KEY_BACKSPACE)}, "Bksp", NULL, act_backspace, NULL, NULL, "(predicting) delete a character",
     "（预测时）删除一个字符", when_asking},
    {{UI_K(UI_KEY_LEFT)}, "←", "Left", act_undo_quietly, "undo", "撤销", NULL, NULL, when_asking_undo},
    {{UI_K(UI_KEY_LEFT)}, "←", "Left", act_undo_quietly, NULL, NULL, NULL, NULL, when_asking},
    {{UI_K(UI_KEY_ESC), UI_CH('p')}, "Esc", NULL, act_predict_off, "stop predicting", "关闭预测",
     "(predicting) stop predicting", "（预测时）关闭预测", when_asking},
    {{UI_CH('q')}, "q", NULL, act_back, "back", "返回", NULL, NULL, when_asking},
    /* inspecting: a cursor in a matrix */
    {{UI_K(UI_KEY_LEFT), UI_K(UI_KEY_RIGHT), UI_K(UI_KEY_UP), UI_K(UI_KEY_DOWN)}, "←↑↓→/hjkl", "arrows/hjkl",
     act_move, "move", "移动", "(inspecting) move the cursor", "（查看时）移动光标", when_inspecting},
    {{UI_CH('h'), UI_CH('j'), UI_CH('k'), UI_CH('l')}, "hjkl", NULL, act_move, NULL, NULL, NULL, NULL,
     when_inspecting},
    {{UI_K(UI_KEY_HOME), UI_K(UI_KEY_END), UI_K(UI_KEY_PGUP), UI_K(UI_KEY_PGDN)}, "Home/End PgUp/PgDn", NULL,
     act_move, NULL, NULL, "(inspecting) to the row's ends; 10 columns at a time", "（查看时）到行首行尾；一次 10 列",
     when_inspecting},
    {{UI_K(UI_KEY_TAB)}, "Tab", NULL, act_cycle, "next matrix", "下一个矩阵",
     "(inspecting) another matrix of this operation", "（查看时）本运算的另一个矩阵", when_inspecting},
    {{UI_K(UI_KEY_ESC), UI_CH('i')}, "Esc/i", NULL, act_inspect_end, "stop inspecting", "结束查看",
     "(inspecting) stop inspecting", "（查看时）结束查看", when_inspecting},
    {{UI_CH('q')}, "q", NULL, act_back, NULL, NULL, NULL, NULL, when_inspecting},
};
const ui_keymap stepper_keymap = UI_KEYMAP("stepper", st_bindings);

static unsigned st_tick(ui_screen *base, double budget_ms, ui_ctx *ctx)
{
    (void)budget_ms, (void)ctx;
    stepper_screen *s = (stepper_screen *)base;
    return stepper_learner_tick(s->learner) | gc_tick(s);
}

static unsigned st_on_key(ui_screen *base, ui_key key, ui_ctx *ctx)
{
    stepper_screen *s = (stepper_screen *)base;
    s->notice = (stepper_notice){NULL, NULL, ROLE_NORMAL};
    /* What a Chinese input method types for ASCII is that ASCII here too, as
     * in the lesson quizzes: （４，４００） is a shape. */
    if (key.code == UI_KEY_CHAR)
        key.ch = lesson_fold_cp(key.ch);
    unsigned r = ui_keymap_dispatch(&stepper_keymap, base, key, ctx);
    ctx->text_input = stepper_asking(s->model);
    return r;
}

static const char help_en[] =
    "The stepper runs one iteration of gradient descent one matrix operation at a time (or a layer, a phase "
    "or the whole iteration at a time: s), so you can see every value forward and backward propagation "
    "computes.\n\n"
    "Top line: the data set, the layer sizes n[0]-n[1]-…-n[L], the hidden activation, the number of "
    "examples m, the iteration (updates done so far), the learning rate α and the cost J once this "
    "iteration has computed it (before that, 'last J' is the previous iteration's; after the update, "
    "'old J' is the cost of the parameters before it).\n\n"
    "Left, Operations: the operations of one iteration in order: forward (Z[l] = W[l]·A[l−1] + b[l], "
    "A[l] = g(Z[l]), then the cost J), backward (dZ[L] = A[L] − Y, then dW, db, dA, dZ layer by layer) and "
    "the update. The heading says how much one step runs ('by operation', 'by layer', 'by phase', 'by "
    "iteration'). ✓ marks an operation done in this iteration, ▸ the one on show (all the operations of a "
    "larger step), · one still to come; ↑ or ↓ at the edge of a long list means more operations above or "
    "below.\n\n"
    "Left, the table: the shape of every layer's W, b, Z, A, dZ, dW, db (and dA when there is room), "
    "one column per layer [l]. A shape appears once the value exists; · means not computed yet in this "
    "iteration. Every value the step on show wrote is highlighted. When not every layer fits, the table "
    "follows the operation on show, and ‹ or › at its edge means more layers to the left or right.\n\n"
    "Right: the operation's formula, its dimension check spelled out (the shapes of the operands and of "
    "the result; 'broadcast' means b is added to every column), and the operands and the result printed "
    "like numpy prints them: up to 8 decimals, with … where rows or columns are left out to fit. After the "
    "update, each parameter is shown three times: its old value, α times its gradient, and its new value "
    "(new = old − α·d); when they do not all fit, Tab shows the next ones. A step of several operations "
    "lists their formulas, then what it read and everything it wrote.\n\n"
    "Keys: → (or space, Enter) runs the next step; after the update it starts the next iteration. s "
    "changes how much a step runs: one operation; one layer (forward: Z[l] and A[l]; backward: dZ[l], "
    "dW[l], db[l] and dA[l−1]; the cost and the update alone); one phase (forward, cost, backward, update); "
    "or the whole iteration. A step begun at a finer size finishes its layer or phase. ← undoes the last "
    "step exactly, one step as it was taken, whatever the size is now. i inspects a matrix cell by cell: the arrows or h j k l move "
    "the cursor, Tab picks another matrix of this operation, and for a matrix with one column per example "
    "the example's input x⁽ⁱ⁾ = X[:, i] and label y⁽ⁱ⁾ are shown; Esc leaves. g runs a gradient check of "
    "the current parameters: for each layer the relative difference between the numerical gradient "
    "(two-sided, ε = 1e-7) and backprop's dW and db: below 1e-7 (✓) backprop is right; from 1e-7 to "
    "1e-3 (~) the gap is the rounding noise of the two-sided difference; above 1e-3 (✗) there is a bug. "
    "? marks a difference above 1e-3 that cannot be trusted: a gradient so small (norm below 1e-5) that its "
    "relative difference means little, or, with ReLU, values of Z exactly at the kink z = 0 (the check "
    "counts them). Each parameter checked costs two forward passes over all m examples, so a network too big "
    "to check whole within a few tenths of a second (the week 4 cat network: 245,973 parameters) is checked "
    "on a fixed sample of the entries of each W and b, and the panel says how many of how many; such a check "
    "runs in the background ('checking…', the keys keep working), and a network too big for even one entry "
    "of each is not checked at all (the notice says so). p turns on "
    "\"predict the shape\": before each matrix result you type its shape (rows, cols such as 4,400) and "
    "Enter tells you ✓ right or ✗ wrong with the right shape, then the operation runs; while predicting, "
    "each step is one operation.\n\n"
    "y runs your own function, once its exercise passes (dnn-tutor exercises check w4a1/linear_forward), on "
    "exactly this step's values: linear_forward on a forward step (A[l−1], W[l], b[l] → Z[l]), "
    "L_model_forward at A[L] and the cost (X and the parameters → A[L] and the caches), L_model_backward on a "
    "backward step (A[L], Y and the caches → the gradients computed so far). Your output is printed beside "
    "ours, with the largest difference; ✗ says where they differ, or why your function did not run (an "
    "error, the time limit). It runs in the background, so every key keeps working; the panel belongs to its "
    "step, and y again hides it. q or Esc goes back.";

static const char help_zh[] =
    "逐步运算实验一次只做一个矩阵运算（按 s 也可以一次一层、一个阶段或整次迭代），带你走完梯度下降的一次迭代，"
    "让你看到前向传播和反向传播算出的每一个值。\n\n"
    "顶行：数据集、各层大小 n[0]-n[1]-…-n[L]、隐藏层激活函数、样本数 m、迭代次数（已完成的参数更新次数）、"
    "学习率 α，以及本次迭代算出的代价 J（算出之前显示的“上次 J”是上一次迭代的；参数更新之后显示的“更新前 J”"
    "是更新前参数的代价）。\n\n"
    "左侧“运算步骤”：一次迭代的全部运算，按顺序排列：前向传播（Z[l] = W[l]·A[l−1] + b[l]，A[l] = g(Z[l])，"
    "最后是代价 J）、反向传播（dZ[L] = A[L] − Y，然后逐层算 dW、db、dA、dZ）以及参数更新。✓ 表示本次迭代中已完成，"
    "▸ 表示当前显示的运算（较大的一步则是它的全部运算），· 表示尚未进行；列表很长时，边上的 ↑ 或 ↓ 表示上方或下方还有运算。"
    "标题说明一步运行多少（“按运算”“按层”“按阶段”“按迭代”）。\n\n"
    "左侧表格：每一层 W、b、Z、A、dZ、dW、db（有空间时还有 dA）的形状，每层 [l] 一列。值一旦存在，形状就会出现；"
    "· 表示本次迭代中还没算出。当前这一步写出的所有值都会高亮显示。放不下所有层时，表格跟随当前显示的运算，"
    "边上的 ‹ 或 › 表示左边或右边还有层。\n\n"
    "右侧：当前运算的公式、逐项写出的维度检查（各操作数和结果的形状；“broadcast”表示 b 会加到每一列上），"
    "以及按 numpy 方式打印的操作数和结果：最多 8 位小数，放不下的行列用 … 省略。参数更新之后，每个参数显示三次："
    "旧值、α 乘以它的梯度、新值（新值 = 旧值 − α·d）；放不下时按 Tab 查看其余参数。包含多个运算的一步会列出各运算的公式，"
    "然后是它读入的值和它写出的全部值。\n\n"
    "按键：→（或空格、回车）运行下一步；参数更新之后开始下一次迭代。s 改变一步运行多少：一个运算；一层（前向：Z[l] 和 A[l]；"
    "反向：dZ[l]、dW[l]、db[l] 和 dA[l−1]；代价和参数更新各自单独一步）；一个阶段（前向、代价、反向、更新）；或整次迭代。"
    "以较细步长开始的一步会先走完它所在的层或阶段。← 精确撤销上一步：按当时走的那一步撤销，与现在的步长无关。i 逐个查看矩阵元素："
    "方向键或 h j k l 移动光标，Tab 切换到本运算的另一个矩阵；若矩阵每列对应一个样本，还会显示该样本的输入 "
    "x⁽ⁱ⁾ = X[:, i] 和标签 y⁽ⁱ⁾；Esc 退出。g 对当前参数做梯度检验：逐层比较数值梯度（双侧差分，ε = 1e-7）与反向传播"
    "得到的 dW、db 的相对差：小于 1e-7（✓）说明反向传播正确；1e-7 到 1e-3 之间（~）是双侧差分的舍入误差；大于 1e-3（✗）说明有错误。"
    "? 表示超过 1e-3 但不可信的差：梯度本身很小（范数小于 1e-5），相对差意义不大；或使用 ReLU 时有 Z 值正好落在拐点 z = 0 上"
    "（检验会给出这些值的个数）。每检验一个参数都要对全部 m 个样本做两次前向传播，所以在零点几秒内无法全部检验的大网络"
    "（第 4 周的猫网络：245,973 个参数）只检验每个 W 和 b 中固定抽取的一部分元素，面板会写明检验了多少个、共多少个；"
    "这样的检验在后台运行（显示“正在检验…”，按键照常可用）；连每个矩阵各查一个元素都负担不起的网络不做检验（提示会说明）。"
    "p 打开“预测形状”：每个矩阵结果出现前先输入它的形状"
    "（行, 列，例如 4,400），回车后告诉你 ✓ 正确或 ✗ 错误及正确形状，然后运行该运算；预测时每一步都是一个运算。\n\n"
    "y 在这一步的数值上运行你自己的函数（练习通过之后，见 dnn-tutor exercises check w4a1/linear_forward）："
    "前向步骤用 linear_forward（A[l−1]、W[l]、b[l] → Z[l]），A[L] 和代价处用 L_model_forward（X 和参数 → A[L] 和 caches），"
    "反向步骤用 L_model_backward（A[L]、Y 和 caches → 目前已算出的梯度）。你的输出和我们的并排打印，并给出最大差；"
    "✗ 说明哪里不同，或你的函数为什么没有运行完（出错、超时）。它在后台运行，按键照常可用；这个面板只属于它那一步，"
    "再按 y 隐藏。q 或 Esc 返回。";

static const char *st_help(const ui_screen *base, const ui_ctx *ctx)
{
    const stepper_screen *s = (const stepper_screen *)base;
    if (ctx->ascii && ctx->lang == UI_LANG_EN && s->help_ascii)
        return s->help_ascii;
    return UI_TR(ctx, help_en, help_zh);
}

static void st_on_show(ui_screen *base, ui_ctx *ctx)
{
    stepper_screen *s = (stepper_screen *)base;
    ctx->text_input = stepper_asking(s->model);
}

static void st_destroy(ui_screen *base)
{
    stepper_screen *s = (stepper_screen *)base;
    if (!s)
        return;
    stepper_learner_free(s->learner);
    stepper_gc_job_drop(s->gc_job);
    stepper_free(s->model);
    free(s->help_ascii);
    free(s);
}

static const ui_screen_ops stepper_screen_ops = {
    .name = "stepper",
    .render = st_render,
    .on_key = st_on_key,
    .tick = st_tick,
    .keymap = &stepper_keymap,
    .help = st_help,
    .on_show = st_on_show,
    .destroy = st_destroy,
};

ui_screen *stepper_screen_from_model(stepper *model)
{
    if (!model)
        return NULL;
    stepper_screen *s = calloc(1, sizeof *s);
    if (!s) {
        stepper_free(model);
        return NULL;
    }
    s->base.ops = &stepper_screen_ops;
    s->model = model;
    s->learner = stepper_learner_new();
    if (!s->learner) {
        st_destroy(&s->base);
        return NULL;
    }
    /* The help's symbols at most double in bytes (α → alpha); the
     * transliteration cuts rather than overflows anyway. */
    size_t size = 2 * sizeof help_en;
    s->help_ascii = malloc(size);
    char *marks = malloc(sizeof help_en);
    if (s->help_ascii && marks) {
        /* "· one still to come", "· means …": the not-yet mark, whose twin
         * is '.', where a formula's · would become numpy's @. */
        memcpy(marks, help_en, sizeof help_en);
        for (char *p = strstr(marks, "· "); p; p = strstr(p + 1, "· "))
            if (p > marks && p[-1] == ' ') {
                p[0] = '.';
                memmove(p + 1, p + 2, strlen(p + 2) + 1);
            }
        stepper_ascii_math(marks, s->help_ascii, size);
    }
    free(marks);
    return &s->base;
}

ui_screen *stepper_screen_new(const run_spec *spec, const ui_ctx *ctx, char *err, size_t err_size)
{
    (void)ctx;
    /* A deep network takes week 4's defaults for what was not given (the
     * one rule, runspec_deep_defaults; applied again here, it says again
     * what it chose), and says so until the first key, as the trainer and
     * `train` do. */
    run_spec sp = *spec;
    unsigned chose = runspec_deep_defaults(&sp);
    stepper *model = stepper_new(&sp, err, err_size);
    if (!model)
        return NULL;
    ui_screen *s = stepper_screen_from_model(model);
    if (!s) {
        if (err && err_size)
            snprintf(err, err_size, "out of memory");
        return NULL;
    }
    stepper_screen *ss = (stepper_screen *)s;
    char en[160], zh[160];
    if (run_deep_default_words(chose, false, en, sizeof en) > 0 && run_deep_default_words(chose, true, zh, sizeof zh) > 0) {
        snprintf(ss->opening_en, sizeof ss->opening_en, "Deep net: week 4's %s.", en);
        snprintf(ss->opening_zh, sizeof ss->opening_zh, "深层网络：第 4 周的 %s。", zh);
        notice(ss, ss->opening_en, ss->opening_zh, ROLE_NOTE);
    }
    return s;
}

stepper *stepper_screen_model(ui_screen *screen)
{
    return screen ? ((stepper_screen *)screen)->model : NULL;
}

stepper_learner *stepper_screen_learner(ui_screen *screen)
{
    return screen ? ((stepper_screen *)screen)->learner : NULL;
}
