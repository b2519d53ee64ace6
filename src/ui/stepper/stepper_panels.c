/*
 * stepper_panels.c — the stepper's right panel: the op on show (heading,
 * formula, dimension check), then one of
 *   previews   each operand and the result, printed like numpy, shrunk to fit
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

#define PV_MAX (10 * NN_MAX_LAYERS + 8)
#define PV_TEXT 8192

/* What a preview line is: a value as it is now, or, for the update on show,
 * one of the three of a parameter (old W, α·dW, new W). */
typedef enum pv_kind { PV_VALUE, PV_OLD, PV_STEP, PV_NEW } pv_kind;

typedef struct pv_item {
    nn_ref ref;
    const mat *m;
    mat *owned;     /* α·dW, made for the preview (freed after drawing) */
    pv_kind kind;
    bool result;
    int group;      /* the update's parameter (0 … 2L−1); −1 otherwise */
    int lines;
} pv_item;

/* "W[1] = ", "old W[1] = ", "α·dW[1] = ", "new W[1] = " (ASCII twins with
 * ctx->ascii). */
static void item_label(const pv_item *it, char *buf, size_t size, const ui_ctx *ctx)
{
    char name[32], text[96];
    nn_ref_name(it->ref, name, sizeof name);
    if (it->kind == PV_OLD)
        snprintf(text, sizeof text, "%s %s = ", UI_TR(ctx, "old", "旧"), name);
    else if (it->kind == PV_STEP)
        snprintf(text, sizeof text, "α·d%s = ", name);
    else if (it->kind == PV_NEW)
        snprintf(text, sizeof text, "%s %s = ", UI_TR(ctx, "new", "新"), name);
    else
        snprintf(text, sizeof text, "%s = ", name);
    if (ctx->ascii)
        stepper_ascii_math(text, buf, size);
    else
        snprintf(buf, size, "%s", text);
}

/* The update's three lines of parameter p (W[l] for p = 2(l−1), b[l] for
 * p = 2(l−1) + 1): its old value (when the stepper still has the network
 * from before the step), α times its gradient, and its new value. */
static int update_items(const stepper *s, int p, pv_item *items)
{
    const nn_net *net = stepper_net(s), *before = stepper_before(s);
    int l = p / 2 + 1, n = 0;
    nn_ref ref = {p % 2 ? NN_B : NN_W, l}, grad = {p % 2 ? NN_DB : NN_DW, l};
    if (before)
        items[n++] = (pv_item){.ref = ref, .m = nn_ref_matrix(before, ref), .kind = PV_OLD, .group = p};
    const mat *d = nn_ref_matrix(net, grad);
    mat *step = d ? mat_new(d->rows, d->cols) : NULL;
    if (step) {
        /* α·dW exactly as the update subtracted it. */
        for (size_t i = 0; i < mat_size(d); i++)
            step->v[i] = stepper_lr(s) * d->v[i];
        items[n++] = (pv_item){.ref = ref, .m = step, .owned = step, .kind = PV_STEP, .group = p};
    }
    items[n++] = (pv_item){.ref = ref, .m = nn_ref_matrix(net, ref), .kind = PV_NEW, .result = true, .group = p};
    return n;
}

static bool ref_listed(const nn_ref *refs, int n, nn_ref r)
{
    for (int i = 0; i < n; i++)
        if (refs[i].value == r.value && refs[i].layer == r.layer)
            return true;
    return false;
}

static bool item_listed(const pv_item *items, int n, nn_ref r)
{
    for (int i = 0; i < n; i++)
        if (items[i].ref.value == r.value && items[i].ref.layer == r.layer)
            return true;
    return false;
}

/* The matrices to preview for the step on show: for the update, the three
 * lines of each parameter (after what the iteration's other ops wrote, when
 * the step is the whole iteration); for another step, its inputs, then
 * what it wrote. */
static int preview_items(const stepper *s, nn_op op, bool computed, pv_item *items)
{
    const nn_net *net = stepper_net(s);
    int n = 0;
    if (nn_op_phase_of(op) == NN_PHASE_UPDATE && computed) {
        int to = stepper_shown_index(s, NULL);
        for (int i = stepper_shown_from(s); i < to && n < PV_MAX; i++) {
            nn_op o = nn_op_at(net, i);
            nn_ref in[NN_OP_MAX_OPERANDS], out;
            nn_op_operands(net, o, in, &out);
            if (nn_op_phase_of(o) != NN_PHASE_COST && nn_op_phase_of(o) != NN_PHASE_UPDATE)
                items[n++] = (pv_item){.ref = out, .result = true, .group = -1};
        }
        for (int p = stepper_update_first(s); p < 2 * nn_layers(net) && n + 3 <= PV_MAX; p++)
            n += update_items(s, p, items + n);
    } else if (nn_op_phase_of(op) == NN_PHASE_UPDATE) {
        for (int l = 1; l <= nn_layers(net) && n + 4 <= PV_MAX; l++) {
            items[n++] = (pv_item){.ref = {NN_W, l}, .group = -1};
            items[n++] = (pv_item){.ref = {NN_DW, l}, .group = -1};
            items[n++] = (pv_item){.ref = {NN_B, l}, .group = -1};
            items[n++] = (pv_item){.ref = {NN_DB, l}, .group = -1};
        }
    } else {
        /* The step's inputs (what its ops read that none of them wrote
         * before), then what each op wrote. */
        int to = stepper_shown_index(s, NULL), from = computed ? stepper_shown_from(s) : to;
        nn_ref res[PV_MAX];
        int n_res = 0;
        for (int i = from; i <= to; i++) {
            nn_op o = nn_op_at(net, i);
            nn_ref in[NN_OP_MAX_OPERANDS], out;
            int k = nn_op_operands(net, o, in, &out);
            for (int j = 0; j < k && n < PV_MAX; j++)
                if (!ref_listed(res, n_res, in[j]) && !item_listed(items, n, in[j]))
                    items[n++] = (pv_item){.ref = in[j], .group = -1};
            if (computed && nn_op_phase_of(o) != NN_PHASE_COST && n_res < PV_MAX)
                res[n_res++] = out;
        }
        for (int i = 0; i < n_res && n < PV_MAX; i++)
            items[n++] = (pv_item){.ref = res[i], .result = true, .group = -1};
    }
    int kept = 0;
    for (int i = 0; i < n; i++) {
        if (!items[i].m && !items[i].owned && items[i].kind == PV_VALUE)
            items[i].m = nn_ref_matrix(net, items[i].ref);
        if (items[i].m)
            items[kept++] = items[i];
    }
    return kept;
}

/* A matrix printed whole wherever it is shown (at most 7×7): the few
 * numbers of a W, b, dW or db are worth more than the room they take. */
static bool small_matrix(const mat *m)
{
    return m->rows <= 7 && m->cols <= 7;
}

/* The next smaller line count a matrix preview can take (numpy summaries
 * take 2e + 1 lines), or `lines` when it cannot shrink. A small matrix is
 * kept whole (wrapped when its rows are too wide) unless `force`: then its
 * one line a row first. */
static int shrink(int lines, const mat *m, bool force)
{
    size_t rows = m->rows;
    if (small_matrix(m) && !force)
        return lines;
    if (lines > (int)rows)
        return (int)rows;
    if (lines > 7 && rows > 7)
        return 7;
    for (int e = 3; e >= 1; e--)
        if (2 * e + 1 < lines)
            return 2 * e + 1;
    return lines;
}

/* Shrinks the biggest previews first until items[*first … *last) fit
 * `avail` lines; then leaves out whole parameters of the update from the
 * end while more than one is on show (the learner's Tab shows them), or
 * else the first items: operands, then the earliest results. */
static void fit_items(pv_item *items, int *first, int *last, int avail)
{
    for (;;) {
        int sum = 0, big = -1, first_group = -1;
        for (int i = *first; i < *last; i++) {
            sum += items[i].lines;
            if (first_group < 0)
                first_group = items[i].group;
            if (shrink(items[i].lines, items[i].m, false) < items[i].lines &&
                (big < 0 || items[i].lines > items[big].lines))
                big = i;
        }
        if (sum <= avail)
            return;
        if (big >= 0)
            items[big].lines = shrink(items[big].lines, items[big].m, false);
        else if (items[*last - 1].group >= 0 && items[*last - 1].group != first_group) {
            int g = items[*last - 1].group;
            while (items[*last - 1].group == g)
                (*last)--;
        } else if (*first < *last - 1 && (items[*first].group < 0 || items[*first].group != items[*last - 1].group)) {
            (*first)++;
        } else {
            /* What is left is one value, or one parameter's three lines, still
             * taller than the room (a 7×7 wrapped on a short terminal): its
             * small matrices are summarised after all, rather than cut; only
             * then are the parameter's old value and α·d left out. */
            int forced = -1;
            for (int i = *first; i < *last; i++)
                if (shrink(items[i].lines, items[i].m, true) < items[i].lines &&
                    (forced < 0 || items[i].lines > items[forced].lines))
                    forced = i;
            if (forced >= 0)
                items[forced].lines = shrink(items[forced].lines, items[forced].m, true);
            else if (*first < *last - 1)
                (*first)++;
            else
                return;
        }
    }
}

static void draw_previews(const stepper *s, nn_op op, bool computed, ui_canvas *c, ui_rect r, const ui_ctx *ctx)
{
    const nn_net *net = stepper_net(s);
    pv_item items[PV_MAX];
    int n = preview_items(s, op, computed, items);
    bool update = nn_op_phase_of(op) == NN_PHASE_UPDATE;
    /* One extra line for the result that is not a matrix (J, or "= ?"), or
     * for the note that the update has more parameters than are on show. */
    int extra = (nn_op_phase_of(op) == NN_PHASE_COST || !computed || update) && !(update && !computed) ? 1 : 0;
    int avail = r.h - extra;
    int label_w = 0;
    for (int i = 0; i < n; i++) {
        char lab[96];
        item_label(&items[i], lab, sizeof lab, ctx);
        if (text_width(lab) > label_w)
            label_w = text_width(lab);
    }
    int first = 0, last = n, left_out = 0;
    /* Every row, and a small matrix whole (wrapped, stepper_fmt.h); what
     * is left after fitting starts whole again, so the room of what was
     * left out goes to what stays. When results of the step are left out,
     * a line says how many (and the fitting is done again without it). */
    for (int attempt = 0; attempt < 2 && n > 0; attempt++) {
        first = 0, last = n;
        for (int pass = 0; pass < 2; pass++) {
            for (int i = first; i < last; i++) {
                const mat *m = items[i].m;
                items[i].lines = (int)m->rows;
                if (small_matrix(m)) {
                    char whole[1024];
                    items[i].lines = stepper_format_matrix(m, r.w - label_w, 7 * 7, whole, sizeof whole);
                }
            }
            fit_items(items, &first, &last, avail - (attempt ? 1 : 0));
        }
        left_out = 0;
        for (int i = 0; i < first; i++)
            left_out += items[i].result;
        if (!left_out)
            break;
    }
    int y = r.y;
    if (left_out) {
        canvas_printf(c, r.x, y++, r.w, ROLE_DIM,
                      UI_TR(ctx, "(%d earlier results left out for room)", "（还有 %d 个较早的结果因空间不足未显示）"),
                      left_out);
    }
    /* A gap line after each value (after each parameter's three lines on
     * the update) when they all fit. */
    int used = extra + (left_out ? 1 : 0), n_gaps = 0;
    for (int i = first; i < last; i++) {
        used += items[i].lines;
        n_gaps += items[i].group < 0 || i + 1 == last || items[i + 1].group != items[i].group;
    }
    bool gaps = used + n_gaps <= r.h;
    static char text[PV_TEXT];
    for (int i = first; i < last && y < r.y + r.h; i++) {
        char lab[96];
        item_label(&items[i], lab, sizeof lab, ctx);
        int lw = text_width(lab);
        canvas_text(c, r.x + label_w - lw, y, lw, lab, items[i].result ? ROLE_CURRENT : ROLE_HEADING);
        int lines = stepper_format_matrix(items[i].m, r.w - label_w, items[i].lines, text, sizeof text);
        char *line = text;
        for (int k = 0; k < lines && y < r.y + r.h; k++, y++) {
            char *nl = strchr(line, '\n');
            if (nl)
                *nl = '\0';
            canvas_text(c, r.x + label_w, y, r.w - label_w, line, ROLE_NORMAL);
            line = nl ? nl + 1 : line + strlen(line);
        }
        /* A gap between values; none inside an update's three lines. */
        if (gaps && (items[i].group < 0 || i + 1 == last || items[i + 1].group != items[i].group))
            y++;
    }
    for (int i = 0; i < n; i++)
        mat_free(items[i].owned);
    if (!extra || y >= r.y + r.h)
        return;
    if (update) {
        int first_group = -1;
        for (int i = first; i < last && first_group < 0; i++)
            first_group = items[i].group;
        int shown = n > 0 && first_group >= 0 ? items[last - 1].group - first_group + 1 : 0;
        if (shown < 2 * nn_layers(net))
            canvas_printf(c, r.x, y, r.w, ROLE_DIM,
                          UI_TR(ctx, "Tab: the other parameters (%d of %d on show)", "Tab：其余参数（显示 %d/%d 个）"),
                          shown, 2 * nn_layers(net));
        return;
    }
    if (nn_op_phase_of(op) == NN_PHASE_COST) {
        char v[64] = "?";
        if (computed)
            stepper_format_value(nn_cost(net), v, sizeof v);
        canvas_printf(c, r.x, y, r.w, computed ? ROLE_CURRENT : ROLE_DIM, "J = %s", v);
        return;
    }
    nn_ref in[NN_OP_MAX_OPERANDS], out;
    nn_op_operands(net, op, in, &out);
    char lab[48];
    pv_item pending = {.ref = out};
    item_label(&pending, lab, sizeof lab, ctx);
    canvas_printf(c, r.x + label_w - (int)strlen(lab), y, r.w, ROLE_DIM, "%s?  %s", lab,
                  stepper_asking(s) ? UI_TR(ctx, "(predict its shape below)", "（请在下面预测它的形状）")
                                    : UI_TR(ctx, "(next step computes it)", "（下一步计算它）"));
}

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
            draw_previews(s, op, computed, c, body, ctx);
    }
    draw_status(s, notice, op, computed, c, r, ctx);
}
