/*
 * trainer.c — the trainer model (trainer.h): settings, runs, history and
 * the divergence watch.
 */
#include "trainer.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/cost.h"
#include "trainer_internal.h"

/* The ladder: roughly ×3 per rung, denser around the course's 1.2. The
 * course network on planar survives 10 (the cost jumps, then settles), jumps
 * about for thousands of iterations at 20, and saturates at 50 and 100: the
 * top rungs are there so the week 2 lesson's "J oscillates or even grows"
 * can be watched. RUN_LR_MAX is 100. */
static const double lr_rungs[] = {
    0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 0.5, 0.75, 1.0, 1.2, 1.5, 2.0, 3.0, 5.0, 10.0,
    20.0, 50.0, 100.0,
};
#define LR_RUNGS (sizeof lr_rungs / sizeof lr_rungs[0])

size_t trainer_lr_ladder(const double **rungs)
{
    *rungs = lr_rungs;
    return LR_RUNGS;
}

double trainer_lr_neighbour(double lr, int dir)
{
    /* A rate within 1e-9 (relative) of a rung counts as on it. */
    if (dir > 0) {
        for (size_t i = 0; i < LR_RUNGS; i++)
            if (lr_rungs[i] > lr * (1.0 + 1e-9))
                return lr_rungs[i];
    } else if (dir < 0) {
        for (size_t i = LR_RUNGS; i-- > 0;)
            if (lr_rungs[i] < lr * (1.0 - 1e-9))
                return lr_rungs[i];
    }
    return lr;
}

act_kind trainer_next_activation(act_kind k)
{
    switch (k) {
    case ACT_TANH: return ACT_RELU;
    case ACT_RELU: return ACT_LEAKY_RELU;
    case ACT_LEAKY_RELU: return ACT_SIGMOID;
    default: return ACT_TANH;
    }
}

const char *trainer_next_dataset(const char *name)
{
    static const char *const cycle[] = {"planar", "circles", "moons", "blobs", "quantiles"};
    const size_t n = sizeof cycle / sizeof cycle[0];
    for (size_t i = 0; i < n; i++)
        if (!strcmp(name, cycle[i]))
            return cycle[(i + 1) % n];
    return cycle[0];
}

nn_net *trainer_build_net(const run_spec *spec, const trainer_data *data, char *err, size_t err_size)
{
    nn_net *net = NULL;
    run_build_net(spec, data->X, data->Y, &net, err, err_size);
    return net;
}

static bool trainer_on_cost(void *user, long iteration, double cost);

void trainer_begin_run(trainer *t, double lr)
{
    const run_hooks hooks = {.on_cost = trainer_on_cost, .user = t};
    run_loop_begin(&t->loop, t->net, lr, t->cost_every, &hooks);
    t->builds++;
    t->now_valid = false;
    t->saturated_n = 0;
    t->saturated_sigma = NAN;
}

trainer *trainer_new(const run_spec *spec, char *err, size_t err_size)
{
    trainer *t = calloc(1, sizeof *t);
    if (!t) {
        snprintf(err, err_size, "out of memory");
        return NULL;
    }
    t->spec = *spec;
    t->hist_x = malloc(TRAINER_HISTORY_MAX * sizeof *t->hist_x);
    t->hist_y = malloc(TRAINER_HISTORY_MAX * sizeof *t->hist_y);
    t->hist_test = malloc(TRAINER_HISTORY_MAX * sizeof *t->hist_test);
    if (!t->hist_x || !t->hist_y || !t->hist_test) {
        snprintf(err, err_size, "out of memory");
        goto fail;
    }
    t->data = trainer_data_open(&t->spec, err, err_size);
    if (!t->data)
        goto fail;
    t->net = trainer_build_net(&t->spec, t->data, err, err_size);
    if (!t->net)
        goto fail;
    t->cost_every = TRAINER_COST_EVERY;
    t->zero_init = t->spec.init == NN_INIT_ZEROS;
    t->state = TRAINER_RUNNING;
    trainer_begin_run(t, spec->lr);
    return t;
fail:
    trainer_free(t);
    return NULL;
}

void trainer_free(trainer *t)
{
    if (!t)
        return;
    trainer_sweep_stop(t);
    trainer_rates_stop(t);
    nn_free(t->net);
    trainer_data_release(t->data);
    free(t->hist_x);
    free(t->hist_y);
    free(t->hist_test);
    free(t);
}

const run_spec *trainer_spec(const trainer *t) { return &t->spec; }
const trainer_data *trainer_data_of(const trainer *t) { return t->data; }
const nn_net *trainer_net(const trainer *t) { return t->net; }
nn_net *trainer_net_mut(trainer *t) { return t->net; }
bool trainer_single_hidden(const trainer *t) { return nn_layers(t->net) == 2; }
long trainer_iterations(const trainer *t) { return nn_iterations(t->net); }
long trainer_clock(const trainer *t) { return t->clock; }
double trainer_cost(const trainer *t) { return t->hist_n ? t->hist_y[t->hist_n - 1] : NAN; }
double trainer_lr(const trainer *t) { return t->loop.lr; }
trainer_state trainer_state_of(const trainer *t) { return t->state; }
trainer_divergence trainer_divergence_of(const trainer *t) { return t->divergence; }
bool trainer_zero_initialised(const trainer *t) { return t->zero_init; }
long trainer_cost_every(const trainer *t) { return t->cost_every; }
long trainer_builds(const trainer *t) { return t->builds; }

size_t trainer_history(const trainer *t, const double **clock, const double **cost)
{
    *clock = t->hist_x;
    *cost = t->hist_y;
    return t->hist_n;
}

size_t trainer_history_test(const trainer *t, const double **cost)
{
    *cost = t->hist_test;
    return t->hist_n;
}

size_t trainer_markers(const trainer *t, const trainer_marker **markers)
{
    *markers = t->markers;
    return t->n_markers;
}

void trainer_mark(trainer *t, trainer_change what)
{
    if (t->n_markers == TRAINER_MARKERS_MAX) {
        memmove(t->markers, t->markers + 1, (TRAINER_MARKERS_MAX - 1) * sizeof t->markers[0]);
        t->n_markers--;
    }
    t->markers[t->n_markers++] = (trainer_marker){(double)t->clock, what};
    t->segment_start = t->hist_n;
}

/* Keeps every other point (the first and the newest stay) and doubles the
 * recording interval. */
static void trainer_decimate(trainer *t)
{
    size_t j = 0;
    for (size_t i = 0; i < t->hist_n; i += 2) {
        t->hist_x[j] = t->hist_x[i];
        t->hist_y[j] = t->hist_y[i];
        t->hist_test[j] = t->hist_test[i];
        j++;
    }
    t->hist_n = j;
    t->segment_start = (t->segment_start + 1) / 2;
    t->cost_every *= 2;
    t->loop.cost_every = t->cost_every;
}

/* J of the current parameters on the test set (a forward pass of its own;
 * the caches stay); NAN without a test set or memory. */
static double trainer_test_cost(const trainer *t)
{
    if (!t->data->X_test)
        return NAN;
    mat *P = mat_new(1, t->data->X_test->cols);
    double j = NAN;
    if (P && nn_predict_proba(t->net, t->data->X_test, P) == NN_OK)
        j = cost_cross_entropy(P, t->data->Y_test);
    mat_free(P);
    return j;
}

static void trainer_record(trainer *t, double clock, double cost)
{
    if (t->hist_n == TRAINER_HISTORY_MAX)
        trainer_decimate(t);
    t->hist_x[t->hist_n] = clock;
    t->hist_y[t->hist_n] = cost;
    t->hist_test[t->hist_n] = trainer_test_cost(t);
    t->hist_n++;
}

bool trainer_cost_flat(const trainer *t)
{
    if (t->hist_n < t->segment_start + TRAINER_FLAT_POINTS)
        return false;
    const size_t last = t->hist_n - 1;
    const double x_last = t->hist_x[last], y_last = t->hist_y[last];
    if (!isfinite(y_last))
        return false;
    /* From the newest back until the band J moved in spans TRAINER_FLAT_SPAN
     * iterations and holds TRAINER_FLAT_POINTS costs; not flat when the
     * segment is shorter than that. */
    double lo = y_last, hi = y_last;
    size_t held = 0;
    for (size_t i = last + 1; i-- > t->segment_start;) {
        lo = fmin(lo, t->hist_y[i]);
        hi = fmax(hi, t->hist_y[i]);
        if (++held >= TRAINER_FLAT_POINTS && x_last - t->hist_x[i] >= TRAINER_FLAT_SPAN)
            return hi - lo <= TRAINER_FLAT_REL * fabs(y_last);
    }
    return false;
}

/* The watch, over the last TRAINER_WATCH costs since the last change: their
 * mean above TRAINER_WATCH_RATIO × the first cost since the change, and none
 * of them back at or below it — the steps overshoot the valley so far that J
 * climbs and stays up. A cost that creeps up by a few per cent (a plateau's
 * noise, a smaller rate settling) is not that. */
static bool trainer_cost_growing(const trainer *t)
{
    if (t->hist_n < t->segment_start + TRAINER_WATCH)
        return false;
    const double *y = t->hist_y + t->hist_n - TRAINER_WATCH;
    double first = t->hist_y[t->segment_start], sum = 0;
    for (int i = 0; i < TRAINER_WATCH; i++) {
        if (!(y[i] > first))
            return false;
        sum += y[i];
    }
    return sum / TRAINER_WATCH > first * TRAINER_WATCH_RATIO;
}

static bool trainer_params_finite(const nn_net *net)
{
    for (int l = 1; l <= nn_layers(net); l++)
        if (!mat_all_finite(nn_value_of(net, NN_W, l)) || !mat_all_finite(nn_value_of(net, NN_B, l)))
            return false;
    return true;
}

/* After the core stopped at a non-finite cost with finite weights: count the
 * outputs that are certain and wrong (|a − y| = 1) in the last forward pass. */
static void trainer_find_saturation(trainer *t)
{
    const nn_net *net = t->net;
    const mat *A = nn_value_of(net, NN_A, nn_layers(net));
    t->saturated_n = 0;
    t->saturated_sigma = NAN;
    if (!A)
        return;
    for (size_t i = 0; i < A->cols; i++) {
        const double a = mat_get(A, 0, i), y = mat_get(t->data->Y, 0, i);
        if (fabs(a - y) >= 1.0) {
            if (!t->saturated_n++)
                t->saturated_sigma = a;
        }
    }
}

int trainer_saturation(const trainer *t, double *sigma)
{
    if (sigma)
        *sigma = t->divergence == TRAINER_DIV_SATURATED ? t->saturated_sigma : NAN;
    return t->divergence == TRAINER_DIV_SATURATED ? t->saturated_n : 0;
}

static void trainer_diverge(trainer *t, trainer_divergence why)
{
    t->state = TRAINER_DIVERGED;
    t->divergence = why;
}

/* Each computed cost (the run's hook): recorded against the trainer's clock,
 * then the watch. A diverged iteration's cost is recorded too (the curve
 * shows where it went). True (stop) when the cost keeps growing. */
static bool trainer_on_cost(void *user, long iteration, double cost)
{
    trainer *t = user;
    trainer_record(t, (double)(t->clock + (iteration - t->step_from)), cost);
    if (t->loop.diverged || !trainer_cost_growing(t))
        return false;
    trainer_diverge(t, TRAINER_DIV_GROWING);
    return true;
}

long trainer_run(trainer *t, long n)
{
    if (t->state == TRAINER_DIVERGED && t->divergence == TRAINER_DIV_NONFINITE)
        return 0;
    if (t->state == TRAINER_DIVERGED && t->divergence == TRAINER_DIV_SATURATED)
        return 0;
    t->step_from = nn_iterations(t->net);
    long done = run_loop_step(&t->loop, n);
    t->clock += done;
    if (done > 0)
        t->now_valid = false;
    if (t->loop.diverged) {
        if (trainer_params_finite(t->net)) {
            trainer_diverge(t, TRAINER_DIV_SATURATED);
            trainer_find_saturation(t);
        } else {
            trainer_diverge(t, TRAINER_DIV_NONFINITE);
        }
    }
    return done;
}

bool trainer_set_paused(trainer *t, bool paused)
{
    if (paused) {
        if (t->state == TRAINER_RUNNING)
            t->state = TRAINER_PAUSED;
        return true;
    }
    if (t->state == TRAINER_DIVERGED && t->divergence != TRAINER_DIV_GROWING)
        return false;
    t->state = TRAINER_RUNNING;
    t->divergence = TRAINER_DIV_NONE;
    /* Going on after a warning: watch afresh from here. */
    t->segment_start = t->hist_n;
    return true;
}

bool trainer_step_lr(trainer *t, int dir)
{
    double next = trainer_lr_neighbour(t->loop.lr, dir);
    if (next == t->loop.lr)
        return false;
    t->loop.lr = next;
    /* The learner chose this rate: a later rebuild's defaults keep it. */
    t->spec.given |= RUNSPEC_GIVEN(RUNSPEC_LR);
    trainer_mark(t, TRAINER_CHANGE_LR);
    return true;
}

void trainer_keep_pause(trainer *t)
{
    t->state = t->state == TRAINER_RUNNING ? TRAINER_RUNNING : TRAINER_PAUSED;
}

bool trainer_set_hidden(trainer *t, int n_h, char *err, size_t err_size)
{
    return trainer_plan_run(t, trainer_plan_hidden(t, n_h, err, err_size), NULL, err, err_size);
}

bool trainer_set_layers(trainer *t, const int *layers, int count, unsigned *chose, char *err, size_t err_size)
{
    if (chose)
        *chose = 0;
    return trainer_plan_run(t, trainer_plan_layers(t, layers, count, err, err_size), chose, err, err_size);
}

bool trainer_set_activation(trainer *t, act_kind k, char *err, size_t err_size)
{
    return trainer_plan_run(t, trainer_plan_activation(t, k, err, err_size), NULL, err, err_size);
}

bool trainer_set_dataset(trainer *t, const char *name, char *err, size_t err_size)
{
    return trainer_plan_run(t, trainer_plan_dataset(t, name, err, err_size), NULL, err, err_size);
}

bool trainer_set_test_split(trainer *t, double split, char *err, size_t err_size)
{
    return trainer_plan_run(t, trainer_plan_test_split(t, split, err, err_size), NULL, err, err_size);
}

void trainer_reinit(trainer *t)
{
    /* Back to the spec's random init (zero-init is a separate key). */
    nn_init_kind init = t->spec.init == NN_INIT_ZEROS ? NN_INIT_COURSE_W3 : t->spec.init;
    if (t->spec.init == NN_INIT_ZEROS) {
        t->spec.init = init;
        t->spec.seed_given = false;
    }
    uint32_t seed = t->spec.seed_given ? t->spec.seed : nn_init_default_seed(init);
    nn_reinit_with(t->net, init, seed);
    trainer_begin_run(t, t->loop.lr);
    t->zero_init = false;
    trainer_keep_pause(t);
    t->divergence = TRAINER_DIV_NONE;
    trainer_mark(t, TRAINER_CHANGE_REINIT);
}

void trainer_zero_init(trainer *t)
{
    nn_reinit_with(t->net, NN_INIT_ZEROS, 0);
    trainer_begin_run(t, t->loop.lr);
    t->zero_init = true;
    trainer_keep_pause(t);
    t->divergence = TRAINER_DIV_NONE;
    trainer_mark(t, TRAINER_CHANGE_ZERO_INIT);
}

bool trainer_mid_iteration(const trainer *t)
{
    return run_loop_mid_iteration(&t->loop);
}

/* Runs step(loop, n) with pause(user) polled after every operation. */
long trainer_loop_pausing(run_loop *loop, long n, bool (*pause)(void *user), void *user)
{
    loop->hooks.pause = pause;
    loop->hooks.pause_user = user;
    long done = run_loop_step(loop, n);
    loop->hooks.pause = NULL;
    loop->hooks.pause_user = NULL;
    return done;
}

long trainer_run_pausing(trainer *t, long n, bool (*pause)(void *user), void *user)
{
    t->loop.hooks.pause = pause;
    t->loop.hooks.pause_user = user;
    long done = trainer_run(t, n);
    t->loop.hooks.pause = NULL;
    t->loop.hooks.pause_user = NULL;
    return done;
}
