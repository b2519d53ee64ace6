/*
 * trainer_worker.c — training behind the screen: a worker thread runs the
 * iterations and computes the caches the view draws from, while the UI
 * thread only draws and handles keys.
 *
 *   UI thread                               worker thread
 *   ─────────                               ─────────────
 *   key   → lock, change model,  ───────►   wakes; refreshes when asked, the
 *           ask for a refresh, unlock       numbers about every frame, the maps
 *                                           every ≥ 80 ms (trainer_refresh.c:
 *   tick  → lock, it/s, new caches?         the heavy part with the lock released);
 *           → redraw, unlock                between, chunks of ~1 ms:
 *   render→ lock, draw, unlock                lock · trainer_run_pausing · unlock
 *                                             (a waiting UI thread gets in
 *                                              after one matrix operation)
 *
 * If the thread cannot be created the tick trains and refreshes inline
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
        ts_lock(ts); /* announced: a worker inside an iteration lets go after its current operation */
        y->quit = true;
        ts_unlock(ts);
        pthread_join(y->thread, NULL);
    }
    ts_shadow_free(y->shadow);
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
    if (ts->view == TS_VIEW_RATES)
        return trainer_rates_active(ts->model) && !trainer_rates_finished(ts->model);
    return trainer_state_of(ts->model) == TRAINER_RUNNING || ts->step_wanted;
}

/* Iterations run by the live network and the sweep together (for it/s). */
static long ts_work_count(const trainer_screen *ts)
{
    long n = trainer_clock(ts->model);
    const trainer_sweep_entry *e;
    size_t k = trainer_sweep_entries(ts->model, &e);
    for (size_t i = 0; i < k; i++)
        n += e[i].done;
    const trainer_rate_entry *r;
    k = trainer_rates_entries(ts->model, &r);
    for (size_t i = 0; i < k; i++)
        n += r[i].done;
    return n;
}

/* trainer_run_pausing's hook (worker, lock held): let go inside an
 * iteration when the UI thread waits for the lock or a refresh is due. */
static bool ts_let_go(void *user)
{
    const trainer_screen *ts = user;
    return atomic_load(&ts->sync->ui_waiting) > 0 || ts_parts_due(ts, 1000.0 * mono_seconds(), true) != 0;
}

/* Whether one iteration of the live network is long enough (about
 * TS_WIDE_MADDS multiply-adds: forward, backward and the gradients, ~3
 * products a layer) to be run operation by operation, so a key or a refresh
 * never waits for a whole one. A small network's iterations (microseconds)
 * are never cut: the UI thread then finds it between two, where it can
 * measure it every frame. */
static bool ts_wide(const trainer_screen *ts)
{
    const nn_net *net = trainer_net(ts->model);
    double madds = 0;
    for (int l = 1; l <= nn_layers(net); l++)
        madds += 3.0 * nn_dim(net, l) * nn_dim(net, l - 1);
    return madds * (double)nn_examples(net) >= TS_WIDE_MADDS;
}

/* One chunk of work; adapts ts->chunk so a chunk takes about a millisecond
 * (the longest a key waits for the lock). Lock held. */
static double ts_work_chunk(trainer_screen *ts)
{
    double c0 = 1000.0 * mono_seconds(), wait_ms = 0;
    long ran, want = ts->chunk;
    /* A wide network's iterations run operation by operation, letting go
     * for a waiting key or a due refresh (the sweep's and the comparison's
     * networks are as wide as the live one, or about). */
    bool (*let_go)(void *) = ts->sync->started && ts_wide(ts) ? ts_let_go : NULL;
    if (ts->view == TS_VIEW_SWEEP) {
        ran = trainer_sweep_work(ts->model, want, let_go, ts);
    } else if (ts->view == TS_VIEW_RATES) {
        ran = trainer_rates_work(ts->model, want, let_go, ts);
    } else if (ts->step_wanted) {
        /* s on a wide network: one iteration, cut where a key waits — of the
         * network s was pressed on: one rebuilt or re-initialised since (z,
         * r, a, … while the step waited) starts at iteration 0 as its note says. */
        if (ts->step_build != trainer_builds(ts->model)) {
            ts->step_wanted = false;
            return 0;
        }
        ran = trainer_run_pausing(ts->model, 1, ts_let_go, ts);
        if (ran == 1 || trainer_state_of(ts->model) == TRAINER_DIVERGED) {
            ts->step_wanted = false;
            ts->step_done = true;
        }
        return 0;
    } else {
        /* The pace and the stops (trainer_pace.c) say how many may run now. */
        want = ts_pace_allow(ts, want, c0, &wait_ms);
        if (want == 0)
            return wait_ms;
        ran = let_go ? trainer_run_pausing(ts->model, want, let_go, ts) : trainer_run(ts->model, want);
        ts_pace_ran(ts, ran);
    }
    double took = 1000.0 * mono_seconds() - c0;
    if (ran == want && want == ts->chunk && took < 0.5 && ts->chunk < (1L << 20))
        ts->chunk *= 2;
    else if (took > 2.0 && ts->chunk > 1)
        ts->chunk /= 2;
    return 0;
}

unsigned ts_parts_due(const trainer_screen *ts, double now_ms, bool busy)
{
    const ts_sync *y = ts->sync;
    if (y->refresh_wanted)
        return TS_PARTS;
    static const double shares[2] = {TS_MAPS_SHARE, TS_NUMBERS_SHARE};
    static const double every_ms[2] = {TS_MAPS_MS, TS_NUMBERS_MS};
    unsigned due = 0;
    for (int i = 0; busy && i < 2; i++) {
        if ((1u << i) == TS_PART_NUMBERS && ts_numbers_current(ts))
            continue;
        double share = y->cost_ms[i] * shares[i];
        if (now_ms - y->started_ms[i] >= (share > every_ms[i] ? share : every_ms[i]))
            due |= 1u << i;
    }
    return due;
}

static void *ts_worker(void *arg)
{
    trainer_screen *ts = arg;
    ts_sync *y = ts->sync;
    pthread_mutex_lock(&y->lock);
    while (!y->quit) {
        bool busy = ts_busy(ts);
        /* Asked for (a key, or the work stopping by itself), or due while training. */
        unsigned due = ts_parts_due(ts, 1000.0 * mono_seconds(), busy);
        if (due) {
            y->refresh_wanted = false;
            ts_refresh_async(ts, due);
            continue;
        }
        if (!busy) {
            pthread_cond_wait(&y->wake, &y->lock);
            continue;
        }
        double wait_ms = ts_work_chunk(ts);
        /* The work stopped by itself (a pause at stop_at, the end of a
         * sweep): its last state is to be drawn, so a refresh is asked for
         * before the lock is let go (a tick in between keeps ticking). */
        if (!ts_busy(ts))
            y->refresh_wanted = true;
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

bool ts_step_away(trainer_screen *ts)
{
    if (!ts->sync->started || !ts_wide(ts))
        return false;
    ts->step_wanted = true;
    ts->step_done = false;
    ts->step_build = trainer_builds(ts->model);
    pthread_cond_signal(&ts->sync->wake);
    return true;
}

void ts_want_refresh(trainer_screen *ts)
{
    ts->sync->refresh_wanted = true;
    pthread_cond_signal(&ts->sync->wake);
}

bool ts_refresh_pending(const trainer_screen *ts)
{
    return ts->sync->refresh_wanted || ts->sync->refreshing;
}

void ts_take_facts(trainer_screen *ts)
{
    const nn_net *net = trainer_net(ts->model);
    ts->facts.running = trainer_state_of(ts->model) == TRAINER_RUNNING;
    ts->facts.single = trainer_single_hidden(ts->model);
    ts->facts.maps = nn_layers(net) >= 2 && nn_dim(net, 0) == 2;
    ts->facts.plane = nn_dim(net, 0) == 2;
}

/* The status line's numbers, all of the network as it is now (one moment:
 * the iteration shown is the one the cost and accuracy belong to). */
static void ts_measure_locked(trainer_screen *ts)
{
    double m0 = 1000.0 * mono_seconds();
    trainer_measure m;
    trainer_measure_now(ts->model, &m);
    ts_take_numbers(ts, &m, trainer_builds(ts->model), 1000.0 * mono_seconds() - m0);
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
    if (!y->started && !y->failed) {
        /* The first tick: from now on the worker computes every refresh. */
        if (ui_thread_start(&y->thread, ts_worker, ts) == 0)
            y->started = true;
        else
            y->failed = true;
    }
    if (y->failed) {
        if (busy)
            ts_train_inline(ts, budget_ms);
        double now = 1000.0 * mono_seconds();
        /* Inline, every cache at once, at the maps' pace (the numbers of a
         * small network are measured every frame below). */
        if ((ts_parts_due(ts, now, busy) & TS_PART_MAPS) || !busy) {
            y->refresh_wanted = false;
            y->started_ms[0] = y->started_ms[1] = now;
            ts_refresh_locked(ts, ctx);
            out |= UI_REDRAW;
        }
    }
    if (busy)
        out |= UI_REDRAW; /* the status line moves */
    if (ts->fresh) {
        ts->fresh = false;
        out |= UI_REDRAW;
    }
    trainer_state st = trainer_state_of(ts->model);
    if (st == TRAINER_DIVERGED && !ts->div_noted && ts->view == TS_VIEW_TRAIN) {
        ts_note_divergence(ts);
        ts->div_noted = true;
        out |= UI_REDRAW;
    } else if (st != TRAINER_DIVERGED) {
        ts->div_noted = false;
    }
    if (ts_report_poll(ts))
        out |= UI_REDRAW;
    if (ts_change_poll(ts))
        out |= UI_REDRAW;
    if (ts->step_done) {
        ts->step_done = false;
        ts_note_step(ts);
        ts_want_refresh(ts);
        out |= UI_REDRAW;
    }
    /* it/s over windows of half a second of the loop's clock. */
    long work = ts_work_count(ts);
    double since = ctx->now_ms - ts->rate_t0;
    if (!busy) {
        if (ts->rate != 0)
            out |= UI_REDRAW;
        ts->rate = 0;
        ts->rate_t0 = ctx->now_ms;
        ts->rate_work0 = work;
    } else if (work < ts->rate_work0) {
        /* the sweep or the comparison started again (r, c): a new window */
        ts->rate_t0 = ctx->now_ms;
        ts->rate_work0 = work;
    } else if (since >= 500.0) {
        ts->rate = (double)(work - ts->rate_work0) * 1000.0 / since;
        ts->rate_t0 = ctx->now_ms;
        ts->rate_work0 = work;
    }
    /* The numbers every frame when that is cheap (a small network), between
     * two iterations (the cost of one part-way is not known yet); and once
     * when the network has stopped with older numbers on screen, if that is
     * quick, so "paused" comes with the iteration it paused at (otherwise the
     * refresh the stop asked for brings them, "pausing…" until then). */
    bool stale = !busy && !ts_numbers_current(ts);
    if ((busy || stale) && ts->view == TS_VIEW_TRAIN && ts->measure_ms < (busy ? 1.0 : TS_MEASURE_ONCE_MS) &&
        ts->shown_build == trainer_builds(ts->model) && !trainer_mid_iteration(ts->model)) {
        ts_measure_locked(ts);
        if (stale)
            out |= UI_REDRAW;
    }
    if (ts_busy(ts) || ts_report_busy(ts) || ts_change_busy(ts) || ts_refresh_pending(ts))
        out |= UI_ANIMATE;
    ts_take_facts(ts);
    ts_unlock(ts);
    return out;
}
