/*
 * reader_doc.c — a lesson page laid out as lines for one column width.
 *
 *   heading      bold line, a blank line before
 *   paragraph    wrapped (text_wrap), a blank line after
 *   formula/code indented 4, never wrapped: clipped with › at draw time
 *   bullets      "• " then wrapped text with a hanging indent
 *   note/tip     a box ┌ Note ──┐ │ text │ └──┘
 *   diagram      indented 2, never wrapped
 *   quiz         question, choices or an answer line, verdict, hints,
 *                the explanation box once solved
 *   lab          "▶ Open the … lab" and its caption
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glyphs.h"
#include "progress.h"
#include "reader_internal.h"
#include "text.h"

typedef struct doc {
    reader_line *lines;
    int n, cap;
    bool failed;
    int width;
    const ui_ctx *ctx;
    char *pending;       /* a spelled-out text waiting for its first line to own it */
} doc;

/* Symbols an ASCII terminal cannot show, spelled out (the tui draws the rest
 * as one look-alike character each: a₂ → a2, ∂ → d). */
static const char *const doc_ascii_words[][2] = {
    {"\u0177", "yhat"}, {"\u0176", "Yhat"}, {"\u03c3", "sigma"}, {"\u03b1", "alpha"}, {"\u03a3", "sum"},
    {"\u03b5", "eps"}, {"\u03b8", "theta"}, {"\u221e", "inf"}, {"\u221a", "sqrt"}, {"\u00bd", "1/2"},
    {"\u2208", "in"}, {"\u2264", "<="}, {"\u2265", ">="}, {"\u2260", "!="}, {"\u21d2", "=>"},
    {"\u21d4", "<=>"}, {"\u2192", "->"}, {"\u2190", "<-"}, {"\u00b1", "+/-"}, {"\u2248", "~"},
};

/* text as an ASCII terminal should read it: itself when nothing needs
 * spelling out, else a malloc'd copy parked in d->pending until a line owns
 * it (the previous pending copy, never taken, is freed). */
static const char *doc_text(doc *d, const char *text)
{
    if (!text || !d->ctx->ascii)
        return text;
    size_t extra = 0;
    for (const char *p = text; *p; p++)
        if ((unsigned char)*p >= 0x80)
            extra += 8;
    if (!extra)
        return text;
    size_t n = strlen(text), cap = n + extra + 1, o = 0;
    char *out = malloc(cap);
    if (!out)
        return text;
    bool changed = false;
    for (const char *p = text; *p;) {
        size_t w = 0, k = sizeof doc_ascii_words / sizeof doc_ascii_words[0];
        for (; w < k; w++)
            if (!strncmp(p, doc_ascii_words[w][0], strlen(doc_ascii_words[w][0])))
                break;
        if (w < k) {
            size_t len = strlen(doc_ascii_words[w][1]);
            memcpy(out + o, doc_ascii_words[w][1], len);
            o += len;
            p += strlen(doc_ascii_words[w][0]);
            changed = true;
        } else {
            out[o++] = *p++;
        }
    }
    out[o] = '\0';
    if (!changed) {
        free(out);
        return text;
    }
    free(d->pending);
    d->pending = out;
    return out;
}

/* The line that first shows d->pending takes ownership of it. */
static void doc_claim(doc *d, reader_line *l, const char *text)
{
    if (l && d->pending && text == d->pending) {
        l->heap = d->pending;
        d->pending = NULL;
    }
}

static reader_line *doc_add(doc *d)
{
    if (d->failed)
        return NULL;
    if (d->n == d->cap) {
        int cap = d->cap ? d->cap * 2 : 64;
        reader_line *p = realloc(d->lines, (size_t)cap * sizeof *p);
        if (!p) {
            d->failed = true;
            return NULL;
        }
        d->lines = p;
        d->cap = cap;
    }
    reader_line *l = &d->lines[d->n++];
    memset(l, 0, sizeof *l);
    l->block = -1;
    return l;
}

static void doc_blank(doc *d)
{
    if (d->n > 0 && d->lines[d->n - 1].text == NULL && !d->lines[d->n - 1].own[0] &&
        !d->lines[d->n - 1].prefix[0] && !d->lines[d->n - 1].box)
        return;  /* never two blank lines in a row */
    doc_add(d);
}

/* Wrapped text: the first line gets `prefix`, the others hang under the text. */
static void doc_wrap(doc *d, const char *text, int indent, const char *prefix, ui_role prefix_role, ui_role role,
                     int block, char box, int box_w)
{
    text = doc_text(d, text);
    int pw = prefix ? text_width(prefix) : 0;
    int w = (box ? box_w - 4 : d->width - indent) - pw;
    if (w < 4)
        w = 4;
    text_line *tl = NULL;
    size_t n = text_wrap(text ? text : "", w, &tl);
    if (n == 0) {
        reader_line *l = doc_add(d);
        if (l) {
            l->indent = indent;
            l->box = box;
            l->box_w = box_w;
            l->block = block;
            if (prefix)
                snprintf(l->prefix, sizeof l->prefix, "%s", prefix);
            l->prefix_role = prefix_role;
        }
    }
    for (size_t i = 0; i < n; i++) {
        reader_line *l = doc_add(d);
        if (!l)
            break;
        doc_claim(d, l, text);
        l->indent = indent + (i ? pw : 0);
        if (i == 0 && prefix)
            snprintf(l->prefix, sizeof l->prefix, "%s", prefix);
        l->prefix_role = prefix_role;
        l->text = text + tl[i].start;
        l->len = tl[i].len;
        l->role = role;
        l->block = block;
        l->box = box;
        l->box_w = box_w;
        if (box && i == 0 && pw) {
            /* In a box the prefix sits inside the border; keep the hang. */
        }
    }
    free(tl);
}

static void doc_own(doc *d, int indent, ui_role role, int block, const char *fmt, const char *a, const char *b)
{
    reader_line *l = doc_add(d);
    if (!l)
        return;
    l->indent = indent;
    l->role = role;
    l->block = block;
    char tmp[2048];
    snprintf(tmp, sizeof tmp, fmt, a ? a : "", b ? b : "");
    /* Cut at a character boundary when it does not fit. */
    size_t n = strlen(tmp);
    if (n >= sizeof l->own) {
        n = sizeof l->own - 1;
        while (n > 0 && ((unsigned char)tmp[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(l->own, tmp, n);
    l->own[n] = '\0';
}

static void doc_box(doc *d, const char *title, const char *text, ui_role role, int block)
{
    int bw = d->width - 2;
    if (bw > 90)
        bw = 90;
    reader_line *l = doc_add(d);
    if (l) {
        l->box = 't';
        l->box_w = bw;
        l->box_title = title;
        l->role = role;
        l->block = block;
    }
    doc_wrap(d, text, 0, NULL, role, ROLE_NORMAL, block, 'm', bw);
    l = doc_add(d);
    if (l) {
        l->box = 'b';
        l->box_w = bw;
        l->role = role;
        l->block = block;
    }
}

static void doc_lines(doc *d, lesson_lines ls, int indent, ui_role role, int block, bool spell)
{
    for (int i = 0; i < ls.count; i++) {
        const char *text = spell ? doc_text(d, ls.items[i]) : ls.items[i];
        reader_line *l = doc_add(d);
        if (!l)
            return;
        doc_claim(d, l, text);
        l->indent = indent;
        l->text = text;
        l->len = strlen(text);
        l->role = role;
        l->clip = true;
        l->block = block;
    }
}

/* The answer being typed with its cursor, in at most `room` columns: when
 * it is wider, the part around the cursor, with ‹ where the start is hidden
 * (so the learner always sees what the next key changes). */
static void doc_input_window(char *out, size_t size, const char *input, size_t caret, int room, bool ascii)
{
    const char *cursor = glyph_str(GLYPH_CURSOR, ascii);
    snprintf(out, size, "%.*s%s%s", (int)caret, input, cursor, input + caret);
    if (room < 8 || text_width(out) <= room)
        return;
    /* Back from the caret while the text before it fits in half the room. */
    size_t start = caret;
    int w = 0;
    while (start > 0) {
        size_t p = start - 1;
        while (p > 0 && ((unsigned char)input[p] & 0xC0) == 0x80)
            p--;
        uint32_t cp;
        text_decode(input + p, start - p, &cp);
        if (w + text_cp_width(cp) > room / 2)
            break;
        w += text_cp_width(cp);
        start = p;
    }
    snprintf(out, size, "%s%.*s%s%s", start > 0 ? glyph_str(GLYPH_CLIP_LEFT, ascii) : "", (int)(caret - start),
             input + start, cursor, input + caret);
}

/* The right answer as the learner would read it. */
static void doc_answer_text(const lesson_quiz *q, lesson_lang lang, char *buf, size_t size)
{
    switch (q->kind) {
    case LESSON_QUIZ_CHOICE:
        snprintf(buf, size, "%d) %s", q->answer_index + 1, lesson_text_get(q->choices[q->answer_index], lang));
        break;
    case LESSON_QUIZ_NUMBER:
        snprintf(buf, size, "%g", q->answer_number);
        break;
    default:
        snprintf(buf, size, "%s", q->answer_text ? q->answer_text : "");
        break;
    }
}

static void doc_quiz(doc *d, const reader_screen *r, int b, bool focused)
{
    const ui_ctx *ctx = d->ctx;
    lesson_lang lang = ctx->lang;
    bool ascii = ctx->ascii;
    const reader_quiz *qs = reader_quiz_of(r, b);
    if (!qs)
        return;
    const lesson_quiz *q = qs->q;
    bool solved = reader_quiz_solved(qs);
    doc_blank(d);
    char head[96];
    static const char *const kinds_zh[] = {"选择题", "形状", "数值", "填词"};
    snprintf(head, sizeof head, "%s %s %s", UI_TR(ctx, "Quiz", "小测验"), ascii ? "-" : "\u00b7",
             ctx->lang == UI_LANG_ZH && (unsigned)q->kind < 4 ? kinds_zh[q->kind] : lesson_quiz_kind_name(q->kind));
    doc_own(d, 0, ROLE_HEADING, b, "%s%s", head, "");
    doc_wrap(d, lesson_text_get(q->question, lang), 0, NULL, ROLE_NORMAL, ROLE_NORMAL, b, 0, 0);
    if (q->kind == LESSON_QUIZ_CHOICE) {
        for (int i = 0; i < q->n_choices; i++) {
            char prefix[48];
            const char *mark = " ";
            ui_role mrole = ROLE_NORMAL;
            if (solved && i == q->answer_index) {
                mark = glyph_str(GLYPH_DONE, ascii);
                mrole = ROLE_OK;
            } else if (qs->picked == i && qs->has_verdict && !qs->last_right) {
                mark = glyph_str(GLYPH_WRONG, ascii);
                mrole = ROLE_BAD;
            } else if (focused && !solved && qs->cursor == i) {
                mark = glyph_str(GLYPH_CURRENT, ascii);
                mrole = ROLE_CURRENT;
            }
            snprintf(prefix, sizeof prefix, "%s %d) ", mark, i + 1);
            int first = d->n;
            doc_wrap(d, lesson_text_get(q->choices[i], lang), 1, prefix, mrole, ROLE_NORMAL, b, 0, 0);
            if (focused && !solved && qs->cursor == i)
                for (int k = first; k < d->n; k++)
                    d->lines[k].focus = true;
        }
    } else if (!solved) {
        reader_line *l = doc_add(d);
        if (l) {
            l->block = b;
            l->indent = 1;
            snprintf(l->prefix, sizeof l->prefix, "%s ", UI_TR(ctx, "Answer:", "答案："));
            l->prefix_role = ROLE_HEADING;
            if (r->typing && focused) {
                size_t caret = qs->caret < strlen(qs->input) ? qs->caret : strlen(qs->input);
                doc_input_window(l->own, sizeof l->own, qs->input, caret, d->width - 1 - text_width(l->prefix),
                                 ascii);
                l->role = ROLE_INPUT;
            } else {
                snprintf(l->own, sizeof l->own, "%s", qs->input[0] ? qs->input
                         : UI_TR(ctx, "(press Enter to type your answer)", "（按 Enter 输入答案）"));
                l->role = ROLE_DIM;
                l->focus = focused;
            }
        }
        if (qs->unreadable)
            doc_wrap(d, lesson_text_get(lesson_quiz_unreadable_text(q), lang), 3, NULL, ROLE_WARN, ROLE_WARN, b, 0, 0);
    }
    if (qs->has_verdict || (solved && qs->tries > 0)) {
        char answer[256];
        if (qs->right && (qs->last_right || !qs->has_verdict)) {
            doc_own(d, 1, ROLE_OK, b, "%s %s", glyph_str(GLYPH_DONE, ascii), UI_TR(ctx, "Right.", "答对了。"));
        } else if (qs->has_verdict && !qs->last_right) {
            char yours[READER_INPUT_MAX + 16];
            if (q->kind == LESSON_QUIZ_CHOICE)
                snprintf(yours, sizeof yours, "%d", qs->picked + 1);
            else
                snprintf(yours, sizeof yours, "%s", qs->last);
            char line[512];
            snprintf(line, sizeof line, UI_TR(ctx, "Not right: %s.", "不对：%s。"), yours);
            doc_own(d, 1, ROLE_BAD, b, "%s %s", glyph_str(GLYPH_WRONG, ascii), line);
            if (qs->feedback)
                doc_wrap(d, lesson_text_get(qs->feedback->explanation, lang), 3, NULL, ROLE_NOTE, ROLE_NOTE, b, 0, 0);
            const char *again = q->kind == LESSON_QUIZ_CHOICE
                                    ? UI_TR(ctx, "Try again: pick another, or h for a hint.", "再试一次：另选一项，或按 h 看提示。")
                                    : UI_TR(ctx, "Try again: Enter to answer, h for a hint.", "再试一次：按 Enter 作答，按 h 看提示。");
            if (!solved)
                doc_wrap(d, again, 3, NULL, ROLE_DIM, ROLE_DIM, b, 0, 0);
        }
        if (solved && !qs->right) {
            doc_answer_text(q, lang, answer, sizeof answer);
            doc_own(d, 1, ROLE_WARN, b, "%s %s", UI_TR(ctx, "The answer:", "正确答案："), answer);
            doc_wrap(d, UI_TR(ctx, "Enter: try this question again.", "按 Enter 重新作答这道题。"), 3, NULL, ROLE_DIM,
                     ROLE_DIM, b, 0, 0);
        }
    }
    for (int i = 0; i < qs->hints && i < q->n_hints; i++) {
        char prefix[48];
        snprintf(prefix, sizeof prefix, "%s %s %d: ", glyph_str(GLYPH_HINT, ascii), UI_TR(ctx, "Hint", "提示"),
                 i + 1);
        doc_wrap(d, lesson_text_get(q->hints[i], lang), 1, prefix, ROLE_NOTE, ROLE_NORMAL, b, 0, 0);
    }
    if (solved)
        doc_box(d, UI_TR(ctx, "Explanation", "解释"), lesson_text_get(q->explanation, lang), ROLE_NOTE, b);
    doc_blank(d);
}

static const char *doc_lab_name(const ui_ctx *ctx, lesson_lab_kind k)
{
    switch (k) {
    case LESSON_LAB_STEPPER: return UI_TR(ctx, "Open the stepper lab", "打开逐步演算实验");
    case LESSON_LAB_TRAINER: return UI_TR(ctx, "Open the trainer lab", "打开训练实验");
    case LESSON_LAB_DEEP_TRAINER: return UI_TR(ctx, "Open the deep trainer lab", "打开深层网络训练实验");
    case LESSON_LAB_SWEEP: return UI_TR(ctx, "Open the hidden-size sweep", "打开隐藏层大小扫描");
    default: return "?";
    }
}

static void doc_lab(doc *d, const lesson_block *bl, int b, bool focused)
{
    const ui_ctx *ctx = d->ctx;
    doc_blank(d);
    reader_line *l = doc_add(d);
    if (l) {
        l->block = b;
        snprintf(l->prefix, sizeof l->prefix, "%s ", glyph_str(GLYPH_LAB, ctx->ascii));
        l->prefix_role = ROLE_KEY;
        snprintf(l->own, sizeof l->own, "%s  [Enter]", doc_lab_name(ctx, bl->lab->kind));
        l->role = ROLE_KEY;
        l->focus = focused;
    }
    doc_wrap(d, lesson_text_get(bl->lab->caption, ctx->lang), 2, NULL, ROLE_DIM, ROLE_DIM, b, 0, 0);
    doc_blank(d);
}

/* "✎ Exercise: write w4a1/linear_forward  [Enter]" with the last check's
 * mark (✓ passes, ✗ not yet), then the caption. */
static void doc_exercise(doc *d, const lesson_block *bl, int b, bool focused)
{
    const ui_ctx *ctx = d->ctx;
    progress_ex_status st = progress_exercise_get(ctx->progress, bl->exercise->id);
    doc_blank(d);
    reader_line *l = doc_add(d);
    if (l) {
        l->block = b;
        ui_glyph g = st == PROGRESS_EX_PASS ? GLYPH_DONE : st == PROGRESS_EX_FAIL ? GLYPH_WRONG : GLYPH_LAB;
        snprintf(l->prefix, sizeof l->prefix, "%s ", glyph_str(g, ctx->ascii));
        l->prefix_role = st == PROGRESS_EX_PASS ? ROLE_OK : st == PROGRESS_EX_FAIL ? ROLE_BAD : ROLE_KEY;
        snprintf(l->own, sizeof l->own, "%s %s%s  [Enter]", UI_TR(ctx, "Exercise: write", "练习：写出"),
                 bl->exercise->id,
                 st == PROGRESS_EX_PASS ? UI_TR(ctx, " (passes)", "（已通过）")
                 : st == PROGRESS_EX_FAIL ? UI_TR(ctx, " (not yet)", "（尚未通过）") : "");
        l->role = ROLE_KEY;
        l->focus = focused;
    }
    if (bl->exercise->caption.en)
        doc_wrap(d, lesson_text_get(bl->exercise->caption, ctx->lang), 2, NULL, ROLE_DIM, ROLE_DIM, b,
                 0, 0);
    doc_blank(d);
}

int reader_doc_build(const reader_screen *r, const ui_ctx *ctx, int width, reader_line **out)
{
    doc d = {.width = width < 8 ? 8 : width, .ctx = ctx};
    lesson_lang lang = ctx->lang;
    const lesson_page *pg = &r->l->pages[r->page];
    int focus = reader_focus_block(r);
    const char *title = lesson_text_get(pg->title, lang);
    if (title) {
        doc_wrap(&d, title, 0, NULL, ROLE_HEADING, ROLE_HEADING, -1, 0, 0);
        doc_blank(&d);
    }
    for (int b = 0; b < pg->n_blocks; b++) {
        const lesson_block *bl = &pg->blocks[b];
        switch (bl->kind) {
        case LESSON_BLOCK_HEADING:
            doc_blank(&d);
            doc_wrap(&d, lesson_text_get(bl->text, lang), 0, NULL, ROLE_HEADING, ROLE_HEADING, b, 0, 0);
            break;
        case LESSON_BLOCK_PARAGRAPH:
            doc_wrap(&d, lesson_text_get(bl->text, lang), 0, NULL, ROLE_NORMAL, ROLE_NORMAL, b, 0, 0);
            doc_blank(&d);
            break;
        case LESSON_BLOCK_FORMULA:
            doc_lines(&d, lesson_block_lines(bl, lang), 4, ROLE_FORMULA, b, true);
            doc_blank(&d);
            break;
        case LESSON_BLOCK_CODE:
            doc_lines(&d, lesson_block_lines(bl, lang), 4, ROLE_CODE, b, true);
            doc_blank(&d);
            break;
        case LESSON_BLOCK_DIAGRAM:
            doc_lines(&d, lesson_block_lines(bl, lang), 2, ROLE_NORMAL, b, false);
            doc_blank(&d);
            break;
        case LESSON_BLOCK_BULLETS: {
            char prefix[16];
            snprintf(prefix, sizeof prefix, "%s ", glyph_str(GLYPH_BULLET, ctx->ascii));
            for (int i = 0; i < bl->n_items; i++)
                doc_wrap(&d, lesson_text_get(bl->items[i], lang), 1, prefix, ROLE_DIM, ROLE_NORMAL, b, 0, 0);
            doc_blank(&d);
            break;
        }
        case LESSON_BLOCK_NOTE:
        case LESSON_BLOCK_TIP:
            doc_box(&d, bl->kind == LESSON_BLOCK_NOTE ? UI_TR(ctx, "Note", "注意") : UI_TR(ctx, "Tip", "提示"),
                    lesson_text_get(bl->text, lang), ROLE_NOTE, b);
            doc_blank(&d);
            break;
        case LESSON_BLOCK_QUIZ:
            doc_quiz(&d, r, b, focus == b);
            break;
        case LESSON_BLOCK_LAB:
            doc_lab(&d, bl, b, focus == b);
            break;
        case LESSON_BLOCK_EXERCISE:
            doc_exercise(&d, bl, b, focus == b);
            break;
        default:
            break;
        }
    }
    free(d.pending);
    if (d.failed) {
        reader_doc_free(d.lines, d.n);
        *out = NULL;
        return 0;
    }
    *out = d.lines;
    return d.n;
}

void reader_doc_free(reader_line *lines, int n)
{
    if (!lines)
        return;
    for (int i = 0; i < n; i++)
        free(lines[i].heap);
    free(lines);
}

int reader_doc_find(const reader_line *lines, int n, int block)
{
    for (int i = 0; i < n; i++)
        if (lines[i].block == block)
            return i;
    return -1;
}
