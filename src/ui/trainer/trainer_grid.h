/*
 * trainer_grid.h — what a network predicts over the plane of a 2-D data set,
 * for the decision-region map and the hidden-unit maps. Pure computation.
 *
 *   pixel (i, j) of a w×h grid, row 0 at the top, is the point
 *     x1 = lo[0] + (i + ½)·(hi[0] − lo[0])/w      x2 = hi[1] − (j + ½)·(hi[1] − lo[1])/h
 *   and its value is ŷ = A[L] there (trainer_grid_predict), or one hidden
 *   unit's activation a[1]_k there, scaled into 0 … 1 (trainer_grid_units).
 */
#ifndef DNN_UI_TRAINER_GRID_H
#define DNN_UI_TRAINER_GRID_H

#include <stdbool.h>

#include "../../core/network.h"

typedef struct trainer_grid {
    int w, h;
    double lo[2], hi[2];
    mat *X;     /* (2, w·h) pixel centres */
    mat *P;     /* (1, w·h) scratch for the prediction */
    float *p;   /* w·h values in 0 … 1, row 0 at the top; NAN before the first prediction */
} trainer_grid;

/* A grid of w×h pixels (each ≥ 1), or NULL on no memory. */
trainer_grid *trainer_grid_new(int w, int h);
void trainer_grid_free(trainer_grid *g);

/* Fills g->p with ŷ over the window lo … hi for a network with 2 inputs.
 * False (g->p set to NAN) when the network does not take 2 inputs or its
 * prediction is not finite. */
bool trainer_grid_predict(trainer_grid *g, const nn_net *net, const double lo[2], const double hi[2]);

/* The same, a band of rows at a time, so a wide network's map can be
 * computed in pieces that each take a bounded time and memory:
 * trainer_grid_place sets the window, then trainer_grid_predict_rows fills
 * rows [row, row + rows) of g->p (NAN there, and false, when the network
 * does not take 2 inputs, memory runs out or ŷ is not finite). */
void trainer_grid_place(trainer_grid *g, const double lo[2], const double hi[2]);
bool trainer_grid_predict_rows(trainer_grid *g, const nn_net *net, int row, int rows);
/* Rows per band so that a band costs about `madds` multiply-adds of net's
 * forward pass (at least 1, at most g->h). */
int trainer_grid_band_rows(const trainer_grid *g, const nn_net *net, double madds);

/* The first hidden layer's units over the window: out receives
 * min(units, n[1]) maps of g->w·g->h values each (unit k at out + k·w·h),
 * a[1]_k mapped into 0 … 1: (a+1)/2 for tanh, a for sigmoid, and for relu and
 * leaky relu a divided by the largest |a| of all maps, so identical units
 * give identical maps. Returns the maps written (0 on error / no hidden layer). */
int trainer_grid_units(trainer_grid *g, const nn_net *net, const double lo[2], const double hi[2],
                       float *out, int units);

#endif
