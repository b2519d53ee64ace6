/*
 * stepper_view.c — the stepper's layout, header and left panel (the list of
 * operations and the table of shapes); the right panel is in
 * stepper_panels.c. See stepper_view.h for the picture.
 */
#include "stepper_view.h"

#include <stdio.h>
#include <string.h>

#include "../glyphs.h"
#include "../text.h"
#include "stepper_view_internal.h"

/* ---- layout -------------------------------------------------------- */

stepper_layout stepper_layout_of(ui_rect body, int L)
{
    stepper_layout lo;
    memset(&lo, 0, sizeof lo);
    lo.compact = body.w < 100;
    int lw = lo.compact ? 30 : body.w * 35 / 100;
    if (lw > 56)
        lw = 56;
    if (lw > body.w / 2)
        lw = body.w / 2;
    lo.table_has_dA = body.h >= 27;
    int table_h = 1 + (lo.table_has_dA ? 8 : 7);
    int gap = body.h >= 27 ? 1 : 0;
    lo.header = (ui_rect){body.x, body.y, body.w, 1};
    /* The list takes what it needs (heading + 6L + 1 ops) up to the room
     * the table leaves; the table sits right under it. */
    int ops_need = 1 + 6 * L + 1;
    lo.ops = (ui_rect){body.x, body.y + 1, lw, body.h - 1 - table_h - gap};
    if (lo.ops.h > ops_need)
        lo.ops.h = ops_need;
    if (lo.ops.h < 2)
        lo.ops.h = 2;
    lo.table = (ui_rect){body.x, lo.ops.y + lo.ops.h + gap, lw, table_h};
    lo.sep_x = body.x + lw;
    lo.right = (ui_rect){lo.sep_x + 2, body.y + 1, body.w - lw - 2, body.h - 1};
    return lo;
}

/* ---- text helpers -------------------------------------------------- */

void stepper_ascii_math(const char *utf8, char *out, size_t size)
{
    static const struct { uint32_t cp; const char *ascii; } map[] = {
        {0x00B7, "@"}, {0x1D40, ".T"}, {0x2217, "*"}, {0x2212, "-"}, {0x2192, "->"},
        {0x03A3, "sum"}, {0x03C3, "sigmoid"}, {0x03B1, "alpha"}, {0x00B2, "^2"},
        {0x2026, "..."}, {0x03B5, "eps"}, {0x2016, "||"}, {0x2082, "2"}, {0x2248, "~"},
        {0x2190, "<-"}, {0x2191, "^"}, {0x2193, "V"}, {0x03B8, "theta"}, {0x2713, "v"},
        {0x2717, "x"}, {0x25B8, ">"}, {0x207D, "("}, {0x2071, "i"}, {0x207E, ")"}, {0x2264, "<="},
        {0x00D7, "x"}, {0x2039, "<"}, {0x203A, ">"},
    };
    size_t len = 0;
    if (size == 0)
        return;
    out[0] = '\0';
    size_t n = strlen(utf8);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int used = text_decode(utf8 + i, n - i, &cp);
        if (used <= 0)
            break;
        i += (size_t)used;
        char one[2] = {(char)cp, '\0'};
        const char *piece = one;
        /* A dot after α, or between norm bars, is a product, not numpy's @. */
        if (cp == 0x00B7 && len > 0 && (out[len - 1] == 'a' || out[len - 1] == '|'))
            piece = out[len - 1] == 'a' ? "*" : ".";
        else if (cp >= 0x80) {
            piece = "?";
            for (size_t k = 0; k < sizeof map / sizeof map[0]; k++)
                if (map[k].cp == cp)
                    piece = map[k].ascii;
        }
        size_t pl = strlen(piece);
        if (len + pl + 1 > size)
            break;
        memcpy(out + len, piece, pl + 1);
        len += pl;
    }
}

int stv_math(ui_canvas *c, int x, int y, int max_cols, const char *utf8, ui_role role, const ui_ctx *ctx)
{
    if (!ctx->ascii)
        return canvas_text(c, x, y, max_cols, utf8, role);
    char buf[1024];
    stepper_ascii_math(utf8, buf, sizeof buf);
    return canvas_text(c, x, y, max_cols, buf, role);
}

int stv_wrapped(ui_canvas *c, ui_rect r, int y, int max_lines, const char *utf8, ui_role role, const ui_ctx *ctx)
{
    char buf[1024];
    const char *src = utf8;
    if (ctx->ascii) {
        stepper_ascii_math(utf8, buf, sizeof buf);
        src = buf;
    }
    if (r.w < 2 || max_lines < 1)
        return 0;
    text_line *lines = NULL;
    size_t n = text_wrap(src, r.w, &lines);
    int drawn = 0;
    for (size_t i = 0; i < n && drawn < max_lines; i++, drawn++) {
        char piece[1024];
        size_t len = lines[i].len < sizeof piece - 1 ? lines[i].len : sizeof piece - 1;
        memcpy(piece, src + lines[i].start, len);
        piece[len] = '\0';
        canvas_text(c, r.x, y + drawn, r.w, piece, role);
    }
    free(lines);
    return drawn;
}

const char *stv_kind_name(nn_op_kind k, const ui_ctx *ctx)
{
    const nn_op_def *d = nn_op_def_of(k); /* the names are the op table's */
    return d ? UI_TR(ctx, d->name, d->name_zh) : "?";
}

const char *stv_phase_name(nn_op op, const ui_ctx *ctx)
{
    switch (nn_op_phase_of(op)) {
    case NN_PHASE_UPDATE: return UI_TR(ctx, "update", "参数更新");
    case NN_PHASE_COST: return UI_TR(ctx, "cost", "代价");
    case NN_PHASE_BACKWARD: return UI_TR(ctx, "backward", "反向传播");
    default: return UI_TR(ctx, "forward", "前向传播");
    }
}

const char *stv_grain_name(stepper_grain g, const ui_ctx *ctx)
{
    switch (g) {
    case STEPPER_GRAIN_LAYER: return UI_TR(ctx, "by layer", "按层");
    case STEPPER_GRAIN_PHASE: return UI_TR(ctx, "by phase", "按阶段");
    case STEPPER_GRAIN_ITERATION: return UI_TR(ctx, "by iteration", "按迭代");
    default: return UI_TR(ctx, "by operation", "按运算");
    }
}

bool stv_step_wrote(const stepper *s, nn_ref ref)
{
    const nn_net *net = stepper_net(s);
    bool computed;
    int to = stepper_shown_index(s, &computed);
    if (!computed)
        return false;
    for (int i = stepper_shown_from(s); i <= to; i++) {
        nn_op op = nn_op_at(net, i);
        nn_ref in[NN_OP_MAX_OPERANDS], out;
        nn_op_operands(net, op, in, &out);
        if (nn_op_phase_of(op) == NN_PHASE_UPDATE) {
            if (ref.value == NN_W || ref.value == NN_B)
                return true;
        } else if (nn_op_phase_of(op) != NN_PHASE_COST && out.value == ref.value && out.layer == ref.layer) {
            return true;
        }
    }
    return false;
}

/* A short label for the list: the formula, without the trailing note. */
static void op_label(const nn_net *net, nn_op op, char *buf, size_t size, const ui_ctx *ctx)
{
    if (nn_op_phase_of(op) == NN_PHASE_COST) {
        snprintf(buf, size, "J = %s(A[%d], Y)", UI_TR(ctx, "cost", "代价"), nn_layers(net));
        return;
    }
    if (nn_op_phase_of(op) == NN_PHASE_UPDATE) {
        snprintf(buf, size, "%s", UI_TR(ctx, "W −= α dW, b −= α db", "W −= α dW, b −= α db"));
        return;
    }
    nn_op_formula(net, op, buf, size);
    char *note = strstr(buf, "  (");
    if (note)
        *note = '\0';
}

/* ---- header -------------------------------------------------------- */

/* The header's parts joined by sep, those with a bit in drop left out. */
static void join_parts(char parts[][96], int n, unsigned drop, const char *sep, char *out, size_t size)
{
    size_t len = 0;
    out[0] = '\0';
    for (int i = 0; i < n && len < size; i++)
        if (parts[i][0] && !(drop & (1u << i)))
            len += (size_t)snprintf(out + len, size - len, "%s%s", len ? sep : "", parts[i]);
}

/* The columns a header line takes as drawn (ASCII twins with ctx->ascii). */
static int header_width(const char *line, const ui_ctx *ctx)
{
    if (!ctx->ascii)
        return text_width(line);
    char ascii[600];
    stepper_ascii_math(line, ascii, sizeof ascii);
    return text_width(ascii);
}

static void draw_header(const stepper *s, ui_canvas *c, ui_rect r, const ui_ctx *ctx)
{
    const nn_net *net = stepper_net(s);
    enum { H_TITLE, H_DATA, H_DIMS, H_M, H_ITER, H_ALPHA, H_J, H_COUNT };
    char parts[H_COUNT][96];
    memset(parts, 0, sizeof parts);
    size_t len = 0;
    for (int l = 0; l <= nn_layers(net) && len < 80; l++)
        len += (size_t)snprintf(parts[H_DIMS] + len, 80 - len, "%s%d", l ? "-" : "", nn_dim(net, l));
    snprintf(parts[H_DIMS] + len, sizeof parts[H_DIMS] - len, " %s",
             nn_layers(net) > 1 ? act_name(nn_activation(net, 1)) : "sigmoid");
    snprintf(parts[H_TITLE], sizeof parts[H_TITLE], "%s", UI_TR(ctx, "Stepper", "逐步运算"));
    snprintf(parts[H_DATA], sizeof parts[H_DATA], "%s", stepper_data_name(s));
    snprintf(parts[H_M], sizeof parts[H_M], "m = %zu", nn_examples(net));
    snprintf(parts[H_ITER], sizeof parts[H_ITER], "%s %ld", UI_TR(ctx, "iteration", "迭代"), stepper_iteration(s));
    snprintf(parts[H_ALPHA], sizeof parts[H_ALPHA], "α = %g", stepper_lr(s));
    /* J of this iteration once its COST ran; before that, the last one. */
    double J = nn_cost(net);
    bool this_iteration = false, updated = false;
    for (int i = 0; i < stepper_done(s); i++) {
        this_iteration = this_iteration || nn_op_phase_of(nn_op_at(net, i)) == NN_PHASE_COST;
        updated = updated || nn_op_phase_of(nn_op_at(net, i)) == NN_PHASE_UPDATE;
    }
    /* After the update J is still the cost of the parameters before it: "old J". */
    const char *J_label = !this_iteration ? UI_TR(ctx, "last J", "上次 J")
                          : updated       ? UI_TR(ctx, "old J", "更新前 J")
                                          : "J";
    if (J == J)
        snprintf(parts[H_J], sizeof parts[H_J], "%s = %.6f", J_label, J);
    /* A number is never cut: when the line is too wide the double spaces
     * go first, then m, then the title. */
    static const struct { unsigned drop; const char *sep; } tries[] = {
        {0, "  "}, {0, " "}, {1u << H_M, " "}, {1u << H_M | 1u << H_TITLE, " "},
    };
    char line[600];
    for (size_t t = 0; t < sizeof tries / sizeof tries[0]; t++) {
        join_parts(parts, H_COUNT, tries[t].drop, tries[t].sep, line, sizeof line);
        if (header_width(line, ctx) <= r.w)
            break;
    }
    canvas_fill(c, r.x, r.y, r.w, 1, ' ', ROLE_TITLE);
    stv_math(c, r.x, r.y, r.w, line, ROLE_TITLE, ctx);
}

/* ---- the list of operations ---------------------------------------- */

static void draw_ops(const stepper *s, ui_canvas *c, ui_rect r, const ui_ctx *ctx)
{
    const nn_net *net = stepper_net(s);
    int count = nn_op_count(net), done = stepper_done(s);
    bool computed;
    int shown = stepper_shown_index(s, &computed), from = stepper_shown_from(s);
    canvas_printf(c, r.x, r.y, r.w, ROLE_HEADING, "%s (%d)%s%s", UI_TR(ctx, "Operations", "运算步骤"), count,
                  ctx->ascii ? " - " : " · ", stv_grain_name(stepper_grain_now(s), ctx));
    int rows = r.h - 1;
    if (rows < 1)
        return;
    /* A window of the list that keeps the step on show in view: centred
     * on its ops, its last op when they do not all fit. */
    int first = 0;
    if (count > rows) {
        first = shown - from < rows ? (from + shown) / 2 - rows / 2 : shown - rows / 2;
        if (first < 0)
            first = 0;
        if (first > count - rows)
            first = count - rows;
    }
    for (int k = 0; k < rows && first + k < count; k++) {
        int i = first + k, y = r.y + 1 + k;
        nn_op op = nn_op_at(net, i);
        bool is_done = done < count ? i < done : true;
        if (stepper_done(s) == count && stepper_asking(s))
            is_done = false;  /* asking for op 0 of the next iteration */
        /* Every op of the step on show is current. */
        bool on_show = i >= from && i <= shown;
        ui_glyph g = on_show ? GLYPH_CURRENT : (is_done ? GLYPH_DONE : GLYPH_NOT_YET);
        ui_role mark_role = on_show ? ROLE_CURRENT : (is_done ? ROLE_OK : ROLE_DIM);
        char label[256];
        op_label(net, op, label, sizeof label, ctx);
        canvas_text(c, r.x, y, 1, glyph_str(g, ctx->ascii), mark_role);
        ui_role role = on_show ? ROLE_CURRENT : (is_done ? ROLE_NORMAL : ROLE_DIM);
        if (on_show)
            canvas_fill(c, r.x + 1, y, r.w - 1, 1, ' ', ROLE_CURRENT);
        stv_math(c, r.x + 2, y, r.w - 2, label, role, ctx);
    }
    /* "More above / below" in the rule right of the list (drawn before it),
     * so that a label as wide as the list keeps its last character. */
    if (first > 0)
        canvas_text(c, r.x + r.w, r.y + 1, 1, glyph_str(GLYPH_ARROW_UP, ctx->ascii), ROLE_DIM);
    if (first + rows < count)
        canvas_text(c, r.x + r.w, r.y + rows, 1, glyph_str(GLYPH_ARROW_DOWN, ctx->ascii), ROLE_DIM);
}

/* ---- the table of shapes ------------------------------------------- */

static void shape_text(size_t rows, size_t cols, bool tight, char *buf, size_t size)
{
    if (tight)
        snprintf(buf, size, "%zu,%zu", rows, cols);
    else
        snprintf(buf, size, "(%zu, %zu)", rows, cols);
}

static void draw_table(const stepper *s, ui_canvas *c, ui_rect r, bool with_dA, const ui_ctx *ctx)
{
    static const nn_value rows_v[] = {NN_W, NN_B, NN_Z, NN_A, NN_DZ, NN_DW, NN_DB, NN_DA};
    const int n_rows = with_dA ? 8 : 7;
    const nn_net *net = stepper_net(s);
    const int L = nn_layers(net);
    bool computed;
    nn_op op = nn_op_at(net, stepper_shown_index(s, &computed));
    nn_ref in[NN_OP_MAX_OPERANDS], out;
    nn_op_operands(net, op, in, &out);
    /* Column width: the widest shape, in "(r, c)" form when all layers fit. */
    const int name_w = 4;
    bool tight = false;
    int cw = 0;
    for (int pass = 0; pass < 2; pass++) {
        cw = 0;
        for (int l = 1; l <= L; l++)
            for (int k = 0; k < n_rows; k++) {
                size_t a, b;
                char t[48];
                nn_value_shape(net, rows_v[k], l, &a, &b);
                shape_text(a, b, tight, t, sizeof t);
                if ((int)strlen(t) > cw)
                    cw = (int)strlen(t);
            }
        if (name_w + L * (cw + 1) <= r.w)
            break;
        tight = true;
    }
    int fit = (r.w - name_w) / (cw + 1);
    if (fit < 1)
        fit = 1;
    int first = 1;
    if (L > fit) {
        /* Follow the op on show: its layer, the output layer for the cost. */
        int cur = op.layer >= 1 ? op.layer : nn_op_phase_of(op) == NN_PHASE_COST ? L : 1;
        first = cur - fit / 2;
        if (first < 1)
            first = 1;
        if (first > L - fit + 1)
            first = L - fit + 1;
    }
    int last = first + fit - 1 < L ? first + fit - 1 : L;
    canvas_text(c, r.x, r.y, name_w, UI_TR(ctx, "l", "层"), ROLE_HEADING);
    for (int l = first; l <= last; l++)
        canvas_printf(c, r.x + name_w + (l - first) * (cw + 1), r.y, cw, ROLE_HEADING, "[%d]", l);
    /* Layers left out: ‹ before the first column, › at the right edge. */
    if (first > 1)
        canvas_text(c, r.x + name_w - 1, r.y, 1, glyph_str(GLYPH_CLIP_LEFT, ctx->ascii), ROLE_DIM);
    if (last < L)
        canvas_text(c, r.x + r.w - 1, r.y, 1, glyph_str(GLYPH_CLIP, ctx->ascii), ROLE_DIM);
    for (int k = 0; k < n_rows && k + 1 < r.h; k++) {
        int y = r.y + 1 + k;
        canvas_text(c, r.x, y, name_w, nn_value_name(rows_v[k]), ROLE_HEADING);
        for (int l = first; l <= last; l++) {
            int x = r.x + name_w + (l - first) * (cw + 1);
            bool is_out = stv_step_wrote(s, (nn_ref){rows_v[k], l});
            if (rows_v[k] == NN_DA && l == L)
                continue;  /* there is no dA[L] in the network: dZ[L] comes from A[L] − Y */
            if (nn_has(net, rows_v[k], l)) {
                size_t a, b;
                char t[48];
                nn_value_shape(net, rows_v[k], l, &a, &b);
                shape_text(a, b, tight, t, sizeof t);
                canvas_text(c, x, y, cw, t, is_out ? ROLE_CURRENT : ROLE_NORMAL);
            } else {
                canvas_text(c, x, y, 1, glyph_str(GLYPH_NOT_YET, ctx->ascii), ROLE_DIM);
            }
        }
    }
}

/* ---- everything ---------------------------------------------------- */

void stepper_view_render(const stepper *s, const stepper_notice *notice, const struct stepper_learner *learner,
                         ui_canvas *c, ui_rect body, const ui_ctx *ctx)
{
    const nn_net *net = stepper_net(s);
    stepper_layout lo = stepper_layout_of(body, nn_layers(net));
    draw_header(s, c, lo.header, ctx);
    for (int y = body.y + 1; y < body.y + body.h; y++)
        canvas_text(c, lo.sep_x, y, 1, glyph_str(GLYPH_V_LINE, ctx->ascii), ROLE_BORDER);
    draw_ops(s, c, lo.ops, ctx);
    draw_table(s, c, lo.table, lo.table_has_dA, ctx);
    stv_draw_right(s, notice, learner, c, lo, ctx);
}
