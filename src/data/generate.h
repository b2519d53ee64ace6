/*
 * generate.h — the seeded 2-D toy data sets of course 1 (week 3), made with
 * numpy's random stream (core/rng.h) so that a seed gives the same points
 * every time — and, for "planar" with seed 1, the course's own points.
 *
 *   name        what                                         labels
 *   planar      the "flower": 2 petal classes, a = 4         0 | 1, 200 each
 *   circles     noisy circles, inner radius 0.5, noise 0.3   0 outer | 1 inner
 *   moons       two interleaved half moons, noise 0.2        0 upper | 1 lower
 *   blobs       6 Gaussian blobs, label = blob index mod 2   0 | 1
 *   quantiles   one Gaussian cloud split at its median radius 0 inside | 1 outside
 *
 * Every generator fills X (2, m) and Y (1, m) that the caller allocated;
 * m = X->cols. Points come class by class (not shuffled), like the course's
 * planar set; full-batch gradient descent does not care, and a train/test
 * split shuffles anyway.
 */
#ifndef DNN_DATA_GENERATE_H
#define DNN_DATA_GENERATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/matrix.h"

typedef enum gen_kind {
    GEN_PLANAR,
    GEN_CIRCLES,
    GEN_MOONS,
    GEN_BLOBS,
    GEN_QUANTILES,
    GEN_COUNT
} gen_kind;

/* The number of examples each generated set has (the course's m = 400). */
#define GEN_DEFAULT_M 400

/* "planar", "circles", "moons", "blobs", "quantiles"; NULL for a bad kind. */
const char *gen_name(gen_kind kind);
/* The kind for a name above; false (out untouched) when unknown. */
bool gen_parse(const char *name, gen_kind *out);

/* numpy.linspace(start, stop, n, endpoint): step = (stop − start)/(n − 1)
 * (or /n without the endpoint), out[k] = k·step + start, and with the
 * endpoint the last element is exactly stop. n = 1 gives {start}. */
void gen_linspace(double start, double stop, size_t n, bool endpoint, double *out);

/* Fills X (2, m) and Y (1, m) with the data set `kind` drawn from
 * np.random.seed(seed). Returns false (X, Y untouched) when the shapes do
 * not match, m < 2, m is odd for planar, or memory for scratch runs out. */
bool gen_make(gen_kind kind, uint32_t seed, mat *X, mat *Y);

/* The individual generators, same contract as gen_make. */
bool gen_planar(uint32_t seed, mat *X, mat *Y);
bool gen_circles(uint32_t seed, mat *X, mat *Y);
bool gen_moons(uint32_t seed, mat *X, mat *Y);
bool gen_blobs(uint32_t seed, mat *X, mat *Y);
bool gen_quantiles(uint32_t seed, mat *X, mat *Y);

#endif
