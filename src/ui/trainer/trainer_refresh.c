/*
 * trainer_refresh.c — the trainer screen's caches: the prediction map, the
 * hidden-unit maps, the status line's cost and accuracies, the test set's ŷ
 * and the sweep's maps, all of one moment of the model.
 *
 *   worker, lock held                 lock released                lock held
 *   ─────────────────                 ─────────────                ─────────
 *   copy W, b into the shadow ──►  predict on the shadow in  ──►  swap the new
 *   hold the data set             bands; between bands: still     caches in (if
 *   clone the finished sweep      wanted? (q, a rebuild)          the network is
 *   networks                                                      the same build)
 *
 * The UI thread never computes these while a worker runs: it only swaps in
 * what the worker finished. ts_refresh_locked computes the same on the
 * calling thread (the tests, and a screen whose worker could not start).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "monoclock.h"
#include "trainer_screen_internal.h"

struct ts_shadow {
    nn_net *net;                 /* unbound, the live network's config; W and b copied at each refresh */
    long build;                  /* trainer_builds it was made for */
    trainer_grid *grid, *unit_grid, *sweep_grid;
    float *unit_p;
};

/* One refresh: what it reads (a network and the data, which stay put while
 * it runs) and what it makes. */
typedef struct ts_job {
    unsigned parts;              /* TS_PART_* to compute */
    const nn_net *net;
    const trainer_data *d;
    bool sick;                   /* non-finite parameters: no maps, no test ŷ */
    long iterations, build;
    const nn_net *sweep_nets[TRAINER_SWEEP_COUNT]; /* finished sizes without a map yet, else NULL */
    trainer_grid *grid, *unit_grid, *sweep_grid;
    float *unit_p;
    int unit_n;
    double *p_test;
    size_t p_test_n;
    float *sweep_p[TRAINER_SWEEP_COUNT];
    trainer_measure now;
    bool no_memory;              /* the cost could not be computed for lack of memory */
    double measure_ms;
    double cost_ms[2];           /* per part: how long it took */
} ts_job;

/* Whether an off-lock refresh for `build` is still wanted (takes the lock
 * for a moment); always true for an on-lock one (ts NULL). */
static bool ts_job_wanted(trainer_screen *ts, long build)
{
    if (!ts)
        return true;
    pthread_mutex_lock(&ts->sync->lock);
    bool wanted = !ts->sync->quit && trainer_builds(ts->model) == build;
    pthread_mutex_unlock(&ts->sync->lock);
    return wanted;
}

/* The maps: the prediction map in bands (asking between them whether the
 * work is still wanted), the hidden-unit maps, the finished sweep sizes. */
static bool ts_job_maps(ts_job *j, trainer_screen *ts)
{
    const trainer_data *d = j->d;
    if (nn_dim(j->net, 0) == 2) {
        trainer_grid_place(j->grid, d->lo, d->hi);
        int band = trainer_grid_band_rows(j->grid, j->net, TS_BAND_MADDS);
        for (int row = 0; row < j->grid->h; row += band) {
            if (!ts_job_wanted(ts, j->build))
                return false;
            trainer_grid_predict_rows(j->grid, j->net, row, band); /* NAN pixels when not finite */
        }
        j->unit_n = trainer_grid_units(j->unit_grid, j->net, d->lo, d->hi, j->unit_p, TS_UNIT_MAX);
    } else {
        j->unit_n = 0;
    }
    for (int i = 0; i < TRAINER_SWEEP_COUNT; i++) {
        if (!j->sweep_nets[i])
            continue;
        if (!ts_job_wanted(ts, j->build))
            return false;
        j->sweep_p[i] = malloc((size_t)TS_SWEEP_W * TS_SWEEP_H * sizeof(float));
        if (j->sweep_p[i]) {
            trainer_grid_predict(j->sweep_grid, j->sweep_nets[i], d->lo, d->hi);
            memcpy(j->sweep_p[i], j->sweep_grid->p, (size_t)TS_SWEEP_W * TS_SWEEP_H * sizeof(float));
        }
    }
    return true;
}

/* trainer_go_on for an off-lock job: still wanted? */
typedef struct ts_job_asker {
    trainer_screen *ts;
    long build;
} ts_job_asker;

static bool ts_job_go_on(void *user)
{
    const ts_job_asker *a = user;
    return ts_job_wanted(a->ts, a->build);
}

/* The numbers: cost and accuracies of one moment, and ŷ of the test set,
 * in bands of about TS_BAND_MADDS when computed off the lock. */
static void ts_job_numbers(ts_job *j, trainer_screen *ts)
{
    mat *P = NULL;
    ts_job_asker asker = {ts, j->build};
    const trainer_go_on go = {ts_job_go_on, &asker};
    double per_example = 0;
    for (int l = 1; l <= nn_layers(j->net); l++)
        per_example += (double)nn_dim(j->net, l) * (double)nn_dim(j->net, l - 1);
    size_t band = ts ? (size_t)(TS_BAND_MADDS / per_example) + 1 : 0;
    j->no_memory = !trainer_measure_copy(j->d, j->net, j->sick, &j->now, &P, band, ts ? &go : NULL);
    j->now.iterations = j->iterations;
    if (P) {
        j->p_test = P->v;
        j->p_test_n = P->cols;
        P->v = NULL;
        mat_free(P);
    }
}

/* Computes the job's parts; ts (when not NULL) is asked between the pieces
 * whether the work is still wanted. False when it stopped. */
static bool ts_job_run(ts_job *j, trainer_screen *ts)
{
    double t0 = 1000.0 * mono_seconds();
    if ((j->parts & TS_PART_NUMBERS) && ts_job_wanted(ts, j->build))
        ts_job_numbers(j, ts);
    double t1 = 1000.0 * mono_seconds();
    j->cost_ms[1] = t1 - t0;
    j->measure_ms = j->cost_ms[1];
    bool done = !(j->parts & TS_PART_MAPS) || ts_job_maps(j, ts);
    j->cost_ms[0] = 1000.0 * mono_seconds() - t1;
    return done && ts_job_wanted(ts, j->build);
}

/* The finished sweep sizes that have no map yet; clone: copies for an
 * off-lock job (freed by ts_job_release), else the trainer's own. */
static void ts_job_sweep(ts_job *j, const trainer_screen *ts, bool clone)
{
    const trainer_sweep_entry *e;
    size_t n = trainer_sweep_entries(ts->model, &e);
    for (size_t i = 0; i < n && i < TRAINER_SWEEP_COUNT; i++) {
        bool done = e[i].done >= e[i].total || e[i].diverged;
        if (done && !ts->sweep_p[i] && nn_dim(e[i].net, 0) == 2)
            j->sweep_nets[i] = clone ? nn_clone(e[i].net) : e[i].net;
    }
}

static void ts_note_no_memory(trainer_screen *ts);

/* Moves the job's results into the screen's caches (lock held); the job
 * keeps the old buffers to free or reuse. */
static void ts_job_publish(ts_job *j, trainer_screen *ts)
{
    if (j->parts & TS_PART_MAPS) {
        trainer_grid *g = ts->grid;
        ts->grid = j->grid;
        j->grid = g;
        float *u = ts->unit_p;
        ts->unit_p = j->unit_p;
        j->unit_p = u;
        ts->unit_n = j->unit_n;
        for (int i = 0; i < TRAINER_SWEEP_COUNT; i++)
            if (j->sweep_p[i] && !ts->sweep_p[i]) {
                ts->sweep_p[i] = j->sweep_p[i];
                j->sweep_p[i] = NULL;
            }
        ts->shown_build = j->build;
    }
    if (j->parts & TS_PART_NUMBERS) {
        ts_take_numbers(ts, &j->now, j->build, j->measure_ms);
        /* ŷ of the test set goes by its own age: the tick measures a small
         * network's numbers every frame, but never its ŷ */
        if (j->build != ts->p_test_build || j->now.iterations >= ts->p_test_iterations) {
            free(ts->p_test);
            ts->p_test = j->p_test;
            ts->p_test_n = j->p_test_n;
            j->p_test = NULL;
            ts->p_test_build = j->build;
            ts->p_test_iterations = j->now.iterations;
        }
        if (j->no_memory)
            ts_note_no_memory(ts);
    }
}

bool ts_numbers_current(const trainer_screen *ts)
{
    return ts->now_build == trainer_builds(ts->model) && ts->now.iterations == trainer_iterations(ts->model);
}

bool ts_take_numbers(trainer_screen *ts, const trainer_measure *m, long build, double measure_ms)
{
    if (build == ts->now_build && m->iterations < ts->now.iterations)
        return false;
    ts->now = *m;
    ts->now_build = build;
    ts->measure_ms = measure_ms;
    return true;
}

/* Once per network: memory ran out for what the screen computes beside
 * training (the network itself was built and trains on). */
static void ts_note_no_memory(trainer_screen *ts)
{
    long build = trainer_builds(ts->model);
    if (ts->no_memory_noted == build)
        return;
    ts->no_memory_noted = build;
    ts_note(ts, true,
            "Out of memory for the map, cost and accuracy of this network; it still trains (smaller layers need less).",
            "内存不足，无法计算这个网络的预测图、代价和准确率；训练仍在继续（层小一些需要的内存更少）。");
}

static bool ts_sick(const trainer *t)
{
    return trainer_state_of(t) == TRAINER_DIVERGED && trainer_divergence_of(t) == TRAINER_DIV_NONFINITE;
}

void ts_refresh_locked(trainer_screen *ts, const ui_ctx *ctx)
{
    (void)ctx;
    ts_take_facts(ts);
    trainer *t = ts->model;
    ts_job j = {
        .parts = TS_PARTS, .net = trainer_net(t), .d = trainer_data_of(t), .sick = ts_sick(t),
        .iterations = trainer_iterations(t), .build = trainer_builds(t),
    };
    /* On this thread the screen's own buffers are filled in place. */
    j.grid = ts->grid;
    j.unit_grid = ts->unit_grid;
    j.sweep_grid = ts->sweep_grid;
    j.unit_p = ts->unit_p;
    ts_job_sweep(&j, ts, false);
    ts_job_run(&j, NULL);
    ts_job_publish(&j, ts);
    free(j.p_test); /* not taken (of an older moment): NULL otherwise */
    ts->sync->cost_ms[0] = j.cost_ms[0];
    ts->sync->cost_ms[1] = j.cost_ms[1];
    for (int i = 0; i < TRAINER_SWEEP_COUNT; i++)
        free(j.sweep_p[i]);
}

void trainer_screen_refresh(ui_screen *s, const ui_ctx *ctx)
{
    trainer_screen *ts = (trainer_screen *)s;
    ts_lock(ts);
    ts_refresh_locked(ts, ctx);
    ts_unlock(ts);
}

void ts_shadow_free(ts_shadow *sh)
{
    if (!sh)
        return;
    nn_free(sh->net);
    trainer_grid_free(sh->grid);
    trainer_grid_free(sh->unit_grid);
    trainer_grid_free(sh->sweep_grid);
    free(sh->unit_p);
    free(sh);
}

static ts_shadow *ts_shadow_new(void)
{
    ts_shadow *sh = calloc(1, sizeof *sh);
    if (!sh)
        return NULL;
    sh->build = -1;
    sh->grid = trainer_grid_new(TS_GRID_W, TS_GRID_H);
    sh->unit_grid = trainer_grid_new(TS_UNIT_W, TS_UNIT_H);
    sh->sweep_grid = trainer_grid_new(TS_SWEEP_W, TS_SWEEP_H);
    sh->unit_p = malloc((size_t)TS_UNIT_MAX * TS_UNIT_W * TS_UNIT_H * sizeof(float));
    if (!sh->grid || !sh->unit_grid || !sh->sweep_grid || !sh->unit_p) {
        ts_shadow_free(sh);
        return NULL;
    }
    return sh;
}

/* W and b of every layer of src into dst (same config). */
static void ts_copy_params(nn_net *dst, const nn_net *src)
{
    for (int l = 1; l <= nn_layers(src); l++) {
        mat_copy(nn_param(dst, NN_W, l), nn_value_of(src, NN_W, l));
        mat_copy(nn_param(dst, NN_B, l), nn_value_of(src, NN_B, l));
    }
}

/* Makes sh->net a network of the live one's config (built with the lock
 * released: a wide one takes a while). False when memory ran out or the
 * network was rebuilt meanwhile. Lock held on entry and exit. */
static bool ts_shadow_fit(trainer_screen *ts, ts_shadow *sh, long build)
{
    if (sh->net && sh->build == build)
        return true;
    nn_config cfg = *nn_get_config(trainer_net(ts->model));
    nn_free(sh->net);
    sh->net = NULL;
    pthread_mutex_unlock(&ts->sync->lock);
    nn_net *net = nn_new(&cfg);
    pthread_mutex_lock(&ts->sync->lock);
    if (!net || trainer_builds(ts->model) != build) {
        nn_free(net);
        return false;
    }
    sh->net = net;
    sh->build = build;
    return true;
}

void ts_refresh_async(trainer_screen *ts, unsigned parts)
{
    ts_sync *y = ts->sync;
    if (!y->shadow)
        y->shadow = ts_shadow_new();
    ts_shadow *sh = y->shadow;
    trainer *t = ts->model;
    long build = trainer_builds(t);
    /* A new network is shown by both parts at once. */
    if (ts->shown_build != build)
        parts = TS_PARTS;
    y->refreshing = true;
    double now = 1000.0 * mono_seconds();
    for (int i = 0; i < 2; i++)
        if (parts & (1u << i))
            y->started_ms[i] = now;
    if (!sh || !ts_shadow_fit(ts, sh, build)) {
        /* No memory for a copy (the view says so), or a rebuild came first. */
        if (!sh || trainer_builds(t) == build) {
            ts->shadow_failed = true;
            ts_note_no_memory(ts);
        }
        y->refreshing = false;
        return;
    }
    ts->shadow_failed = false;
    ts_copy_params(sh->net, trainer_net(t));
    ts_job j = {
        .parts = parts, .net = sh->net, .d = trainer_data_hold(trainer_data_of(t)), .sick = ts_sick(t),
        .iterations = trainer_iterations(t), .build = build,
        .grid = sh->grid, .unit_grid = sh->unit_grid, .sweep_grid = sh->sweep_grid, .unit_p = sh->unit_p,
    };
    if (parts & TS_PART_MAPS)
        ts_job_sweep(&j, ts, true);
    long sweep_gen = ts->sweep_gen;
    pthread_mutex_unlock(&y->lock);
    bool done = ts_job_run(&j, ts);
    pthread_mutex_lock(&y->lock);
    if (done && trainer_builds(t) == build) {
        if (ts->sweep_gen != sweep_gen)
            for (int i = 0; i < TRAINER_SWEEP_COUNT; i++) {
                free(j.sweep_p[i]);
                j.sweep_p[i] = NULL;
            }
        ts_job_publish(&j, ts);
        for (int i = 0; i < 2; i++)
            if (parts & (1u << i))
                y->cost_ms[i] = j.cost_ms[i];
        ts->fresh = true;
    }
    sh->grid = j.grid;
    sh->unit_p = j.unit_p;
    free(j.p_test);
    for (int i = 0; i < TRAINER_SWEEP_COUNT; i++) {
        free(j.sweep_p[i]);
        nn_free((nn_net *)j.sweep_nets[i]);
    }
    trainer_data_release(j.d);
    y->refreshing = false;
}
