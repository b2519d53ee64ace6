/*
 * report_sections.h — the four sections of a report (principle,
 * environment, results, analysis) written from a report_data into a
 * report_doc, and the figures they show.
 */
#ifndef DNN_REPORT_SECTIONS_H
#define DNN_REPORT_SECTIONS_H

#include "report_buf.h"
#include "report_doc.h"
#include "report_env.h"
#include "report_run.h"

/* The figures of a report, as SVG elements (no XML declaration). A figure
 * that does not apply (the boundary of a data set that is not 2-D, the cost
 * curve of a run that recorded no cost) is left empty (len 0). */
typedef enum report_figure { FIG_COST, FIG_BOUNDARY, FIG_SWEEP, FIG_LR, FIG_COUNT } report_figure;

typedef struct report_figures {
    rbuf svg[FIG_COUNT];
    char file[FIG_COUNT][256];   /* file names beside the report: "report-cost.svg", … */
} report_figures;

/* The suffix of each figure's file: "cost", "boundary", "sweep", "lr". */
extern const char *const report_figure_suffix[FIG_COUNT];

/* Draws every figure that applies to d in the language lang. */
void report_figures_build(const report_data *d, report_lang lang, report_figures *f);
/* Releases the figures' text. */
void report_figures_free(report_figures *f);

/* Writes the whole document: title, the four sections, the notes block.
 * env is the machine the run happened on; command_tail is what follows the
 * run options in the reproducing command ("-o report.md --lang en"). */
void report_sections_write(report_doc *doc, const report_data *d, const report_figures *f, const report_env *env,
                           const char *command_tail);

#endif
