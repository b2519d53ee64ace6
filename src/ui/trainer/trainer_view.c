/*
 * trainer_view.c — drawing the trainer screen from its model and caches.
 *
 *   ┌ title ─────────────────────────────────────────────────────────────┐
 *   ┌ decision regions ──────────┐┌ cost J ───────────────────────────────┐
 *   │ 4.6 ▀▀▀▀▀▀●▀▀▀▀○▀▀▀▀▀▀▀▀▀  ││0.6930┤⠑⢄                              │
 *   │  x2 ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀  ││0.2338┤  ⠈⠉⠒⠒⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤                │
 *   │-4.7 ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀  │└───────────────────────────────────────┘
 *   │     -4.9      x1      4.9  │┌ hidden units ─────────────────────────┐
 *   └────────────────────────────┘│ one row (or map) per unit of layer 1  │
 *   note: what just happened, in words (two rows)                          │
 *   iter 3400  cost 0.233864  acc 89.50%  lr 1.2  n_h 4  tanh  planar  52k it/s
 *
 * The deep version puts a gallery of test images where the map is; the sweep
 * view shows one small map per hidden-layer size. Reads state only.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../text.h"
#include "../glyphs.h"
#include "heatmap.h"
#include "plot.h"
#include "trainer_gallery.h"
#include "trainer_screen_internal.h"

static const char *tv_dataset_label(const trainer *t)
{
    const char *name = trainer_spec(t)->dataset, *slash = strrchr(name, '/');
    return slash ? slash + 1 : name;
}

static void tv_rate(double rate, char *buf, size_t size)
{
    if (rate < 1000.0)
        snprintf(buf, size, "%.0f", rate);
    else if (rate < 10000.0)
        snprintf(buf, size, "%.1fk", rate / 1000.0);
    else if (rate < 1e6)
        snprintf(buf, size, "%.0fk", rate / 1000.0);
    else
        snprintf(buf, size, "%.1fM", rate / 1e6);
}

static void tv_percent(double v, char *buf, size_t size)
{
    if (isfinite(v))
        snprintf(buf, size, "%.2f%%", v);
    else
        snprintf(buf, size, "-");
}

void trainer_view_status(const trainer_screen *ts, const ui_ctx *ctx, char *buf, size_t size)
{
    const trainer *t = ts->model;
    const nn_net *net = trainer_net(t);
    char cost[32], acc[32], test[48] = "", shape[96], rate[32];
    /* The numbers of one moment (the last measure): the iteration shown is
     * the one the cost and the accuracy belong to. Those of a network
     * replaced since (a rebuild not measured yet) are not this network's:
     * its iteration, and "…" until the worker brings its own. */
    const bool ours = ts->now_build == trainer_builds(t);
    const long iter = ours ? ts->now.iterations : trainer_iterations(t);
    double j = ours ? ts->now.cost : NAN;
    if (isnan(j) && ts->no_memory_noted == trainer_builds(t)) /* the note says why */
        snprintf(cost, sizeof cost, "-");
    else if ((!ours || ts->shown_build < 0) && isnan(j)) /* not measured yet: the worker is on it */
        snprintf(cost, sizeof cost, "%s", glyph_str(GLYPH_ELLIPSIS, ctx->ascii));
    else if (!isfinite(j))
        snprintf(cost, sizeof cost, "%s", isnan(j) ? "NaN" : "inf");
    else
        snprintf(cost, sizeof cost, "%.6f", j);
    tv_percent(ours ? ts->now.acc_train : NAN, acc, sizeof acc);
    if (trainer_data_of(t)->X_test) {
        char p[32];
        tv_percent(ours ? ts->now.acc_test : NAN, p, sizeof p);
        snprintf(test, sizeof test, "%s %s  ", UI_TR(ctx, "test", "测试"), p);
    }
    if (trainer_single_hidden(t)) {
        snprintf(shape, sizeof shape, "n_h %d", nn_dim(net, 1));
    } else {
        size_t used = (size_t)snprintf(shape, sizeof shape, "%s ", UI_TR(ctx, "layers", "层"));
        /* n[1] … n[L]: the input size is the data set's and the status line is short of room */
        for (int l = 1; l <= nn_layers(net) && used < sizeof shape; l++)
            used += (size_t)snprintf(shape + used, sizeof shape - used, "%s%d", l > 1 ? "," : "", nn_dim(net, l));
    }
    tv_rate(ts->rate, rate, sizeof rate);
    const char *state = "";
    char pausing[32];
    snprintf(pausing, sizeof pausing, "%s%s", UI_TR(ctx, "  pausing", "  正在暂停"), glyph_str(GLYPH_ELLIPSIS, ctx->ascii));
    if (trainer_state_of(t) == TRAINER_DIVERGED)
        state = UI_TR(ctx, "  diverged", "  已发散");
    else if (trainer_state_of(t) == TRAINER_PAUSED && ours && !ts_numbers_current(ts))
        /* stopped, but the numbers shown are of an earlier iteration until
         * the worker measures it: "paused" would vouch for them */
        state = pausing;
    else if (trainer_state_of(t) == TRAINER_PAUSED)
        state = UI_TR(ctx, "  paused", "  已暂停");
    act_kind act = nn_layers(net) > 1 ? nn_activation(net, 1) : ACT_SIGMOID;
    if (ts->view == TS_VIEW_RATES) {
        char part[160];
        trainer_rates_status(ts, ctx, part, sizeof part);
        snprintf(buf, size, "%s  %s  %s  %s %s", part, act_name(act), tv_dataset_label(t), rate, UI_TR(ctx, "it/s", "次/秒"));
        return;
    }
    if (ts->view == TS_VIEW_SWEEP) {
        const trainer_sweep_entry *e;
        size_t n = trainer_sweep_entries(t, &e), k = 0;
        while (k < n && (e[k].done >= e[k].total || e[k].diverged))
            k++;
        if (k < n)
            snprintf(buf, size, "%s %zu/%zu  n_h %d  %ld/%ld  %s %g  %s  %s  %s %s", UI_TR(ctx, "sweep", "扫描"), k + 1,
                     n, e[k].n_h, e[k].done, e[k].total, UI_TR(ctx, "lr", "学习率"), trainer_lr(t), act_name(act),
                     tv_dataset_label(t), rate, UI_TR(ctx, "it/s", "次/秒"));
        else
            snprintf(buf, size, "%s %zu/%zu  %s  %s %g  %s  %s", UI_TR(ctx, "sweep", "扫描"), n, n,
                     UI_TR(ctx, "done", "完成"), UI_TR(ctx, "lr", "学习率"), trainer_lr(t), act_name(act),
                     tv_dataset_label(t));
        return;
    }
    /* Paused or diverged, nothing runs: "0 it/s" would only push the state
     * word onto a second row at 80 columns. */
    char speed[64] = "";
    if (!state[0] && ts_pace_rate(ts) > 0) {
        char en[48], zh[48];
        ts_pace_words(ts, en, sizeof en, zh, sizeof zh);
        snprintf(speed, sizeof speed, "  %s", UI_TR(ctx, en, zh));
    } else if (!state[0]) {
        snprintf(speed, sizeof speed, "  %s %s", rate, UI_TR(ctx, "it/s", "次/秒"));
    }
    snprintf(buf, size, "%s %ld  %s %s  %s %s  %s%s %g  %s  %s  %s%s%s", UI_TR(ctx, "iter", "迭代"),
             iter, UI_TR(ctx, "cost", "代价"), cost, UI_TR(ctx, "acc", "准确率"), acc, test,
             UI_TR(ctx, "lr", "学习率"), trainer_lr(t), shape, act_name(act), tv_dataset_label(t), speed, state);
}

/* Copies src into out with the arrows spelled in ASCII when `ascii`. */
static void tv_ascii_arrows(const char *src, bool ascii, char *out, size_t size)
{
    static const char *const from[] = {"\xe2\x86\x90", "\xe2\x86\x92", "\xe2\x86\x91", "\xe2\x86\x93"};
    static const char *const to[] = {"<-", "->", "^", "v"};
    size_t o = 0;
    while (*src && o + 3 < size) {
        int k = -1;
        for (int i = 0; ascii && i < 4; i++)
            if (!strncmp(src, from[i], 3))
                k = i;
        if (k >= 0) {
            for (const char *t = to[k]; *t && o + 1 < size; t++)
                out[o++] = *t;
            src += 3;
        } else {
            out[o++] = *src++;
        }
    }
    out[o] = '\0';
}

/* Where to break a status line of two-space separated tokens to fit width:
 * the last "  " at or before it (the status is ASCII but for the state word). */
static int tv_status_split(const char *status, int width)
{
    int best = width;
    for (int i = 0; status[i] && i <= width; i++)
        if (status[i] == ' ' && status[i + 1] == ' ')
            best = i;
    return best;
}

/* The 2-D map: y labels in a 5-column gutter, x labels under it. */
static void tv_map(const trainer_screen *ts, ui_canvas *c, ui_rect in, const ui_ctx *ctx)
{
    const trainer *t = ts->model;
    const trainer_data *d = trainer_data_of(t);
    if (in.w < 12 || in.h < 4)
        return;
    ui_rect map = {in.x + 5, in.y, in.w - 5, in.h - 1};
    heatmap_grid g = {ts->grid->p, ts->grid->w, ts->grid->h};
    heatmap_render(c, map, &g, ctx->ascii, ctx->color);
    heatmap_window win = {d->lo[0], d->hi[0], d->lo[1], d->hi[1]};
    heatmap_points(c, map, &win, &g, d->X->v, d->X->v + d->X->cols, d->Y->v, d->X->cols, false, ctx->ascii,
                   ctx->color);
    if (d->X_test)
        heatmap_points(c, map, &win, &g, d->X_test->v, d->X_test->v + d->X_test->cols, d->Y_test->v,
                       d->X_test->cols, true, ctx->ascii, ctx->color);
    /* The legend in the panel's bottom edge: what each shade and mark means. */
    heatmap_legend(c, in.x + 1, in.y + in.h, in.w - 2, ctx->ascii, ctx->color, UI_TR(ctx, "wrong", "错分"));
    canvas_printf(c, in.x, in.y, 4, ROLE_DIM, "%4.1f", d->hi[1]);
    canvas_text(c, in.x + 2, in.y + map.h / 2, 2, "x2", ROLE_DIM);
    canvas_printf(c, in.x, in.y + map.h - 1, 4, ROLE_DIM, "%4.1f", d->lo[1]);
    int row = in.y + in.h - 1;
    canvas_printf(c, map.x, row, 6, ROLE_DIM, "%.1f", d->lo[0]);
    canvas_text(c, map.x + map.w / 2 - 1, row, 2, "x1", ROLE_DIM);
    char hi[16];
    snprintf(hi, sizeof hi, "%.1f", d->hi[0]);
    canvas_text(c, map.x + map.w - (int)strlen(hi), row, (int)strlen(hi), hi, ROLE_DIM);
}

/* A weight in exactly 7 columns: +0.123, +12.345, +123456, +1e+11, NaN. */
static void tv_fmt7(double v, char *buf, size_t size)
{
    double a = fabs(v);
    if (!isfinite(v))
        snprintf(buf, size, "%7s", isnan(v) ? "NaN" : v > 0 ? "+inf" : "-inf");
    else if (a < 99.9995)
        snprintf(buf, size, "%+7.3f", v);
    else if (a < 999999.5)
        snprintf(buf, size, "%+7.0f", v);
    else
        snprintf(buf, size, "%+7.0e", v);
}

static void tv_units(const trainer_screen *ts, ui_canvas *c, ui_rect in, const ui_ctx *ctx)
{
    const nn_net *net = trainer_net(ts->model);
    if (nn_layers(net) < 2 || in.h < 2)
        return;
    int units = nn_dim(net, 1), n_x = nn_dim(net, 0);
    const mat *W = nn_value_of(net, NN_W, 1), *b = nn_value_of(net, NN_B, 1);
    const mat *V = nn_layers(net) == 2 ? nn_value_of(net, NN_W, 2) : NULL;
    if (ts->unit_maps && ts->unit_n > 0) {
        int tw = 9, cols = in.w / tw, mh = in.h - 1 > 4 ? 4 : in.h - 1;
        for (int k = 0; k < ts->unit_n && k < cols; k++) {
            heatmap_grid g = {ts->unit_p + (size_t)k * TS_UNIT_W * TS_UNIT_H, TS_UNIT_W, TS_UNIT_H};
            ui_rect r = {in.x + k * tw, in.y, tw - 1, mh};
            heatmap_render(c, r, &g, ctx->ascii, ctx->color);
            canvas_printf(c, r.x, in.y + mh, tw - 1, ROLE_DIM, "a%d", k + 1);
        }
        if (ts->unit_n > cols)
            canvas_printf(c, in.x + in.w - 4, in.y + mh, 4, ROLE_DIM, "+%d", ts->unit_n - cols);
        return;
    }
    /* w[2] (the unit's weight into the output) only with one hidden layer. */
    if (n_x == 2)
        canvas_text(c, in.x, in.y, in.w, V ? "  k    w1      w2       b    w[2]" : "  k    w1      w2       b", ROLE_HEADING);
    else
        canvas_text(c, in.x, in.y, in.w, V ? "  k   |w|        b    w[2]" : "  k   |w|        b", ROLE_HEADING);
    int rows = in.h - 1;
    for (int k = 0; k < units && k < rows; k++) {
        int y = in.y + 1 + k;
        if (k == rows - 1 && units > rows) {
            canvas_printf(c, in.x, y, in.w, ROLE_DIM, UI_TR(ctx, "  %d more units", "  另有 %d 个单元"), units - k);
            break;
        }
        char w1[16], w2[16], bb[16], vv[16] = "";
        if (V)
            tv_fmt7(mat_get(V, 0, (size_t)k), vv, sizeof vv);
        tv_fmt7(mat_get(b, (size_t)k, 0), bb, sizeof bb);
        if (n_x == 2) {
            tv_fmt7(mat_get(W, (size_t)k, 0), w1, sizeof w1);
            tv_fmt7(mat_get(W, (size_t)k, 1), w2, sizeof w2);
            canvas_printf(c, in.x, y, in.w, ROLE_NORMAL, "%3d %s %s %s %s", k + 1, w1, w2, bb, vv);
        } else {
            double s = 0;
            for (int i = 0; i < n_x; i++)
                s += mat_get(W, (size_t)k, (size_t)i) * mat_get(W, (size_t)k, (size_t)i);
            tv_fmt7(sqrt(s), w1, sizeof w1);
            char *plus = strchr(w1, '+'); /* a norm has no sign */
            if (plus)
                *plus = ' ';
            canvas_printf(c, in.x, y, in.w, ROLE_NORMAL, "%3d %s %s %s", k + 1, w1, bb, vv);
        }
    }
}

/* While the caches are of another network (or of none yet), one line in the
 * middle of the left panel says what the worker is computing. */
static void tv_computing(const trainer_screen *ts, ui_canvas *c, ui_rect in, const ui_ctx *ctx)
{
    if (ts->shown_build == trainer_builds(ts->model) || in.h < 1)
        return;
    const bool map = nn_dim(trainer_net(ts->model), 0) == 2;
    char text[160];
    const char *dots = glyph_str(GLYPH_ELLIPSIS, ctx->ascii);
    if (ts->shadow_failed)
        snprintf(text, sizeof text, "%s", UI_TR(ctx, " out of memory: no map for this network ", " 内存不足：无法为这个网络画预测图 "));
    else if (ts->shown_build < 0)
        snprintf(text, sizeof text, " %s%s ",
                 map ? UI_TR(ctx, "computing the first prediction map", "正在计算第一张预测图")
                     : UI_TR(ctx, "computing the first predictions", "正在计算第一批预测"), dots);
    else
        snprintf(text, sizeof text, " %s%s ",
                 map ? UI_TR(ctx, "computing the prediction map", "正在计算预测图")
                     : UI_TR(ctx, "computing the predictions", "正在计算预测"), dots);
    int w = text_width(text);
    if (w > in.w)
        w = in.w;
    canvas_fill(c, in.x + (in.w - w) / 2, in.y + in.h / 2, w, 1, ' ', ROLE_NOTE);
    canvas_text(c, in.x + (in.w - w) / 2, in.y + in.h / 2, w, text, ts->shadow_failed ? ROLE_WARN : ROLE_NOTE);
}

/* The cost curve of the current run and the previous run as its ghost.
 * A run is what one network did: it starts at a marker that rebuilt or
 * re-initialised the network (anything but a new rate), so its curve counts
 * from that network's iteration 0; a new rate inside a run keeps its marker
 * there. marks receives the markers of the current run. The curve ends at
 * the status line's numbers when they are newer than the last recorded cost
 * (the history records one cost every 10 or more iterations): the curve's
 * end and its "current" label move with every measure, and say what the
 * status line says. */
static void tv_runs(const trainer_screen *ts, plot_curve *curve, double *marks)
{
    const trainer *t = ts->model;
    const double *x, *y;
    size_t n = trainer_history(t, &x, &y);
    const trainer_marker *mk;
    size_t nm = trainer_markers(t, &mk);
    double run_from = n ? x[0] : 0, ghost_from = run_from;
    bool ghost = false;
    for (size_t i = 0; i < nm; i++)
        if (mk[i].what != TRAINER_CHANGE_LR) {
            ghost_from = run_from;
            run_from = mk[i].clock;
            ghost = true;
        }
    size_t first = 0, ghost_first = 0, k = 0;
    while (first < n && x[first] < run_from)
        first++;
    while (ghost_first < first && x[ghost_first] < ghost_from)
        ghost_first++;
    for (size_t i = 0; i < nm; i++)
        if (mk[i].clock > run_from)
            marks[k++] = mk[i].clock;
    const double *yt;
    trainer_history_test(t, &yt);
    bool tested = trainer_data_of(t)->X_test != NULL;
    *curve = (plot_curve){.x = x + first, .y = y + first, .n = n - first, .marks = marks, .n_marks = k,
                          .x_from = run_from, .y_test = tested ? yt + first : NULL};
    if (ghost && ghost_first < first) {
        curve->ghost_x = x + ghost_first;
        curve->ghost_y = y + ghost_first;
        curve->ghost_n = first - ghost_first;
        curve->ghost_x_from = ghost_from;
    }
    /* the clock at the measured iteration: the current network began at
     * trainer_clock − trainer_iterations */
    double now_x = (double)(trainer_clock(t) - trainer_iterations(t) + ts->now.iterations);
    if (ts->now_build == trainer_builds(t) && now_x >= run_from && (n == 0 || now_x > x[n - 1])) {
        curve->tip = true;
        curve->tip_x = now_x;
        curve->tip_y = ts->now.cost;
    }
}

static void tv_train(const trainer_screen *ts, ui_canvas *c, ui_rect area, const ui_ctx *ctx)
{
    const trainer *t = ts->model;
    const trainer_data *d = trainer_data_of(t);
    const nn_net *net = trainer_net(t);
    bool ascii = ctx->ascii;
    int lw = area.w / 2;
    const char *left_title;
    if (nn_dim(net, 0) == 2)
        left_title = UI_TR(ctx, "decision regions: y-hat", "决策区域：预测 ŷ");
    else if (d->image_side)
        left_title = UI_TR(ctx, "test images: is it a 3?", "测试图像：是 3 吗？");
    else if (trainer_gallery_applies(ts))
        left_title = UI_TR(ctx, "test pictures, wrong first", "测试图片，错的在前");
    else
        left_title = UI_TR(ctx, "data", "数据");
    canvas_box(c, area.x, area.y, lw, area.h, left_title, ROLE_BORDER, ascii);
    ui_rect lin = {area.x + 1, area.y + 1, lw - 2, area.h - 2};
    if (nn_dim(net, 0) == 2)
        tv_map(ts, c, lin, ctx);
    else if (d->image_side)
        trainer_digits_render(ts, c, lin, ctx);
    else if (trainer_gallery_applies(ts))
        trainer_gallery_render(ts, c, lin, ctx);
    else
        canvas_printf(c, lin.x, lin.y, lin.w, ROLE_DIM,
                      UI_TR(ctx, "%zu examples, %d features: no 2-D map", "%zu 个样本，%d 个特征：无二维图"),
                      d->X->cols, nn_dim(net, 0));
    tv_computing(ts, c, lin, ctx);

    int rx = area.x + lw, rw = area.w - lw;
    bool has_units = nn_layers(net) >= 2 && area.h >= 16;
    int uh = has_units ? (area.h / 3 < 7 ? 7 : area.h / 3) : 0;
    int ch = area.h - uh;
    plot_curve curve;
    double marks[TRAINER_MARKERS_MAX];
    tv_runs(ts, &curve, marks);
    const char *cost_title;
    if (curve.y_test)
        cost_title = curve.ghost_n ? UI_TR(ctx, "cost J: train, test; faint: last", "代价 J：训练、测试；浅色：上一次")
                                   : UI_TR(ctx, "cost J: train, test (l: log)", "代价 J：训练、测试（l：对数）");
    else if (curve.ghost_n)
        cost_title = ts->log_y ? UI_TR(ctx, "cost J, log; faint: last run", "代价 J，对数；浅色：上一次")
                               : UI_TR(ctx, "cost J; faint: last run (l: log)", "代价 J；浅色：上一次（l：对数）");
    else
        cost_title = ts->log_y ? UI_TR(ctx, "cost J, log scale (l)", "代价 J，对数坐标 (l)") : UI_TR(ctx, "cost J (l: log)", "代价 J（l：对数）");
    canvas_box(c, rx, area.y, rw, ch, cost_title, ROLE_BORDER, ascii);
    plot_options opt = {ts->log_y, ascii, "it"};
    plot_render_curve(c, (ui_rect){rx + 1, area.y + 1, rw - 2, ch - 2}, &curve, &opt);
    if (has_units) {
        /* Maps only exist for a 2-D input (the deep lab's digits have none). */
        bool maps = ts->unit_maps && ts->unit_n > 0;
        const char *title = nn_dim(net, 0) != 2 ? UI_TR(ctx, "hidden units of layer 1: weights", "第 1 层隐藏单元：权重")
                            : maps ? UI_TR(ctx, "hidden units: a[1] maps (w)", "隐藏单元：a[1] 图 (w)")
                                          : UI_TR(ctx, "hidden units: weights (w: maps)", "隐藏单元：权重（w：图）");
        if (trainer_zero_initialised(t))
            title = maps ? UI_TR(ctx, "units after zero-init: a[1] (w)", "零初始化后的单元：a[1] (w)")
                                  : UI_TR(ctx, "units after zero-init: weights", "零初始化后的单元：权重");
        canvas_box(c, rx, area.y + ch, rw, uh, title, ROLE_BORDER, ascii);
        tv_units(ts, c, (ui_rect){rx + 1, area.y + ch + 1, rw - 2, uh - 2}, ctx);
    }
}

/* Wrapped dim text inside rect (as many lines as fit). */
static void tv_wrap_dim(ui_canvas *c, ui_rect r, const char *utf8)
{
    if (r.w < 2)
        return;
    text_line *lines = NULL;
    size_t n = text_wrap(utf8, r.w, &lines);
    for (size_t i = 0; i < n && (int)i < r.h; i++) {
        char row[256];
        size_t len = lines[i].len < sizeof row - 1 ? lines[i].len : sizeof row - 1;
        memcpy(row, utf8 + lines[i].start, len);
        row[len] = '\0';
        canvas_text(c, r.x, r.y + (int)i, r.w, row, ROLE_DIM);
    }
    free(lines);
}

static void tv_sweep(const trainer_screen *ts, ui_canvas *c, ui_rect area, const ui_ctx *ctx)
{
    const trainer_sweep_entry *e;
    size_t n = trainer_sweep_entries(ts->model, &e);
    int cols = 4, rows = 2, tw = area.w / cols, th = area.h / rows;
    bool has_test = trainer_data_of(ts->model)->X_test != NULL;
    bool plane = nn_dim(trainer_net(ts->model), 0) == 2;
    for (size_t i = 0; i < n; i++) {
        int x = area.x + (int)(i % 4) * tw, y = area.y + (int)(i / 4) * th;
        char title[32];
        snprintf(title, sizeof title, "n_h %d", e[i].n_h);
        canvas_box(c, x, y, tw, th, title, ROLE_BORDER, ctx->ascii);
        /* With a test split the box ends in two rows: train, then test. */
        ui_rect map = {x + 1, y + 1, tw - 2, th - 3 - (has_test ? 1 : 0)};
        if (ts->sweep_p[i]) {
            heatmap_grid g = {ts->sweep_p[i], TS_SWEEP_W, TS_SWEEP_H};
            heatmap_render(c, map, &g, ctx->ascii, ctx->color);
        } else if (!plane && map.h > 0) {
            canvas_printf(c, map.x, map.y, map.w, ROLE_DIM, UI_TR(ctx, "no map: %d inputs", "无图：%d 个输入"),
                          nn_dim(e[i].net, 0));
        }
        int ly = y + th - 2;
        if (e[i].diverged) {
            canvas_text(c, x + 1, ly, tw - 2, UI_TR(ctx, "diverged", "发散"), ROLE_WARN);
        } else if (e[i].done >= e[i].total && has_test) {
            canvas_printf(c, x + 1, ly - 1, tw - 2, ROLE_OK, UI_TR(ctx, "train %.2f%%", "训练 %.2f%%"), e[i].accuracy);
            canvas_printf(c, x + 1, ly, tw - 2, ROLE_OK, UI_TR(ctx, "test  %.2f%%", "测试 %.2f%%"), e[i].accuracy_test);
        } else if (e[i].done >= e[i].total) {
            canvas_printf(c, x + 1, ly, tw - 2, ROLE_OK, "acc %.2f%%", e[i].accuracy);
        }
        else if (e[i].done > 0)
            canvas_printf(c, x + 1, ly, tw - 2, ROLE_CURRENT, "%ld/%ld", e[i].done, e[i].total);
        else
            canvas_text(c, x + 1, ly, tw - 2, UI_TR(ctx, "waiting", "等待中"), ROLE_DIM);
    }
    /* The eighth slot: what to compare with. */
    int x = area.x + 3 * tw, y = area.y + th;
    canvas_box(c, x, y, area.w - 3 * tw, th, UI_TR(ctx, "the course", "课程"), ROLE_BORDER, ctx->ascii);
    /* The course's figures are for its own run only: say so otherwise. */
    const run_spec *sp = trainer_spec(ts->model);
    bool course_run = !strcmp(tv_dataset_label(ts->model), COURSE_SWEEP_DATASET) &&
                      sp->hidden_act == COURSE_SWEEP_ACT && trainer_lr(ts->model) == COURSE_SWEEP_LR &&
                      sp->test_split == 0 && (!sp->seed_given || sp->seed == COURSE_SWEEP_SEED);
    if (!course_run) {
        tv_wrap_dim(c, (ui_rect){x + 1, y + 1, area.w - 3 * tw - 2, th - 2},
                    UI_TR(ctx,
                          "The course's figures are for " COURSE_SWEEP_DATASET ", " COURSE_SWEEP_ACT_TEXT
                          ", lr " COURSE_SWEEP_LR_TEXT ", seed " COURSE_SWEEP_SEED_TEXT ": not this run.",
                          "课程的数字对应 " COURSE_SWEEP_DATASET "、" COURSE_SWEEP_ACT_TEXT "、学习率 " COURSE_SWEEP_LR_TEXT
                          "、种子 " COURSE_SWEEP_SEED_TEXT "，与本次设置不同。"));
        return;
    }
    /* The notebook's accuracies (course.h), two sizes a row. */
    static const int sizes[COURSE_SWEEP_COUNT] = COURSE_SWEEP_SIZES;
    static const char *const acc[COURSE_SWEEP_COUNT] = COURSE_SWEEP_ACCURACIES;
    const int iw = area.w - 3 * tw - 2;
    canvas_text(c, x + 1, y + 1, iw, COURSE_SWEEP_DATASET " " COURSE_SWEEP_ACT_TEXT " lr " COURSE_SWEEP_LR_TEXT,
                ROLE_DIM);
    if (th - 2 > 1)
        canvas_printf(c, x + 1, y + 2, iw, ROLE_DIM,
                      UI_TR(ctx, "%d it, seed " COURSE_SWEEP_SEED_TEXT, "%d 次, 种子 " COURSE_SWEEP_SEED_TEXT),
                      COURSE_SWEEP_ITERATIONS);
    for (int i = 0, row = 2; i < COURSE_SWEEP_COUNT && row < th - 2; i += 2, row++) {
        if (i + 1 < COURSE_SWEEP_COUNT)
            canvas_printf(c, x + 1, y + 1 + row, iw, ROLE_DIM, "%d: %s %2d: %s", sizes[i], acc[i], sizes[i + 1], acc[i + 1]);
        else
            canvas_printf(c, x + 1, y + 1 + row, iw, ROLE_DIM, "%d: %s", sizes[i], acc[i]);
    }
}

void trainer_view_render(const trainer_screen *ts, ui_canvas *c, ui_rect body, const ui_ctx *ctx)
{
    const trainer *t = ts->model;
    if (body.w < 20 || body.h < 6)
        return;
    canvas_fill(c, body.x, body.y, body.w, 1, ' ', ROLE_TITLE);
    const nn_net *net = trainer_net(t);
    if (ts->view == TS_VIEW_SWEEP)
        canvas_printf(c, body.x + 1, body.y, body.w - 2, ROLE_TITLE,
                      UI_TR(ctx, "Hidden-layer size sweep: %s", "隐藏层大小扫描：%s"), tv_dataset_label(t));
    else if (ts->view == TS_VIEW_RATES)
        canvas_printf(c, body.x + 1, body.y, body.w - 2, ROLE_TITLE,
                      UI_TR(ctx, "Learning rates compared: %s, the same fresh weights", "学习率比较：%s，同样的初始权重"),
                      tv_dataset_label(t));
    else if (trainer_single_hidden(t))
        canvas_printf(c, body.x + 1, body.y, body.w - 2, ROLE_TITLE,
                      UI_TR(ctx, "Live trainer: %s, one hidden layer of %d", "实时训练：%s，一个含 %d 个单元的隐藏层"),
                      tv_dataset_label(t), nn_dim(net, 1));
    else if (nn_layers(net) == 1)
        canvas_printf(c, body.x + 1, body.y, body.w - 2, ROLE_TITLE,
                      UI_TR(ctx, "Live trainer: %s, logistic regression (no hidden layer)",
                            "实时训练：%s，逻辑回归（没有隐藏层）"),
                      tv_dataset_label(t));
    else
        canvas_printf(c, body.x + 1, body.y, body.w - 2, ROLE_TITLE,
                      UI_TR(ctx, "Live trainer: %s, %d layers", "实时训练：%s，%d 层"), tv_dataset_label(t),
                      nn_layers(net));

    ui_rect area = {body.x, body.y + 1, body.w, body.h - 4};
    if (ts->view == TS_VIEW_SWEEP)
        tv_sweep(ts, c, area, ctx);
    else if (ts->view == TS_VIEW_RATES)
        trainer_rates_render(ts, c, area, ctx);
    else
        tv_train(ts, c, area, ctx);

    char status[320];
    trainer_view_status(ts, ctx, status, sizeof status);
    int status_rows = text_width(status) > body.w ? 2 : 1;
    int ny = body.y + body.h - 3;
    if (ts->editing) {
        int w = canvas_text(c, body.x, ny, body.w, UI_TR(ctx, "layers n[0],...,n[L] (input first, last 1): ", "各层大小 n[0],...,n[L]（先输入层，最后为 1）："),
                            ROLE_HEADING);
        w += canvas_text(c, body.x + w, ny, body.w - w, ts->input, ROLE_INPUT);
        canvas_put(c, body.x + w, ny, glyph_cp(GLYPH_CURSOR, ctx->ascii), ROLE_INPUT);
    } else {
        /* The note, wrapped onto its rows (one when the status needs two). */
        char note[600];
        tv_ascii_arrows(UI_TR(ctx, ts->note_en, ts->note_zh), ctx->ascii, note, sizeof note);
        text_line *lines = NULL;
        size_t nl = text_wrap(note, body.w, &lines);
        for (size_t i = 0; i < nl && (int)i < 3 - status_rows; i++) {
            char row[512];
            size_t len = lines[i].len < sizeof row - 1 ? lines[i].len : sizeof row - 1;
            memcpy(row, note + lines[i].start, len);
            row[len] = '\0';
            canvas_text(c, body.x, ny + (int)i, body.w, row, ts->note_warn ? ROLE_WARN : ROLE_NOTE);
        }
        free(lines);
    }
    /* The status line; when it is wider than the screen, its tokens wrap
     * onto a second row (the note then keeps one). */
    int sy = body.y + body.h - status_rows;
    canvas_fill(c, body.x, sy, body.w, status_rows, ' ', ROLE_STATUS);
    int split = status_rows == 2 ? tv_status_split(status, body.w) : (int)strlen(status);
    char first[320];
    snprintf(first, sizeof first, "%.*s", split, status);
    canvas_text(c, body.x, sy, body.w, first, ROLE_STATUS);
    if (status_rows == 2)
        canvas_text(c, body.x, sy + 1, body.w, status + split + (status[split] == ' ' ? 2 : 0), ROLE_STATUS);
    const char *hot = NULL;
    static const char *const words[] = {"diverged", "paused", "\xe5\xb7\xb2\xe5\x8f\x91\xe6\x95\xa3",
                                        "\xe5\xb7\xb2\xe6\x9a\x82\xe5\x81\x9c"}; /* 已发散, 已暂停 */
    for (int i = 0; i < 4 && !hot; i++)
        hot = strstr(status, words[i]);
    if (hot) {
        int at = (int)(hot - status);
        int row = at >= split ? 1 : 0;
        char before[320];
        snprintf(before, sizeof before, "%.*s", row ? at - split - 2 : at, row ? status + split + 2 : status);
        canvas_paint(c, body.x + text_width(before), sy + row, text_width(hot), 1, ROLE_WARN, UI_CELL_BOLD);
    }
}
