/*
 * trainer_pace.c — how fast and how far the live network trains: a pace a
 * person can watch (1, 10, 100, 1000 it/s or full speed), a pause every 1000
 * iterations (the notebooks print every 1000), a pause once at a lesson's
 * run length (or --iterations), and a pause by itself when the cost has
 * stopped changing. The worker asks before each chunk how many iterations it
 * may run (ts_pace_allow) and reports what it ran (ts_pace_ran).
 *
 *   pace p it/s since t0:  allowed = ⌊(now − t0)·p/1000⌋ − done since t0
 *   stops:                 the chunk ends at the next of stop_at and the
 *                          next multiple of pause_every
 */
#include <limits.h>
#include <math.h>
#include <stdio.h>

#include "trainer_screen_internal.h"

static const double pace_rates[TS_PACE_COUNT] = {1.0, 10.0, 100.0, 1000.0, 0.0}; /* 0 = full speed */

double ts_pace_rate(const trainer_screen *ts) { return pace_rates[ts->pace]; }

void ts_pace_restart(trainer_screen *ts, double now_ms)
{
    ts->pace_t0 = now_ms;
    ts->pace_done = 0;
}

bool ts_pace_step(trainer_screen *ts, int dir, double now_ms)
{
    int next = ts->pace + (dir > 0 ? 1 : -1);
    if (next < 0 || next >= TS_PACE_COUNT)
        return false;
    ts->pace = next;
    ts_pace_restart(ts, now_ms);
    return true;
}

/* The next iteration count at which training must stop (0 = none). */
static long ts_next_stop(const trainer_screen *ts)
{
    long it = trainer_iterations(ts->model), stop = 0;
    if (ts->stop_at > it)
        stop = ts->stop_at;
    if (ts->pause_every > 0) {
        long next = (it / ts->pause_every + 1) * ts->pause_every;
        if (!stop || next < stop)
            stop = next;
    }
    return stop;
}

long ts_pace_allow(const trainer_screen *ts, long want, double now_ms, double *wait_ms)
{
    *wait_ms = 0;
    long stop = ts_next_stop(ts);
    if (stop > 0 && stop - trainer_iterations(ts->model) < want)
        want = stop - trainer_iterations(ts->model);
    const double rate = pace_rates[ts->pace];
    if (rate <= 0 || ts->view != TS_VIEW_TRAIN)
        return want;
    double due = floor((now_ms - ts->pace_t0) * rate / 1000.0) - (double)ts->pace_done;
    if (due < 1) {
        /* The next iteration is due at t0 + (done + 1)/rate. */
        *wait_ms = ts->pace_t0 + ((double)ts->pace_done + 1.0) * 1000.0 / rate - now_ms;
        if (*wait_ms < 0.1)
            *wait_ms = 0.1;
        return 0;
    }
    return due < (double)want ? (long)due : want;
}

/* The pause when the cost went flat is once per run: a rebuild, a re-init or
 * a new rate (a marker) arms it again. */
static double ts_last_marker(const trainer *t)
{
    const trainer_marker *m;
    size_t n = trainer_markers(t, &m);
    return n ? m[n - 1].clock : -1.0;
}

void ts_pace_ran(trainer_screen *ts, long ran)
{
    trainer *t = ts->model;
    ts->pace_done += ran;
    if (trainer_state_of(t) != TRAINER_RUNNING)
        return;
    const long it = trainer_iterations(t);
    if (ts->stop_at > 0 && it == ts->stop_at) {
        ts->stop_at = 0;
        trainer_set_paused(t, true);
        ts_note_stopped(ts);
    } else if (ts->pause_every > 0 && ran > 0 && it % ts->pause_every == 0) {
        trainer_set_paused(t, true);
        trainer_measure m;
        trainer_measure_now(t, &m);
        ts_notef(ts, false, "Paused at iteration %ld (p: every %ld): cost %.6f. space goes on.",
                 "在第 %ld 次迭代暂停（p：每 %ld 次）：代价 %.6f。按空格继续。", it, ts->pause_every, m.cost);
    } else if (ts->flat_armed != ts_last_marker(t) && trainer_cost_flat(t)) {
        ts->flat_armed = ts_last_marker(t);
        trainer_set_paused(t, true);
        ts_notef(ts, false,
                 "Paused at iteration %ld by itself: the cost changed by less than %g%% over the last %d "
                 "iterations. space goes on.",
                 "在第 %1$ld 次迭代自动暂停：最近 %3$d 次迭代中代价的变化小于 %2$g%%。按空格继续。", it,
                 TRAINER_FLAT_REL * 100.0, TRAINER_FLAT_SPAN);
    }
}

void ts_pace_words(const trainer_screen *ts, char *en, size_t en_size, char *zh, size_t zh_size)
{
    const double rate = pace_rates[ts->pace];
    if (rate <= 0) {
        snprintf(en, en_size, "full speed");
        snprintf(zh, zh_size, "全速");
    } else {
        snprintf(en, en_size, "pace %g it/s", rate);
        snprintf(zh, zh_size, "速度 %g 次/秒", rate);
    }
}

/* stop_at: pause once at a lesson's run length or --iterations. */
static void ts_stop_at(ui_screen *s, long iterations, bool lesson)
{
    trainer_screen *ts = (trainer_screen *)s;
    ts_lock(ts);
    ts->stop_at = iterations > trainer_iterations(ts->model) ? iterations : 0;
    ts->stop_lesson = lesson;
    if (ts->stop_at > 0 && ts->view == TS_VIEW_TRAIN && !ts->note_warn) {
        /* One row: the status line may need two at 80 columns. */
        if (lesson)
            ts_notef(ts, false, "Training; it pauses at iteration %ld, the lesson's run. ? explains.",
                     "训练中；将在第 %ld 次迭代（本课的运行长度）暂停。? 查看说明。", ts->stop_at);
        else
            ts_notef(ts, false, "Training; it pauses at iteration %ld (--iterations). ? explains.",
                     "训练中；将在第 %ld 次迭代暂停（--iterations）。? 查看说明。", ts->stop_at);
    }
    ts_unlock(ts);
}

void trainer_screen_stop_at(ui_screen *s, long iterations) { ts_stop_at(s, iterations, true); }
void trainer_screen_stop_at_option(ui_screen *s, long iterations) { ts_stop_at(s, iterations, false); }
