/*
 * report_run.c — the main run, the hidden-size sweep and the learning-rate
 * comparison of a report.
 *
 * Time budget: the two experiments are sized so a planar report takes a few
 * seconds. Each experiment runs at most min(iterations, 5000) iterations (the
 * course's sweep uses 5000) and fewer when one iteration is costly, counted
 * as multiply-adds m · Σ n[l]·(n[l−1] + 1) per forward pass.
 */
#include "report_run.h"

#include "../lab/notebook.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "monoclock.h"

const int report_sweep_sizes[REPORT_SWEEP_N] = COURSE_SWEEP_SIZES;
static const double lr_ladder[] = {0.01, 0.1, 0.5, 1.2, 5.0, 50.0};

#define EXPERIMENT_MAX_ITERATIONS (long)COURSE_SWEEP_ITERATIONS
#define EXPERIMENT_MIN_ITERATIONS 100L
#define EXPERIMENT_BUDGET 1.5e9 /* multiply-adds per experiment */

static long experiment_iterations(long requested, double work_per_iteration)
{
    long n = requested < EXPERIMENT_MAX_ITERATIONS ? requested : EXPERIMENT_MAX_ITERATIONS;
    if (work_per_iteration > 0) {
        double fit = EXPERIMENT_BUDGET / work_per_iteration;
        if (fit < (double)n)
            n = fit < (double)EXPERIMENT_MIN_ITERATIONS ? EXPERIMENT_MIN_ITERATIONS : (long)fit;
        if (n > requested)
            n = requested;
    }
    return n;
}

static double net_work(const nn_config *cfg, size_t m)
{
    double w = 0;
    for (int l = 1; l <= cfg->L; l++)
        w += (double)cfg->dims[l] * (cfg->dims[l - 1] + 1);
    return w * (double)m;
}

bool report_is_2d(const report_data *d)
{
    return d->main.data && d->main.data->n_x == 2 && d->main.data->hi[0] > d->main.data->lo[0] &&
           d->main.data->hi[1] > d->main.data->lo[1];
}

/* Counts predicted vs true labels; false when memory runs out. */
static bool confusion_of(const nn_net *net, const mat *X, const mat *Y, report_confusion *c)
{
    memset(c, 0, sizeof *c);
    if (!X || !Y)
        return true;
    mat *P = mat_new(1, X->cols);
    if (!P || nn_predict_proba(net, X, P) != NN_OK) {
        mat_free(P);
        return false;
    }
    for (size_t i = 0; i < X->cols; i++) {
        bool pred = P->v[i] > 0.5, truth = Y->v[i] > 0.5;
        if (pred && truth)
            c->tp++;
        else if (pred)
            c->fp++;
        else if (truth)
            c->fn++;
        else
            c->tn++;
    }
    mat_free(P);
    return true;
}

/* The predicted class at the centre of every cell of a gw × gh grid over the
 * data set's plot range. A network that diverged leaves cells NULL. */
static bool grid_of(const nn_net *net, const dataset *ds, int gw, int gh, report_grid *g)
{
    g->gw = gw;
    g->gh = gh;
    g->cells = NULL;
    if (nn_status_of(net) == NN_DIVERGED)
        return true;
    mat *G = mat_new(2, (size_t)gw * gh), *P = mat_new(1, (size_t)gw * gh);
    g->cells = malloc((size_t)gw * gh);
    if (!G || !P || !g->cells) {
        mat_free(G);
        mat_free(P);
        return false;
    }
    for (int r = 0; r < gh; r++)
        for (int c = 0; c < gw; c++) {
            size_t k = (size_t)r * gw + c;
            mat_set(G, 0, k, ds->lo[0] + (ds->hi[0] - ds->lo[0]) * (c + 0.5) / gw);
            mat_set(G, 1, k, ds->hi[1] - (ds->hi[1] - ds->lo[1]) * (r + 0.5) / gh);
        }
    bool ok = nn_predict_proba(net, G, P) == NN_OK;
    for (size_t k = 0; ok && k < (size_t)gw * gh; k++)
        g->cells[k] = P->v[k] > 0.5;
    mat_free(G);
    mat_free(P);
    return ok;
}

static bool cancelled(void *flag)
{
    return flag && atomic_load((atomic_bool *)flag);
}

/* run_train, stopping when *cancel is set (then 1 and "cancelled" in err),
 * with the accuracies of a diverged run left NAN: the report shows no
 * accuracy for a network whose numbers stopped being finite. */
static int report_train(run_setup *s, const run_spec *spec, atomic_bool *cancel, run_result *res, char *err,
                        size_t err_size)
{
    const run_hooks hooks = {.stop = cancelled, .user = cancel};
    run_train(s, spec, cancel ? &hooks : NULL, res);
    if (res->stopped) {
        snprintf(err, err_size, "cancelled");
        return 1;
    }
    if (res->diverged)
        res->train_accuracy = res->test_accuracy = NAN;
    return 0;
}

/* Trains a fresh network for spec on the already loaded data set. */
static int train_on(const run_spec *spec, atomic_bool *cancel, dataset *ds, run_result *res, nn_net **net_out,
                    char *err, size_t err_size)
{
    run_setup s = {ds, NULL};
    int rc = run_build_net(spec, ds->X, ds->Y, &s.net, err, err_size);
    if (rc)
        return rc;
    *net_out = s.net;
    return report_train(&s, spec, cancel, res, err, err_size);
}

int report_data_build(const run_spec *spec, atomic_bool *cancel, report_data *d, char *err, size_t err_size)
{
    memset(d, 0, sizeof *d);
    d->spec = *spec;
    const double start = mono_seconds();
    int rc = run_setup_open(spec, &d->main, err, err_size);
    if (rc)
        return rc;
    rc = report_train(&d->main, spec, cancel, &d->res, err, err_size);
    if (rc)
        return rc;
    if (d->res.diverged) {
        snprintf(err, err_size,
                 "the run diverged at iteration %ld: the cost or a parameter is no longer a finite number "
                 "(learning rate %g is too large; try a smaller --lr)",
                 d->res.diverged_at, spec->lr);
        return 1;
    }
    dataset *ds = d->main.data;
    d->nb_train = d->nb_test = NAN;
    if (spec->assignment == RUNSPEC_W2_LOGREG) {
        d->nb_train = notebook_w2_accuracy(d->main.net, ds->X, ds->Y);
        if (ds->X_test)
            d->nb_test = notebook_w2_accuracy(d->main.net, ds->X_test, ds->Y_test);
    } else if (spec->assignment == RUNSPEC_W4_TWO_LAYER || spec->assignment == RUNSPEC_W4_DEEP) {
        d->nb_train = notebook_w4_accuracy(d->main.net, ds->X, ds->Y);
        if (ds->X_test)
            d->nb_test = notebook_w4_accuracy(d->main.net, ds->X_test, ds->Y_test);
    }
    bool ok = confusion_of(d->main.net, ds->X, ds->Y, &d->conf_train) &&
              confusion_of(d->main.net, ds->X_test, ds->Y_test, &d->conf_test);
    if (ok && report_is_2d(d))
        ok = grid_of(d->main.net, ds, 130, 110, &d->grid);

    /* The sweep: one hidden layer of each size, everything else as asked. */
    run_spec sw = *spec;
    sw.n_layers = 0;
    sw.print_every = 0;
    double work = 0;
    for (int i = 0; i < REPORT_SWEEP_N; i++)
        work += (double)dataset_m(ds) * (report_sweep_sizes[i] * (ds->n_x + 1.0) + report_sweep_sizes[i] + 1);
    d->sweep_iterations = sw.iterations = experiment_iterations(spec->iterations, work);
    for (int i = 0; ok && i < REPORT_SWEEP_N; i++) {
        nn_net *net = NULL;
        sw.hidden = report_sweep_sizes[i];
        d->sweep[i].hidden = sw.hidden;
        rc = train_on(&sw, cancel, ds, &d->sweep[i].res, &net, err, err_size);
        if (rc) {
            nn_free(net);
            return rc;
        }
        if (report_is_2d(d))
            ok = grid_of(net, ds, 54, 54, &d->sweep[i].grid);
        nn_free(net);
    }

    /* The learning-rate comparison: the main network, several rates, cost curves. */
    run_spec lr = *spec;
    d->lr_iterations = lr.iterations =
        experiment_iterations(spec->iterations, net_work(nn_get_config(d->main.net), dataset_m(ds)) * 5);
    d->lr_every = lr.print_every = lr.iterations >= 100 ? lr.iterations / 100 : 1;
    d->lr_main = -1;
    for (size_t i = 0; i < sizeof lr_ladder / sizeof lr_ladder[0]; i++) {
        if (d->lr_main < 0 && spec->lr <= lr_ladder[i]) {
            d->lr_main = d->n_lr;
            d->lr[d->n_lr++].lr = spec->lr;
            if (spec->lr == lr_ladder[i])
                continue;
        }
        d->lr[d->n_lr++].lr = lr_ladder[i];
    }
    if (d->lr_main < 0) {
        d->lr_main = d->n_lr;
        d->lr[d->n_lr++].lr = spec->lr;
    }
    for (int i = 0; ok && i < d->n_lr; i++) {
        nn_net *net = NULL;
        lr.lr = d->lr[i].lr;
        rc = train_on(&lr, cancel, ds, &d->lr[i].res, &net, err, err_size);
        nn_free(net);
        if (rc)
            return rc;
        ok = lr.print_every == 0 || d->lr[i].res.costs;
    }

    /* The facts: the labels' balance, and the network trained from zeros. */
    for (size_t i = 0; i < dataset_m(ds); i++)
        d->n_pos += ds->Y->v[i] > 0.5;
    for (size_t i = 0; ds->Y_test && i < dataset_m_test(ds); i++)
        d->n_pos_test += ds->Y_test->v[i] > 0.5;
    if (ok && nn_layers(d->main.net) >= 2) {
        run_spec zs = *spec;
        zs.init = NN_INIT_ZEROS;
        zs.print_every = 0;
        zs.print_last = false;
        d->zero_iterations = zs.iterations = lr.iterations;
        nn_net *net = NULL;
        rc = train_on(&zs, cancel, ds, &d->zero, &net, err, err_size);
        if (rc) {
            nn_free(net);
            return rc;
        }
        d->zero_ran = true;
        const mat *W1 = nn_value_of(net, NN_W, 1);
        for (size_t r = 1; W1 && r < W1->rows; r++)
            for (size_t c = 0; c < W1->cols; c++)
                d->zero_row_spread = fmax(d->zero_row_spread, fabs(mat_get(W1, r, c) - mat_get(W1, 0, c)));
        nn_free(net);
    }
    if (!ok) {
        snprintf(err, err_size, "out of memory while building the report");
        return 1;
    }
    d->seconds = mono_seconds() - start;
    return 0;
}

void report_data_free(report_data *d)
{
    run_result_free(&d->res);
    free(d->grid.cells);
    for (int i = 0; i < REPORT_SWEEP_N; i++) {
        run_result_free(&d->sweep[i].res);
        free(d->sweep[i].grid.cells);
    }
    for (int i = 0; i < d->n_lr; i++)
        run_result_free(&d->lr[i].res);
    run_result_free(&d->zero);
    run_setup_close(&d->main);
    memset(d, 0, sizeof *d);
}
