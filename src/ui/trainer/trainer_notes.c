/*
 * trainer_notes.c — the trainer screen's note line: what just happened, in
 * words, in both languages (the view shows the one ctx->lang asks for).
 */
#include <stdio.h>

#include "trainer_screen_internal.h"

void ts_note(trainer_screen *ts, bool warn, const char *en, const char *zh)
{
    snprintf(ts->note_en, sizeof ts->note_en, "%s", en);
    snprintf(ts->note_zh, sizeof ts->note_zh, "%s", zh);
    ts->note_warn = warn;
}

const char *ts_act_label(act_kind k)
{
    switch (k) {
    case ACT_TANH: return "tanh";
    case ACT_RELU: return "ReLU";
    case ACT_LEAKY_RELU: return "Leaky ReLU";
    default: return "sigmoid";
    }
}

/* "seed 2 (×0.01)" / "seed 1 (/√n)" / "all zero": how fresh weights are made. */
void ts_init_words(const trainer *t, char *en, size_t en_size, char *zh, size_t zh_size)
{
    const run_spec *sp = trainer_spec(t);
    uint32_t seed = sp->seed_given ? sp->seed : nn_init_default_seed(sp->init);
    switch (sp->init) {
    case NN_INIT_ZEROS:
        snprintf(en, en_size, "every weight 0");
        snprintf(zh, zh_size, "所有权重为 0");
        break;
    case NN_INIT_COURSE_W4:
        snprintf(en, en_size, "fresh weights randn/sqrt(n[l-1]) from seed %u", (unsigned)seed);
        snprintf(zh, zh_size, "由种子 %u 重新生成权重 randn/sqrt(n[l-1])", (unsigned)seed);
        break;
    default:
        snprintf(en, en_size, "fresh weights randn*0.01 from seed %u", (unsigned)seed);
        snprintf(zh, zh_size, "由种子 %u 重新生成权重 randn*0.01", (unsigned)seed);
        break;
    }
}

void ts_note_rebuilt(trainer_screen *ts, const char *what_en, const char *what_zh)
{
    char ien[96], izh[96], en[512], zh[512];
    ts_init_words(ts->model, ien, sizeof ien, izh, sizeof izh);
    snprintf(en, sizeof en, "%.200s: network rebuilt, %s; iterations count from 0.", what_en, ien);
    snprintf(zh, sizeof zh, "%.200s：网络已重建，%s；迭代从 0 重新计数。", what_zh, izh);
    ts_note(ts, false, en, zh);
}

void ts_note_divergence(trainer_screen *ts)
{
    trainer *t = ts->model;
    char en[512], zh[512];
    if (trainer_divergence_of(t) == TRAINER_DIV_NONFINITE) {
        snprintf(en, sizeof en,
                 "Diverged at iteration %ld: the cost or a weight became NaN/inf with lr %g. "
                 "The steps overshoot: lower the rate (\xe2\x86\x90), then r to start again.",
                 trainer_iterations(t), trainer_lr(t));
        snprintf(zh, sizeof zh,
                 "第 %ld 次迭代发散：学习率 %g 下代价或权重变成了 NaN/inf。步子太大：先降低学习率（←），再按 r 重新开始。",
                 trainer_iterations(t), trainer_lr(t));
    } else {
        snprintf(en, sizeof en,
                 "Diverging at iteration %ld: with lr %g the cost keeps rising (or stays far above where it "
                 "was), so the steps overshoot. Paused: try a smaller rate (\xe2\x86\x90); space goes on anyway.",
                 trainer_iterations(t), trainer_lr(t));
        snprintf(zh, sizeof zh,
                 "第 %ld 次迭代开始发散：学习率 %g 下代价不断上升（或远高于之前），步子太大。已暂停：试试更小的学习率（←）；按空格仍可继续。",
                 trainer_iterations(t), trainer_lr(t));
    }
    ts_note(ts, true, en, zh);
}


void ts_note_stopped(trainer_screen *ts)
{
    /* One row: the status line beside it already shows cost and accuracy. */
    char en[256], zh[256];
    snprintf(en, sizeof en, "Paused at iteration %ld, where the lesson's run ends; space trains on.",
             trainer_iterations(ts->model));
    snprintf(zh, sizeof zh, "在第 %ld 次迭代暂停，本课的运行到此为止；按空格继续训练。", trainer_iterations(ts->model));
    ts_note(ts, false, en, zh);
}
