/*
 * lesson.h — the course as plain C data, loaded from lesson JSON files and
 * validated (the format is lessons/README.md).
 *
 *   lesson_course
 *     ├─ weeks[]          sorted by number
 *     │    └─ lessons[]   id, title, concepts[], prerequisites[]
 *     │         └─ pages[]
 *     │              └─ blocks[]   heading · paragraph · formula · bullets · code ·
 *     │                            note · tip · diagram · quiz · lab · exercise
 *     ├─ files[]          every file looked at, with a `skipped` flag
 *     └─ problems[]       FILE:LINE:COL: json.path: message, in file order
 *
 * A file with any problem is skipped whole (never half a week); the other
 * files still load. A later file whose ids collide with an earlier one, or
 * whose prerequisites name lessons that are not loaded, is skipped too.
 *
 * Ownership: a loader returns a course the caller frees with
 * lesson_course_free. Every pointer reachable from a course (strings, arrays,
 * problems) belongs to it and stays valid until that call; nothing in it is
 * ever modified after loading, so it may be shared read-only between threads.
 * Strings are never NULL in a loaded course, except where a comment says
 * "NULL when absent"; an array may be NULL only when its count is 0.
 *
 * This layer never prints and never exits.
 */
#ifndef DNN_LESSON_LESSON_H
#define DNN_LESSON_LESSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../data/runspec.h"

/* Limits of the format (lessons/README.md). */
#define LESSON_FILE_MAX_BYTES (4u * 1024u * 1024u)  /* a file is at most 4 MiB */
#define LESSON_TEXT_MAX_BYTES 8000                  /* one string, in bytes */
#define LESSON_ID_MAX 64                            /* [a-z0-9-]{1,64} */
#define LESSON_MAX_DEPTH 32                         /* JSON nesting */
#define LESSON_CHOICES_MIN 2
#define LESSON_CHOICES_MAX 8
#define LESSON_HINTS_MAX 5
#define LESSON_FEEDBACK_MAX 8                       /* likely wrong answers a quiz explains */
#define LESSON_SCHEMA_VERSION 1

/* The same order as ui_lang, so a ui_lang casts to it. */
typedef enum lesson_lang { LESSON_LANG_EN = 0, LESSON_LANG_ZH = 1 } lesson_lang;

/* Bilingual text: both are non-empty UTF-8 in a loaded course (an optional
 * text that is absent has both NULL). */
typedef struct lesson_text {
    const char *zh;
    const char *en;
} lesson_text;

/* Lines of preformatted text (formula, code, diagram). */
typedef struct lesson_lines {
    const char *const *items;
    int count;
} lesson_lines;

typedef enum lesson_block_kind {
    LESSON_BLOCK_HEADING,
    LESSON_BLOCK_PARAGRAPH,
    LESSON_BLOCK_FORMULA,
    LESSON_BLOCK_BULLETS,
    LESSON_BLOCK_CODE,
    LESSON_BLOCK_NOTE,
    LESSON_BLOCK_TIP,
    LESSON_BLOCK_DIAGRAM,
    LESSON_BLOCK_QUIZ,
    LESSON_BLOCK_LAB,
    LESSON_BLOCK_EXERCISE,
    LESSON_BLOCK_KIND_COUNT
} lesson_block_kind;

typedef enum lesson_quiz_kind {
    LESSON_QUIZ_CHOICE,  /* pick one of `choices`; answer_index */
    LESSON_QUIZ_SHAPE,   /* type a shape like (4, 400); answer_text */
    LESSON_QUIZ_NUMBER,  /* type a number; answer_number ± tolerance */
    LESSON_QUIZ_WORD,    /* type a word; any of `accepted` */
    LESSON_QUIZ_KIND_COUNT
} lesson_quiz_kind;

/* A likely wrong answer and what it tells about the mistake (the quiz's
 * "feedback" list). */
typedef struct lesson_feedback {
    const char *answer;           /* SHAPE, NUMBER, WORD: the wrong answer as written
                                     (a NUMBER's as the shortest %.17g that reads back);
                                     CHOICE: NULL */
    int answer_index;             /* CHOICE: the 0-based index of the wrong choice */
    lesson_text explanation;
} lesson_feedback;

typedef struct lesson_quiz {
    const char *id;
    lesson_quiz_kind kind;
    lesson_text question;
    const lesson_text *choices;   /* CHOICE: 2 … 8 entries; otherwise none */
    int n_choices;
    int answer_index;             /* CHOICE: 0-based index into choices */
    const char *answer_text;      /* SHAPE: the answer as written; WORD: the first accepted
                                     word; CHOICE and NUMBER: NULL */
    double answer_number;         /* NUMBER */
    double tolerance;             /* NUMBER: absolute, 1e-6 unless the file says otherwise */
    const char *const *accepted;  /* WORD: 1 or more accepted answers, as written */
    int n_accepted;
    const lesson_text *hints;     /* 0 … 5, shown one at a time */
    int n_hints;
    lesson_text explanation;      /* shown after answering */
    const lesson_feedback *feedback;  /* 0 … 8 likely wrong answers, each readable and wrong */
    int n_feedback;
} lesson_quiz;

/* The labs a lesson opens; the app opens the same ones (ui_lab_kind is this enum). */
typedef enum lesson_lab_kind {
    LESSON_LAB_STEPPER,       /* "stepper" */
    LESSON_LAB_TRAINER,       /* "trainer" */
    LESSON_LAB_DEEP_TRAINER,  /* "deep-trainer" */
    LESSON_LAB_SWEEP,         /* "sweep" */
    LESSON_LAB_KIND_COUNT
} lesson_lab_kind;

typedef struct lesson_lab {
    lesson_lab_kind kind;
    lesson_text caption;
    /* runspec_default() with the lab's values filled in: dataset, n_layers and
     * layers = n[1] … n[L] (the file's "layers" without the input size, which
     * the data set fixes), acts_given = true with acts = g[1] … g[L],
     * hidden_act = g[1] (tanh when L = 1), hidden = 0, init, seed (seed_given
     * when the file has one), lr, iterations. */
    run_spec spec;
    /* "assignment": the course notebook's run (w2-logreg, w4-two-layer,
     * w4-deep) that replaces spec when the course's cat pictures are found
     * (ui/lab_course.h); RUNSPEC_ASSIGNMENT_NONE without the key. */
    runspec_assignment assignment;
} lesson_lab;

/* A link to one of the course's graded functions (exercises/exercises.json),
 * which the learner writes in numpy and dnn-tutor checks. The lesson layer
 * checks the id's form only; `lessons check` and the app look it up. */
typedef struct lesson_exercise {
    const char *id;       /* "w4a1/linear_forward": ASSIGNMENT/FUNCTION */
    lesson_text caption;  /* both NULL when absent */
} lesson_exercise;

#define LESSON_EXERCISE_ID_MAX 64

typedef struct lesson_block {
    lesson_block_kind kind;
    /* HEADING, PARAGRAPH, NOTE, TIP: the text. */
    lesson_text text;
    /* BULLETS: the items. */
    const lesson_text *items;
    int n_items;
    /* FORMULA, CODE: the same lines in both languages (zh and en point to
     * the same array); DIAGRAM: one set per language (the same when the file
     * gives one language-neutral list). Use lesson_block_lines. */
    lesson_lines lines_zh;
    lesson_lines lines_en;
    /* QUIZ, LAB and EXERCISE: NULL for other kinds. */
    const lesson_quiz *quiz;
    const lesson_lab *lab;
    const lesson_exercise *exercise;
    int line;  /* where the block starts in its file (1-based), for messages */
} lesson_block;

typedef struct lesson_page {
    lesson_text title;  /* both NULL when absent */
    const lesson_block *blocks;
    int n_blocks;       /* at least 1 */
} lesson_page;

typedef struct lesson {
    const char *id;
    lesson_text title;
    const lesson_text *concepts;
    int n_concepts;
    const char *const *prerequisites;  /* lesson ids, each loaded in the same course */
    int n_prerequisites;
    const lesson_page *pages;
    int n_pages;                       /* at least 1 */
    int week_number;                   /* the number of the week that holds it */
    int n_quizzes;                     /* quiz blocks in its pages */
    int n_labs;                        /* lab blocks in its pages */
    int n_exercises;                   /* exercise blocks in its pages */
} lesson;

typedef struct lesson_week {
    const char *id;
    int number;            /* 1 … 20, unique in the course */
    lesson_text title;
    lesson_text summary;   /* both NULL when absent */
    const lesson *lessons;
    int n_lessons;         /* at least 1 */
    const char *file;      /* the file it came from, as named in problems */
} lesson_week;

/* One problem: `file:line:col: path: message`. line and col are 1-based;
 * col counts characters (UTF-8 code points), not bytes. line = 0 when the
 * problem has no position (a file that cannot be read); path is "" for the
 * file as a whole. */
typedef struct lesson_problem {
    const char *file;
    int line;
    int col;
    const char *path;     /* e.g. "weeks[0].lessons[2].pages[1].blocks[3].quiz.answer" */
    const char *message;  /* e.g. "expected a string" */
} lesson_problem;

typedef struct lesson_file {
    const char *name;  /* as in problems: "DIR/week3.json", or "lessons/week3.json" when shipped */
    bool skipped;      /* true when the file has a problem and none of it was loaded */
    int n_problems;
} lesson_file;

typedef struct lesson_course {
    const lesson_week *weeks;  /* from every file not skipped, sorted by number */
    int n_weeks;
    const lesson_file *files;  /* every file looked at, in name order */
    int n_files;
    const lesson_problem *problems;  /* in file order, then position order */
    int n_problems;
    /* Totals over the loaded weeks. */
    int n_lessons;
    int n_quizzes;
    int n_typed_quizzes;  /* SHAPE, NUMBER and WORD quizzes */
    int n_labs;
    int n_exercises;      /* exercise blocks */
    struct lesson_course_internal *internal;  /* the loader's memory; not for callers */
} lesson_course;

/* One lesson file held in memory (for the shipped lessons, tests and fuzzing). */
typedef struct lesson_source {
    const char *name;  /* used in problems */
    const char *data;  /* need not be NUL-terminated */
    size_t size;
} lesson_source;

/*
 * Loads every regular file named *.json directly in dir (not recursive,
 * hidden files ignored) in strcmp order of the names. Files larger than
 * LESSON_FILE_MAX_BYTES are rejected before they are read.
 * A directory that cannot be read or holds no *.json file is a problem.
 * Returns the course (possibly with no weeks; look at n_problems), or NULL
 * only when memory runs out.
 */
lesson_course *lesson_load_dir(const char *dir);

/* Loads the lessons built into the binary (lessons/week*.json at build time),
 * named "lessons/weekN.json" in problems. NULL only when memory runs out. */
lesson_course *lesson_load_shipped(void);

/* Loads n in-memory files, in the order given, as lesson_load_dir does with
 * the files of a directory. NULL only when memory runs out. */
lesson_course *lesson_load_sources(const lesson_source *sources, int n);

/* Frees a course and everything in it; NULL is fine. */
void lesson_course_free(lesson_course *course);

/* Writes "file:line:col: path: message" ("file: message" when line is 0,
 * no "path: " when path is "") into buf, always NUL-terminated when
 * size > 0. Returns what snprintf returns. */
int lesson_problem_format(const lesson_problem *p, char *buf, size_t size);

/* Lookups by id; NULL when not found. */
const lesson_week *lesson_course_find_week(const lesson_course *course, const char *id);
const lesson *lesson_course_find_lesson(const lesson_course *course, const char *id);
const lesson_quiz *lesson_course_find_quiz(const lesson_course *course, const char *id);

/* The i-th lesson of the whole course (0 … n_lessons − 1), weeks in order;
 * NULL when i is out of range. */
const lesson *lesson_course_lesson_at(const lesson_course *course, int i);

/* The text in a language; falls back to the other language when that one is
 * NULL; NULL when both are. */
const char *lesson_text_get(lesson_text t, lesson_lang lang);

/* The lines of a FORMULA, CODE or DIAGRAM block in a language (an empty list
 * for other kinds). */
lesson_lines lesson_block_lines(const lesson_block *b, lesson_lang lang);

/* "heading", "paragraph", …; "quiz", "lab", "exercise". */
const char *lesson_block_kind_name(lesson_block_kind k);
/* "choice", "shape", "number", "word". */
const char *lesson_quiz_kind_name(lesson_quiz_kind k);
/* "stepper", "trainer", "deep-trainer", "sweep"; lesson_lab_kind_parse is
 * false when the name is unknown. */
const char *lesson_lab_kind_name(lesson_lab_kind k);
bool lesson_lab_kind_parse(const char *name, lesson_lab_kind *out);

/* Whether id has the form of an exercise id: ASSIGNMENT/FUNCTION, where
 * ASSIGNMENT is w<digit>a<digit> ("w4a1") and FUNCTION a Python name
 * ("L_model_backward"), LESSON_EXERCISE_ID_MAX bytes at most. */
bool lesson_exercise_id_valid(const char *id);

/* What a typed answer is: right, wrong, or not readable as an answer of the
 * quiz's kind at all (which does not use up a try). */
typedef enum lesson_verdict {
    LESSON_VERDICT_RIGHT,
    LESSON_VERDICT_WRONG,
    LESSON_VERDICT_UNREADABLE
} lesson_verdict;

/*
 * Judges a learner's answer (lessons/README.md, "Quiz", says the same).
 *   CHOICE: the entry's letter "a" … "h" (either case) or 1-based number
 *           "1" … "8"; anything else, or a letter past the last choice, is
 *           unreadable;
 *   SHAPE:  sizes separated by commas, or (without a comma) by ×, x or
 *           spaces: "(4, 400)", "4,400", "[4 400]", "4×400", "4 x 400"; brackets,
 *           spaces and case do not matter; a size may be simple arithmetic
 *           ("(64*64*3, 400)") or a name ("(1, m)", "(n^[1], m)"). One size
 *           where the answer has more, or an empty size, is unreadable;
 *   NUMBER: a decimal number (a point, whatever the locale; "12,288" with
 *           thousands commas), or simple arithmetic of them with + − * × · x /
 *           and brackets ("64*64*3", "1/4"); "60%" is right when either 60 or
 *           0.6 is; right within the tolerance; anything else is unreadable;
 *   WORD:   case, spaces, - and _ do not matter, a trailing "function", "函数"
 *           or "激活函数" neither, and the Chinese names of the activations
 *           (双曲正切, S 形函数, 线性整流 …) count as tanh, sigmoid, relu …;
 *           right when equal to an accepted answer; never unreadable.
 * For every kind, the fullwidth forms of ASCII (U+FF01 … U+FF5E: （４，４００）),
 * the ideographic space U+3000, the full stop 。, and the signs − × · ÷
 * count as the ASCII characters they stand for, as a Chinese input method
 * types them.
 * When the answer is wrong and it matches one of the quiz's feedback entries
 * (judged the same way), *feedback (when not NULL) is set to it; otherwise to
 * NULL. NULL or empty input, or a NULL quiz, is unreadable.
 */
lesson_verdict lesson_quiz_judge(const lesson_quiz *q, const char *typed, const lesson_feedback **feedback);
/* CHOICE only: judges the 0-based index (out of range: unreadable), with the
 * feedback for that choice as lesson_quiz_judge gives it. */
lesson_verdict lesson_quiz_judge_choice(const lesson_quiz *q, int index, const lesson_feedback **feedback);
/* What to tell a learner whose answer to q could not be read (how to write
 * one of q's kind); the same text for every quiz of a kind. */
lesson_text lesson_quiz_unreadable_text(const lesson_quiz *q);

/* The ASCII character that cp stands for when a Chinese input method types
 * it — the fullwidth forms U+FF01 … U+FF5E (０–９ ， （ ） ． － ａ–ｚ …), the
 * ideographic space U+3000 and full stop U+3002, the minus sign U+2212, ×
 * U+00D7 and · U+00B7 (as *), ÷ U+00F7 (as /) — or cp itself. The one fold:
 * quiz answers go through it, and so do the keys typed into the stepper's
 * "predict the shape". */
uint32_t lesson_fold_cp(uint32_t cp);

/* Whether lesson_quiz_judge says right. */
bool lesson_quiz_check(const lesson_quiz *q, const char *typed);
/* CHOICE only: whether the 0-based index is the right entry. */
bool lesson_quiz_check_choice(const lesson_quiz *q, int index);

#endif
