/*
 * report_analysis.c — the analysis section: first the learner's part (the
 * facts, the questions and the space to answer in: report_facts.c), then
 * dnn-tutor's notes on the hidden-size sweep and the learning-rate
 * comparison, each with a table, a figure and a commentary computed from the
 * numbers, under headings that say whose notes they are.
 *
 * The commentary's rules, so a reader can check them against the tables:
 *   underfit   a size below the best one whose train accuracy is more than
 *              3 points under the best
 *   plateau    the smallest size from which every larger size that trains
 *              stays within 2 points of the best train accuracy
 *   overfit    (with a test split) a size above the best-on-test one whose
 *              test accuracy is 2 or more points lower while its train
 *              accuracy is at least as high
 *   diverged   the cost or a parameter stopped being finite
 *   crawls     the cost fell by less than half of what the best rate achieved
 *   unstable   the recorded cost rose between two recordings more than twice
 *   slower     none of the above, the final cost is over twice the lowest and the
 *              cost still fell by 2% or more of its total drop in the last quarter
 *   stalls     the same, but the last quarter brought less than that
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../lab/course.h"
#include "report_env.h"
#include "report_internal.h"

#define LIST_MAX 512

/* Appends ", " or the language's list separator before every item but the first. */
static void list_add(char *list, const char *item, report_lang lang)
{
    size_t n = strlen(list);
    snprintf(list + n, LIST_MAX - n, "%s%s", n ? TR(lang, ", ", "、") : "", item);
}

static void sweep_commentary(report_doc *doc, const report_data *d)
{
    const report_lang lang = doc->lang;
    const bool split = d->main.data->X_test != NULL;
    const char *items[8];
    int n_items = 0;
    char text[6][768], list[LIST_MAX] = "", one[64];
    int best = -1, best_test = -1;
    for (int i = 0; i < REPORT_SWEEP_N; i++) {
        const run_result *r = &d->sweep[i].res;
        if (r->diverged)
            continue;
        if (best < 0 || r->train_accuracy > d->sweep[best].res.train_accuracy)
            best = i;
        if (split && (best_test < 0 || r->test_accuracy > d->sweep[best_test].res.test_accuracy))
            best_test = i;
    }
    if (best < 0) {
        doc_para(doc, TR(lang, "Every size diverged: the learning rate is too large for this data set.",
                         "所有大小的网络都发散了：对这个数据集来说学习率太大。"));
        return;
    }
    const double top = d->sweep[best].res.train_accuracy;
    items[n_items++] = rs_fmt(text[0], sizeof text[0],
                              TR(lang, "The best train accuracy is **%.2f%%**, with n_h = %d.",
                                 "训练集准确率最高为 **%.2f%%**，出现在 n_h = %d 时。"),
                              top, d->sweep[best].hidden);
    for (int i = 0; i < best; i++) {
        const run_result *r = &d->sweep[i].res;
        if (!r->diverged && r->train_accuracy < top - 3.0) {
            snprintf(one, sizeof one, TR(lang, "n_h = %d (%.2f%%)", "n_h = %d（%.2f%%）"), d->sweep[i].hidden,
                     r->train_accuracy);
            list_add(list, one, lang);
        }
    }
    if (*list)
        items[n_items++] = rs_fmt(text[1], sizeof text[1],
                                  TR(lang, "**Underfitting:** %s stay more than 3 points below the best: too few "
                                           "hidden units to draw a boundary of the shape the data needs.",
                                     "**欠拟合**：%s比最好结果低 3 个百分点以上：隐藏单元太少，画不出数据所需要的决策边界形状。"),
                                  list);
    /* The plateau: the smallest size from which every size that trains stays within 2 points of the best. */
    int from = REPORT_SWEEP_N;
    double lo = top;
    for (int i = REPORT_SWEEP_N - 1; i >= 0; i--) {
        const run_result *r = &d->sweep[i].res;
        if (r->diverged)
            continue;
        if (r->train_accuracy < top - 2.0)
            break;
        from = i;
    }
    for (int i = from; i < REPORT_SWEEP_N; i++)
        if (!d->sweep[i].res.diverged)
            lo = fmin(lo, d->sweep[i].res.train_accuracy);
    if (from < REPORT_SWEEP_N - 1)
        items[n_items++] = rs_fmt(text[2], sizeof text[2],
                                  TR(lang, "From n_h = %d on, every size that trains reaches %.2f%% to %.2f%%, within 2 "
                                           "points of the best: more units cost time and add little on the training set.",
                                     "从 n_h = %d 起，每个正常训练的网络准确率都在 %.2f%% 到 %.2f%% 之间，与最好结果相差不到 "
                                     "2 个百分点：再增加单元只会多花时间，在训练集上几乎没有提升。"),
                                  d->sweep[from].hidden, lo, top);
    if (split) {
        *list = '\0';
        const run_result *bt = &d->sweep[best_test].res;
        for (int i = best_test + 1; i < REPORT_SWEEP_N; i++) {
            const run_result *r = &d->sweep[i].res;
            if (!r->diverged && r->test_accuracy <= bt->test_accuracy - 2.0 &&
                r->train_accuracy >= bt->train_accuracy) {
                snprintf(one, sizeof one, TR(lang, "n_h = %d (train %.2f%%, test %.2f%%)", "n_h = %d（训练 %.2f%%，测试 %.2f%%）"),
                         d->sweep[i].hidden, r->train_accuracy, r->test_accuracy);
                list_add(list, one, lang);
            }
        }
        if (*list)
            items[n_items++] = rs_fmt(text[3], sizeof text[3],
                                      TR(lang, "**Overfitting:** the best test accuracy is %.2f%% at n_h = %d; %s fit "
                                               "the training set at least as well but do worse on the test set.",
                                         "**过拟合**：测试集准确率最高为 %.2f%%（n_h = %d）；%s 在训练集上同样好甚至更好，"
                                         "在测试集上却更差。"),
                                      bt->test_accuracy, d->sweep[best_test].hidden, list);
        else
            items[n_items++] = rs_fmt(text[3], sizeof text[3],
                                      TR(lang, "The best test accuracy is %.2f%% at n_h = %d; no larger size loses 2 "
                                               "points or more on the test set, so this sweep shows no clear overfitting.",
                                         "测试集准确率最高为 %.2f%%（n_h = %d）；更大的网络在测试集上都没有下降 2 个百分点以上，"
                                         "本次扫描没有出现明显的过拟合。"),
                                      bt->test_accuracy, d->sweep[best_test].hidden);
    } else {
        items[n_items++] = TR(lang, "Without a test split the sweep cannot show overfitting: train accuracy only "
                                    "says how well a size fits the examples it has seen. Add `--test-split 0.2` "
                                    "to see it.",
                              "没有划分测试集，扫描无法体现过拟合：训练集准确率只说明网络对见过的样本拟合得多好。"
                              "加上 `--test-split 0.2` 即可观察。");
    }
    *list = '\0';
    for (int i = 0; i < REPORT_SWEEP_N; i++)
        if (d->sweep[i].res.diverged) {
            snprintf(one, sizeof one, "n_h = %d", d->sweep[i].hidden);
            list_add(list, one, lang);
        }
    if (*list)
        items[n_items++] = rs_fmt(text[4], sizeof text[4],
                                  TR(lang, "**Diverged:** %s (the cost stopped being a finite number).",
                                     "**发散**：%s（代价不再是有限数值）。"),
                                  list);
    doc_list(doc, items, n_items);
}

typedef enum lr_verdict { LR_CONVERGES, LR_BEST, LR_CRAWLS, LR_UNSTABLE, LR_SLOWER, LR_SETTLES_HIGH, LR_DIVERGED } lr_verdict;

/* How many times the recorded cost went up between two recordings. */
static int cost_rises(const run_result *r)
{
    int ups = 0;
    for (size_t i = 1; i < r->n_costs; i++)
        if (r->costs[i].cost > r->costs[i - 1].cost * (1 + 1e-9))
            ups++;
    return ups;
}

static lr_verdict lr_judge(const report_data *d, int i, int best)
{
    const run_result *r = &d->lr[i].res;
    if (r->diverged)
        return LR_DIVERGED;
    if (i == best)
        return LR_BEST;
    double j0 = r->n_costs ? r->costs[0].cost : NAN;
    double best_drop = j0 - d->lr[best].res.final_cost;
    if (cost_rises(r) > 2)
        return LR_UNSTABLE;
    if (best_drop > 0 && j0 - r->final_cost < 0.5 * best_drop)
        return LR_CRAWLS;
    if (r->final_cost > 2 * d->lr[best].res.final_cost) {
        double quarter = r->n_costs ? r->costs[r->n_costs * 3 / 4].cost : j0;
        return quarter - r->final_cost < 0.02 * (j0 - r->final_cost) ? LR_SETTLES_HIGH : LR_SLOWER;
    }
    return LR_CONVERGES;
}

static void section_lr(report_doc *doc, const report_data *d, const report_figures *f)
{
    const report_lang lang = doc->lang;
    char b[1024], cell[REPORT_LR_MAX][4][160];
    doc_heading(doc, 3, TR(lang, "4.3 dnn-tutor's notes: learning rate", "4.3 dnn-tutor 的笔记：学习率"));
    if (d->lr_every == 1)
        doc_para(doc, rs_fmt(b, sizeof b,
                             TR(lang, "The same network and initialisation trained %ld iterations with each learning "
                                      "rate α; the cost is recorded at every iteration.",
                                "同一网络、同一初始化，分别用不同的学习率 α 训练 %ld 次，每次迭代都记录代价。"),
                             d->lr_iterations));
    else
        doc_para(doc, rs_fmt(b, sizeof b,
                             TR(lang, "The same network and initialisation trained %ld iterations with each learning "
                                      "rate α; the cost is recorded every %ld iterations.",
                                "同一网络、同一初始化，分别用不同的学习率 α 训练 %ld 次，每 %ld 次迭代记录一次代价。"),
                             d->lr_iterations, d->lr_every));
    int best = -1;
    for (int i = 0; i < d->n_lr; i++)
        if (!d->lr[i].res.diverged && (best < 0 || d->lr[i].res.final_cost < d->lr[best].res.final_cost))
            best = i;
    const char *cells[(REPORT_LR_MAX + 1) * 4] = {
        TR(lang, "learning rate α", "学习率 α"), TR(lang, "final cost J", "最终代价 J"),
        TR(lang, "train accuracy", "训练集准确率"), TR(lang, "behaviour", "表现"),
    };
    const char *items[REPORT_LR_MAX];
    char text[REPORT_LR_MAX][512], num[40];
    for (int i = 0; i < d->n_lr; i++) {
        const run_result *r = &d->lr[i].res;
        lr_verdict v = lr_judge(d, i, best);
        double j0 = r->n_costs ? r->costs[0].cost : NAN;
        report_short_double(num, sizeof num, d->lr[i].lr);
        rs_fmt(cell[i][0], 160, "%s%s", num, i == d->lr_main ? TR(lang, " (this run)", "（本次运行）") : "");
        if (r->diverged) {
            rs_fmt(cell[i][1], 160, "—");
            rs_fmt(cell[i][2], 160, "—");
        } else {
            rs_fmt(cell[i][1], 160, "%.6f", r->final_cost);
            rs_fmt(cell[i][2], 160, "%.2f%%", r->train_accuracy);
        }
        switch (v) {
        case LR_DIVERGED:
            rs_fmt(cell[i][3], 160, TR(lang, "diverged at iteration %ld", "第 %ld 次迭代时发散"), r->diverged_at);
            rs_fmt(text[i], 512, TR(lang, "**α = %s diverges** at iteration %ld: the steps are so large that the cost or a parameter stops being a finite number (the output saturates at exactly 0 or 1, or the weights overflow).",
                                    "**α = %s 发散**（第 %ld 次迭代）：步长太大，代价或参数不再是有限数值（输出饱和到恰好 0 或 1，或者权重溢出）。"),
                   num, r->diverged_at);
            break;
        case LR_BEST:
            rs_fmt(cell[i][3], 160, TR(lang, "lowest cost", "代价最低"));
            rs_fmt(text[i], 512, TR(lang, "**α = %s reaches the lowest cost**: from %.6f to %.6f.",
                                    "**α = %s 的代价最低**：从 %.6f 降到 %.6f。"),
                   num, j0, r->final_cost);
            break;
        case LR_CRAWLS:
            rs_fmt(cell[i][3], 160, TR(lang, "crawls", "下降缓慢"));
            rs_fmt(text[i], 512, TR(lang, "**α = %s crawls**: the cost only falls from %.6f to %.6f, less than half the drop of the best rate; the steps are too small for %ld iterations.",
                                    "**α = %s 下降缓慢**：代价只从 %.6f 降到 %.6f，降幅不到最佳学习率的一半；在 %ld 次迭代内步长太小。"),
                   num, j0, r->final_cost, d->lr_iterations);
            break;
        case LR_UNSTABLE:
            rs_fmt(cell[i][3], 160, TR(lang, "unstable (cost rose %d times)", "不稳定（代价上升 %d 次）"), cost_rises(r));
            rs_fmt(text[i], 512, TR(lang, "**α = %s is unstable**: the recorded cost rose %d times instead of falling steadily (it ends at %.6f); the steps are large enough to jump across the valley.",
                                    "**α = %s 不稳定**：记录的代价上升了 %d 次，没有平稳下降（最终为 %.6f）；步长大到在“山谷”两侧来回跳动。"),
                   num, cost_rises(r), r->final_cost);
            break;
        case LR_SLOWER:
            rs_fmt(cell[i][3], 160, TR(lang, "still falling, slower", "仍在下降，较慢"));
            rs_fmt(text[i], 512, TR(lang, "**α = %s is still falling but slower**: from %.6f to %.6f, %.1f times the lowest cost; more iterations would take it further.",
                                    "**α = %s 仍在下降，但较慢**：代价从 %.6f 降到 %.6f，是最低代价的 %.1f 倍；增加迭代次数还能继续下降。"),
                   num, j0, r->final_cost, r->final_cost / d->lr[best].res.final_cost);
            break;
        case LR_SETTLES_HIGH:
            rs_fmt(cell[i][3], 160, TR(lang, "stalls higher", "停在较高处"));
            rs_fmt(text[i], 512, TR(lang, "**α = %s stalls higher**: the cost falls from %.6f but stays at %.6f, %.1f times the lowest; in the last quarter of the run it hardly moved.",
                                    "**α = %s 停在较高处**：代价从 %.6f 开始下降，却停在 %.6f，是最低代价的 %.1f 倍；在最后四分之一的迭代里几乎没有变化。"),
                   num, j0, r->final_cost, r->final_cost / d->lr[best].res.final_cost);
            break;
        case LR_CONVERGES:
            rs_fmt(cell[i][3], 160, TR(lang, "converges", "收敛"));
            rs_fmt(text[i], 512, TR(lang, "α = %s converges: the cost falls from %.6f to %.6f.",
                                    "α = %s 收敛：代价从 %.6f 降到 %.6f。"),
                   num, j0, r->final_cost);
            break;
        }
        for (int c = 0; c < 4; c++)
            cells[(i + 1) * 4 + c] = cell[i][c];
        items[i] = text[i];
    }
    const bool right[] = {false, true, true, false};
    doc_table(doc, cells, d->n_lr + 1, 4, right);
    doc_figure(doc, f->file[FIG_LR], rbuf_str(&f->svg[FIG_LR]),
               TR(lang, "the cost curves of every learning rate; a cross marks where a run diverged, and costs above the top of the chart are drawn at the top.",
                  "各学习率的代价曲线；叉号标出发散的位置，超出图顶的代价画在顶端。"));
    doc_list(doc, items, d->n_lr);
}

void report_analysis_write(report_doc *doc, const report_data *d, const report_figures *f)
{
    const report_lang lang = doc->lang;
    const bool split = d->main.data->X_test != NULL;
    char b[1024];
    doc_heading(doc, 2, TR(lang, "4. Analysis", "四、结果分析"));
    report_facts_write(doc, d);
    doc_heading(doc, 3, TR(lang, "4.2 dnn-tutor's notes: hidden layer size", "4.2 dnn-tutor 的笔记：隐藏层大小"));
    doc_para(doc, TR(lang,
                     "What follows in 4.2 and 4.3 is dnn-tutor's reading of the two experiments, written by fixed "
                     "rules from the tables: compare it with your analysis above, do not copy it into yours.",
                     "4.2 和 4.3 是 dnn-tutor 按固定规则根据表格写出的对两个实验的解读：请拿它和你上面的分析作比较，"
                     "不要抄进你的分析。"));
    doc_para(doc, rs_fmt(b, sizeof b,
                         TR(lang, "One network per size n_h, each with one hidden layer (%s), the same initialisation "
                                  "and α = %g, trained %ld iterations (the course's sweep uses %d).",
                            "对每个 n_h 各训练一个只有一个隐藏层（%s）的网络，初始化方式相同，α = %g，"
                            "各训练 %ld 次迭代（课程中的扫描实验为 %d 次）。"),
                         act_name(d->spec.hidden_act), d->spec.lr, d->sweep_iterations, COURSE_SWEEP_ITERATIONS));
    char cell[REPORT_SWEEP_N][5][64];
    const int nc = split ? 5 : 4;
    const char *cells[(REPORT_SWEEP_N + 1) * 5] = {
        TR(lang, "hidden units n_h", "隐藏单元数 n_h"), TR(lang, "train accuracy", "训练集准确率"),
    };
    int c0 = 2;
    if (split)
        cells[c0++] = TR(lang, "test accuracy", "测试集准确率");
    cells[c0++] = TR(lang, "final cost J", "最终代价 J");
    cells[c0++] = TR(lang, "time", "耗时");
    for (int i = 0; i < REPORT_SWEEP_N; i++) {
        const run_result *r = &d->sweep[i].res;
        const char **row = &cells[(i + 1) * nc];
        rs_fmt(cell[i][0], 64, "%d", d->sweep[i].hidden);
        row[0] = cell[i][0];
        if (r->diverged) {
            rs_fmt(cell[i][1], 64, TR(lang, "diverged at iteration %ld", "第 %ld 次迭代时发散"), r->diverged_at);
            rs_fmt(cell[i][2], 64, "—");
            rs_fmt(cell[i][3], 64, "—");
        } else {
            rs_fmt(cell[i][1], 64, "%.2f%%", r->train_accuracy);
            rs_fmt(cell[i][2], 64, "%.2f%%", r->test_accuracy);
            rs_fmt(cell[i][3], 64, "%.6f", r->final_cost);
        }
        int c = 1;
        row[c++] = cell[i][1];
        if (split)
            row[c++] = cell[i][2];
        row[c++] = cell[i][3];
        row[c] = rs_fmt(cell[i][4], 64, "%.3f s", r->seconds);
    }
    const bool right[] = {true, true, true, true, true};
    doc_table(doc, cells, REPORT_SWEEP_N + 1, nc, right);
    doc_figure(doc, f->file[FIG_SWEEP], rbuf_str(&f->svg[FIG_SWEEP]),
               report_is_2d(d) ? TR(lang, "the decision regions of each hidden size, with its train accuracy.",
                                    "每种隐藏层大小的决策区域及其训练集准确率。")
                               : TR(lang, "the train accuracy of each hidden size.", "每种隐藏层大小的训练集准确率。"));
    sweep_commentary(doc, d);
    section_lr(doc, d, f);
}
