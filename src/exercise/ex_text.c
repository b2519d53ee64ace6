#include "ex_text.h"

/* Texts here are cut to their buffers on purpose (snprintf). */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wformat-truncation"
#endif

#include <math.h>
#include <stdio.h>
#include <string.h>

typedef struct mistake_text {
    const char *id;
    const char *en;
    const char *zh;
} mistake_text;

static const mistake_text mistakes[] = {
    { "broadcast",
      "the shapes do not fit element by element: `*` where np.dot belongs, or a missing transpose (.T)?",
      "形状无法逐元素相乘：该用 np.dot 的地方用了 `*`，或者少了转置 (.T)？" },
    { "dot_shapes",
      "np.dot's inner dimensions differ: a missing or an extra transpose (.T), or the operands in the wrong order?",
      "np.dot 的内层维度不一致：少了或多了转置 (.T)，或者两个操作数的顺序反了？" },
    { "math_on_array",
      "math.exp / math.log work on one number; for an array use np.exp / np.log.",
      "math.exp / math.log 只能处理一个数；数组请用 np.exp / np.log。" },
    { "list_not_array",
      "a Python list is multiplied here; make it a numpy array (np.array) first.",
      "这里在对 Python 列表做乘法；先用 np.array 把它变成 numpy 数组。" },
    { "missing_bias", "the bias b is not added: Z = np.dot(W, A) + b.",
      "没有加上偏置 b：Z = np.dot(W, A) + b。" },
    { "activations_swapped",
      "the other activation was used: sigmoid where relu was asked for, or the other way round.",
      "用错了激活函数：要求 relu 的地方用了 sigmoid，或者反过来。" },
    { "linear_only", "A is Z: the activation was never applied.",
      "A 等于 Z：没有应用激活函数。" },
    { "sigmoid_everywhere",
      "sigmoid on every layer: the hidden layers use relu, only the output layer uses sigmoid.",
      "每一层都用了 sigmoid：隐藏层应该用 relu，只有输出层用 sigmoid。" },
    { "relu_on_last_layer", "relu on the output layer: the last layer uses sigmoid.",
      "输出层用了 relu：最后一层应该用 sigmoid。" },
    { "len_parameters",
      "parameters holds W and b for each layer, so the number of layers is len(parameters) // 2.",
      "parameters 里每层有 W 和 b 两项，所以层数是 len(parameters) // 2。" },
    { "missing_1_over_m", "the 1/m is missing: average over the m examples.",
      "少了 1/m：要对 m 个样本取平均。" },
    { "without_minus", "the sign is flipped: the cost is −(1/m) Σ …, a positive number.",
      "符号反了：代价是 −(1/m) Σ …，应为正数。" },
    { "only_y_term", "only the y·log(a) term is summed: add (1 − y)·log(1 − a).",
      "只加了 y·log(a) 一项：还要加上 (1 − y)·log(1 − a)。" },
    { "db_without_keepdims",
      "db has the shape (n,): np.sum(dZ, axis=1) drops the axis; add keepdims=True.",
      "db 的形状是 (n,)：np.sum(dZ, axis=1) 会去掉这一维；加上 keepdims=True。" },
    { "no_activation_derivative",
      "dZ is dA: multiply by g'(Z) (sigmoid_backward / relu_backward with the activation cache).",
      "dZ 直接用了 dA：要乘以 g'(Z)（用激活缓存调用 sigmoid_backward / relu_backward）。" },
    { "dAL_sign",
      "dAL has the wrong sign: dAL = −(np.divide(Y, AL) − np.divide(1 − Y, 1 − AL)).",
      "dAL 的符号反了：dAL = −(np.divide(Y, AL) − np.divide(1 − Y, 1 − AL))。" },
    { "caches_off_by_one",
      "caches[l] is off by one: layer l + 1's cache is caches[l] (the list starts at 0).",
      "caches[l] 错位了一层：第 l + 1 层的缓存是 caches[l]（列表从 0 开始）。" },
    { "plus_in_update", "the update goes uphill: W = W − α·dW, with a minus.",
      "更新方向反了：W = W − α·dW，是减号。" },
    { "in_place_update",
      "the parameters you were given were changed in place (W -= …): copy them first (copy.deepcopy).",
      "直接修改了传入的参数（W -= …）：先复制一份（copy.deepcopy）。" },
    { "missing_scale", "the weights are not multiplied by 0.01: small random weights, randn(…) * 0.01.",
      "权重没有乘以 0.01：应该是较小的随机权重 randn(…) * 0.01。" },
    { "init_sqrt_scale",
      "the weights are divided by √n[l−1] (the application's init); here they are randn(…) * 0.01.",
      "权重除以了 √n[l−1]（那是应用作业的初始化）；这里应为 randn(…) * 0.01。" },
    { "range_stops_early", "the last layer is missing: loop l over range(1, L) with L = len(layer_dims).",
      "少了最后一层：l 应在 range(1, L) 中循环，L = len(layer_dims)。" },
    { "sigmoid_applied_twice", "sigmoid is applied twice: σ(σ(z)).", "sigmoid 用了两次：σ(σ(z))。" },
    { "tanh_prime_from_Z",
      "the tanh derivative is taken of Z: it is 1 − A², with A = tanh(Z) from the cache.",
      "tanh 的导数用了 Z：应是 1 − A²，其中 A = tanh(Z) 来自缓存。" },
    { "star_for_dot", "element-wise `*` where a matrix product belongs: use np.dot.",
      "该做矩阵乘法的地方用了逐元素 `*`：请用 np.dot。" },
    { "missing_transpose", "a transpose is missing (.T).", "少了一个转置 (.T)。" },
    { "no_sqrt", "the norm needs a square root: np.linalg.norm, or np.sqrt of the sum of squares.",
      "范数要开平方：用 np.linalg.norm，或对平方和取 np.sqrt。" },
    { "softmax_axis0", "the sum runs over the wrong axis: each row sums to 1, so axis=1.",
      "求和的轴错了：每一行之和为 1，所以 axis=1。" },
    { "L1_square", "L1 is the sum of absolute values, not of squares.",
      "L1 是绝对值之和，不是平方和。" },
    { "L2_abs", "L2 is the sum of squares (np.dot(x, x)), not of absolute values.",
      "L2 是平方和 (np.dot(x, x))，不是绝对值之和。" },
    { "reshape_order", "the pixels are in another order: image.reshape(h * w * c, 1) keeps numpy's order.",
      "像素顺序不对：image.reshape(h * w * c, 1) 保持 numpy 的顺序。" },
    { "zeros_not_column", "w must be a column: np.zeros((dim, 1)).",
      "w 应该是列向量：np.zeros((dim, 1))。" },
    { "b_not_float", "b must be a Python float: b = 0.0.", "b 应该是 Python 浮点数：b = 0.0。" },
    { "threshold_ge", "a probability of exactly 0.5 is class 0: use > 0.5.",
      "概率恰好为 0.5 时属于类 0：请用 > 0.5。" },
    { "no_seed_order",
      "the weights are drawn in another order or scale: W1 = randn(n_h, n_x) * 0.01, then W2.",
      "权重的抽取顺序或比例不对：先 W1 = randn(n_h, n_x) * 0.01，再 W2。" },
    { "relu_derivative_of_a",
      "the relu derivative is taken of the wrong cache: dZ = 0 where Z <= 0.",
      "relu 的导数用错了缓存：在 Z <= 0 的地方 dZ = 0。" },
    { "w_transposed", "the weight matrix is transposed: W[l] has the shape (n[l], n[l−1]).",
      "权重矩阵转置了：W[l] 的形状是 (n[l], n[l−1])。" },
    { "dA_prev_over_m", "dA_prev is divided by m: only dW and db take the 1/m; dA_prev = Wᵀ·dZ.",
      "dA_prev 被除以了 m：只有 dW 和 db 有 1/m；dA_prev = Wᵀ·dZ。" },
    { "relu_prime_from_A_prev",
      "relu's derivative is taken from A_prev: the mask is Z > 0, with Z the activation cache.",
      "relu 的导数用了 A_prev：掩码应是 Z > 0，Z 是激活缓存。" },
    { "dA_keys_off_by_one",
      "the dA keys are shifted by one: the gradient of A[l−1] is stored as grads['dA' + str(l − 1)], so dA0 … dA(L−1).",
      "dA 的键错位了一位：A[l−1] 的梯度存为 grads['dA' + str(l − 1)]，即 dA0 … dA(L−1)。" },
    { "last_layer_skipped", "the last layer is not updated: loop over all L layers, range(L) or range(1, L + 1).",
      "最后一层没有更新：要遍历全部 L 层，range(L) 或 range(1, L + 1)。" },
    { "exp_without_minus", "e^x where e^(−x) belongs: σ(x) = 1 / (1 + e^(−x)).",
      "用了 e^x，应为 e^(−x)：σ(x) = 1 / (1 + e^(−x))。" },
    { "math_exp_on_array", "math.exp works on one number; for an array use np.exp.",
      "math.exp 只能处理一个数；数组请用 np.exp。" },
    { "no_sigmoid", "x(1 − x) of x itself: first s = sigmoid(x), then s(1 − s).",
      "直接对 x 算了 x(1 − x)：先 s = sigmoid(x)，再算 s(1 − s)。" },
    { "rank1", "the result is a rank-1 array (n,): reshape to (n, 1).",
      "结果是一维数组 (n,)：reshape 成 (n, 1)。" },
    { "columns_not_rows", "the columns are normalised, not the rows: the norm runs over axis=1.",
      "归一化的是列而不是行：范数应沿 axis=1 计算。" },
    { "norm_without_keepdims", "the norm has the shape (n,): add keepdims=True so it divides each row.",
      "范数的形状是 (n,)：加上 keepdims=True，才能按行相除。" },
    { "sum_without_keepdims", "the row sums have the shape (n,): add keepdims=True so they divide each row.",
      "行和的形状是 (n,)：加上 keepdims=True，才能按行相除。" },
    { "sum_over_everything", "the sum runs over the whole matrix: each row is divided by its own sum, axis=1.",
      "对整个矩阵求了和：每一行应除以自己的和，axis=1。" },
    { "no_abs", "the absolute value is missing: L1 = Σ |y − ŷ|.", "少了绝对值：L1 = Σ |y − ŷ|。" },
    { "square_root", "L2 here is the sum of squares, without a square root: np.dot(d, d).",
      "这里的 L2 是平方和，不开平方：np.dot(d, d)。" },
    { "rank1_w", "w is a rank-1 array: np.zeros((dim, 1)) makes the column.",
      "w 是一维数组：用 np.zeros((dim, 1)) 得到列向量。" },
    { "b_int", "b is the int 0: write b = 0.0, a float.", "b 是整数 0：请写 b = 0.0（浮点数）。" },
    { "cost_without_minus", "the cost lacks its leading minus: J = −(1/m) Σ …, a positive number.",
      "代价少了前面的负号：J = −(1/m) Σ …，应为正数。" },
    { "dz_sign", "dZ = Y − A has the wrong sign: dZ = A − Y.", "dZ = Y − A 符号反了：应为 dZ = A − Y。" },
    { "costs_every_iteration", "the cost is kept every iteration: keep it when i % 100 == 0.",
      "每次迭代都记录了代价：只在 i % 100 == 0 时记录。" },
    { "ignores_arguments",
      "num_iterations and learning_rate are not passed on: optimize(…, num_iterations, learning_rate, print_cost).",
      "没有把 num_iterations 和 learning_rate 传下去：optimize(…, num_iterations, learning_rate, print_cost)。" },
    { "no_bias", "b is left out: A = σ(wᵀX + b).", "漏了 b：A = σ(wᵀX + b)。" },
    { "counts_examples", "the sizes count the examples (shape[1]): n_x = X.shape[0], n_y = Y.shape[0].",
      "数的是样本数 (shape[1])：n_x = X.shape[0]，n_y = Y.shape[0]。" },
    { "sigmoid_for_tanh", "the hidden layer uses sigmoid: A1 = np.tanh(Z1).", "隐藏层用了 sigmoid：A1 = np.tanh(Z1)。" },
    { "seed_3", "the weights come from seed 3: the course draws them after np.random.seed(2).",
      "权重来自种子 3：课程在 np.random.seed(2) 之后抽取权重。" },
    { "returns_probabilities", "A2 itself is returned: the prediction is A2 > 0.5.",
      "直接返回了 A2：预测应为 A2 > 0.5。" },
    { "hardcoded_learning_rate", "the learning rate is written in: pass learning_rate on to update_parameters.",
      "学习率被写死了：要把 learning_rate 传给 update_parameters。" },
    { "weights_not_refreshed", "W1, b1, W2, b2 are not read back from parameters after the update.",
      "更新后没有从 parameters 重新取出 W1、b1、W2、b2。" },
    { NULL, NULL, NULL },
};

const char *ex_mistake_text(const char *id, int lang)
{
    if (!id)
        return NULL;
    for (const mistake_text *m = mistakes; m->id; m++)
        if (strcmp(m->id, id) == 0)
            return lang == 1 ? m->zh : m->en;
    return NULL;
}

const char *ex_mistake_missing_text(void)
{
    for (int i = 0; i < ex_def_count(); i++) {
        const ex_def *d = ex_def_at(i);
        ex_case cases[EX_MAX_CASES];
        int n = d->build(cases);
        const char *missing = NULL;
        for (int c = 0; c < n; c++) {
            for (int k = 0; k < cases[c].n_mistakes && !missing; k++)
                if (!ex_mistake_text(cases[c].mistakes[k].id, 0))
                    missing = cases[c].mistakes[k].id;
            ex_case_clear(&cases[c]);
        }
        if (missing)
            return missing;
        if (d->in_place_mistake && !ex_mistake_text(d->in_place_mistake, 0))
            return d->in_place_mistake;
        for (const ex_exc_pattern *p = d->patterns; p && p->type; p++)
            if (!ex_mistake_text(p->mistake, 0))
                return p->mistake;
    }
    return NULL;
}

#define ADD(...)                                                                           \
    do {                                                                                   \
        if (len < size)                                                                    \
            len += (size_t)snprintf(buf + len, size - len, __VA_ARGS__);                   \
    } while (0)

/* What a verdict is about, as the subject of its sentence: the path in the
 * returned value ("grads['dW1']"), else "the result". In Chinese the
 * subject carries its own gap before the words that follow — a space after
 * a code name ("dW1 的值不对"), none after Chinese ("返回值的值不对") — so
 * the zh formats put none after %s. */
static void where_prefix(const ex_verdict *v, int lang, char *out, size_t size)
{
    if (v->path[0])
        snprintf(out, size, lang == 1 ? "%s " : "%s", v->path);
    else
        snprintf(out, size, "%s", lang == 1 ? "返回值" : "the result");
}

void ex_verdict_text(const ex_verdict *v, const char *function, int lang, char *buf, size_t size)
{
    size_t len = 0;
    bool zh = lang == 1;
    char what[128];
    where_prefix(v, lang, what, sizeof what);
    if (size == 0)
        return;
    buf[0] = '\0';
    switch (v->outcome) {
    case EX_PASS:
        ADD(zh ? "通过" : "passed");
        break;
    case EX_NO_FILE:
        ADD(zh ? "找不到文件 %s（先运行 dnn-tutor exercises init）" : "no file %s (run dnn-tutor exercises init first)",
            v->detail);
        break;
    case EX_IMPORT_ERROR:
        if (v->line > 0)
            ADD(zh ? "文件无法导入：第 %d 行 %s: %s" : "the file does not import: line %d: %s: %s", v->line,
                v->error_type, v->detail);
        else
            ADD(zh ? "文件无法导入：%s: %s" : "the file does not import: %s: %s", v->error_type, v->detail);
        if (v->traceback[0])
            ADD("\n%s", v->traceback);
        break;
    case EX_MISSING:
        ADD(zh ? "文件里没有函数 %s（%s）" : "the file has no function %s (%s)", function,
            v->detail[0] ? v->detail : "missing");
        break;
    case EX_STUB:
        if (v->stub_function[0] && strcmp(v->stub_function, function) != 0)
            ADD(zh ? "尚未实现：%s 调用的 %s 还是空壳（NotImplementedError）"
                   : "not implemented: %s calls %s, which is still the stub (NotImplementedError)",
                function, v->stub_function);
        else
            ADD(zh ? "尚未实现：%s 还是空壳（NotImplementedError）"
                   : "not implemented: %s is still the stub (NotImplementedError)", function);
        break;
    case EX_EXCEPTION:
        if (v->line > 0)
            ADD(zh ? "出错：第 %d 行 %s: %s" : "error at line %d: %s: %s", v->line, v->error_type, v->detail);
        else
            ADD(zh ? "出错：%s: %s" : "error: %s: %s", v->error_type, v->detail);
        if (v->traceback[0])
            ADD("\n%s", v->traceback);
        break;
    case EX_MEMORY:
        ADD(zh ? "内存不够（超过了内存上限）：是否创建了过大的数组？"
               : "ran out of memory (above the memory limit): is an array far too large being made?");
        if (v->line > 0)
            ADD(zh ? "（第 %d 行）" : " (line %d)", v->line);
        break;
    case EX_EXIT:
        ADD(zh ? "函数调用了 sys.exit(%s)：请返回结果，不要退出" : "the function called sys.exit(%s): return the result instead",
            v->detail);
        break;
    case EX_TIMEOUT:
        ADD(zh ? "超时：%s 秒内没有结束（死循环？）" : "timed out: still running after %s s (an endless loop?)", v->detail);
        break;
    case EX_CRASH:
        ADD(zh ? "Python 进程异常结束（%s），没有返回结果" : "the Python process died (%s) without an answer",
            v->detail);
        break;
    case EX_NONE:
        ADD(zh ? "%s是 None：函数没有返回值（少了 return？）" : "%s is None: nothing was returned (a missing return?)",
            what);
        break;
    case EX_WRONG_TYPE:
        ADD(zh ? "%s的类型不对：应为 %s，得到 %s" : "%s has the wrong type: expected %s, got %s", what,
            v->expected_kind, v->got_kind);
        if (strcmp(v->expected_kind, "a number") == 0 && strncmp(v->got_kind, "an array", 8) == 0)
            ADD(zh ? "（用 np.squeeze 或 float() 取出这个数）" : " (np.squeeze or float() gives the number)");
        else if (strcmp(v->expected_kind, "a numpy array") == 0 && strcmp(v->got_kind, "a list") == 0)
            ADD(zh ? "（用 np.array）" : " (use np.array)");
        break;
    case EX_WRONG_LENGTH:
        ADD(zh ? "%s应有 %d 项，得到 %s" : "%s should have %d items, got %s", what, v->expected_len, v->got_kind);
        break;
    case EX_MISSING_KEY:
        if (v->path[0])
            ADD(zh ? "%s里缺少键 '%s'" : "%s has no key '%s'", what, v->key);
        else
            ADD(zh ? "返回的字典里缺少键 '%s'" : "the returned dict has no key '%s'", v->key);
        break;
    case EX_RANK1:
        ADD(zh ? "%s是一维数组 %s，应为 %s：用 keepdims=True 或 reshape"
               : "%s is a rank-1 array %s, expected %s: use keepdims=True or reshape", what, v->got_shape,
            v->expected_shape);
        break;
    case EX_SHAPE: {
        ADD(zh ? "%s的形状是 %s，应为 %s" : "%s has shape %s, expected %s", what, v->got_shape, v->expected_shape);
        /* "(a, b)" against "(b, a)" */
        size_t a = 0, b = 0, c = 0, d = 0;
        if (sscanf(v->got_shape, "(%zu, %zu)", &a, &b) == 2 && sscanf(v->expected_shape, "(%zu, %zu)", &c, &d) == 2
            && a == d && b == c && a != b)
            ADD(zh ? "：转置了？" : ": transposed?");
        break;
    }
    case EX_VALUES:
        if (v->detail[0]) {
            ADD(zh ? "%s的值不对（%s）" : "%s has wrong values (%s)", what, v->detail);
        } else {
            if (v->where[0])
                ADD(zh ? "%s的值不对：最大差 %.3g，位于 %s：应为 %s，得到 %s"
                       : "%s has wrong values: largest difference %.3g at %s: expected %s, got %s",
                    what, v->max_diff, v->where, v->expected_num, v->got_num);
            else
                ADD(zh ? "%s的值不对：应为 %s，得到 %s" : "%s is wrong: expected %s, got %s", what, v->expected_num,
                    v->got_num);
            /* the case's tolerance, so a learner can tell "off by rounding" from "wrong" */
            if (v->atol == 0 && v->rtol == 0)
                ADD(zh ? "（须完全相等）" : " (must be exact)");
            else if (v->rtol == 0)
                ADD(zh ? "（允许的差：%g）" : " (allowed difference: %g)", v->atol);
            else
                ADD(zh ? "（允许的差：%g + %g·|应为|）" : " (allowed difference: %g + %g·|expected|)", v->atol,
                    v->rtol);
        }
        break;
    case EX_IN_PLACE:
        ADD(zh ? "结果正确，但修改了传入的参数：%s" : "the result is right, but it changed its inputs in place: %s",
            v->detail);
        break;
    case EX_NOT_RUN:
        ADD(zh ? "未运行（前面的问题使检查停止）" : "not run (an earlier problem stopped the check)");
        break;
    case EX_INTERNAL:
        ADD(zh ? "dnn-tutor 内部错误：%s" : "dnn-tutor could not check it: %s", v->detail);
        break;
    case EX_OUTCOME_COUNT:
        break;
    }
    const char *m = ex_mistake_text(v->mistake, lang);
    if (m)
        ADD("\n%s%s", zh ? "常见错误：" : "likely mistake: ", m);
}
