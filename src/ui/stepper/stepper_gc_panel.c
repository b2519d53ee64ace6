/*
 * stepper_gc_panel.c — the stepper's gradient check panel: per layer, the
 * relative difference between backprop's dW, db and the two-sided numerical
 * gradient, each with one mark (✓ ~ ? ✗), the whole network's, and the
 * verdict in words; for a network too big to check whole, how many of its
 * parameters the sample covered; "checking…" while a check runs.
 */
#include <stdio.h>

#include "../glyphs.h"
#include "stepper_view_internal.h"

/* The verdict on one relative difference, as the course reads it: below
 * 1e-7 right; up to 1e-3 right up to rounding (a two-sided difference with
 * ε = 1e-7 carries about 1e-16/1e-7 of noise per component); above, a bug.
 * One meaning per mark: ✓ below 1e-7, ~ 1e-7 … 1e-3, ✗ above 1e-3, and ?
 * above 1e-3 where the difference cannot be trusted: a gradient with a tiny
 * norm (any relative difference is mostly noise) or Z on ReLU's kink. */
typedef enum gc_mark { GC_RIGHT, GC_ROUGHLY, GC_UNSURE, GC_WRONG } gc_mark;

static gc_mark gc_judge(double difference, double norm, long kinks)
{
    if (difference < STEPPER_GC_GOOD)
        return GC_RIGHT;
    if (difference < STEPPER_GC_BUG)
        return GC_ROUGHLY;
    if (norm < STEPPER_GC_TINY || kinks > 0)
        return GC_UNSURE;
    return GC_WRONG;
}

static void put_mark(ui_canvas *c, int x, int y, gc_mark k, const ui_ctx *ctx)
{
    if (k == GC_RIGHT)
        canvas_text(c, x, y, 1, glyph_str(GLYPH_DONE, ctx->ascii), ROLE_OK);
    else if (k == GC_ROUGHLY)
        canvas_text(c, x, y, 1, "~", ROLE_WARN);
    else if (k == GC_UNSURE)
        canvas_text(c, x, y, 1, "?", ROLE_WARN);
    else
        canvas_text(c, x, y, 1, glyph_str(GLYPH_WRONG, ctx->ascii), ROLE_BAD);
}

/* n with a comma every three digits: 245973 → "245,973". */
static const char *grouped(size_t n, char buf[32])
{
    char digits[24];
    int len = snprintf(digits, sizeof digits, "%zu", n), o = 0;
    for (int i = 0; i < len; i++) {
        if (i > 0 && (len - i) % 3 == 0)
            buf[o++] = ',';
        buf[o++] = digits[i];
    }
    buf[o] = '\0';
    return buf;
}

/* "9 of 245,973 parameters checked (…)" for a sampled check. */
static void sample_line(size_t checked, size_t total, bool running, char *out, size_t size, const ui_ctx *ctx)
{
    char a[32], b[32];
    snprintf(out, size,
             running ? UI_TR(ctx, "checking %s of %s parameters (a fixed sample of each W and b: all would take too "
                                  "long here)…",
                             "正在检验 %s / %s 个参数（每个 W 和 b 中固定抽样：全部检验在这里太慢）…")
                     : UI_TR(ctx, "%s of %s parameters checked (a fixed sample of each W and b: all would take too "
                                  "long here)",
                             "已检验 %s / %s 个参数（每个 W 和 b 中固定抽样：全部检验在这里太慢）"),
             grouped(checked, a), grouped(total, b));
}

void stv_draw_gradcheck_pending(const gc_plan *plan, ui_canvas *c, ui_rect r, const ui_ctx *ctx)
{
    int y = r.y;
    stv_math(c, r.x, y++, r.w, UI_TR(ctx, "Gradient check, ε = 1e-7", "梯度检验，ε = 1e-7"), ROLE_HEADING, ctx);
    char line[300], a[32];
    if (plan->checked < plan->total)
        sample_line(plan->checked, plan->total, true, line, sizeof line, ctx);
    else
        snprintf(line, sizeof line, UI_TR(ctx, "checking all %s parameters…", "正在检验全部 %s 个参数…"),
                 grouped(plan->total, a));
    stv_wrapped(c, (ui_rect){r.x, y, r.w, r.y + r.h - y}, y, r.y + r.h - y, line, ROLE_DIM, ctx);
}

void stv_draw_gradcheck(const gc_result *gc, long kinks, ui_canvas *c, ui_rect r, const ui_ctx *ctx)
{
    int y = r.y;
    stv_math(c, r.x, y++, r.w,
             UI_TR(ctx, "Gradient check, ε = 1e-7, difference =", "梯度检验，ε = 1e-7，差 ="), ROLE_HEADING, ctx);
    y += stv_wrapped(c, (ui_rect){r.x + 2, y, r.w - 2, 2}, y, 2, "‖dθ − dθapprox‖₂ / (‖dθ‖₂ + ‖dθapprox‖₂)",
                     ROLE_FORMULA, ctx);
    canvas_printf(c, r.x, y++, r.w, ROLE_DIM, "%-6s %-15s %-15s", UI_TR(ctx, "layer", "层"), "dW", "db");
    for (int l = 1; l <= gc->L && y < r.y + r.h - 2; l++, y++) {
        const gc_layer *g = &gc->layer[l];
        canvas_printf(c, r.x, y, 7, ROLE_NORMAL, "%d", l);
        canvas_printf(c, r.x + 7, y, 10, ROLE_NORMAL, "%.3e", g->dW_difference);
        put_mark(c, r.x + 17, y, gc_judge(g->dW_difference, g->dW_norm, kinks), ctx);
        canvas_printf(c, r.x + 23, y, 10, ROLE_NORMAL, "%.3e", g->db_difference);
        put_mark(c, r.x + 33, y, gc_judge(g->db_difference, g->db_norm, kinks), ctx);
    }
    if (y >= r.y + r.h)
        return;
    gc_mark all = gc_judge(gc->difference, 1.0, 0);
    bool kinked = all == GC_WRONG && kinks > 0;
    if (kinked)
        all = GC_UNSURE;
    canvas_printf(c, r.x, y, 7, ROLE_HEADING, "%s", UI_TR(ctx, "all", "全部"));
    canvas_printf(c, r.x + 7, y, 10, ROLE_NORMAL, "%.3e", gc->difference);
    put_mark(c, r.x + 17, y, all, ctx);
    y++;
    if (gc->checked < gc->total && y < r.y + r.h) {
        char line[300];
        sample_line(gc->checked, gc->total, false, line, sizeof line, ctx);
        y += stv_wrapped(c, (ui_rect){r.x, y, r.w, r.y + r.h - y}, y, r.y + r.h - y, line, ROLE_NOTE, ctx);
    }
    char kink_text[400];
    snprintf(kink_text, sizeof kink_text,
             UI_TR(ctx, "> 1e-3, but not a bug: %ld values of Z sit exactly on ReLU's kink at 0 (b = 0 and no "
                        "active input), where the numerical gradient sees half a slope and backprop uses g'(0) = 0.",
                   "> 1e-3，但不是错误：有 %ld 个 Z 值正好落在 ReLU 的拐点 0 上（b = 0 且没有激活的输入），"
                   "数值梯度在那里只看到一半斜率，而反向传播取 g'(0) = 0。"),
             kinks);
    const char *verdict = kinked ? kink_text
        : all == GC_RIGHT
        ? UI_TR(ctx, "< 1e-7: backprop agrees with the numerical gradient.",
                "< 1e-7：反向传播与数值梯度一致。")
        : all == GC_ROUGHLY
        ? UI_TR(ctx, "1e-7 … 1e-3 (~): agrees up to rounding noise; above 1e-3 (✗) means a bug.",
                "1e-7 … 1e-3（~）：差别来自舍入误差；超过 1e-3（✗）才说明有错误。")
        : UI_TR(ctx, "> 1e-3: backprop and the numerical gradient disagree: a bug.",
                "> 1e-3：反向传播与数值梯度不一致，有错误。");
    y += stv_wrapped(c, (ui_rect){r.x, y, r.w, r.y + r.h - y}, y, r.y + r.h - y, verdict,
                     all == GC_WRONG ? ROLE_BAD : (all == GC_RIGHT ? ROLE_OK : ROLE_WARN), ctx);
    if (y < r.y + r.h && !kinked)
        stv_wrapped(c, (ui_rect){r.x, y, r.w, r.y + r.h - y}, y, r.y + r.h - y,
                    UI_TR(ctx, "? above 1e-3 on a tiny gradient (‖·‖ < 1e-5): its relative difference is mostly "
                               "rounding, not a bug.",
                          "? 梯度很小（‖·‖ < 1e-5）时超过 1e-3：相对差主要是舍入误差，不是错误。"),
                    ROLE_DIM, ctx);
}
