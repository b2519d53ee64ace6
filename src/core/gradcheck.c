/*
 * gradcheck.c — two-sided numerical gradients against backpropagation.
 *
 *   for every parameter θ_i the plan visits (entries of W[l] and b[l]):
 *       J⁺ = J(θ + ε e_i),  J⁻ = J(θ − ε e_i),  approx_i = (J⁺ − J⁻) / 2ε
 *   difference = ‖grad − approx‖ / (‖grad‖ + ‖approx‖)   (over those i)
 */
#include "gradcheck.h"

#include "network_ops.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

typedef struct norms {
    double diff2, grad2, approx2; /* Σ (g − a)², Σ g², Σ a² */
} norms;

static double relative(const norms *n)
{
    double denom = sqrt(n->grad2) + sqrt(n->approx2);
    return denom > 0.0 ? sqrt(n->diff2) / denom : 0.0;
}

static size_t w_size(const nn_net *net, int l) { return (size_t)nn_dim(net, l) * (size_t)nn_dim(net, l - 1); }
static size_t b_size(const nn_net *net, int l) { return (size_t)nn_dim(net, l); }

double gc_pass_madds(const nn_net *net)
{
    double per_example = 0.0;
    for (int l = 1; l <= nn_layers(net); l++)
        per_example += (double)nn_dim(net, l) * ((double)nn_dim(net, l - 1) + 1.0);
    return (double)nn_examples(net) * per_example;
}

static void plan_finish(const nn_net *net, gc_plan *plan)
{
    plan->checked = 0;
    for (int l = 1; l <= plan->L; l++)
        plan->checked += plan->W_count[l] + plan->b_count[l];
    plan->madds = 2.0 * (double)plan->checked * gc_pass_madds(net);
}

void gc_plan_all(const nn_net *net, gc_plan *plan)
{
    memset(plan, 0, sizeof *plan);
    plan->L = nn_layers(net);
    for (int l = 1; l <= plan->L; l++) {
        plan->W_count[l] = w_size(net, l);
        plan->b_count[l] = b_size(net, l);
        plan->total += plan->W_count[l] + plan->b_count[l];
    }
    plan_finish(net, plan);
}

bool gc_plan_within(const nn_net *net, double budget_madds, gc_plan *plan)
{
    gc_plan_all(net, plan);
    const double pass = gc_pass_madds(net);
    if (pass > 0.0 && plan->madds <= budget_madds)
        return true;
    /* Entries the budget pays for (two passes each), and the 2L matrices:
     * m[2(l−1)] is W[l], m[2(l−1)+1] is b[l]. */
    const double affordable = pass > 0.0 && budget_madds > 0.0 ? floor(budget_madds / (2.0 * pass)) : 0.0;
    const int count = 2 * plan->L;
    size_t *slot[2 * NN_MAX_LAYERS];
    size_t size[2 * NN_MAX_LAYERS];
    int order[2 * NN_MAX_LAYERS];
    for (int l = 1; l <= plan->L; l++) {
        slot[2 * (l - 1)] = &plan->W_count[l];
        slot[2 * (l - 1) + 1] = &plan->b_count[l];
        size[2 * (l - 1)] = w_size(net, l);
        size[2 * (l - 1) + 1] = b_size(net, l);
    }
    for (int j = 0; j < count; j++)
        *slot[j] = 0;
    if (affordable < (double)count) {
        plan_finish(net, plan);
        return false;
    }
    /* Smallest first (ties in layer order), so a matrix smaller than its
     * share is taken whole and the rest goes to the larger ones. */
    for (int j = 0; j < count; j++) {
        int k = j;
        while (k > 0 && size[order[k - 1]] > size[j]) {
            order[k] = order[k - 1];
            k--;
        }
        order[k] = j;
    }
    size_t left = (size_t)affordable;
    for (int j = 0; j < count; j++) {
        const int at = order[j];
        size_t share = left / (size_t)(count - j);
        *slot[at] = share < size[at] ? share : size[at];
        left -= *slot[at];
    }
    plan_finish(net, plan);
    return true;
}

/* splitmix64's finaliser: a well-mixed 64-bit value from any input. */
static uint64_t mix64(uint64_t x)
{
    x += 0x9e3779b97f4a7c15u;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9u;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebu;
    return x ^ (x >> 31);
}

size_t gc_sample_index(size_t n, size_t k, size_t i)
{
    if (k >= n)
        return i;
    const uint64_t lo = (uint64_t)i * n / k, hi = (uint64_t)(i + 1) * n / k;
    return (size_t)(lo + mix64(mix64(n) ^ mix64(k + 0x51ed270b27a4c3d5u) ^ i) % (hi - lo));
}

/* Numerical gradient at the `k` planned entries of `param` (a W or b of
 * `work`), compared with `grad`, accumulated into `layer` and `total`. */
static size_t check_param(nn_net *work, mat *param, const mat *grad, size_t k, double eps, norms *layer,
                          norms *total)
{
    const size_t n = mat_size(param);
    for (size_t s = 0; s < k; s++) {
        const size_t i = gc_sample_index(n, k, s);
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
    return k;
}

static bool plan_fits(const nn_net *net, const gc_plan *plan)
{
    if (plan->L != nn_layers(net))
        return false;
    for (int l = 1; l <= plan->L; l++)
        if (plan->W_count[l] > w_size(net, l) || plan->b_count[l] > b_size(net, l))
            return false;
    return true;
}

nn_status gc_compare(const nn_net *net, double eps, const gc_plan *plan, const mat *const dW[],
                     const mat *const db[], gc_result *out)
{
    if (nn_examples(net) == 0 || !(eps > 0.0) || !plan_fits(net, plan))
        return NN_BAD_ARGUMENT;
    for (int l = 1; l <= plan->L; l++)
        if (!dW[l] || !db[l] || mat_size(dW[l]) != w_size(net, l) || mat_size(db[l]) != b_size(net, l))
            return NN_BAD_ARGUMENT;
    nn_net *work = nn_clone(net);
    if (!work)
        return NN_NO_MEMORY;
    memset(out, 0, sizeof *out);
    out->L = plan->L;
    out->total = plan->total;
    norms total = {0, 0, 0};
    for (int l = 1; l <= out->L; l++) {
        norms nw = {0, 0, 0}, nb = {0, 0, 0};
        out->checked += check_param(work, nn_param(work, NN_W, l), dW[l], plan->W_count[l], eps, &nw, &total);
        out->checked += check_param(work, nn_param(work, NN_B, l), db[l], plan->b_count[l], eps, &nb, &total);
        out->layer[l].dW_difference = relative(&nw);
        out->layer[l].db_difference = relative(&nb);
        out->layer[l].dW_norm = sqrt(nw.grad2);
        out->layer[l].db_norm = sqrt(nb.grad2);
    }
    out->difference = relative(&total);
    nn_free(work);
    return NN_OK;
}

nn_status gc_check_plan(const nn_net *net, double eps, const gc_plan *plan, gc_result *out)
{
    if (nn_examples(net) == 0 || !(eps > 0.0) || !plan_fits(net, plan))
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
    const int L = nn_layers(work);
    const mat *dW[NN_MAX_LAYERS + 1] = {0}, *db[NN_MAX_LAYERS + 1] = {0};
    for (int l = 1; l <= L; l++) {
        dW[l] = nn_value_of(work, NN_DW, l);
        db[l] = nn_value_of(work, NN_DB, l);
    }
    /* gc_compare evaluates the cost on a clone of `net`, so `work` keeps
     * the gradients it is compared with. */
    nn_status st = gc_compare(net, eps, plan, dW, db, out);
    nn_free(work);
    return st;
}

nn_status gc_check(const nn_net *net, double eps, gc_result *out)
{
    gc_plan plan;
    gc_plan_all(net, &plan);
    return gc_check_plan(net, eps, &plan, out);
}
