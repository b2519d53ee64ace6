/*
 * screen_reader.c — the lesson reader: pages, scrolling, quizzes, labs.
 *
 *   ┌ Week 3 · Shapes of Z and A ─────────────────────── page 2/4 ┐
 *   │ paragraphs, formulas, notes … (reader_doc.c lays them out)  │
 *   │ Quiz · shape                                                 │
 *   │ Answer: (4, 400)▏                                            │
 *   │ ✓ Right.                                                     │
 *   └──────────────────────────────────────────────────────────────┘
 *
 * The way forward (`n`) is offered only when every quiz on the page has been
 * answered; nothing ever moves on by itself. A lesson is marked done when
 * its last page is shown and all its quizzes have been answered right.
 *
 * Quiz input: Enter on a choice quiz picks the entry under the cursor only
 * once the cursor has been moved (a number picks at once); a digit, a
 * minus, a point or a bracket typed on a number or shape quiz starts the
 * answer with it; an answer that cannot be read is said so and uses no try;
 * after READER_REVEAL_TRIES wrong tries the answer is shown, and Enter on
 * the quiz starts it again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glyphs.h"
#include "lab_course.h"
#include "labs.h"
#include "layout.h"
#include "progress.h"
#include "reader_internal.h"
#include "screens.h"
#include "text.h"

bool reader_quiz_solved(const reader_quiz *qs)
{
    return qs->right || qs->visit_tries >= READER_REVEAL_TRIES;
}

reader_quiz *reader_quiz_of(const reader_screen *r, int block)
{
    for (int i = 0; i < r->n_quiz; i++)
        if (r->quiz[i].block == block)
            return (reader_quiz *)&r->quiz[i];
    return NULL;
}

int reader_focusables(const reader_screen *r, int *blocks, int max)
{
    const lesson_page *pg = &r->l->pages[r->page];
    int n = 0;
    for (int b = 0; b < pg->n_blocks && n < max; b++) {
        const lesson_block *bl = &pg->blocks[b];
        const reader_quiz *qs = bl->kind == LESSON_BLOCK_QUIZ ? reader_quiz_of(r, b) : NULL;
        if ((qs && !qs->right) || bl->kind == LESSON_BLOCK_LAB || bl->kind == LESSON_BLOCK_EXERCISE)
            blocks[n++] = b;
    }
    return n;
}

int reader_focus_block(const reader_screen *r)
{
    int blocks[64];
    int n = reader_focusables(r, blocks, 64);
    if (n == 0)
        return -1;
    int f = r->focus < 0 ? 0 : r->focus >= n ? n - 1 : r->focus;
    return blocks[f];
}

reader_quiz *reader_focused_quiz(const reader_screen *r)
{
    int b = reader_focus_block(r);
    return b >= 0 ? reader_quiz_of(r, b) : NULL;
}

/* Loads the page's quiz state from the saved progress. */
static void reader_enter_page(reader_screen *r, const ui_ctx *ctx, int page)
{
    r->page = page;
    r->scroll = 0;
    r->hscroll = 0;
    r->focus = 0;
    r->typing = false;
    r->n_quiz = 0;
    const lesson_page *pg = &r->l->pages[page];
    for (int b = 0; b < pg->n_blocks && r->n_quiz < READER_MAX_QUIZZES; b++) {
        if (pg->blocks[b].kind != LESSON_BLOCK_QUIZ)
            continue;
        reader_quiz *qs = &r->quiz[r->n_quiz++];
        memset(qs, 0, sizeof *qs);
        qs->block = b;
        qs->q = pg->blocks[b].quiz;
        qs->picked = -1;
        const progress_quiz *pq = progress_quiz_get(ctx->progress, qs->q->id);
        if (pq) {
            qs->tries = pq->tries;
            qs->right = pq->right;
        }
    }
}

bool reader_page_answered(const reader_screen *r)
{
    for (int i = 0; i < r->n_quiz; i++)
        if (r->quiz[i].tries == 0)
            return false;
    return true;
}

/* Marks the lesson done on its last page once all its quizzes are answered
 * right. */
static unsigned reader_check_done(reader_screen *r, ui_ctx *ctx)
{
    if (!ctx->progress || r->page != r->l->n_pages - 1 || !reader_page_answered(r))
        return UI_NOTHING;
    for (int p = 0; p < r->l->n_pages; p++)
        for (int b = 0; b < r->l->pages[p].n_blocks; b++) {
            const lesson_block *bl = &r->l->pages[p].blocks[b];
            const progress_quiz *pq =
                bl->kind == LESSON_BLOCK_QUIZ ? progress_quiz_get(ctx->progress, bl->quiz->id) : NULL;
            if (bl->kind == LESSON_BLOCK_QUIZ && !(pq && pq->right))
                return UI_NOTHING;
        }
    return progress_mark_done(ctx->progress, r->l->id) ? UI_SAVE : UI_NOTHING;
}

unsigned reader_goto(reader_screen *r, ui_ctx *ctx, int page)
{
    if (page < 0 || page >= r->l->n_pages || page == r->page)
        return UI_NOTHING;
    reader_enter_page(r, ctx, page);
    ctx->text_input = false;
    progress_set_position(ctx->progress, r->l->id, page);
    return UI_REDRAW | UI_SAVE | reader_check_done(r, ctx);
}

/* The body rows that show the page (below the title row). */
ui_rect reader_area(ui_rect body)
{
    ui_panels p = layout_panels(body);
    return p.column;
}

/* The rows of page text: the area less its footer row. */
int reader_rows(const ui_ctx *ctx)
{
    int h = reader_area(ctx->body).h - 1;
    return h > 1 ? h : 1;
}

/* Scrolls so that block b is visible (its first line when it is too tall). */
void reader_show_block(reader_screen *r, const ui_ctx *ctx, int b)
{
    ui_rect a = reader_area(ctx->body);
    a.h = reader_rows(ctx);
    reader_line *lines;
    int n = reader_doc_build(r, ctx, a.w - 2, &lines);
    int first = reader_doc_find(lines, n, b);
    int last = first;
    for (int i = first; i >= 0 && i < n && lines[i].block == b; i++)
        last = i;
    reader_doc_free(lines, n);
    if (first < 0)
        return;
    if (last - first + 1 > a.h)
        last = first + a.h - 1;
    if (last >= r->scroll + a.h)
        r->scroll = last - a.h + 1;
    if (first < r->scroll)
        r->scroll = first;
}

int reader_max_scroll(const reader_screen *r, const ui_ctx *ctx)
{
    ui_rect a = reader_area(ctx->body);
    a.h = reader_rows(ctx);
    reader_line *lines;
    int n = reader_doc_build(r, ctx, a.w - 2, &lines);
    reader_doc_free(lines, n);
    return n > a.h ? n - a.h : 0;
}

unsigned reader_answer(reader_screen *r, reader_quiz *qs, ui_ctx *ctx, lesson_verdict v,
                              const lesson_feedback *fb)
{
    bool right = v == LESSON_VERDICT_RIGHT;
    qs->unreadable = v == LESSON_VERDICT_UNREADABLE;
    if (qs->unreadable) {
        /* Not an answer: no try used, the typing goes on. */
        reader_show_block(r, ctx, qs->block);
        return UI_REDRAW;
    }
    qs->feedback = right ? NULL : fb;
    qs->tries++;
    qs->visit_tries++;
    qs->right = qs->right || right;
    qs->has_verdict = true;
    qs->last_right = right;
    progress_record_answer(ctx->progress, qs->q->id, right);
    r->typing = false;
    ctx->text_input = false;
    qs->input[0] = '\0';
    int block = qs->block;
    r->focus = 0;
    /* Keep the answered quiz in view, not the next item. */
    reader_show_block(r, ctx, block);
    return UI_REDRAW | UI_SAVE | reader_check_done(r, ctx);
}

static unsigned reader_open_exercise(reader_screen *r, ui_ctx *ctx, int b)
{
    char err[256] = "";
    ctx->push = exercise_screen_new(ctx, r->l->pages[r->page].blocks[b].exercise->id, err, sizeof err);
    if (!ctx->push) {
        snprintf(ctx->message, sizeof ctx->message, "%s", err[0] ? err : "the exercise could not be opened");
        return UI_REDRAW;
    }
    return UI_PUSH | UI_REDRAW;
}

unsigned reader_open_lab(reader_screen *r, ui_ctx *ctx, int b)
{
    if (r->l->pages[r->page].blocks[b].kind == LESSON_BLOCK_EXERCISE)
        return reader_open_exercise(r, ctx, b);
    const lesson_lab *lab = r->l->pages[r->page].blocks[b].lab;
    char err[256] = "", notice[sizeof ctx->message];
    run_spec spec;
    lab_course_spec(lab, ctx->lang, &spec, notice, sizeof notice); /* the cat pictures when found */
    ui_screen *s = lab_screen_new(lab->kind, &spec, ctx, err, sizeof err);
    if (!s) {
        snprintf(ctx->message, sizeof ctx->message, "%s", err[0] ? err : "the lab could not be opened");
        return UI_REDRAW;
    }
    /* A trainer stops where the lesson's run ends, so its numbers compare. */
    if (lab->kind == LESSON_LAB_TRAINER || lab->kind == LESSON_LAB_DEEP_TRAINER)
        trainer_screen_stop_at(s, spec.iterations);
    progress_set_lab(ctx->progress, lab->kind, &spec);
    if (notice[0])
        snprintf(ctx->message, sizeof ctx->message, "%s", notice);
    ctx->push = s;
    return UI_PUSH | UI_SAVE | UI_REDRAW;
}

/* Back on top, resized or the language switched: the typing state again,
 * and the lesson marked done if it is on its last page with every quiz
 * answered. */
static void reader_on_show(ui_screen *s, ui_ctx *ctx)
{
    reader_screen *r = (reader_screen *)s;
    ctx->text_input = r->typing;
    reader_check_done(r, ctx);
}

static void reader_destroy(ui_screen *s)
{
    free(s);
}

static const ui_screen_ops reader_ops = {
    .name = "reader",
    .render = reader_render,
    .on_key = reader_on_key,
    .keymap = &reader_keymap,
    .help = reader_help,
    .on_show = reader_on_show,
    .destroy = reader_destroy,
};

ui_screen *reader_screen_new(const ui_ctx *ctx, const lesson *l, int page)
{
    if (!l || l->n_pages < 1)
        return NULL;
    reader_screen *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->base.ops = &reader_ops;
    r->l = l;
    if (page < 0)
        page = 0;
    if (page >= l->n_pages)
        page = l->n_pages - 1;
    reader_enter_page(r, ctx, page);
    return &r->base;
}
