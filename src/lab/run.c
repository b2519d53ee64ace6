/*
 * run.c — the one loader, the one builder and the one training loop (run.h).
 *
 * One iteration is nn_iterate: forward, cost (only when it is recorded: it
 * does not change training), backward, update — the same operations the
 * stepper shows one at a time.
 */
#include "run.h"

#include "../core/dnn_limits.h"
#include "../core/monoclock.h"
#include "../core/network_ops.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

double run_test_split(const run_spec *spec, bool suggested_split)
{
    const dataset_info *info = dataset_builtin_info(spec->dataset);
    if (suggested_split && spec->test_split == 0.0 && info && !info->two_d)
        return info->suggested_split;
    return spec->test_split;
}

int run_load(const run_spec *spec, bool suggested_split, dataset **out, char *err, size_t err_size)
{
    *out = NULL;
    data_load_options opt = data_load_options_from_spec(spec);
    opt.test_split = run_test_split(spec, suggested_split);
    data_error derr;
    memset(&derr, 0, sizeof derr);
    data_status st = dataset_load(spec->dataset, &opt, out, &derr);
    if (st != DATA_OK) {
        *out = NULL;
        data_error_format(&derr, err, err_size);
        return st == DATA_BAD_ARGUMENT ? 2 : 1; /* an option out of range is bad usage */
    }
    return 0;
}

int run_net_new(const nn_config *cfg, const mat *X, const mat *Y, nn_net **out, char *err, size_t err_size)
{
    *out = NULL;
    if (!nn_config_check(cfg, err, err_size))
        return 2;
    /* refuse what would not fit before allocating: the limit, and the machine's memory */
    size_t need = nn_memory_bytes(cfg, X->cols), limit = RUN_MAX_NET_BYTES;
    long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
    if (pages > 0 && page > 0 && (size_t)pages <= SIZE_MAX / (size_t)page && (size_t)pages * (size_t)page < limit)
        limit = (size_t)pages * (size_t)page;
    if (need > limit) {
        char dims[160];
        size_t used = 0;
        for (int l = 0; l <= cfg->L && used < sizeof dims; l++)
            used += (size_t)snprintf(dims + used, sizeof dims - used, "%s%d", l ? ", " : "", cfg->dims[l]);
        snprintf(err, err_size,
                 "the network [%s] on %zu examples needs %.1f GiB of memory; the limit here is %.1f GiB "
                 "(fewer or smaller layers, or fewer examples)",
                 dims, X->cols, (double)need / (1 << 30), (double)limit / (1 << 30));
        return 1;
    }
    nn_net *net = nn_new(cfg);
    if (!net) {
        snprintf(err, err_size, "out of memory building the network");
        return 1;
    }
    nn_status st = nn_bind(net, X, Y);
    if (st != NN_OK) {
        nn_free(net);
        if (st == NN_NO_MEMORY) {
            snprintf(err, err_size, "out of memory building the network");
            return 1;
        }
        snprintf(err, err_size, "the data set (%zu inputs) does not fit the network's input size %d", X->rows,
                 cfg->dims[0]);
        return 2;
    }
    *out = net;
    return 0;
}

int run_build_net(const run_spec *spec, const mat *X, const mat *Y, nn_net **out, char *err, size_t err_size)
{
    *out = NULL;
    nn_config cfg;
    if (!runspec_net_config(spec, (int)X->rows, &cfg, err, err_size))
        return 2;
    mat_set_threads(spec->threads); /* 0: every core */
    return run_net_new(&cfg, X, Y, out, err, err_size);
}

size_t run_deep_default_words(unsigned chose, bool zh, char *buf, size_t size)
{
    /* the values, from the one rule applied to a network with two hidden layers */
    run_spec deep = runspec_default();
    deep.hidden = 0;
    deep.n_layers = 3;
    deep.layers[0] = deep.layers[1] = deep.layers[2] = 1;
    runspec_deep_defaults(&deep);
    char what[160] = "";
    size_t used = 0;
    const char *sep = zh ? "、" : ", ";
    if (chose & RUNSPEC_GIVEN(RUNSPEC_ACTIVATION))
        used += (size_t)snprintf(what + used, sizeof what - used, "%s%s", used ? sep : "", act_label(deep.hidden_act));
    if ((chose & RUNSPEC_GIVEN(RUNSPEC_INIT)) && used < sizeof what)
        used += (size_t)snprintf(what + used, sizeof what - used, "%s%s", used ? sep : "",
                                 deep.init == NN_INIT_COURSE_W4 ? "randn/sqrt(n[l-1])" : nn_init_name(deep.init));
    if ((chose & RUNSPEC_GIVEN(RUNSPEC_LR)) && used < sizeof what)
        snprintf(what + used, sizeof what - used, "%s%s %g", used ? sep : "", zh ? "学习率" : "lr", deep.lr);
    return (size_t)snprintf(buf, size, "%s", what);
}

int run_setup_open(const run_spec *spec, run_setup *out, char *err, size_t err_size)
{
    memset(out, 0, sizeof *out);
    int rc = run_load(spec, false, &out->data, err, err_size);
    if (!rc)
        rc = run_build_net(spec, out->data->X, out->data->Y, &out->net, err, err_size);
    if (rc)
        run_setup_close(out);
    return rc;
}

void run_setup_close(run_setup *s)
{
    nn_free(s->net);
    dataset_free(s->data);
    s->net = NULL;
    s->data = NULL;
}

void run_loop_begin(run_loop *loop, nn_net *net, double lr, long cost_every, const run_hooks *hooks)
{
    memset(loop, 0, sizeof *loop);
    loop->net = net;
    loop->lr = lr;
    loop->cost_every = cost_every;
    if (hooks)
        loop->hooks = *hooks;
    loop->diverged_at = -1;
}

bool run_loop_mid_iteration(const run_loop *loop)
{
    return loop->op_next > 0;
}

/* Whether hooks.pause asks the step to end now. */
static bool loop_pause_now(const run_hooks *h)
{
    return h->pause(h->pause_user ? h->pause_user : h->user);
}

/* The current iteration, or the rest of it, one operation at a time (the
 * same operations nn_iterate runs, the cost only when recorded), polling
 * hooks.pause (when set) after each but the last. Params change only in the last
 * operation (UPDATE), so a pause leaves them those before this iteration.
 * NN_OK with loop->paused when it stopped part-way. */
static nn_status loop_iterate_ops(run_loop *loop)
{
    nn_net *net = loop->net;
    const run_hooks *h = &loop->hooks;
    const int count = nn_op_count(net);
    while (loop->op_next < count) {
        const nn_op op = nn_op_at(net, loop->op_next++);
        if (nn_op_phase_of(op) == NN_PHASE_COST && !loop->op_record)
            continue;
        const nn_status st = nn_run_op(net, op, loop->lr);
        if (st != NN_OK) {
            loop->op_next = 0;
            return st;
        }
        if (loop->op_next < count && h->pause && loop_pause_now(h)) {
            loop->paused = true;
            return NN_OK;
        }
    }
    loop->op_next = 0;
    return NN_OK;
}

long run_loop_step(run_loop *loop, long n)
{
    const run_hooks *h = &loop->hooks;
    long done = 0;
    loop->stopped = false;
    loop->paused = false;
    const bool by_ops = h->pause != NULL;
    /* logistic regression on wide inputs: the same iterations through XᵀX
     * (whole iterations only; with a pause hook it is polled between them) */
    const bool fast = !loop->diverged && loop->op_next == 0 && nn_fast_begin(loop->net, n);
    while (done < n && !loop->diverged) {
        const bool resuming = loop->op_next > 0;
        if (!resuming && h->stop && h->stop(h->user)) {
            loop->stopped = true;
            break;
        }
        /* the update is the last operation: during an iteration this is the count before it */
        const long it = nn_iterations(loop->net);
        if (!resuming)
            loop->op_record = loop->cost_every > 0 && it % loop->cost_every == 0;
        const bool record = loop->op_record;
        nn_status st;
        if (fast)
            st = nn_fast_iterate(loop->net, loop->lr, record);
        else if (by_ops || resuming)
            st = loop_iterate_ops(loop); /* a part-way iteration is always finished, never begun again */
        else
            st = nn_iterate(loop->net, loop->lr, record);
        if (loop->paused)
            break;
        if (st == NN_DIVERGED) {
            loop->diverged = true;
            loop->diverged_at = it;
        }
        done++;
        if (record && h->on_cost && h->on_cost(h->user, it, nn_cost(loop->net)))
            break;
        if (fast && by_ops && done < n && !loop->diverged && loop_pause_now(h)) {
            loop->paused = true;
            break;
        }
    }
    if (fast)
        nn_fast_end(loop->net);
    return done;
}

/* run_train's view of each cost: kept in out->costs and passed on, unless
 * the iteration diverged (the course prints no cost for it). */
typedef struct train_recorder {
    const run_loop *loop;
    const run_hooks *user;
    run_result *out;
    size_t cap;
} train_recorder;

static bool record_cost(void *user, long iteration, double cost)
{
    train_recorder *r = user;
    if (r->loop->diverged)
        return false;
    if (r->out->costs && r->out->n_costs < r->cap)
        r->out->costs[r->out->n_costs++] = (run_cost){iteration, cost};
    if (r->user->on_cost)
        r->user->on_cost(r->user->user, iteration, cost);
    return false;
}

static bool forward_stop(void *user)
{
    const train_recorder *r = user;
    return r->user->stop && r->user->stop(r->user->user);
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
    /* the week 4 notebook prints the last iteration's cost too (spec->print_last) */
    const bool last = spec->print_last && every > 0 && spec->iterations > 0 && (spec->iterations - 1) % every != 0;
    size_t cap = every > 0 ? (size_t)(spec->iterations / every) + 1 + last : 0;
    out->costs = cap ? calloc(cap, sizeof *out->costs) : NULL;

    run_loop loop;
    train_recorder rec = {&loop, hooks, out, cap};
    const run_hooks mine = {.on_cost = record_cost, .stop = forward_stop, .user = &rec};
    run_loop_begin(&loop, s->net, spec->lr, every, &mine);
    const double start = mono_seconds();
    if (last) {
        run_loop_step(&loop, spec->iterations - 1);
        loop.cost_every = 1; /* iteration iterations − 1 is a multiple of 1 */
        if (!loop.diverged && !loop.stopped)
            run_loop_step(&loop, 1);
    } else {
        run_loop_step(&loop, spec->iterations);
    }
    out->seconds = mono_seconds() - start;
    if (loop.stopped) {
        out->stopped = true;
        return;
    }
    if (loop.diverged) {
        out->diverged = true;
        out->diverged_at = loop.diverged_at;
    } else {
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
