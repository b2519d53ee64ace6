/*
 * toy.c — four more seeded 2-D sets for the trainer, in the spirit of the
 * course's "extra data sets" (scikit-learn's make_circles, make_moons,
 * make_blobs, make_gaussian_quantiles). They are drawn from numpy's legacy
 * stream (np.random.seed(seed), rand, randn) with the recipes below, so a
 * seed always gives the same points; they are not equal to scikit-learn's
 * output (which uses its own stream and shuffles).
 *
 * m = X->cols examples; "per example" noise is drawn x then y, example by
 * example, like numpy filling a (m, 2) array.
 */
#include "generate.h"

#include <math.h>
#include <stdlib.h>

#include "../core/rng.h"

static const double gen_pi = 3.14159265358979323846;

static bool gen_shapes_ok(const mat *X, const mat *Y)
{
    return X->rows == 2 && Y->rows == 1 && Y->cols == X->cols && X->cols >= 2;
}

/* Adds noise·randn to every coordinate, example by example (x, then y). */
static void gen_add_noise(rng *g, mat *X, double noise)
{
    for (size_t i = 0; i < X->cols; i++) {
        double dx = rng_randn(g) * noise;
        double dy = rng_randn(g) * noise;
        mat_set(X, 0, i, mat_get(X, 0, i) + dx);
        mat_set(X, 1, i, mat_get(X, 1, i) + dy);
    }
}

/*
 * circles: n_out = m/2 points on the unit circle (label 0), the other
 * n_in = m − n_out on a circle of radius factor = 0.5 (label 1), at angles
 *     θ = linspace(0, 2π, n, endpoint=False)
 * then every coordinate gets 0.3·randn.
 */
bool gen_circles(uint32_t seed, mat *X, mat *Y)
{
    if (!gen_shapes_ok(X, Y))
        return false;
    size_t m = X->cols, n_out = m / 2, n_in = m - n_out;
    const double factor = 0.5, noise = 0.3;
    double *theta = malloc(m * sizeof *theta);
    if (theta == NULL)
        return false;
    gen_linspace(0.0, 2.0 * gen_pi, n_out, false, theta);
    gen_linspace(0.0, 2.0 * gen_pi, n_in, false, theta + n_out);
    for (size_t i = 0; i < m; i++) {
        double radius = i < n_out ? 1.0 : factor;
        mat_set(X, 0, i, radius * cos(theta[i]));
        mat_set(X, 1, i, radius * sin(theta[i]));
        mat_set(Y, 0, i, i < n_out ? 0.0 : 1.0);
    }
    free(theta);
    rng g;
    rng_seed(&g, seed);
    gen_add_noise(&g, X, noise);
    return true;
}

/*
 * moons: n_out = m/2 points on the upper half circle (cos θ, sin θ), label 0,
 * and n_in = m − n_out on the lower moon (1 − cos θ, 0.5 − sin θ), label 1,
 * with θ = linspace(0, π, n) (endpoints included); then 0.2·randn noise.
 */
bool gen_moons(uint32_t seed, mat *X, mat *Y)
{
    if (!gen_shapes_ok(X, Y))
        return false;
    size_t m = X->cols, n_out = m / 2, n_in = m - n_out;
    const double noise = 0.2;
    double *theta = malloc(m * sizeof *theta);
    if (theta == NULL)
        return false;
    gen_linspace(0.0, gen_pi, n_out, true, theta);
    gen_linspace(0.0, gen_pi, n_in, true, theta + n_out);
    for (size_t i = 0; i < m; i++) {
        if (i < n_out) {
            mat_set(X, 0, i, cos(theta[i]));
            mat_set(X, 1, i, sin(theta[i]));
            mat_set(Y, 0, i, 0.0);
        } else {
            mat_set(X, 0, i, 1.0 - cos(theta[i]));
            mat_set(X, 1, i, 0.5 - sin(theta[i]));
            mat_set(Y, 0, i, 1.0);
        }
    }
    free(theta);
    rng g;
    rng_seed(&g, seed);
    gen_add_noise(&g, X, noise);
    return true;
}

/*
 * blobs: 6 centres c_k = (20·rand − 10, 20·rand − 10), k = 0 … 5, drawn first
 * (x then y). Blob k holds a contiguous block of m/6 examples (the first
 * m mod 6 blobs one more), each c_k + 1.0·randn per coordinate; the label is
 * k mod 2, so each class is three blobs that may sit anywhere.
 */
#define GEN_BLOBS_CENTRES 6

bool gen_blobs(uint32_t seed, mat *X, mat *Y)
{
    if (!gen_shapes_ok(X, Y))
        return false;
    size_t m = X->cols;
    rng g;
    rng_seed(&g, seed);
    double cx[GEN_BLOBS_CENTRES], cy[GEN_BLOBS_CENTRES];
    for (int k = 0; k < GEN_BLOBS_CENTRES; k++) {
        cx[k] = 20.0 * rng_rand(&g) - 10.0;
        cy[k] = 20.0 * rng_rand(&g) - 10.0;
    }
    size_t i = 0;
    for (size_t k = 0; k < GEN_BLOBS_CENTRES; k++) {
        size_t count = m / GEN_BLOBS_CENTRES + (k < m % GEN_BLOBS_CENTRES ? 1 : 0);
        for (size_t c = 0; c < count; c++, i++) {
            double dx = rng_randn(&g), dy = rng_randn(&g);
            mat_set(X, 0, i, cx[k] + dx);
            mat_set(X, 1, i, cy[k] + dy);
            mat_set(Y, 0, i, (double)(k % 2));
        }
    }
    return true;
}

/*
 * quantiles: m points from a centred Gaussian with covariance 0.5·I, i.e.
 * sqrt(0.5)·randn per coordinate; the m/2 points nearest the origin (by x² + y²,
 * ties by index) get label 0, the rest label 1. The points keep their draw
 * order; only the labels come from the ranking.
 */
typedef struct gen_ranked {
    double r2;
    size_t index;
} gen_ranked;

static int gen_by_radius(const void *pa, const void *pb)
{
    const gen_ranked *a = pa, *b = pb;
    if (a->r2 != b->r2)
        return a->r2 < b->r2 ? -1 : 1;
    return a->index < b->index ? -1 : (a->index > b->index ? 1 : 0);
}

bool gen_quantiles(uint32_t seed, mat *X, mat *Y)
{
    if (!gen_shapes_ok(X, Y))
        return false;
    size_t m = X->cols;
    gen_ranked *rank = malloc(m * sizeof *rank);
    if (rank == NULL)
        return false;
    rng g;
    rng_seed(&g, seed);
    const double sd = sqrt(0.5);
    for (size_t i = 0; i < m; i++) {
        double x = rng_randn(&g) * sd, y = rng_randn(&g) * sd;
        mat_set(X, 0, i, x);
        mat_set(X, 1, i, y);
        rank[i].r2 = x * x + y * y;
        rank[i].index = i;
    }
    qsort(rank, m, sizeof *rank, gen_by_radius);
    for (size_t k = 0; k < m; k++)
        mat_set(Y, 0, rank[k].index, k < m / 2 ? 0.0 : 1.0);
    free(rank);
    return true;
}
