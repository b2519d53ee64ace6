/*
 * trainer_screen.c — the live trainer lab (week 3) and its deep version
 * (week 4): keys, training in slices between frames, and the caches the
 * view draws from. The drawing itself is in trainer_view.c.
 *
 *   tick(budget) ── run iterations in chunks until the budget is spent
 *                ── every ≥ 100 ms: recompute the prediction grid, the
 *                   unit maps, the accuracies (ts_refresh)
 *                ── UI_REDRAW | UI_ANIMATE while training or sweeping
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "trainer_screen_internal.h"

static double ts_clock_ms(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)now.tv_sec * 1000.0 + (double)now.tv_nsec / 1e6;
}

static trainer_screen *ts_of(ui_screen *s) { return (trainer_screen *)s; }

trainer *trainer_screen_model(ui_screen *s) { return ts_of(s)->model; }

static void ts_note(trainer_screen *ts, bool warn, const char *en, const char *zh)
{
    snprintf(ts->note_en, sizeof ts->note_en, "%s", en);
    snprintf(ts->note_zh, sizeof ts->note_zh, "%s", zh);
    ts->note_warn = warn;
}

static const char *ts_act_zh(act_kind k)
{
    switch (k) {
    case ACT_TANH: return "tanh";
    case ACT_RELU: return "ReLU";
    case ACT_LEAKY_RELU: return "Leaky ReLU";
    default: return "sigmoid";
    }
}

/* "seed 2 (×0.01)" / "seed 1 (/√n)" / "all zero": how fresh weights are made. */
static void ts_init_words(const trainer *t, char *en, size_t en_size, char *zh, size_t zh_size)
{
    const run_spec *sp = trainer_spec(t);
    uint32_t seed = sp->seed_given ? sp->seed : nn_init_default_seed(sp->init);
    switch (sp->init) {
    case NN_INIT_ZEROS:
        snprintf(en, en_size, "every weight 0");
        snprintf(zh, zh_size, "所有权重为 0");
        break;
    case NN_INIT_COURSE_W4:
        snprintf(en, en_size, "fresh weights randn/sqrt(n[l-1]) from seed %u", (unsigned)seed);
        snprintf(zh, zh_size, "由种子 %u 重新生成权重 randn/sqrt(n[l-1])", (unsigned)seed);
        break;
    default:
        snprintf(en, en_size, "fresh weights randn*0.01 from seed %u", (unsigned)seed);
        snprintf(zh, zh_size, "由种子 %u 重新生成权重 randn*0.01", (unsigned)seed);
        break;
    }
}

static void ts_note_rebuilt(trainer_screen *ts, const char *what_en, const char *what_zh)
{
    char ien[96], izh[96], en[512], zh[512];
    ts_init_words(ts->model, ien, sizeof ien, izh, sizeof izh);
    snprintf(en, sizeof en, "%.200s: network rebuilt, %s; iterations count from 0.", what_en, ien);
    snprintf(zh, sizeof zh, "%.200s：网络已重建，%s；迭代从 0 重新计数。", what_zh, izh);
    ts_note(ts, false, en, zh);
}

static void ts_note_divergence(trainer_screen *ts)
{
    trainer *t = ts->model;
    char en[512], zh[512];
    if (trainer_divergence_of(t) == TRAINER_DIV_NONFINITE) {
        snprintf(en, sizeof en,
                 "Diverged at iteration %ld: the cost or a weight became NaN/inf with lr %g. "
                 "The steps overshoot: lower the rate (\xe2\x86\x90), then r to start again.",
                 trainer_iterations(t), trainer_lr(t));
        snprintf(zh, sizeof zh,
                 "第 %ld 次迭代发散：学习率 %g 下代价或权重变成了 NaN/inf。步子太大：先降低学习率（←），再按 r 重新开始。",
                 trainer_iterations(t), trainer_lr(t));
    } else {
        snprintf(en, sizeof en,
                 "Paused: the cost rose %d checks in a row with lr %g, so the steps overshoot. "
                 "Try a smaller rate (\xe2\x86\x90); space goes on anyway.",
                 TRAINER_WATCH, trainer_lr(t));
        snprintf(zh, sizeof zh, "已暂停：学习率 %g 下代价连续 %d 次上升，步子太大。试试更小的学习率（←）；按空格仍可继续。",
                 trainer_lr(t), TRAINER_WATCH);
    }
    ts_note(ts, true, en, zh);
}

void trainer_screen_refresh(ui_screen *s, const ui_ctx *ctx)
{
    trainer_screen *ts = ts_of(s);
    double t0 = ts_clock_ms();
    trainer *t = ts->model;
    const trainer_data *d = trainer_data_of(t);
    const nn_net *net = trainer_net(t);
    bool sick = trainer_state_of(t) == TRAINER_DIVERGED && trainer_divergence_of(t) == TRAINER_DIV_NONFINITE;
    if (nn_dim(net, 0) == 2) {
        trainer_grid_predict(ts->grid, net, d->lo, d->hi); /* NAN pixels when not finite */
        ts->unit_n = trainer_grid_units(ts->unit_grid, net, d->lo, d->hi, ts->unit_p, TS_UNIT_MAX);
    } else {
        ts->unit_n = 0;
    }
    ts->acc_train = trainer_accuracy(t, false);
    ts->acc_test = trainer_accuracy(t, true);
    free(ts->p_test);
    ts->p_test = NULL;
    ts->p_test_n = 0;
    if (d->X_test && !sick) {
        mat *P = mat_new(1, d->X_test->cols);
        if (P && nn_predict_proba(net, d->X_test, P) == NN_OK) {
            ts->p_test = P->v;
            ts->p_test_n = P->cols;
            P->v = NULL;
        }
        mat_free(P);
    }
    /* The sweep: a map for every size that is done and has none yet. */
    const trainer_sweep_entry *e;
    size_t n = trainer_sweep_entries(t, &e);
    for (size_t i = 0; i < n; i++) {
        bool done = e[i].done >= e[i].total || e[i].diverged;
        if (done && !ts->sweep_p[i] && nn_dim(e[i].net, 0) == 2) {
            ts->sweep_p[i] = malloc((size_t)TS_SWEEP_W * TS_SWEEP_H * sizeof(float));
            if (ts->sweep_p[i]) {
                trainer_grid_predict(ts->sweep_grid, e[i].net, d->lo, d->hi);
                memcpy(ts->sweep_p[i], ts->sweep_grid->p, (size_t)TS_SWEEP_W * TS_SWEEP_H * sizeof(float));
            }
        }
    }
    ts->dirty = false;
    ts->refreshed_ms = ctx->now_ms;
    ts->refresh_cost_ms = ts_clock_ms() - t0;
}

static void ts_drop_sweep_maps(trainer_screen *ts)
{
    for (int i = 0; i < TRAINER_SWEEP_COUNT; i++) {
        free(ts->sweep_p[i]);
        ts->sweep_p[i] = NULL;
    }
}

static bool ts_busy(const trainer_screen *ts)
{
    if (ts->view == TS_VIEW_SWEEP)
        return trainer_sweep_active(ts->model) && !trainer_sweep_finished(ts->model);
    return trainer_state_of(ts->model) == TRAINER_RUNNING;
}

/* The reaction after a change: draw, and keep ticking while there is work. */
static unsigned ts_after(trainer_screen *ts, ui_ctx *ctx)
{
    trainer_screen_refresh(&ts->base, ctx);
    return UI_REDRAW | (ts_busy(ts) ? UI_ANIMATE : 0);
}

static void ts_start_sweep(trainer_screen *ts)
{
    char err[200];
    ts_drop_sweep_maps(ts);
    if (!trainer_sweep_start(ts->model, TRAINER_SWEEP_ITERATIONS, err, sizeof err)) {
        ts_note(ts, true, err, err);
        return;
    }
    ts->view = TS_VIEW_SWEEP;
    char en[512], zh[512];
    snprintf(en, sizeof en, "Sweep: n_h = 1, 2, 3, 4, 5, 20, 50, %d iterations each at lr %g. "
             "The live network waits meanwhile.", TRAINER_SWEEP_ITERATIONS, trainer_lr(ts->model));
    snprintf(zh, sizeof zh, "隐藏单元扫描：n_h = 1, 2, 3, 4, 5, 20, 50，每个以学习率 %g 训练 %d 次迭代。其间主网络暂停。",
             trainer_lr(ts->model), TRAINER_SWEEP_ITERATIONS);
    ts_note(ts, false, en, zh);
}

/* Parses "20,7,5,1" into layers; false when it is not 1 … NN_MAX_LAYERS
 * numbers in 1 … NN_MAX_UNITS separated by commas. */
static bool ts_parse_layers(const char *s, int *layers, int *count)
{
    int n = 0;
    while (*s) {
        while (*s == ' ')
            s++;
        if (*s < '0' || *s > '9' || n == NN_MAX_LAYERS)
            return false;
        long v = 0;
        while (*s >= '0' && *s <= '9' && v <= NN_MAX_UNITS)
            v = v * 10 + (*s++ - '0');
        if (v < 1 || v > NN_MAX_UNITS)
            return false;
        layers[n++] = (int)v;
        while (*s == ' ')
            s++;
        if (*s == ',')
            s++;
        else if (*s)
            return false;
    }
    *count = n;
    return n > 0;
}

static unsigned ts_edit_key(trainer_screen *ts, ui_key key, ui_ctx *ctx)
{
    size_t len = strlen(ts->input);
    if (key.code == UI_KEY_ESC) {
        ts->editing = false;
        return UI_REDRAW | (ts_busy(ts) ? UI_ANIMATE : 0);
    }
    if (key.code == UI_KEY_BACKSPACE) {
        if (len)
            ts->input[len - 1] = '\0';
        return UI_REDRAW;
    }
    if (key.code == UI_KEY_CHAR && ((key.ch >= '0' && key.ch <= '9') || key.ch == ',' || key.ch == ' ')) {
        if (len + 1 < sizeof ts->input) {
            ts->input[len] = (char)key.ch;
            ts->input[len + 1] = '\0';
        }
        return UI_REDRAW;
    }
    if (key.code != UI_KEY_ENTER)
        return UI_NOTHING;
    int layers[NN_MAX_LAYERS], n = 0;
    char err[200] = "";
    ts->editing = false;
    if (!ts_parse_layers(ts->input, layers, &n)) {
        ts_note(ts, true, "Layer sizes are numbers 1-1024 separated by commas, the last 1 (e.g. 20,7,5,1).",
                "层的大小是以逗号分隔的 1-1024 之间的数，最后一个为 1（例如 20,7,5,1）。");
    } else if (!trainer_set_layers(ts->model, layers, n, err, sizeof err)) {
        char en[512], zh[512];
        snprintf(en, sizeof en, "Layers not changed: %s.", err);
        snprintf(zh, sizeof zh, "层未改变：%s。", err);
        ts_note(ts, true, en, zh);
    } else {
        char en[128], zh[128];
        snprintf(en, sizeof en, "Layers %s", ts->input);
        snprintf(zh, sizeof zh, "层 %s", ts->input);
        ts_note_rebuilt(ts, en, zh);
    }
    return ts_after(ts, ctx);
}

static unsigned ts_sweep_key(trainer_screen *ts, ui_key key, ui_ctx *ctx)
{
    uint32_t ch = key.code == UI_KEY_CHAR ? key.ch : 0;
    if (key.code == UI_KEY_ESC || ch == 'q' || ch == 'S') {
        if (ts->kind == UI_LAB_SWEEP && ch != 'S')
            return UI_POP;
        ts->view = TS_VIEW_TRAIN;
        ts_note(ts, false, "Back to the live network.", "回到实时训练的网络。");
        return ts_after(ts, ctx);
    }
    if (ch == 'r') {
        ts_start_sweep(ts);
        return ts_after(ts, ctx);
    }
    return UI_NOTHING;
}

static unsigned ts_on_key(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    trainer_screen *ts = ts_of(s);
    trainer *t = ts->model;
    if (ts->editing)
        return ts_edit_key(ts, key, ctx);
    if (ts->view == TS_VIEW_SWEEP)
        return ts_sweep_key(ts, key, ctx);
    char err[200] = "", en[512], zh[512];
    int dir = 0;
    uint32_t ch = key.code == UI_KEY_CHAR ? key.ch : 0;
    if (key.code == UI_KEY_RIGHT || ch == '+' || ch == '=')
        dir = 1;
    else if (key.code == UI_KEY_LEFT || ch == '-' || ch == '_')
        dir = -1;
    if (dir) {
        double old = trainer_lr(t);
        if (!trainer_step_lr(t, dir)) {
            snprintf(en, sizeof en, "lr %g is already the %s rung of the ladder.", old, dir > 0 ? "top" : "bottom");
            snprintf(zh, sizeof zh, "学习率 %g 已是阶梯的%s。", old, dir > 0 ? "最高一级" : "最低一级");
            ts_note(ts, false, en, zh);
        } else {
            snprintf(en, sizeof en, "lr %g \xe2\x86\x92 %g: the same network goes on with the new step size.",
                     old, trainer_lr(t));
            snprintf(zh, sizeof zh, "学习率 %g → %g：同一个网络以新的步长继续训练。", old, trainer_lr(t));
            ts_note(ts, false, en, zh);
        }
        return ts_after(ts, ctx);
    }
    if (key.code == UI_KEY_UP || key.code == UI_KEY_DOWN) {
        if (!trainer_single_hidden(t)) {
            ts_note(ts, false, "\xe2\x86\x91/\xe2\x86\x93 change a single hidden layer; press e to edit these layers.",
                    "↑/↓ 只改变单个隐藏层；按 e 编辑各层大小。");
            return UI_REDRAW;
        }
        int n_h = nn_dim(trainer_net(t), 1) + (key.code == UI_KEY_UP ? 1 : -1);
        if (n_h < TRAINER_HIDDEN_MIN || n_h > TRAINER_HIDDEN_MAX) {
            snprintf(en, sizeof en, "n_h stays %d: this lab allows %d to %d hidden units.",
                     nn_dim(trainer_net(t), 1), TRAINER_HIDDEN_MIN, TRAINER_HIDDEN_MAX);
            snprintf(zh, sizeof zh, "n_h 保持 %d：本实验允许 %d 到 %d 个隐藏单元。", nn_dim(trainer_net(t), 1),
                     TRAINER_HIDDEN_MIN, TRAINER_HIDDEN_MAX);
            ts_note(ts, false, en, zh);
            return UI_REDRAW;
        }
        if (!trainer_set_hidden(t, n_h, err, sizeof err)) {
            ts_note(ts, true, err, err);
            return UI_REDRAW;
        }
        snprintf(en, sizeof en, "%d hidden units", n_h);
        snprintf(zh, sizeof zh, "%d 个隐藏单元", n_h);
        ts_note_rebuilt(ts, en, zh);
        return ts_after(ts, ctx);
    }
    if (key.code == UI_KEY_ESC || ch == 'q')
        return UI_POP;
    switch (ch) {
    case ' ':
        if (trainer_state_of(t) == TRAINER_RUNNING) {
            trainer_set_paused(t, true);
            ts_note(ts, false, "Paused. s runs one iteration; space goes on.", "已暂停。按 s 运行一次迭代；按空格继续。");
        } else if (!trainer_set_paused(t, false)) {
            ts_note_divergence(ts);
        } else {
            ts_note(ts, false, "Training.", "训练中。");
        }
        return ts_after(ts, ctx);
    case 's':
        trainer_set_paused(t, true);
        if (trainer_run(t, 1) == 0 || trainer_state_of(t) == TRAINER_DIVERGED)
            ts_note_divergence(ts);
        else {
            snprintf(en, sizeof en, "One iteration: now %ld.", trainer_iterations(t));
            snprintf(zh, sizeof zh, "运行了一次迭代：现在是第 %ld 次。", trainer_iterations(t));
            ts_note(ts, false, en, zh);
        }
        return ts_after(ts, ctx);
    case 'a': {
        act_kind k = trainer_next_activation(nn_activation(trainer_net(t), 1));
        if (!trainer_set_activation(t, k, err, sizeof err)) {
            ts_note(ts, true, err, err);
            return UI_REDRAW;
        }
        snprintf(en, sizeof en, "Hidden activation %s", ts_act_zh(k));
        snprintf(zh, sizeof zh, "隐藏层激活函数 %s", ts_act_zh(k));
        ts_note_rebuilt(ts, en, zh);
        return ts_after(ts, ctx);
    }
    case 'd': {
        const char *next = trainer_next_dataset(trainer_spec(t)->dataset);
        if (!trainer_set_dataset(t, next, err, sizeof err)) {
            snprintf(en, sizeof en, "Data set not changed: %s", err);
            snprintf(zh, sizeof zh, "数据集未改变：%s", err);
            ts_note(ts, true, en, zh);
            return UI_REDRAW;
        }
        ts_drop_sweep_maps(ts);
        snprintf(en, sizeof en, "Data set %s", next);
        snprintf(zh, sizeof zh, "数据集 %s", next);
        ts_note_rebuilt(ts, en, zh);
        return ts_after(ts, ctx);
    }
    case 'r': {
        trainer_reinit(t);
        char ien[96], izh[96];
        ts_init_words(t, ien, sizeof ien, izh, sizeof izh);
        snprintf(en, sizeof en, "Re-initialised: %s again; iterations count from 0.", ien);
        snprintf(zh, sizeof zh, "已重新初始化：%s；迭代从 0 重新计数。", izh);
        ts_note(ts, false, en, zh);
        return ts_after(ts, ctx);
    }
    case 'z':
        trainer_zero_init(t);
        ts_note(ts, false,
                "Every weight and bias is 0: all hidden units compute the same thing and get the same "
                "gradient, so they stay identical (see the unit panel, w). r brings random weights back.",
                "所有权重和偏置都为 0：每个隐藏单元计算相同的东西、得到相同的梯度，因此始终一样（见单元面板，按 w）。按 r 恢复随机权重。");
        return ts_after(ts, ctx);
    case 'w':
        ts->unit_maps = !ts->unit_maps;
        return ts_after(ts, ctx);
    case 'l':
        ts->log_y = !ts->log_y;
        return UI_REDRAW;
    case 'S':
        ts_start_sweep(ts);
        return ts_after(ts, ctx);
    case 'e': {
        ts->editing = true;
        const nn_net *net = trainer_net(t);
        size_t used = 0;
        ts->input[0] = '\0';
        for (int l = 1; l <= nn_layers(net) && used + 8 < sizeof ts->input; l++)
            used += (size_t)snprintf(ts->input + used, sizeof ts->input - used, "%s%d", l > 1 ? "," : "",
                                     nn_dim(net, l));
        return UI_REDRAW;
    }
    default:
        return UI_NOTHING;
    }
}

static unsigned ts_tick(ui_screen *s, double budget_ms, ui_ctx *ctx)
{
    trainer_screen *ts = ts_of(s);
    trainer *t = ts->model;
    double start = ts_clock_ms(), end = start + (budget_ms > 0 ? budget_ms : 0);
    unsigned out = UI_NOTHING;
    bool sweeping = ts->view == TS_VIEW_SWEEP && trainer_sweep_active(t) && !trainer_sweep_finished(t);
    if (ts->editing) {
        /* Typing: training waits so the input line stays calm. */
    } else if (sweeping) {
        do {
            trainer_sweep_work(t, ts->chunk);
        } while (!trainer_sweep_finished(t) && ts_clock_ms() < end);
        ts->dirty = true;
        out |= UI_REDRAW;
    } else if (trainer_state_of(t) == TRAINER_RUNNING) {
        /* Chunks of about 1 ms between looks at the clock. */
        do {
            double c0 = ts_clock_ms();
            long ran = trainer_run(t, ts->chunk);
            double took = ts_clock_ms() - c0;
            if (ran == ts->chunk && took < 0.5 && ts->chunk < (1L << 20))
                ts->chunk *= 2;
            else if (took > 2.0 && ts->chunk > 1)
                ts->chunk /= 2;
        } while (trainer_state_of(t) == TRAINER_RUNNING && ts_clock_ms() < end);
        if (trainer_state_of(t) == TRAINER_DIVERGED)
            ts_note_divergence(ts);
        ts->dirty = true;
        out |= UI_REDRAW;
    }
    /* it/s over windows of half a second of the loop's clock. */
    double since = ctx->now_ms - ts->rate_t0;
    if (trainer_state_of(t) != TRAINER_RUNNING && !sweeping) {
        ts->rate = 0;
        ts->rate_t0 = ctx->now_ms;
        ts->rate_clock0 = trainer_clock(t);
    } else if (since >= 500.0) {
        ts->rate = (double)(trainer_clock(t) - ts->rate_clock0) * 1000.0 / since;
        ts->rate_t0 = ctx->now_ms;
        ts->rate_clock0 = trainer_clock(t);
    }
    double interval = ts->refresh_cost_ms * 20.0 > TS_REFRESH_MS ? ts->refresh_cost_ms * 20.0 : TS_REFRESH_MS;
    if (ts->dirty && (ctx->now_ms - ts->refreshed_ms >= interval || !ts_busy(ts))) {
        trainer_screen_refresh(s, ctx);
        out |= UI_REDRAW;
    }
    if (ts_busy(ts) && !ts->editing)
        out |= UI_ANIMATE;
    return out;
}

static int ts_keys(const ui_screen *s, const ui_ctx *ctx, ui_keyhelp *out, int max)
{
    const trainer_screen *ts = (const trainer_screen *)s;
    static const ui_keyhelp edit_keys[] = {
        {"0-9 ,", "layer sizes", "层大小"}, {"Enter", "apply", "应用"}, {"Esc", "cancel", "取消"},
    };
    static const ui_keyhelp sweep_keys[] = {
        {"r", "run again", "重新扫描"}, {"S/q", "back to the trainer", "返回训练器"},
    };
    static const ui_keyhelp train_keys[] = {
        {"space", "pause/go", "暂停/继续"}, {"s", "step", "单步"}, {"\xe2\x86\x90\xe2\x86\x92", "lr", "学习率"},
        {"\xe2\x86\x91\xe2\x86\x93", "n_h", "隐藏单元"}, {"a", "activation", "激活"}, {"d", "data", "数据"},
        {"r", "re-init", "重置"}, {"z", "zero-init", "零初始化"}, {"w", "units", "单元"},
        {"S", "sweep", "扫描"}, {"l", "log", "对数"}, {"e", "layers", "层"}, {"q", "back", "返回"},
    };
    static const ui_keyhelp sweep_only_keys[] = {
        {"r", "run again", "重新扫描"}, {"q", "back", "返回"},
    };
    const ui_keyhelp *src = train_keys;
    int n = (int)(sizeof train_keys / sizeof train_keys[0]);
    (void)ctx;
    if (ts->editing) {
        src = edit_keys;
        n = 3;
    } else if (ts->view == TS_VIEW_SWEEP) {
        src = ts->kind == UI_LAB_SWEEP ? sweep_only_keys : sweep_keys;
        n = 2;
    }
    if (n > max)
        n = max;
    memcpy(out, src, (size_t)n * sizeof *out);
    return n;
}

static void ts_render(const ui_screen *s, ui_canvas *c, ui_rect body, const ui_ctx *ctx)
{
    trainer_view_render((const trainer_screen *)s, c, body, ctx);
}

static const char *ts_help(const ui_screen *s, const ui_ctx *ctx)
{
    return trainer_view_help((const trainer_screen *)s, ctx);
}

static void ts_on_show(ui_screen *s, ui_ctx *ctx)
{
    trainer_screen *ts = ts_of(s);
    ts->rate_t0 = ctx->now_ms;
    ts->rate_clock0 = trainer_clock(ts->model);
    trainer_screen_refresh(s, ctx);
    s->animating = ts_busy(ts);
}

static void ts_destroy(ui_screen *s)
{
    trainer_screen *ts = ts_of(s);
    if (!ts)
        return;
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
    .keys = ts_keys,
    .help = ts_help,
    .on_show = ts_on_show,
    .destroy = ts_destroy,
};

/* The deep lab's defaults when its spec leaves them open: the course's
 * week-4 application (digits here, layers 20,7,5,1, ReLU, randn/sqrt(n), lr 0.0075). */
static void ts_deep_defaults(run_spec *sp)
{
    if (!strcmp(sp->dataset, "planar"))
        snprintf(sp->dataset, sizeof sp->dataset, "digits");
    if (sp->n_layers == 0) {
        static const int layers[] = {20, 7, 5, 1};
        sp->hidden = 0;
        sp->n_layers = 4;
        memcpy(sp->layers, layers, sizeof layers);
        sp->hidden_act = ACT_RELU;
        sp->init = NN_INIT_COURSE_W4;
        if (sp->lr == 1.2)
            sp->lr = 0.0075;
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
    ts->chunk = 16;
    run_spec sp = *spec;
    if (kind == UI_LAB_DEEP_TRAINER)
        ts_deep_defaults(&sp);
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
    ui_ctx quiet = {0};
    trainer_screen_refresh(&ts->base, ctx ? ctx : &quiet);
    if (kind == UI_LAB_SWEEP)
        ts_start_sweep(ts);
    else
        ts_note(ts, false, "Training. space pauses, \xe2\x86\x90/\xe2\x86\x92 change the rate, ? explains the screen.",
                "训练中。空格暂停，←/→ 调整学习率，? 查看说明。");
    ts->base.animating = true;
    return &ts->base;
}
