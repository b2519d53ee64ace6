/*
 * report.h — `dnn-tutor report`: the lab report of a real run, as Markdown
 * with SVG figures beside it or as one self-contained HTML file.
 *
 *   report_request ──► report_data_build (report_run.c: main run, confusion
 *                      matrices, decision grids, hidden-size sweep, lr comparison)
 *                  ──► sections (report_sections.c) through a md/html writer
 *                      (report_doc.c) and figures (report_svg.c), all in memory
 *                  ──► commit (report.c): temporary files in the target
 *                      directory; figures renamed under names that hash their
 *                      contents, then the report itself (the one commit point)
 *
 * Nothing here parses argv or prints: a caller (cmd_report.c; the trainer's R
 * key, trainer_report.c, on a thread of its own) fills a request and gets a
 * status and one line of error back. The training loop is run.h's, shared
 * with `train` and `sweep`.
 */
#ifndef DNN_REPORT_H
#define DNN_REPORT_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "../data/runspec.h"

typedef enum report_lang { REPORT_EN, REPORT_ZH } report_lang;
typedef enum report_format { REPORT_MD, REPORT_HTML } report_format;

typedef struct report_request {
    run_spec spec;          /* the run the report is about */
    report_lang lang;
    report_format format;
    const char *out_path;   /* report.md or report.html; figures go beside it as <stem>-cost.svg, … */
    atomic_bool *cancel;    /* NULL, or a flag another thread may set while report_write runs (on a
                               thread of its own) to abandon it: training stops at the next
                               iteration, 1 is returned with "cancelled" and nothing is written */
    bool force;             /* replace out_path without reading the learner's notes from it */
} report_request;

/* Runs the experiments and writes the report files. What the learner wrote
 * between the learner-notes markers of an earlier report at out_path is
 * carried into the new one by the markers' ids (report_notes.h); blocks the
 * new report has no space for go to a last section of their own. Unless
 * force is set, an earlier report that cannot be read or whose markers do
 * not parse, or a file with text but no markers (not a report), is left as
 * it is and 1 returned (checked before the training,
 * and again just before the commit). Returns 0; 1 when the data set cannot
 * be loaded, the main run diverges, the earlier notes cannot be kept or a
 * file cannot be written; 2 for an impossible network config. On failure err holds one
 * line and no file of the report exists (earlier versions are untouched).
 * Takes a few seconds (the sweep and the learning-rate comparison). */
int report_write(const report_request *req, char *err, size_t err_size);

/* REPORT_ZH when the first set of LC_ALL, LC_MESSAGES, LANG starts with "zh", else REPORT_EN. */
report_lang report_lang_from_env(void);

#endif
