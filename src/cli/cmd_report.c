/*
 * cmd_report.c — `dnn-tutor report`: the command line of the report writer
 * (report.h). It parses the run options and -o/--format/--lang, then hands
 * over; everything else lives in report*.c.
 */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "options.h"
#include "../lab/course.h"
#include "../report/report.h"

static const char report_usage[] =
    "Usage: dnn-tutor report [OPTIONS] [-o FILE] [--format md|html] [--lang zh|en] [--force]\n"
    "\n"
    "Trains a network as `dnn-tutor train` does and writes the scaffold of your lab\n"
    "report of the run: the principle (forward and backward equations with the run's\n"
    "real shapes, and the derivation of backprop with them), the environment\n"
    "(versions, machine, seed, every hyperparameter, the command that repeats it),\n"
    "the results (the course's cost lines, accuracies, confusion matrices, timing,\n"
    "figures) and the analysis: first yours (questions, and the measured facts to\n"
    "answer them from: the always-majority baseline, the learning rates, the hidden\n"
    "sizes, the network trained from zeros; a marked space to write in), then\n"
    "dnn-tutor's notes on a hidden-size sweep and a learning-rate comparison.\n"
    "\n"
    "  dnn-tutor report -o report.md                 report.md + report-*.svg beside it\n"
    "  dnn-tutor report --format html -o report.html one file, figures inline\n"
    "  dnn-tutor report --dataset moons --test-split 0.2 --lang zh -o moons.md\n"
    "\n"
    "%s"
    "Report options:\n"
    "  -o, --output FILE        the report (default report.md, or report.html with\n"
    "                           --format html); figures go beside it as FILE-cost-HASH.svg,\n"
    "                           FILE-boundary-HASH.svg (2-D data), FILE-sweep-HASH.svg,\n"
    "                           FILE-lr-HASH.svg (HASH: 8 hex digits of the contents).\n"
    "                           Only a regular file is replaced; a symlink is written\n"
    "                           through (the file it points to is replaced)\n"
    "  --format md|html         Markdown with SVG files (default), or one HTML file\n"
    "  --lang zh|en             the report's language (default from LC_ALL /\n"
    "                           LC_MESSAGES / LANG: zh* gives zh, anything else en)\n"
    "  --force                  replace FILE without keeping the answers written in it\n"
    "  -h, --help               show this help\n"
    "\n"
    "Your answers are kept: when FILE is an earlier report, what you wrote between\n"
    "each pair of learner-notes markers (<!-- learner-notes begin id=NAME --> …\n"
    "<!-- learner-notes end id=NAME -->) goes into the new report under the markers\n"
    "of the same NAME, wherever they now are; answers the new report has no place\n"
    "for go to a last section, \"Notes from the earlier report\". When FILE cannot be\n"
    "read, its markers are broken, or it holds text but no markers (it is not a\n"
    "report: your own notes, another document), it is left as it is and the report\n"
    "refused (exit 1): fix the markers, write to another -o, or pass --force.\n"
    "\n"
    "The sweep, the learning-rate comparison and the zero-initialised run train at\n"
    "most " COURSE_SWEEP_ITERATIONS_TEXT " iterations each (fewer on large data sets); the report says how many.\n"
    "The report appears all at once: the new figures are written first, the report\n"
    "renamed over the old one last, then the figures it no longer shows removed.\n"
    "Exit status: 0 written, 1 bad data, a diverged run or an unwritable file (then\n"
    "no file of the report is left behind), 2 bad usage.\n";

typedef struct report_args {
    const char *out;
    bool format_given;
    report_format format;
    report_lang lang;
    bool force;
} report_args;

static bool report_extra(const char *name, const char *value, void *user, char *err, size_t err_size)
{
    report_args *a = user;
    if (!strcmp(name, "o") || !strcmp(name, "output")) {
        if (!*value) {
            snprintf(err, err_size, "-o: expected a file name");
            return false;
        }
        a->out = value;
    } else if (!strcmp(name, "format")) {
        if (!strcmp(value, "md") || !strcmp(value, "markdown"))
            a->format = REPORT_MD;
        else if (!strcmp(value, "html"))
            a->format = REPORT_HTML;
        else {
            snprintf(err, err_size, "--format: expected md or html, got '%s'", value);
            return false;
        }
        a->format_given = true;
    } else if (!strcmp(name, "force")) {
        a->force = true;
    } else if (!strcmp(name, "lang")) {
        if (!strcmp(value, "zh"))
            a->lang = REPORT_ZH;
        else if (!strcmp(value, "en"))
            a->lang = REPORT_EN;
        else {
            snprintf(err, err_size, "--lang: expected zh or en, got '%s'", value);
            return false;
        }
    }
    return true;
}

int cmd_report(int argc, char **argv)
{
    report_request req = {.spec = runspec_default()};
    report_args args = {NULL, false, REPORT_MD, report_lang_from_env(), false};
    char err[1024];
    const cli_extra_option extras[] = {{"o", true}, {"output", true}, {"format", true}, {"lang", true}, {"force", false}};
    switch (cli_parse_run_options(argc, argv, &req.spec, extras, 5, report_extra, &args, err, sizeof err)) {
    case CLI_PARSE_HELP:
        printf(report_usage, cli_run_options_help);
        return 0;
    case CLI_PARSE_ERROR:
        fprintf(stderr, "dnn-tutor report: %s\n", err);
        return 2;
    case CLI_PARSE_OK:
        break;
    }
    if (!args.out)
        args.out = args.format == REPORT_HTML ? "report.html" : "report.md";
    else if (!args.format_given) {
        const char *dot = strrchr(args.out, '.');
        if (dot && (!strcmp(dot, ".html") || !strcmp(dot, ".htm")))
            args.format = REPORT_HTML;
    }
    req.lang = args.lang;
    req.format = args.format;
    req.out_path = args.out;
    req.force = args.force;
    int rc = report_write(&req, err, sizeof err);
    if (rc) {
        fprintf(stderr, "dnn-tutor report: %s\n", err);
        return rc;
    }
    printf("%s\n", args.out);
    return 0;
}
