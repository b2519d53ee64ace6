/*
 * gradcheck.c — two-sided numerical gradients against backpropagation.
 *
 *   for every parameter θ_i (each W[l] and b[l] element):
 *       J⁺ = J(θ + ε e_i),  J⁻ = J(θ − ε e_i),  approx_i = (J⁺ − J⁻) / 2ε
 *   difference = ‖grad − approx‖ / (‖grad‖ + ‖approx‖)
 */
#include "gradcheck.h"

#include "network_ops.h"

#include <math.h>
#include <string.h>

typedef struct norms {
    double diff2, grad2, approx2; /* Σ (g − a)², Σ g², Σ a² */
} norms;

static double relative(const norms *n)
{
    double denom = sqrt(n->grad2) + sqrt(n->approx2);
    return denom > 0.0 ? sqrt(n->diff2) / denom : 0.0;
}

/* Numerical gradient of every element of `param` (a W or b of `work`),
 * compared with `grad`, accumulated into `layer` and `total`. */
static void check_param(nn_net *work, mat *param, const mat *grad, double eps, norms *layer, norms *total)
{
    for (size_t i = 0; i < mat_size(param); i++) {
        const double saved = param->v[i];
        param->v[i] = saved + eps;
        const double plus = nn_compute_cost(work);
        param->v[i] = saved - eps;
        const double minus = nn_compute_cost(work);
        param->v[i] = saved;
        const double approx = (plus - minus) / (2.0 * eps);
        const double g = grad->v[i], d = g - approx;
        layer->diff2 += d * d;
        layer->grad2 += g * g;
        layer->approx2 += approx * approx;
    }
    total->diff2 += layer->diff2;
    total->grad2 += layer->grad2;
    total->approx2 += layer->approx2;
}

nn_status gc_check(const nn_net *net, double eps, gc_result *out)
{
    if (nn_examples(net) == 0 || !(eps > 0.0))
        return NN_BAD_ARGUMENT;
    nn_net *work = nn_clone(net);
    if (!work)
        return NN_NO_MEMORY;
    /* The analytic gradients of the current parameters: one iteration of
     * every operation but those of the update phase. */
    for (int i = 0; i < nn_op_count(work); i++) {
        const nn_op op = nn_op_at(work, i);
        if (nn_op_phase_of(op) != NN_PHASE_UPDATE)
            nn_run_op(work, op, 0.0);
    }

    memset(out, 0, sizeof *out);
    out->L = nn_layers(work);
    /* Keep the analytic gradients: every cost evaluation below starts a new
     * forward pass and so forgets the iteration's caches. */
    mat *dW[NN_MAX_LAYERS + 1] = {0}, *db[NN_MAX_LAYERS + 1] = {0};
    nn_status st = NN_OK;
    for (int l = 1; l <= out->L; l++) {
        dW[l] = mat_clone(nn_value_of(work, NN_DW, l));
        db[l] = mat_clone(nn_value_of(work, NN_DB, l));
        if (!dW[l] || !db[l])
            st = NN_NO_MEMORY;
    }
    norms total = {0, 0, 0};
    for (int l = 1; l <= out->L && st == NN_OK; l++) {
        norms nw = {0, 0, 0}, nb = {0, 0, 0};
        check_param(work, nn_param(work, NN_W, l), dW[l], eps, &nw, &total);
        check_param(work, nn_param(work, NN_B, l), db[l], eps, &nb, &total);
        out->layer[l].dW_difference = relative(&nw);
        out->layer[l].db_difference = relative(&nb);
        out->layer[l].dW_norm = sqrt(nw.grad2);
        out->layer[l].db_norm = sqrt(nb.grad2);
    }
    for (int l = 1; l <= out->L; l++) {
        mat_free(dW[l]);
        mat_free(db[l]);
    }
    if (st != NN_OK) {
        nn_free(work);
        return st;
    }
    out->difference = relative(&total);
    nn_free(work);
    return NN_OK;
}
