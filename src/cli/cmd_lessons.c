/*
 * cmd_lessons.c — `dnn-tutor lessons check [DIR]`: loads lesson files the way
 * the app does and prints what is wrong with them; `dnn-tutor lessons try
 * QUIZ_ID ANSWER [--lang zh|en] [--lessons DIR]`: judges one answer as the
 * lesson reader would.
 *
 * check:   stdout:  one line per problem, FILE:LINE:COL: json.path: message
 *                   (FILE:LINE:COL: message for JSON that does not parse,
 *                   FILE: message for a file or directory that cannot be
 *                   read), then one summary line, for the shipped lessons:
 *                     4 files, 4 weeks, 35 lessons, 141 quizzes (108 typed), 14 labs: OK
 *                   and with a broken file:
 *                     1 file (1 skipped), 0 weeks, 0 lessons, 0 quizzes (0 typed), 0 labs: 1 problem
 *          stderr:  usage errors (and "out of memory") only.
 *          exit:    0 no problem, 1 any problem, 2 bad usage.
 *          Without DIR the lessons built into the binary are checked, named
 *          lessons/weekN.json. An exercise block whose id names no exercise
 *          of exercises/exercises.json is a problem too (FILE:LINE: where:
 *          message; the lesson layer knows the id's form only), when that
 *          file is found.
 *
 * try:     stdout:  "right", "wrong" or "unreadable" on the first line, then
 *                   what the reader shows for that answer: the explanation
 *                   of a right one, the feedback written for that wrong answer
 *                   (nothing more when the quiz has none for it), or how to
 *                   write an answer the reader could not read.
 *          stderr:  usage errors, an unknown quiz id, and the problems of
 *                   the lesson files (then nothing is judged).
 *          exit:    0 right, 1 wrong, 3 unreadable, 2 bad usage or an unknown
 *                   quiz, 4 the lessons (--lessons DIR) have problems.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "ex_catalog.h"
#include "ex_files.h"
#include "lesson.h"

static const char lessons_usage[] =
    "Usage: dnn-tutor lessons check [DIR]\n"
    "       dnn-tutor lessons try QUIZ_ID ANSWER [--lang zh|en] [--lessons DIR]\n"
    "\n"
    "check: checks lesson files (lessons/README.md describes the format): every\n"
    "*.json in DIR, or the lessons built into dnn-tutor when DIR is not given.\n"
    "Prints each problem on stdout as FILE:LINE:COL: json.path: message (columns\n"
    "count characters), then a summary line. Exit status: 0 when there is no\n"
    "problem, 1 when there is one, 2 on bad usage.\n"
    "\n"
    "try: judges ANSWER to the quiz QUIZ_ID as the lesson reader would and prints\n"
    "the verdict (right, wrong or unreadable) on the first line, then what the\n"
    "reader shows: the feedback on that wrong answer, how to write an answer the\n"
    "reader could not read, the explanation for a right one. --lang picks the\n"
    "language (default en), --lessons DIR the lesson files (default: built in).\n"
    "Exit status: 0 right, 1 wrong, 3 unreadable (a try the reader does not\n"
    "count), 2 bad usage or no such quiz, 4 the lesson files have problems.\n";

static const char *plural(int n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

/* Prints a problem line for each exercise block whose id the catalog does
 * not know; returns how many. None when the catalog is not found (an
 * installation without the exercises still checks its lessons). */
static int check_exercise_links(const lesson_course *course)
{
    char root[4096], path[4200], msg[512];
    if (!ex_find_root(root, sizeof root))
        return 0;
    snprintf(path, sizeof path, "%s/exercises.json", root);
    ex_catalog *cat = ex_catalog_load(path, msg, sizeof msg);
    if (!cat)
        return 0;
    int n = 0;
    for (int w = 0; w < course->n_weeks; w++)
        for (int l = 0; l < course->weeks[w].n_lessons; l++) {
            const lesson *ls = &course->weeks[w].lessons[l];
            for (int p = 0; p < ls->n_pages; p++)
                for (int b = 0; b < ls->pages[p].n_blocks; b++) {
                    const lesson_block *bl = &ls->pages[p].blocks[b];
                    if (bl->kind != LESSON_BLOCK_EXERCISE || ex_catalog_find(cat, bl->exercise->id))
                        continue;
                    printf("%s:%d: lesson %s, page %d, block %d: no exercise \"%s\" (dnn-tutor exercises list "
                           "shows them)\n",
                           course->weeks[w].file, bl->line, ls->id, p + 1, b + 1, bl->exercise->id);
                    n++;
                }
        }
    ex_catalog_free(cat);
    return n;
}

static int check(const char *dir)
{
    lesson_course *course = dir ? lesson_load_dir(dir) : lesson_load_shipped();
    if (!course) {
        fprintf(stderr, "dnn-tutor: lessons: out of memory\n");
        return 1;
    }
    char line[2048];
    for (int i = 0; i < course->n_problems; i++) {
        lesson_problem_format(&course->problems[i], line, sizeof line);
        printf("%s\n", line);
    }
    int problems = course->n_problems + check_exercise_links(course);
    int skipped = 0;
    for (int i = 0; i < course->n_files; i++)
        skipped += course->files[i].skipped;
    printf("%d %s", course->n_files, plural(course->n_files, "file", "files"));
    if (skipped)
        printf(" (%d skipped)", skipped);
    printf(", %d %s, %d %s, %d %s (%d typed), %d %s: ", course->n_weeks, plural(course->n_weeks, "week", "weeks"),
           course->n_lessons, plural(course->n_lessons, "lesson", "lessons"), course->n_quizzes,
           plural(course->n_quizzes, "quiz", "quizzes"), course->n_typed_quizzes, course->n_labs,
           plural(course->n_labs, "lab", "labs"));
    if (problems)
        printf("%d %s\n", problems, plural(problems, "problem", "problems"));
    else
        printf("OK\n");
    int status = problems ? 1 : 0;
    lesson_course_free(course);
    if (fflush(stdout) != 0)
        return 1;
    return status;
}

static int try_answer(const char *quiz_id, const char *answer, lesson_lang lang, const char *dir)
{
    lesson_course *course = dir ? lesson_load_dir(dir) : lesson_load_shipped();
    if (!course) {
        fprintf(stderr, "dnn-tutor: lessons: out of memory\n");
        return 4;
    }
    if (course->n_problems) {
        char line[2048];
        for (int i = 0; i < course->n_problems; i++) {
            lesson_problem_format(&course->problems[i], line, sizeof line);
            fprintf(stderr, "%s\n", line);
        }
        fprintf(stderr, "dnn-tutor: lessons try: the lesson files have problems (dnn-tutor lessons check)\n");
        lesson_course_free(course);
        return 4;
    }
    const lesson_quiz *q = lesson_course_find_quiz(course, quiz_id);
    if (!q) {
        fprintf(stderr, "dnn-tutor: lessons try: no quiz has the id '%s'\n", quiz_id);
        lesson_course_free(course);
        return 2;
    }
    const lesson_feedback *fb = NULL;
    lesson_verdict v = lesson_quiz_judge(q, answer, &fb);
    int status = 0;
    switch (v) {
    case LESSON_VERDICT_RIGHT:
        printf("right\n%s\n", lesson_text_get(q->explanation, lang));
        break;
    case LESSON_VERDICT_WRONG:
        printf("wrong\n");
        if (fb)
            printf("%s\n", lesson_text_get(fb->explanation, lang));
        status = 1;
        break;
    default:
        printf("unreadable\n%s\n", lesson_text_get(lesson_quiz_unreadable_text(q), lang));
        status = 3;
        break;
    }
    lesson_course_free(course);
    if (fflush(stdout) != 0)
        return 4;
    return status;
}

/* lessons try QUIZ_ID ANSWER [--lang zh|en] [--lessons DIR], options anywhere
 * after "try"; "--" ends them (an answer may start with a minus). */
static int cmd_try(int argc, char **argv)
{
    const char *pos[2] = {NULL, NULL};
    int n_pos = 0;
    lesson_lang lang = LESSON_LANG_EN;
    const char *dir = NULL;
    bool options = true;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (options && (!strcmp(a, "-h") || !strcmp(a, "--help"))) {
            fputs(lessons_usage, stdout);
            return 0;
        }
        if (options && !strcmp(a, "--")) {
            options = false;
            continue;
        }
        if (options && (!strcmp(a, "--lang") || !strcmp(a, "--lessons"))) {
            if (i + 1 >= argc) {
                fprintf(stderr, "dnn-tutor: lessons try: %s needs a value\n", a);
                return 2;
            }
            const char *val = argv[++i];
            if (!strcmp(a, "--lessons"))
                dir = val;
            else if (!strcmp(val, "zh"))
                lang = LESSON_LANG_ZH;
            else if (!strcmp(val, "en"))
                lang = LESSON_LANG_EN;
            else {
                fprintf(stderr, "dnn-tutor: lessons try: --lang takes zh or en, not '%s'\n", val);
                return 2;
            }
            continue;
        }
        if (options && a[0] == '-' && a[1] == '-') {
            fprintf(stderr, "dnn-tutor: lessons try: unknown option '%s'\n", a);
            return 2;
        }
        if (n_pos >= 2) {
            fprintf(stderr, "dnn-tutor: lessons try: one quiz id and one answer (quote an answer with spaces)\n");
            return 2;
        }
        pos[n_pos++] = a;
    }
    if (n_pos < 2) {
        fprintf(stderr, "dnn-tutor: lessons try: missing the %s\n\n%s", n_pos ? "answer" : "quiz id and the answer",
                lessons_usage);
        return 2;
    }
    return try_answer(pos[0], pos[1], lang, dir);
}

int cmd_lessons(int argc, char **argv)
{
    if (argc >= 1 && (!strcmp(argv[0], "-h") || !strcmp(argv[0], "--help") || !strcmp(argv[0], "help"))) {
        fputs(lessons_usage, stdout);
        return 0;
    }
    if (argc < 1) {
        fprintf(stderr, "dnn-tutor: lessons: missing the action (check or try)\n\n%s", lessons_usage);
        return 2;
    }
    if (!strcmp(argv[0], "try"))
        return cmd_try(argc, argv);
    if (strcmp(argv[0], "check") != 0) {
        fprintf(stderr, "dnn-tutor: lessons: unknown action '%s' (expected check or try)\n", argv[0]);
        return 2;
    }
    const char *dir = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            fputs(lessons_usage, stdout);
            return 0;
        }
        if (argv[i][0] == '-' && argv[i][1] && strcmp(argv[i], "--") != 0) {
            fprintf(stderr, "dnn-tutor: lessons check: unknown option '%s'\n", argv[i]);
            return 2;
        }
        if (!strcmp(argv[i], "--") && i + 1 < argc)
            i++;
        else if (!strcmp(argv[i], "--"))
            continue;
        if (dir) {
            fprintf(stderr, "dnn-tutor: lessons check: one directory at most ('%s' and '%s' given)\n", dir, argv[i]);
            return 2;
        }
        dir = argv[i];
    }
    return check(dir);
}
