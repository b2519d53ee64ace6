/*
 * ex_text.h — the sentences of the verdicts and of the recognised mistakes,
 * in English (lang 0) and Chinese (lang 1).
 */
#ifndef DNN_EXERCISE_EX_TEXT_H
#define DNN_EXERCISE_EX_TEXT_H

#include <stddef.h>

#include "ex_check.h"

/* The sentence naming a recognised mistake ("db has the shape (n,): …"), or
 * NULL for an unknown id. */
const char *ex_mistake_text(const char *id, int lang);
/* Whether every id the case builders use has a sentence in both languages
 * (for a test): the first id without one, or NULL. */
const char *ex_mistake_missing_text(void);

/* What the verdict means, in one or a few lines ("\n" between them): the
 * problem, where, both values, and the mistake when one is recognised.
 * function is the exercise's function name. */
void ex_verdict_text(const ex_verdict *v, const char *function, int lang, char *buf, size_t size);

#endif
