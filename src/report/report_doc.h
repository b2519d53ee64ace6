/*
 * report_doc.h — one small document model with two writers, so the report's
 * sections are written once and come out as Markdown or as HTML.
 *
 * Text given to doc_para, doc_list and table cells may hold two inline marks,
 * `code` and **bold**; everything else is literal (escaped for the format).
 * Code blocks are literal. Figures are SVG text: Markdown links the file
 * beside the report, HTML puts the <svg> element inline.
 */
#ifndef DNN_REPORT_DOC_H
#define DNN_REPORT_DOC_H

#include "report.h"
#include "report_buf.h"
#include "report_notes.h"

typedef struct report_doc {
    report_format format;
    report_lang lang;
    rbuf out;         /* the document so far; the caller frees it (rbuf_free) */
    int figures;      /* figures written so far, for "Figure N" */
    report_notes *keep; /* the learner's blocks of the earlier report, or NULL (doc_begin sets NULL) */
} report_doc;

/* Starts a document: an HTML head with the style sheet, or nothing for Markdown; then the title. */
void doc_begin(report_doc *d, report_format format, report_lang lang, const char *title);
/* level 2 or 3 (level 1 is the title). */
void doc_heading(report_doc *d, int level, const char *text);
/* A paragraph of inline text. */
void doc_para(report_doc *d, const char *text);
/* A bulleted list of n items of inline text. */
void doc_list(report_doc *d, const char *const *items, int n);
/* A preformatted block, literal. */
void doc_code(report_doc *d, const char *text);
/* A table of n_rows rows of n_cols cells (row-major); row 0 is the header.
 * right_align[c] (may be NULL) right-aligns column c. */
void doc_table(report_doc *d, const char *const *cells, int n_rows, int n_cols, const bool *right_align);
/* A figure: file (the Markdown link target, a name beside the report; spaces,
 * brackets and the like are percent-encoded), svg (the element, for HTML), caption. */
void doc_figure(report_doc *d, const char *file, const char *svg, const char *caption);
/* The learner's space: a block between two markers with the stable id
 * (report_notes.h), holding the text of the same id from d->keep when the
 * learner wrote there, else a placeholder to write over. */
void doc_notes(report_doc *d, const char *id);
/* When d->keep holds blocks no doc_notes call took: a last section, "Notes
 * from the earlier report", with each of them, markers and all, so the next
 * report keeps them too. Nothing otherwise. */
void doc_notes_left_over(report_doc *d);
/* Closes the document (HTML end tags). */
void doc_end(report_doc *d);

#endif
