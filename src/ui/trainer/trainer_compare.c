/*
 * trainer_compare.c — the trainer's two comparisons, each a view of its own
 * that trains several fresh networks side by side: the course's hidden-size
 * sweep (S: one small map per n_h) and the learning-rate comparison (c:
 * every rate's cost curve on one chart, as the course's notebooks plot it).
 *
 *   S / c ──► start (trainer_sweep_start / trainer_rates_start) ──► the
 *   worker trains them (ts_work_chunk) ──► the view draws them as they go
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../text.h"
#include "plot.h"
#include "trainer_screen_internal.h"

static trainer_screen *ts_of(ui_screen *s) { return (trainer_screen *)s; }

/* ---- the hidden-size sweep (S) ---- */

void ts_drop_sweep_maps(trainer_screen *ts)
{
    ts->sweep_gen++;
    for (int i = 0; i < TRAINER_SWEEP_COUNT; i++) {
        free(ts->sweep_p[i]);
        ts->sweep_p[i] = NULL;
    }
}

void ts_start_sweep(trainer_screen *ts)
{
    char err[200];
    ts_drop_sweep_maps(ts);
    if (!trainer_sweep_start(ts->model, TRAINER_SWEEP_ITERATIONS, err, sizeof err)) {
        ts_note(ts, true, err, err);
        return;
    }
    ts->view = TS_VIEW_SWEEP;
    /* The iterations in a sentence of their own: after the list of sizes,
     * "…, 50, 5000 iterations each" read as if 5000 were a size. */
    ts_notef(ts, false, "Sweep of the hidden-layer size n_h over " COURSE_SWEEP_SIZES_TEXT ". Each size trains "
             "%d iterations at lr %g; the live network waits meanwhile.",
             "隐藏层大小 n_h 扫描：" COURSE_SWEEP_SIZES_TEXT "。每个大小以学习率 %2$g 训练 %1$d 次迭代；其间主网络暂停。",
             TRAINER_SWEEP_ITERATIONS, trainer_lr(ts->model));
}

unsigned ts_act_sweep_again(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    (void)key;
    if (ts_change_refuses(ts_of(s)))
        return UI_REDRAW;
    ts_start_sweep(ts_of(s));
    return ts_after(ts_of(s), ctx);
}

unsigned ts_act_sweep_back(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    trainer_screen *ts = ts_of(s);
    if (ts->kind == UI_LAB_SWEEP && !(key.code == UI_KEY_CHAR && key.ch == 'S'))
        return UI_POP;
    ts->view = TS_VIEW_TRAIN;
    ts_note(ts, false, "Back to the live network.", "回到实时训练的网络。");
    return ts_after(ts, ctx);
}

unsigned ts_act_sweep(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    (void)key;
    if (ts_change_refuses(ts_of(s)))
        return UI_REDRAW;
    ts_start_sweep(ts_of(s));
    return ts_after(ts_of(s), ctx);
}


/* ---- the learning-rate comparison (c) ---- */

static void ts_start_rates(trainer_screen *ts)
{
    char err[200];
    if (!trainer_rates_start(ts->model, TRAINER_RATES_ITERATIONS, err, sizeof err)) {
        ts_notef(ts, true, "No comparison: %s.", "无法比较：%s。", err);
        return;
    }
    ts->view = TS_VIEW_RATES;
    const trainer_rate_entry *e;
    trainer_rates_entries(ts->model, &e);
    ts_notef(ts, false,
             "Learning rates %g, %g, %g and %g, %d iterations each from the same weights: too large jumps "
             "about, too small crawls. The live network waits.",
             "学习率 %g、%g、%g 和 %g，各从同样的权重训练 %d 次：太大会来回跳动，太小则进展缓慢。主网络暂停等待。",
             e[0].lr, e[1].lr, e[2].lr, e[3].lr, TRAINER_RATES_ITERATIONS);
}

unsigned ts_act_rates(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    (void)key;
    if (ts_change_refuses(ts_of(s)))
        return UI_REDRAW;
    ts_start_rates(ts_of(s));
    return ts_after(ts_of(s), ctx);
}

unsigned ts_act_rates_back(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    (void)key;
    trainer_screen *ts = ts_of(s);
    trainer_rates_stop(ts->model);
    ts->view = TS_VIEW_TRAIN;
    ts_note(ts, false, "Back to the live network.", "回到实时训练的网络。");
    return ts_after(ts, ctx);
}

/* The roles of the four curves, largest rate first: the current one in the
 * plot's own role, the others apart from it. */
static const ui_role rate_roles[TRAINER_RATES_COUNT] = {ROLE_WARN, ROLE_PLOT, ROLE_CLASS1, ROLE_CLASS0};

void trainer_rates_render(const trainer_screen *ts, ui_canvas *c, ui_rect area, const ui_ctx *ctx)
{
    const trainer_rate_entry *e;
    size_t n = trainer_rates_entries(ts->model, &e);
    char title[96];
    snprintf(title, sizeof title, UI_TR(ctx, "cost J, log scale, %d iterations per rate (c: back)", "代价 J，对数坐标，每个学习率 %d 次（c：返回）"),
             TRAINER_RATES_ITERATIONS);
    int legend = (int)n < area.h - 6 ? (int)n : 0;
    canvas_box(c, area.x, area.y, area.w, area.h - legend, title, ROLE_BORDER, ctx->ascii);
    plot_curve curves[TRAINER_RATES_COUNT];
    char names[TRAINER_RATES_COUNT][24];
    const char *labels[TRAINER_RATES_COUNT];
    for (size_t i = 0; i < n; i++) {
        curves[i] = (plot_curve){.x = e[i].x, .y = e[i].cost, .n = e[i].n};
        snprintf(names[i], sizeof names[i], "%s %g", ctx->ascii ? "a" : "\xce\xb1", e[i].lr);
        labels[i] = names[i];
    }
    /* A log axis: a rate that jumps about at first does not flatten the others. */
    plot_options opt = {true, ctx->ascii, "it"};
    plot_render_curves(c, (ui_rect){area.x + 1, area.y + 1, area.w - 2, area.h - legend - 2}, curves, n, rate_roles,
                       labels, &opt);
    /* The legend under the chart: one row per rate, in its curve's role. */
    for (size_t i = 0; i < n && legend; i++) {
        int y = area.y + area.h - legend + (int)i;
        char what[96];
        if (e[i].no_memory)
            snprintf(what, sizeof what, "%s", UI_TR(ctx, "out of memory: not trained", "内存不足：未训练"));
        else if (e[i].diverged)
            snprintf(what, sizeof what, "%s", UI_TR(ctx, "diverged", "发散"));
        else if (e[i].done >= e[i].total)
            snprintf(what, sizeof what, UI_TR(ctx, "cost after %ld iterations %.6f", "%ld 次迭代后代价 %.6f"), e[i].total,
                     e[i].final_cost);
        else if (e[i].done > 0)
            snprintf(what, sizeof what, "%ld/%ld", e[i].done, e[i].total);
        else
            snprintf(what, sizeof what, "%s", UI_TR(ctx, "waiting", "等待中"));
        canvas_printf(c, area.x + 1, y, area.w - 2, rate_roles[i], "%-12s %s%s", names[i], what,
                      i == 1 ? UI_TR(ctx, "  (the live rate)", "  （当前学习率）") : "");
    }
}

void trainer_rates_status(const trainer_screen *ts, const ui_ctx *ctx, char *buf, size_t size)
{
    const trainer_rate_entry *e;
    size_t n = trainer_rates_entries(ts->model, &e), k = 0;
    while (k < n && (e[k].done >= e[k].total || e[k].diverged || e[k].no_memory))
        k++;
    if (k < n)
        snprintf(buf, size, "%s %zu/%zu  %s %g  %ld/%ld", UI_TR(ctx, "rates", "学习率"), k + 1, n,
                 UI_TR(ctx, "lr", "学习率"), e[k].lr, e[k].done, e[k].total);
    else
        snprintf(buf, size, "%s %zu/%zu  %s", UI_TR(ctx, "rates", "学习率"), n, n, UI_TR(ctx, "done", "完成"));
}
