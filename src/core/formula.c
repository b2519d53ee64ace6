/*
 * formula.c — each operation's formula and dimension check as text, from the
 * network's real sizes. One source for the stepper screen and the report.
 */
#include "formula.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

size_t nn_ref_name(nn_ref r, char *buf, size_t size)
{
    if (r.value == NN_VALUE_COUNT)
        return (size_t)snprintf(buf, size, "Y");
    if (r.value == NN_A && r.layer == 0)
        return (size_t)snprintf(buf, size, "X");
    return (size_t)snprintf(buf, size, "%s[%d]", nn_value_name(r.value), r.layer);
}

const mat *nn_ref_matrix(const nn_net *net, nn_ref r)
{
    if (r.value == NN_VALUE_COUNT)
        return nn_labels(net);
    return nn_value_of(net, r.value, r.layer);
}

int nn_op_operands(const nn_net *net, nn_op op, nn_ref in[NN_OP_MAX_OPERANDS], nn_ref *out)
{
    const nn_op_def *d = nn_op_def_of(op.kind);
    *out = (nn_ref){NN_W, 1};
    return d ? d->operands(net, op.layer, in, out) : 0;
}

/* Appends formatted text at *len, keeping the snprintf contract. */
static void put(char *buf, size_t size, size_t *len, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *at = (*len < size) ? buf + *len : NULL;
    size_t room = (*len < size) ? size - *len : 0;
    int n = vsnprintf(at, room, fmt, ap);
    va_end(ap);
    if (n > 0)
        *len += (size_t)n;
}

size_t nn_op_formula(const nn_net *net, nn_op op, char *buf, size_t size)
{
    const nn_op_def *d = nn_op_def_of(op.kind);
    if (size)
        buf[0] = '\0';
    return d ? d->formula(net, op.layer, buf, size) : 0;
}

static void shape_of(const nn_net *net, nn_ref r, size_t *rows, size_t *cols)
{
    if (r.value == NN_VALUE_COUNT) {
        *rows = 1;
        *cols = nn_examples(net);
        return;
    }
    nn_value_shape(net, r.value, r.layer, rows, cols);
}

/* "W[1] (4, 2)", or transposed "Xᵀ (400, 2)": the transpose's own shape. */
static void put_ref(const nn_net *net, char *buf, size_t size, size_t *len, nn_ref r, bool transposed)
{
    char name[32];
    size_t rows, cols;
    nn_ref_name(r, name, sizeof name);
    shape_of(net, r, &rows, &cols);
    if (transposed) {
        size_t t = rows;
        rows = cols;
        cols = t;
    }
    put(buf, size, len, "%s%s (%zu, %zu)", name, transposed ? "ᵀ" : "", rows, cols);
}

/* UPDATE's check: every layer's W − α·dW. */
static void put_update_shapes(const nn_net *net, char *buf, size_t size, size_t *len)
{
    for (int l = 1; l <= nn_layers(net); l++) {
        if (l > 1)
            put(buf, size, len, ", ");
        put_ref(net, buf, size, len, (nn_ref){NN_W, l}, false);
        put(buf, size, len, " − α·");
        put_ref(net, buf, size, len, (nn_ref){NN_DW, l}, false);
    }
}

/* The table's template with each {k}, {kT} and {out} replaced by the
 * operand's name and shape (nn_op_def.shapes). */
size_t nn_op_shapes(const nn_net *net, nn_op op, char *buf, size_t size)
{
    const nn_op_def *d = nn_op_def_of(op.kind);
    size_t len = 0;
    if (size)
        buf[0] = '\0';
    if (!d)
        return 0;
    if (!d->shapes) {
        put_update_shapes(net, buf, size, &len);
        return len;
    }
    nn_ref in[NN_OP_MAX_OPERANDS], out;
    const int n = nn_op_operands(net, op, in, &out);
    for (const char *t = d->shapes; *t;) {
        const char *open = strchr(t, '{');
        const char *close = open ? strchr(open, '}') : NULL;
        if (!close) {
            put(buf, size, &len, "%s", t);
            break;
        }
        put(buf, size, &len, "%.*s", (int)(open - t), t);
        if (!strncmp(open, "{out}", 5)) {
            put_ref(net, buf, size, &len, out, false);
        } else if (open[1] >= '0' && open[1] - '0' < n) {
            put_ref(net, buf, size, &len, in[open[1] - '0'], open[2] == 'T');
        }
        t = close + 1;
    }
    return len;
}

int nn_op_is_forward(nn_op op)
{
    const nn_op_phase p = nn_op_phase_of(op);
    return p == NN_PHASE_FORWARD || p == NN_PHASE_COST;
}
