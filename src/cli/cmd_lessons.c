/*
 * cmd_lessons.c — `dnn-tutor lessons check [DIR]`: loads lesson files the way
 * the app does and prints what is wrong with them.
 *
 *   stdout:  one line per problem, FILE:LINE:COL: json.path: message
 *            (FILE: message for a file or directory that cannot be read),
 *            then one summary line:
 *              4 files, 3 weeks, 31 lessons, 119 quizzes (92 typed), 10 labs: OK
 *              4 files (1 skipped), 3 weeks, …: 2 problems
 *   stderr:  usage errors only.
 *   exit:    0 no problem, 1 any problem, 2 bad usage.
 *
 * Without DIR the lessons built into the binary are checked, named
 * lessons/weekN.json.
 */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "lesson.h"

static const char lessons_usage[] =
    "Usage: dnn-tutor lessons check [DIR]\n"
    "\n"
    "Checks lesson files (lessons/README.md describes the format): every *.json in\n"
    "DIR, or the lessons built into dnn-tutor when DIR is not given. Prints each\n"
    "problem on stdout as FILE:LINE:COL: json.path: message (columns count\n"
    "characters), then a summary line. Exit status: 0 when there is no problem,\n"
    "1 when there is one, 2 on bad usage.\n";

static const char *plural(int n, const char *one, const char *many)
{
    return n == 1 ? one : many;
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
    if (course->n_problems)
        printf("%d %s\n", course->n_problems, plural(course->n_problems, "problem", "problems"));
    else
        printf("OK\n");
    int status = course->n_problems ? 1 : 0;
    lesson_course_free(course);
    if (fflush(stdout) != 0)
        return 1;
    return status;
}

int cmd_lessons(int argc, char **argv)
{
    if (argc >= 1 && (!strcmp(argv[0], "-h") || !strcmp(argv[0], "--help") || !strcmp(argv[0], "help"))) {
        fputs(lessons_usage, stdout);
        return 0;
    }
    if (argc < 1) {
        fprintf(stderr, "dnn-tutor: lessons: missing the action (check)\n\n%s", lessons_usage);
        return 2;
    }
    if (strcmp(argv[0], "check") != 0) {
        fprintf(stderr, "dnn-tutor: lessons: unknown action '%s' (expected check)\n", argv[0]);
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
