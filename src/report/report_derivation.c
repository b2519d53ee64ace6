/*
 * report_derivation.c — the derivation of backpropagation in the principle
 * section, written with the run's own sizes: one example at the output, one
 * example at layer l, then the m examples stacked as columns.
 *
 *   one example      dz[L] = a[L] − y                      (1, 1)
 *                    dW[l] = dz[l]·a[l−1]ᵀ   (n, 1)·(1, p) = (n, p)
 *                    da[l−1] = W[l]ᵀ·dz[l]   (p, n)·(n, 1) = (p, 1)
 *   m examples       dW[l] = (1/m) dZ[l]·A[l−1]ᵀ: the sum of m outer products
 *                    db[l]: each row of dZ[l] summed over the m examples
 *
 * n = n[l], p = n[l−1], written as numbers. The lines are language-neutral
 * maths; a short remark in the report's language may follow a shape.
 */
#include <stdio.h>
#include <string.h>

#include "report_internal.h"

/* Columns the text takes in a code block: its code points (every character
 * used here is one column wide). */
static size_t columns(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* One line of maths, the shapes from column 34 on, then an optional remark. */
static void line(rbuf *b, const char *maths, const char *shapes, const char *remark)
{
    rbuf_printf(b, "  %s", maths);
    size_t used = columns(maths) + 2;
    if (shapes) {
        for (; used < 36; used++)
            rbuf_puts(b, " ");
        rbuf_printf(b, "  %s", shapes);
    }
    if (remark)
        rbuf_printf(b, "   %s", remark);
    rbuf_puts(b, "\n");
}

/* "a[2]", or "x" for a[0] (one example) / "X" for A[0] (all of them). */
static const char *act_of(char *buf, size_t size, int l, bool matrix)
{
    if (l == 0)
        return matrix ? "X" : "x";
    return rs_fmt(buf, size, matrix ? "A[%d]" : "a[%d]", l);
}

/* g[l]' written through the cached activation, as backprop computes it. */
static const char *slope_of(char *buf, size_t size, act_kind g, int l, bool matrix)
{
    const char *a = matrix ? "A" : "a", *z = matrix ? "Z" : "z";
    switch (g) {
    case ACT_TANH:
        return rs_fmt(buf, size, "(1 − %s[%d]²)", a, l);
    case ACT_SIGMOID:
        return rs_fmt(buf, size, "%s[%d](1 − %s[%d])", a, l, a, l);
    case ACT_RELU:
        return rs_fmt(buf, size, "(%s[%d] > 0)", z, l);
    default:
        return rs_fmt(buf, size, "(%s[%d] > 0 ? 1 : 0.01)", z, l);
    }
}

void report_derivation_write(report_doc *doc, const report_data *d)
{
    const report_lang lang = doc->lang;
    const nn_net *net = d->main.net;
    const nn_config *cfg = nn_get_config(net);
    const int L = cfg->L;
    const int *n = cfg->dims;
    const size_t m = nn_examples(net);
    char b[1024], mx[160], sh[160], a1[24], a2[24], s[48];
    rbuf code = RBUF_INIT;

    doc_heading(doc, 3, TR(lang, "Deriving the backward equations, with this run's shapes",
                           "反向传播公式的推导（使用本次运行的形状）"));
    doc_para(doc, rs_fmt(b, sizeof b,
                         TR(lang,
                            "The backward equations above follow from the chain rule. Derive them for one example, "
                            "then put the m = %zu examples side by side as columns. Every line carries this run's "
                            "shapes: a shape that does not come out right is a wrong step.",
                            "上面的反向传播公式都来自链式法则。先对单个样本推导，再把 m = %zu 个样本按列排在一起。"
                            "每一行都标出本次运行的形状：形状对不上，就说明这一步推错了。"),
                         m));

    doc_para(doc, rs_fmt(b, sizeof b,
                         TR(lang,
                            "**Step 1: the output layer, one example.** The loss is L(a, y) = −(y·log a + (1 − y)·"
                            "log(1 − a)) with a = a[%d] = σ(z[%d]):",
                            "**第一步：输出层，单个样本。** 损失为 L(a, y) = −(y·log a + (1 − y)·log(1 − a))，"
                            "其中 a = a[%d] = σ(z[%d])："),
                         L, L));
    line(&code, rs_fmt(mx, sizeof mx, "da[%d] = ∂L/∂a[%d] = −y/a[%d] + (1 − y)/(1 − a[%d])", L, L, L, L), NULL, NULL);
    line(&code, rs_fmt(mx, sizeof mx, "σ'(z[%d]) = a[%d](1 − a[%d])", L, L, L), NULL, NULL);
    line(&code, rs_fmt(mx, sizeof mx, "dz[%d] = da[%d]·σ'(z[%d]) = −y(1 − a[%d]) + (1 − y)a[%d]", L, L, L, L, L),
         NULL, NULL);
    line(&code, rs_fmt(mx, sizeof mx, "      = a[%d] − y", L),
         rs_fmt(sh, sizeof sh, "(%d, 1)", n[L]), NULL);
    doc_code(doc, rbuf_str(&code));
    rbuf_free(&code);

    doc_para(doc, TR(lang,
                     "**Step 2: layer l, one example.** z[l] = W[l]·a[l−1] + b[l], so from dz[l] follow dW[l] (an "
                     "outer product), db[l] and da[l−1], which carries the gradient one layer down. A hidden layer's "
                     "dz is an element-wise product (∗): a[l]_j depends on z[l]_j alone, so each entry is multiplied "
                     "by its own slope g'.",
                     "**第二步：第 l 层，单个样本。** z[l] = W[l]·a[l−1] + b[l]，由 dz[l] 得到 dW[l]（一个外积）、"
                     "db[l]，以及把梯度传到下一层的 da[l−1]。隐藏层的 dz 是逐元素乘积（∗）：a[l]_j 只依赖 z[l]_j，"
                     "所以每个元素只乘以它自己的斜率 g'。"));
    for (int l = L; l >= 1; l--) {
        line(&code, rs_fmt(mx, sizeof mx, "dW[%d] = dz[%d]·%sᵀ", l, l, act_of(a1, sizeof a1, l - 1, false)),
             rs_fmt(sh, sizeof sh, "(%d, 1)·(1, %d) = (%d, %d)", n[l], n[l - 1], n[l], n[l - 1]),
             rs_fmt(b, sizeof b, TR(lang, "like W[%d]", "与 W[%d] 同形"), l));
        line(&code, rs_fmt(mx, sizeof mx, "db[%d] = dz[%d]", l, l), rs_fmt(sh, sizeof sh, "(%d, 1)", n[l]), NULL);
        if (l == 1)
            break;
        line(&code, rs_fmt(mx, sizeof mx, "da[%d] = W[%d]ᵀ·dz[%d]", l - 1, l, l),
             rs_fmt(sh, sizeof sh, "(%d, %d)·(%d, 1) = (%d, 1)", n[l - 1], n[l], n[l], n[l - 1]),
             rs_fmt(b, sizeof b, TR(lang, "like a[%d]", "与 a[%d] 同形"), l - 1));
        line(&code, rs_fmt(mx, sizeof mx, "dz[%d] = da[%d] ∗ %s", l - 1, l - 1,
                           slope_of(s, sizeof s, cfg->act[l - 1], l - 1, false)),
             rs_fmt(sh, sizeof sh, "(%d, 1) ∗ (%d, 1) = (%d, 1)", n[l - 1], n[l - 1], n[l - 1]),
             TR(lang, "element-wise", "逐元素"));
    }
    doc_code(doc, rbuf_str(&code));
    rbuf_free(&code);

    doc_para(doc, rs_fmt(b, sizeof b,
                         TR(lang,
                            "**Step 3: m = %zu examples.** The cost averages the losses, J = (1/m) Σᵢ L(a⁽ⁱ⁾, y⁽ⁱ⁾), "
                            "so each gradient is the average of the per-example ones. With the examples as columns "
                            "(dZ[l] = [dz[l]⁽¹⁾ … dz[l]⁽ᵐ⁾]), the sum over i of the outer products dz⁽ⁱ⁾·a⁽ⁱ⁾ᵀ is "
                            "exactly the matrix product dZ·Aᵀ, and the sum of the dz⁽ⁱ⁾ is each row of dZ summed over "
                            "the m examples (np.sum(dZ, axis=1, keepdims=True)):",
                            "**第三步：m = %zu 个样本。** 代价是损失的平均 J = (1/m) Σᵢ L(a⁽ⁱ⁾, y⁽ⁱ⁾)，所以每个梯度都是"
                            "各样本梯度的平均。把样本按列排好（dZ[l] = [dz[l]⁽¹⁾ … dz[l]⁽ᵐ⁾]），外积 dz⁽ⁱ⁾·a⁽ⁱ⁾ᵀ 对 i "
                            "求和正好就是矩阵乘积 dZ·Aᵀ，而 dz⁽ⁱ⁾ 之和就是把 dZ 逐行求和（每一行把 m 个样本加起来，"
                            "np.sum(dZ, axis=1, keepdims=True)）："),
                         m));
    line(&code, rs_fmt(mx, sizeof mx, "dZ[%d] = A[%d] − Y", L, L), rs_fmt(sh, sizeof sh, "(%d, %zu)", n[L], m), NULL);
    for (int l = L; l >= 1; l--) {
        line(&code, rs_fmt(mx, sizeof mx, "dW[%d] = (1/m) dZ[%d]·%sᵀ", l, l, act_of(a2, sizeof a2, l - 1, true)),
             rs_fmt(sh, sizeof sh, "(%d, %zu)·(%zu, %d) = (%d, %d)", n[l], m, m, n[l - 1], n[l], n[l - 1]),
             rs_fmt(b, sizeof b, TR(lang, "a sum of %zu outer products", "%zu 个外积之和"), m));
        line(&code, rs_fmt(mx, sizeof mx, "db[%d] = (1/m) Σᵢ dz[%d]⁽ⁱ⁾", l, l), rs_fmt(sh, sizeof sh, "(%d, 1)", n[l]),
             rs_fmt(b, sizeof b, TR(lang, "each row summed over the %zu examples", "逐行求和：每行把 %zu 个样本加起来"),
                    m));
        if (l == 1)
            break;
        line(&code, rs_fmt(mx, sizeof mx, "dA[%d] = W[%d]ᵀ·dZ[%d]", l - 1, l, l),
             rs_fmt(sh, sizeof sh, "(%d, %d)·(%d, %zu) = (%d, %zu)", n[l - 1], n[l], n[l], m, n[l - 1], m), NULL);
        line(&code, rs_fmt(mx, sizeof mx, "dZ[%d] = dA[%d] ∗ %s", l - 1, l - 1,
                           slope_of(s, sizeof s, cfg->act[l - 1], l - 1, true)),
             rs_fmt(sh, sizeof sh, "(%d, %zu)", n[l - 1], m), NULL);
    }
    doc_code(doc, rbuf_str(&code));
    rbuf_free(&code);
    doc_para(doc, TR(lang,
                     "**Check it numerically.** `dnn-tutor stepper` runs these operations one at a time with the "
                     "same options; its g key compares every dW and db with the two-sided difference "
                     "(J(θ + ε) − J(θ − ε)) / 2ε.",
                     "**用数值检验。** `dnn-tutor stepper` 用相同的选项逐个运行这些运算；按 g 键会把每个 dW 和 db "
                     "与双侧差分 (J(θ + ε) − J(θ − ε)) / 2ε 作比较。"));
}
