/*
 * trainer_change.c — the keys that need a new network (a, d, t, ↑/↓, e, r):
 * the model's plan (lab/trainer.h: plan, build, apply) built at once when
 * it is small, on a thread of its own when it is not, and one note for each
 * change once it is in.
 *
 *   key (UI thread, lock held) ──► plan; refused at once? note the reason
 *     small (< TS_BUILD_AWAY_BYTES) or no worker ──► build + apply now, note
 *     big ──► thread: trainer_plan_build ──► state DONE
 *             note "Building …"; the network on screen trains on
 *   tick (lock held) ──► DONE? join, apply (or the reason), note, refresh
 *   leaving the screen ──► RUNNING? the thread is left to finish and free
 *                          the job itself (q never waits for a build)
 *
 * The thread shares nothing with the screen but the job: the plan (which
 * holds its own reference to the data it builds on) and `state`, which
 * decides once who frees the job: the tick after DONE, or the thread after
 * ABANDONED.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../thread.h"
#include "trainer_screen_internal.h"

enum { TS_JOB_RUNNING, TS_JOB_DONE, TS_JOB_ABANDONED };

struct ts_change_job {
    pthread_t thread;
    trainer_plan *plan;
    ts_change change;
    atomic_int state;
    bool ok;                 /* trainer_plan_build's result, valid once DONE */
    char err[200];
};

static void ts_change_job_free(ts_change_job *job)
{
    trainer_plan_free(job->plan);
    free(job);
}

static void *ts_change_thread(void *arg)
{
    ts_change_job *job = arg;
    job->ok = trainer_plan_build(job->plan, job->err, sizeof job->err);
    int running = TS_JOB_RUNNING;
    if (!atomic_compare_exchange_strong(&job->state, &running, TS_JOB_DONE))
        ts_change_job_free(job); /* the screen has gone: nobody else will */
    return NULL;
}

/* The note of a change that is in, from the model as it now is. */
static void ts_note_change(trainer_screen *ts, const ts_change *c, unsigned chose)
{
    char ien[96], izh[96];
    switch (c->kind) {
    case TS_CHANGE_ACTIVATION:
        ts_note_rebuilt(ts, "Hidden activation %s", "隐藏层激活函数 %s", act_label(c->act));
        break;
    case TS_CHANGE_DATASET:
        ts_note_rebuilt(ts, "Data set %s", "数据集 %s", c->name);
        break;
    case TS_CHANGE_SPLIT:
        if (c->split_on)
            ts_notef(ts, false, "Test set on: %.0f%% of the points held out (drawn as squares), never trained on; its "
                     "accuracy on the status line, its cost beside the training cost. t: off.",
                     "测试集已开启：留出 %.0f%% 的点（方块）不参与训练；状态行显示其准确率，代价曲线旁显示其代价。按 t 关闭。",
                     100 * TRAINER_TOGGLE_SPLIT);
        else
            ts_note(ts, false, "Test set off: every point trains again (network rebuilt).",
                    "测试集已关闭：所有点重新参与训练（网络已重建）。");
        break;
    case TS_CHANGE_HIDDEN:
        ts_note_rebuilt(ts, "%d hidden units", "%d 个隐藏单元", c->n_h);
        break;
    case TS_CHANGE_LAYERS:
        if (chose) {
            char en[160], zh[160];
            ts_deep_default_words(chose, en, sizeof en, zh, sizeof zh);
            ts_notef(ts, false, "Layers %s: a deep net, so week 4's defaults %s%.0s; iterations count from 0.",
                     "层 %s：深层网络，使用第 4 周的默认设置 %.0s%s；迭代从 0 重新计数。", c->name, en, zh);
        } else {
            ts_note_rebuilt(ts, "Layers %s", "层 %s", c->name);
        }
        break;
    case TS_CHANGE_REINIT:
        ts_init_words(ts->model, ien, sizeof ien, izh, sizeof izh);
        ts_notef(ts, false, "Re-initialised: %s again%.0s; iterations count from 0.", "已重新初始化：%.0s%s；迭代从 0 重新计数。",
                 ien, izh);
        break;
    }
}

/* The plan is in (ok) or was refused: the note, and fresh caches. */
static void ts_change_done(trainer_screen *ts, trainer_plan *p, const ts_change *c, bool built, const char *err)
{
    unsigned chose = 0;
    if (!built && c->kind == TS_CHANGE_LAYERS) {
        ts_notef(ts, true, "Layers not changed: %s.", "层未改变：%s。", err);
    } else if (!built) {
        ts_notef(ts, true, "Not changed: %s", "未改变：%s", err);
    } else if (!trainer_plan_apply(ts->model, p, &chose)) {
        ts_note(ts, true, "Not changed: the data set changed while the network was built.",
                "未改变：构建网络期间数据集已改变。");
    } else {
        if (c->kind != TS_CHANGE_REINIT)
            ts_drop_sweep_maps(ts);
        ts_note_change(ts, c, chose);
    }
}

unsigned ts_change_start(trainer_screen *ts, trainer_plan *p, const ts_change *c, ui_ctx *ctx)
{
    char err[200] = "";
    size_t bytes = trainer_plan_bytes(p);
    ts_change_job *job = NULL;
    if (ts->sync->started && bytes >= TS_BUILD_AWAY_BYTES && (job = calloc(1, sizeof *job)) != NULL) {
        job->plan = p;
        job->change = *c;
        atomic_init(&job->state, TS_JOB_RUNNING);
        if (ui_thread_start(&job->thread, ts_change_thread, job) == 0) {
            ts->change = job;
            ts_notef(ts, false, "Building the new network (%.0f MB) on its own thread; the one on screen trains on "
                     "until it is ready.", "正在另一线程上构建新网络（%.0f MB）；在它完成之前，屏幕上的网络继续训练。",
                     (double)bytes / (1 << 20));
            return UI_REDRAW | UI_ANIMATE;
        }
        free(job); /* no thread: build it here */
    }
    bool built = trainer_plan_build(p, err, sizeof err);
    ts_change_done(ts, p, c, built, err);
    trainer_plan_free(p);
    return built ? ts_after(ts, ctx) : UI_REDRAW;
}

bool ts_change_poll(trainer_screen *ts)
{
    ts_change_job *job = ts->change;
    if (!job || atomic_load(&job->state) != TS_JOB_DONE)
        return false;
    pthread_join(job->thread, NULL);
    ts->change = NULL;
    ts_change_done(ts, job->plan, &job->change, job->ok, job->err);
    ts_change_job_free(job);
    if (ts->sync->started)
        ts_want_refresh(ts);
    return true;
}

bool ts_change_busy(const trainer_screen *ts)
{
    return ts->change != NULL;
}

bool ts_change_refuses(trainer_screen *ts)
{
    if (!ts->change)
        return false;
    ts_note(ts, false, "Still building the new network; this key works once it is in (q leaves at once).",
            "仍在构建新网络；完成后此键才可用（按 q 可立即离开）。");
    return true;
}

void ts_change_stop(trainer_screen *ts)
{
    ts_change_job *job = ts->change;
    if (!job)
        return;
    ts->change = NULL;
    int running = TS_JOB_RUNNING;
    if (atomic_compare_exchange_strong(&job->state, &running, TS_JOB_ABANDONED)) {
        pthread_detach(job->thread); /* it frees the job when its build ends */
        return;
    }
    pthread_join(job->thread, NULL);
    ts_change_job_free(job);
}
