/*
 * reader_view.c — the lesson reader drawn: title bar, the page document
 * (reader_doc.c) at its scroll position with ↑/↓ marks, the footer that says
 * what comes next, the key bar entries and the `?` text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glyphs.h"
#include "layout.h"
#include "progress.h"
#include "reader_internal.h"
#include "screens.h"
#include "text.h"

int reader_hscroll_max(const reader_screen *r, const ui_ctx *ctx)
{
    ui_rect a = reader_area(ctx->body);
    int w = a.w - 2;
    reader_line *lines;
    int n = reader_doc_build(r, ctx, w, &lines);
    int max = 0;
    for (int i = 0; i < n; i++) {
        if (!lines[i].clip)
            continue;
        char buf[2048];
        size_t len = lines[i].len < sizeof buf - 1 ? lines[i].len : sizeof buf - 1;
        memcpy(buf, lines[i].text, len);
        buf[len] = '\0';
        /* One column is the › mark, one the ‹ mark once shifted. */
        int over = lines[i].indent + text_width(buf) - w + 2;
        if (over > max)
            max = over;
    }
    reader_doc_free(lines, n);
    return max;
}

/* The bytes of buf after its first `cols` columns (never inside a character). */
static const char *reader_skip_cols(const char *buf, int cols)
{
    size_t n = strlen(buf), i = 0;
    int w = 0;
    while (i < n && w < cols) {
        uint32_t cp;
        i += (size_t)text_decode(buf + i, n - i, &cp);
        w += text_cp_width(cp);
    }
    return buf + i;
}

static void reader_draw_line(ui_canvas *c, const reader_line *l, int x, int y, int w, bool ascii, int hscroll)
{
    int x0 = x + l->indent;
    if (l->box) {
        int bw = l->box_w < w - l->indent ? l->box_w : w - l->indent;
        if (l->box == 'm') {
            canvas_put(c, x0, y, glyph_cp(GLYPH_V_LINE, ascii), l->role);
            canvas_put(c, x0 + bw - 1, y, glyph_cp(GLYPH_V_LINE, ascii), l->role);
            /* The text sits between "│ " and " │": bw − 4 columns, the
             * width reader_doc.c wrapped it to. */
            x0 += 2;
            w = bw - 2 + l->indent;
        } else {
            ui_glyph left = l->box == 't' ? GLYPH_TOP_LEFT : GLYPH_BOTTOM_LEFT;
            ui_glyph right = l->box == 't' ? GLYPH_TOP_RIGHT : GLYPH_BOTTOM_RIGHT;
            canvas_put(c, x0, y, glyph_cp(left, ascii), l->role);
            for (int i = 1; i < bw - 1; i++)
                canvas_put(c, x0 + i, y, glyph_cp(GLYPH_H_LINE, ascii), l->role);
            canvas_put(c, x0 + bw - 1, y, glyph_cp(right, ascii), l->role);
            if (l->box_title) {
                int tw = canvas_printf(c, x0 + 2, y, bw - 4, ROLE_HEADING, " %s ", l->box_title);
                (void)tw;
            }
            return;
        }
    }
    int room = x + w - x0;
    int used = 0;
    if (l->prefix[0])
        used += canvas_text(c, x0, y, room, l->prefix, l->prefix_role);
    char buf[2048];
    const char *src = l->text ? l->text : l->own;
    size_t len = l->text ? l->len : strlen(l->own);
    if (len >= sizeof buf)
        len = sizeof buf - 1;
    memcpy(buf, src, len);
    buf[len] = '\0';
    int tx = x0 + used;
    int avail = room - used;
    const char *shown = buf;
    if (l->clip && hscroll > 0 && avail > 2 && text_width(buf) > 0) {
        /* Shifted left: ‹ marks the hidden start. */
        shown = reader_skip_cols(buf, hscroll + 1);
        canvas_put(c, tx, y, glyph_cp(GLYPH_CLIP_LEFT, ascii), ROLE_DIM);
        tx++;
        avail--;
        used++;
    }
    if (shown != buf) {
        memmove(buf, shown, strlen(shown) + 1);
    }
    if (l->clip && text_width(buf) > avail && avail > 1) {
        canvas_text(c, tx, y, avail - 1, buf, l->role);
        canvas_put(c, tx + avail - 1, y, glyph_cp(GLYPH_CLIP, ascii), ROLE_DIM);
    } else {
        used += canvas_text(c, tx, y, avail, buf, l->role);
    }
    if (l->focus)
        canvas_paint(c, x0, y, used > 0 ? used : 1, 1, ROLE_SELECTED, 0);
}

void reader_render(const ui_screen *s, ui_canvas *c, ui_rect body, const ui_ctx *ctx)
{
    const reader_screen *r = (const reader_screen *)s;
    lesson_lang lang = ctx->lang;
    ui_panels p = layout_panels(body);
    char left[256], right[64];
    snprintf(left, sizeof left, UI_TR(ctx, "Week %d %s %s", "第 %d 周 %s %s"), r->l->week_number,
             ctx->ascii ? "-" : "\u00b7", lesson_text_get(r->l->title, lang));
    snprintf(right, sizeof right, UI_TR(ctx, "page %d/%d", "第 %d/%d 页"), r->page + 1, r->l->n_pages);
    screen_draw_title(c, p.title, left, right);
    ui_rect a = p.column;
    reader_line *lines;
    int n = reader_doc_build(r, ctx, a.w - 2, &lines);
    /* The last row of the area tells what comes next. */
    int rows = a.h - 1;
    int max = n > rows ? n - rows : 0;
    int scroll = r->scroll > max ? max : r->scroll < 0 ? 0 : r->scroll;
    for (int i = 0; i < rows && scroll + i < n; i++)
        reader_draw_line(c, &lines[scroll + i], a.x, a.y + i, a.w - 2, ctx->ascii, r->hscroll);
    reader_doc_free(lines, n);
    if (scroll > 0)
        canvas_text(c, a.x + a.w - 1, a.y, 1, glyph_str(GLYPH_ARROW_UP, ctx->ascii), ROLE_DIM);
    if (scroll < max)
        canvas_text(c, a.x + a.w - 1, a.y + rows - 1, 1, glyph_str(GLYPH_ARROW_DOWN, ctx->ascii), ROLE_DIM);
    int fy = a.y + rows;
    const char *foot;
    ui_role frole = ROLE_DIM;
    if (r->page + 1 < r->l->n_pages) {
        foot = reader_page_answered(r) ? UI_TR(ctx, "n: next page", "n：下一页")
                                       : UI_TR(ctx, "Answer the question above to go on.", "回答上面的问题后才能继续。");
    } else if (progress_is_done(ctx->progress, r->l->id)) {
        foot = UI_TR(ctx, "End of the lesson: done. q: back to the course map", "本课结束：已完成。q：返回课程地图");
        frole = ROLE_OK;
    } else {
        foot = UI_TR(ctx, "Last page. Answer every question of the lesson to finish it.",
                     "最后一页。回答本课的所有问题即可完成。");
    }
    canvas_text(c, a.x, fy, a.w, foot, frole);
}

/* The English help after its first two paragraphs, the same with and
 * without UTF-8 (only those two name arrow keys and marks). */
#define READER_HELP_EN_REST \
    "Quizzes: pick a choice with its number (or the arrows and Enter), or press Enter to type an " \
    "answer and Enter again to check it (digits start a number or a shape at once). Right or wrong " \
    "shows at once, with a word on the mistake when it is a common one; an answer that cannot be read " \
    "uses no try. h reveals the hints one at a time; after three tries the answer is shown, and Enter " \
    "starts the question again. The explanation appears once the question is solved.\n\n" \
    "The way forward (n) appears only once every question on the page has been answered. A lab " \
    "button opens an interactive lab with the lesson's settings; leaving the lab comes back to " \
    "this page. An exercise button opens the exercise screen for one of the course's graded functions, " \
    "which you write in your own file (its mark: passes, or not yet). Tab moves between the questions, " \
    "labs and exercises of a page.\n\n" \
    "A lesson is done when its last page is reached and all of its questions are answered right. Your " \
    "page is saved."

const char *reader_help(const ui_screen *s, const ui_ctx *ctx)
{
    (void)s;
    if (ctx->ascii && ctx->lang == UI_LANG_EN)
        return
                 "The lesson reader shows one page of a lesson at a time. The top line names the week, the "
                 "lesson and the page. Formulas, code and diagrams are never wrapped: a line too long for the "
                 "window ends in a > mark; < and > shift such lines sideways.\n\n"
                 READER_HELP_EN_REST;
    return UI_TR(ctx,
                 "The lesson reader shows one page of a lesson at a time. The top line names the week, the "
                 "lesson and the page. Formulas, code and diagrams are never wrapped: a line too long for the "
                 "window ends in a \u203a mark (> without UTF-8); < and > shift such lines sideways.\n\n"
                 READER_HELP_EN_REST,
                 "课文阅读器一次显示一页。顶行是周、课文和页码。公式、代码和图示从不折行：超出窗口的行以 \u203a "
                 "标记结尾（非 UTF-8 终端为 >），可用 < 和 > 左右移动这些行。\n\n"
                 "小测验：按数字选择（或用方向键选好再按 Enter），或按 Enter 输入答案（数值和形状题直接输入数字即可），"
                 "再按 Enter 检查。对错立即显示，常见错误还会说明错在哪里；看不懂的输入不算一次作答。"
                 "h 逐级显示提示；三次之后显示答案，再按 Enter 可以重新作答。答对后显示解释。\n\n"
                 "只有回答了本页的所有问题，才会出现前进键 n。实验按钮会按本课的设置打开交互实验；离开实验后回到"
                 "本页。练习按钮会打开一个要评分的函数的练习界面，你在自己的文件里写出它（标记表示是否已通过）。"
                 "Tab 在本页的问题、实验和练习之间移动。\n\n"
                 "读到最后一页并答对了本课的所有问题，这一课就完成了。你读到的页会被保存。");
}
