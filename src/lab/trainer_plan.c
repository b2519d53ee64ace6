/*
 * trainer_plan.c — a change that needs a new network, in three steps so the
 * heavy one can run on another thread while the trainer goes on (trainer.h:
 * plan, build, apply). trainer_set_hidden, _layers, _activation, _dataset,
 * _test_split and trainer_reinit are the three steps in a row.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trainer_internal.h"

struct trainer_plan {
    run_spec next;              /* the spec of the network to build */
    trainer_change what;        /* the marker it records */
    bool new_data;              /* build loads next's data set first (d, t) */
    bool keep_rate;             /* apply sets the rate to `rate` (the deep rule's), else keeps the live one */
    double rate;
    unsigned chose;             /* runspec_deep_defaults' bits (layers) */
    const trainer_data *base;   /* the trainer's data when planned: apply refuses other data (not held) */
    const trainer_data *data;   /* what the network is built on; one reference, or NULL */
    size_t m;                   /* training examples, for the size estimate */
    nn_net *net;                /* built; NULL before */
};

static trainer_plan *plan_new(const trainer *t, const run_spec *next, trainer_change what, bool new_data,
                              char *err, size_t err_size)
{
    trainer_plan *p = calloc(1, sizeof *p);
    if (!p) {
        snprintf(err, err_size, "out of memory");
        return NULL;
    }
    p->next = *next;
    p->what = what;
    p->new_data = new_data;
    p->base = t->data;
    p->m = t->data->X->cols;
    if (!new_data)
        p->data = trainer_data_hold(t->data);
    return p;
}

trainer_plan *trainer_plan_hidden(const trainer *t, int n_h, char *err, size_t err_size)
{
    if (n_h < TRAINER_HIDDEN_MIN || n_h > TRAINER_HIDDEN_MAX) {
        snprintf(err, err_size, "hidden units must be %d to %d", TRAINER_HIDDEN_MIN, TRAINER_HIDDEN_MAX);
        return NULL;
    }
    run_spec next = t->spec;
    next.hidden = n_h;
    next.n_layers = 0;
    next.acts_given = false;
    return plan_new(t, &next, TRAINER_CHANGE_HIDDEN, false, err, err_size);
}

trainer_plan *trainer_plan_layers(const trainer *t, const int *layers, int count, char *err, size_t err_size)
{
    if (count < 1 || count > NN_MAX_LAYERS) {
        snprintf(err, err_size, "give 1 to %d layer sizes", NN_MAX_LAYERS);
        return NULL;
    }
    run_spec next = t->spec;
    next.hidden = 0;
    next.n_layers = count;
    memcpy(next.layers, layers, (size_t)count * sizeof layers[0]);
    next.acts_given = false;
    next.lr = t->loop.lr;
    /* The one rule for a deep network, as `train` and the stepper apply it;
     * what the learner gave or chose (a, ←/→, the command line) stays. */
    unsigned picked = runspec_deep_defaults(&next);
    trainer_plan *p = plan_new(t, &next, TRAINER_CHANGE_LAYERS, false, err, err_size);
    if (p) {
        p->keep_rate = true;
        p->rate = next.lr;
        p->chose = picked;
    }
    return p;
}

trainer_plan *trainer_plan_activation(const trainer *t, act_kind k, char *err, size_t err_size)
{
    run_spec next = t->spec;
    next.hidden_act = k;
    next.acts_given = false;
    next.given |= RUNSPEC_GIVEN(RUNSPEC_ACTIVATION);
    return plan_new(t, &next, TRAINER_CHANGE_ACTIVATION, false, err, err_size);
}

trainer_plan *trainer_plan_dataset(const trainer *t, const char *name, char *err, size_t err_size)
{
    run_spec next = t->spec;
    snprintf(next.dataset, sizeof next.dataset, "%s", name);
    return plan_new(t, &next, TRAINER_CHANGE_DATASET, true, err, err_size);
}

trainer_plan *trainer_plan_test_split(const trainer *t, double split, char *err, size_t err_size)
{
    run_spec next = t->spec;
    next.test_split = split;
    next.given |= RUNSPEC_GIVEN(RUNSPEC_TEST_SPLIT);
    return plan_new(t, &next, TRAINER_CHANGE_DATASET, true, err, err_size);
}

trainer_plan *trainer_plan_reinit(const trainer *t, char *err, size_t err_size)
{
    /* Back to the spec's random init (zero-init is a separate key), with the
     * spec's seed or the init's own: the weights the trainer started with. */
    run_spec next = t->spec;
    if (next.init == NN_INIT_ZEROS) {
        next.init = NN_INIT_COURSE_W3;
        next.seed_given = false;
    }
    return plan_new(t, &next, TRAINER_CHANGE_REINIT, false, err, err_size);
}

size_t trainer_plan_bytes(const trainer_plan *p)
{
    nn_config cfg;
    char why[160];
    int n_x = p->base->X->rows;
    if (!runspec_net_config(&p->next, n_x, &cfg, why, sizeof why))
        return 0; /* refused by build at once */
    return nn_memory_bytes(&cfg, p->m);
}

bool trainer_plan_build(trainer_plan *p, char *err, size_t err_size)
{
    if (p->net)
        return true;
    const trainer_data *data = p->data;
    trainer_data *opened = NULL;
    if (!data) {
        opened = trainer_data_open(&p->next, err, err_size);
        if (!opened)
            return false;
        data = opened;
    }
    nn_net *net = trainer_build_net(&p->next, data, err, err_size);
    if (!net) {
        trainer_data_release(opened);
        return false;
    }
    p->net = net;
    if (opened)
        p->data = opened;
    return true;
}

bool trainer_plan_apply(trainer *t, trainer_plan *p, unsigned *chose)
{
    if (chose)
        *chose = 0;
    if (!p->net || p->base != t->data)
        return false;
    if (p->new_data) {
        /* The sweep's and comparison's networks are bound to the old data: drop them first. */
        trainer_sweep_stop(t);
        trainer_rates_stop(t);
    }
    nn_free(t->net);
    t->net = p->net;
    p->net = NULL;
    trainer_data_release(t->data);
    t->data = (trainer_data *)(void *)p->data; /* the plan's reference passes to the trainer */
    p->data = NULL;
    t->spec = p->next;
    double rate = p->keep_rate ? p->rate : t->loop.lr;
    trainer_begin_run(t, rate);
    t->zero_init = p->next.init == NN_INIT_ZEROS;
    trainer_keep_pause(t);
    t->divergence = TRAINER_DIV_NONE;
    trainer_mark(t, p->what);
    if (chose)
        *chose = p->chose;
    return true;
}

unsigned trainer_plan_chose(const trainer_plan *p) { return p->chose; }

void trainer_plan_free(trainer_plan *p)
{
    if (!p)
        return;
    nn_free(p->net);
    trainer_data_release(p->data);
    free(p);
}

bool trainer_plan_run(trainer *t, trainer_plan *p, unsigned *chose, char *err, size_t err_size)
{
    bool ok = p && trainer_plan_build(p, err, err_size) && trainer_plan_apply(t, p, chose);
    trainer_plan_free(p);
    return ok;
}
