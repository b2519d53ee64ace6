/*
 * trainer_screen.c — the live trainer lab (week 3) and its deep version
 * (week 4): the screen's operations and its keys. Training runs on a worker
 * thread and the tick refreshes the caches (trainer_worker.c); the notes are
 * in trainer_notes.c and the drawing in trainer_view.c.
 *
 *   key ──► lock ──► change the model (lr, n_h, activation, data, init, view)
 *       ──► note in words ──► ask the worker for fresh caches ──► unlock
 *       ──► REDRAW | ANIMATE (the ticks pick the caches up when they are done)
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../keymap.h"
#include "monoclock.h"
#include "trainer_screen_internal.h"

static trainer_screen *ts_of(ui_screen *s) { return (trainer_screen *)s; }

trainer *trainer_screen_model(ui_screen *s) { return ts_of(s)->model; }

/* The reaction after a change: draw, and keep ticking while there is work.
 * The caches of the changed model come from the worker, and the ticks go on
 * until they are there; before the worker started (a screen that is never
 * ticked, as in the tests) or when it could not, they are computed here. */
unsigned ts_after(trainer_screen *ts, ui_ctx *ctx)
{
    if (ts->sync->started) {
        ts_want_refresh(ts);
        return UI_REDRAW | UI_ANIMATE;
    }
    ts_refresh_locked(ts, ctx);
    return UI_REDRAW | (ts_busy(ts) ? UI_ANIMATE : 0);
}

/* ---- the layers editor (e) ---- */

static unsigned act_edit_type(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    (void)ctx;
    trainer_screen *ts = ts_of(s);
    size_t len = strlen(ts->input);
    if (!((key.ch >= '0' && key.ch <= '9') || key.ch == ',' || key.ch == ' '))
        return UI_NOTHING;
    if (len + 1 < sizeof ts->input) {
        ts->input[len] = (char)key.ch;
        ts->input[len + 1] = '\0';
    }
    return UI_REDRAW;
}

static unsigned act_edit_backspace(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    (void)key, (void)ctx;
    trainer_screen *ts = ts_of(s);
    size_t len = strlen(ts->input);
    if (len)
        ts->input[len - 1] = '\0';
    return UI_REDRAW;
}

static unsigned act_edit_cancel(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    (void)key;
    trainer_screen *ts = ts_of(s);
    ts->editing = false;
    ctx->text_input = false;
    return UI_REDRAW | (ts_busy(ts) ? UI_ANIMATE : 0);
}

static unsigned act_edit_apply(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    (void)key;
    trainer_screen *ts = ts_of(s);
    int layers[NN_MAX_LAYERS + 1], n = 0;
    char err[200] = "";
    char why[200];
    ts->editing = false;
    ctx->text_input = false;
    const int n_x = nn_dim(trainer_net(ts->model), 0);
    if (!runspec_parse_layers(ts->input, layers, &n, why, sizeof why)) {
        ts_notef(ts, true, "Layer sizes are numbers separated by commas: the input %d first, the output 1 last (e.g. %d,20,7,5,1).",
                 "各层大小以逗号分隔：先写输入层 %d，最后是输出层 1（例如 %d,20,7,5,1）。", n_x, n_x);
        return UI_REDRAW;
    }
    if (layers[0] != n_x) {
        ts_notef(ts, true, "Layers not changed: the list starts with the input size, and this data set has %d features, not %d.",
                 "层未改变：列表第一个数是输入层大小，这个数据集有 %d 个特征，不是 %d。", n_x, layers[0]);
        return UI_REDRAW;
    }
    if (ts_change_refuses(ts))
        return UI_REDRAW;
    trainer_plan *p = trainer_plan_layers(ts->model, layers + 1, n - 1, err, sizeof err);
    if (!p) {
        ts_notef(ts, true, "Layers not changed: %s.", "层未改变：%s。", err);
        return UI_REDRAW;
    }
    ts_change c = {.kind = TS_CHANGE_LAYERS};
    snprintf(c.name, sizeof c.name, "%s", ts->input);
    return ts_change_start(ts, p, &c, ctx);
}

/* ---- the live network ---- */

static unsigned act_back(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    (void)s, (void)key, (void)ctx;
    return UI_POP;
}

static unsigned act_lr(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    trainer_screen *ts = ts_of(s);
    trainer *t = ts->model;
    uint32_t ch = key.code == UI_KEY_CHAR ? key.ch : 0;
    int dir = key.code == UI_KEY_RIGHT || ch == '+' || ch == '=' ? 1 : -1;
    double old = trainer_lr(t);
    if (!trainer_step_lr(t, dir))
        ts_notef(ts, false, "lr %g is already the %s rung of the ladder.", "学习率 %g 已是阶梯的%s。", old,
                 dir > 0 ? UI_TR(ctx, "top", "最高一级") : UI_TR(ctx, "bottom", "最低一级"));
    else
        ts_notef(ts, false, "lr %g \xe2\x86\x92 %g: the same network goes on with the new step size.",
                 "学习率 %g → %g：同一个网络以新的步长继续训练。", old, trainer_lr(t));
    return ts_after(ts, ctx);
}

static unsigned act_hidden(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    trainer_screen *ts = ts_of(s);
    trainer *t = ts->model;
    char err[200] = "";
    int n_h = nn_dim(trainer_net(t), 1) + (key.code == UI_KEY_UP ? 1 : -1);
    if (n_h < TRAINER_HIDDEN_MIN || n_h > TRAINER_HIDDEN_MAX) {
        ts_notef(ts, false, "n_h stays %d: this lab allows %d to %d hidden units.", "n_h 保持 %d：本实验允许 %d 到 %d 个隐藏单元。",
                 nn_dim(trainer_net(t), 1), TRAINER_HIDDEN_MIN, TRAINER_HIDDEN_MAX);
        return UI_REDRAW;
    }
    if (ts_change_refuses(ts))
        return UI_REDRAW;
    trainer_plan *p = trainer_plan_hidden(t, n_h, err, sizeof err);
    if (!p) {
        ts_note(ts, true, err, err);
        return UI_REDRAW;
    }
    return ts_change_start(ts, p, &(ts_change){.kind = TS_CHANGE_HIDDEN, .n_h = n_h}, ctx);
}

/* A key that only explains itself: the note, and a redraw. */
static unsigned ts_explain(ui_screen *s, const char *en, const char *zh)
{
    ts_note(ts_of(s), false, en, zh);
    return UI_REDRAW;
}

static unsigned act_hidden_deep(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    (void)key, (void)ctx;
    return ts_explain(s, "\xe2\x86\x91/\xe2\x86\x93 change a single hidden layer; press e to edit these layers.",
                      "↑/↓ 只改变单个隐藏层；按 e 编辑各层大小。");
}

static unsigned act_pause(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    (void)key;
    trainer_screen *ts = ts_of(s);
    trainer *t = ts->model;
    if (trainer_state_of(t) == TRAINER_RUNNING) {
        trainer_set_paused(t, true);
        ts_note(ts, false, "Paused. s runs one iteration; space goes on.", "已暂停。按 s 运行一次迭代；按空格继续。");
    } else if (!trainer_set_paused(t, false)) {
        ts_note_divergence(ts);
    } else {
        char en[48], zh[48];
        ts_pace_restart(ts, 1000.0 * mono_seconds());
        ts_pace_words(ts, en, sizeof en, zh, sizeof zh);
        ts_notef(ts, false, "Training (%s%.0s; , and . change it).", "训练中（%.0s%s；按 , 和 . 调整）。", en, zh);
    }
    return ts_after(ts, ctx);
}

static unsigned act_step(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    (void)key;
    trainer_screen *ts = ts_of(s);
    trainer *t = ts->model;
    trainer_set_paused(t, true);
    if (ts->step_wanted)
        return UI_REDRAW | UI_ANIMATE; /* the last s is still running */
    if (ts_step_away(ts)) {
        ts_note(ts, false, "Running one iteration of this wide network…", "正在运行这个宽网络的一次迭代……");
        return UI_REDRAW | UI_ANIMATE;
    }
    trainer_run(t, 1);
    ts_note_step(ts);
    return ts_after(ts, ctx);
}

static unsigned act_pace(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    trainer_screen *ts = ts_of(s);
    int dir = key.ch == '.' ? 1 : -1;
    char en[48], zh[48];
    bool moved = ts_pace_step(ts, dir, 1000.0 * mono_seconds());
    ts_pace_words(ts, en, sizeof en, zh, sizeof zh);
    if (!moved)
        ts_notef(ts, false, "Already at %s%.0s (, slower, . faster).", "已是%.0s%s（, 更慢，. 更快）。", en, zh);
    else
        ts_notef(ts, false, "Now %s%.0s: 1, 10, 100, 1000 it/s or full speed (, slower, . faster).",
                 "现在%.0s%s：1、10、100、1000 次/秒或全速（, 更慢，. 更快）。", en, zh);
    return ts_after(ts, ctx);
}

static unsigned act_pause_every(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    (void)key;
    trainer_screen *ts = ts_of(s);
    ts->pause_every = ts->pause_every ? 0 : TS_PAUSE_EVERY;
    if (ts->pause_every)
        ts_notef(ts, false, "Pausing at every %ldth iteration, as the notebooks print the cost (p again: off).",
                 "每到第 %ld 的倍数次迭代暂停，与笔记本打印代价的间隔相同（再按 p 关闭）。", ts->pause_every);
    else
        ts_note(ts, false, "No pause every 1000 iterations any more.", "不再每 1000 次迭代暂停。");
    return ts_after(ts, ctx);
}

/* a, d and t: a setting that needs a new network (the next activation, the
 * next data set, a test set on or off), through one path: the plan, then
 * the reason it was refused or, once it is in, its note (trainer_change.c). */
static unsigned act_rebuild(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    trainer_screen *ts = ts_of(s);
    trainer *t = ts->model;
    char err[200] = "";
    if (ts_change_refuses(ts))
        return UI_REDRAW;
    ts_change c = {.kind = key.ch == 'a' ? TS_CHANGE_ACTIVATION : key.ch == 'd' ? TS_CHANGE_DATASET : TS_CHANGE_SPLIT};
    trainer_plan *p;
    if (c.kind == TS_CHANGE_ACTIVATION) {
        c.act = trainer_next_activation(nn_activation(trainer_net(t), 1));
        p = trainer_plan_activation(t, c.act, err, sizeof err);
    } else if (c.kind == TS_CHANGE_DATASET) {
        snprintf(c.name, sizeof c.name, "%s", trainer_next_dataset(trainer_spec(t)->dataset));
        p = trainer_plan_dataset(t, c.name, err, sizeof err);
    } else {
        c.split_on = trainer_data_of(t)->X_test == NULL;
        p = trainer_plan_test_split(t, c.split_on ? TRAINER_TOGGLE_SPLIT : 0.0, err, sizeof err);
    }
    if (!p) {
        ts_notef(ts, true, "Not changed: %s", "未改变：%s", err);
        return UI_REDRAW;
    }
    return ts_change_start(ts, p, &c, ctx);
}

static unsigned act_reinit(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    (void)key;
    trainer_screen *ts = ts_of(s);
    char err[200] = "";
    if (ts_change_refuses(ts))
        return UI_REDRAW;
    trainer_plan *p = trainer_plan_reinit(ts->model, err, sizeof err);
    if (!p) {
        ts_notef(ts, true, "Not re-initialised: %s", "未重新初始化：%s", err);
        return UI_REDRAW;
    }
    return ts_change_start(ts, p, &(ts_change){.kind = TS_CHANGE_REINIT}, ctx);
}

static unsigned act_zero(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    (void)key;
    trainer_screen *ts = ts_of(s);
    if (ts_change_refuses(ts))
        return UI_REDRAW;
    trainer_zero_init(ts->model);
    ts_note(ts, false,
            "Every weight and bias is 0: all hidden units compute the same and get the same gradient, "
            "so they stay identical (unit panel, w). r restores random weights.",
            "所有权重和偏置都为 0：每个隐藏单元计算相同的东西、得到相同的梯度，因此始终一样（见单元面板，按 w）。按 r 恢复随机权重。");
    return ts_after(ts, ctx);
}

static unsigned act_unit_maps(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    (void)key;
    trainer_screen *ts = ts_of(s);
    ts->unit_maps = !ts->unit_maps;
    return ts_after(ts, ctx);
}

static unsigned act_no_unit_maps(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    (void)key, (void)ctx;
    return ts_explain(s, "w draws each hidden unit over the plane of x1 and x2; this network has no such plane.",
                      "w 在 x1、x2 平面上画出每个隐藏单元；这个网络没有这样的平面。");
}

static unsigned act_log(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    (void)key, (void)ctx;
    ts_of(s)->log_y = !ts_of(s)->log_y;
    return UI_REDRAW;
}

static unsigned act_report(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    (void)key;
    trainer_screen *ts = ts_of(s);
    ts_report_start(ts, ctx);
    return ts_after(ts, ctx) | (ts_report_busy(ts) ? UI_ANIMATE : 0);
}

static unsigned act_edit(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    (void)key;
    trainer_screen *ts = ts_of(s);
    ts->editing = true;
    ctx->text_input = true;  /* ? L q are typed into the line, not the app's */
    const nn_net *net = trainer_net(ts->model);
    size_t used = 0;
    ts->input[0] = '\0';
    for (int l = 0; l <= nn_layers(net) && used + 8 < sizeof ts->input; l++)
        used += (size_t)snprintf(ts->input + used, sizeof ts->input - used, "%s%d", l > 0 ? "," : "",
                                 nn_dim(net, l));
    return UI_REDRAW;
}

/* ---- when each binding applies (from ts->facts, kept under the lock) ---- */

static const trainer_screen *cts(const ui_screen *s) { return (const trainer_screen *)s; }
static bool when_editing(const ui_screen *s, const ui_ctx *c) { (void)c; return cts(s)->editing; }
static bool when_sweep(const ui_screen *s, const ui_ctx *c)
{
    (void)c;
    return !cts(s)->editing && cts(s)->view == TS_VIEW_SWEEP;
}
static bool when_sweep_lab(const ui_screen *s, const ui_ctx *c) { return when_sweep(s, c) && cts(s)->kind == UI_LAB_SWEEP; }
static bool when_sweep_trainer(const ui_screen *s, const ui_ctx *c) { return when_sweep(s, c) && cts(s)->kind != UI_LAB_SWEEP; }
static bool when_rates(const ui_screen *s, const ui_ctx *c)
{
    (void)c;
    return !cts(s)->editing && cts(s)->view == TS_VIEW_RATES;
}
static bool when_live(const ui_screen *s, const ui_ctx *c)
{
    (void)c;
    return !cts(s)->editing && cts(s)->view == TS_VIEW_TRAIN;
}
static bool when_running(const ui_screen *s, const ui_ctx *c) { return when_live(s, c) && cts(s)->facts.running; }
static bool when_stopped(const ui_screen *s, const ui_ctx *c) { return when_live(s, c) && !cts(s)->facts.running; }
static bool when_single(const ui_screen *s, const ui_ctx *c) { return when_live(s, c) && cts(s)->facts.single; }
static bool when_deep(const ui_screen *s, const ui_ctx *c) { return when_live(s, c) && !cts(s)->facts.single; }
static bool when_maps(const ui_screen *s, const ui_ctx *c) { return when_live(s, c) && cts(s)->facts.maps; }
static bool when_no_maps(const ui_screen *s, const ui_ctx *c) { return when_live(s, c) && !cts(s)->facts.maps; }
static bool when_plane(const ui_screen *s, const ui_ctx *c) { return when_live(s, c) && cts(s)->facts.plane; }

#define K_LR {UI_K(UI_KEY_LEFT), UI_K(UI_KEY_RIGHT), UI_CH('-'), UI_CH('+'), UI_CH('_'), UI_CH('=')}

/* The trainer's keys: the live network's in importance order (the bar cuts
 * the last ones first), then the layers editor's and the sweep's. */
static const ui_binding ts_bindings[] = {
    {{UI_CH(' ')}, "space", NULL, act_pause, "pause", "暂停", "pause, or go on", "暂停或继续", when_running},
    {{UI_CH(' ')}, "space", NULL, act_pause, "go on", "继续", NULL, NULL, when_stopped},
    {{UI_CH('s')}, "s", NULL, act_step, "step", "单步", "one iteration (and pause)", "运行一次迭代（并暂停）", when_live},
    {K_LR, "←→", "-/+", act_lr, "lr", "学习率", "learning rate α down or up the ladder 0.0001 … 100 (or - +)",
     "沿阶梯 0.0001 … 100 调小或调大学习率 α（或 - +）", when_live},
    {{UI_K(UI_KEY_UP), UI_K(UI_KEY_DOWN)}, "↑↓", "up/dn", act_hidden, "n_h", "隐藏单元",
     "hidden units n_h (1 to 50), rebuilt with fresh seeded weights", "隐藏单元数 n_h（1 到 50），用带种子的新权重重建",
     when_single},
    {{UI_K(UI_KEY_UP), UI_K(UI_KEY_DOWN)}, "↑↓", "up/dn", act_hidden_deep, NULL, NULL, NULL, NULL, when_deep},
    {{UI_CH('S')}, "S", NULL, ts_act_sweep, "sweep", "扫描", "the hidden-size sweep, n_h = " COURSE_SWEEP_SIZES_TEXT,
     "隐藏单元数扫描，n_h = " COURSE_SWEEP_SIZES_TEXT, when_live},
    {{UI_CH('w')}, "w", NULL, act_unit_maps, "units", "单元", "hidden units as weights, or as maps over the plane",
     "隐藏单元：显示权重，或在平面上的输出图", when_maps},
    {{UI_CH('w')}, "w", NULL, act_no_unit_maps, NULL, NULL, NULL, NULL, when_no_maps},
    {{UI_CH('l')}, "l", NULL, act_log, "log", "对数", "log scale for the cost axis", "代价轴用对数坐标", when_live},
    {{UI_CH('a')}, "a", NULL, act_rebuild, "act", "激活", "hidden activation: tanh, ReLU, leaky ReLU, sigmoid",
     "隐藏层激活函数：tanh、ReLU、Leaky ReLU、sigmoid", when_live},
    {{UI_CH('d')}, "d", NULL, act_rebuild, "data", "数据", "data set: planar, circles, moons, blobs, quantiles",
     "数据集：planar、circles、moons、blobs、quantiles", when_live},
    {{UI_CH('t')}, "t", NULL, act_rebuild, "test", "测试", "a held-out test set on or off (a quarter of the points)",
     "留出的测试集：开或关（四分之一的点）", when_plane},
    {{UI_CH('r')}, "r", NULL, act_reinit, "init", "重置", "re-initialise with the starting weights",
     "用初始权重重新初始化", when_live},
    {{UI_CH('z')}, "z", NULL, act_zero, "zero", "置零", "every weight and bias 0 (the symmetry problem)",
     "所有权重和偏置置 0（对称性问题）", when_live},
    {{UI_CH('e')}, "e", NULL, act_edit, "layers", "层", "edit the layer sizes, the input first (64,20,7,5,1)",
     "编辑各层大小，先写输入层（64,20,7,5,1）", when_live},
    {{UI_CH('c')}, "c", NULL, ts_act_rates, "rates", "学习率", "compare learning rates on one chart: 10, 1, 0.1 and 0.01 times this one",
     "在一张图上比较学习率：当前的 10、1、0.1 和 0.01 倍", when_live},
    {{UI_CH('R')}, "R", NULL, act_report, "report", "报告", "write the lab report of this run",
     "写出本次运行的实验报告", when_live},
    {{UI_CH(','), UI_CH('.')}, ",.", NULL, act_pace, "pace", "速度", "slower or faster: 1, 10, 100, 1000 it/s, full speed",
     "更慢或更快：1、10、100、1000 次/秒、全速", when_live},
    {{UI_CH('p')}, "p", NULL, act_pause_every, "every 1000", "每 1000 次", "pause at every 1000th iteration (on/off)",
     "每 1000 次迭代暂停（开/关）", when_live},
    {{UI_CH('q'), UI_K(UI_KEY_ESC)}, "q", NULL, act_back, NULL, NULL, NULL, NULL, when_live},
    /* the layers editor */
    {{UI_ANY_CHAR}, "0-9 ,", NULL, act_edit_type, "layer sizes", "层大小", "(layers) type the sizes",
     "（编辑层时）输入各层大小", when_editing},
    {{UI_K(UI_KEY_BACKSPACE)}, "Bksp", NULL, act_edit_backspace, NULL, NULL, "(layers) delete a character",
     "（编辑层时）删除一个字符", when_editing},
    {{UI_K(UI_KEY_ENTER)}, "Enter", NULL, act_edit_apply, "apply", "应用", "(layers) rebuild with these sizes",
     "（编辑层时）按这些大小重建网络", when_editing},
    {{UI_K(UI_KEY_ESC)}, "Esc", NULL, act_edit_cancel, "cancel", "取消", "(layers) cancel", "（编辑层时）取消",
     when_editing},
    /* the sweep */
    {{UI_CH('r')}, "r", NULL, ts_act_sweep_again, "run again", "重新扫描", "(sweep) run the sweep again",
     "（扫描时）重新扫描", when_sweep},
    {{UI_CH('S'), UI_CH('q'), UI_K(UI_KEY_ESC)}, "S/q", NULL, ts_act_sweep_back, "back to the trainer", "返回训练器",
     "(sweep) back to the live network", "（扫描时）回到实时训练的网络", when_sweep_trainer},
    {{UI_CH('S'), UI_CH('q'), UI_K(UI_KEY_ESC)}, "S", NULL, ts_act_sweep_back, NULL, NULL, NULL, NULL, when_sweep_lab},
    /* the learning-rate comparison */
    {{UI_CH('r')}, "r", NULL, ts_act_rates, "run again", "重新比较", "(rates) run the comparison again",
     "（比较学习率时）重新比较", when_rates},
    {{UI_CH('c'), UI_CH('q'), UI_K(UI_KEY_ESC)}, "c/q", NULL, ts_act_rates_back, "back to the trainer", "返回训练器",
     "(rates) back to the live network", "（比较学习率时）回到实时训练的网络", when_rates},
};
const ui_keymap trainer_keymap = UI_KEYMAP("trainer", ts_bindings);

static unsigned ts_on_key(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    trainer_screen *ts = ts_of(s);
    ts_lock(ts);
    ts_take_facts(ts);
    unsigned out = ui_keymap_dispatch(&trainer_keymap, s, key, ctx);
    ts_take_facts(ts);
    ts_unlock(ts);
    return out;
}

static void ts_render(const ui_screen *s, ui_canvas *c, ui_rect body, const ui_ctx *ctx)
{
    const trainer_screen *ts = (const trainer_screen *)s;
    ts_lock(ts);
    trainer_view_render(ts, c, body, ctx);
    ts_unlock(ts);
}

static const char *ts_help(const ui_screen *s, const ui_ctx *ctx)
{
    return trainer_view_help((const trainer_screen *)s, ctx);
}

static void ts_on_show(ui_screen *s, ui_ctx *ctx)
{
    trainer_screen *ts = ts_of(s);
    ts_lock(ts);
    ts->rate_t0 = ctx->now_ms;
    ts->rate = 0;
    ctx->text_input = ts->editing;
    ts_want_refresh(ts);
    s->animating = true;
    ts_unlock(ts);
}

static void ts_destroy(ui_screen *s)
{
    trainer_screen *ts = ts_of(s);
    if (!ts)
        return;
    ts_sync_stop(ts);
    ts_report_stop(ts);
    ts_change_stop(ts);
    ts_drop_sweep_maps(ts);
    trainer_grid_free(ts->grid);
    trainer_grid_free(ts->unit_grid);
    trainer_grid_free(ts->sweep_grid);
    free(ts->unit_p);
    free(ts->p_test);
    trainer_free(ts->model);
    free(ts);
}

static const ui_screen_ops trainer_ops = {
    .name = "trainer",
    .render = ts_render,
    .on_key = ts_on_key,
    .tick = ts_tick,
    .keymap = &trainer_keymap,
    .help = ts_help,
    .on_show = ts_on_show,
    .destroy = ts_destroy,
};

/* The deep lab's defaults for what its spec leaves open (spec->given): the
 * course's week-4 application on digits with layers 20,7,5,1; activation,
 * init and rate come from the one rule for every deep network
 * (runspec_deep_defaults), as `train` and the stepper get them. */
static void ts_deep_defaults(run_spec *sp)
{
    if (!runspec_given(sp, RUNSPEC_DATASET) && sp->assignment == RUNSPEC_ASSIGNMENT_NONE) /* a preset names its own */
        snprintf(sp->dataset, sizeof sp->dataset, "digits");
    if (!runspec_given(sp, RUNSPEC_LAYERS) && !runspec_given(sp, RUNSPEC_HIDDEN)) {
        static const int layers[] = {20, 7, 5, 1};
        sp->hidden = 0;
        sp->n_layers = 4;
        memcpy(sp->layers, layers, sizeof layers);
    }
}

ui_screen *trainer_screen_new(ui_lab_kind kind, const run_spec *spec, const ui_ctx *ctx, char *err, size_t err_size)
{
    trainer_screen *ts = calloc(1, sizeof *ts);
    if (!ts) {
        snprintf(err, err_size, "out of memory");
        return NULL;
    }
    ts->base.ops = &trainer_ops;
    ts->kind = kind;
    ts->chunk = TS_CHUNK_START;
    ts->pace = TS_PACE_FULL;
    ts->flat_armed = NAN;
    ts->sync = ts_sync_new();
    if (!ts->sync) {
        snprintf(err, err_size, "cannot create the trainer's lock");
        free(ts);
        return NULL;
    }
    run_spec sp = *spec;
    if (kind == UI_LAB_DEEP_TRAINER)
        ts_deep_defaults(&sp);
    unsigned chose = runspec_deep_defaults(&sp);
    ts->model = trainer_new(&sp, err, err_size);
    ts->grid = trainer_grid_new(TS_GRID_W, TS_GRID_H);
    ts->unit_grid = trainer_grid_new(TS_UNIT_W, TS_UNIT_H);
    ts->sweep_grid = trainer_grid_new(TS_SWEEP_W, TS_SWEEP_H);
    ts->unit_p = malloc((size_t)TS_UNIT_MAX * TS_UNIT_W * TS_UNIT_H * sizeof(float));
    if (!ts->model || !ts->grid || !ts->unit_grid || !ts->sweep_grid || !ts->unit_p) {
        if (ts->model)
            snprintf(err, err_size, "out of memory");
        ts_destroy(&ts->base);
        return NULL;
    }
    ts->rate_t0 = ctx ? ctx->now_ms : 0.0;
    /* Nothing is computed here (a wide network's first map takes seconds):
     * the worker makes the caches once the screen shows, and until then the
     * view says what it is computing. */
    ts->shown_build = -1;
    ts->no_memory_noted = -1;
    ts->now = (trainer_measure){.iterations = trainer_iterations(ts->model), .cost = NAN, .acc_train = NAN, .acc_test = NAN};
    ts->now_build = -1;
    ts->p_test_build = ts->p_test_iterations = -1;
    ts_want_refresh(ts);
    ts_take_facts(ts);
    if (kind == UI_LAB_SWEEP)
        ts_start_sweep(ts);
    else
        ts_note_opening(ts, chose);
    ts->base.animating = true;
    return &ts->base;
}
