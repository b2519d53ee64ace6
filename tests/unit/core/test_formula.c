/* The formula and dimension-check texts the stepper and the report show. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "formula.h"

static nn_net *planar_shaped(mat **X, mat **Y)
{
    nn_config cfg = nn_config_make((int[]){2, 4, 1}, 3, ACT_TANH, NN_INIT_COURSE_W3);
    nn_net *net = nn_new(&cfg);
    *X = mat_new(2, 400);
    *Y = mat_new(1, 400);
    nn_bind(net, *X, *Y);
    return net;
}

static void linear_step_spells_out_the_broadcast(void **state)
{
    (void)state;
    mat *X, *Y;
    nn_net *net = planar_shaped(&X, &Y);
    char buf[256];
    nn_op_formula(net, nn_op_at(net, 0), buf, sizeof buf);
    assert_string_equal(buf, "Z[1] = W[1]·X + b[1]");
    nn_op_shapes(net, nn_op_at(net, 0), buf, sizeof buf);
    assert_string_equal(buf, "W[1] (4, 2) · X (2, 400) + b[1] (4, 1) broadcast → Z[1] (4, 400)");
    nn_free(net), mat_free(X), mat_free(Y);
}

static void backward_steps_name_their_shapes(void **state)
{
    (void)state;
    mat *X, *Y;
    nn_net *net = planar_shaped(&X, &Y);
    char buf[256];
    /* ops: 0 Z1, 1 A1, 2 Z2, 3 A2, 4 J, 5 dZ2, 6 dW2, 7 db2, 8 dA1, 9 dZ1, 10 dW1, 11 db1, 12 update */
    nn_op_shapes(net, nn_op_at(net, 5), buf, sizeof buf);
    assert_string_equal(buf, "A[2] (1, 400) − Y (1, 400) → dZ[2] (1, 400)");
    nn_op_shapes(net, nn_op_at(net, 8), buf, sizeof buf);
    assert_string_equal(buf, "W[2]ᵀ (4, 1) · dZ[2] (1, 400) → dA[1] (4, 400)");
    nn_op_formula(net, nn_op_at(net, 9), buf, sizeof buf);
    assert_string_equal(buf, "dZ[1] = dA[1] ∗ (1 − A[1]²)");
    nn_op_shapes(net, nn_op_at(net, 10), buf, sizeof buf);
    assert_string_equal(buf, "dZ[1] (4, 400) · Xᵀ (400, 2) → dW[1] (4, 2)");
    nn_op_formula(net, nn_op_at(net, 11), buf, sizeof buf);
    assert_string_equal(buf, "db[1] = (1/m) Σ dZ[1]  (axis=1, keepdims)");
    nn_op_shapes(net, nn_op_at(net, 11), buf, sizeof buf);
    assert_string_equal(buf, "dZ[1] (4, 400) each row summed → db[1] (4, 1)");
    nn_free(net), mat_free(X), mat_free(Y);
}

static void operands_point_at_the_network_matrices(void **state)
{
    (void)state;
    mat *X, *Y;
    nn_net *net = planar_shaped(&X, &Y);
    nn_ref in[NN_OP_MAX_OPERANDS], out;
    assert_int_equal(nn_op_operands(net, nn_op_at(net, 5), in, &out), 2);
    assert_ptr_equal(nn_ref_matrix(net, in[1]), Y);
    assert_ptr_equal(nn_ref_matrix(net, (nn_ref){NN_A, 0}), X);
    assert_null(nn_ref_matrix(net, out)); /* dZ[2] does not exist before its step */
    nn_free(net), mat_free(X), mat_free(Y);
}

/* The dZ step reads what its g' is written with: A[l] for tanh and σ
 * ("(1 − A[1]²)"), Z[l] for ReLU ("[Z[1] > 0]"); the operands, the formula
 * and the dimension check agree (they once showed Z[1] beside 1 − A[1]²). */
static void the_dz_step_reads_what_its_derivative_is_written_with(void **state)
{
    (void)state;
    const struct {
        act_kind act;
        nn_value reads;
        const char *formula, *shapes;
    } rows[] = {
        {ACT_TANH, NN_A, "dZ[1] = dA[1] ∗ (1 − A[1]²)", "dA[1] (4, 400) ∗ g'(A[1] (4, 400)) → dZ[1] (4, 400)"},
        {ACT_SIGMOID, NN_A, "dZ[1] = dA[1] ∗ A[1](1 − A[1])", "dA[1] (4, 400) ∗ g'(A[1] (4, 400)) → dZ[1] (4, 400)"},
        {ACT_RELU, NN_Z, "dZ[1] = dA[1] ∗ [Z[1] > 0]", "dA[1] (4, 400) ∗ g'(Z[1] (4, 400)) → dZ[1] (4, 400)"},
        {ACT_LEAKY_RELU, NN_Z, "dZ[1] = dA[1] ∗ (Z[1] > 0 ? 1 : 0.01)",
         "dA[1] (4, 400) ∗ g'(Z[1] (4, 400)) → dZ[1] (4, 400)"},
    };
    for (size_t r = 0; r < sizeof rows / sizeof *rows; r++) {
        nn_config cfg = nn_config_make((int[]){2, 4, 1}, 3, rows[r].act, NN_INIT_COURSE_W3);
        nn_net *net = nn_new(&cfg);
        mat *X = mat_new(2, 400), *Y = mat_new(1, 400);
        nn_bind(net, X, Y);
        const nn_op dz = nn_op_at(net, 9);
        assert_int_equal(dz.kind, NN_OP_DZ);
        nn_ref in[NN_OP_MAX_OPERANDS], out;
        assert_int_equal(nn_op_operands(net, dz, in, &out), 2);
        assert_int_equal(in[1].value, rows[r].reads);
        assert_int_equal(in[1].layer, 1);
        char buf[256];
        nn_op_formula(net, dz, buf, sizeof buf);
        assert_string_equal(buf, rows[r].formula);
        nn_op_shapes(net, dz, buf, sizeof buf);
        assert_string_equal(buf, rows[r].shapes);
        nn_free(net), mat_free(X), mat_free(Y);
    }
}

/* Every kind has a whole row in the op table, and the layers it accepts are
 * the ones the iteration uses it for (nn_run_op refuses the others). */
static void every_operation_has_a_whole_row(void **state)
{
    (void)state;
    for (int k = NN_OP_LINEAR; k <= NN_OP_UPDATE; k++) {
        const nn_op_def *d = nn_op_def_of((nn_op_kind)k);
        assert_non_null(d);
        assert_non_null(d->name);
        assert_non_null(d->name_zh);
        assert_non_null(d->run);
        assert_non_null(d->operands);
        assert_non_null(d->formula);
        assert_true(d->shapes != NULL || k == NN_OP_UPDATE);
    }
    assert_null(nn_op_def_of((nn_op_kind)(NN_OP_UPDATE + 1)));
    mat *X, *Y;
    nn_net *net = planar_shaped(&X, &Y);
    for (int i = 0; i < nn_op_count(net); i++)
        assert_true(nn_op_layer_valid(nn_op_at(net, i), 2));
    assert_false(nn_op_layer_valid((nn_op){NN_OP_DA_PREV, 1}, 2)); /* no dA[0] */
    assert_false(nn_op_layer_valid((nn_op){NN_OP_DZ, 2}, 2));      /* dZ[L] is DZ_OUTPUT's */
    assert_false(nn_op_layer_valid((nn_op){NN_OP_DZ_OUTPUT, 1}, 2));
    assert_false(nn_op_layer_valid((nn_op){NN_OP_LINEAR, 3}, 2));
    assert_int_equal(nn_run_op(net, (nn_op){NN_OP_DA_PREV, 1}, 0.1), NN_BAD_ARGUMENT);
    /* the phases in the iteration's order: forward, cost, backward, update */
    nn_op_phase last = NN_PHASE_FORWARD;
    for (int i = 0; i < nn_op_count(net); i++) {
        nn_op_phase p = nn_op_def_of(nn_op_at(net, i).kind)->phase;
        assert_true(p >= last);
        last = p;
    }
    assert_int_equal(last, NN_PHASE_UPDATE);
    nn_free(net), mat_free(X), mat_free(Y);
}

static void a_short_buffer_is_truncated_and_terminated(void **state)
{
    (void)state;
    mat *X, *Y;
    nn_net *net = planar_shaped(&X, &Y);
    char buf[8];
    size_t need = nn_op_shapes(net, nn_op_at(net, 0), buf, sizeof buf);
    assert_true(need > sizeof buf);
    assert_int_equal(strlen(buf), sizeof buf - 1);
    nn_free(net), mat_free(X), mat_free(Y);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(linear_step_spells_out_the_broadcast),
        cmocka_unit_test(backward_steps_name_their_shapes),
        cmocka_unit_test(operands_point_at_the_network_matrices),
        cmocka_unit_test(a_short_buffer_is_truncated_and_terminated),
        cmocka_unit_test(the_dz_step_reads_what_its_derivative_is_written_with),
        cmocka_unit_test(every_operation_has_a_whole_row),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
