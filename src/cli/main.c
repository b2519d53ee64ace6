/*
 * main.c — dnn-tutor's entry point: picks the subcommand and hands over.
 *
 *   dnn-tutor [--lessons DIR] [--no-color] [--ascii] [--lang zh|en]   the full-screen app
 *   dnn-tutor train|sweep|stepper|trainer|predict|report|lessons|exercises …   see --help
 */
#include <errno.h>
#include <stdbool.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "dnn_config.h"

typedef struct subcommand {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} subcommand;

static const subcommand subcommands[] = {
    {"train", cmd_train, "train a network headless and print the course's cost lines"},
    {"sweep", cmd_sweep, "train one network per hidden-layer size and print each accuracy"},
    {"stepper", cmd_stepper, "open the stepper lab: forward and backward propagation one operation (or layer, phase, iteration) at a time"},
    {"trainer", cmd_trainer, "open the live trainer lab: watch the cost fall, change lr and n_h as it runs"},
    {"predict", cmd_predict, "train on pictures (the course's cat data), then classify a PNG or JPEG of your own"},
    {"report", cmd_report, "write a lab report (Markdown or HTML with SVG figures) of a real run"},
    {"lessons", cmd_lessons, "check lesson files: dnn-tutor lessons check [DIR]"},
    {"exercises", cmd_exercises, "write the course's graded functions in numpy and have them checked"},
};

static void print_usage(FILE *out)
{
    fprintf(out,
            "Usage: dnn-tutor [--lessons DIR] [--no-color] [--ascii] [--lang zh|en]\n"
            "       dnn-tutor COMMAND [OPTIONS]   (dnn-tutor COMMAND --help for its options)\n"
            "\n"
            "With no command, opens the full-screen course: weeks 1-4 of \"Neural Networks and\n"
            "Deep Learning\", with labs that step through backpropagation and train live.\n"
            "\n"
            "Commands:\n");
    for (size_t i = 0; i < sizeof subcommands / sizeof subcommands[0]; i++)
        fprintf(out, "  %-9s %s\n", subcommands[i].name, subcommands[i].summary);
    fprintf(out,
            "\n"
            "Options of the full-screen course:\n"
            "  --lessons DIR  read the lesson files in DIR instead of the built-in course\n"
            "  --lang zh|en   interface language (default: from LANG/LC_ALL; L switches it)\n"
            "  --no-color     monochrome theme (also when NO_COLOR is set)\n"
            "  --ascii        ASCII glyphs only (automatic when the locale is not UTF-8)\n"
            "  -h, --help     show this help\n"
            "  -V, --version  show the version\n"
            "\n"
            "Progress is kept in $XDG_STATE_HOME/dnn-tutor/progress.json\n"
            "(default ~/.local/state/dnn-tutor/progress.json).\n");
}

static int run(int argc, char **argv)
{
    if (argc >= 2) {
        const char *first = argv[1];
        if (!strcmp(first, "-h") || !strcmp(first, "--help") || !strcmp(first, "help")) {
            print_usage(stdout);
            return 0;
        }
        if (!strcmp(first, "-V") || !strcmp(first, "--version")) {
            printf("dnn-tutor %s\n", DNN_VERSION);
            return 0;
        }
        for (size_t i = 0; i < sizeof subcommands / sizeof subcommands[0]; i++)
            if (!strcmp(first, subcommands[i].name))
                return subcommands[i].run(argc - 2, argv + 2);
        if (first[0] != '-') {
            fprintf(stderr, "dnn-tutor: unknown command '%s' (try dnn-tutor --help)\n", first);
            return 2;
        }
    }
    return cmd_app(argc - 1, argv + 1);
}

/* Output that could not be written is an error, whatever the command: the
 * last buffered bytes are flushed here, and an earlier failed write left
 * ferror set. One line on stderr, exit 1 (or the command's own failure). */
static int finish_stdout(int rc)
{
    errno = 0;
    bool flush_failed = fflush(stdout) != 0;
    int e = errno;
    if (!flush_failed && !ferror(stdout))
        return rc;
    if (e == EFBIG)
        fprintf(stderr, "dnn-tutor: cannot write the output: file too large\n");
    else if (e)
        fprintf(stderr, "dnn-tutor: cannot write the output: %s\n", strerror(e));
    else
        fprintf(stderr, "dnn-tutor: cannot write the output (a write to standard output failed)\n");
    return rc ? rc : 1;
}

int main(int argc, char **argv)
{
    /* past ulimit -f a write fails with EFBIG ("file too large") instead of killing us */
    signal(SIGXFSZ, SIG_IGN);
    return finish_stdout(run(argc, argv));
}
