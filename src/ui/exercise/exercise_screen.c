/*
 * exercise_screen.c — the exercise screen's state: opening an exercise,
 * polling the learner's file, starting checks and taking their results,
 * and the keys (see exercise_screen.h).
 */
#if defined(__GNUC__) && !defined(__clang__)
/* Paths and messages are cut at their buffers on purpose. */
#pragma GCC diagnostic ignored "-Wformat-truncation"
#endif

#include "exercise_screen.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../keymap.h"
#include "../screens.h"
#include "ex_files.h"
#include "exercise_internal.h"
#include "progress.h"

bool exs_passed(const exercise_screen *e)
{
    return e->have_result && e->res.outcome == EX_PASS;
}

bool exs_file_exists(const exercise_screen *e)
{
    return e->polled && e->sig.exists;
}

/* ---- the current exercise ---------------------------------------------------- */

static void exs_forget_result(exercise_screen *e)
{
    if (e->have_result)
        ex_result_free(&e->res);
    e->have_result = false;
}

/* Points the screen at exercise i: a fresh view, a check as soon as the
 * file has been looked at. */
static void exs_select(exercise_screen *e, int i)
{
    exs_job_drop(e->job, true);
    e->job = NULL;
    exs_forget_result(e);
    free(e->solution);
    e->solution = NULL;
    e->index = i;
    e->hints = 0;
    e->show_solution = e->show_arrays = false;
    e->scroll = 0;
    e->polled = false;
    e->want_check = false;
    e->next_poll_ms = 0;
    snprintf(e->file, sizeof e->file, "%s/%s", e->dir, exs_meta(e)->file);
}

static exs_file_sig exs_stat(const char *path)
{
    exs_file_sig s = {0};
    struct stat st;
    if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
        s.exists = true;
        s.dev = st.st_dev;
        s.ino = st.st_ino;
        s.size = st.st_size;
        s.mtime_ns = (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
    }
    return s;
}

static bool exs_sig_equal(const exs_file_sig *a, const exs_file_sig *b)
{
    return a->exists == b->exists && a->dev == b->dev && a->ino == b->ino && a->size == b->size &&
           a->mtime_ns == b->mtime_ns;
}

/* Records a finished check in the progress. */
static unsigned exs_record(exercise_screen *e, ui_ctx *ctx)
{
    if (!e->have_result || e->res.outcome == EX_NO_FILE || !ctx->progress)
        return UI_NOTHING;
    progress_ex_status st = e->res.outcome == EX_PASS ? PROGRESS_EX_PASS : PROGRESS_EX_FAIL;
    if (progress_exercise_get(ctx->progress, exs_meta(e)->id) == st)
        return UI_NOTHING;
    progress_exercise_set(ctx->progress, exs_meta(e)->id, st);
    return UI_SAVE;
}

static void exs_start_check(exercise_screen *e, ui_ctx *ctx)
{
    exs_job *job = calloc(1, sizeof *job);
    if (!job) {
        snprintf(ctx->message, sizeof ctx->message, "%s", UI_TR(ctx, "out of memory", "内存不足"));
        return;
    }
    job->def = exs_meta(e)->def;
    snprintf(job->dir, sizeof job->dir, "%s", e->dir);
    snprintf(job->lib, sizeof job->lib, "%s/lib", e->root);
    snprintf(job->harness, sizeof job->harness, "%s/harness.py", e->root);
    job->find_python = e->py_state != EXS_PY_FOUND;
    if (!job->find_python)
        job->py = e->py;
    e->want_check = false;
    if (exs_job_start(job))
        e->job = job;
    else
        snprintf(ctx->message, sizeof ctx->message, "%s",
                 UI_TR(ctx, "could not start a thread for the check", "无法启动检查线程"));
}

/* The worker finished: take what it found. */
static unsigned exs_take_job(exercise_screen *e, ui_ctx *ctx)
{
    exs_job *job = e->job;
    e->job = NULL;
    pthread_join(job->thread, NULL);
    if (job->py_ok) {
        e->py_state = EXS_PY_FOUND;
        e->py = job->py;
    } else {
        e->py_state = EXS_PY_NONE;
        snprintf(e->py_msg, sizeof e->py_msg, "%s", job->py_msg);
    }
    if (job->ran) {
        exs_forget_result(e);
        e->res = job->res;
        e->have_result = true;
        job->ran = false;
        if (e->res.outcome == EX_PASS)
            e->show_arrays = false;
    }
    free(job);
    return UI_REDRAW | exs_record(e, ctx);
}

/* ---- ticks: polling and results ---------------------------------------------- */

static unsigned exs_tick(ui_screen *s, double budget_ms, ui_ctx *ctx)
{
    (void)budget_ms;
    exercise_screen *e = (exercise_screen *)s;
    if (e->manual)
        return UI_NOTHING;
    unsigned bits = UI_ANIMATE;
    if (exs_job_done(e->job))
        bits |= exs_take_job(e, ctx);
    if (ctx->now_ms >= e->next_poll_ms) {
        e->next_poll_ms = ctx->now_ms + EXS_POLL_MS;
        exs_file_sig now = exs_stat(e->file);
        if (!e->polled || !exs_sig_equal(&now, &e->sig)) {
            bool existed = exs_file_exists(e);
            e->sig = now;
            e->polled = true;
            e->want_check = now.exists;
            if (!now.exists && existed)
                exs_forget_result(e);
            bits |= UI_REDRAW;
        }
    }
    if (e->want_check && !e->job) {
        exs_start_check(e, ctx);
        bits |= UI_REDRAW;
    }
    return bits;
}

static void exs_on_show(ui_screen *s, ui_ctx *ctx)
{
    (void)ctx;
    exercise_screen *e = (exercise_screen *)s;
    if (!e->manual) {
        s->animating = true;
        e->next_poll_ms = 0;  /* back from the editor or another screen: look at once */
    }
}

/* ---- keys ---------------------------------------------------------------------- */

static int exs_max_scroll(const exercise_screen *e, const ui_ctx *ctx)
{
    int width = ctx->body.w - 2;
    int rows = ctx->body.h - 1;
    int n = exs_doc_lines(e, ctx, width);
    return n > rows ? n - rows : 0;
}

static unsigned exs_scroll(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    exercise_screen *e = (exercise_screen *)s;
    int old = e->scroll, page = ctx->body.h > 4 ? ctx->body.h - 3 : 1;
    uint32_t ch = key.code == UI_KEY_CHAR ? key.ch : 0;
    if (key.code == UI_KEY_DOWN || ch == 'j')
        e->scroll++;
    else if (key.code == UI_KEY_UP || ch == 'k')
        e->scroll--;
    else if (key.code == UI_KEY_PGDN || ch == ' ')
        e->scroll += page;
    else if (key.code == UI_KEY_PGUP)
        e->scroll -= page;
    else if (key.code == UI_KEY_HOME || ch == 'g')
        e->scroll = 0;
    else if (key.code == UI_KEY_END || ch == 'G')
        e->scroll = INT_MAX / 2;
    int max = exs_max_scroll(e, ctx);
    if (e->scroll > max)
        e->scroll = max;
    if (e->scroll < 0)
        e->scroll = 0;
    return e->scroll != old ? UI_REDRAW : UI_NOTHING;
}

static unsigned exs_edit(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    (void)key;
    exercise_screen *e = (exercise_screen *)s;
    snprintf(ctx->edit_path, sizeof ctx->edit_path, "%s", e->file);
    return UI_EDIT | UI_REDRAW;
}

static unsigned exs_init(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    (void)key;
    exercise_screen *e = (exercise_screen *)s;
    int created = 0, kept = 0;
    char log[4096], msg[512];
    if (!ex_init_folder(e->root, e->dir, &created, &kept, log, sizeof log, msg, sizeof msg)) {
        snprintf(ctx->message, sizeof ctx->message, "%s: %s", UI_TR(ctx, "could not create the files", "无法创建文件"),
                 msg);
        return UI_REDRAW;
    }
    char abs[PATH_MAX];
    const char *dir = realpath(e->dir, abs) ? abs : e->dir;
    if (ctx->progress)
        progress_set_exercise_dir(ctx->progress, dir);
    if (ctx->lang == UI_LANG_ZH)
        snprintf(ctx->message, sizeof ctx->message, "已在 %.200s 创建 %d 个文件（%d 个原已存在）。按 e 在编辑器中打开。", dir,
                 created, kept);
    else
        snprintf(ctx->message, sizeof ctx->message,
                 "%d files created in %.200s (%d were there already). e opens yours in your editor.", created, dir,
                 kept);
    e->next_poll_ms = 0;
    return UI_REDRAW | UI_SAVE;
}

static unsigned exs_hint(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    (void)key;
    exercise_screen *e = (exercise_screen *)s;
    if (e->hints >= exs_meta(e)->n_hints) {
        snprintf(ctx->message, sizeof ctx->message, "%s",
                 UI_TR(ctx, "That was the last hint.", "提示已经全部显示。"));
        return UI_REDRAW;
    }
    e->hints++;
    e->scroll = exs_max_scroll(e, ctx);
    return UI_REDRAW;
}

static unsigned exs_solution(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    (void)key;
    exercise_screen *e = (exercise_screen *)s;
    if (e->show_solution) {
        e->show_solution = false;
        return UI_REDRAW;
    }
    if (!e->solution) {
        char path[EX_PATH_MAX + 64];
        snprintf(path, sizeof path, "%s/solutions/%s", e->root, exs_meta(e)->file);
        e->solution = ex_function_source(path, exs_meta(e)->function);
    }
    if (!e->solution) {
        snprintf(ctx->message, sizeof ctx->message, "%s",
                 UI_TR(ctx, "our solution was not found", "找不到参考答案"));
        return UI_REDRAW;
    }
    e->show_solution = true;
    e->scroll = exs_max_scroll(e, ctx);
    return UI_REDRAW;
}

static unsigned exs_arrays(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    (void)key, (void)ctx;
    exercise_screen *e = (exercise_screen *)s;
    e->show_arrays = !e->show_arrays;
    return UI_REDRAW;
}

static unsigned exs_recheck(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    (void)key, (void)ctx;
    exercise_screen *e = (exercise_screen *)s;
    if (e->manual)
        return UI_NOTHING;
    e->polled = false;
    e->next_poll_ms = 0;
    if (e->py_state == EXS_PY_NONE)
        e->py_state = EXS_PY_UNKNOWN;
    return UI_REDRAW | UI_ANIMATE;
}

static unsigned exs_next(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    (void)ctx;
    exercise_screen *e = (exercise_screen *)s;
    int i = e->index + (key.code == UI_KEY_CHAR && key.ch == 'p' ? -1 : 1);
    if (i < 0 || i >= e->cat->n)
        return UI_NOTHING;
    exs_select(e, i);
    return UI_REDRAW | (e->manual ? 0 : UI_ANIMATE);
}

static bool exs_when_file(const ui_screen *s, const ui_ctx *ctx)
{
    (void)ctx;
    const exercise_screen *e = (const exercise_screen *)s;
    return e->manual ? e->polled && e->sig.exists : exs_file_exists(e);
}

static bool exs_when_no_file(const ui_screen *s, const ui_ctx *ctx)
{
    const exercise_screen *e = (const exercise_screen *)s;
    return e->polled && !exs_when_file(s, ctx);
}

static bool exs_when_passed(const ui_screen *s, const ui_ctx *ctx)
{
    (void)ctx;
    return exs_passed((const exercise_screen *)s);
}

/* A failing visible case with arrays to show. */
static bool exs_when_arrays(const ui_screen *s, const ui_ctx *ctx)
{
    (void)ctx;
    const exercise_screen *e = (const exercise_screen *)s;
    if (!e->have_result)
        return false;
    for (int i = 0; i < e->res.n_cases; i++) {
        const ex_case_result *c = &e->res.cases[i];
        if (c->v.outcome != EX_PASS && c->v.outcome != EX_NOT_RUN)
            return !c->hidden && c->expected && c->got;
    }
    return false;
}

static bool exs_when_has_next(const ui_screen *s, const ui_ctx *ctx)
{
    (void)ctx;
    const exercise_screen *e = (const exercise_screen *)s;
    return e->index + 1 < e->cat->n;
}

static bool exs_when_has_prev(const ui_screen *s, const ui_ctx *ctx)
{
    (void)ctx;
    return ((const exercise_screen *)s)->index > 0;
}

static const ui_binding exs_bindings[] = {
    {{UI_CH('e')}, "e", NULL, exs_edit, "edit", "编辑",
     "open your file in your editor ($VISUAL, else $EDITOR); saving it checks again", "在编辑器中打开你的文件"
     "（$VISUAL，否则 $EDITOR）；保存后重新检查", exs_when_file},
    {{UI_CH('i')}, "i", NULL, exs_init, "create files", "创建文件",
     "create your exercise folder with the exercise files (as exercises init; never over a file)",
     "创建练习文件夹并复制练习文件（同 exercises init；不覆盖已有文件）", exs_when_no_file},
    {{UI_CH('h')}, "h", NULL, exs_hint, "hint", "提示", "the next hint, each more precise",
     "下一条提示，一条比一条具体", NULL},
    {{UI_CH('v')}, "v", NULL, exs_arrays, "arrays", "数组", "the expected and your arrays of the failing case",
     "未通过用例的期望数组和你的数组", exs_when_arrays},
    {{UI_CH('s')}, "s", NULL, exs_solution, "solution", "参考答案", "our solution (once yours passes)",
     "参考答案（你的通过之后）", exs_when_passed},
    {{UI_CH('r')}, "r", NULL, exs_recheck, "check", "检查", "check again now", "立即重新检查", NULL},
    {{UI_CH('n')}, "n", NULL, exs_next, "next", "下一题", "the next exercise", "下一个练习", exs_when_has_next},
    {{UI_CH('p')}, "p", NULL, exs_next, "previous", "上一题", "the previous exercise", "上一个练习",
     exs_when_has_prev},
    {{UI_K(UI_KEY_UP), UI_K(UI_KEY_DOWN), UI_CH('k'), UI_CH('j'), UI_K(UI_KEY_PGUP), UI_K(UI_KEY_PGDN)},
     "\u2191/\u2193 PgUp/PgDn", "^/v PgUp/PgDn", exs_scroll, NULL, NULL, "scroll (or k/j)", "滚动（或 k/j）", NULL},
    {{UI_K(UI_KEY_HOME), UI_K(UI_KEY_END), UI_CH('g'), UI_CH('G')}, "g/G", NULL, exs_scroll, NULL, NULL,
     "to the top or the end", "到开头或末尾", NULL},
};
const ui_keymap exercise_keymap = UI_KEYMAP("exercise", exs_bindings);

static unsigned exs_on_key(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    return ui_keymap_dispatch(&exercise_keymap, s, key, ctx);
}

static void exs_destroy(ui_screen *s)
{
    exercise_screen *e = (exercise_screen *)s;
    exs_job_drop(e->job, true);
    exs_forget_result(e);
    free(e->solution);
    ex_catalog_free(e->cat);
    free(e);
}

static const ui_screen_ops exs_ops = {
    .name = "exercise",
    .render = exs_render,
    .on_key = exs_on_key,
    .tick = exs_tick,
    .keymap = &exercise_keymap,
    .help = exs_help,
    .on_show = exs_on_show,
    .destroy = exs_destroy,
};

/* ---- opening ------------------------------------------------------------------- */

ui_screen *exercise_screen_open(const ui_ctx *ctx, const exercise_setup *setup, char *err, size_t err_size)
{
    char path[EX_PATH_MAX + 32], msg[512];
    snprintf(path, sizeof path, "%s/exercises.json", setup->root);
    ex_catalog *cat = ex_catalog_load(path, msg, sizeof msg);
    if (!cat) {
        snprintf(err, err_size, "%s", msg);
        return NULL;
    }
    int index = -1;
    for (int i = 0; i < cat->n && index < 0; i++) {
        if (setup->id ? !strcmp(cat->ex[i].id, setup->id)
                      : progress_exercise_get(ctx->progress, cat->ex[i].id) != PROGRESS_EX_PASS)
            index = i;
    }
    if (index < 0 && !setup->id && cat->n > 0)
        index = 0;
    if (index < 0) {
        snprintf(err, err_size, UI_TR(ctx, "no exercise \"%s\" (dnn-tutor exercises list shows them)",
                                      "没有练习 \"%s\"（dnn-tutor exercises list 列出全部练习）"),
                 setup->id ? setup->id : "");
        ex_catalog_free(cat);
        return NULL;
    }
    exercise_screen *e = calloc(1, sizeof *e);
    if (!e) {
        ex_catalog_free(cat);
        snprintf(err, err_size, "out of memory");
        return NULL;
    }
    e->base.ops = &exs_ops;
    e->cat = cat;
    e->manual = setup->manual;
    snprintf(e->root, sizeof e->root, "%s", setup->root);
    snprintf(e->dir, sizeof e->dir, "%s", setup->dir);
    exs_select(e, index);
    e->base.animating = !e->manual;
    return &e->base;
}

ui_screen *exercise_screen_new(const ui_ctx *ctx, const char *id, char *err, size_t err_size)
{
    char root[EX_PATH_MAX], dir[EX_PATH_MAX];
    if (!ex_find_root(root, sizeof root)) {
        snprintf(err, err_size, "%s",
                 UI_TR(ctx, "the exercises folder was not found (is dnn-tutor installed?)",
                       "找不到练习文件夹（dnn-tutor 安装好了吗？）"));
        return NULL;
    }
    if (ctx->progress && ctx->progress->exercise_dir[0])
        snprintf(dir, sizeof dir, "%s", ctx->progress->exercise_dir);
    else if (!ex_default_dir(dir, sizeof dir)) {
        snprintf(err, err_size, "%s",
                 UI_TR(ctx, "HOME is not set: run dnn-tutor exercises init DIR first",
                       "未设置 HOME：请先运行 dnn-tutor exercises init DIR"));
        return NULL;
    }
    exercise_setup setup = {root, dir, id, false};
    return exercise_screen_open(ctx, &setup, err, err_size);
}

void exercise_screen_feed(ui_screen *s, ui_ctx *ctx, bool file_exists, const ex_python *py, const char *py_msg,
                          ex_result *res)
{
    exercise_screen *e = (exercise_screen *)s;
    e->polled = true;
    e->sig.exists = file_exists;
    if (py) {
        e->py_state = EXS_PY_FOUND;
        e->py = *py;
    } else {
        e->py_state = EXS_PY_NONE;
        snprintf(e->py_msg, sizeof e->py_msg, "%s", py_msg ? py_msg : "");
    }
    exs_forget_result(e);
    if (res) {
        e->res = *res;
        memset(res, 0, sizeof *res);
        e->have_result = true;
        exs_record(e, ctx);
    }
}

const char *exercise_screen_id(const ui_screen *s)
{
    return exs_meta((const exercise_screen *)s)->id;
}
