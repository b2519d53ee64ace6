/*
 * report_sections.c — the principle, environment and results sections, and
 * the document around them (the analysis is in report_analysis.c).
 */
#include "report_sections.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../core/formula.h"
#include "report_internal.h"

const char *rs_fmt(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return buf;
}

/* formula.c speaks English in its shape lines; these are its only words. */
static void shapes_in(report_lang lang, const char *in, rbuf *out)
{
    static const char *const words[][2] = {
        {" broadcast → ", " 广播 → "},
        {" element-wise → ", " 逐元素 → "},
        {" each row summed → ", " 逐行求和 → "},
        {" (scalar)", "（标量）"},
        {"(axis=1, keepdims)", "(axis=1, keepdims)"},
    };
    if (lang != REPORT_ZH) {
        rbuf_puts(out, in);
        return;
    }
    for (const char *p = in; *p;) {
        bool hit = false;
        for (size_t w = 0; w < sizeof words / sizeof words[0] && !hit; w++) {
            size_t n = strlen(words[w][0]);
            if (!strncmp(p, words[w][0], n)) {
                rbuf_puts(out, words[w][1]);
                p += n;
                hit = true;
            }
        }
        if (!hit) {
            char c[2] = {*p++, '\0'};
            rbuf_puts(out, c);
        }
    }
}

/* The operations of one part of an iteration, formula over its shapes. */
static void ops_block(report_doc *doc, const nn_net *net, int part)
{
    rbuf code = RBUF_INIT;
    char line[512];
    for (int i = 0; i < nn_op_count(net); i++) {
        nn_op op = nn_op_at(net, i);
        const nn_op_phase phase = nn_op_phase_of(op);
        int which = phase == NN_PHASE_UPDATE ? 2 : phase == NN_PHASE_BACKWARD ? 1 : 0;
        if (which != part)
            continue;
        nn_op_formula(net, op, line, sizeof line);
        rbuf_printf(&code, "%s\n    ", line);
        nn_op_shapes(net, op, line, sizeof line);
        shapes_in(doc->lang, line, &code);
        rbuf_puts(&code, "\n");
    }
    doc_code(doc, rbuf_str(&code));
    rbuf_free(&code);
}

/* "2-4-1" */
static void layer_sizes(const nn_config *cfg, char *buf, size_t size)
{
    size_t len = 0;
    for (int l = 0; l <= cfg->L && len < size; l++)
        len += (size_t)snprintf(buf + len, size - len, "%s%d", l ? "-" : "", cfg->dims[l]);
}

static void section_principle(report_doc *doc, const report_data *d)
{
    const report_lang lang = doc->lang;
    const nn_net *net = d->main.net;
    const nn_config *cfg = nn_get_config(net);
    char b[1024];
    rbuf layers = RBUF_INIT;
    for (int l = 0; l <= cfg->L; l++) {
        if (l == 0)
            rbuf_printf(&layers, TR(lang, "n[0] = %d inputs", "输入 n[0] = %d"), cfg->dims[0]);
        else if (l < cfg->L)
            rbuf_printf(&layers, TR(lang, ", n[%d] = %d hidden units (%s)", "，隐藏层 n[%d] = %d 个单元（%s）"), l,
                        cfg->dims[l], act_name(cfg->act[l]));
        else
            rbuf_printf(&layers, TR(lang, ", n[%d] = %d output unit (sigmoid)", "，输出层 n[%d] = %d 个单元（sigmoid）"),
                        l, cfg->dims[l]);
    }
    doc_heading(doc, 2, TR(lang, "1. Principle", "一、实验原理"));
    doc_para(doc, rs_fmt(b, sizeof b,
                         TR(lang,
                            "The network has L = %d layers with weights: %s. It learns from m = %zu training "
                            "examples, one per column of X. Every iteration of batch gradient descent runs the "
                            "operations below in this order; under each formula are the shapes of this very run.",
                            "网络共有 L = %d 个带权重的层：%s。训练集有 m = %zu 个样本，X 的每一列是一个样本。"
                            "批量梯度下降的每次迭代都按下列顺序执行这些运算；每个公式下方是本次运行中各矩阵的实际形状。"),
                         cfg->L, rbuf_str(&layers), nn_examples(net)));
    rbuf_free(&layers);
    doc_heading(doc, 3, TR(lang, "Forward propagation", "前向传播"));
    ops_block(doc, net, 0);
    doc_para(doc, TR(lang,
                     "The output layer is a sigmoid, so A[L] is the predicted probability that y = 1, and the "
                     "prediction is 1 where A[L] > 0.5. J is the cross-entropy cost averaged over the m examples.",
                     "输出层是 sigmoid，所以 A[L] 就是预测 y = 1 的概率；A[L] > 0.5 时预测为 1。"
                     "J 是交叉熵代价在 m 个样本上的平均值。"));
    doc_heading(doc, 3, TR(lang, "Backward propagation", "反向传播"));
    ops_block(doc, net, 1);
    doc_para(doc, TR(lang,
                     "Backward propagation applies the chain rule from the cost back to every parameter. With a "
                     "sigmoid output and the cross-entropy cost, ∂J/∂A[L] · σ'(Z[L]) simplifies to A[L] − Y "
                     "(per example; the 1/m is applied in dW and db). A hidden layer multiplies the gradient "
                     "arriving from above, W[l+1]ᵀ·dZ[l+1], element by element with the derivative of its "
                     "activation: 1 − A² for tanh, A(1 − A) for sigmoid, 1 where Z > 0 and 0 elsewhere for relu "
                     "(0.01 elsewhere for leaky-relu). Every gradient has the shape of the value it belongs to: "
                     "dW[l] like W[l], db[l] like b[l].",
                     "反向传播用链式法则把代价的梯度逐层传回每个参数。输出层为 sigmoid、代价为交叉熵时，"
                     "∂J/∂A[L] · σ'(Z[L]) 恰好化简为 A[L] − Y（按单个样本计，1/m 放在 dW 和 db 中）。"
                     "隐藏层把从上一层传来的梯度 W[l+1]ᵀ·dZ[l+1] 与本层激活函数的导数逐元素相乘："
                     "tanh 为 1 − A²，sigmoid 为 A(1 − A)，relu 在 Z > 0 处为 1、其余为 0（leaky-relu 其余为 0.01）。"
                     "每个梯度都与对应的量形状相同：dW[l] 与 W[l] 同形，db[l] 与 b[l] 同形。"));
    doc_heading(doc, 3, TR(lang, "Update", "参数更新"));
    ops_block(doc, net, 2);
    doc_para(doc, rs_fmt(b, sizeof b,
                         TR(lang, "with the learning rate α = %g, repeated for %ld iterations.",
                            "其中学习率 α = %g，共重复 %ld 次迭代。"),
                         d->spec.lr, d->spec.iterations));
    report_derivation_write(doc, d);
}

static void section_environment(report_doc *doc, const report_data *d, const report_env *env, const char *tail)
{
    const report_lang lang = doc->lang;
    const nn_config *cfg = nn_get_config(d->main.net);
    const dataset *ds = d->main.data;
    char v[12][256], sizes[128], acts[256] = "", when[64];
    time_t now = time(NULL);
    struct tm tm;
    strftime(when, sizeof when, "%Y-%m-%d %H:%M UTC", gmtime_r(&now, &tm));

    doc_heading(doc, 2, TR(lang, "2. Environment", "二、实验环境"));
    const char *envc[] = {
        TR(lang, "item", "项目"), TR(lang, "value", "内容"),
        TR(lang, "program", "程序"), rs_fmt(v[0], sizeof v[0], "dnn-tutor %s", env->version),
        TR(lang, "compiler", "编译器"), env->compiler,
        "CPU", env->cpu,
        TR(lang, "operating system", "操作系统"), env->os,
        TR(lang, "generated", "生成时间"), when,
    };
    doc_table(doc, envc, 6, 2, NULL);

    layer_sizes(cfg, sizes, sizeof sizes);
    for (int l = 1; l <= cfg->L; l++)
        snprintf(acts + strlen(acts), sizeof acts - strlen(acts), "%s%s", l > 1 ? ", " : "", act_name(cfg->act[l]));
    if (ds->X_test)
        rs_fmt(v[1], sizeof v[1], TR(lang, "`%s`: %zu training + %zu test examples, %d features",
                                     "`%s`：训练样本 %zu 个，测试样本 %zu 个，特征 %d 个"),
               ds->name, dataset_m(ds), dataset_m_test(ds), ds->n_x);
    else
        rs_fmt(v[1], sizeof v[1], TR(lang, "`%s`: %zu examples, %d features, no test split",
                                     "`%s`：样本 %zu 个，特征 %d 个，未划分测试集"),
               ds->name, dataset_m(ds), ds->n_x);
    const char *hyper[] = {
        TR(lang, "hyperparameter", "超参数"), TR(lang, "value", "取值"),
        TR(lang, "data set", "数据集"), v[1],
        TR(lang, "layer sizes n[0]…n[L]", "各层大小 n[0]…n[L]"), sizes,
        TR(lang, "activations g[1]…g[L]", "激活函数 g[1]…g[L]"), acts,
        TR(lang, "initialisation", "初始化"), nn_init_name(cfg->init),
        TR(lang, "seed of the initialisation", "初始化随机种子"), rs_fmt(v[2], sizeof v[2], "%u", cfg->seed),
        TR(lang, "seed of the data and the split", "数据与划分的随机种子"), rs_fmt(v[3], sizeof v[3], "%u", d->spec.data_seed),
        TR(lang, "learning rate α", "学习率 α"), rs_fmt(v[4], sizeof v[4], "%g", d->spec.lr),
        TR(lang, "iterations", "迭代次数"), rs_fmt(v[5], sizeof v[5], "%ld", d->spec.iterations),
        TR(lang, "cost recorded every", "代价记录间隔"), rs_fmt(v[6], sizeof v[6], TR(lang, "%ld iterations", "%ld 次迭代"), d->spec.print_every),
        TR(lang, "test split", "测试集比例"), rs_fmt(v[7], sizeof v[7], "%g", d->spec.test_split),
        TR(lang, "optimiser", "优化方法"), TR(lang, "batch gradient descent (all m examples per step)", "批量梯度下降（每步使用全部 m 个样本）"),
    };
    doc_table(doc, hyper, 12, 2, NULL);

    rbuf cmd = RBUF_INIT;
    report_command_line(&cmd, "report", &d->spec, cfg, tail);
    rbuf_puts(&cmd, "\n");
    doc_para(doc, TR(lang, "This command writes this report again, with the same numbers (the timings will differ):",
                     "用下面的命令可以重新生成本报告，所有数值都相同（耗时会有差异）："));
    doc_code(doc, rbuf_str(&cmd));
    rbuf_free(&cmd);
    report_command_line(&cmd, "train", &d->spec, cfg, NULL);
    rbuf_puts(&cmd, "\n");
    doc_para(doc, TR(lang, "and this one repeats the training alone and prints the cost lines:",
                     "下面的命令只重复训练过程，并打印代价："));
    doc_code(doc, rbuf_str(&cmd));
    rbuf_free(&cmd);
}

static void confusion_table(report_doc *doc, const report_confusion *c, const dataset *ds)
{
    const report_lang lang = doc->lang;
    char h[2][96], r[2][96], cell[4][48];
    for (int k = 0; k < 2; k++) {
        rs_fmt(h[k], sizeof h[k], TR(lang, "predicted %d", "预测为 %d"), 1 - k);
        const char *name = ds->class_names[1 - k];
        if (name[0] == '0' + (1 - k) && !name[1])
            rs_fmt(r[k], sizeof r[k], TR(lang, "true %d", "真实为 %d"), 1 - k);
        else
            rs_fmt(r[k], sizeof r[k], TR(lang, "true %d (%s)", "真实为 %d（%s）"), 1 - k, name);
    }
    const char *cells[] = {
        "", h[0], h[1],
        r[0], rs_fmt(cell[0], 48, "TP = %ld", c->tp), rs_fmt(cell[1], 48, "FN = %ld", c->fn),
        r[1], rs_fmt(cell[2], 48, "FP = %ld", c->fp), rs_fmt(cell[3], 48, "TN = %ld", c->tn),
    };
    const bool right[] = {false, true, true};
    doc_table(doc, cells, 3, 3, right);
    char b[256];
    double prec = c->tp + c->fp ? 100.0 * c->tp / (c->tp + c->fp) : NAN;
    double rec = c->tp + c->fn ? 100.0 * c->tp / (c->tp + c->fn) : NAN;
    doc_para(doc, rs_fmt(b, sizeof b, TR(lang, "Precision TP/(TP+FP) = %.2f%%, recall TP/(TP+FN) = %.2f%%.",
                                         "精确率 TP/(TP+FP) = %.2f%%，召回率 TP/(TP+FN) = %.2f%%。"),
                         prec, rec));
}

/* Python's str(float) for an accuracy: the shortest digits that read back,
 * and ".0" on a whole number (100.0, 70.0, 1.0). */
static const char *py_accuracy(char *buf, size_t size, double x)
{
    report_short_double(buf, size, x);
    if (!strpbrk(buf, ".en"))
        snprintf(buf + strlen(buf), size - strlen(buf), ".0");
    return buf;
}

/* The accuracy lines of the notebook the run follows, as it prints them
 * after its cost lines (what `dnn-tutor train` prints too):
 *   week 2   train accuracy: 99.04306220095694 %   then   test accuracy: 70.0 %
 *   week 4   Accuracy: 0.9856459330143539          (train, then test)
 *   week 3   Accuracy: 90%                          (also without --assignment) */
static void notebook_accuracy_lines(const report_data *d, rbuf *lines)
{
    char num[40];
    switch (d->spec.assignment) {
    case RUNSPEC_W2_LOGREG:
        rbuf_printf(lines, "train accuracy: %s %%\n", py_accuracy(num, sizeof num, d->nb_train));
        if (!isnan(d->nb_test))
            rbuf_printf(lines, "test accuracy: %s %%\n", py_accuracy(num, sizeof num, d->nb_test));
        break;
    case RUNSPEC_W4_TWO_LAYER:
    case RUNSPEC_W4_DEEP:
        rbuf_printf(lines, "Accuracy: %s\n", py_accuracy(num, sizeof num, d->nb_train));
        if (!isnan(d->nb_test))
            rbuf_printf(lines, "Accuracy: %s\n", py_accuracy(num, sizeof num, d->nb_test));
        break;
    default:
        rbuf_printf(lines, "Accuracy: %d%%\n", (int)d->res.train_accuracy);
        break;
    }
}

static void section_results(report_doc *doc, const report_data *d, const report_figures *f)
{
    const report_lang lang = doc->lang;
    const dataset *ds = d->main.data;
    const run_result *r = &d->res;
    char b[512], v[6][96];
    doc_heading(doc, 2, TR(lang, "3. Results", "三、实验结果"));
    if (d->spec.print_every > 0) {
        doc_para(doc, rs_fmt(b, sizeof b,
                             TR(lang, "The cost every %ld iterations, taken before that iteration's update, in the "
                                      "course notebook's words:",
                                "每 %ld 次迭代记录一次代价（取该次迭代更新参数之前的值），格式与课程 notebook 的输出一致："),
                             d->spec.print_every));
        rbuf lines = RBUF_INIT;
        for (size_t i = 0; i < r->n_costs; i++)
            rbuf_printf(&lines, "Cost after iteration %ld: %f\n", r->costs[i].iteration, r->costs[i].cost);
        notebook_accuracy_lines(d, &lines);
        doc_code(doc, rbuf_str(&lines));
        rbuf_free(&lines);
    }
    long it = nn_iterations(d->main.net);
    const char *rows[] = {
        TR(lang, "measure", "指标"), TR(lang, "value", "数值"),
        TR(lang, "final cost J", "最终代价 J"), rs_fmt(v[0], 96, "%.6f", r->final_cost),
        TR(lang, "train accuracy", "训练集准确率"), rs_fmt(v[1], 96, TR(lang, "%.2f%% (%zu examples)", "%.2f%%（%zu 个样本）"), r->train_accuracy, dataset_m(ds)),
        TR(lang, "test accuracy", "测试集准确率"),
        ds->X_test ? rs_fmt(v[2], 96, TR(lang, "%.2f%% (%zu examples)", "%.2f%%（%zu 个样本）"), r->test_accuracy, dataset_m_test(ds))
                   : TR(lang, "no test split (add `--test-split 0.2`)", "未划分测试集（可加 `--test-split 0.2`）"),
        TR(lang, "training time", "训练耗时"), rs_fmt(v[3], 96, "%.3f s", r->seconds),
        TR(lang, "speed", "速度"), rs_fmt(v[4], 96, TR(lang, "%.0f iterations/s (%ld iterations)", "每秒 %.0f 次迭代（共 %ld 次）"),
                                           r->seconds > 0 ? (double)it / r->seconds : 0.0, it),
    };
    doc_table(doc, rows, 6, 2, NULL);

    doc_heading(doc, 3, TR(lang, "Confusion matrix (training set)", "混淆矩阵（训练集）"));
    confusion_table(doc, &d->conf_train, ds);
    if (ds->X_test) {
        doc_heading(doc, 3, TR(lang, "Confusion matrix (test set)", "混淆矩阵（测试集）"));
        confusion_table(doc, &d->conf_test, ds);
    }
    if (f->svg[FIG_COST].len)
        doc_figure(doc, f->file[FIG_COST], rbuf_str(&f->svg[FIG_COST]),
                   rs_fmt(b, sizeof b, TR(lang, "the cost J recorded every %ld iterations.", "每 %ld 次迭代记录的代价 J。"),
                          d->spec.print_every));
    else
        doc_para(doc, TR(lang, "No cost was recorded (`--print-every 0`), so there is no cost curve.",
                         "本次运行没有记录代价（`--print-every 0`），因此没有代价曲线。"));
    if (report_is_2d(d))
        doc_figure(doc, f->file[FIG_BOUNDARY], rbuf_str(&f->svg[FIG_BOUNDARY]),
                   ds->X_test ? TR(lang, "the regions where the trained network predicts 0 and 1, with the training examples (filled) and the test examples (hollow) on top.",
                                   "训练后网络预测为 0 和 1 的区域，叠加训练样本（实心）和测试样本（空心）。")
                              : TR(lang, "the regions where the trained network predicts 0 and 1, with the training examples on top.",
                                   "训练后网络预测为 0 和 1 的区域，以及叠加在上面的训练样本。"));
}

void report_sections_write(report_doc *doc, const report_data *d, const report_figures *f, const report_env *env,
                           const char *command_tail)
{
    section_principle(doc, d);
    section_environment(doc, d, env, command_tail);
    section_results(doc, d, f);
    report_analysis_write(doc, d, f);
}
