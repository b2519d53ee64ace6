/*
 * report_facts.c — the learner's part of the analysis: the measured facts
 * to argue from (the always-majority baseline, the learning rates, the
 * hidden sizes, the network trained from zeros) and the questions to answer
 * with them, then a marked space under each question to write in (its id
 * in the markers, report_notes.h, so a new report keeps the answer).
 * dnn-tutor's own commentary (report_analysis.c) follows under headings of
 * its own, so the two cannot be mistaken for each other.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report_env.h"
#include "report_internal.h"

#define FACT_MAX 2048

/* "n_h = 1: 66.50%, n_h = 2: …" (with the test accuracy when there is a split). */
static void sweep_fact(const report_data *d, report_lang lang, char *out, size_t size)
{
    size_t len = 0;
    const bool split = d->main.data->X_test != NULL;
    for (int i = 0; i < REPORT_SWEEP_N && len < size; i++) {
        const run_result *r = &d->sweep[i].res;
        const char *sep = i ? TR(lang, "; ", "；") : "";
        if (r->diverged)
            len += (size_t)snprintf(out + len, size - len, TR(lang, "%sn_h = %d diverged", "%sn_h = %d 发散"), sep,
                                    d->sweep[i].hidden);
        else if (split)
            len += (size_t)snprintf(out + len, size - len, TR(lang, "%sn_h = %d: train %.2f%%, test %.2f%%",
                                                              "%sn_h = %d：训练 %.2f%%，测试 %.2f%%"),
                                    sep, d->sweep[i].hidden, r->train_accuracy, r->test_accuracy);
        else
            len += (size_t)snprintf(out + len, size - len, TR(lang, "%sn_h = %d: %.2f%%", "%sn_h = %d：%.2f%%"), sep,
                                    d->sweep[i].hidden, r->train_accuracy);
    }
}

/* "α = 0.01: J = 0.692904; …; α = 50: diverged at iteration 5". */
static void lr_fact(const report_data *d, report_lang lang, char *out, size_t size)
{
    size_t len = 0;
    char num[40];
    for (int i = 0; i < d->n_lr && len < size; i++) {
        const run_result *r = &d->lr[i].res;
        const char *sep = i ? TR(lang, "; ", "；") : "";
        report_short_double(num, sizeof num, d->lr[i].lr);
        if (r->diverged)
            len += (size_t)snprintf(out + len, size - len,
                                    TR(lang, "%sα = %s: diverged at iteration %ld", "%sα = %s：第 %ld 次迭代时发散"), sep,
                                    num, r->diverged_at);
        else
            len += (size_t)snprintf(out + len, size - len,
                                    TR(lang, "%sα = %s: J = %.6f, train %.2f%%", "%sα = %s：J = %.6f，训练 %.2f%%"), sep,
                                    num, r->final_cost, r->train_accuracy);
    }
}

void report_facts_write(report_doc *doc, const report_data *d)
{
    const report_lang lang = doc->lang;
    const dataset *ds = d->main.data;
    const bool split = ds->X_test != NULL;
    const size_t m = dataset_m(ds), mt = split ? dataset_m_test(ds) : 0;
    const nn_config *cfg = nn_get_config(d->main.net);
    char fact[5][FACT_MAX], q[5][1024], part[2][FACT_MAX];
    const char *facts[5], *questions[5], *ids[5];
    int nf = 0, nq = 0;

    /* The always-majority baseline: the share of the commoner label. */
    const int major = 2 * d->n_pos >= (long)m ? 1 : 0;
    const double base = m ? 100.0 * (major ? d->n_pos : (long)m - d->n_pos) / (double)m : NAN;
    const double base_test = mt ? 100.0 * (major ? d->n_pos_test : (long)mt - d->n_pos_test) / (double)mt : NAN;
    if (split)
        rs_fmt(part[0], sizeof part[0], TR(lang, " and %.2f%% on the test set", "，在测试集上得 %.2f%%"), base_test);
    else
        part[0][0] = '\0';
    if (split)
        rs_fmt(part[1], sizeof part[1], TR(lang, ", test %.2f%%", "，测试 %.2f%%"), d->res.test_accuracy);
    else
        part[1][0] = '\0';
    facts[nf++] = rs_fmt(fact[0], FACT_MAX,
                         TR(lang,
                            "**Baseline:** %ld of the %zu training examples are labelled 1 (%.2f%%). A model that "
                            "always answers %d scores **%.2f%%** on the training set%s. This run: train %.2f%%%s.",
                            "**基线：** 训练样本中有 %ld 个标签为 1，共 %zu 个（%.2f%%）。永远回答 %d 的模型在训练集上"
                            "得 **%.2f%%**%s。本次运行：训练 %.2f%%%s。"),
                         d->n_pos, m, m ? 100.0 * d->n_pos / (double)m : NAN, major, base, part[0],
                         d->res.train_accuracy, part[1]);
    lr_fact(d, lang, part[0], sizeof part[0]);
    facts[nf++] = rs_fmt(fact[1], FACT_MAX,
                         TR(lang, "**Learning rate** (this network, %ld iterations each): %s.",
                            "**学习率**（本网络，各训练 %ld 次迭代）：%s。"),
                         d->lr_iterations, part[0]);
    sweep_fact(d, lang, part[0], sizeof part[0]);
    facts[nf++] = rs_fmt(fact[2], FACT_MAX,
                         split ? TR(lang, "**Hidden layer size** (one hidden layer, α = %g, %ld iterations each): %s.",
                                    "**隐藏层大小**（一个隐藏层，α = %g，各训练 %ld 次迭代）：%s。")
                               : TR(lang, "**Hidden layer size** (one hidden layer, α = %g, %ld iterations each; train "
                                          "accuracy): %s.",
                                    "**隐藏层大小**（一个隐藏层，α = %g，各训练 %ld 次迭代；训练集准确率）：%s。"),
                         d->spec.lr, d->sweep_iterations, part[0]);
    if (d->zero_ran && !d->zero.diverged)
        facts[nf++] = rs_fmt(fact[3], FACT_MAX,
                             TR(lang,
                                "**Zero initialisation** (this network from all-zero W and b, α = %g, %ld iterations): "
                                "final cost %.6f, train accuracy %.2f%%; afterwards the %d rows of W[1] %s.",
                                "**零初始化**（本网络的 W 和 b 全部从 0 开始，α = %g，训练 %ld 次迭代）：最终代价 %.6f，"
                                "训练集准确率 %.2f%%；训练之后 W[1] 的 %d 行%s。"),
                             d->spec.lr, d->zero_iterations, d->zero.final_cost, d->zero.train_accuracy,
                             cfg->dims[1],
                             d->zero_row_spread == 0
                                 ? TR(lang, "are still exactly equal: every hidden unit computes the same function",
                                      "仍然完全相同：每个隐藏单元算的是同一个函数")
                                 : rs_fmt(part[1], sizeof part[1],
                                          TR(lang, "differ by at most %.3g", "之间最多相差 %.3g"), d->zero_row_spread));
    else if (d->zero_ran)
        facts[nf++] = rs_fmt(fact[3], FACT_MAX,
                             TR(lang, "**Zero initialisation** (this network from all-zero W and b, α = %g): diverged at "
                                      "iteration %ld.",
                                "**零初始化**（本网络的 W 和 b 全部从 0 开始，α = %g）：第 %ld 次迭代时发散。"),
                             d->spec.lr, d->zero.diverged_at);
    else
        facts[nf++] = TR(lang,
                         "**Zero initialisation:** this network has no hidden layer (logistic regression), so starting "
                         "from zeros breaks nothing: there are no hidden units to be alike.",
                         "**零初始化：** 本网络没有隐藏层（logistic 回归），从 0 开始不会有问题：没有会彼此相同的隐藏单元。");

    ids[nq] = "baseline";
    questions[nq++] = rs_fmt(q[0], sizeof q[0],
                             TR(lang,
                                "How good is this run's accuracy? Compare it with the always-%d baseline: how much "
                                "did the network learn beyond the balance of the labels?",
                                "本次运行的准确率算好吗？和“永远回答 %d”的基线比较：网络在标签比例之外学到了多少？"),
                             major);
    ids[nq] = "learning-rate";
    questions[nq++] = TR(lang,
                         "Which learning rate would you choose for this network, and which numbers above show it? "
                         "Use the update W := W − α·dW to explain why a small α crawls and a large one diverges.",
                         "你会为这个网络选哪个学习率？上面哪些数字支持你的选择？用更新公式 W := W − α·dW 解释为什么 "
                         "α 太小会下降缓慢、太大会发散。");
    ids[nq] = "hidden-size";
    questions[nq++] = split ? TR(lang,
                                 "From which hidden size on does a larger layer stop paying off? Do the largest sizes "
                                 "overfit: compare their train and test accuracies.",
                                 "隐藏层大到多少以后，再增大就不划算了？最大的几个网络是否过拟合：比较它们的训练集和测试集准确率。")
                            : TR(lang,
                                 "From which hidden size on does a larger layer stop paying off? What can training "
                                 "accuracy alone not tell you, and which option (--test-split) would show it?",
                                 "隐藏层大到多少以后，再增大就不划算了？只看训练集准确率有什么是看不出来的？哪个选项"
                                 "（--test-split）能把它显示出来？");
    if (d->zero_ran) {
        ids[nq] = "zero-init";
        questions[nq++] = TR(lang,
                             "Why does the network trained from zeros stay where it is? Use the backward equations "
                             "of section 1: what are dZ[1] and dW[1] when every row of W[1] is the same?",
                             "为什么从 0 开始训练的网络学不好？用第一节的反向传播公式回答：当 W[1] 的每一行都相同时，"
                             "dZ[1] 和 dW[1] 是什么样子？");
    }
    ids[nq] = "transpose";
    questions[nq++] = TR(lang,
                         "Which shape in the derivation of section 1 would show a missing transpose in dW[l] = "
                         "(1/m) dZ[l]·A[l−1]ᵀ?",
                         "第一节的推导中，哪个形状能暴露 dW[l] = (1/m) dZ[l]·A[l−1]ᵀ 里漏掉的转置？");

    doc_heading(doc, 3, TR(lang, "4.1 Your analysis", "4.1 你的分析"));
    doc_para(doc, TR(lang,
                     "This part is yours to write. Argue from the facts this run measured; dnn-tutor's own notes "
                     "on the same experiments follow in 4.2 and 4.3, after your answers.",
                     "这一部分由你来写。请以本次运行测得的事实为依据；dnn-tutor 对同样实验的笔记放在你的回答之后的 4.2 和 4.3。"));
    doc_para(doc, TR(lang, "**Measured facts**", "**测得的事实**"));
    doc_list(doc, facts, nf);
    doc_para(doc, TR(lang, "**Questions**", "**问题**"));
    char numbered[5][1100];
    for (int i = 0; i < nq; i++)
        questions[i] = rs_fmt(numbered[i], sizeof numbered[i], "Q%d. %s", i + 1, questions[i]);
    doc_list(doc, questions, nq);
    doc_heading(doc, 3, TR(lang, "Your answers", "你的回答"));
    doc_para(doc, TR(lang,
                     "Answer each question in your own words, from the facts above, between its two markers (in "
                     "place of the “…”). Running the report again on this file keeps what you wrote there, matched "
                     "by the question's name in the markers; the rest of the report is written anew.",
                     "用你自己的话回答每个问题，以上面的事实为依据，写在该问题的两个标记之间（替换“…”）。"
                     "对这个文件再次生成报告时，标记之间你写的内容会按标记中的问题名保留，报告的其余部分重新生成。"));
    for (int i = 0; i < nq; i++) {
        char label[16];
        doc_para(doc, rs_fmt(label, sizeof label, "**Q%d**", i + 1));
        doc_notes(doc, ids[i]);
    }
}
