/* run_spec: the course's default run and its translation into a network config. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "dnn_test.h"

#include <stdio.h>
#include <string.h>

#include "runspec.h"

static void the_default_is_the_courses_week_3_run(void **state)
{
    (void)state;
    run_spec s = runspec_default();
    assert_string_equal(s.dataset, "planar");
    assert_int_equal(s.hidden, 4);
    assert_int_equal(s.n_layers, 0);
    assert_int_equal(s.hidden_act, ACT_TANH);
    assert_false(s.acts_given);
    assert_int_equal(s.init, NN_INIT_COURSE_W3);
    assert_false(s.seed_given);
    assert_exact(s.lr, 1.2);
    assert_int_equal(s.iterations, 10000);
    assert_int_equal(s.print_every, 1000);
    assert_exact(s.test_split, 0.0);
    assert_int_equal(s.data_seed, 1);
    assert_int_equal(s.given, 0);
    char msg[160];
    assert_true(runspec_check(&s, msg, sizeof msg));
}

static void hidden_units_give_the_week_3_shape(void **state)
{
    (void)state;
    run_spec s = runspec_default();
    nn_config c;
    char msg[160];
    assert_true(runspec_net_config(&s, 2, &c, msg, sizeof msg));
    assert_int_equal(c.L, 2);
    assert_int_equal(c.dims[0], 2);
    assert_int_equal(c.dims[1], 4);
    assert_int_equal(c.dims[2], 1);
    assert_int_equal(c.act[1], ACT_TANH);
    assert_int_equal(c.act[2], ACT_SIGMOID);
    assert_int_equal(c.init, NN_INIT_COURSE_W3);
    assert_int_equal(c.seed, 2); /* the course's seed for course-w3 */
}

static void a_layer_list_gives_a_deep_network(void **state)
{
    (void)state;
    run_spec s = runspec_default();
    s.hidden = 0;
    s.n_layers = 4;
    int layers[] = {20, 7, 5, 1};
    memcpy(s.layers, layers, sizeof layers);
    s.hidden_act = ACT_RELU;
    s.init = NN_INIT_COURSE_W4;
    nn_config c;
    char msg[160];
    assert_true(runspec_net_config(&s, 64, &c, msg, sizeof msg));
    assert_int_equal(c.L, 4);
    assert_int_equal(c.dims[0], 64);
    assert_int_equal(c.dims[1], 20);
    assert_int_equal(c.dims[4], 1);
    assert_int_equal(c.act[1], ACT_RELU);
    assert_int_equal(c.act[3], ACT_RELU);
    assert_int_equal(c.act[4], ACT_SIGMOID);
    assert_int_equal(c.seed, 1);
}

static void neither_hidden_nor_layers_is_logistic_regression(void **state)
{
    (void)state;
    run_spec s = runspec_default();
    s.hidden = 0;
    nn_config c;
    char msg[160];
    assert_true(runspec_net_config(&s, 30, &c, msg, sizeof msg));
    assert_int_equal(c.L, 1);
    assert_int_equal(c.dims[0], 30);
    assert_int_equal(c.dims[1], 1);
    assert_int_equal(c.act[1], ACT_SIGMOID);
}

static void a_given_seed_and_per_layer_activations_are_used(void **state)
{
    (void)state;
    run_spec s = runspec_default();
    s.seed_given = true;
    s.seed = 42;
    s.acts_given = true;
    s.acts[0] = ACT_LEAKY_RELU;
    s.acts[1] = ACT_SIGMOID;
    nn_config c;
    char msg[160];
    assert_true(runspec_net_config(&s, 2, &c, msg, sizeof msg));
    assert_int_equal(c.seed, 42);
    assert_int_equal(c.act[1], ACT_LEAKY_RELU);
}

static void expect_refused(const run_spec *s, int n_x, const char *phrase)
{
    nn_config c;
    char msg[160] = "";
    assert_false(runspec_net_config(s, n_x, &c, msg, sizeof msg));
    if (strstr(msg, phrase) == NULL)
        fail_msg("message \"%s\" lacks \"%s\"", msg, phrase);
}

static void impossible_configs_are_refused_with_a_reason(void **state)
{
    (void)state;
    run_spec s = runspec_default();
    s.n_layers = 2;
    s.layers[0] = 3;
    s.layers[1] = 1;
    expect_refused(&s, 2, "not both");

    s = runspec_default();
    s.hidden = 0;
    s.n_layers = 2;
    s.layers[0] = 3;
    s.layers[1] = 2;
    expect_refused(&s, 2, "output layer must have 1 unit");

    s = runspec_default();
    s.acts_given = true;
    s.acts[0] = ACT_TANH;
    s.acts[1] = ACT_RELU;
    expect_refused(&s, 2, "output layer must be sigmoid");

    s = runspec_default();
    s.hidden = NN_MAX_UNITS + 1;
    expect_refused(&s, 2, "units");

    s = runspec_default();
    s.hidden = -3;
    expect_refused(&s, 2, "negative");

    s = runspec_default();
    s.hidden = 0;
    s.n_layers = NN_MAX_LAYERS + 1;
    expect_refused(&s, 2, "layers");

    s = runspec_default();
    expect_refused(&s, 0, "features");
    expect_refused(&s, NN_MAX_INPUTS + 1, "features");
}

static void training_settings_are_checked(void **state)
{
    (void)state;
    char msg[160];
    run_spec s = runspec_default();
    s.lr = 0.0;
    assert_false(runspec_check(&s, msg, sizeof msg));
    assert_non_null(strstr(msg, "learning rate"));
    s = runspec_default();
    s.iterations = -1;
    assert_false(runspec_check(&s, msg, sizeof msg));
    s = runspec_default();
    s.test_split = 0.95;
    assert_false(runspec_check(&s, msg, sizeof msg));
    assert_non_null(strstr(msg, "test split"));
    s = runspec_default();
    s.dataset[0] = '\0';
    assert_false(runspec_check(&s, msg, sizeof msg));
}

/* Whether an option was given is recorded, never guessed from its value:
 * --lr 1.2 is the default's value and still given. */
static void a_given_option_is_recorded_even_at_its_default_value(void **state)
{
    (void)state;
    char err[200];
    run_spec s = runspec_default();
    assert_true(runspec_set(&s, RUNSPEC_LR, "1.2", err, sizeof err));
    assert_true(runspec_given(&s, RUNSPEC_LR));
    assert_true(runspec_set(&s, RUNSPEC_DATASET, "planar", err, sizeof err));
    assert_true(runspec_given(&s, RUNSPEC_DATASET));
    assert_false(runspec_given(&s, RUNSPEC_ITERATIONS));
    assert_true(runspec_set(&s, RUNSPEC_ITERATIONS, "10000", err, sizeof err));
    assert_true(runspec_given(&s, RUNSPEC_ITERATIONS));
    /* The later of --hidden and --layers wins, and only it counts as given. */
    assert_true(runspec_set(&s, RUNSPEC_LAYERS, "2,4,1", err, sizeof err));
    assert_true(runspec_set(&s, RUNSPEC_HIDDEN, "3", err, sizeof err));
    assert_true(runspec_given(&s, RUNSPEC_HIDDEN));
    assert_false(runspec_given(&s, RUNSPEC_LAYERS));
}

static void two_hidden_layers_get_week_4s_defaults_for_what_was_not_given(void **state)
{
    (void)state;
    char err[200];
    run_spec s = runspec_default();
    assert_true(runspec_set(&s, RUNSPEC_LAYERS, "64,20,7,5,1", err, sizeof err));
    unsigned chose = runspec_deep_defaults(&s);
    assert_int_equal(chose, RUNSPEC_GIVEN(RUNSPEC_ACTIVATION) | RUNSPEC_GIVEN(RUNSPEC_INIT) | RUNSPEC_GIVEN(RUNSPEC_LR));
    assert_int_equal(s.hidden_act, ACT_RELU);
    assert_int_equal(s.init, NN_INIT_COURSE_W4);
    assert_int_equal(s.seed, 1);
    assert_exact(s.lr, 0.0075);
    /* Asking again sets and says the same. */
    assert_int_equal(runspec_deep_defaults(&s), chose);
    /* A given option is never overwritten, even at week 3's value. */
    s = runspec_default();
    assert_true(runspec_set(&s, RUNSPEC_LAYERS, "2,8,4,1", err, sizeof err));
    assert_true(runspec_set(&s, RUNSPEC_LR, "1.2", err, sizeof err));
    assert_true(runspec_set(&s, RUNSPEC_ACTIVATION, "tanh", err, sizeof err));
    assert_int_equal(runspec_deep_defaults(&s), RUNSPEC_GIVEN(RUNSPEC_INIT));
    assert_exact(s.lr, 1.2);
    assert_int_equal(s.hidden_act, ACT_TANH);
    assert_int_equal(s.init, NN_INIT_COURSE_W4);
    /* One hidden layer (or none) keeps week 3's, and so does a preset. */
    s = runspec_default();
    assert_int_equal(runspec_deep_defaults(&s), 0);
    assert_true(runspec_set(&s, RUNSPEC_LAYERS, "2,4,1", err, sizeof err));
    assert_int_equal(runspec_deep_defaults(&s), 0);
    assert_exact(s.lr, 1.2);
    assert_int_equal(s.hidden_act, ACT_TANH);
    assert_int_equal(s.init, NN_INIT_COURSE_W3);
    s = runspec_default();
    assert_true(runspec_set(&s, RUNSPEC_ASSIGNMENT, "w3-planar", err, sizeof err));
    assert_true(runspec_set(&s, RUNSPEC_LAYERS, "2,8,4,1", err, sizeof err));
    assert_int_equal(runspec_deep_defaults(&s), 0);
    assert_exact(s.lr, 1.2);
}

static void a_refused_value_leaves_the_spec_unchanged(void **state)
{
    (void)state;
    char err[200];
    run_spec s = runspec_default();
    assert_false(runspec_set(&s, RUNSPEC_LR, "0", err, sizeof err));
    assert_string_equal(err, "--lr: expected a learning rate above 0 and at most 100, got '0'");
    assert_false(runspec_given(&s, RUNSPEC_LR));
    assert_exact(s.lr, 1.2);
    assert_false(runspec_set(&s, RUNSPEC_LAYERS, "2,4,2", err, sizeof err));
    assert_string_equal(err, "--layers: the last layer is the output and must be 1 unit, got '2,4,2'");
    assert_int_equal(s.n_layers, 0);
    assert_int_equal(s.hidden, 4);
}

/* The learning rate has one bound, RUN_LR_MAX, for the parser and the checker. */
static void the_parser_and_the_checker_share_the_learning_rate_bound(void **state)
{
    (void)state;
    char err[200];
    run_spec s = runspec_default();
    assert_true(runspec_set(&s, RUNSPEC_LR, "100", err, sizeof err));
    assert_true(runspec_check(&s, err, sizeof err));
    assert_false(runspec_set(&s, RUNSPEC_LR, "100.5", err, sizeof err));
    s.lr = 100.5;
    assert_false(runspec_check(&s, err, sizeof err));
    assert_string_equal(err, "the learning rate must be > 0 and <= 100, not 100.5");
}

/* The input size of a layer list is capped at NN_MAX_INPUTS, the layers at
 * NN_MAX_UNITS: --layers 2000,4,1 fits a 2000-feature data set, as --hidden 4 does. */
static void a_layer_list_takes_an_input_wider_than_a_layer(void **state)
{
    (void)state;
    char err[200];
    int sizes[NN_MAX_LAYERS + 1], n = 0;
    assert_true(runspec_parse_layers("2000,4,1", sizes, &n, err, sizeof err));
    assert_int_equal(n, 3);
    assert_int_equal(sizes[0], 2000);
    run_spec s = runspec_default();
    assert_true(runspec_set(&s, RUNSPEC_LAYERS, "2000,4,1", err, sizeof err));
    nn_config c;
    assert_true(runspec_net_config(&s, 2000, &c, err, sizeof err));
    assert_false(runspec_parse_layers("2,2000,1", sizes, &n, err, sizeof err));
    char text[64];
    snprintf(text, sizeof text, "%d,4,1", NN_MAX_INPUTS + 1);
    assert_false(runspec_parse_layers(text, sizes, &n, err, sizeof err));
}

static void a_layer_list_allows_spaces_around_its_commas_and_nothing_else(void **state)
{
    (void)state;
    char err[200];
    int sizes[NN_MAX_LAYERS + 1], n = 0;
    assert_true(runspec_parse_layers(" 2, 4 ,1 ", sizes, &n, err, sizeof err));
    assert_int_equal(n, 3);
    const char *bad[] = {"", "2", "2,,1", "2,4,", ",2,1", "2;4;1", "2,4,1x", "2,0,1", "2,-4,1",
                         "1,1,1,1,1,1,1,1,1,1,1,1"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (runspec_parse_layers(bad[i], sizes, &n, err, sizeof err))
            fail_msg("'%s' was accepted", bad[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_default_is_the_courses_week_3_run),
        cmocka_unit_test(hidden_units_give_the_week_3_shape),
        cmocka_unit_test(a_layer_list_gives_a_deep_network),
        cmocka_unit_test(neither_hidden_nor_layers_is_logistic_regression),
        cmocka_unit_test(a_given_seed_and_per_layer_activations_are_used),
        cmocka_unit_test(impossible_configs_are_refused_with_a_reason),
        cmocka_unit_test(training_settings_are_checked),
        cmocka_unit_test(a_given_option_is_recorded_even_at_its_default_value),
        cmocka_unit_test(two_hidden_layers_get_week_4s_defaults_for_what_was_not_given),
        cmocka_unit_test(a_refused_value_leaves_the_spec_unchanged),
        cmocka_unit_test(the_parser_and_the_checker_share_the_learning_rate_bound),
        cmocka_unit_test(a_layer_list_takes_an_input_wider_than_a_layer),
        cmocka_unit_test(a_layer_list_allows_spaces_around_its_commas_and_nothing_else),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
