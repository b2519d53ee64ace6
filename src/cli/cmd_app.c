/*
 * cmd_app.c — the full-screen app, and the labs opened directly.
 *
 *   dnn-tutor [--lessons DIR] [--no-color] [--lang zh|en] [--ascii]
 *   dnn-tutor stepper [run options] [--no-color] [--lang zh|en] [--ascii]
 *   dnn-tutor trainer [run options] [--sweep | --deep] [--no-color] [--lang zh|en] [--ascii]
 *
 * The language is --lang, else the one saved with the progress, else the
 * locale's (LC_ALL / LC_MESSAGES / LANG starting with "zh" → 中文).
 * The ASCII twins of every glyph are used with --ascii or when the locale's
 * codeset is not UTF-8.
 */
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "commands.h"
#include "labs.h"
#include "lesson.h"
#include "options.h"
#include "progress.h"
#include "tui.h"

typedef struct app_flags {
    bool no_color;
    bool ascii;
    bool lang_given;
    ui_lang lang;
    const char *lessons;
    bool sweep, deep;
} app_flags;

static ui_lang app_env_lang(void)
{
    const char *vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t i = 0; i < 3; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v)
            return !strncmp(v, "zh", 2) ? UI_LANG_ZH : UI_LANG_EN;
    }
    return UI_LANG_EN;
}

static bool app_set_lang(app_flags *f, const char *v, char *err, size_t err_size)
{
    if (v && !strcmp(v, "zh"))
        f->lang = UI_LANG_ZH;
    else if (v && !strcmp(v, "en"))
        f->lang = UI_LANG_EN;
    else {
        snprintf(err, err_size, "--lang: expected zh or en, got '%s'", v ? v : "");
        return false;
    }
    f->lang_given = true;
    return true;
}

static bool app_on_extra(const char *name, const char *value, void *user, char *err, size_t err_size)
{
    app_flags *f = user;
    if (!strcmp(name, "no-color"))
        f->no_color = true;
    else if (!strcmp(name, "ascii"))
        f->ascii = true;
    else if (!strcmp(name, "lang"))
        return app_set_lang(f, value, err, err_size);
    else if (!strcmp(name, "sweep"))
        f->sweep = true;
    else if (!strcmp(name, "deep"))
        f->deep = true;
    return true;
}

static const char app_display_help[] =
    "  --lang zh|en   the interface language (default: the saved one, else the locale's)\n"
    "  --no-color     monochrome (also when NO_COLOR is set)\n"
    "  --ascii        ASCII glyphs only (automatic when the locale is not UTF-8)\n";

static void app_usage(FILE *out)
{
    fprintf(out,
            "Usage: dnn-tutor [--lessons DIR] [--no-color] [--lang zh|en] [--ascii]\n"
            "\n"
            "Opens the full-screen course: a map of its weeks, lessons with quizzes, labs,\n"
            "and the exercises (x on the map): the course's graded functions, written in your\n"
            "editor (e, $VISUAL or $EDITOR) and checked every time you save.\n"
            "Progress is saved in $XDG_STATE_HOME/dnn-tutor/progress.json\n"
            "(default ~/.local/state/dnn-tutor/progress.json).\n"
            "\n"
            "Options:\n"
            "  --lessons DIR  read the lessons from DIR/*.json instead of the built-in ones;\n"
            "                 a file with problems is skipped and reported in the app\n"
            "%s"
            "  -h, --help     show this help\n"
            "\n"
            "Keys: ? help on the current screen, L 中文/English, q back (quits on the map).\n",
            app_display_help);
}

static bool app_use_ascii(const app_flags *f)
{
    setlocale(LC_ALL, "");
    setlocale(LC_NUMERIC, "C"); /* numbers print as the course prints them: 0.233864, never 0,233864 */
    return f->ascii || !tui_locale_is_utf8();
}

static int app_run(ui_app *app, const app_flags *f, bool ascii)
{
    /* An empty DNN_TUTOR_FRAME_LOG is as unset. */
    const char *frame_log = getenv("DNN_TUTOR_FRAME_LOG");
    tui_options opt = {.color = !f->no_color, .ascii = ascii, .frame_log = frame_log && *frame_log ? frame_log : NULL};
    char err[256];
    int rc = tui_run(app, &opt, err, sizeof err);
    if (rc != 0)
        fprintf(stderr, "dnn-tutor: %s\n", err);
    return rc;
}

/* After a quit by signal (the terminal is restored and progress saved by
 * now), die of the same signal so the parent sees it. */
static int app_finish(int rc)
{
    int sig = tui_quit_signal();
    if (sig) {
        fflush(NULL);
        signal(sig, SIG_DFL);
        raise(sig);
        return 128 + sig;
    }
    return rc;
}

/* One notice line: the lesson files that were skipped (with the first
 * problem; `dnn-tutor lessons check DIR` lists them all), then `extra` (a
 * progress-file notice), whichever there are. */
static void app_report_problems(ui_app *app, const lesson_course *course, const char *extra)
{
    char msg[700] = "";
    if (course->n_problems > 0) {
        int skipped = 0;
        for (int i = 0; i < course->n_files; i++)
            skipped += course->files[i].skipped;
        char first[300];
        lesson_problem_format(&course->problems[0], first, sizeof first);
        snprintf(msg, sizeof msg, "%d lesson file(s) skipped, %d problem(s); first: %s", skipped,
                 course->n_problems, first);
    }
    if (extra && extra[0]) {
        size_t n = strlen(msg);
        snprintf(msg + n, sizeof msg - n, "%s%s", n ? " | " : "", extra);
    }
    if (msg[0])
        app_message(app, msg);
}

int cmd_app(int argc, char **argv)
{
    app_flags f = {0};
    char err[256];
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char *v = NULL;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            app_usage(stdout);
            return 0;
        } else if (!strcmp(a, "--no-color")) {
            f.no_color = true;
        } else if (!strcmp(a, "--ascii")) {
            f.ascii = true;
        } else if (!strcmp(a, "--lang") || !strncmp(a, "--lang=", 7)) {
            v = a[6] == '=' ? a + 7 : (i + 1 < argc ? argv[++i] : NULL);
            if (!app_set_lang(&f, v, err, sizeof err)) {
                fprintf(stderr, "dnn-tutor: %s\n", err);
                return 2;
            }
        } else if (!strcmp(a, "--lessons") || !strncmp(a, "--lessons=", 10)) {
            v = a[9] == '=' ? a + 10 : (i + 1 < argc ? argv[++i] : NULL);
            if (!v) {
                fprintf(stderr, "dnn-tutor: option '--lessons' needs a directory\n");
                return 2;
            }
            f.lessons = v;
        } else {
            fprintf(stderr, "dnn-tutor: unknown option '%s' (try dnn-tutor --help)\n", a);
            return 2;
        }
    }
    bool ascii = app_use_ascii(&f);
    lesson_course *course = f.lessons ? lesson_load_dir(f.lessons) : lesson_load_shipped();
    if (!course) {
        fprintf(stderr, "dnn-tutor: out of memory while loading the lessons\n");
        return 1;
    }
    if (course->n_lessons == 0) {
        if (course->n_problems > 0) {
            char line[512];
            lesson_problem_format(&course->problems[0], line, sizeof line);
            fprintf(stderr, "dnn-tutor: %s\n", line);
        }
        fprintf(stderr, "dnn-tutor: no lessons to show%s%s\n", f.lessons ? " in " : "", f.lessons ? f.lessons : "");
        lesson_course_free(course);
        return 1;
    }
    char path[4096], msg[512] = "", why[256];
    bool have_path = progress_default_path(path, sizeof path, why, sizeof why);
    ui_progress *progress = NULL;
    if (have_path) {
        /* PROGRESS_ERROR: a file we could neither read nor move aside is never overwritten */
        if (progress_load(path, &progress, msg, sizeof msg) == PROGRESS_ERROR)
            have_path = false;
    } else {
        progress = progress_new();
        snprintf(msg, sizeof msg, "%s: progress will not be saved", why);
    }
    if (!progress) {
        fprintf(stderr, "dnn-tutor: out of memory\n");
        lesson_course_free(course);
        return 1;
    }
    /* Chinese cannot be shown without UTF-8: English then, unless asked for. */
    bool utf8 = tui_locale_is_utf8();
    ui_lang lang = f.lang_given          ? f.lang
                   : !utf8               ? UI_LANG_EN
                   : progress->has_lang  ? progress->lang
                                         : app_env_lang();
    ui_app_config cfg = {.lang = lang, .ascii = ascii, .color = !f.no_color, .progress_path = have_path ? path : NULL,
                         .no_cjk = !utf8};
    ui_app *app = app_new(course, progress, &cfg);
    if (!app) {
        progress_free(progress);
        lesson_course_free(course);
        fprintf(stderr, "dnn-tutor: out of memory\n");
        return 1;
    }
    app_open_course(app);
    app_report_problems(app, course, msg);
    int rc = app_run(app, &f, ascii);
    app_free(app);
    lesson_course_free(course);
    return app_finish(rc);
}

/* The learner's progress for a lab opened on its own, read without touching
 * the file (a corrupt one is not set aside here, and the lab saves nothing):
 * the stepper's y asks it whether an exercise passes and where the learner's
 * files are. NULL when there is none or it cannot be read. */
static ui_progress *lab_progress(void)
{
    char path[4096], why[256];
    if (!progress_default_path(path, sizeof path, why, sizeof why))
        return NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *data = malloc(PROGRESS_FILE_MAX);
    size_t n = data ? fread(data, 1, PROGRESS_FILE_MAX, f) : 0;
    fclose(f);
    ui_progress *p = NULL;
    if (data && n > 0 && n < PROGRESS_FILE_MAX && progress_parse(data, n, &p) != PROGRESS_OK) {
        progress_free(p);
        p = NULL;
    }
    free(data);
    return p;
}

/* The stepper or trainer lab on its own, from run options. */
static int cmd_lab(int argc, char **argv, bool trainer)
{
    const char *name = trainer ? "trainer" : "stepper";
    static const cli_extra_option extras[] = {
        {"no-color", false}, {"ascii", false}, {"lang", true}, {"sweep", false}, {"deep", false},
    };
    int n_extras = trainer ? 5 : 3;
    app_flags f = {0};
    run_spec spec = runspec_default();
    char err[512];
    cli_parse_result pr = cli_parse_run_options(argc, argv, &spec, extras, n_extras, app_on_extra, &f, err, sizeof err);
    if (pr == CLI_PARSE_HELP) {
        printf("Usage: dnn-tutor %s [run options]%s [--no-color] [--lang zh|en] [--ascii]\n\n", name,
               trainer ? " [--sweep | --deep]" : "");
        if (trainer)
            printf("Opens the live trainer: the data over the network's decision regions and the cost\n"
                   "curve, while it trains. --sweep opens it on the hidden-size sweep; --deep on the\n"
                   "L-layer trainer (week 4).\n\n");
        else
            printf("Opens the stepper: forward and backward propagation one operation at a time (or,\n"
                   "with s, one layer, phase or whole iteration per step), with every shape spelled\n"
                   "out, undo, a matrix inspector and a gradient check (of a fixed sample of each W\n"
                   "and b when the network is too big to check whole).\n\n");
        printf("%s%s\nDisplay:\n%s  -h, --help     show this help\n", cli_run_options_help,
               trainer ? "The trainer runs until paused; given --iterations N, it pauses once at N.\n" : "",
               app_display_help);
        return 0;
    }
    if (pr == CLI_PARSE_ERROR) {
        fprintf(stderr, "dnn-tutor %s: %s\n", name, err);
        return 2;
    }
    if (f.sweep && f.deep) {
        fprintf(stderr, "dnn-tutor trainer: --sweep and --deep cannot be combined\n");
        return 2;
    }
    bool ascii = app_use_ascii(&f);
    ui_app_config cfg = {.lang = f.lang_given ? f.lang : app_env_lang(), .ascii = ascii, .color = !f.no_color,
                         .no_cjk = !tui_locale_is_utf8()};
    ui_progress *progress = trainer ? NULL : lab_progress();
    ui_app *app = app_new(NULL, progress, &cfg);
    if (!app) {
        progress_free(progress);
        fprintf(stderr, "dnn-tutor: out of memory\n");
        return 1;
    }
    ui_lab_kind kind = !trainer ? UI_LAB_STEPPER : f.sweep ? UI_LAB_SWEEP : f.deep ? UI_LAB_DEEP_TRAINER
                                                                                    : UI_LAB_TRAINER;
    err[0] = '\0';
    ui_screen *s = lab_screen_new(kind, &spec, app_ctx(app), err, sizeof err);
    if (!s) {
        fprintf(stderr, "dnn-tutor %s: %s\n", name, err[0] ? err : "the lab could not be opened");
        app_free(app);
        return 1;
    }
    /* --iterations given: the trainer pauses there once (as a lesson's run does). */
    if (trainer && runspec_given(&spec, RUNSPEC_ITERATIONS))
        trainer_screen_stop_at_option(s, spec.iterations);
    app_push(app, s);
    int rc = app_run(app, &f, ascii);
    app_free(app);
    return app_finish(rc);
}

int cmd_stepper(int argc, char **argv)
{
    return cmd_lab(argc, argv, false);
}

int cmd_trainer(int argc, char **argv)
{
    return cmd_lab(argc, argv, true);
}
