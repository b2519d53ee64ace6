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

static unsigned reader_goto(reader_screen *r, ui_ctx *ctx, int page)
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
static int reader_rows(const ui_ctx *ctx)
{
    int h = reader_area(ctx->body).h - 1;
    return h > 1 ? h : 1;
}

/* Scrolls so that block b is visible (its first line when it is too tall). */
static void reader_show_block(reader_screen *r, const ui_ctx *ctx, int b)
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

static int reader_max_scroll(const reader_screen *r, const ui_ctx *ctx)
{
    ui_rect a = reader_area(ctx->body);
    a.h = reader_rows(ctx);
    reader_line *lines;
    int n = reader_doc_build(r, ctx, a.w - 2, &lines);
    reader_doc_free(lines, n);
    return n > a.h ? n - a.h : 0;
}

static unsigned reader_answer(reader_screen *r, reader_quiz *qs, ui_ctx *ctx, lesson_verdict v,
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

static unsigned reader_open_lab(reader_screen *r, ui_ctx *ctx, int b)
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

/* The byte offset of the character before / after offset i in s. */
static size_t reader_prev_char(const char *s, size_t i)
{
    while (i > 0) {
        i--;
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            break;
    }
    return i;
}

static size_t reader_next_char(const char *s, size_t i)
{
    size_t n = strlen(s);
    if (i >= n)
        return n;
    i++;
    while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
        i++;
    return i;
}

/* The answer line: insert at the caret, Backspace deletes before it,
 * ←/→/Home/End move it, Enter checks, Esc stops typing. */
static unsigned reader_typing_key(reader_screen *r, reader_quiz *qs, ui_key key, ui_ctx *ctx)
{
    size_t len = strlen(qs->input);
    if (qs->caret > len)
        qs->caret = len;
    switch (key.code) {
    case UI_KEY_CHAR: {
        char enc[4];
        size_t n = (size_t)text_encode(key.ch, enc);
        if (len + n > READER_INPUT_MAX)
            return UI_NOTHING;
        memmove(qs->input + qs->caret + n, qs->input + qs->caret, len - qs->caret + 1);
        memcpy(qs->input + qs->caret, enc, n);
        qs->caret += n;
        return UI_REDRAW;
    }
    case UI_KEY_BACKSPACE: {
        size_t from = reader_prev_char(qs->input, qs->caret);
        memmove(qs->input + from, qs->input + qs->caret, len - qs->caret + 1);
        qs->caret = from;
        return UI_REDRAW;
    }
    case UI_KEY_LEFT:
        qs->caret = reader_prev_char(qs->input, qs->caret);
        return UI_REDRAW;
    case UI_KEY_RIGHT:
        qs->caret = reader_next_char(qs->input, qs->caret);
        return UI_REDRAW;
    case UI_KEY_HOME:
        qs->caret = 0;
        return UI_REDRAW;
    case UI_KEY_END:
        qs->caret = len;
        return UI_REDRAW;
    case UI_KEY_ESC:
        r->typing = false;
        ctx->text_input = false;
        return UI_REDRAW;
    case UI_KEY_ENTER: {
        if (!qs->input[0])
            return UI_NOTHING;
        const lesson_feedback *fb;
        lesson_verdict v = lesson_quiz_judge(qs->q, qs->input, &fb);
        if (v != LESSON_VERDICT_UNREADABLE) {
            snprintf(qs->last, sizeof qs->last, "%s", qs->input);
            qs->caret = 0;
        }
        return reader_answer(r, qs, ctx, v, fb);
    }
    default:
        return UI_NOTHING;
    }
}

static unsigned reader_on_key(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    reader_screen *r = (reader_screen *)s;
    reader_quiz *qs = reader_focused_quiz(r);
    if (r->typing && qs)
        return reader_typing_key(r, qs, key, ctx);
    r->typing = false;
    ctx->text_input = false;
    uint32_t ch = key.code == UI_KEY_CHAR ? key.ch : 0;
    bool choice = qs && qs->q->kind == LESSON_QUIZ_CHOICE && !reader_quiz_solved(qs);
    int page_rows = reader_rows(ctx);
    int max = reader_max_scroll(r, ctx);
    int old_scroll = r->scroll;
    if (choice && (key.code == UI_KEY_UP || key.code == UI_KEY_DOWN)) {
        qs->cursor += key.code == UI_KEY_UP ? -1 : 1;
        if (qs->cursor < 0)
            qs->cursor = 0;
        if (qs->cursor >= qs->q->n_choices)
            qs->cursor = qs->q->n_choices - 1;
        qs->touched = true;
        return UI_REDRAW;
    }
    /* A digit (or what starts a number or a shape) begins a typed answer. */
    if (qs && !reader_quiz_solved(qs) && (qs->q->kind == LESSON_QUIZ_NUMBER || qs->q->kind == LESSON_QUIZ_SHAPE) &&
        ch && ch < 0x80 && strchr("0123456789-.([", (int)ch)) {
        r->typing = true;
        ctx->text_input = true;
        qs->unreadable = false;
        qs->input[0] = '\0';
        qs->caret = 0;
        reader_show_block(r, ctx, qs->block);
        return reader_typing_key(r, qs, key, ctx);
    }
    if (choice && ch >= '1' && ch <= '8') {
        int i = (int)(ch - '1');
        if (i >= qs->q->n_choices)
            return UI_NOTHING;
        qs->cursor = qs->picked = i;
        const lesson_feedback *fb;
        lesson_verdict v = lesson_quiz_judge_choice(qs->q, i, &fb);
        return reader_answer(r, qs, ctx, v, fb);
    }
    if (key.code == UI_KEY_DOWN || ch == 'j')
        r->scroll++;
    else if (key.code == UI_KEY_UP || ch == 'k')
        r->scroll--;
    else if (key.code == UI_KEY_PGDN || ch == ' ')
        r->scroll += page_rows > 2 ? page_rows - 2 : 1;
    else if (key.code == UI_KEY_PGUP)
        r->scroll -= page_rows > 2 ? page_rows - 2 : 1;
    else if (key.code == UI_KEY_HOME || ch == 'g')
        r->scroll = 0;
    else if (key.code == UI_KEY_END || ch == 'G')
        r->scroll = max;
    else if (ch == '>' || ch == '<') {
        int max = reader_hscroll_max(r, ctx);
        int old = r->hscroll;
        r->hscroll += ch == '>' ? READER_HSTEP : -READER_HSTEP;
        if (r->hscroll > max)
            r->hscroll = max;
        if (r->hscroll < 0)
            r->hscroll = 0;
        return r->hscroll != old ? UI_REDRAW : UI_NOTHING;
    } else if (key.code == UI_KEY_RIGHT || ch == 'n') {
        if (r->page + 1 >= r->l->n_pages)
            return UI_NOTHING;
        if (!reader_page_answered(r)) {
            snprintf(ctx->message, sizeof ctx->message, "%s",
                     UI_TR(ctx, "Answer the question on this page first.", "请先回答本页的问题。"));
            return UI_REDRAW;
        }
        return reader_goto(r, ctx, r->page + 1);
    } else if (key.code == UI_KEY_LEFT || ch == 'p')
        return reader_goto(r, ctx, r->page - 1);
    else if (key.code == UI_KEY_TAB) {
        int blocks[64];
        int n = reader_focusables(r, blocks, 64);
        if (n < 2)
            return UI_NOTHING;
        r->focus = (r->focus + 1) % n;
        reader_show_block(r, ctx, blocks[r->focus]);
        return UI_REDRAW;
    } else if (ch == 'h') {
        if (!qs || reader_quiz_solved(qs))
            return UI_NOTHING;
        if (qs->hints >= qs->q->n_hints) {
            snprintf(ctx->message, sizeof ctx->message, "%s",
                     UI_TR(ctx, "No more hints for this question.", "这道题没有更多提示了。"));
            return UI_REDRAW;
        }
        qs->hints++;
        reader_show_block(r, ctx, qs->block);
        return UI_REDRAW;
    } else if (key.code == UI_KEY_ENTER) {
        int b = reader_focus_block(r);
        if (b < 0)
            return UI_NOTHING;
        if (qs && choice) {
            if (!qs->touched) {
                snprintf(ctx->message, sizeof ctx->message, "%s",
                         UI_TR(ctx, "Pick an answer first: its number, or the arrows and then Enter.",
                               "请先选一个答案：按它的序号，或用方向键选好再按 Enter。"));
                return UI_REDRAW;
            }
            qs->picked = qs->cursor;
            const lesson_feedback *fb;
            lesson_verdict v = lesson_quiz_judge_choice(qs->q, qs->cursor, &fb);
            return reader_answer(r, qs, ctx, v, fb);
        }
        if (qs && reader_quiz_solved(qs)) {
            /* The answer was shown after three wrong tries: start again. */
            qs->visit_tries = 0;
            qs->has_verdict = false;
            qs->feedback = NULL;
            qs->unreadable = false;
            qs->hints = 0;
            qs->touched = false;
            qs->picked = -1;
            qs->input[0] = '\0';
            qs->caret = 0;
            reader_show_block(r, ctx, b);
            return UI_REDRAW;
        }
        if (qs) {
            r->typing = true;
            ctx->text_input = true;
            qs->caret = strlen(qs->input);
            reader_show_block(r, ctx, b);
            return UI_REDRAW;
        }
        return reader_open_lab(r, ctx, b);
    } else
        return UI_NOTHING;
    if (r->scroll > max)
        r->scroll = max;
    if (r->scroll < 0)
        r->scroll = 0;
    return r->scroll != old_scroll ? UI_REDRAW : UI_NOTHING;
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
    .keys = reader_keys,
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
