/*
 * report_internal.h — helpers shared by the report's section writers.
 */
#ifndef DNN_REPORT_INTERNAL_H
#define DNN_REPORT_INTERNAL_H

#include <stddef.h>

#include "report_sections.h"

/* The English or the Chinese of a text, by language. */
#define TR(lang, en, zh) ((lang) == REPORT_ZH ? (zh) : (en))

/* snprintf into buf, returning buf (for building a cell or a sentence in place). */
const char *rs_fmt(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* The analysis section: the learner's part (report_facts_write), then
 * dnn-tutor's notes on the hidden-size sweep and the learning rates. */
void report_analysis_write(report_doc *doc, const report_data *d, const report_figures *f);
/* The learner's part of the analysis: measured facts, questions, the space to answer in. */
void report_facts_write(report_doc *doc, const report_data *d);
/* The derivation of the backward equations with the run's sizes (in the principle section). */
void report_derivation_write(report_doc *doc, const report_data *d);

#endif
