/*
 * formula.c — each operation's formula and dimension check as text, from the
 * network's real sizes. One source for the stepper screen and the report.
 */
#include "formula.h"

#include <stdarg.h>
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
    const int l = op.layer, L = nn_layers(net);
    switch (op.kind) {
    case NN_OP_LINEAR:
        in[0] = (nn_ref){NN_W, l};
        in[1] = (nn_ref){NN_A, l - 1};
        in[2] = (nn_ref){NN_B, l};
        *out = (nn_ref){NN_Z, l};
        return 3;
    case NN_OP_ACTIVATE:
        in[0] = (nn_ref){NN_Z, l};
        *out = (nn_ref){NN_A, l};
        return 1;
    case NN_OP_COST:
        in[0] = (nn_ref){NN_A, L};
        in[1] = NN_REF_Y;
        *out = (nn_ref){NN_A, L};
        return 2;
    case NN_OP_DZ_OUTPUT:
        in[0] = (nn_ref){NN_A, L};
        in[1] = NN_REF_Y;
        *out = (nn_ref){NN_DZ, L};
        return 2;
    case NN_OP_DW:
        in[0] = (nn_ref){NN_DZ, l};
        in[1] = (nn_ref){NN_A, l - 1};
        *out = (nn_ref){NN_DW, l};
        return 2;
    case NN_OP_DB:
        in[0] = (nn_ref){NN_DZ, l};
        *out = (nn_ref){NN_DB, l};
        return 1;
    case NN_OP_DA_PREV:
        in[0] = (nn_ref){NN_W, l};
        in[1] = (nn_ref){NN_DZ, l};
        *out = (nn_ref){NN_DA, l - 1};
        return 2;
    case NN_OP_DZ:
        in[0] = (nn_ref){NN_DA, l};
        in[1] = (nn_ref){NN_Z, l};
        *out = (nn_ref){NN_DZ, l};
        return 2;
    case NN_OP_UPDATE:
        in[0] = (nn_ref){NN_W, 1};
        in[1] = (nn_ref){NN_DW, 1};
        *out = (nn_ref){NN_W, 1};
        return 2;
    }
    *out = (nn_ref){NN_W, 1};
    return 0;
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

static const char *ref(nn_ref r, char tmp[32])
{
    nn_ref_name(r, tmp, 32);
    return tmp;
}

size_t nn_op_formula(const nn_net *net, nn_op op, char *buf, size_t size)
{
    char a[32];
    const int l = op.layer, L = nn_layers(net);
    size_t len = 0;
    if (size)
        buf[0] = '\0';
    switch (op.kind) {
    case NN_OP_LINEAR:
        put(buf, size, &len, "Z[%d] = W[%d]·%s + b[%d]", l, l, ref((nn_ref){NN_A, l - 1}, a), l);
        break;
    case NN_OP_ACTIVATE:
        put(buf, size, &len, "A[%d] = %s(Z[%d])", l, act_symbol(nn_activation(net, l)), l);
        break;
    case NN_OP_COST:
        put(buf, size, &len, "J = −(1/m) Σ [Y·log A[%d] + (1 − Y)·log(1 − A[%d])]", L, L);
        break;
    case NN_OP_DZ_OUTPUT:
        put(buf, size, &len, "dZ[%d] = A[%d] − Y", L, L);
        break;
    case NN_OP_DW:
        put(buf, size, &len, "dW[%d] = (1/m) dZ[%d]·%sᵀ", l, l, ref((nn_ref){NN_A, l - 1}, a));
        break;
    case NN_OP_DB:
        put(buf, size, &len, "db[%d] = (1/m) Σ dZ[%d]  (axis=1, keepdims)", l, l);
        break;
    case NN_OP_DA_PREV:
        put(buf, size, &len, "dA[%d] = W[%d]ᵀ·dZ[%d]", l - 1, l, l);
        break;
    case NN_OP_DZ: {
        const char *d;
        switch (nn_activation(net, l)) {
        case ACT_TANH: d = "(1 − A[%d]²)"; break;
        case ACT_SIGMOID: d = "A[%d](1 − A[%d])"; break;
        case ACT_RELU: d = "[Z[%d] > 0]"; break;
        default: d = "(Z[%d] > 0 ? 1 : 0.01)"; break;
        }
        char deriv[64];
        snprintf(deriv, sizeof deriv, d, l, l);
        put(buf, size, &len, "dZ[%d] = dA[%d] ∗ %s", l, l, deriv);
        break;
    }
    case NN_OP_UPDATE:
        put(buf, size, &len, "W[l] := W[l] − α·dW[l],  b[l] := b[l] − α·db[l]  (l = 1…%d)", L);
        break;
    }
    return len;
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

static void put_ref(const nn_net *net, char *buf, size_t size, size_t *len, nn_ref r, const char *suffix)
{
    char name[32];
    size_t rows, cols;
    nn_ref_name(r, name, sizeof name);
    shape_of(net, r, &rows, &cols);
    if (!strcmp(suffix, "ᵀ")) { /* the transpose's own shape: (cols, rows) */
        size_t t = rows;
        rows = cols;
        cols = t;
    }
    put(buf, size, len, "%s%s (%zu, %zu)", name, suffix, rows, cols);
}

size_t nn_op_shapes(const nn_net *net, nn_op op, char *buf, size_t size)
{
    nn_ref in[NN_OP_MAX_OPERANDS], out;
    nn_op_operands(net, op, in, &out);
    size_t len = 0;
    if (size)
        buf[0] = '\0';
    switch (op.kind) {
    case NN_OP_LINEAR:
        put_ref(net, buf, size, &len, in[0], "");
        put(buf, size, &len, " · ");
        put_ref(net, buf, size, &len, in[1], "");
        put(buf, size, &len, " + ");
        put_ref(net, buf, size, &len, in[2], "");
        put(buf, size, &len, " broadcast → ");
        put_ref(net, buf, size, &len, out, "");
        break;
    case NN_OP_ACTIVATE:
        put_ref(net, buf, size, &len, in[0], "");
        put(buf, size, &len, " element-wise → ");
        put_ref(net, buf, size, &len, out, "");
        break;
    case NN_OP_COST:
        put_ref(net, buf, size, &len, in[0], "");
        put(buf, size, &len, ", ");
        put_ref(net, buf, size, &len, in[1], "");
        put(buf, size, &len, " → J (scalar)");
        break;
    case NN_OP_DZ_OUTPUT:
        put_ref(net, buf, size, &len, in[0], "");
        put(buf, size, &len, " − ");
        put_ref(net, buf, size, &len, in[1], "");
        put(buf, size, &len, " → ");
        put_ref(net, buf, size, &len, out, "");
        break;
    case NN_OP_DW:
        put_ref(net, buf, size, &len, in[0], "");
        put(buf, size, &len, " · ");
        put_ref(net, buf, size, &len, in[1], "ᵀ");
        put(buf, size, &len, " → ");
        put_ref(net, buf, size, &len, out, "");
        break;
    case NN_OP_DB:
        put_ref(net, buf, size, &len, in[0], "");
        put(buf, size, &len, " each row summed → ");
        put_ref(net, buf, size, &len, out, "");
        break;
    case NN_OP_DA_PREV:
        put_ref(net, buf, size, &len, in[0], "ᵀ");
        put(buf, size, &len, " · ");
        put_ref(net, buf, size, &len, in[1], "");
        put(buf, size, &len, " → ");
        put_ref(net, buf, size, &len, out, "");
        break;
    case NN_OP_DZ:
        put_ref(net, buf, size, &len, in[0], "");
        put(buf, size, &len, " ∗ g'(");
        put_ref(net, buf, size, &len, in[1], "");
        put(buf, size, &len, ") → ");
        put_ref(net, buf, size, &len, out, "");
        break;
    case NN_OP_UPDATE:
        for (int l = 1; l <= nn_layers(net); l++) {
            if (l > 1)
                put(buf, size, &len, ", ");
            put_ref(net, buf, size, &len, (nn_ref){NN_W, l}, "");
            put(buf, size, &len, " − α·");
            put_ref(net, buf, size, &len, (nn_ref){NN_DW, l}, "");
        }
        break;
    }
    return len;
}

int nn_op_is_forward(nn_op op)
{
    return op.kind == NN_OP_LINEAR || op.kind == NN_OP_ACTIVATE || op.kind == NN_OP_COST;
}
