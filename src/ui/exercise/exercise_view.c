/*
 * exercise_view.c — drawing the exercise screen: the state laid out as a
 * document of lines for the body's width, drawn from `scroll` on.
 *
 *   title    Exercise 25/34: w4a1/linear_forward           ✗ not yet
 *   heading  the exercise's title
 *            File / Function, the task (wrapped)
 *   status   no file yet (i) · no Python with numpy · checking · the cases:
 *              ✓ / ✗ / · per case, the first failure's verdict under it,
 *              with `v` the expected and the learner's arrays
 *   Hints    the tiers shown so far (h)
 *   Our solution (s, once the learner's passes)
 *   the Python that ran the check
 */
#if defined(__GNUC__) && !defined(__clang__)
/* Paths and messages are cut at their buffers on purpose. */
#pragma GCC diagnostic ignored "-Wformat-truncation"
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../glyphs.h"
#include "../layout.h"
#include "../screens.h"
#include "../text.h"
#include "ex_text.h"
#include "exercise_internal.h"

typedef struct exs_line {
    int indent;
    uint32_t mark;      /* drawn at indent, the text 2 columns later; 0: none */
    ui_role mark_role;
    ui_role role;
    bool clip;          /* preformatted: cut at the edge, never wrapped */
    char *text;         /* owned */
} exs_line;

typedef struct exs_doc {
    exs_line *lines;
    int n, cap;
    int width;
    bool oom;
} exs_doc;

static void doc_push(exs_doc *d, int indent, uint32_t mark, ui_role mark_role, ui_role role, bool clip, const char *s,
                     size_t len)
{
    if (d->oom)
        return;
    if (d->n == d->cap) {
        int cap = d->cap ? d->cap * 2 : 64;
        exs_line *l = realloc(d->lines, (size_t)cap * sizeof *l);
        if (!l) {
            d->oom = true;
            return;
        }
        d->lines = l;
        d->cap = cap;
    }
    char *t = malloc(len + 1);
    if (!t) {
        d->oom = true;
        return;
    }
    memcpy(t, s, len);
    t[len] = '\0';
    d->lines[d->n++] = (exs_line){indent, mark, mark_role, role, clip, t};
}

static void doc_blank(exs_doc *d)
{
    if (d->n > 0 && d->lines[d->n - 1].text[0])
        doc_push(d, 0, 0, ROLE_NORMAL, ROLE_NORMAL, false, "", 0);
}

/* Wrapped text; the mark (if any) before its first line. */
static void doc_text(exs_doc *d, int indent, uint32_t mark, ui_role mark_role, ui_role role, const char *text)
{
    int x = indent + (mark ? 2 : 0);
    int w = d->width - x;
    if (w < 8)
        w = 8;
    text_line *tl = NULL;
    size_t n = text_wrap(text, w, &tl);
    if (n == 0)
        doc_push(d, indent, mark, mark_role, role, false, "", 0);
    for (size_t i = 0; i < n; i++)
        doc_push(d, indent, i == 0 ? mark : 0, mark_role, role, false, text + tl[i].start, tl[i].len);
    free(tl);
    /* lines after the first start under the text, not under the mark */
    for (size_t i = 1; i < n && !d->oom && mark; i++)
        d->lines[d->n - (int)n + (int)i].indent = x;
}

/* Preformatted lines (code, arrays): split at '\n', clipped. */
static void doc_pre(exs_doc *d, int indent, ui_role role, const char *text, int max_lines)
{
    const char *p = text;
    for (int k = 0; *p && k < max_lines; k++) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        doc_push(d, indent, 0, ROLE_NORMAL, role, true, p, len);
        p += len + (nl ? 1 : 0);
    }
}

static void doc_free(exs_doc *d)
{
    for (int i = 0; i < d->n; i++)
        free(d->lines[i].text);
    free(d->lines);
}

static void build_cases(const exercise_screen *e, const ui_ctx *ctx, exs_doc *d)
{
    const ex_meta *m = exs_meta(e);
    const ex_result *r = &e->res;
    char buf[4096];
    bool ascii = ctx->ascii;
    snprintf(buf, sizeof buf, "%s", UI_TR(ctx, "Test cases", "测试用例"));
    if (e->job)
        snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s",
                 UI_TR(ctx, " (checking again...)", "（正在重新检查……）"));
    doc_text(d, 0, 0, ROLE_NORMAL, ROLE_HEADING, buf);
    if (r->file_verdict.outcome != EX_PASS) {
        ex_verdict_text(&r->file_verdict, m->function, (int)ctx->lang, buf, sizeof buf);
        doc_text(d, 0, glyph_cp(GLYPH_WRONG, ascii), ROLE_BAD, ROLE_NORMAL, buf);
        if (r->import_output && r->import_output[0]) {
            doc_text(d, 4, 0, ROLE_NORMAL, ROLE_DIM, UI_TR(ctx, "it printed:", "打印输出："));
            doc_pre(d, 6, ROLE_DIM, r->import_output, 6);
        }
        return;
    }
    bool explained = false;
    for (int i = 0; i < r->n_cases; i++) {
        const ex_case_result *c = &r->cases[i];
        bool ok = c->v.outcome == EX_PASS, not_run = c->v.outcome == EX_NOT_RUN;
        snprintf(buf, sizeof buf, "%s%s", c->hidden ? UI_TR(ctx, "hidden: ", "隐藏：") : "", c->name);
        doc_text(d, 0, glyph_cp(ok ? GLYPH_DONE : not_run ? GLYPH_NOT_YET : GLYPH_WRONG, ascii),
                 ok ? ROLE_OK : not_run ? ROLE_DIM : ROLE_BAD, not_run ? ROLE_DIM : ROLE_NORMAL, buf);
        if (ok || not_run || explained)
            continue;
        explained = true;
        ex_verdict_text(&c->v, m->function, (int)ctx->lang, buf, sizeof buf);
        doc_text(d, 4, 0, ROLE_NORMAL, ROLE_WARN, buf);
        if (e->show_arrays && !c->hidden && c->expected && c->got) {
            doc_text(d, 4, 0, ROLE_NORMAL, ROLE_DIM, UI_TR(ctx, "expected:", "应为："));
            exv_format(c->expected, buf, sizeof buf, 40);
            doc_pre(d, 6, ROLE_CODE, buf, 12);
            doc_text(d, 4, 0, ROLE_NORMAL, ROLE_DIM, UI_TR(ctx, "yours:", "你的："));
            exv_format(c->got, buf, sizeof buf, 40);
            doc_pre(d, 6, ROLE_CODE, buf, 12);
        }
        if (c->output && c->output[0]) {
            doc_text(d, 4, 0, ROLE_NORMAL, ROLE_DIM, UI_TR(ctx, "it printed:", "打印输出："));
            doc_pre(d, 6, ROLE_DIM, c->output, 6);
        }
    }
    if (r->outcome == EX_PASS) {
        doc_blank(d);
        doc_text(d, 0, glyph_cp(GLYPH_DONE, ascii), ROLE_OK, ROLE_OK,
                 UI_TR(ctx, "Every case passes, the hidden ones too. s shows our solution; n goes on to the next "
                            "exercise.",
                       "全部用例通过，包括隐藏用例。按 s 看参考答案；按 n 做下一个练习。"));
    }
}

static void exs_build(const exercise_screen *e, const ui_ctx *ctx, int width, exs_doc *d)
{
    memset(d, 0, sizeof *d);
    d->width = width;
    const ex_meta *m = exs_meta(e);
    int lang = (int)ctx->lang;
    char buf[EX_PATH_MAX + 512];
    doc_text(d, 0, 0, ROLE_NORMAL, ROLE_HEADING, ex_text_in(&m->title, lang));
    snprintf(buf, sizeof buf, "%s%s", UI_TR(ctx, "File:      ", "文件：    "), e->file);
    doc_text(d, 0, 0, ROLE_NORMAL, ROLE_NORMAL, buf);
    snprintf(buf, sizeof buf, "%s%s", UI_TR(ctx, "Function:  ", "函数：    "), m->signature);
    doc_text(d, 0, 0, ROLE_NORMAL, ROLE_CODE, buf);
    doc_blank(d);
    doc_text(d, 0, 0, ROLE_NORMAL, ROLE_NORMAL, ex_text_in(&m->task, lang));
    doc_blank(d);
    if (!e->polled) {
        doc_text(d, 0, 0, ROLE_NORMAL, ROLE_DIM, UI_TR(ctx, "Looking for your file...", "正在查找你的文件……"));
    } else if (!e->sig.exists) {
        snprintf(buf, sizeof buf, UI_TR(ctx, "Your file %s does not exist yet.", "你的文件 %s 还不存在。"), e->file);
        doc_text(d, 0, 0, ROLE_NORMAL, ROLE_WARN, buf);
        snprintf(buf, sizeof buf,
                 UI_TR(ctx,
                       "Press i to create your exercise folder %s: the exercise files (one per assignment, "
                       "w2a1.py ... w4a2.py) and the course's helper modules are copied there, as `dnn-tutor "
                       "exercises init` does; a file that is already there is never overwritten.",
                       "按 i 创建练习文件夹 %s：把练习文件（每个作业一个，w2a1.py … w4a2.py）和课程的辅助模块复制进去，与 "
                       "`dnn-tutor exercises init` 相同；已有的文件绝不覆盖。"),
                 e->dir);
        doc_text(d, 0, 0, ROLE_NORMAL, ROLE_NORMAL, buf);
    } else if (e->py_state == EXS_PY_NONE) {
        doc_text(d, 0, 0, ROLE_NORMAL, ROLE_WARN,
                 UI_TR(ctx, "No Python 3 with numpy was found, so your code cannot run yet:",
                       "没有找到带 numpy 的 Python 3，所以还不能运行你的代码："));
        doc_text(d, 2, 0, ROLE_NORMAL, ROLE_NORMAL, e->py_msg);
        doc_text(d, 0, 0, ROLE_NORMAL, ROLE_DIM,
                 UI_TR(ctx, "Once it is installed, r checks again.", "安装好之后按 r 重新检查。"));
    } else if (!e->have_result) {
        doc_text(d, 0, 0, ROLE_NORMAL, ROLE_DIM,
                 UI_TR(ctx, "Checking your function...", "正在检查你的函数……"));
    } else {
        build_cases(e, ctx, d);
    }
    if (e->hints > 0) {
        doc_blank(d);
        doc_text(d, 0, 0, ROLE_NORMAL, ROLE_HEADING, UI_TR(ctx, "Hints", "提示"));
        for (int h = 0; h < e->hints && h < m->n_hints; h++)
            doc_text(d, 0, glyph_cp(GLYPH_HINT, ctx->ascii), ROLE_NOTE, ROLE_NOTE, ex_text_in(&m->hints[h], lang));
    }
    if (e->show_solution && e->solution && exs_passed(e)) {
        doc_blank(d);
        doc_text(d, 0, 0, ROLE_NORMAL, ROLE_HEADING, UI_TR(ctx, "Our solution", "参考答案"));
        doc_pre(d, 2, ROLE_CODE, e->solution, 400);
    }
    if (e->py_state == EXS_PY_FOUND && e->polled && e->sig.exists) {
        doc_blank(d);
        snprintf(buf, sizeof buf, UI_TR(ctx, "Run by %s (Python %s, numpy %s).", "运行环境：%s（Python %s，numpy %s）。"),
                 e->py.path, e->py.version, e->py.numpy);
        doc_text(d, 0, 0, ROLE_NORMAL, ROLE_DIM, buf);
    }
}

int exs_doc_lines(const exercise_screen *e, const ui_ctx *ctx, int width)
{
    exs_doc d;
    exs_build(e, ctx, width, &d);
    int n = d.n;
    doc_free(&d);
    return n;
}

void exs_render(const ui_screen *s, ui_canvas *c, ui_rect body, const ui_ctx *ctx)
{
    const exercise_screen *e = (const exercise_screen *)s;
    ui_panels p = layout_panels(body);
    char left[256], right[96] = "";
    snprintf(left, sizeof left, UI_TR(ctx, "dnn-tutor - Exercise %d/%d: %s", "dnn-tutor - 练习 %d/%d：%s"),
             e->index + 1, e->cat->n, exs_meta(e)->id);
    if (e->job)
        snprintf(right, sizeof right, "%s", UI_TR(ctx, "checking...", "检查中……"));
    else if (e->have_result)
        snprintf(right, sizeof right, "%s %s", glyph_str(exs_passed(e) ? GLYPH_DONE : GLYPH_WRONG, ctx->ascii),
                 exs_passed(e) ? UI_TR(ctx, "passes", "通过") : UI_TR(ctx, "not yet", "尚未通过"));
    screen_draw_title(c, p.title, left, right);
    exs_doc d;
    int width = body.w - 2;
    exs_build(e, ctx, width, &d);
    int rows = body.h - 1;
    int scroll = e->scroll;
    if (scroll > d.n - rows)
        scroll = d.n - rows;
    if (scroll < 0)
        scroll = 0;
    for (int i = 0; i < rows && scroll + i < d.n; i++) {
        const exs_line *l = &d.lines[scroll + i];
        int x = body.x + 1 + l->indent, y = body.y + 1 + i;
        int room = body.x + 1 + width - x;
        if (l->mark) {
            canvas_put(c, x, y, l->mark, l->mark_role);
            x += 2;
            room -= 2;
        }
        if (room <= 0)
            continue;
        if (l->clip && text_width(l->text) > room) {
            int w = canvas_text(c, x, y, room - 1, l->text, l->role);
            canvas_put(c, x + w, y, glyph_cp(GLYPH_CLIP, ctx->ascii), ROLE_DIM);
        } else {
            canvas_text(c, x, y, room, l->text, l->role);
        }
    }
    if (scroll > 0)
        canvas_put(c, body.x + body.w - 1, body.y + 1, glyph_cp(GLYPH_ARROW_UP, ctx->ascii), ROLE_DIM);
    if (scroll + rows < d.n)
        canvas_put(c, body.x + body.w - 1, body.y + rows, glyph_cp(GLYPH_ARROW_DOWN, ctx->ascii), ROLE_DIM);
    doc_free(&d);
}

const char *exs_help(const ui_screen *s, const ui_ctx *ctx)
{
    (void)s;
    return UI_TR(ctx,
                 "An exercise is one of the course's graded functions. You write it in numpy in your own file, "
                 "with the same name and arguments as in the course's notebook, in your own editor (e opens it); "
                 "every time you save, dnn-tutor runs it in a separate Python on the course's test cases and on "
                 "hidden ones of other shapes, and compares what it returns with what its own C core computes.\n\n"
                 "Top: the exercise, your file and the function to write, and the task. Then one row per test "
                 "case: a tick when it passes, a cross when not, a dot when it did not run because an earlier "
                 "one failed. Under the first failing case the verdict says what is wrong, in the order you need "
                 "it: the file does not load, the function is still the stub, it returns the wrong type, a rank-1 "
                 "array, the wrong shape, wrong values (where, and both numbers), or it changed its inputs; when "
                 "your output equals a usual mistake's (a missing 1/m, np.sum without keepdims=True, ...) the "
                 "mistake is named. v shows the expected array and yours.\n\n"
                 "h shows the hints one at a time, each more precise. Our solution (s) is there only once yours "
                 "passes. n and p go to the next and the previous exercise; the course map marks the lessons "
                 "whose exercises pass. When your exercise folder does not exist yet, i creates it.",
                 "练习是课程中要评分的函数之一。你在自己的文件里、用自己的编辑器（按 e 打开）以 numpy 写出它，函数名和参数与课程的"
                 " notebook 相同；每次保存后，dnn-tutor 在单独的 Python 进程中用课程的测试用例和其他形状的隐藏用例运行它，并把结果与自"
                 "己的 C 核心算出的值比较。\n\n"
                 "上方：练习、你的文件、要写的函数和任务。然后每个测试用例一行：通过打勾，未通过打叉，因前面的用例失败而未运行的标点。"
                 "第一个未通过的用例下面的判定按你需要的顺序说明问题：文件无法加载、函数仍是空壳、返回类型不对、一维数组、形状不对、数"
                 "值不对（位置和两边的数），或者改动了输入；当你的输出等于某个常见错误（漏了 1/m、np.sum 没有 keepdims=True 等）的输出"
                 "时，会指出这个错误。按 v 显示期望的数组和你的数组。\n\n"
                 "按 h 逐条显示提示，一条比一条具体。参考答案（s）只在你的函数通过后才显示。n 和 p 切换到下一个和上一个练习；课程地图会"
                 "标出练习已通过的课文。练习文件夹还不存在时，按 i 创建。");
}
