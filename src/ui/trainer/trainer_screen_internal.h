/*
 * trainer_screen_internal.h — the trainer screen's state, shared by
 * trainer_screen.c (keys, tick, caches) and trainer_view.c (drawing), and
 * reachable from the tests.
 *
 *   on_key / tick ──► trainer (model) ──► refresh caches at a bounded rate
 *                                         (grid, unit maps, accuracies, test ŷ)
 *   render ──► reads the model and the caches only
 */
#ifndef DNN_UI_TRAINER_SCREEN_INTERNAL_H
#define DNN_UI_TRAINER_SCREEN_INTERNAL_H

#include "../labs.h"
#include "trainer.h"
#include "trainer_grid.h"

/* Resolution of the cached maps; the view stretches them to its cells. */
#define TS_GRID_W 128
#define TS_GRID_H 96
#define TS_UNIT_W 24
#define TS_UNIT_H 16
#define TS_UNIT_MAX 50
#define TS_SWEEP_W 48
#define TS_SWEEP_H 32
/* The caches are refreshed at most this often while training. */
#define TS_REFRESH_MS 100.0

typedef enum ts_view { TS_VIEW_TRAIN, TS_VIEW_SWEEP } ts_view;

typedef struct trainer_screen {
    ui_screen base;
    ui_lab_kind kind;
    trainer *model;
    ts_view view;
    bool log_y;        /* l: log-scale cost axis */
    bool unit_maps;    /* w: the hidden-unit panel shows each unit's output over the plane */

    /* caches, refreshed by ts_refresh */
    trainer_grid *grid;
    trainer_grid *unit_grid;
    float *unit_p;                 /* TS_UNIT_MAX maps of TS_UNIT_W × TS_UNIT_H */
    int unit_n;
    trainer_grid *sweep_grid;
    float *sweep_p[TRAINER_SWEEP_COUNT];  /* TS_SWEEP_W × TS_SWEEP_H each, NULL until that size is done */
    double *p_test;                /* ŷ of each test example (deep view gallery) */
    size_t p_test_n;
    double acc_train, acc_test;
    bool dirty;                    /* a change the caches do not show yet */
    double refreshed_ms;           /* ctx->now_ms of the last refresh */
    double refresh_cost_ms;        /* how long the last refresh took */

    /* speed: iterations per second over windows of ~0.5 s of ctx->now_ms */
    double rate;
    double rate_t0;
    long rate_clock0;
    long chunk;                    /* iterations between clock checks in tick */

    /* the note line, in both languages; warn = drawn as a warning */
    char note_en[512];
    char note_zh[512];
    bool note_warn;

    /* e: the layer-sizes input line */
    bool editing;
    char input[64];
} trainer_screen;

/* The screen's model. */
trainer *trainer_screen_model(ui_screen *s);
/* Recomputes every cache now (the tests call it after driving the model). */
void trainer_screen_refresh(ui_screen *s, const ui_ctx *ctx);

/* trainer_view.c */
void trainer_view_render(const trainer_screen *ts, ui_canvas *c, ui_rect body, const ui_ctx *ctx);
/* The status line's text (fixed tokens) into buf. */
void trainer_view_status(const trainer_screen *ts, const ui_ctx *ctx, char *buf, size_t size);
/* The help text. */
const char *trainer_view_help(const trainer_screen *ts, const ui_ctx *ctx);

#endif
