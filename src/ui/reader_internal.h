/*
 * reader_internal.h — the lesson reader's state and its page "document":
 * the page laid out as lines for a given width (reader_doc.c), which the
 * screen (screen_reader.c) draws and scrolls.
 */
#ifndef DNN_UI_READER_INTERNAL_H
#define DNN_UI_READER_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "lesson.h"
#include "screen.h"

#define READER_MAX_QUIZZES 16      /* quiz blocks per page that keep state */
#define READER_REVEAL_TRIES 3      /* after this many wrong tries the answer is shown */
#define READER_INPUT_MAX 120       /* bytes of a typed answer */

typedef struct reader_quiz {
    int block;                     /* the quiz block's index in the page */
    const lesson_quiz *q;
    int tries;                     /* answers given (saved ones included) */
    int visit_tries;               /* answers given since the page was entered or the
                                      quiz restarted: READER_REVEAL_TRIES shows the answer */
    bool right;                    /* answered right at least once */
    bool touched;                  /* CHOICE: the cursor was moved, so Enter picks */
    const lesson_feedback *feedback;  /* the feedback on the last wrong answer, or NULL */
    bool unreadable;               /* the last Enter could not be read (no try used) */
    bool has_verdict;              /* an answer was given in this visit */
    bool last_right;
    int hints;                     /* hint tiers revealed */
    int cursor;                    /* CHOICE: the entry under the cursor */
    int picked;                    /* CHOICE: the last entry picked, −1 */
    char input[READER_INPUT_MAX + 1];
    size_t caret;                  /* byte offset of the cursor in input */
    char last[READER_INPUT_MAX + 1];  /* the last typed answer */
} reader_quiz;

typedef struct reader_screen {
    ui_screen base;
    const lesson *l;
    int page;
    int scroll;                    /* first line shown; render clamps it */
    int hscroll;                   /* columns the preformatted lines are shifted left */
    int focus;                     /* index into reader_focusables */
    bool typing;                   /* the focused typed quiz owns the keys */
    int n_quiz;
    reader_quiz quiz[READER_MAX_QUIZZES];
} reader_screen;

/* A quiz is answered after one try, solved when right or after
 * READER_REVEAL_TRIES tries in this visit (then the answer is shown, and
 * Enter, or coming back to the page, starts it again). */
bool reader_quiz_solved(const reader_quiz *qs);

/* The blocks that take the focus (quizzes not answered right, labs) in page order;
 * returns how many (<= max). */
int reader_focusables(const reader_screen *r, int *blocks, int max);
/* The focused block index, or −1. */
int reader_focus_block(const reader_screen *r);
/* The state of the quiz in block b, or NULL. */
reader_quiz *reader_quiz_of(const reader_screen *r, int block);
/* The quiz that has the focus, or NULL. */
reader_quiz *reader_focused_quiz(const reader_screen *r);
/* Whether every quiz on the current page has been answered at least once. */
bool reader_page_answered(const reader_screen *r);

/* The page area of a body: the reading column, below the title row. */
ui_rect reader_area(ui_rect body);
/* How far the widest preformatted line of the page reaches past the text
 * width: the largest useful hscroll (0 when every line fits). */
int reader_hscroll_max(const reader_screen *r, const ui_ctx *ctx);
#define READER_HSTEP 8             /* columns per < or > */

/* The screen ops drawn in reader_view.c. */
void reader_render(const ui_screen *s, ui_canvas *c, ui_rect body, const ui_ctx *ctx);

/* Shared by screen_reader.c (the screen) and reader_keys.c (its keys). */
/* The on_key that dispatches the reader's key table (reader_keymap, screens.h). */
unsigned reader_on_key(ui_screen *s, ui_key key, ui_ctx *ctx);
/* The rows of page text, and how far the page scrolls (0: it fits). */
int reader_rows(const ui_ctx *ctx);
int reader_max_scroll(const reader_screen *r, const ui_ctx *ctx);
/* Scrolls so that block b is visible (its first line when it is too tall). */
void reader_show_block(reader_screen *r, const ui_ctx *ctx, int b);
/* Turns to page (UI_NOTHING when out of range or already there). */
unsigned reader_goto(reader_screen *r, ui_ctx *ctx, int page);
/* Records verdict v on quiz qs with its feedback: the reaction bits. */
unsigned reader_answer(reader_screen *r, reader_quiz *qs, ui_ctx *ctx, lesson_verdict v,
                       const lesson_feedback *fb);
/* Opens the lab or exercise of block b on top of the reader. */
unsigned reader_open_lab(reader_screen *r, ui_ctx *ctx, int b);
const char *reader_help(const ui_screen *s, const ui_ctx *ctx);

/* One laid-out line. */
typedef struct reader_line {
    int indent;                    /* columns from the column's left edge */
    char prefix[48];               /* drawn first, in prefix_role */
    ui_role prefix_role;
    const char *text;              /* a slice of lesson text, or NULL: use own */
    size_t len;
    char own[READER_INPUT_MAX * 2 + 64];
    ui_role role;
    bool clip;                     /* preformatted: clipped with › instead of wrapped */
    char box;                      /* 0, or a box row: 't' top, 'm' middle, 'b' bottom */
    int box_w;
    const char *box_title;
    int block;                     /* the block it belongs to, −1 for page furniture */
    bool focus;                    /* the focused item's line: painted as selected */
    char *heap;                    /* a text this line owns (reader_doc_free frees it) */
} reader_line;

/* Lays out the current page for a column `width` wide. Returns the number of
 * lines and a malloc'd array in *out, freed with reader_doc_free; 0 on no
 * memory. In ASCII mode (ctx->ascii) lesson text is spelled out where one
 * look-alike character would not do (ŷ → yhat, σ → sigma, ≤ → <=, ∞ → inf),
 * except in diagrams, whose columns must stay put. */
int reader_doc_build(const reader_screen *r, const ui_ctx *ctx, int width, reader_line **out);
/* Frees a document from reader_doc_build (NULL is fine). */
void reader_doc_free(reader_line *lines, int n);

/* The first line of block b in a built document, or −1. */
int reader_doc_find(const reader_line *lines, int n, int block);

#endif
