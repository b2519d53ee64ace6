/*
 * report_figures.c — the report's four figures from its numbers:
 *   cost      the main run's recorded costs against the iteration
 *   boundary  (2-D data) decision regions of the trained network and the examples
 *   sweep     (2-D data) one small decision map per hidden size; otherwise accuracy bars
 *   lr        cost curves of every learning rate of the comparison on one chart
 */
#include "report_sections.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "report_env.h"

const char *const report_figure_suffix[FIG_COUNT] = {"cost", "boundary", "sweep", "lr"};

#include "report_internal.h"
#include "report_svg.h"

/* The x and y arrays of a run's recorded costs (malloc'd; NULL when none). */
static void cost_arrays(const run_result *r, double **x, double **y)
{
    *x = r->n_costs ? malloc(r->n_costs * sizeof **x) : NULL;
    *y = r->n_costs ? malloc(r->n_costs * sizeof **y) : NULL;
    if (!*x || !*y) {
        free(*x);
        free(*y);
        *x = *y = NULL;
        return;
    }
    for (size_t i = 0; i < r->n_costs; i++) {
        (*x)[i] = (double)r->costs[i].iteration;
        (*y)[i] = r->costs[i].cost;
    }
}

static void figure_cost(const report_data *d, report_lang lang, rbuf *out)
{
    double *x, *y;
    cost_arrays(&d->res, &x, &y);
    char label[96], title[160];
    snprintf(label, sizeof label, TR(lang, "cost J (α = %g)", "代价 J（α = %g）"), d->spec.lr);
    snprintf(title, sizeof title, TR(lang, "Cost during training (every %ld iterations)", "训练过程中的代价（每 %ld 次迭代记录一次）"),
             d->spec.print_every);
    svg_series s = {label, x, y, x ? d->res.n_costs : 0, d->res.diverged, (double)d->res.diverged_at};
    svg_line_chart c = {720, 400, title, TR(lang, "iteration", "迭代次数"), TR(lang, "cost J", "代价 J"),
                        TR(lang, "diverged", "发散"), &s, 1, d->res.n_costs <= 60, 0, (double)d->spec.iterations};
    svg_write_line_chart(out, &c);
    free(x);
    free(y);
}

static void map_legend(const report_data *d, report_lang lang, svg_map_figure *f, char cls[2][96], char reg[2][96])
{
    const dataset *ds = d->main.data;
    for (int k = 0; k < 2; k++) {
        if (ds->class_names[k][0] == '0' + k && !ds->class_names[k][1])
            snprintf(cls[k], 96, TR(lang, "example with y = %d", "y = %d 的样本"), k);
        else
            snprintf(cls[k], 96, TR(lang, "example, y = %d (%s)", "样本 y = %d（%s）"), k, ds->class_names[k]);
        snprintf(reg[k], 96, TR(lang, "predicted %d", "预测为 %d"), k);
        f->class_label[k] = cls[k];
        f->region_label[k] = reg[k];
    }
}

static void figure_boundary(const report_data *d, report_lang lang, rbuf *out)
{
    const dataset *ds = d->main.data;
    char title[160], cls[2][96], reg[2][96];
    snprintf(title, sizeof title, TR(lang, "Decision regions after %ld iterations (train accuracy %.2f%%)",
                                      "训练 %ld 次后的决策区域（训练集准确率 %.2f%%）"),
             nn_iterations(d->main.net), d->res.train_accuracy);
    svg_map_panel p = {NULL, {ds->lo[0], ds->lo[1]}, {ds->hi[0], ds->hi[1]}, d->grid.gw, d->grid.gh, d->grid.cells,
                       TR(lang, "diverged", "发散"), ds->X, ds->Y, ds->X_test, ds->Y_test};
    svg_map_figure f = {ds->X_test ? 680 : 600, 560, title, {NULL, NULL}, {NULL, NULL},
                        ds->X_test ? TR(lang, "test example", "测试样本") : NULL, &p, 1, 1};
    map_legend(d, lang, &f, cls, reg);
    svg_write_map_figure(out, &f);
}

static void figure_sweep(const report_data *d, report_lang lang, rbuf *out)
{
    char title[160];
    snprintf(title, sizeof title, TR(lang, "Hidden layer size: train accuracy after %ld iterations",
                                      "隐藏层大小：训练 %ld 次后的训练集准确率"),
             d->sweep_iterations);
    if (!report_is_2d(d)) {
        char cat[REPORT_SWEEP_N][32];
        const char *cats[REPORT_SWEEP_N];
        double v[REPORT_SWEEP_N];
        for (int i = 0; i < REPORT_SWEEP_N; i++) {
            snprintf(cat[i], sizeof cat[i], "n_h = %d", d->sweep[i].hidden);
            cats[i] = cat[i];
            v[i] = d->sweep[i].res.diverged ? NAN : d->sweep[i].res.train_accuracy;
        }
        svg_bar_chart c = {640, 400, title, TR(lang, "hidden units n_h", "隐藏单元数 n_h"),
                           TR(lang, "train accuracy (%)", "训练集准确率（%）"), TR(lang, "diverged", "发散"),
                           cats, v, REPORT_SWEEP_N};
        svg_write_bar_chart(out, &c);
        return;
    }
    const dataset *ds = d->main.data;
    char ptitle[REPORT_SWEEP_N][64], cls[2][96], reg[2][96];
    svg_map_panel p[REPORT_SWEEP_N];
    for (int i = 0; i < REPORT_SWEEP_N; i++) {
        const report_sweep_item *it = &d->sweep[i];
        if (it->res.diverged)
            snprintf(ptitle[i], sizeof ptitle[i], "n_h = %d", it->hidden);
        else
            snprintf(ptitle[i], sizeof ptitle[i], "n_h = %d: %.2f%%", it->hidden, it->res.train_accuracy);
        p[i] = (svg_map_panel){ptitle[i], {ds->lo[0], ds->lo[1]}, {ds->hi[0], ds->hi[1]}, it->grid.gw, it->grid.gh,
                               it->grid.cells, TR(lang, "diverged", "发散"), ds->X, ds->Y, NULL, NULL};
    }
    svg_map_figure f = {760, 470, title, {NULL, NULL}, {NULL, NULL}, NULL, p, REPORT_SWEEP_N, 4};
    map_legend(d, lang, &f, cls, reg);
    svg_write_map_figure(out, &f);
}

static void figure_lr(const report_data *d, report_lang lang, rbuf *out)
{
    svg_series s[REPORT_LR_MAX];
    double *x[REPORT_LR_MAX] = {0}, *y[REPORT_LR_MAX] = {0};
    char label[REPORT_LR_MAX][64], num[40];
    double j0 = 0;
    for (int i = 0; i < d->n_lr; i++) {
        const run_result *r = &d->lr[i].res;
        cost_arrays(r, &x[i], &y[i]);
        if (r->n_costs && isfinite(r->costs[0].cost))
            j0 = fmax(j0, r->costs[0].cost);
        report_short_double(num, sizeof num, d->lr[i].lr);
        snprintf(label[i], sizeof label[i], "α = %s%s", num,
                 i == d->lr_main ? TR(lang, " (this run)", "（本次运行）") : "");
        s[i] = (svg_series){label[i], x[i], y[i], x[i] ? r->n_costs : 0, r->diverged, (double)r->diverged_at};
    }
    char title[160];
    snprintf(title, sizeof title, TR(lang, "Learning rates compared (%ld iterations each)", "不同学习率的比较（各训练 %ld 次）"),
             d->lr_iterations);
    svg_line_chart c = {720, 400, title, TR(lang, "iteration", "迭代次数"), TR(lang, "cost J", "代价 J"),
                        TR(lang, "diverged", "发散"), s, d->n_lr, false, j0 > 0 ? 1.5 * j0 : 0,
                        (double)d->lr_iterations};
    svg_write_line_chart(out, &c);
    for (int i = 0; i < d->n_lr; i++) {
        free(x[i]);
        free(y[i]);
    }
}

void report_figures_build(const report_data *d, report_lang lang, report_figures *f)
{
    for (int i = 0; i < FIG_COUNT; i++)
        f->svg[i] = (rbuf)RBUF_INIT;
    if (d->res.n_costs > 0)
        figure_cost(d, lang, &f->svg[FIG_COST]);
    if (report_is_2d(d))
        figure_boundary(d, lang, &f->svg[FIG_BOUNDARY]);
    figure_sweep(d, lang, &f->svg[FIG_SWEEP]);
    figure_lr(d, lang, &f->svg[FIG_LR]);
}

void report_figures_free(report_figures *f)
{
    for (int i = 0; i < FIG_COUNT; i++)
        rbuf_free(&f->svg[i]);
}
