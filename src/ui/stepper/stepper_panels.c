/*
 * stepper_panels.c — the stepper's right panel: the op on show (heading,
 * formula, dimension check), then one of
 *   previews   each operand and the result, printed like numpy, shrunk to fit
 *              (stepper_preview.c)
 *   inspector  a window of one matrix with a cursor, the value under it and
 *              the example column x⁽ⁱ⁾ when the matrix has one column per example
 *   gradcheck  numerical vs analytic gradients, per layer
 *   learner    the learner's own function's output beside ours (stepper_learner.c)
 * and a status line (the shape prompt, the verdict, warnings).
 */
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "../glyphs.h"
#include "../text.h"
#include "stepper_fmt.h"
#include "stepper_learner.h"
#include "stepper_view_internal.h"

static void draw_inspector(const stepper *s, ui_canvas *c, ui_rect r, const ui_ctx *ctx)
{
    const nn_net *net = stepper_net(s);
    nn_ref ref;
    size_t row, col;
    const mat *m = stepper_inspect_matrix(s, &ref, &row, &col);
    if (!m || r.h < 3)
        return;
    char name[32], v[64];
    nn_ref_name(ref, name, sizeof name);
    stepper_format_value(mat_get(m, row, col), v, sizeof v);
    int y = r.y;
    canvas_printf(c, r.x, y++, r.w, ROLE_HEADING, "%s %s (%zu, %zu)", UI_TR(ctx, "Inspect", "查看"), name,
                  m->rows, m->cols);
    canvas_printf(c, r.x, y++, r.w, ROLE_CURRENT, "%s[%zu, %zu] = %s   %s %zu, %s %zu", name, row, col, v,
                  UI_TR(ctx, "row", "行"), row, UI_TR(ctx, "column", "列"), col);
    size_t m_ex = nn_examples(net);
    const mat *X = nn_value_of(net, NN_A, 0), *Y = nn_ref_matrix(net, NN_REF_Y);
    if (m->cols == m_ex && X && Y && y < r.y + r.h) {
        /* x⁽ⁱ⁾ is column i of X: the example this column of the matrix belongs to. */
        mat *xi = mat_new(1, X->rows);
        if (xi) {
            for (size_t k = 0; k < X->rows; k++)
                mat_set(xi, 0, k, mat_get(X, k, col));
            /* numpy prints the 1-D X[:, i] with one pair of brackets. */
            char line[512], vec[384], y_s[32];
            int pre = snprintf(line, sizeof line, "x⁽ⁱ⁾ = X[:, %zu] = ", col);
            stepper_format_matrix(xi, r.w - (pre > 0 ? pre : 0) + 4, 1, vec, sizeof vec);
            size_t vl = strlen(vec);
            if (vl >= 2) {
                vec[vl - 1] = '\0';
                snprintf(line, sizeof line, "x⁽ⁱ⁾ = X[:, %zu] = %s", col, vec + 1);
            }
            stv_math(c, r.x, y++, r.w, line, ROLE_NORMAL, ctx);
            stepper_format_value(mat_get(Y, 0, col), y_s, sizeof y_s);
            snprintf(line, sizeof line, "y⁽ⁱ⁾ = Y[0, %zu] = %s   (%s i = %zu)", col, y_s,
                     UI_TR(ctx, "example", "样本"), col);
            if (y < r.y + r.h)
                stv_math(c, r.x, y++, r.w, line, ROLE_NORMAL, ctx);
            mat_free(xi);
        }
    }
    y++;
    /* A window of cells around the cursor. */
    int rows_room = r.y + r.h - y - 1;
    if (rows_room < 1)
        return;
    int rl = 1;
    for (size_t t = m->rows > 0 ? m->rows - 1 : 0; t >= 10; t /= 10)
        rl++;
    int ew = 11;
    size_t r0 = 0, c0 = 0, nr = 0, ncol = 0;
    for (int pass = 0; pass < 2; pass++) {
        ncol = (size_t)((r.w - rl - 1) / (ew + 1));
        if (ncol < 1)
            ncol = 1;
        if (ncol > m->cols)
            ncol = m->cols;
        nr = (size_t)rows_room < m->rows ? (size_t)rows_room : m->rows;
        c0 = col >= ncol / 2 ? col - ncol / 2 : 0;
        if (c0 + ncol > m->cols)
            c0 = m->cols - ncol;
        r0 = row >= nr / 2 ? row - nr / 2 : 0;
        if (r0 + nr > m->rows)
            r0 = m->rows - nr;
        int widest = 1;
        for (size_t i = r0; i < r0 + nr; i++)
            for (size_t j = c0; j < c0 + ncol; j++) {
                char t[64];
                int len = (int)stepper_format_value(mat_get(m, i, j), t, sizeof t);
                if (len > widest)
                    widest = len;
            }
        if (widest == ew)
            break;
        ew = widest;
    }
    for (size_t j = 0; j < ncol; j++)
        canvas_printf(c, r.x + rl + 1 + (int)j * (ew + 1), y, ew, ROLE_DIM, "%*zu", ew, c0 + j);
    y++;
    for (size_t i = 0; i < nr && y < r.y + r.h; i++, y++) {
        canvas_printf(c, r.x, y, rl, ROLE_DIM, "%*zu", rl, r0 + i);
        for (size_t j = 0; j < ncol; j++) {
            char t[64];
            stepper_format_value(mat_get(m, r0 + i, c0 + j), t, sizeof t);
            bool cur = r0 + i == row && c0 + j == col;
            int x = r.x + rl + 1 + (int)j * (ew + 1);
            canvas_printf(c, x, y, ew, cur ? ROLE_SELECTED : ROLE_NORMAL, "%*s", ew, t);
            if (cur)
                canvas_paint(c, x, y, ew, 1, ROLE_SELECTED, UI_CELL_REVERSE);
        }
    }
}

/* What → runs next, at granularity g. */
static const char *next_step_name(stepper_grain g, const ui_ctx *ctx)
{
    switch (g) {
    case STEPPER_GRAIN_LAYER: return UI_TR(ctx, "next layer", "下一层");
    case STEPPER_GRAIN_PHASE: return UI_TR(ctx, "next phase", "下一阶段");
    case STEPPER_GRAIN_ITERATION: return UI_TR(ctx, "whole iteration", "整次迭代");
    default: return UI_TR(ctx, "next operation", "下一步");
    }
}

static void draw_status(const stepper *s, const stepper_notice *notice, nn_op op, bool computed, ui_canvas *c,
                        ui_rect r, const ui_ctx *ctx)
{
    const nn_net *net = stepper_net(s);
    char line[512];
    int y = r.y + r.h - 1;
    if (notice && notice->en) {
        /* A notice too wide for the line takes the one above as well (until
         * the next key) rather than lose its end. */
        const char *text = UI_TR(ctx, notice->en, notice->zh);
        text_line *lines = NULL;
        size_t n = r.w >= 2 && text_width(text) > r.w ? text_wrap(text, r.w, &lines) : 0;
        if (n == 2 && r.h >= 2) {
            for (size_t i = 0; i < 2; i++) {
                canvas_fill(c, r.x, y - 1 + (int)i, r.w, 1, (uint32_t)' ', ROLE_NORMAL);
                char part[512];
                snprintf(part, sizeof part, "%.*s", (int)lines[i].len, text + lines[i].start);
                canvas_text(c, r.x, y - 1 + (int)i, r.w, part, notice->role);
            }
        } else {
            canvas_text(c, r.x, y, r.w, text, notice->role);
        }
        free(lines);
        return;
    }
    if (stepper_asking(s)) {
        nn_ref out;
        stepper_op_predictable(net, stepper_next_op(s), &out);
        char name[32];
        nn_ref_name(out, name, sizeof name);
        int x = r.x + canvas_printf(c, r.x, y, r.w, ROLE_INPUT, "%s %s? (%s) > %s", UI_TR(ctx, "Shape of", "形状："),
                                    name, UI_TR(ctx, "rows, cols", "行, 列"), stepper_input(s));
        canvas_text(c, x, y, 1, glyph_str(GLYPH_CURSOR, ctx->ascii), ROLE_INPUT);
        return;
    }
    const stepper_prediction *p = stepper_last_prediction(s);
    if (p && computed) {
        char name[32];
        nn_ref_name(p->ref, name, sizeof name);
        if (p->verdict == STEPPER_VERDICT_RIGHT)
            snprintf(line, sizeof line, "%s %s: %s (%zu, %zu)", glyph_str(GLYPH_DONE, ctx->ascii),
                     UI_TR(ctx, "right", "正确"), name, p->rows, p->cols);
        else
            snprintf(line, sizeof line, "%s %s (%zu, %zu); %s %s (%zu, %zu)", glyph_str(GLYPH_WRONG, ctx->ascii),
                     UI_TR(ctx, "you said", "你的答案"), p->said_rows, p->said_cols,
                     UI_TR(ctx, "it is", "正确答案"), name, p->rows, p->cols);
        canvas_text(c, r.x, y, r.w, line, p->verdict == STEPPER_VERDICT_RIGHT ? ROLE_OK : ROLE_BAD);
        return;
    }
    if (stepper_status(s) == NN_DIVERGED) {
        canvas_text(c, r.x, y, r.w,
                    UI_TR(ctx, "Diverged: the cost or a parameter is not finite (try ←)",
                          "发散：代价或参数不再是有限数（可按 ← 撤销）"),
                    ROLE_WARN);
        return;
    }
    (void)op;
    if (computed && stepper_done(s) == nn_op_count(net))
        snprintf(line, sizeof line, "%s %ld", UI_TR(ctx, "Iteration done. → starts iteration", "本次迭代完成。→ 开始迭代"),
                 stepper_iteration(s));
    else
        snprintf(line, sizeof line, "→ %s%s", next_step_name(stepper_grain_now(s), ctx),
                 stepper_can_undo(s) ? UI_TR(ctx, "   ← undo", "   ← 撤销") : "");
    stv_math(c, r.x, y, r.w, line, ROLE_DIM, ctx);
}

/* The core writes its dimension checks with a few English words; in Chinese
 * they are put in words of the interface's language (as the report does). */
static void stv_shapes_lang(char *text, size_t size, const ui_ctx *ctx)
{
    static const char *const words[][2] = {
        {" broadcast \u2192 ", " 广播 \u2192 "},
        {" element-wise \u2192 ", " 逐元素 \u2192 "},
        {" each row summed \u2192 ", " 逐行求和 \u2192 "},
        {" (scalar)", "（标量）"},
    };
    if (ctx->lang != UI_LANG_ZH)
        return;
    char out[1024];
    size_t o = 0;
    for (const char *p = text; *p && o + 1 < sizeof out;) {
        size_t w = 0, n = 0;
        for (; w < sizeof words / sizeof words[0]; w++)
            if (!strncmp(p, words[w][0], n = strlen(words[w][0])))
                break;
        if (w < sizeof words / sizeof words[0]) {
            size_t k = strlen(words[w][1]);
            if (o + k + 1 >= sizeof out)
                break;
            memcpy(out + o, words[w][1], k);
            o += k;
            p += n;
        } else {
            out[o++] = *p++;
        }
    }
    out[o] = '\0';
    snprintf(text, size, "%s", out);
}

/* One op's formula and dimension check under the heading (the result's
 * shape hidden while it is being asked for); returns the lines drawn. */
static int draw_one_heading(const stepper *s, nn_op op, ui_canvas *c, ui_rect r, const ui_ctx *ctx)
{
    const nn_net *net = stepper_net(s);
    char text[1024];
    int y = r.y;
    nn_op_formula(net, op, text, sizeof text);
    y += stv_wrapped(c, r, y, 2, text, ROLE_FORMULA, ctx);
    nn_op_shapes(net, op, text, sizeof text);
    stv_shapes_lang(text, sizeof text, ctx);
    if (stepper_asking(s)) {
        /* Hide the answer: the result's shape after the last arrow. */
        char *arrow = NULL;
        for (char *p = strstr(text, "→"); p; p = strstr(p + 1, "→"))
            arrow = p;
        if (arrow)
            snprintf(arrow, sizeof text - (size_t)(arrow - text), "→ ?");
    }
    y += stv_wrapped(c, r, y, 3, text, ROLE_NORMAL, ctx);
    return y - r.y;
}

/* The heading of a step of several ops (a layer, a phase, the iteration)
 * and each op's formula, as many as fit; returns the lines drawn. */
static int draw_many_heading(const stepper *s, ui_canvas *c, ui_rect r, const ui_ctx *ctx)
{
    const nn_net *net = stepper_net(s);
    int from = stepper_shown_from(s), to = stepper_shown_index(s, NULL), count = nn_op_count(net);
    nn_op a = nn_op_at(net, from), b = nn_op_at(net, to);
    const char *dot = ctx->ascii ? " - " : " · ";
    char range[64], line[256];
    snprintf(range, sizeof range, "%s %d%s%d/%d", UI_TR(ctx, "ops", "运算"), from + 1, ctx->ascii ? "-" : "–", to + 1,
             count);
    stepper_grain g = stepper_shown_grain(s);
    if (g == STEPPER_GRAIN_LAYER && nn_op_phase_of(a) == nn_op_phase_of(b) && a.layer == b.layer)
        snprintf(line, sizeof line, UI_TR(ctx, "Layer %d%s%s%s%s", "第 %d 层%s%s%s%s"), b.layer, dot,
                 stv_phase_name(b, ctx), dot, range);
    else if (g != STEPPER_GRAIN_ITERATION && nn_op_phase_of(a) == nn_op_phase_of(b))
        snprintf(line, sizeof line, UI_TR(ctx, "The %s phase%s%s", "%s阶段%s%s"), stv_phase_name(b, ctx), dot, range);
    else
        snprintf(line, sizeof line, "%s%s%s", UI_TR(ctx, "The whole iteration", "整次迭代"), dot, range);
    int y = r.y;
    canvas_text(c, r.x, y++, r.w, line, ROLE_HEADING);
    int n = to - from + 1, room = r.h >= 28 ? 8 : 4;
    int listed = n <= room ? n : room - 1;
    for (int k = 0; k < listed; k++) {
        nn_op_formula(net, nn_op_at(net, from + k), line, sizeof line);
        stv_math(c, r.x, y++, r.w, line, ROLE_FORMULA, ctx);
    }
    if (listed < n)
        canvas_printf(c, r.x, y++, r.w, ROLE_DIM, UI_TR(ctx, "… and %d more, listed on the left", "…… 另有 %d 个，见左侧列表"),
                      n - listed);
    return y - r.y;
}

void stv_draw_right(const stepper *s, const stepper_notice *notice, const struct stepper_learner *learner,
                    ui_canvas *c, stepper_layout lo, const ui_ctx *ctx)
{
    const nn_net *net = stepper_net(s);
    ui_rect r = lo.right;
    if (r.w < 8 || r.h < 4)
        return;
    bool computed;
    int idx = stepper_shown_index(s, &computed);
    nn_op op = nn_op_at(net, idx);
    int y = r.y;
    const char *dot = ctx->ascii ? " - " : " · ";
    if (computed && stepper_shown_from(s) < idx) {
        y += draw_many_heading(s, c, r, ctx);
    } else {
        /* The update and the cost are a phase each: no kind after it. */
        bool alone = nn_op_phase_of(op) == NN_PHASE_UPDATE || nn_op_phase_of(op) == NN_PHASE_COST;
        canvas_printf(c, r.x, y++, r.w, ROLE_HEADING, "%s %d/%d%s%s%s%s%s", UI_TR(ctx, "Step", "步骤"), idx + 1,
                      nn_op_count(net), dot, stv_phase_name(op, ctx), alone ? "" : dot,
                      alone ? "" : stv_kind_name(op.kind, ctx), computed ? "" : UI_TR(ctx, " (next)", "（待运行）"));
        y += draw_one_heading(s, op, c, (ui_rect){r.x, y, r.w, r.h - 1}, ctx);
    }
    if (r.h >= 20)
        y++;
    ui_rect body = {r.x, y, r.w, r.y + r.h - 1 - y};
    const gc_result *gc = stepper_gradcheck_result(s);
    if (body.h > 0) {
        if (gc)
            stv_draw_gradcheck(gc, stepper_gradcheck_kinks(s), c, body, ctx);
        else if (stepper_gradcheck_pending(s))
            stv_draw_gradcheck_pending(stepper_gradcheck_pending(s), c, body, ctx);
        else if (stepper_inspecting(s))
            draw_inspector(s, c, body, ctx);
        else if (learner && stepper_learner_shown(learner, s))
            stepper_learner_draw(learner, c, body, ctx);
        else
            stv_draw_previews(s, op, computed, c, body, ctx);
    }
    draw_status(s, notice, op, computed, c, r, ctx);
}
