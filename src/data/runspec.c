/*
 * runspec.c — the default run and the translation of a run_spec into the
 * core's nn_config.
 *
 *   hidden = h            → n = [n_x, h, 1]          (week 3: one hidden layer)
 *   layers = l1 … lL      → n = [n_x, l1, …, lL]     (week 4: lL must be 1)
 *   neither               → n = [n_x, 1]             (week 2: logistic regression)
 *
 * Activations: hidden_act on every hidden layer, sigmoid on the output; or,
 * when acts_given, acts[0 … L−1] as g[1] … g[L] with g[L] = sigmoid.
 */
#include "runspec.h"

#include <stdio.h>
#include <string.h>

run_spec runspec_default(void)
{
    run_spec s;
    memset(&s, 0, sizeof s);
    snprintf(s.dataset, sizeof s.dataset, "%s", "planar");
    s.hidden = 4;
    s.n_layers = 0;
    s.hidden_act = ACT_TANH;
    s.acts_given = false;
    s.init = NN_INIT_COURSE_W3;
    s.seed_given = false;
    s.seed = nn_init_default_seed(NN_INIT_COURSE_W3);
    s.lr = 1.2;
    s.iterations = 10000;
    s.print_every = 1000;
    s.test_split = 0.0;
    s.data_seed = 1;
    return s;
}

unsigned runspec_deep_defaults(run_spec *spec)
{
    unsigned chose = 0;
    if (spec->hidden > 0 || spec->n_layers < 3 || spec->assignment != RUNSPEC_ASSIGNMENT_NONE)
        return 0;
    if (!runspec_given(spec, RUNSPEC_ACTIVATION) && !spec->acts_given) {
        spec->hidden_act = ACT_RELU;
        chose |= RUNSPEC_GIVEN(RUNSPEC_ACTIVATION);
    }
    if (!runspec_given(spec, RUNSPEC_INIT)) {
        spec->init = NN_INIT_COURSE_W4;
        if (!spec->seed_given)
            spec->seed = nn_init_default_seed(NN_INIT_COURSE_W4);
        chose |= RUNSPEC_GIVEN(RUNSPEC_INIT);
    }
    if (!runspec_given(spec, RUNSPEC_LR)) {
        spec->lr = 0.0075;
        chose |= RUNSPEC_GIVEN(RUNSPEC_LR);
    }
    return chose;
}

static bool runspec_fail(char *msg, size_t msg_size, const char *text)
{
    if (msg != NULL && msg_size > 0)
        snprintf(msg, msg_size, "%s", text);
    return false;
}

bool runspec_net_config(const run_spec *spec, int n_x, nn_config *out, char *msg, size_t msg_size)
{
    char why[160];
    if (n_x < 1 || n_x > NN_MAX_INPUTS) {
        snprintf(why, sizeof why, "the data set has %d features; a network takes 1 to %d inputs", n_x,
                 NN_MAX_INPUTS);
        return runspec_fail(msg, msg_size, why);
    }
    if (spec->hidden < 0)
        return runspec_fail(msg, msg_size, "the number of hidden units cannot be negative");
    if (spec->hidden > 0 && spec->n_layers > 0)
        return runspec_fail(msg, msg_size, "give either hidden units or a list of layers, not both");
    if (spec->n_layers < 0 || spec->n_layers > NN_MAX_LAYERS) {
        snprintf(why, sizeof why, "a network has 1 to %d layers, not %d", NN_MAX_LAYERS, spec->n_layers);
        return runspec_fail(msg, msg_size, why);
    }
    if ((int)spec->hidden_act < 0 || spec->hidden_act >= ACT_COUNT || (int)spec->init < 0 ||
        spec->init >= NN_INIT_COUNT)
        return runspec_fail(msg, msg_size, "unknown activation or initialisation");

    if (spec->input_size > 0 && spec->input_size != n_x) {
        snprintf(why, sizeof why,
                 "the layer sizes start with the input size %d, but the data set has %d features per example",
                 spec->input_size, n_x);
        return runspec_fail(msg, msg_size, why);
    }

    int dims[NN_MAX_LAYERS + 1];
    int count = 0;
    dims[count++] = n_x;
    if (spec->hidden > 0) {
        dims[count++] = spec->hidden;
        dims[count++] = 1;
    } else if (spec->n_layers > 0) {
        for (int i = 0; i < spec->n_layers; i++)
            dims[count++] = spec->layers[i];
        if (dims[count - 1] != 1) {
            snprintf(why, sizeof why, "the output layer must have 1 unit (a sigmoid), not %d", dims[count - 1]);
            return runspec_fail(msg, msg_size, why);
        }
    } else {
        dims[count++] = 1; /* logistic regression */
    }
    for (int l = 1; l < count; l++) {
        if (dims[l] < 1 || dims[l] > NN_MAX_UNITS) {
            snprintf(why, sizeof why, "layer %d has %d units; a layer has 1 to %d", l, dims[l], NN_MAX_UNITS);
            return runspec_fail(msg, msg_size, why);
        }
    }

    nn_config cfg = nn_config_make(dims, count, spec->hidden_act, spec->init);
    int L = count - 1;
    if (spec->acts_given) {
        for (int l = 1; l <= L; l++) {
            if ((int)spec->acts[l - 1] < 0 || spec->acts[l - 1] >= ACT_COUNT)
                return runspec_fail(msg, msg_size, "unknown activation");
            cfg.act[l] = spec->acts[l - 1];
        }
        if (cfg.act[L] != ACT_SIGMOID) {
            snprintf(why, sizeof why, "the output layer must be sigmoid, not %s", act_name(cfg.act[L]));
            return runspec_fail(msg, msg_size, why);
        }
    }
    if (spec->seed_given)
        cfg.seed = spec->seed;
    if (!nn_config_check(&cfg, msg, msg_size))
        return false;
    *out = cfg;
    return true;
}

bool runspec_check(const run_spec *spec, char *msg, size_t msg_size)
{
    char why[160];
    if (spec->dataset[0] == '\0')
        return runspec_fail(msg, msg_size, "no data set given");
    if (!(spec->lr > 0.0 && spec->lr <= RUN_LR_MAX)) {
        snprintf(why, sizeof why, "the learning rate must be > 0 and <= %g, not %g", RUN_LR_MAX, spec->lr);
        return runspec_fail(msg, msg_size, why);
    }
    if (spec->iterations < 0 || spec->iterations > RUN_ITERATIONS_MAX) {
        snprintf(why, sizeof why, "iterations must be 0 to %ld, not %ld", RUN_ITERATIONS_MAX, spec->iterations);
        return runspec_fail(msg, msg_size, why);
    }
    if (spec->print_every < 0 || spec->print_every > RUN_ITERATIONS_MAX) {
        snprintf(why, sizeof why, "print every must be 0 to %ld, not %ld", RUN_ITERATIONS_MAX, spec->print_every);
        return runspec_fail(msg, msg_size, why);
    }
    if (!(spec->test_split >= 0.0 && spec->test_split <= RUN_TEST_SPLIT_MAX)) {
        snprintf(why, sizeof why, "test split %g must be between 0 and %g", spec->test_split, RUN_TEST_SPLIT_MAX);
        return runspec_fail(msg, msg_size, why);
    }
    return true;
}

bool runspec_given(const run_spec *spec, runspec_option o)
{
    return (spec->given & RUNSPEC_GIVEN(o)) != 0;
}
