/*
 * reader_keys.c — the lesson reader's keys as data (keymap.h): one table of
 * {keys, action, bar label en/zh, help en/zh, when}, from which the reader's
 * dispatch, its key bar, the help's keys section and the README's "lesson"
 * row all come; and the answer line's editing.
 */
#include <stdio.h>
#include <string.h>

#include "keymap.h"
#include "reader_internal.h"
#include "screens.h"
#include "text.h"

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

/* ---- key bindings (keymap.h): the actions, the states, the table ---- */

static reader_screen *rs(ui_screen *s) { return (reader_screen *)s; }
static const reader_screen *crs(const ui_screen *s) { return (const reader_screen *)s; }

/* The focused quiz while it is still to be answered, or NULL. */
static reader_quiz *open_quiz(const reader_screen *r)
{
    reader_quiz *qs = reader_focused_quiz(r);
    return qs && !reader_quiz_solved(qs) ? qs : NULL;
}

static bool when_typing(const ui_screen *s, const ui_ctx *ctx)
{
    (void)ctx;
    return crs(s)->typing && reader_focused_quiz(crs(s));
}

static bool when_reading(const ui_screen *s, const ui_ctx *ctx) { return !when_typing(s, ctx); }

static bool when_choice(const ui_screen *s, const ui_ctx *ctx)
{
    const reader_quiz *qs = open_quiz(crs(s));
    return when_reading(s, ctx) && qs && qs->q->kind == LESSON_QUIZ_CHOICE;
}

/* A choice quiz with n choices (8 or more for n = 8): the bar says "1-n". */
#define WHEN_CHOICES(n) \
    static bool when_choices_##n(const ui_screen *s, const ui_ctx *ctx) \
    { \
        return when_choice(s, ctx) && (n == 8 ? open_quiz(crs(s))->q->n_choices >= 8 \
                                              : open_quiz(crs(s))->q->n_choices == n); \
    }
WHEN_CHOICES(1)
WHEN_CHOICES(2)
WHEN_CHOICES(3)
WHEN_CHOICES(4)
WHEN_CHOICES(5)
WHEN_CHOICES(6)
WHEN_CHOICES(7)
WHEN_CHOICES(8)
#undef WHEN_CHOICES

/* An open quiz answered by typing (a number, a shape, a word). */
static bool when_typed_quiz(const ui_screen *s, const ui_ctx *ctx)
{
    return when_reading(s, ctx) && open_quiz(crs(s)) && !when_choice(s, ctx);
}

static bool when_hint_left(const ui_screen *s, const ui_ctx *ctx)
{
    const reader_quiz *qs = open_quiz(crs(s));
    return when_reading(s, ctx) && qs && qs->hints < qs->q->n_hints;
}

static bool when_open_quiz(const ui_screen *s, const ui_ctx *ctx)
{
    return when_reading(s, ctx) && open_quiz(crs(s));
}

/* The answer was shown after three wrong tries. */
static bool when_revealed(const ui_screen *s, const ui_ctx *ctx)
{
    const reader_quiz *qs = reader_focused_quiz(crs(s));
    return when_reading(s, ctx) && qs && reader_quiz_solved(qs) && !qs->right;
}

static bool focus_is(const ui_screen *s, const ui_ctx *ctx, lesson_block_kind kind)
{
    const reader_screen *r = crs(s);
    int b = reader_focus_block(r);
    return when_reading(s, ctx) && !reader_focused_quiz(r) && b >= 0 && r->l->pages[r->page].blocks[b].kind == kind;
}

static bool when_on_lab(const ui_screen *s, const ui_ctx *ctx) { return focus_is(s, ctx, LESSON_BLOCK_LAB); }
static bool when_on_exercise(const ui_screen *s, const ui_ctx *ctx) { return focus_is(s, ctx, LESSON_BLOCK_EXERCISE); }

static bool when_next_open(const ui_screen *s, const ui_ctx *ctx)
{
    const reader_screen *r = crs(s);
    return when_reading(s, ctx) && r->page + 1 < r->l->n_pages && reader_page_answered(r);
}

static bool when_prev(const ui_screen *s, const ui_ctx *ctx) { return when_reading(s, ctx) && crs(s)->page > 0; }

static bool when_items(const ui_screen *s, const ui_ctx *ctx)
{
    int blocks[64];
    return when_reading(s, ctx) && reader_focusables(crs(s), blocks, 64) > 1;
}

static bool when_wide(const ui_screen *s, const ui_ctx *ctx)
{
    return when_reading(s, ctx) && reader_hscroll_max(crs(s), ctx) > 0;
}

static bool when_tall(const ui_screen *s, const ui_ctx *ctx)
{
    return when_reading(s, ctx) && reader_max_scroll(crs(s), ctx) > 0;
}

static unsigned act_type(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    return reader_typing_key(rs(s), reader_focused_quiz(rs(s)), key, ctx);
}

/* ↑/↓ move the choice cursor; Enter picks it. */
static unsigned act_choice(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    reader_screen *r = rs(s);
    reader_quiz *qs = open_quiz(r);
    if (key.code == UI_KEY_ENTER) {
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
    qs->cursor += key.code == UI_KEY_UP ? -1 : 1;
    if (qs->cursor < 0)
        qs->cursor = 0;
    if (qs->cursor >= qs->q->n_choices)
        qs->cursor = qs->q->n_choices - 1;
    qs->touched = true;
    return UI_REDRAW;
}

/* A digit 1-8 picks that choice at once. */
static unsigned act_choice_digit(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    reader_quiz *qs = open_quiz(rs(s));
    int i = (int)key.ch - '1';
    if (i < 0 || i >= 8 || i >= qs->q->n_choices)
        return UI_NOTHING;
    qs->cursor = qs->picked = i;
    const lesson_feedback *fb;
    lesson_verdict v = lesson_quiz_judge_choice(qs->q, i, &fb);
    return reader_answer(rs(s), qs, ctx, v, fb);
}

/* What starts a number or a shape begins a typed answer with it; Enter
 * starts typing with the last answer. */
static unsigned act_start_typing(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    reader_screen *r = rs(s);
    reader_quiz *qs = open_quiz(r);
    if (key.code == UI_KEY_CHAR) {
        bool starts = (qs->q->kind == LESSON_QUIZ_NUMBER || qs->q->kind == LESSON_QUIZ_SHAPE) && key.ch < 0x80 &&
                      strchr("0123456789-.([", (int)key.ch);
        if (!starts)
            return UI_NOTHING;
        qs->unreadable = false;
        qs->input[0] = '\0';
    }
    r->typing = true;
    ctx->text_input = true;
    qs->caret = key.code == UI_KEY_CHAR ? 0 : strlen(qs->input);
    reader_show_block(r, ctx, qs->block);
    return key.code == UI_KEY_CHAR ? reader_typing_key(r, qs, key, ctx) : UI_REDRAW;
}

/* Enter on a question whose answer was shown: start it again. */
static unsigned act_try_again(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    (void)key;
    reader_screen *r = rs(s);
    reader_quiz *qs = reader_focused_quiz(r);
    qs->visit_tries = 0;
    qs->has_verdict = false;
    qs->feedback = NULL;
    qs->unreadable = false;
    qs->hints = 0;
    qs->touched = false;
    qs->picked = -1;
    qs->input[0] = '\0';
    qs->caret = 0;
    reader_show_block(r, ctx, qs->block);
    return UI_REDRAW;
}

static unsigned act_open(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    (void)key;
    return reader_open_lab(rs(s), ctx, reader_focus_block(rs(s)));
}

static unsigned act_hint(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    (void)key;
    reader_quiz *qs = open_quiz(rs(s));
    if (qs->hints >= qs->q->n_hints) {
        snprintf(ctx->message, sizeof ctx->message, "%s",
                 UI_TR(ctx, "No more hints for this question.", "这道题没有更多提示了。"));
        return UI_REDRAW;
    }
    qs->hints++;
    reader_show_block(rs(s), ctx, qs->block);
    return UI_REDRAW;
}

static unsigned act_next_page(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    (void)key;
    reader_screen *r = rs(s);
    if (r->page + 1 >= r->l->n_pages)
        return UI_NOTHING;
    if (!reader_page_answered(r)) {
        snprintf(ctx->message, sizeof ctx->message, "%s",
                 UI_TR(ctx, "Answer the question on this page first.", "请先回答本页的问题。"));
        return UI_REDRAW;
    }
    return reader_goto(r, ctx, r->page + 1);
}

static unsigned act_prev_page(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    (void)key;
    return reader_goto(rs(s), ctx, rs(s)->page - 1);
}

static unsigned act_next_item(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    (void)key;
    reader_screen *r = rs(s);
    int blocks[64];
    int n = reader_focusables(r, blocks, 64);
    if (n < 2)
        return UI_NOTHING;
    r->focus = (r->focus + 1) % n;
    reader_show_block(r, ctx, blocks[r->focus]);
    return UI_REDRAW;
}

static unsigned act_shift(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    reader_screen *r = rs(s);
    int max = reader_hscroll_max(r, ctx), old = r->hscroll;
    r->hscroll += key.ch == '>' ? READER_HSTEP : -READER_HSTEP;
    if (r->hscroll > max)
        r->hscroll = max;
    if (r->hscroll < 0)
        r->hscroll = 0;
    return r->hscroll != old ? UI_REDRAW : UI_NOTHING;
}

/* Scrolling: a line, a screen (less two rows of context), or to an end. */
static unsigned act_scroll(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    reader_screen *r = rs(s);
    const int page_rows = reader_rows(ctx), screen = page_rows > 2 ? page_rows - 2 : 1;
    const int max = reader_max_scroll(r, ctx), old = r->scroll;
    const uint32_t ch = key.code == UI_KEY_CHAR ? key.ch : 0;
    if (key.code == UI_KEY_DOWN || ch == 'j')
        r->scroll++;
    else if (key.code == UI_KEY_UP || ch == 'k')
        r->scroll--;
    else if (key.code == UI_KEY_PGDN || ch == ' ')
        r->scroll += screen;
    else if (key.code == UI_KEY_PGUP)
        r->scroll -= screen;
    else if (key.code == UI_KEY_HOME || ch == 'g')
        r->scroll = 0;
    else
        r->scroll = max;
    if (r->scroll > max)
        r->scroll = max;
    if (r->scroll < 0)
        r->scroll = 0;
    return r->scroll != old ? UI_REDRAW : UI_NOTHING;
}

#define ENTER UI_K(UI_KEY_ENTER)
#define UPDOWN UI_K(UI_KEY_UP), UI_K(UI_KEY_DOWN)
#define CHOICES(n, utf8, ascii, help_en, help_zh) \
    {{UPDOWN, ENTER}, utf8, ascii, act_choice, "answer", "作答", help_en, help_zh, when_choices_##n}

/* In bar order: what a learner stuck on a question needs first. Every row but
 * the typing ones is off while an answer is typed (when_reading). */
static const ui_binding reader_bindings[] = {
    /* answering */
    CHOICES(1, "1/↑↓ Enter", "1/^v Enter", NULL, NULL),
    CHOICES(2, "1-2/↑↓ Enter", "1-2/^v Enter", NULL, NULL),
    CHOICES(3, "1-3/↑↓ Enter", "1-3/^v Enter", NULL, NULL),
    CHOICES(4, "1-4/↑↓ Enter", "1-4/^v Enter", NULL, NULL),
    CHOICES(5, "1-5/↑↓ Enter", "1-5/^v Enter", NULL, NULL),
    CHOICES(6, "1-6/↑↓ Enter", "1-6/^v Enter", NULL, NULL),
    CHOICES(7, "1-7/↑↓ Enter", "1-7/^v Enter", NULL, NULL),
    CHOICES(8, "1-8/↑↓ Enter", "1-8/^v Enter",
            "(a choice question) pick an answer: its number, or the arrows and then Enter",
            "（选择题）选一个答案：按它的序号，或用方向键选好再按 Enter"),
    {{UI_ANY_CHAR}, "1-8", NULL, act_choice_digit, NULL, NULL, NULL, NULL, when_choice},
    {{ENTER}, "Enter", NULL, act_start_typing, "answer", "作答",
     "(a number or shape question) type the answer, Enter checks it; a digit starts it at once",
     "（数值或形状题）输入答案，按 Enter 检查；直接按数字即可开始", when_typed_quiz},
    {{UI_ANY_CHAR}, "0-9", NULL, act_start_typing, NULL, NULL, NULL, NULL, when_typed_quiz},
    {{UI_CH('h')}, "h", NULL, act_hint, "hint", "提示", "(a question) the next hint, each more precise",
     "（问题）下一条提示，一条比一条具体", when_hint_left},
    {{UI_CH('h')}, "h", NULL, act_hint, NULL, NULL, NULL, NULL, when_open_quiz},
    {{ENTER}, "Enter", NULL, act_try_again, "try again", "重新作答",
     "(the answer shown after three tries) start the question again", "（三次后显示了答案）重新作答",
     when_revealed},
    {{ENTER}, "Enter", NULL, act_open, "open exercise", "打开练习", "(an exercise block) open the exercise",
     "（练习块）打开练习", when_on_exercise},
    {{ENTER}, "Enter", NULL, act_open, "open lab", "打开实验", "(a lab block) open the lab with the lesson's settings",
     "（实验块）按本课的设置打开实验", when_on_lab},
    /* moving */
    {{UI_CH('n'), UI_K(UI_KEY_RIGHT)}, "n", NULL, act_next_page, "next", "下一页",
     "(or the right arrow) the next page, once every question on this page is answered",
     "（或右方向键）下一页，本页问题都回答后可用",
     when_next_open},
    {{UI_CH('n'), UI_K(UI_KEY_RIGHT)}, "n", NULL, act_next_page, NULL, NULL, NULL, NULL, when_reading},
    {{UI_CH('p'), UI_K(UI_KEY_LEFT)}, "p", NULL, act_prev_page, "prev", "上一页", "(or the left arrow) the previous page",
     "（或左方向键）上一页", when_prev},
    {{UI_K(UI_KEY_TAB)}, "Tab", NULL, act_next_item, "next item", "下一项",
     "the next question, lab or exercise of the page", "本页的下一个问题、实验或练习", when_items},
    {{UI_CH('<'), UI_CH('>')}, "</>", NULL, act_shift, "wide lines", "长行左右移",
     "shift the lines too wide for the window (marked ›) sideways", "左右移动超出窗口的行（以 › 标记）", when_wide},
    {{UPDOWN, UI_CH('j'), UI_CH('k')}, "j/k", NULL, act_scroll, "scroll", "滚动", "(or the up and down arrows) scroll a line",
     "（或上下方向键）滚动一行", when_tall},
    {{UPDOWN, UI_CH('j'), UI_CH('k')}, "j/k", NULL, act_scroll, NULL, NULL, NULL, NULL, when_reading},
    {{UI_CH(' '), UI_K(UI_KEY_PGDN), UI_K(UI_KEY_PGUP)}, "space PgUp/PgDn", NULL, act_scroll, NULL, NULL,
     "a screen down or up", "向下或向上滚动一屏", when_reading},
    {{UI_CH('g'), UI_CH('G'), UI_K(UI_KEY_HOME), UI_K(UI_KEY_END)}, "g/G", NULL, act_scroll, NULL, NULL,
     "(or Home/End) the top or the bottom of the page", "（或 Home/End）页首或页尾", when_reading},
    /* typing an answer (every other row is off meanwhile) */
    {{ENTER}, "Enter", NULL, act_type, "check answer", "提交答案", "(typing) check the answer",
     "（输入时）检查答案", when_typing},
    {{UI_K(UI_KEY_BACKSPACE)}, "Bksp", NULL, act_type, "delete", "删除", "(typing) delete a character",
     "（输入时）删除一个字符", when_typing},
    {{UI_K(UI_KEY_LEFT), UI_K(UI_KEY_RIGHT), UI_K(UI_KEY_HOME), UI_K(UI_KEY_END)}, "←/→", "Left/Right", act_type, "move",
     "移动", "(typing) move in the answer (Home/End: to its ends)", "（输入时）在答案中移动（Home/End：到两端）",
     when_typing},
    {{UI_K(UI_KEY_ESC)}, "Esc", NULL, act_type, "stop typing", "停止输入", "(typing) stop typing",
     "（输入时）停止输入", when_typing},
    {{UI_ANY_CHAR}, "…", "...", act_type, NULL, NULL, NULL, NULL, when_typing},
};

#undef ENTER
#undef UPDOWN
#undef CHOICES

const ui_keymap reader_keymap = UI_KEYMAP("lesson", reader_bindings);

/* Leaving a question's answer line by any key outside it. */
unsigned reader_on_key(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    if (!when_typing(s, ctx)) {
        rs(s)->typing = false;
        ctx->text_input = false;
    }
    return ui_keymap_dispatch(&reader_keymap, s, key, ctx);
}

