/*
 * cmd_sweep.c — `dnn-tutor sweep`: the course's hidden-layer-size experiment.
 * One network per size, each trained from the same seeded init, printing
 *
 *   Accuracy for 4 hidden units: 90.5 %
 *
 * with the accuracy written as Python writes a float (90.5, 90.0, 67.25).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "pyfloat.h"
#include "json.h"
#include "options.h"
#include "../core/dnn_limits.h"
#include "../lab/course.h"
#include "../lab/run.h"

static const char sweep_usage[] =
    "Usage: dnn-tutor sweep [--hidden N1,N2,...] [OPTIONS]\n"
    "\n"
    "Trains one network per hidden-layer size and prints the training accuracy of\n"
    "each, as the course's week-3 notebook does. Defaults: --hidden " COURSE_SWEEP_SIZES_ARG "\n"
    "--iterations " COURSE_SWEEP_ITERATIONS_TEXT ", the other run options as for train (planar, tanh, lr 1.2).\n"
    "\n"
    "  dnn-tutor sweep --hidden " COURSE_SWEEP_SIZES_ARG " --iterations " COURSE_SWEEP_ITERATIONS_TEXT "\n"
    "\n"
    "  --hidden N1,N2,...       the sizes to try (1 to " DNN_LIMIT_TEXT(NN_MAX_UNITS) " each, at most "
    DNN_LIMIT_TEXT(RUN_SWEEP_MAX) ")\n"
    "%s"
    "  --json                   print one JSON object instead of text\n"
    "  -h, --help               show this help\n"
    "\n"
    "Exit status: 0 every size trained, 1 bad data or a size diverged (the other\n"
    "sizes still run), 2 bad usage.\n";

typedef struct sweep_args {
    int sizes[RUN_SWEEP_MAX];
    int n_sizes;
    bool json;
} sweep_args;

static bool sweep_extra(const char *name, const char *value, void *user, char *err, size_t err_size)
{
    sweep_args *a = user;
    if (!strcmp(name, "json")) {
        a->json = true;
        return true;
    }
    if (!runspec_parse_int_list(value, a->sizes, RUN_SWEEP_MAX, NN_MAX_UNITS, &a->n_sizes)) {
        snprintf(err, err_size, "--hidden: expected up to %d sizes from 1 to %d separated by commas, got '%s'",
                 RUN_SWEEP_MAX, NN_MAX_UNITS, value);
        return false;
    }
    return true;
}

int cmd_sweep(int argc, char **argv)
{
    run_spec spec = runspec_default();
    spec.iterations = COURSE_SWEEP_ITERATIONS;
    spec.print_every = 0;
    sweep_args args = {COURSE_SWEEP_SIZES, COURSE_SWEEP_COUNT, false};
    char err[1024];
    const cli_extra_option extras[] = {{"hidden", true}, {"json", false}};
    switch (cli_parse_run_options(argc, argv, &spec, extras, 2, sweep_extra, &args, err, sizeof err)) {
    case CLI_PARSE_HELP:
        printf(sweep_usage, cli_run_options_help_sweep);
        return 0;
    case CLI_PARSE_ERROR:
        fprintf(stderr, "dnn-tutor sweep: %s\n", err);
        return 2;
    case CLI_PARSE_OK:
        break;
    }
    if (spec.n_layers > 0) {
        fprintf(stderr, "dnn-tutor sweep: --layers does not apply: the sweep varies one hidden layer (--hidden)\n");
        return 2;
    }
    spec.print_every = 0;
    if (args.json) {
        printf("{\"dataset\": ");
        cli_json_string(stdout, spec.dataset);
        printf(", \"iterations\": %ld, \"lr\": %.17g, \"results\": [", spec.iterations, spec.lr);
    }
    int rc = 0;
    bool any_diverged = false;
    for (int i = 0; i < args.n_sizes; i++) {
        spec.hidden = args.sizes[i];
        run_setup setup;
        rc = run_setup_open(&spec, &setup, err, sizeof err);
        if (rc) {
            fprintf(stderr, "dnn-tutor sweep: %s\n", err);
            break;
        }
        run_result res;
        run_train(&setup, &spec, NULL, &res);
        any_diverged = any_diverged || res.diverged;
        char acc[32];
        pyfloat_format(acc, sizeof acc, res.train_accuracy);
        if (args.json) {
            const bool known = !res.diverged && isfinite(res.train_accuracy);
            printf("%s{\"hidden\": %d, \"accuracy\": %s, \"diverged\": %s, \"seconds\": %.6f}", i ? ", " : "",
                   spec.hidden, known ? acc : "null", res.diverged ? "true" : "false", res.seconds);
        } else if (res.diverged) {
            printf("Accuracy for %d hidden units: diverged at iteration %ld (try a smaller --lr)\n", spec.hidden,
                   res.diverged_at);
        } else {
            printf("Accuracy for %d hidden units: %s %%\n", spec.hidden, acc);
        }
        fflush(stdout);
        run_result_free(&res);
        run_setup_close(&setup);
    }
    if (args.json)
        printf("]}\n");
    return rc ? rc : (any_diverged ? 1 : 0);
}
