/*
 * test_stepper_grain.c — a step of the granularity the learner chooses runs
 * the ops of one layer, one phase or the whole iteration; the same network
 * results as single operations; one undo goes back one step as it was taken,
 * bit for bit; predicting shapes steps one operation at a time.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "stepper_fixture.h"

/* Every value of every layer equal (or absent) in both networks. */
static void assert_same_values(const nn_net *a, const nn_net *b)
{
    for (int l = 0; l <= nn_layers(a); l++)
        for (int v = 0; v < NN_VALUE_COUNT; v++) {
            const mat *x = nn_value_of(a, (nn_value)v, l), *y = nn_value_of(b, (nn_value)v, l);
            assert_true((x == NULL) == (y == NULL));
            if (x)
                assert_memory_equal(x->v, y->v, mat_size(x) * sizeof(double));
        }
    assert_int_equal(nn_iterations(a), nn_iterations(b));
}

static stepper *at_grain(stepper *s, stepper_grain g)
{
    assert_non_null(s);
    while (stepper_grain_chosen(s) != g)
        stepper_grain_next(s);
    return s;
}

/* What a step wrote: the written refs of ops from … done − 1. */
static int written(const stepper *s, nn_ref *out)
{
    const nn_net *net = stepper_net(s);
    int n = 0;
    for (int i = stepper_shown_from(s); i < stepper_done(s); i++) {
        nn_ref in[NN_OP_MAX_OPERANDS];
        nn_op_operands(net, nn_op_at(net, i), in, &out[n++]);
    }
    return n;
}

static bool has(const nn_ref *refs, int n, nn_value v, int l)
{
    for (int i = 0; i < n; i++)
        if (refs[i].value == v && refs[i].layer == l)
            return true;
    return false;
}

/* The 2-4-1 network by layer: Z[1] A[1] · Z[2] A[2] · J · dZ[2] dW[2] db[2]
 * dA[1] · dZ[1] dW[1] db[1] · update: six steps, then the next iteration. */
static void a_layer_step_runs_the_ops_of_one_layer_and_phase(void **state)
{
    (void)state;
    stepper *s = at_grain(fixture_planar(), STEPPER_GRAIN_LAYER);
    const nn_net *net = stepper_net(s);
    int L = nn_layers(net), steps = 0;
    nn_ref w[64];
    do {
        assert_int_equal(stepper_step(s), NN_OK);
        steps++;
        int from = stepper_shown_from(s), to = stepper_shown_index(s, NULL);
        nn_op first = nn_op_at(net, from);
        for (int i = from; i <= to; i++) {
            assert_int_equal(nn_op_phase_of(nn_op_at(net, i)), nn_op_phase_of(first));
            assert_int_equal(nn_op_at(net, i).layer, first.layer);
        }
        int n = written(s, w);
        nn_op_phase ph = nn_op_phase_of(first);
        int l = first.layer;
        if (ph == NN_PHASE_FORWARD) {
            assert_int_equal(n, 2);
            assert_true(has(w, n, NN_Z, l) && has(w, n, NN_A, l));
        } else if (ph == NN_PHASE_BACKWARD) {
            assert_int_equal(n, l > 1 ? 4 : 3);
            assert_true(has(w, n, NN_DZ, l) && has(w, n, NN_DW, l) && has(w, n, NN_DB, l));
            assert_true(l == 1 || has(w, n, NN_DA, l - 1));
        } else {
            assert_int_equal(n, 1);  /* the cost, the update */
        }
    } while (stepper_done(s) < nn_op_count(net));
    assert_int_equal(steps, L + 1 + L + 1);  /* forward, J, backward, update */
    /* The next step starts the next iteration with layer 1's forward ops. */
    stepper_step(s);
    assert_int_equal(stepper_shown_from(s), 0);
    assert_int_equal(stepper_done(s), 2);
    stepper_free(s);
}

/* By phase: forward, cost, backward, update; by iteration: one step. Both
 * leave the very parameters single operations leave. */
static void phase_and_iteration_steps_equal_single_operations(void **state)
{
    (void)state;
    stepper *ops = fixture_planar();
    stepper *phases = at_grain(fixture_planar(), STEPPER_GRAIN_PHASE);
    stepper *whole = at_grain(fixture_planar(), STEPPER_GRAIN_ITERATION);
    const nn_net *net = stepper_net(phases);
    int count = nn_op_count(net);
    for (int it = 0; it < 2; it++) {
        for (int i = 0; i < count; i++)
            assert_int_equal(stepper_step(ops), NN_OK);
        for (int p = 0; p < NN_PHASE_COUNT; p++) {
            assert_int_equal(stepper_step(phases), NN_OK);
            for (int i = stepper_shown_from(phases); i < stepper_done(phases); i++)
                assert_int_equal(nn_op_phase_of(nn_op_at(net, i)), p);
        }
        assert_int_equal(stepper_done(phases), count);
        assert_int_equal(stepper_step(whole), NN_OK);
        assert_int_equal(stepper_shown_from(whole), 0);
        assert_int_equal(stepper_done(whole), count);
        assert_same_values(stepper_net(phases), stepper_net(ops));
        assert_same_values(stepper_net(whole), stepper_net(ops));
    }
    stepper_free(ops);
    stepper_free(phases);
    stepper_free(whole);
}

/* At every granularity one undo restores the state before the step, bit
 * for bit, and the step on show before it; after a change of granularity
 * undo still goes back one step as it was taken. */
static void one_undo_goes_back_one_step_as_it_was_taken(void **state)
{
    (void)state;
    int dims[] = {3, 4, 3, 1};
    stepper *s = fixture_tiny(dims, 4, ACT_RELU);
    assert_non_null(s);
    nn_net *seen[40];
    int done[40], from[40], n = 0;
    for (int k = 0; k < 24; k++) {
        if (k % 3 == 0)
            stepper_grain_next(s);
        seen[n] = nn_clone(stepper_net(s));
        done[n] = stepper_done(s);
        from[n] = stepper_shown_from(s);
        n++;
        assert_int_equal(stepper_step(s), NN_OK);
    }
    while (n > 0) {
        n--;
        assert_true(stepper_undo(s));
        assert_same_values(stepper_net(s), seen[n]);
        assert_int_equal(stepper_done(s), done[n]);
        assert_int_equal(stepper_shown_from(s), from[n]);
        nn_free(seen[n]);
    }
    assert_false(stepper_undo(s));
    stepper_free(s);
}

/* Switching to layers after Z[1] alone: the step finishes layer 1 (A[1]). */
static void a_coarser_step_finishes_the_step_begun(void **state)
{
    (void)state;
    stepper *s = fixture_planar();
    assert_non_null(s);
    stepper_step(s);
    at_grain(s, STEPPER_GRAIN_LAYER);
    stepper_step(s);
    assert_int_equal(stepper_shown_from(s), 1);
    assert_int_equal(stepper_done(s), 2);
    assert_int_equal(stepper_shown_grain(s), STEPPER_GRAIN_LAYER);
    /* By phase: the rest of the forward phase, Z[2] and A[2]; undo shows
     * the layer step again. */
    at_grain(s, STEPPER_GRAIN_PHASE);
    stepper_step(s);
    assert_int_equal(stepper_shown_from(s), 2);
    assert_int_equal(stepper_done(s), 4);
    assert_int_equal(stepper_shown_grain(s), STEPPER_GRAIN_PHASE);
    assert_true(stepper_undo(s));
    assert_int_equal(stepper_shown_grain(s), STEPPER_GRAIN_LAYER);
    stepper_free(s);
}

/* Predicting asks for each matrix, so a step is one operation; the chosen
 * granularity comes back when predicting stops. */
static void predicting_steps_one_operation_at_a_time(void **state)
{
    (void)state;
    stepper *s = at_grain(fixture_planar(), STEPPER_GRAIN_PHASE);
    stepper_set_predict(s, true);
    assert_int_equal(stepper_grain_now(s), STEPPER_GRAIN_OP);
    assert_int_equal(stepper_grain_chosen(s), STEPPER_GRAIN_PHASE);
    for (const char *c = "4,400"; *c; c++)
        stepper_input_char(s, *c);
    assert_true(stepper_submit(s));
    assert_int_equal(stepper_done(s), 1);
    stepper_set_predict(s, false);
    assert_int_equal(stepper_grain_now(s), STEPPER_GRAIN_PHASE);
    stepper_step(s);
    assert_int_equal(stepper_done(s), 4);  /* the rest of the forward phase */
    stepper_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_layer_step_runs_the_ops_of_one_layer_and_phase),
        cmocka_unit_test(phase_and_iteration_steps_equal_single_operations),
        cmocka_unit_test(one_undo_goes_back_one_step_as_it_was_taken),
        cmocka_unit_test(a_coarser_step_finishes_the_step_begun),
        cmocka_unit_test(predicting_steps_one_operation_at_a_time),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
