/*
 * stepper_screen.c — the stepper lab as a ui_screen: keys → model actions
 * (stepper.c), drawing (stepper_view.c), the key bar and the help text.
 *
 *   mode        keys
 *   stepping    → space Enter next · ← undo · i inspect · g gradient check · p predict · q Esc back
 *   asking      0-9 , ( ) x space: type · Backspace · Enter → check and run · ← undo · Esc: predict off
 *   inspecting  arrows / hjkl move · Tab next matrix · Esc i leave
 */
#include "../labs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../lab/stepper.h"
#include "stepper_screen.h"
#include "stepper_view.h"

typedef struct stepper_screen {
    ui_screen base;
    stepper *model;
    stepper_notice notice;  /* shown until the next key */
    char *help_ascii;       /* the English help with ASCII twins, for ctx->ascii */
} stepper_screen;

static void st_render(const ui_screen *base, ui_canvas *c, ui_rect body, const ui_ctx *ctx)
{
    const stepper_screen *s = (const stepper_screen *)base;
    stepper_view_render(s->model, &s->notice, c, body, ctx);
}

static void notice(stepper_screen *s, const char *en, const char *zh, ui_role role)
{
    s->notice = (stepper_notice){en, zh, role};
}

/* → / space / Enter while not asking: ask for the next shape, or run it. */
static void next(stepper_screen *s)
{
    stepper *m = s->model;
    stepper_clear_prediction(m);
    if (stepper_predict_on(m)) {
        stepper_ask(m);
        if (stepper_asking(m))
            return;
    }
    nn_status st = stepper_step(m);
    if (st == NN_NO_MEMORY)
        notice(s, "Out of memory: the step did not run", "内存不足：这一步没有运行", ROLE_BAD);
    if (stepper_predict_on(m))
        stepper_clear_prediction(m);
}

static unsigned key_inspecting(stepper_screen *s, ui_key key)
{
    stepper *m = s->model;
    uint32_t ch = key.code == UI_KEY_CHAR ? key.ch : 0;
    if (key.code == UI_KEY_ESC || ch == 'i')
        stepper_inspect_end(m);
    else if (key.code == UI_KEY_LEFT || ch == 'h')
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
    else if (key.code == UI_KEY_TAB)
        stepper_inspect_cycle(m);
    else if (ch == 'q')
        return UI_POP;
    else
        return UI_NOTHING;
    return UI_REDRAW;
}

static unsigned key_asking(stepper_screen *s, ui_key key)
{
    stepper *m = s->model;
    if (key.code == UI_KEY_ENTER || key.code == UI_KEY_RIGHT) {
        if (!stepper_submit(m))
            notice(s, "Type the shape as rows, cols, e.g. 4,400", "请输入形状：行, 列，例如 4,400", ROLE_WARN);
        return UI_REDRAW;
    }
    if (key.code == UI_KEY_BACKSPACE) {
        stepper_input_backspace(m);
        return UI_REDRAW;
    }
    if (key.code == UI_KEY_LEFT) {
        stepper_undo(m);
        return UI_REDRAW;
    }
    if (key.code == UI_KEY_ESC) {
        stepper_set_predict(m, false);
        return UI_REDRAW;
    }
    if (key.code == UI_KEY_CHAR && key.ch < 0x80 && stepper_input_char(m, (char)key.ch))
        return UI_REDRAW;
    if (key.code == UI_KEY_CHAR && key.ch == 'q')
        return UI_POP;
    if (key.code == UI_KEY_CHAR && key.ch == 'p') {
        stepper_set_predict(m, false);
        return UI_REDRAW;
    }
    return UI_NOTHING;
}

static unsigned st_on_key(ui_screen *base, ui_key key, ui_ctx *ctx)
{
    stepper_screen *s = (stepper_screen *)base;
    stepper *m = s->model;
    s->notice = (stepper_notice){NULL, NULL, ROLE_NORMAL};
    /* What a Chinese input method types for ASCII is that ASCII here too, as
     * in the lesson quizzes: （４，４００） is a shape. */
    if (key.code == UI_KEY_CHAR && key.ch >= 0xFF01 && key.ch <= 0xFF5E)
        key.ch -= 0xFEE0;
    else if (key.code == UI_KEY_CHAR && key.ch == 0x3000)
        key.ch = ' ';
    unsigned r;
    uint32_t ch = key.code == UI_KEY_CHAR ? key.ch : 0;
    if (stepper_inspecting(m)) {
        r = key_inspecting(s, key);
    } else if (stepper_asking(m)) {
        r = key_asking(s, key);
    } else if (key.code == UI_KEY_RIGHT || key.code == UI_KEY_ENTER || ch == ' ') {
        next(s);
        r = UI_REDRAW;
    } else if (key.code == UI_KEY_LEFT) {
        stepper_clear_prediction(m);
        if (!stepper_undo(m))
            notice(s, "Nothing to undo", "没有可撤销的步骤", ROLE_DIM);
        r = UI_REDRAW;
    } else if (ch == 'i') {
        if (!stepper_inspect_begin(m))
            notice(s, "No matrix to inspect yet", "还没有可查看的矩阵", ROLE_DIM);
        r = UI_REDRAW;
    } else if (ch == 'g') {
        if (stepper_gradcheck_result(m))
            stepper_gradcheck_clear(m);
        else if (stepper_gradcheck(m) != NN_OK)
            notice(s, "The gradient check could not run", "梯度检验无法运行", ROLE_BAD);
        r = UI_REDRAW;
    } else if (ch == 'p') {
        stepper_set_predict(m, !stepper_predict_on(m));
        if (!stepper_asking(m))
            notice(s, stepper_predict_on(m) ? "Predict the shape: on (asked before each matrix result)"
                                            : "Predict the shape: off",
                   stepper_predict_on(m) ? "预测形状：开（每个矩阵结果出现前先回答）" : "预测形状：关", ROLE_NOTE);
        r = UI_REDRAW;
    } else if (key.code == UI_KEY_ESC && stepper_gradcheck_result(m)) {
        stepper_gradcheck_clear(m);
        r = UI_REDRAW;
    } else if (key.code == UI_KEY_ESC || ch == 'q') {
        r = UI_POP;
    } else if (stepper_predict_on(m) && ch < 0x80 && ch >= '0' && ch <= '9') {
        /* typing a digit after a verdict starts the next prediction */
        stepper_ask(m);
        if (stepper_asking(m))
            stepper_input_char(m, (char)ch);
        r = UI_REDRAW;
    } else {
        r = UI_NOTHING;
    }
    ctx->text_input = stepper_asking(m);
    return r;
}

static int st_keys(const ui_screen *base, const ui_ctx *ctx, ui_keyhelp *out, int max)
{
    const stepper_screen *s = (const stepper_screen *)base;
    const stepper *m = s->model;
    const bool a = ctx->ascii;
    ui_keyhelp all[10];
    int n = 0;
    if (stepper_inspecting(m)) {
        all[n++] = (ui_keyhelp){a ? "arrows/hjkl" : "←↑↓→/hjkl", "move", "移动"};
        all[n++] = (ui_keyhelp){"Tab", "next matrix", "下一个矩阵"};
        all[n++] = (ui_keyhelp){"Esc/i", "stop inspecting", "结束查看"};
    } else if (stepper_asking(m)) {
        all[n++] = (ui_keyhelp){"0-9 ,", "type the shape", "输入形状"};
        all[n++] = (ui_keyhelp){"Enter", "check", "检查"};
        if (stepper_can_undo(m))
            all[n++] = (ui_keyhelp){a ? "Left" : "←", "undo", "撤销"};
        all[n++] = (ui_keyhelp){"Esc", "stop predicting", "关闭预测"};
        all[n++] = (ui_keyhelp){"q", "back", "返回"};
    } else {
        all[n++] = (ui_keyhelp){a ? "Right/space" : "→/space", "next step", "下一步"};
        if (stepper_can_undo(m))
            all[n++] = (ui_keyhelp){a ? "Left" : "←", "undo", "撤销"};
        all[n++] = (ui_keyhelp){"i", "inspect", "查看矩阵"};
        all[n++] = stepper_gradcheck_result(m) ? (ui_keyhelp){"g", "hide check", "隐藏检验"}
                                               : (ui_keyhelp){"g", "gradient check", "梯度检验"};
        all[n++] = stepper_predict_on(m) ? (ui_keyhelp){"p", "predict off", "关闭预测"}
                                         : (ui_keyhelp){"p", "predict shapes", "预测形状"};
        /* q back is the app's own entry at the right of the bar. */
    }
    if (n > max)
        n = max;
    for (int i = 0; i < n; i++)
        out[i] = all[i];
    return n;
}

static const char help_en[] =
    "The stepper runs one iteration of gradient descent one matrix operation at a time, so you can see "
    "every value forward and backward propagation computes.\n\n"
    "Top line: the data set, the layer sizes n[0]-n[1]-…-n[L], the hidden activation, the number of "
    "examples m, the iteration (updates done so far), the learning rate α and the cost J once this "
    "iteration has computed it (before that, 'last J' is the previous iteration's).\n\n"
    "Left, Operations: the operations of one iteration in order: forward (Z[l] = W[l]·A[l−1] + b[l], "
    "A[l] = g(Z[l]), then the cost J), backward (dZ[L] = A[L] − Y, then dW, db, dA, dZ layer by layer) and "
    "the update. ✓ marks an operation done in this iteration, ▸ the one on show, · one still to come; "
    "↑ or ↓ at the edge of a long list means more operations above or below.\n\n"
    "Left, the table: the shape of every layer's W, b, Z, A, dZ, dW, db (and dA when there is room), "
    "one column per layer [l]. A shape appears once the value exists; · means not computed yet in this "
    "iteration. The value the current operation produced is highlighted.\n\n"
    "Right: the operation's formula, its dimension check spelled out (the shapes of the operands and of "
    "the result; 'broadcast' means b is added to every column), and the operands and the result printed "
    "like numpy prints them: up to 8 decimals, with … where rows or columns are left out to fit.\n\n"
    "Keys: → (or space, Enter) runs the next operation; after the update it starts the next iteration. "
    "← undoes the last operation exactly. i inspects a matrix cell by cell: the arrows or h j k l move "
    "the cursor, Tab picks another matrix of this operation, and for a matrix with one column per example "
    "the example's input x⁽ⁱ⁾ = X[:, i] and label y⁽ⁱ⁾ are shown; Esc leaves. g runs a gradient check of "
    "the current parameters: for each layer the relative difference between the numerical gradient "
    "(two-sided, ε = 1e-7) and backprop's dW and db: below 1e-7 (✓) backprop is right; from 1e-7 to "
    "1e-3 (~) the gap is the rounding noise of the two-sided difference; above 1e-3 (✗) there is a bug. "
    "~ also marks a gradient so small (norm below 1e-5) that its relative difference means little, and, "
    "with ReLU, a large difference caused by values of Z exactly at the kink z = 0 (the check counts them). p turns on "
    "\"predict the shape\": before each matrix result you type its shape (rows, cols such as 4,400) and "
    "Enter tells you ✓ right or ✗ wrong with the right shape, then the operation runs. q or Esc goes back.";

static const char help_zh[] =
    "逐步运算实验一次只做一个矩阵运算，带你走完梯度下降的一次迭代，让你看到前向传播和反向传播算出的每一个值。\n\n"
    "顶行：数据集、各层大小 n[0]-n[1]-…-n[L]、隐藏层激活函数、样本数 m、迭代次数（已完成的参数更新次数）、"
    "学习率 α，以及本次迭代算出的代价 J（算出之前显示的“上次 J”是上一次迭代的）。\n\n"
    "左侧“运算步骤”：一次迭代的全部运算，按顺序排列：前向传播（Z[l] = W[l]·A[l−1] + b[l]，A[l] = g(Z[l])，"
    "最后是代价 J）、反向传播（dZ[L] = A[L] − Y，然后逐层算 dW、db、dA、dZ）以及参数更新。✓ 表示本次迭代中已完成，"
    "▸ 表示当前显示的运算，· 表示尚未进行；列表很长时，边上的 ↑ 或 ↓ 表示上方或下方还有运算。\n\n"
    "左侧表格：每一层 W、b、Z、A、dZ、dW、db（有空间时还有 dA）的形状，每层 [l] 一列。值一旦存在，形状就会出现；"
    "· 表示本次迭代中还没算出。当前运算产生的值会高亮显示。\n\n"
    "右侧：当前运算的公式、逐项写出的维度检查（各操作数和结果的形状；“broadcast”表示 b 会加到每一列上），"
    "以及按 numpy 方式打印的操作数和结果：最多 8 位小数，放不下的行列用 … 省略。\n\n"
    "按键：→（或空格、回车）运行下一步运算；参数更新之后开始下一次迭代。← 精确撤销上一步。i 逐个查看矩阵元素："
    "方向键或 h j k l 移动光标，Tab 切换到本运算的另一个矩阵；若矩阵每列对应一个样本，还会显示该样本的输入 "
    "x⁽ⁱ⁾ = X[:, i] 和标签 y⁽ⁱ⁾；Esc 退出。g 对当前参数做梯度检验：逐层比较数值梯度（双侧差分，ε = 1e-7）与反向传播"
    "得到的 dW、db 的相对差：小于 1e-7（✓）说明反向传播正确；1e-7 到 1e-3 之间（~）是双侧差分的舍入误差；大于 1e-3（✗）说明有错误。"
    "梯度本身很小（范数小于 1e-5）时也标 ~，因为此时相对差意义不大；使用 ReLU 时，若有 Z 值正好落在拐点 z = 0 上而使相对差变大，"
    "也标 ~（检验会给出这些值的个数）。p 打开“预测形状”：每个矩阵结果出现前先输入它的形状"
    "（行, 列，例如 4,400），回车后告诉你 ✓ 正确或 ✗ 错误及正确形状，然后运行该运算。q 或 Esc 返回。";

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
    stepper_free(s->model);
    free(s->help_ascii);
    free(s);
}

static const ui_screen_ops stepper_screen_ops = {
    .name = "stepper",
    .render = st_render,
    .on_key = st_on_key,
    .keys = st_keys,
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
    stepper *model = stepper_new(spec, err, err_size);
    if (!model)
        return NULL;
    ui_screen *s = stepper_screen_from_model(model);
    if (!s && err && err_size)
        snprintf(err, err_size, "out of memory");
    return s;
}

stepper *stepper_screen_model(ui_screen *screen)
{
    return screen ? ((stepper_screen *)screen)->model : NULL;
}
