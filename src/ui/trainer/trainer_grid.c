/*
 * trainer_grid.c — predictions over the plane (trainer_grid.h).
 */
#include "trainer_grid.h"

#include <math.h>
#include <stdlib.h>

trainer_grid *trainer_grid_new(int w, int h)
{
    if (w < 1 || h < 1)
        return NULL;
    trainer_grid *g = calloc(1, sizeof *g);
    if (!g)
        return NULL;
    g->w = w;
    g->h = h;
    size_t k = (size_t)w * (size_t)h;
    g->X = mat_new(2, k);
    g->P = mat_new(1, k);
    g->p = malloc(k * sizeof *g->p);
    if (!g->X || !g->P || !g->p) {
        trainer_grid_free(g);
        return NULL;
    }
    for (size_t i = 0; i < k; i++)
        g->p[i] = NAN;
    return g;
}

void trainer_grid_free(trainer_grid *g)
{
    if (!g)
        return;
    mat_free(g->X);
    mat_free(g->P);
    free(g->p);
    free(g);
}

/* Writes the pixel centres of the window into g->X. */
void trainer_grid_place(trainer_grid *g, const double lo[2], const double hi[2])
{
    for (int i = 0; i < 2; i++) {
        g->lo[i] = lo[i];
        g->hi[i] = hi[i];
    }
    double dx = (hi[0] - lo[0]) / g->w, dy = (hi[1] - lo[1]) / g->h;
    size_t k = 0;
    for (int j = 0; j < g->h; j++)
        for (int i = 0; i < g->w; i++, k++) {
            mat_set(g->X, 0, k, lo[0] + (i + 0.5) * dx);
            mat_set(g->X, 1, k, hi[1] - (j + 0.5) * dy);
        }
}

bool trainer_grid_predict(trainer_grid *g, const nn_net *net, const double lo[2], const double hi[2])
{
    size_t k = (size_t)g->w * (size_t)g->h;
    bool ok = nn_dim(net, 0) == 2;
    if (ok) {
        trainer_grid_place(g, lo, hi);
        ok = nn_predict_proba(net, g->X, g->P) == NN_OK && mat_all_finite(g->P);
    }
    for (size_t i = 0; i < k; i++)
        g->p[i] = ok ? (float)g->P->v[i] : NAN;
    return ok;
}

bool trainer_grid_predict_rows(trainer_grid *g, const nn_net *net, int row, int rows)
{
    if (row < 0 || rows < 1 || row >= g->h)
        return false;
    if (row + rows > g->h)
        rows = g->h - row;
    const size_t w = (size_t)g->w, k = w * (size_t)rows, at = w * (size_t)row;
    bool ok = nn_dim(net, 0) == 2;
    mat *X = ok ? mat_new(2, k) : NULL, *P = ok ? mat_new(1, k) : NULL;
    if (X && P) {
        for (size_t i = 0; i < k; i++) {
            mat_set(X, 0, i, mat_get(g->X, 0, at + i));
            mat_set(X, 1, i, mat_get(g->X, 1, at + i));
        }
        ok = nn_predict_proba(net, X, P) == NN_OK && mat_all_finite(P);
    } else {
        ok = false;
    }
    for (size_t i = 0; i < k; i++)
        g->p[at + i] = ok ? (float)P->v[i] : NAN;
    mat_free(X);
    mat_free(P);
    return ok;
}

int trainer_grid_band_rows(const trainer_grid *g, const nn_net *net, double madds)
{
    double per_point = 0;
    for (int l = 1; l <= nn_layers(net); l++)
        per_point += (double)nn_dim(net, l) * (double)nn_dim(net, l - 1);
    double rows = madds / (per_point * g->w);
    return rows >= g->h ? g->h : rows < 1 ? 1 : (int)rows;
}

int trainer_grid_units(trainer_grid *g, const nn_net *net, const double lo[2], const double hi[2],
                       float *out, int units)
{
    if (nn_dim(net, 0) != 2 || nn_layers(net) < 2 || units < 1)
        return 0;
    const mat *W = nn_value_of(net, NN_W, 1), *b = nn_value_of(net, NN_B, 1);
    if (!W || !b)
        return 0;
    int n = nn_dim(net, 1) < units ? nn_dim(net, 1) : units;
    size_t k = (size_t)g->w * (size_t)g->h;
    trainer_grid_place(g, lo, hi);
    mat *Z = mat_new((size_t)nn_dim(net, 1), k);
    if (!Z)
        return 0;
    /* Z[1] = W[1]·X + b[1], A[1] = g(Z[1]) over the grid's points. */
    mat_mul(Z, W, g->X);
    mat_add_col(Z, b);
    act_kind act = nn_activation(net, 1);
    act_forward(act, Z, Z);
    double scale = 1.0;
    if (act == ACT_RELU || act == ACT_LEAKY_RELU) {
        double big = 0.0;
        for (size_t i = 0; i < (size_t)n * k; i++)
            if (fabs(Z->v[i]) > big)
                big = fabs(Z->v[i]);
        scale = big > 0.0 ? 1.0 / big : 1.0;
    }
    for (int u = 0; u < n; u++)
        for (size_t i = 0; i < k; i++) {
            double a = mat_get(Z, (size_t)u, i), v;
            if (act == ACT_TANH)
                v = (a + 1.0) / 2.0;
            else if (act == ACT_SIGMOID)
                v = a;
            else
                v = a * scale;
            out[(size_t)u * k + i] = isfinite(v) ? (float)(v < 0 ? 0 : v > 1 ? 1 : v) : NAN;
        }
    mat_free(Z);
    return n;
}
