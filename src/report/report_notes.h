/*
 * report_notes.h — what the learner wrote in an earlier report, carried into
 * the new one. A report marks each space the learner writes in with a pair
 * of HTML comments (the same in Markdown and HTML, so a format change does
 * not lose them):
 *
 *   <!-- learner-notes begin id=baseline -->
 *   …the learner's text, kept byte for byte…
 *   <!-- learner-notes end id=baseline -->
 *
 * Writing a report over an earlier one reads the earlier one's blocks
 * (report_notes_load), puts each block's text back under the same id in the
 * new report (report_notes_take, by id, never by position) and keeps the
 * blocks the new report has no space for in a section of their own at the
 * end. A block that still holds only the placeholder ("…") is not the
 * learner's and is not carried. Reports written before the ids existed used
 * "<!-- learner notes: begin -->" / "… end -->" around one block: it reads
 * as the id "answers".
 *
 * Malformed markers (a block that never ends, one inside another, an end
 * with another block's id, an id twice, a marker comment of another shape)
 * are an error, so the caller can refuse to replace the file rather than
 * lose what is between them.
 */
#ifndef DNN_REPORT_NOTES_H
#define DNN_REPORT_NOTES_H

#include <stdbool.h>
#include <stddef.h>

#define REPORT_NOTE_ID_MAX 32   /* ids are 1–31 of [a-z0-9-] */

typedef struct report_note {
    char id[REPORT_NOTE_ID_MAX];
    char *text;     /* between the markers, verbatim (owned) */
    int line;       /* of the begin marker, from 1 */
    bool blank;     /* only the placeholder: nothing of the learner's */
    bool taken;     /* report_notes_take returned it */
} report_note;

typedef struct report_notes {
    report_note *v;
    int n;
} report_notes;

#define REPORT_NOTES_INIT {NULL, 0}

/* Parses the blocks of text (len bytes; a NUL byte among them is an error:
 * not a text report). 0 with the blocks in *out (none is fine), or 1 with
 * "line N: …" in err and *out empty. The caller frees *out. */
int report_notes_parse(const char *text, size_t len, report_notes *out, char *err, size_t err_size);

/* Reads and parses the file at path (through symlinks). An absent path
 * (or a dangling link), or an empty file, is 0 with no blocks. 1 with one
 * line in err when the file cannot be read, is not a regular file, is over
 * 64 MB, does not parse, or holds text without a single block (not an
 * earlier report: replacing it would lose it). */
int report_notes_load(const char *path, report_notes *out, char *err, size_t err_size);

/* The learner's text of block id, NULL when there is none or it is blank;
 * marks the block taken. */
const char *report_notes_take(report_notes *notes, const char *id);

/* True when a block that is not blank was never taken: the new report has
 * no space for it (report_notes_take has been called for every space). */
bool report_notes_left_over(const report_notes *notes);

void report_notes_free(report_notes *notes);

#endif
