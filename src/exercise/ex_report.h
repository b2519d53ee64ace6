/*
 * ex_report.h — check results as JSON for `dnn-tutor exercises check --json`:
 *
 *   {"python": {"path", "version", "numpy"} | null,
 *    "exercises": [{"id", "file", "status": "pass" | an ex_outcome_name, "message",
 *                   "mistake": id | null,
 *                   "cases": [{"name", "hidden", "inputs", "status", "message",
 *                              "expected": nested lists, "got": nested lists | null,
 *                              "printed": "…"}]}]}
 *
 * Arrays become nested lists (a (3, 1) array is [[a], [b], [c]]), tuples
 * lists, dicts objects; a non-finite number is the string "nan", "inf", "-inf".
 */
#ifndef DNN_EXERCISE_EX_REPORT_H
#define DNN_EXERCISE_EX_REPORT_H

#include "ex_check.h"

/* The document for n results (malloc'd text, caller frees), NULL on no memory.
 * python may be NULL (none found). lang: 0 en, 1 zh for the messages. */
char *ex_report_json(const ex_result *results, int n, const ex_python *python, int lang);

#endif
