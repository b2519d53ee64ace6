/*
 * stepper_preview.c — the stepper's previews: each operand and the result of
 * the step on show, printed like numpy (stepper_fmt.h) and shrunk to fit the
 * right panel's body. A small matrix (at most 7×7) is kept whole; a bigger one
 * is summarised with rows and columns left out (numpy's "..."); when even
 * that does not fit, whole values are left out: the update's other parameters
 * (Tab shows them) or the step's operands and earliest results, with a line
 * saying so. For the update each parameter takes three lines (old W, α·dW,
 * new W). stepper_panels.c draws the panel around it (stv_draw_right).
 */
#include <stdio.h>
#include <string.h>

#include "../text.h"
#include "stepper_fmt.h"
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

void stv_draw_previews(const stepper *s, nn_op op, bool computed, ui_canvas *c, ui_rect r, const ui_ctx *ctx)
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
