/*
 * trainer_notes.c — the trainer screen's note line: what just happened, in
 * words, in both languages (the view shows the one ctx->lang asks for).
 *
 * One call writes a note in both languages: ts_notef formats the English and
 * the Chinese text from the same arguments, so a number is passed once.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>

#include "../../lab/run.h"
#include "trainer_screen_internal.h"

void ts_note(trainer_screen *ts, bool warn, const char *en, const char *zh)
{
    snprintf(ts->note_en, sizeof ts->note_en, "%s", en);
    snprintf(ts->note_zh, sizeof ts->note_zh, "%s", zh);
    ts->note_warn = warn;
}

void ts_notef(trainer_screen *ts, bool warn, const char *en_fmt, const char *zh_fmt, ...)
{
    va_list ap, again;
    va_start(ap, zh_fmt);
    va_copy(again, ap);
    vsnprintf(ts->note_en, sizeof ts->note_en, en_fmt, ap);
    vsnprintf(ts->note_zh, sizeof ts->note_zh, zh_fmt, again);
    va_end(again);
    va_end(ap);
    ts->note_warn = warn;
}

/* "seed 2 (×0.01)" / "seed 1 (/√n)" / "all zero": how fresh weights are made. */
void ts_init_words(const trainer *t, char *en, size_t en_size, char *zh, size_t zh_size)
{
    const run_spec *sp = trainer_spec(t);
    uint32_t seed = sp->seed_given ? sp->seed : nn_init_default_seed(sp->init);
    const char *formula = sp->init == NN_INIT_COURSE_W4 ? "randn/sqrt(n[l-1])" : "randn*0.01";
    if (sp->init == NN_INIT_ZEROS) {
        snprintf(en, en_size, "every weight 0");
        snprintf(zh, zh_size, "所有权重为 0");
        return;
    }
    snprintf(en, en_size, "fresh weights %s from seed %u", formula, (unsigned)seed);
    snprintf(zh, zh_size, "由种子 %u 重新生成权重 %s", (unsigned)seed, formula);
}

void ts_deep_default_words(unsigned chose, char *en, size_t en_size, char *zh, size_t zh_size)
{
    run_deep_default_words(chose, false, en, en_size); /* the words `train` says them in */
    run_deep_default_words(chose, true, zh, zh_size);
}

void ts_note_rebuilt(trainer_screen *ts, const char *what_en, const char *what_zh, ...)
{
    char ien[96], izh[96], wen[200], wzh[200];
    va_list ap, again;
    va_start(ap, what_zh);
    va_copy(again, ap);
    vsnprintf(wen, sizeof wen, what_en, ap);
    vsnprintf(wzh, sizeof wzh, what_zh, again);
    va_end(again);
    va_end(ap);
    ts_init_words(ts->model, ien, sizeof ien, izh, sizeof izh);
    ts_notef(ts, false, "%s%.0s: network rebuilt, %s%.0s; iterations count from 0.",
             "%.0s%s：网络已重建，%.0s%s；迭代从 0 重新计数。", wen, wzh, ien, izh);
}

void ts_note_step(trainer_screen *ts)
{
    trainer *t = ts->model;
    if (trainer_state_of(t) == TRAINER_DIVERGED)
        ts_note_divergence(ts);
    else
        ts_notef(ts, false, "One iteration: now %ld.", "运行了一次迭代：现在是第 %ld 次。", trainer_iterations(t));
}

void ts_note_divergence(trainer_screen *ts)
{
    trainer *t = ts->model;
    const long it = trainer_iterations(t);
    const double lr = trainer_lr(t);
    double sigma = NAN;
    const int n = trainer_saturation(t, &sigma);
    switch (trainer_divergence_of(t)) {
    case TRAINER_DIV_NONFINITE:
        ts_notef(ts, true,
                 "Diverged at iteration %ld: a weight became NaN/inf with lr %g. "
                 "The steps overshoot: lower the rate (\xe2\x86\x90), then r to start again.",
                 "第 %ld 次迭代发散：学习率 %g 下权重变成了 NaN/inf。步子太大：先降低学习率（←），再按 r 重新开始。",
                 it, lr);
        break;
    case TRAINER_DIV_SATURATED:
        /* The weights are fine; the cost's log is not. */
        ts_notef(ts, true,
                 "Stopped at iteration %ld: %d output(s) saturated, e.g. sigma = %.1f on a point labelled %d: "
                 "log(0), so J is infinite, though every weight is finite. Steps of lr %g push outputs to 0 or 1: "
                 "\xe2\x86\x90 for a smaller rate, then r.",
                 "第 %ld 次迭代停止：%d 个输出饱和，例如 σ = %.1f 而标签是 %d：log(0) 使代价 J 变为无穷大，"
                 "而所有权重仍是有限的。学习率 %g 的步子把输出推到 0 或 1：按 ← 减小学习率，再按 r。",
                 it, n, sigma, sigma > 0.5 ? 0 : 1, lr);
        break;
    default:
        ts_notef(ts, true,
                 "Diverging at iteration %ld: with lr %g the cost climbed to over twice where it was and "
                 "stays there, so the steps overshoot. Paused: try a smaller rate (\xe2\x86\x90); space goes on anyway.",
                 "第 %ld 次迭代开始发散：学习率 %g 下代价升到原来的两倍以上并停留在那里，步子太大。已暂停：试试更小的学习率（←）；按空格仍可继续。",
                 it, lr);
        break;
    }
}

void ts_note_stopped(trainer_screen *ts)
{
    /* One row: the status line beside it already shows cost and accuracy. */
    if (ts->stop_lesson)
        ts_notef(ts, false, "Paused at iteration %ld, where the lesson's run ends; space trains on.",
                 "在第 %ld 次迭代暂停，本课的运行到此为止；按空格继续训练。", trainer_iterations(ts->model));
    else
        ts_notef(ts, false, "Paused at iteration %ld, as --iterations asked; space trains on.",
                 "按 --iterations 的要求在第 %ld 次迭代暂停；按空格继续训练。", trainer_iterations(ts->model));
}

/* The opening note: what trains, and which defaults the deep rule chose
 * (one row at 80 columns: the status line may take two). */
void ts_note_opening(trainer_screen *ts, unsigned chose)
{
    if (!chose) {
        ts_note(ts, false, "Training. space pauses, \xe2\x86\x90/\xe2\x86\x92 change the rate, ? explains the screen.",
                "训练中。空格暂停，←/→ 调整学习率，? 查看说明。");
        return;
    }
    char en[160], zh[160];
    ts_deep_default_words(chose, en, sizeof en, zh, sizeof zh);
    ts_notef(ts, false, "Week 4's defaults for a deep net: %s%.0s.",
             "深层网络使用第 4 周的默认设置：%.0s%s。", en, zh);
}
