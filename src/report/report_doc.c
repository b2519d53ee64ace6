/*
 * report_doc.c — the Markdown and HTML writers behind report_doc.h.
 */
#include "report_doc.h"

#include <stdio.h>
#include <string.h>

static const char html_style[] =
    "body{font-family:'DejaVu Sans','Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',"
    "sans-serif;max-width:980px;margin:2em auto;padding:0 1em;line-height:1.55;color:#222;background:#fff}\n"
    "h1{border-bottom:2px solid #444;padding-bottom:.2em}h2{border-bottom:1px solid #bbb;margin-top:1.8em}\n"
    "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #bbb;padding:.25em .7em}"
    "th{background:#f0f0f0}td.r{text-align:right}\n"
    "pre{background:#f6f6f6;border:1px solid #ddd;padding:.7em;white-space:pre-wrap;overflow-wrap:anywhere;line-height:1.35}"
    "code{font-family:'DejaVu Sans Mono','Noto Sans Mono CJK SC',monospace;font-size:.92em}\n"
    "figure{margin:1.2em 0}figure svg{max-width:100%;height:auto;border:1px solid #ddd}"
    "figcaption{color:#555;font-size:.92em}\n"
    ".notes{border:2px dashed #999;padding:.5em 1em;min-height:4em;background:#fffdf3}\n";

/* Inline text: `code` and **bold** marks, the rest escaped for the format. */
static void doc_inline(report_doc *d, const char *s)
{
    bool code = false, bold = false;
    for (const char *p = s; *p; p++) {
        if (*p == '`') {
            code = !code;
            rbuf_puts(&d->out, d->format == REPORT_HTML ? (code ? "<code>" : "</code>") : "`");
            continue;
        }
        if (!code && p[0] == '*' && p[1] == '*') {
            bold = !bold;
            rbuf_puts(&d->out, d->format == REPORT_HTML ? (bold ? "<strong>" : "</strong>") : "**");
            p++;
            continue;
        }
        if (d->format == REPORT_HTML) {
            /* A whole run up to the next mark, so multi-byte characters stay whole. */
            size_t n = 0;
            while (p[n] && p[n] != '`' && !(!code && p[n] == '*' && p[n + 1] == '*'))
                n++;
            char run[512];
            while (n > 0) {
                size_t k = n < sizeof run - 1 ? n : sizeof run - 1;
                while (k < n && k > 0 && ((unsigned char)p[k] & 0xC0) == 0x80)
                    k--; /* do not cut a character in two */
                if (k == 0)
                    k = n < sizeof run - 1 ? n : sizeof run - 1; /* not UTF-8 anyway: rbuf_xml replaces it */
                memcpy(run, p, k);
                run[k] = '\0';
                rbuf_xml(&d->out, run);
                p += k;
                n -= k;
            }
            p--;
            continue;
        }
        char c[2] = {*p, '\0'};
        if (code) {
            rbuf_puts(&d->out, c);
        } else {
            /* Markdown: escape only what would start markup here, so the
             * file stays readable as text: "n[0]" and "n_h" stay as they
             * are; "*", a "<tag", "](" or a leading "#" or ">" do not. */
            bool word_before = p > s && ((p[-1] | 0x20) >= 'a' && (p[-1] | 0x20) <= 'z');
            bool word_after = (p[1] | 0x20) >= 'a' && (p[1] | 0x20) <= 'z';
            bool line_start = p == s;
            if (*p == '\\' || *p == '*' || *p == '|' || (*p == '_' && !(word_before && word_after)) ||
                (*p == '<' && (word_after || p[1] == '/' || p[1] == '!' || p[1] == '?')) ||
                (*p == ']' && (p[1] == '(' || p[1] == '[')) || (line_start && (*p == '#' || *p == '>')))
                rbuf_puts(&d->out, "\\");
            rbuf_puts(&d->out, c);
        }
    }
    if (code)
        rbuf_puts(&d->out, d->format == REPORT_HTML ? "</code>" : "`");
    if (bold)
        rbuf_puts(&d->out, d->format == REPORT_HTML ? "</strong>" : "**");
}

void doc_begin(report_doc *d, report_format format, report_lang lang, const char *title)
{
    d->format = format;
    d->lang = lang;
    d->out = (rbuf)RBUF_INIT;
    d->figures = 0;
    d->keep = NULL;
    if (format == REPORT_HTML) {
        rbuf_printf(&d->out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                             "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
                    lang == REPORT_ZH ? "zh-CN" : "en");
        rbuf_xml(&d->out, title);
        rbuf_printf(&d->out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<h1>", html_style);
        rbuf_xml(&d->out, title);
        rbuf_puts(&d->out, "</h1>\n");
    } else {
        rbuf_puts(&d->out, "# ");
        doc_inline(d, title);
        rbuf_puts(&d->out, "\n\n");
    }
}

void doc_heading(report_doc *d, int level, const char *text)
{
    if (d->format == REPORT_HTML) {
        rbuf_printf(&d->out, "<h%d>", level);
        doc_inline(d, text);
        rbuf_printf(&d->out, "</h%d>\n", level);
    } else {
        rbuf_printf(&d->out, "%.*s ", level, "######");
        doc_inline(d, text);
        rbuf_puts(&d->out, "\n\n");
    }
}

void doc_para(report_doc *d, const char *text)
{
    rbuf_puts(&d->out, d->format == REPORT_HTML ? "<p>" : "");
    doc_inline(d, text);
    rbuf_puts(&d->out, d->format == REPORT_HTML ? "</p>\n" : "\n\n");
}

void doc_list(report_doc *d, const char *const *items, int n)
{
    rbuf_puts(&d->out, d->format == REPORT_HTML ? "<ul>\n" : "");
    for (int i = 0; i < n; i++) {
        rbuf_puts(&d->out, d->format == REPORT_HTML ? "<li>" : "- ");
        doc_inline(d, items[i]);
        rbuf_puts(&d->out, d->format == REPORT_HTML ? "</li>\n" : "\n");
    }
    rbuf_puts(&d->out, d->format == REPORT_HTML ? "</ul>\n" : "\n");
}

void doc_code(report_doc *d, const char *text)
{
    if (d->format == REPORT_HTML) {
        rbuf_puts(&d->out, "<pre><code>");
        rbuf_xml(&d->out, text);
        rbuf_puts(&d->out, "</code></pre>\n");
    } else {
        rbuf_printf(&d->out, "```text\n%s%s```\n\n", text, *text && text[strlen(text) - 1] == '\n' ? "" : "\n");
    }
}

void doc_table(report_doc *d, const char *const *cells, int n_rows, int n_cols, const bool *right_align)
{
    if (d->format == REPORT_HTML) {
        rbuf_puts(&d->out, "<table>\n");
        for (int r = 0; r < n_rows; r++) {
            rbuf_puts(&d->out, "<tr>");
            for (int c = 0; c < n_cols; c++) {
                const char *tag = r == 0 ? "th" : "td";
                rbuf_printf(&d->out, "<%s%s>", tag, r && right_align && right_align[c] ? " class=\"r\"" : "");
                doc_inline(d, cells[r * n_cols + c]);
                rbuf_printf(&d->out, "</%s>", tag);
            }
            rbuf_puts(&d->out, "</tr>\n");
        }
        rbuf_puts(&d->out, "</table>\n");
        return;
    }
    for (int r = 0; r < n_rows; r++) {
        rbuf_puts(&d->out, "|");
        for (int c = 0; c < n_cols; c++) {
            rbuf_puts(&d->out, " ");
            doc_inline(d, cells[r * n_cols + c]);
            rbuf_puts(&d->out, " |");
        }
        rbuf_puts(&d->out, "\n");
        if (r == 0) {
            rbuf_puts(&d->out, "|");
            for (int c = 0; c < n_cols; c++)
                rbuf_puts(&d->out, right_align && right_align[c] ? " ---: |" : " --- |");
            rbuf_puts(&d->out, "\n");
        }
    }
    rbuf_puts(&d->out, "\n");
}

/* A file name as a Markdown link target: the bytes that would end or break
 * the target (space, brackets, angle brackets, '%', '\\', controls) are
 * percent-encoded, so "my report-cost.svg" links as "my%20report-cost.svg";
 * the rest (UTF-8 included) stays readable. */
static void doc_link_target(report_doc *d, const char *file)
{
    for (const unsigned char *p = (const unsigned char *)file; *p; p++) {
        if (*p <= 0x20 || *p == 0x7F || strchr("()[]<>%\\", *p)) {
            rbuf_printf(&d->out, "%%%02X", *p);
        } else {
            char c[2] = {(char)*p, '\0'};
            rbuf_puts(&d->out, c);
        }
    }
}

void doc_figure(report_doc *d, const char *file, const char *svg, const char *caption)
{
    d->figures++;
    char label[64];
    snprintf(label, sizeof label, d->lang == REPORT_ZH ? "图 %d：" : "Figure %d: ", d->figures);
    if (d->format == REPORT_HTML) {
        rbuf_puts(&d->out, "<figure>\n");
        rbuf_puts(&d->out, svg);
        rbuf_puts(&d->out, "<figcaption>");
        rbuf_xml(&d->out, label);
        doc_inline(d, caption);
        rbuf_puts(&d->out, "</figcaption>\n</figure>\n");
    } else {
        rbuf_puts(&d->out, "![");
        doc_inline(d, caption);
        rbuf_puts(&d->out, "](");
        doc_link_target(d, file);
        rbuf_puts(&d->out, ")\n\n*");
        rbuf_puts(&d->out, label);
        doc_inline(d, caption);
        rbuf_puts(&d->out, "*\n\n");
    }
}

/* The block's text ends with a newline, so the end marker starts a line. */
static void notes_block(report_doc *d, const char *id, const char *text)
{
    rbuf_printf(&d->out, "<!-- learner-notes begin id=%s -->\n", id);
    if (text) {
        rbuf_puts(&d->out, text);
        if (*text && text[strlen(text) - 1] != '\n')
            rbuf_puts(&d->out, "\n");
    } else {
        rbuf_puts(&d->out, d->format == REPORT_HTML ? "<div class=\"notes\"><p>…</p></div>\n" : "\n…\n\n");
    }
    rbuf_printf(&d->out, "<!-- learner-notes end id=%s -->\n%s", id, d->format == REPORT_HTML ? "" : "\n");
}

void doc_notes(report_doc *d, const char *id)
{
    notes_block(d, id, report_notes_take(d->keep, id));
}

void doc_notes_left_over(report_doc *d)
{
    if (!report_notes_left_over(d->keep))
        return;
    const bool zh = d->lang == REPORT_ZH;
    doc_heading(d, 2, zh ? "先前报告中的笔记" : "Notes from the earlier report");
    doc_para(d, zh ? "下面这些是你在这个文件的上一版里写下的内容，这一版报告中已经没有对应的位置（例如换了网络，"
                     "某个问题不再出现）。它们原样保留在这里，由你移到合适的地方或删除；再次生成报告时它们仍会保留。"
                   : "You wrote these in the earlier version of this file, under spaces this report no longer has "
                     "(another network, say, and a question that is not asked any more). They are kept here as "
                     "they were, for you to move or delete; the next report keeps them too.");
    char label[96];
    for (int i = 0; i < d->keep->n; i++) {
        const report_note *n = &d->keep->v[i];
        if (n->taken || n->blank)
            continue;
        snprintf(label, sizeof label, zh ? "`%s` 一栏：" : "From the space `%s`:", n->id);
        doc_para(d, label);
        notes_block(d, n->id, n->text);
    }
}

void doc_end(report_doc *d)
{
    if (d->format == REPORT_HTML)
        rbuf_puts(&d->out, "</body>\n</html>\n");
}
