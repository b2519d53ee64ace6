/*
 * trainer_rates.c — the learning-rate comparison (trainer.h): fresh copies
 * of the current network (same data, layers, activation, init and seed),
 * one per rate — the current one, a tenth and a hundredth of it, and ten
 * times it — each trained for the same number of iterations, with its cost
 * recorded along the way: several rates on one chart, as the course's
 * notebooks plot them ("too large oscillates, too small crawls"). The work
 * is cut into slices (trainer_rates_work) so the screen can draw between.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "trainer.h"
#include "../core/dnn_limits.h"
#include "trainer_internal.h"

/* The rates, as factors of the current one (largest first). */
static const double rate_factors[TRAINER_RATES_COUNT] = {10.0, 1.0, 0.1, 0.01};

void trainer_rates_stop(trainer *t)
{
    for (int i = 0; i < TRAINER_RATES_COUNT; i++) {
        nn_free(t->rates_nets[i]);
        t->rates_nets[i] = NULL;
        free(t->rates[i].x);
        free(t->rates[i].cost);
        t->rates[i] = (trainer_rate_entry){0};
    }
    t->rates_on = false;
}

/* The cost hook of one rate's run: kept against its iteration. */
static bool rates_keep_cost(void *user, long iteration, double cost)
{
    trainer_rate_entry *e = user;
    if (e->n < e->cap) {
        e->x[e->n] = (double)iteration;
        e->cost[e->n++] = cost;
    }
    return false;
}

bool trainer_rates_start(trainer *t, long iterations, char *err, size_t err_size)
{
    trainer_rates_stop(t);
    if (iterations < 1) {
        snprintf(err, err_size, "the comparison needs at least one iteration per rate");
        return false;
    }
    const long every = iterations >= TRAINER_RATES_POINTS ? iterations / TRAINER_RATES_POINTS : 1;
    t->rates_spec = t->spec;
    if (t->rates_spec.init == NN_INIT_ZEROS) /* the comparison is of rates, not of the symmetry problem */
        t->rates_spec.init = nn_layers(t->net) >= 3 ? NN_INIT_COURSE_W4 : NN_INIT_COURSE_W3;
    t->rates_every = every;
    for (int i = 0; i < TRAINER_RATES_COUNT; i++) {
        trainer_rate_entry *e = &t->rates[i];
        double lr = t->loop.lr * rate_factors[i];
        e->lr = lr > RUN_LR_MAX ? RUN_LR_MAX : lr;
        e->total = iterations;
        e->final_cost = NAN;
        e->cap = (size_t)(iterations / every) + 2;
        e->x = malloc(e->cap * sizeof *e->x);
        e->cost = malloc(e->cap * sizeof *e->cost);
        if (!e->x || !e->cost) {
            snprintf(err, err_size, "out of memory");
            trainer_rates_stop(t);
            return false;
        }
    }
    t->rates_on = true;
    return true;
}

/* The network of rate i, built when its turn comes (by trainer_rates_work,
 * on whichever thread trains: a wide network takes a while to build). False
 * when memory ran out: the entry is then skipped, marked no_memory. */
static bool rates_network(trainer *t, int i)
{
    if (t->rates_nets[i])
        return true;
    trainer_rate_entry *e = &t->rates[i];
    char err[200];
    t->rates_nets[i] = trainer_build_net(&t->rates_spec, t->data, err, sizeof err);
    if (!t->rates_nets[i]) {
        e->no_memory = true;
        return false;
    }
    const run_hooks keep = {.on_cost = rates_keep_cost, .user = e};
    run_loop_begin(&t->rates_loops[i], t->rates_nets[i], e->lr, t->rates_every, &keep);
    return true;
}

long trainer_rates_work(trainer *t, long max_iterations, bool (*pause)(void *user), void *user)
{
    if (!t->rates_on)
        return 0;
    long done = 0;
    for (int i = 0; i < TRAINER_RATES_COUNT && done < max_iterations; i++) {
        trainer_rate_entry *e = &t->rates[i];
        if (e->done < e->total && !e->diverged && !e->no_memory && rates_network(t, i)) {
            long budget = e->total - e->done < max_iterations - done ? e->total - e->done : max_iterations - done;
            long ran = trainer_loop_pausing(&t->rates_loops[i], budget, pause, user);
            e->done += ran;
            done += ran;
            e->diverged = t->rates_loops[i].diverged;
            if (t->rates_loops[i].paused)
                return done; /* part-way: the next call finishes this rate's iteration first */
            /* the cost after the last update, as the curve's last point */
            if (e->done == e->total && !e->diverged) {
                e->final_cost = nn_compute_cost(t->rates_nets[i]);
                e->diverged = !isfinite(e->final_cost);
                rates_keep_cost(e, e->done, e->final_cost);
            }
        }
    }
    return done;
}

bool trainer_rates_active(const trainer *t)
{
    return t->rates_on;
}

bool trainer_rates_finished(const trainer *t)
{
    if (!t->rates_on)
        return false;
    for (int i = 0; i < TRAINER_RATES_COUNT; i++)
        if (t->rates[i].done < t->rates[i].total && !t->rates[i].diverged && !t->rates[i].no_memory)
            return false;
    return true;
}

size_t trainer_rates_entries(const trainer *t, const trainer_rate_entry **entries)
{
    *entries = t->rates;
    return t->rates_on ? TRAINER_RATES_COUNT : 0;
}
