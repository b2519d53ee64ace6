/*
 * planar.c — the course's planar "flower" data set, point for point.
 *
 * The recipe (week 3, load_planar_dataset), with m examples, N = m/2 per
 * class and a = 4 petals' reach:
 *
 *   np.random.seed(seed)
 *   for j in 0, 1:                       class j fills columns N·j … N·(j+1) − 1
 *       t = linspace(3.12·j, 3.12·(j+1), N) + 0.2·randn(N)     angle
 *       r = a·sin(4t) + 0.2·randn(N)                           radius
 *       X[:, ix] = (r·sin t, r·cos t);  Y[0, ix] = j
 *
 * The order of the draws matters: all N normals for t come first, then all N
 * for r, class 0 before class 1. With seed 1 the first point is
 * (1.20444229, 3.57611415).
 */
#include "generate.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../core/rng.h"

static const char *const gen_names[GEN_COUNT] = {"planar", "circles", "moons", "blobs", "quantiles"};

const char *gen_name(gen_kind kind)
{
    return ((int)kind >= 0 && kind < GEN_COUNT) ? gen_names[kind] : NULL;
}

bool gen_parse(const char *name, gen_kind *out)
{
    if (name == NULL)
        return false;
    for (int k = 0; k < GEN_COUNT; k++) {
        if (strcmp(name, gen_names[k]) == 0) {
            *out = (gen_kind)k;
            return true;
        }
    }
    return false;
}

void gen_linspace(double start, double stop, size_t n, bool endpoint, double *out)
{
    if (n == 0)
        return;
    size_t div = endpoint ? n - 1 : n;
    if (div == 0) {
        out[0] = start;
        return;
    }
    /* numpy: y = arange(n) * step + start, step = (stop - start) / div */
    double step = (stop - start) / (double)div;
    for (size_t k = 0; k < n; k++)
        out[k] = (double)k * step + start;
    if (endpoint)
        out[n - 1] = stop;
}

bool gen_planar(uint32_t seed, mat *X, mat *Y)
{
    size_t m = X->cols;
    if (X->rows != 2 || Y->rows != 1 || Y->cols != m || m < 2 || m % 2 != 0)
        return false;
    size_t N = m / 2;
    const double a = 4.0;
    double *t = malloc(N * sizeof *t);
    double *r = malloc(N * sizeof *r);
    if (t == NULL || r == NULL) {
        free(t);
        free(r);
        return false;
    }
    rng g;
    rng_seed(&g, seed);
    for (size_t j = 0; j < 2; j++) {
        /* t = linspace(3.12 j, 3.12 (j+1), N) + randn(N) * 0.2 */
        gen_linspace((double)j * 3.12, (double)(j + 1) * 3.12, N, true, t);
        for (size_t k = 0; k < N; k++)
            t[k] = t[k] + rng_randn(&g) * 0.2;
        /* r = a sin(4t) + randn(N) * 0.2 */
        for (size_t k = 0; k < N; k++)
            r[k] = a * sin(4.0 * t[k]) + rng_randn(&g) * 0.2;
        /* x = (r sin t, r cos t), y = j */
        for (size_t k = 0; k < N; k++) {
            size_t i = N * j + k;
            mat_set(X, 0, i, r[k] * sin(t[k]));
            mat_set(X, 1, i, r[k] * cos(t[k]));
            mat_set(Y, 0, i, (double)j);
        }
    }
    free(t);
    free(r);
    return true;
}

bool gen_make(gen_kind kind, uint32_t seed, mat *X, mat *Y)
{
    switch (kind) {
    case GEN_PLANAR: return gen_planar(seed, X, Y);
    case GEN_CIRCLES: return gen_circles(seed, X, Y);
    case GEN_MOONS: return gen_moons(seed, X, Y);
    case GEN_BLOBS: return gen_blobs(seed, X, Y);
    case GEN_QUANTILES: return gen_quantiles(seed, X, Y);
    case GEN_COUNT: break;
    }
    return false;
}
