/*
 * screen_map.c — the course map: weeks → lessons, marks, the selected
 * lesson's concepts and prerequisites, overall progress.
 *
 *   ┌ dnn-tutor · Course map ──────────────── 3/20 lessons · 5/40 quizzes ┐
 *   Week 2  Logistic regression   ✓✓✓··  │ Shapes of Z and A
 *     ✓ Binary classification            │ Week 3 · 4 pages · 2 quizzes
 *     ▸ Shapes of Z and A                │ Concepts
 *     · Backpropagation                  │   • Z^[1] = W^[1]X + b^[1]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glyphs.h"
#include "keymap.h"
#include "labs.h"
#include "layout.h"
#include "lesson.h"
#include "progress.h"
#include "screens.h"
#include "text.h"

typedef struct map_screen {
    ui_screen base;
    int selected;  /* index into the course's lessons (lesson_course_lesson_at) */
} map_screen;

static lesson_lang map_lang(const ui_ctx *ctx)
{
    return ctx->lang;
}

/* The lesson the learner is on: the saved position when that lesson is not
 * done yet, otherwise the first lesson not done; −1 when all are done. */
static int map_current(const ui_ctx *ctx)
{
    const lesson_course *course = ctx->course;
    const ui_progress *p = ctx->progress;
    if (p && p->position_lesson[0] && !progress_is_done(p, p->position_lesson))
        for (int i = 0; i < course->n_lessons; i++)
            if (!strcmp(lesson_course_lesson_at(course, i)->id, p->position_lesson))
                return i;
    for (int i = 0; i < course->n_lessons; i++)
        if (!progress_is_done(p, lesson_course_lesson_at(course, i)->id))
            return i;
    return -1;
}

static ui_glyph map_mark(const ui_ctx *ctx, int i, int current, ui_role *role)
{
    const lesson *l = lesson_course_lesson_at(ctx->course, i);
    if (progress_is_done(ctx->progress, l->id)) {
        *role = ROLE_OK;
        return GLYPH_DONE;
    }
    if (i == current) {
        *role = ROLE_CURRENT;
        return GLYPH_CURRENT;
    }
    *role = ROLE_DIM;
    return GLYPH_NOT_YET;
}

/* The list row (0-based, week headers included) of lesson i. */
static int map_row_of(const lesson_course *course, int index)
{
    int row = 0, i = 0;
    for (int w = 0; w < course->n_weeks; w++) {
        row++;
        for (int k = 0; k < course->weeks[w].n_lessons; k++, i++, row++)
            if (i == index)
                return row;
    }
    return row;
}

/* Quizzes of lesson l the learner has answered right (*right) and at all
 * (the return value). */
static int map_attempted_in(const ui_ctx *ctx, const lesson *l, int *right)
{
    int n = 0;
    *right = 0;
    for (int p = 0; p < l->n_pages; p++)
        for (int b = 0; b < l->pages[p].n_blocks; b++) {
            const lesson_block *bl = &l->pages[p].blocks[b];
            const progress_quiz *pq =
                bl->kind == LESSON_BLOCK_QUIZ ? progress_quiz_get(ctx->progress, bl->quiz->id) : NULL;
            if (pq) {
                n++;
                *right += pq->right;
            }
        }
    return n;
}

static void map_render_list(const map_screen *m, ui_canvas *c, ui_rect r, const ui_ctx *ctx)
{
    const lesson_course *course = ctx->course;
    lesson_lang lang = map_lang(ctx);
    int current = map_current(ctx);
    int sel_row = map_row_of(course, m->selected);
    int scroll = sel_row - (r.h - 2);
    if (scroll < 0)
        scroll = 0;
    int row = 0, i = 0;
    for (int w = 0; w < course->n_weeks; w++) {
        const lesson_week *wk = &course->weeks[w];
        int y = r.y + row - scroll;
        if (y >= r.y && y < r.y + r.h) {
            /* One mark per lesson, as long as the title keeps a dozen columns. */
            int x = r.x + canvas_printf(c, r.x, y, -1, ROLE_HEADING, UI_TR(ctx, "Week %d", "第 %d 周"),
                                        wk->number) + 2;
            int marks_w = wk->n_lessons;
            if (marks_w > r.w - (x - r.x) - 14)
                marks_w = r.w - (x - r.x) - 14 > 0 ? r.w - (x - r.x) - 14 : 0;
            screen_text_fit(c, x, y, r.w - (x - r.x) - marks_w - 2, lesson_text_get(wk->title, lang), ROLE_HEADING,
                            ctx->ascii);
            for (int k = 0; k < marks_w; k++) {
                ui_role role;
                ui_glyph g = map_mark(ctx, i + k, current, &role);
                canvas_put(c, r.x + r.w - 1 - marks_w + k, y, glyph_cp(g, ctx->ascii), role);
            }
        }
        row++;
        for (int k = 0; k < wk->n_lessons; k++, i++, row++) {
            y = r.y + row - scroll;
            if (y < r.y || y >= r.y + r.h)
                continue;
            ui_role role;
            ui_glyph g = map_mark(ctx, i, current, &role);
            canvas_put(c, r.x + 2, y, glyph_cp(g, ctx->ascii), role);
            /* right/attempted at the row's end once a quiz has been tried */
            int right, attempted = map_attempted_in(ctx, &wk->lessons[k], &right);
            char score[24] = "";
            if (attempted)
                snprintf(score, sizeof score, "%d/%d", right, attempted);
            int score_w = (int)strlen(score);
            if (r.w - 5 - score_w - 1 < 12)
                score_w = 0;
            screen_text_fit(c, r.x + 4, y, r.w - 5 - (score_w ? score_w + 1 : 0),
                            lesson_text_get(wk->lessons[k].title, lang), i == current ? ROLE_CURRENT : ROLE_NORMAL,
                            ctx->ascii);
            if (score_w)
                canvas_printf(c, r.x + r.w - 1 - score_w, y, -1, right == attempted ? ROLE_OK : ROLE_DIM, "%s", score);
            if (i == m->selected)
                canvas_paint(c, r.x + 1, y, r.w - 1, 1, ROLE_SELECTED, 0);
        }
    }
    /* More weeks above or below the window: arrows at the right edge. */
    if (scroll > 0)
        canvas_put(c, r.x + r.w - 1, r.y, glyph_cp(GLYPH_ARROW_UP, ctx->ascii), ROLE_DIM);
    if (row - scroll > r.h)
        canvas_put(c, r.x + r.w - 1, r.y + r.h - 1, glyph_cp(GLYPH_ARROW_DOWN, ctx->ascii), ROLE_DIM);
}

static void map_render_detail(const map_screen *m, ui_canvas *c, ui_rect r, const ui_ctx *ctx)
{
    const lesson *l = lesson_course_lesson_at(ctx->course, m->selected);
    if (!l || r.w < 10)
        return;
    lesson_lang lang = map_lang(ctx);
    for (int y = r.y; y < r.y + r.h; y++)
        canvas_put(c, r.x - 1, y, glyph_cp(GLYPH_V_LINE, ctx->ascii), ROLE_BORDER);
    ui_rect t = {r.x + 1, r.y, r.w - 2, r.h};
    int y = 0;
    y += screen_draw_wrapped(c, (ui_rect){t.x, t.y + y, t.w, t.h - y}, 0, lesson_text_get(l->title, lang),
                             ROLE_HEADING);
    char line[256];
    int right, attempted = map_attempted_in(ctx, l, &right);
    snprintf(line, sizeof line,
             UI_TR(ctx, "Week %d · pages: %d · quizzes right/attempted: %d/%d of %d · labs: %d",
                   "第 %d 周 · %d 页 · 答对/已答 %d/%d 题（共 %d 题）· %d 个实验"),
             l->week_number, l->n_pages, right, attempted, l->n_quizzes, l->n_labs);
    if (ctx->ascii)
        for (char *p = strstr(line, "\u00b7"); p; p = strstr(line, "\u00b7"))
            memmove(p + 1, p + 2, strlen(p + 2) + 1), *p = '-';
    y += screen_draw_wrapped(c, (ui_rect){t.x, t.y + y, t.w, t.h - y}, 0, line, ROLE_DIM);
    const ui_progress *p = ctx->progress;
    const char *status;
    ui_role srole = ROLE_DIM;
    if (progress_is_done(p, l->id)) {
        status = UI_TR(ctx, "Done.", "已完成。");
        srole = ROLE_OK;
    } else if (p && !strcmp(p->position_lesson, l->id)) {
        snprintf(line, sizeof line, UI_TR(ctx, "You are on page %d of %d.", "你读到第 %d 页（共 %d 页）。"),
                 p->position_page + 1, l->n_pages);
        status = line;
        srole = ROLE_CURRENT;
    } else {
        status = UI_TR(ctx, "Not started.", "尚未开始。");
    }
    y += screen_draw_wrapped(c, (ui_rect){t.x, t.y + y, t.w, t.h - y}, 0, status, srole);
    y++;
    if (y < t.h)
        canvas_text(c, t.x, t.y + y++, t.w, UI_TR(ctx, "Concepts", "概念"), ROLE_HEADING);
    for (int i = 0; i < l->n_concepts && y < t.h; i++) {
        canvas_text(c, t.x + 1, t.y + y, 2, glyph_str(GLYPH_BULLET, ctx->ascii), ROLE_DIM);
        y += screen_draw_wrapped(c, (ui_rect){t.x + 3, t.y + y, t.w - 3, t.h - y}, 0,
                                 lesson_text_get(l->concepts[i], lang), ROLE_NORMAL);
    }
    if (l->n_exercises > 0) {
        y++;
        if (y < t.h)
            canvas_text(c, t.x, t.y + y++, t.w, UI_TR(ctx, "Exercises (x)", "练习（x）"), ROLE_HEADING);
        for (int pg = 0; pg < l->n_pages; pg++)
            for (int b = 0; b < l->pages[pg].n_blocks && y < t.h; b++) {
                const lesson_block *bl = &l->pages[pg].blocks[b];
                if (bl->kind != LESSON_BLOCK_EXERCISE)
                    continue;
                progress_ex_status st = progress_exercise_get(p, bl->exercise->id);
                ui_glyph g = st == PROGRESS_EX_PASS ? GLYPH_DONE : st == PROGRESS_EX_FAIL ? GLYPH_WRONG : GLYPH_NOT_YET;
                canvas_put(c, t.x + 1, t.y + y, glyph_cp(g, ctx->ascii),
                           st == PROGRESS_EX_PASS ? ROLE_OK : st == PROGRESS_EX_FAIL ? ROLE_BAD : ROLE_DIM);
                screen_text_fit(c, t.x + 3, t.y + y++, t.w - 3, bl->exercise->id, ROLE_NORMAL, ctx->ascii);
            }
    }
    y++;
    if (y < t.h)
        canvas_text(c, t.x, t.y + y++, t.w, UI_TR(ctx, "Prerequisites", "先修"), ROLE_HEADING);
    if (l->n_prerequisites == 0 && y < t.h)
        canvas_text(c, t.x + 1, t.y + y++, t.w - 1, UI_TR(ctx, "none", "无"), ROLE_DIM);
    for (int i = 0; i < l->n_prerequisites && y < t.h; i++) {
        const lesson *pre = lesson_course_find_lesson(ctx->course, l->prerequisites[i]);
        bool done = progress_is_done(p, l->prerequisites[i]);
        canvas_put(c, t.x + 1, t.y + y, glyph_cp(done ? GLYPH_DONE : GLYPH_NOT_YET, ctx->ascii),
                   done ? ROLE_OK : ROLE_DIM);
        y += screen_draw_wrapped(c, (ui_rect){t.x + 3, t.y + y, t.w - 3, t.h - y}, 0,
                                 pre ? lesson_text_get(pre->title, lang) : l->prerequisites[i], ROLE_NORMAL);
    }
}

static void map_render(const ui_screen *s, ui_canvas *c, ui_rect body, const ui_ctx *ctx)
{
    const map_screen *m = (const map_screen *)s;
    ui_panels p = layout_panels(body);
    char right[128];
    int done = ctx->progress ? ctx->progress->n_done : 0;
    snprintf(right, sizeof right, UI_TR(ctx, "%d/%d lessons done %s %d/%d quizzes answered",
                                        "已完成 %d/%d 课 %s 已答 %d/%d 题"),
             done, ctx->course->n_lessons, ctx->ascii ? "-" : "\u00b7", progress_quizzes_answered(ctx->progress),
             ctx->course->n_quizzes);
    screen_draw_title(c, p.title, UI_TR(ctx, "dnn-tutor - Course map", "dnn-tutor - 课程地图"), right);
    ui_rect list = {p.list.x, p.list.y + 1, p.list.w, p.list.h - 1};
    ui_rect detail = {p.detail.x, p.detail.y + 1, p.detail.w, p.detail.h - 1};
    map_render_list(m, c, list, ctx);
    map_render_detail(m, c, detail, ctx);
}

/* t and s: a lab straight from the map, with the settings of the last lab
 * of that family the learner opened from a lesson, else the course's
 * week-3 run. */
static unsigned map_open_lab(ui_ctx *ctx, bool trainer)
{
    const ui_progress *p = ctx->progress;
    run_spec spec = runspec_default();
    ui_lab_kind kind = trainer ? UI_LAB_TRAINER : UI_LAB_STEPPER;
    if (p && p->has_lab && (p->lab_kind == LESSON_LAB_STEPPER) == !trainer) {
        spec = p->lab;
        kind = p->lab_kind;
    }
    char err[256] = "";
    ctx->push = lab_screen_new(kind, &spec, ctx, err, sizeof err);
    if (!ctx->push) {
        snprintf(ctx->message, sizeof ctx->message, "%s", err[0] ? err : "the lab could not be opened");
        return UI_REDRAW;
    }
    return UI_PUSH | UI_REDRAW;
}

/* ↑/↓ j/k, PgUp/PgDn, Home/End g/G: the selected lesson. */
static unsigned map_move(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    map_screen *m = (map_screen *)s;
    int n = ctx->course->n_lessons;
    int old = m->selected;
    int page = ctx->body.h > 6 ? ctx->body.h - 4 : 1;
    uint32_t ch = key.code == UI_KEY_CHAR ? key.ch : 0;
    if (key.code == UI_KEY_DOWN || ch == 'j')
        m->selected++;
    else if (key.code == UI_KEY_UP || ch == 'k')
        m->selected--;
    else if (key.code == UI_KEY_PGDN)
        m->selected += page;
    else if (key.code == UI_KEY_PGUP)
        m->selected -= page;
    else if (key.code == UI_KEY_HOME || ch == 'g')
        m->selected = 0;
    else if (key.code == UI_KEY_END || ch == 'G')
        m->selected = n - 1;
    if (m->selected < 0)
        m->selected = 0;
    if (m->selected >= n)
        m->selected = n - 1;
    return m->selected != old ? UI_REDRAW : UI_NOTHING;
}

static unsigned map_open(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    (void)key;
    map_screen *m = (map_screen *)s;
    const lesson *l = lesson_course_lesson_at(ctx->course, m->selected);
    int pg = 0;
    if (ctx->progress && !strcmp(ctx->progress->position_lesson, l->id))
        pg = ctx->progress->position_page;
    progress_set_position(ctx->progress, l->id, pg);
    ctx->push = reader_screen_new(ctx, l, pg);
    return ctx->push ? UI_PUSH | UI_SAVE | UI_REDRAW : UI_NOTHING;
}

static unsigned map_trainer(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    (void)s, (void)key;
    return map_open_lab(ctx, true);
}

static unsigned map_stepper(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    (void)s, (void)key;
    return map_open_lab(ctx, false);
}

/* x: the exercise screen at the selected lesson's first exercise that does
 * not pass yet (its first one when all pass); for a lesson without
 * exercises, the course's first exercise not passed yet. */
static unsigned map_exercise(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    (void)key;
    const lesson *l = lesson_course_lesson_at(ctx->course, ((map_screen *)s)->selected);
    const char *id = NULL, *first = NULL;
    for (int pg = 0; l && pg < l->n_pages && !id; pg++)
        for (int b = 0; b < l->pages[pg].n_blocks && !id; b++) {
            const lesson_block *bl = &l->pages[pg].blocks[b];
            if (bl->kind != LESSON_BLOCK_EXERCISE)
                continue;
            if (!first)
                first = bl->exercise->id;
            if (progress_exercise_get(ctx->progress, bl->exercise->id) != PROGRESS_EX_PASS)
                id = bl->exercise->id;
        }
    char err[256] = "";
    ctx->push = exercise_screen_new(ctx, id ? id : first, err, sizeof err);
    if (!ctx->push) {
        snprintf(ctx->message, sizeof ctx->message, "%s", err[0] ? err : "the exercise could not be opened");
        return UI_REDRAW;
    }
    return UI_PUSH | UI_REDRAW;
}

static const ui_binding map_bindings[] = {
    {{UI_K(UI_KEY_UP), UI_K(UI_KEY_DOWN), UI_CH('k'), UI_CH('j')}, "\u2191/\u2193", "^/v", map_move,
     "choose", "选择", "choose a lesson (or k/j)", "选择课文（或 k/j）", NULL},
    {{UI_K(UI_KEY_PGUP), UI_K(UI_KEY_PGDN), UI_K(UI_KEY_HOME), UI_K(UI_KEY_END), UI_CH('g'), UI_CH('G')},
     "PgUp/PgDn g/G", NULL, map_move, NULL, NULL, "a page up or down; the first or last lesson",
     "上下翻一页；第一课或最后一课", NULL},
    {{UI_K(UI_KEY_ENTER), UI_K(UI_KEY_RIGHT)}, "Enter", NULL, map_open, "open lesson", "打开课文",
     "open the lesson where you left it", "打开课文（回到上次的页）", NULL},
    {{UI_CH('t')}, "t", NULL, map_trainer, "trainer", "训练实验", "the trainer, with the last lab settings",
     "训练实验（用最近的实验设置）", NULL},
    {{UI_CH('s')}, "s", NULL, map_stepper, "stepper", "逐步演算", "the stepper, with the last lab settings",
     "逐步演算实验（用最近的实验设置）", NULL},
    /* No room on the bar: the detail panel's "Exercises (x)" names the key. */
    {{UI_CH('x')}, "x", NULL, map_exercise, NULL, NULL,
     "the exercises: this lesson's first one not passed yet (else the course's)",
     "练习：本课第一个尚未通过的练习（否则全课程的）", NULL},
};
const ui_keymap map_keymap = UI_KEYMAP("course map", map_bindings);

static unsigned map_on_key(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    return ui_keymap_dispatch(&map_keymap, s, key, ctx);
}

static const char *map_help(const ui_screen *s, const ui_ctx *ctx)
{
    (void)s;
    if (ctx->ascii)
        return UI_TR(ctx,
                     "The course map lists the weeks of the course and their lessons. Left: each week with one "
                     "mark per lesson; below it the lessons. Marks: v done, > the lesson you are on, . not "
                     "started yet; 3/4: quizzes right/attempted.\n\nRight: the selected lesson: its week, pages, quizzes right/attempted, labs, "
                     "the concepts it teaches and the lessons to read first (v when done).\n\nt opens the live trainer and "
                     "s the stepper straight from here, with the settings of the last such lab you opened from a "
                     "lesson (the course's week-3 network before that); q there comes back to the map.\n\n"
                 "x opens the exercises: the course's graded functions, which you write in numpy in your own file; under Exercises the selected lesson's are marked v when yours passes, x when not yet.\n\nThe top line counts "
                     "the lessons done and the quizzes answered. Your place is saved: next time the app opens "
                     "where you left off.",
                     "课程地图列出每一周和它的课文。左侧：每周一行，每课一个标记；下面是各课。标记：v 已完成，> "
                     "你正在学的课，. 尚未开始；行尾 3/4 为答对/已答题数。\n\n右侧：选中的课文：所在周、页数、答对/已答题数和实验数，它讲的概念，以及应"
                     "先读的课文（完成的标 v）。\n\nt 直接打开实时训练实验，s 打开逐步演算实验，使用你最近从课文打开的同类实验的设置"
                     "（之前则为课程第 3 周的网络）；在实验中按 q 回到地图。\n\n"
                 "x 打开练习：课程中要评分的函数，你在自己的文件里用 numpy 写出；“练习”下列出选中课文的练习，通过的标 v，尚未通过的标 x。\n\n顶行统计已完成的课和已答的题。进度会保存：下次打开时回到上次的位置。");
    return UI_TR(ctx,
                 "The course map lists the weeks of the course and their lessons. Left: each week with one mark "
                 "per lesson; below it the lessons. Marks: \u2713 done, \u25b8 the lesson you are on, \u00b7 not "
                 "started yet; 3/4: quizzes right/attempted.\n\nRight: the selected lesson: its week, pages, quizzes right/attempted, labs, the "
                 "concepts it teaches and the lessons to read first (\u2713 when done).\n\nt opens the live trainer and s "
                 "the stepper straight from here, with the settings of the last such lab you opened from a lesson "
                 "(the course's week-3 network before that); q there comes back to the map.\n\n"
                 "x opens the exercises: the course's graded functions, which you write in numpy in your own file; under Exercises the selected lesson's are marked \u2713 when yours passes, \u2717 when not yet.\n\nThe top line counts "
                 "the lessons done and the quizzes answered. Your place is saved: next time the app opens where "
                 "you left off.",
                 "课程地图列出每一周和它的课文。左侧：每周一行，每课一个标记；下面是各课。标记：\u2713 已完成，"
                 "\u25b8 你正在学的课，\u00b7 尚未开始；行尾 3/4 为答对/已答题数。\n\n右侧：选中的课文：所在周、页数、答对/已答题数和实验数，它讲的"
                 "概念，以及应先读的课文（完成的标 \u2713）。\n\nt 直接打开实时训练实验，s 打开逐步演算实验，使用你最近从课文"
                 "打开的同类实验的设置（之前则为课程第 3 周的网络）；在实验中按 q 回到地图。\n\n"
                 "x 打开练习：课程中要评分的函数，你在自己的文件里用 numpy 写出；“练习”下列出选中课文的练习，通过的标 \u2713，尚未通过的标 \u2717。\n\n顶行统计已完成的课和已答的题。进度会保存：下次打开时"
                 "回到上次的位置。");
}

static void map_destroy(ui_screen *s)
{
    free(s);
}

static const ui_screen_ops map_ops = {
    .name = "map",
    .render = map_render,
    .on_key = map_on_key,
    .keymap = &map_keymap,
    .help = map_help,
    .destroy = map_destroy,
};

ui_screen *map_screen_new(const ui_ctx *ctx)
{
    if (!ctx->course || ctx->course->n_lessons == 0)
        return NULL;
    map_screen *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->base.ops = &map_ops;
    int cur = map_current(ctx);
    m->selected = cur >= 0 ? cur : 0;
    return &m->base;
}
