/*
 * trainer_report.c — the trainer's R key: the lab report (src/report) of
 * the run on screen, written on a thread of its own while the screen goes on
 * drawing and training.
 *
 *   R (UI thread, lock held)
 *     ──► run_spec of the run now: its settings, iterations = those done (≥ 1)
 *     ──► thread: report_write(dnn-tutor-report-<local time>.md) ──► done := true
 *   tick (UI thread) ──► done? join, note "Report written to …" or the error
 *   leaving the screen ──► cancel := true, join (the report's training stops
 *                          at its next iteration; nothing is left behind)
 *
 * The thread shares nothing with the screen but the job below: its own copy
 * of the request, `cancel` (set by the UI thread) and `done` (set by the
 * thread after rc and err, which the UI thread reads only after seeing it).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../../data/dataset.h"
#include "../../lab/run.h"
#include "../../report/report.h"
#include "../thread.h"
#include "trainer_screen_internal.h"

struct ts_report_job {
    pthread_t thread;
    report_request req;     /* req.out_path points at path */
    char path[4096];        /* absolute: the note says where the file is, whatever the reader's directory */
    atomic_bool cancel;
    atomic_bool done;
    int rc;                 /* report_write's status, valid once done */
    char err[512];
};

void ts_report_spec(const trainer *t, run_spec *out)
{
    *out = *trainer_spec(t);
    out->lr = trainer_lr(t);
    out->given |= RUNSPEC_GIVEN(RUNSPEC_LR);
    long done = trainer_iterations(t);
    out->iterations = done > 0 ? done : 1;
    if (trainer_zero_initialised(t))
        out->init = NN_INIT_ZEROS;
    /* The split the trainer added on its own (it loads with the suggested
     * split), so the report trains on the same examples. */
    out->test_split = run_test_split(out, true);
}

bool ts_report_path(char *buf, size_t size)
{
    char stamp[32];
    if (!buf || size == 0 || !getcwd(buf, size))
        return false;
    size_t dir = strlen(buf);
    if (dir > 0 && buf[dir - 1] == '/')
        dir--;
    time_t now = time(NULL);
    struct tm tm;
    if (!localtime_r(&now, &tm) || !strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm))
        return false;
    for (int k = 1; k < 100; k++) {
        int n = k == 1 ? snprintf(buf + dir, size - dir, "/dnn-tutor-report-%s.md", stamp)
                       : snprintf(buf + dir, size - dir, "/dnn-tutor-report-%s-%d.md", stamp, k);
        if (n < 0 || (size_t)n >= size - dir)
            return false;
        if (access(buf, F_OK) != 0)
            return true;
    }
    return false;
}

static void *ts_report_main(void *arg)
{
    ts_report_job *job = arg;
    job->rc = report_write(&job->req, job->err, sizeof job->err);
    atomic_store(&job->done, true);
    return NULL;
}

bool ts_report_busy(const trainer_screen *ts)
{
    return ts->report != NULL;
}

void ts_report_start(trainer_screen *ts, const ui_ctx *ctx)
{
    if (ts->report) {
        ts_note(ts, false, "A report is being written already; it will say here when it is done.",
                "报告正在写入中；完成后会在这里说明。");
        return;
    }
    ts_report_job *job = calloc(1, sizeof *job);
    if (!job) {
        ts_note(ts, true, "Report not written: out of memory.", "报告未写入：内存不足。");
        return;
    }
    if (!ts_report_path(job->path, sizeof job->path)) {
        free(job);
        ts_note(ts, true, "Report not written: no free file name dnn-tutor-report-<time>.md here.",
                "报告未写入：当前目录中没有可用的文件名 dnn-tutor-report-<时间>.md。");
        return;
    }
    ts_report_spec(ts->model, &job->req.spec);
    job->req.lang = ctx->lang == UI_LANG_ZH ? REPORT_ZH : REPORT_EN;
    job->req.format = REPORT_MD;
    job->req.out_path = job->path;
    job->req.cancel = &job->cancel;
    atomic_init(&job->cancel, false);
    atomic_init(&job->done, false);
    if (ui_thread_start(&job->thread, ts_report_main, job) != 0) {
        free(job);
        ts_note(ts, true, "Report not written: cannot start a thread for it.", "报告未写入：无法为它启动线程。");
        return;
    }
    ts->report = job;
    char en[512], zh[512];
    snprintf(en, sizeof en,
             "Writing report... the run is retrained from its seed: %ld iterations at lr %g, then the "
             "sweep and the rate comparison.", job->req.spec.iterations, job->req.spec.lr);
    snprintf(zh, sizeof zh, "正在写报告……按种子重新训练本次运行：学习率 %g 下 %ld 次迭代，然后是隐藏单元扫描和学习率比较。",
             job->req.spec.lr, job->req.spec.iterations);
    ts_note(ts, false, en, zh);
}

/* Joins the finished (or cancelled) thread and frees the job. */
static void ts_report_join(trainer_screen *ts)
{
    pthread_join(ts->report->thread, NULL);
    free(ts->report);
    ts->report = NULL;
}

bool ts_report_poll(trainer_screen *ts)
{
    ts_report_job *job = ts->report;
    if (!job || !atomic_load(&job->done))
        return false;
    if (job->rc == 0) {
        ts_notef(ts, false, "Report written to %s (its figures, *.svg, beside it).", "报告已写入 %s（图 *.svg 在同一目录）。",
                 job->path);
    } else {
        ts_notef(ts, true, "Report not written: %s.", "报告未写入：%s。", job->err);
    }
    ts_report_join(ts);
    return true;
}

void ts_report_stop(trainer_screen *ts)
{
    if (!ts->report)
        return;
    atomic_store(&ts->report->cancel, true);
    ts_report_join(ts);
}
