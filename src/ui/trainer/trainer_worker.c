/*
 * trainer_worker.c — training behind the screen: a worker thread runs the
 * iterations while the UI thread draws, and the tick keeps the caches the
 * view draws from fresh at a bounded rate.
 *
 *   UI thread                               worker thread
 *   ─────────                               ─────────────
 *   key   → lock, change model, unlock ──►  wakes, runs chunks of ~1 ms:
 *   tick  → lock, it/s, caches*, unlock        lock · trainer_run / sweep_work · unlock
 *   render→ lock, draw, unlock                 (lets a waiting UI thread in first)
 *   * the prediction grid and accuracies every ≥ 100 ms, not every frame
 *
 * If the thread cannot be created the tick trains inline for its budget
 * instead, which is slower but the same to the learner.
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>

#include "../thread.h"
#include "monoclock.h"
#include "trainer_screen_internal.h"

ts_sync *ts_sync_new(void)
{
    ts_sync *y = calloc(1, sizeof *y);
    if (!y)
        return NULL;
    if (pthread_mutex_init(&y->lock, NULL) != 0) {
        free(y);
        return NULL;
    }
    if (pthread_cond_init(&y->wake, NULL) != 0) {
        pthread_mutex_destroy(&y->lock);
        free(y);
        return NULL;
    }
    atomic_init(&y->ui_waiting, 0);
    return y;
}

void ts_lock(const trainer_screen *ts)
{
    atomic_fetch_add(&ts->sync->ui_waiting, 1);
    pthread_mutex_lock(&ts->sync->lock);
    atomic_fetch_sub(&ts->sync->ui_waiting, 1);
}

void ts_unlock(const trainer_screen *ts)
{
    pthread_cond_signal(&ts->sync->wake);
    pthread_mutex_unlock(&ts->sync->lock);
}

void ts_sync_stop(trainer_screen *ts)
{
    ts_sync *y = ts->sync;
    if (!y)
        return;
    if (y->started) {
        pthread_mutex_lock(&y->lock);
        y->quit = true;
        pthread_cond_signal(&y->wake);
        pthread_mutex_unlock(&y->lock);
        pthread_join(y->thread, NULL);
    }
    pthread_cond_destroy(&y->wake);
    pthread_mutex_destroy(&y->lock);
    free(y);
    ts->sync = NULL;
}

bool ts_busy(const trainer_screen *ts)
{
    if (ts->editing)
        return false;
    if (ts->view == TS_VIEW_SWEEP)
        return trainer_sweep_active(ts->model) && !trainer_sweep_finished(ts->model);
    return trainer_state_of(ts->model) == TRAINER_RUNNING;
}

/* Iterations run by the live network and the sweep together (for it/s). */
static long ts_work_count(const trainer_screen *ts)
{
    long n = trainer_clock(ts->model);
    const trainer_sweep_entry *e;
    size_t k = trainer_sweep_entries(ts->model, &e);
    for (size_t i = 0; i < k; i++)
        n += e[i].done;
    return n;
}

/* One chunk of work; adapts ts->chunk so a chunk takes about a millisecond
 * (the longest a key waits for the lock). Lock held. */
static double ts_work_chunk(trainer_screen *ts)
{
    double c0 = 1000.0 * mono_seconds(), wait_ms = 0;
    long ran, want = ts->chunk;
    if (ts->view == TS_VIEW_SWEEP) {
        ran = trainer_sweep_work(ts->model, want);
    } else {
        /* The pace and the stops (trainer_pace.c) say how many may run now. */
        want = ts_pace_allow(ts, want, c0, &wait_ms);
        if (want == 0)
            return wait_ms;
        ran = trainer_run(ts->model, want);
        ts_pace_ran(ts, ran);
    }
    double took = 1000.0 * mono_seconds() - c0;
    if (ran == want && want == ts->chunk && took < 0.5 && ts->chunk < (1L << 20))
        ts->chunk *= 2;
    else if (took > 2.0 && ts->chunk > 1)
        ts->chunk /= 2;
    return 0;
}

static void *ts_worker(void *arg)
{
    trainer_screen *ts = arg;
    ts_sync *y = ts->sync;
    pthread_mutex_lock(&y->lock);
    while (!y->quit) {
        if (!ts_busy(ts)) {
            pthread_cond_wait(&y->wake, &y->lock);
            continue;
        }
        double wait_ms = ts_work_chunk(ts);
        if (wait_ms > 0) {
            /* A slow pace: sleep until the next iteration is due (a key wakes it). */
            struct timespec until;
            clock_gettime(CLOCK_REALTIME, &until);
            long ns = until.tv_nsec + (long)(wait_ms * 1e6);
            until.tv_sec += ns / 1000000000L;
            until.tv_nsec = ns % 1000000000L;
            pthread_cond_timedwait(&y->wake, &y->lock, &until);
            continue;
        }
        pthread_mutex_unlock(&y->lock);
        /* A mutex is not fair: step aside while the UI thread wants in. */
        while (atomic_load(&y->ui_waiting) > 0)
            sched_yield();
        pthread_mutex_lock(&y->lock);
    }
    pthread_mutex_unlock(&y->lock);
    return NULL;
}

void ts_take_facts(trainer_screen *ts)
{
    const nn_net *net = trainer_net(ts->model);
    ts->facts.running = trainer_state_of(ts->model) == TRAINER_RUNNING;
    ts->facts.single = trainer_single_hidden(ts->model);
    ts->facts.maps = nn_layers(net) >= 2 && nn_dim(net, 0) == 2;
}

/* The status line's numbers, all of the network as it is now (one moment:
 * the iteration shown is the one the cost and accuracy belong to). */
static void ts_measure_locked(trainer_screen *ts)
{
    double m0 = 1000.0 * mono_seconds();
    trainer_measure_now(ts->model, &ts->now);
    ts->acc_train = ts->now.acc_train;
    ts->acc_test = ts->now.acc_test;
    ts->measure_ms = 1000.0 * mono_seconds() - m0;
}

void ts_refresh_locked(trainer_screen *ts, const ui_ctx *ctx)
{
    ts_take_facts(ts);
    double t0 = 1000.0 * mono_seconds();
    trainer *t = ts->model;
    const trainer_data *d = trainer_data_of(t);
    const nn_net *net = trainer_net(t);
    bool sick = trainer_state_of(t) == TRAINER_DIVERGED && trainer_divergence_of(t) == TRAINER_DIV_NONFINITE;
    if (nn_dim(net, 0) == 2) {
        trainer_grid_predict(ts->grid, net, d->lo, d->hi); /* NAN pixels when not finite */
        ts->unit_n = trainer_grid_units(ts->unit_grid, net, d->lo, d->hi, ts->unit_p, TS_UNIT_MAX);
    } else {
        ts->unit_n = 0;
    }
    ts_measure_locked(ts);
    free(ts->p_test);
    ts->p_test = NULL;
    ts->p_test_n = 0;
    if (d->X_test && !sick) {
        mat *P = mat_new(1, d->X_test->cols);
        if (P && nn_predict_proba(net, d->X_test, P) == NN_OK) {
            ts->p_test = P->v;
            ts->p_test_n = P->cols;
            P->v = NULL;
        }
        mat_free(P);
    }
    /* The sweep: a map for every size that is done and has none yet. */
    const trainer_sweep_entry *e;
    size_t n = trainer_sweep_entries(t, &e);
    for (size_t i = 0; i < n; i++) {
        bool done = e[i].done >= e[i].total || e[i].diverged;
        if (done && !ts->sweep_p[i] && nn_dim(e[i].net, 0) == 2) {
            ts->sweep_p[i] = malloc((size_t)TS_SWEEP_W * TS_SWEEP_H * sizeof(float));
            if (ts->sweep_p[i]) {
                trainer_grid_predict(ts->sweep_grid, e[i].net, d->lo, d->hi);
                memcpy(ts->sweep_p[i], ts->sweep_grid->p, (size_t)TS_SWEEP_W * TS_SWEEP_H * sizeof(float));
            }
        }
    }
    ts->dirty = false;
    ts->refreshed_ms = ctx->now_ms;
    ts->refresh_cost_ms = 1000.0 * mono_seconds() - t0;
}

void trainer_screen_refresh(ui_screen *s, const ui_ctx *ctx)
{
    trainer_screen *ts = (trainer_screen *)s;
    ts_lock(ts);
    ts_refresh_locked(ts, ctx);
    ts_unlock(ts);
}

/* Training inside the tick for budget_ms, when there is no worker. */
static void ts_train_inline(trainer_screen *ts, double budget_ms)
{
    double end = 1000.0 * mono_seconds() + (budget_ms > 0 ? budget_ms : 0);
    do
        if (ts_work_chunk(ts) > 0)
            break; /* the pace: the next iteration is for a later tick */
    while (ts_busy(ts) && 1000.0 * mono_seconds() < end);
}

unsigned ts_tick(ui_screen *s, double budget_ms, ui_ctx *ctx)
{
    trainer_screen *ts = (trainer_screen *)s;
    ts_sync *y = ts->sync;
    unsigned out = UI_NOTHING;
    ts_lock(ts);
    bool busy = ts_busy(ts);
    if (busy && !y->started && !y->failed) {
        if (ui_thread_start(&y->thread, ts_worker, ts) == 0)
            y->started = true;
        else
            y->failed = true;
    }
    if (busy && y->failed)
        ts_train_inline(ts, budget_ms);
    /* The tick runs only while the screen animates; not busy now means the
     * work stopped by itself since the last tick (a pause at stop_at, the end
     * of a sweep): draw that last state once. */
    ts->dirty = true;
    out |= UI_REDRAW;
    trainer_state st = trainer_state_of(ts->model);
    if (st == TRAINER_DIVERGED && !ts->div_noted && ts->view == TS_VIEW_TRAIN) {
        ts_note_divergence(ts);
        ts->div_noted = true;
        ts->dirty = true;
        out |= UI_REDRAW;
    } else if (st != TRAINER_DIVERGED) {
        ts->div_noted = false;
    }
    if (ts_report_poll(ts))
        out |= UI_REDRAW;
    /* it/s over windows of half a second of the loop's clock. */
    long work = ts_work_count(ts);
    double since = ctx->now_ms - ts->rate_t0;
    if (!busy) {
        if (ts->rate != 0)
            out |= UI_REDRAW;
        ts->rate = 0;
        ts->rate_t0 = ctx->now_ms;
        ts->rate_work0 = work;
    } else if (since >= 500.0) {
        ts->rate = (double)(work - ts->rate_work0) * 1000.0 / since;
        ts->rate_t0 = ctx->now_ms;
        ts->rate_work0 = work;
    }
    /* The caches at a bounded rate: every TS_REFRESH_MS, or less often when a
     * refresh is expensive (a wide network), so it never takes over 5%. */
    double interval = ts->refresh_cost_ms * 20.0 > TS_REFRESH_MS ? ts->refresh_cost_ms * 20.0 : TS_REFRESH_MS;
    if (ts->dirty && (ctx->now_ms - ts->refreshed_ms >= interval || !busy)) {
        ts_refresh_locked(ts, ctx);
        out |= UI_REDRAW;
    } else if (busy && ts->view == TS_VIEW_TRAIN && ts->measure_ms < 1.0) {
        /* The numbers every frame when that is cheap (a small network). */
        ts_measure_locked(ts);
    }
    if (ts_busy(ts) || ts_report_busy(ts))
        out |= UI_ANIMATE;
    ts_take_facts(ts);
    ts_unlock(ts);
    return out;
}
