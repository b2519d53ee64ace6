/*
 * cmd_train.c — `dnn-tutor train`: train headless and print what the course's
 * notebook prints, so the two can be put side by side:
 *
 *   Cost after iteration 0: 0.693048
 *   …
 *   Accuracy: 90%
 *
 * then the exact accuracies and the speed; or, with --json, one object.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "json.h"
#include "options.h"
#include "pyfloat.h"
#include "../lab/notebook.h"
#include "../lab/run.h"

static const char train_usage[] =
    "Usage: dnn-tutor train [OPTIONS]\n"
    "\n"
    "Trains a network with batch gradient descent and prints the course's lines:\n"
    "\"Cost after iteration N: J\" every --print-every iterations (the cost before that\n"
    "iteration's update), then \"Accuracy: P%%\" as the notebook prints it, the exact\n"
    "train (and test) accuracy and the training speed.\n"
    "\n"
    "  dnn-tutor train --dataset planar --hidden 4 --lr 1.2 --iterations 10000\n"
    "  dnn-tutor train --dataset digits --layers 64,20,7,5,1 --activation relu \\\n"
    "                  --init course-w4 --lr 0.1 --iterations 2500 --test-split 0.2\n"
    "  dnn-tutor train --assignment w4-deep --course-data ~/notebooks/week4/datasets\n"
    "\n"
    "With --assignment the run is the notebook's and so are the lines after the\n"
    "costs: week 2's \"train accuracy: … %%\" and \"test accuracy: … %%\", week 4's\n"
    "\"Accuracy: …\" on the training set, then on the test set.\n"
    "\n"
    "%s"
    "Output:\n"
    "  --json                   print one JSON object instead of text\n"
    "  -h, --help               show this help\n"
    "\n"
    "Exit status: 0 trained, 1 bad data or the training diverged, 2 bad usage.\n";

static bool train_extra(const char *name, const char *value, void *user, char *err, size_t err_size)
{
    (void)value, (void)err, (void)err_size;
    if (!strcmp(name, "json"))
        *(bool *)user = true;
    return true;
}

/* A JSON number, or null for NaN/Inf (JSON has no such numbers). */
static void json_number(FILE *f, double x, const char *fmt)
{
    if (isfinite(x))
        fprintf(f, fmt, x);
    else
        fputs("null", f);
}

static void print_json(const run_spec *spec, const run_setup *s, const run_result *r)
{
    const nn_config *cfg = nn_get_config(s->net);
    printf("{\"dataset\": ");
    cli_json_string(stdout, spec->dataset);
    printf(", \"m\": %zu, \"m_test\": %zu, \"layers\": [", dataset_m(s->data), dataset_m_test(s->data));
    for (int l = 0; l <= cfg->L; l++)
        printf("%s%d", l ? ", " : "", cfg->dims[l]);
    printf("], \"activations\": [");
    for (int l = 1; l <= cfg->L; l++)
        printf("%s\"%s\"", l > 1 ? ", " : "", act_name(cfg->act[l]));
    printf("], \"init\": \"%s\", \"seed\": %u, \"lr\": %.17g, \"iterations\": %ld, \"costs\": [",
           nn_init_name(cfg->init), cfg->seed, spec->lr, spec->iterations);
    for (size_t i = 0; i < r->n_costs; i++) {
        printf("%s{\"iteration\": %ld, \"cost\": ", i ? ", " : "", r->costs[i].iteration);
        json_number(stdout, r->costs[i].cost, "%.10f");
        printf("}");
    }
    printf("], \"final_cost\": ");
    json_number(stdout, r->final_cost, "%.10f");
    printf(", \"train_accuracy\": ");
    json_number(stdout, r->train_accuracy, "%.4f");
    printf(", \"test_accuracy\": ");
    json_number(stdout, r->test_accuracy, "%.4f");
    printf(", \"diverged\": %s, \"diverged_at\": ", r->diverged ? "true" : "false");
    if (r->diverged)
        printf("%ld", r->diverged_at);
    else
        printf("null");
    printf(", \"seconds\": %.6f, \"iterations_per_second\": ", r->seconds);
    json_number(stdout, r->seconds > 0 ? (double)nn_iterations(s->net) / r->seconds : NAN, "%.1f");
    printf("}\n");
}

/* The course's line for each recorded cost, printed as training goes. */
static bool print_cost(void *user, long iteration, double cost)
{
    fprintf(user, "Cost after iteration %li: %f\n", iteration, cost);
    return false;
}

/* The accuracy lines of the notebook the run follows, as it prints them:
 *   week 2   train accuracy: 99.04306220095694 %      test accuracy: 70.0 %
 *   week 4   Accuracy: 0.9856459330143539             (predict() on train, then on test)
 *   week 3   Accuracy: 90%                            (also without --assignment) */
static void print_notebook_accuracy(const run_spec *spec, const run_setup *s, const run_result *res)
{
    char num[40];
    const dataset *d = s->data;
    switch (spec->assignment) {
    case RUNSPEC_W2_LOGREG:
        printf("train accuracy: %s %%\n", pyfloat_format(num, sizeof num, notebook_w2_accuracy(s->net, d->X, d->Y)));
        if (d->X_test)
            printf("test accuracy: %s %%\n",
                   pyfloat_format(num, sizeof num, notebook_w2_accuracy(s->net, d->X_test, d->Y_test)));
        break;
    case RUNSPEC_W4_TWO_LAYER:
    case RUNSPEC_W4_DEEP:
        printf("Accuracy: %s\n", pyfloat_format(num, sizeof num, notebook_w4_accuracy(s->net, d->X, d->Y)));
        if (d->X_test)
            printf("Accuracy: %s\n",
                   pyfloat_format(num, sizeof num, notebook_w4_accuracy(s->net, d->X_test, d->Y_test)));
        break;
    default:
        /* The week 3 notebook prints the accuracy truncated to an integer ('%d'). */
        printf("Accuracy: %d%%\n", (int)res->train_accuracy);
        break;
    }
}

int cmd_train(int argc, char **argv)
{
    run_spec spec = runspec_default();
    bool json = false;
    char err[1024];
    const cli_extra_option extras[] = {{"json", false}};
    switch (cli_parse_run_options(argc, argv, &spec, extras, 1, train_extra, &json, err, sizeof err)) {
    case CLI_PARSE_HELP:
        printf(train_usage, cli_run_options_help);
        return 0;
    case CLI_PARSE_ERROR:
        fprintf(stderr, "dnn-tutor train: %s\n", err);
        return 2;
    case CLI_PARSE_OK:
        break;
    }
    /* One line on stderr when a deep network got week 4's defaults (stdout
     * keeps the notebook's lines, or the JSON, alone). */
    char chose[200];
    if (run_deep_default_words(runspec_deep_defaults(&spec), false, chose, sizeof chose) > 0)
        fprintf(stderr, "dnn-tutor train: Week 4's defaults for a deep net: %s. Give --activation, --init or --lr to choose others.\n", chose);
    run_setup setup;
    int rc = run_setup_open(&spec, &setup, err, sizeof err);
    if (rc) {
        fprintf(stderr, "dnn-tutor train: %s\n", err);
        return rc;
    }
    run_result res;
    const run_hooks echo = {.on_cost = print_cost, .user = stdout};
    run_train(&setup, &spec, json ? NULL : &echo, &res);
    if (json) {
        print_json(&spec, &setup, &res);
    } else if (!res.diverged) {
        print_notebook_accuracy(&spec, &setup, &res);
        printf("Train accuracy: %.2f%% (%zu examples)\n", res.train_accuracy, dataset_m(setup.data));
        if (isfinite(res.test_accuracy))
            printf("Test accuracy: %.2f%% (%zu examples)\n", res.test_accuracy, dataset_m_test(setup.data));
        printf("Trained %ld iterations in %.3f s (%.0f iterations/s)\n", nn_iterations(setup.net),
               res.seconds, res.seconds > 0 ? (double)nn_iterations(setup.net) / res.seconds : 0.0);
    }
    if (res.diverged)
        fprintf(stderr,
                "dnn-tutor train: training diverged at iteration %ld: the cost or a parameter is no "
                "longer a finite number (learning rate %g is too large; try a smaller --lr)\n",
                res.diverged_at, spec.lr);
    rc = res.diverged ? 1 : 0;
    run_result_free(&res);
    run_setup_close(&setup);
    return rc;
}
