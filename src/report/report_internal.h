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

/* The analysis section: hidden-size sweep, learning rates, the learner's notes. */
void report_analysis_write(report_doc *doc, const report_data *d, const report_figures *f);

#endif
