/*
 * run.c — set up and train one run: the loop `train`, `sweep` and the
 * report share.
 *
 * One iteration is nn_iterate: forward, cost (only when it is recorded: it
 * does not change training), backward, update — the same operations the
 * stepper shows one at a time.
 */
#include "run.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

double run_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int run_setup_open(const run_spec *spec, run_setup *out, char *err, size_t err_size)
{
    memset(out, 0, sizeof *out);
    data_load_options opt = data_load_options_from_spec(spec);
    data_error derr;
    data_status st = dataset_load(spec->dataset, &opt, &out->data, &derr);
    if (st != DATA_OK) {
        data_error_format(&derr, err, err_size);
        return st == DATA_BAD_ARGUMENT ? 2 : 1; /* an option out of range is bad usage */
    }
    nn_config cfg;
    if (!runspec_net_config(spec, out->data->n_x, &cfg, err, err_size)) {
        run_setup_close(out);
        return 2;
    }
    out->net = nn_new(&cfg);
    if (!out->net || nn_bind(out->net, out->data->X, out->data->Y) != NN_OK) {
        snprintf(err, err_size, "out of memory building the network");
        run_setup_close(out);
        return 1;
    }
    return 0;
}

void run_setup_close(run_setup *s)
{
    nn_free(s->net);
    dataset_free(s->data);
    s->net = NULL;
    s->data = NULL;
}

void run_train(run_setup *s, const run_spec *spec, const run_hooks *hooks, run_result *out)
{
    static const run_hooks none = {0};
    if (!hooks)
        hooks = &none;
    memset(out, 0, sizeof *out);
    out->test_accuracy = NAN;
    out->train_accuracy = NAN;
    out->final_cost = NAN;
    out->diverged_at = -1;
    const long every = spec->print_every;
    size_t cap = every > 0 ? (size_t)(spec->iterations / every) + 1 : 0;
    out->costs = cap ? calloc(cap, sizeof *out->costs) : NULL;

    const double start = run_now();
    for (long i = 0; i < spec->iterations; i++) {
        if (hooks->stop && hooks->stop(hooks->user)) {
            out->stopped = true;
            out->seconds = run_now() - start;
            return;
        }
        const bool record = every > 0 && i % every == 0;
        if (nn_iterate(s->net, spec->lr, record) == NN_DIVERGED) {
            out->diverged = true;
            out->diverged_at = i;
            break;
        }
        if (record) {
            if (out->costs && out->n_costs < cap)
                out->costs[out->n_costs++] = (run_cost){i, nn_cost(s->net)};
            if (hooks->on_cost)
                hooks->on_cost(hooks->user, i, nn_cost(s->net));
        }
    }
    out->seconds = run_now() - start;
    if (!out->diverged) {
        out->final_cost = nn_compute_cost(s->net);
        if (!isfinite(out->final_cost)) {
            out->diverged = true;
            out->diverged_at = spec->iterations;
        }
    }
    out->train_accuracy = nn_accuracy(s->net, s->data->X, s->data->Y);
    if (s->data->X_test)
        out->test_accuracy = nn_accuracy(s->net, s->data->X_test, s->data->Y_test);
}

void run_result_free(run_result *r)
{
    free(r->costs);
    r->costs = NULL;
    r->n_costs = 0;
}
