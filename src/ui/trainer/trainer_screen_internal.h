/*
 * trainer_screen_internal.h — the trainer screen's state, shared by
 * trainer_screen.c (keys, tick, caches) and trainer_view.c (drawing), and
 * reachable from the tests.
 *
 *   on_key ──► trainer (model) ──► asks the worker for fresh caches
 *   worker ──► trains; at a bounded rate, and when asked, copies the network
 *              under the lock and computes the caches (grid, unit maps, cost
 *              and accuracies, test ŷ) from the copy with the lock released
 *   tick   ──► a redraw when new caches arrived
 *   render ──► reads the model and the caches only (under the lock)
 */
#ifndef DNN_UI_TRAINER_SCREEN_INTERNAL_H
#define DNN_UI_TRAINER_SCREEN_INTERNAL_H

#include <pthread.h>
#include <stdatomic.h>

#include "../labs.h"
#include "../../lab/trainer.h"
#include "trainer_grid.h"

/* Resolution of the cached maps; the view stretches them to its cells. */
#define TS_GRID_W 128
#define TS_GRID_H 96
#define TS_UNIT_W 24
#define TS_UNIT_H 16
#define TS_UNIT_MAX 50
#define TS_SWEEP_W 48
#define TS_SWEEP_H 32
/* While training, each part of the caches is refreshed at most this often,
 * and less often when a refresh costs more than its share of that time (a
 * wide network), so training keeps most of the worker:
 *  - the maps every TS_MAPS_MS, at most 1/TS_MAPS_SHARE of the worker;
 *  - the status line's numbers every TS_NUMBERS_MS, less than a frame
 *    (UI_FRAME_MS), so that every frame can show a newer iteration with its
 *    cost and accuracies; at most 1/TS_NUMBERS_SHARE of the worker. The
 *    week-4 cat network's take ~3 ms (a forward pass over its 209 + 50
 *    pictures), so its status line moves at the frame rate too. */
#define TS_MAPS_MS 80.0
#define TS_NUMBERS_MS (0.8 * UI_FRAME_MS)
/* The longest measure of the numbers (cost, accuracy) the tick makes on the
 * UI thread once, when training stops with older numbers on screen (ms). */
#define TS_MEASURE_ONCE_MS 20.0
#define TS_MAPS_SHARE 10.0
#define TS_NUMBERS_SHARE 4.0
/* A band of the prediction map, or of a set's forward pass, computed
 * between two looks at whether the work is still wanted (multiply-adds):
 * a few ms, so q is never kept waiting; the cat network's sets (51 M and
 * 12 M) go whole, without copying their columns into bands. */
#define TS_BAND_MADDS 1e8
/* An iteration of at least this many multiply-adds (about a millisecond)
 * runs operation by operation, and lets go inside for a waiting key or a
 * due refresh; a smaller one always runs whole. */
#define TS_WIDE_MADDS 4e6
/* Iterations in the worker's first chunk; it doubles or halves from there
 * to take about a millisecond. */
#define TS_CHUNK_START 16

typedef enum ts_view { TS_VIEW_TRAIN, TS_VIEW_SWEEP, TS_VIEW_RATES } ts_view;

/* The paces `,` and `.` step through: 1, 10, 100, 1000 it/s, full speed. */
#define TS_PACE_COUNT 5
#define TS_PACE_FULL (TS_PACE_COUNT - 1)
/* p pauses at every multiple of this, as the notebooks print. */
#define TS_PAUSE_EVERY 1000

/* A new network bigger than this (trainer_plan_bytes) is built on a thread
 * of its own, so a key never waits for it: 2,1024,1024,1024,1 on planar is
 * ~90 MB and takes a few hundred ms; the course's cat network (~25 MB, most
 * of it the examples' scratch) builds in a few ms and stays inline. */
#define TS_BUILD_AWAY_BYTES ((size_t)32 << 20)

/* A change that needs a new network, for its note (trainer_change.c). */
typedef enum ts_change_kind {
    TS_CHANGE_ACTIVATION, /* a */
    TS_CHANGE_DATASET,    /* d */
    TS_CHANGE_SPLIT,      /* t */
    TS_CHANGE_HIDDEN,     /* ↑/↓ */
    TS_CHANGE_LAYERS,     /* e */
    TS_CHANGE_REINIT      /* r */
} ts_change_kind;
typedef struct ts_change {
    ts_change_kind kind;
    act_kind act;         /* ACTIVATION: the new one */
    int n_h;              /* HIDDEN: the new size */
    bool split_on;        /* SPLIT: a test set is turned on */
    char name[64];        /* DATASET: its name; LAYERS: the sizes as typed */
} ts_change;
/* A new network being built on its own thread (trainer_change.c). */
typedef struct ts_change_job ts_change_job;

/* R: a report being written on its own thread (trainer_report.c). */
typedef struct ts_report_job ts_report_job;

/* The worker's own copy of the network and its back buffers (trainer_refresh.c). */
typedef struct ts_shadow ts_shadow;

/* The two parts of a refresh, each on its own clock (a wide network's map
 * takes far longer than its cost and accuracies). */
#define TS_PART_MAPS 1u     /* the prediction map, the hidden-unit maps, the sweep's maps */
#define TS_PART_NUMBERS 2u  /* the status line's cost and accuracies, the test set's ŷ */
#define TS_PARTS (TS_PART_MAPS | TS_PART_NUMBERS)

/* The worker thread that trains and refreshes (trainer_worker.c).
 * Everything in the trainer_screen, the model included, is guarded by
 * `lock`, which the worker holds while it runs a chunk of about a
 * millisecond of iterations, and no longer than one matrix operation once
 * the UI thread announces itself in ui_waiting (trainer_run_pausing). A
 * refresh copies the parameters under the lock and computes with it
 * released. The worker starts at the first tick, so a screen that is only
 * rendered (the render tests) never trains behind their back. */
typedef struct ts_sync {
    pthread_mutex_t lock;
    pthread_cond_t wake;       /* signalled when there may be work again, or on quit */
    pthread_t thread;
    bool started;              /* the thread runs */
    bool failed;               /* pthread_create failed: the tick trains and refreshes inline instead */
    bool quit;
    bool refresh_wanted;       /* a key changed the model: refresh as soon as possible */
    bool refreshing;           /* the worker is computing caches (lock released meanwhile) */
    double started_ms[2];      /* per part (maps, numbers): mono clock (ms) when its last refresh began */
    double cost_ms[2];         /* per part: how long its last refresh computed (not its waits) */
    ts_shadow *shadow;         /* the worker's; freed by ts_sync_stop */
    atomic_int ui_waiting;
} ts_sync;

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
    long p_test_build, p_test_iterations; /* the network and iteration p_test is of (-1: none yet) */
    trainer_measure now;           /* iteration, cost and accuracies, all of one moment (ts_take_numbers) */
    long now_build;                /* trainer_builds of the network `now` was measured on; -1 before any */
    double measure_ms;             /* how long measuring `now` took: under 1 ms, the tick does it every frame */
    bool shadow_failed;            /* no memory for the worker's copy of the network: no fresh caches */
    long no_memory_noted;          /* trainer_builds when the note last said memory ran out (-1: never) */
    long shown_build;              /* trainer_builds of the network the caches show; -1 before the first */
    bool fresh;                    /* the worker brought new caches since the last tick */
    long sweep_gen;                /* counts sweep restarts: maps of an older sweep are dropped */

    /* speed: iterations per second over windows of ~0.5 s of ctx->now_ms */
    double rate;
    double rate_t0;
    long chunk;                    /* iterations per worker chunk (about 1 ms) */
    long rate_work0;               /* ts_work_count at rate_t0 */
    bool div_noted;                /* the note already explains the divergence */
    long stop_at;                  /* pause once at this many iterations (a lesson's run); 0 = never */
    /* the pace (trainer_pace.c) */
    int pace;                      /* index into 1, 10, 100, 1000 it/s, full speed (TS_PACE_FULL) */
    double pace_t0;                /* ctx->now_ms-like clock (mono_seconds, in ms) when the pace was last restarted */
    long pace_done;                /* iterations run since pace_t0 */
    long pause_every;              /* p: pause at every multiple of this (1000), 0 = never */
    double flat_armed;             /* the last marker's clock when training paused on a flat cost (NAN: armed) */
    bool stop_lesson;              /* stop_at is a lesson's run length (else --iterations) */
    ts_sync *sync;

    /* the note line, in both languages; warn = drawn as a warning */
    char note_en[512];
    char note_zh[512];
    bool note_warn;

    /* e: the layer-sizes input line */
    bool editing;
    char input[64];

    ts_report_job *report;         /* R: the report being written, NULL when none */
    ts_change_job *change;         /* a new network being built, NULL when none */
    bool step_wanted;              /* s on a wide network: the worker runs one iteration (lock held to read) */
    bool step_done;                /* … and has run it: the tick notes it */
    long step_build;               /* trainer_builds when s was pressed: a newer network is not stepped */

    /* What the key table's `when`s ask of the model, copied under the lock
     * after every key, tick and refresh (ts_take_facts), so the key bar is
     * drawn without taking the lock. */
    struct {
        bool running;  /* training (space pauses) */
        bool single;   /* one hidden layer (↑/↓ change it) */
        bool maps;     /* 2-D input and a hidden layer (w draws unit maps) */
        bool plane;    /* 2-D input (t toggles a test set) */
    } facts;
} trainer_screen;

/* The screen's model. */
trainer *trainer_screen_model(ui_screen *s);
/* Recomputes every cache now (the tests call it after driving the model).
 * Takes the lock. */
void trainer_screen_refresh(ui_screen *s, const ui_ctx *ctx);

/* trainer_worker.c */
/* Lock / unlock the screen against the worker (unlock also wakes it). */
void ts_lock(const trainer_screen *ts);
void ts_unlock(const trainer_screen *ts);
/* A new sync block, or NULL on failure; ts_sync_stop joins the worker and frees it. */
ts_sync *ts_sync_new(void);
void ts_sync_stop(trainer_screen *ts);
/* The tick: starts the worker once, notes a divergence, measures it/s,
 * redraws when the worker brought new caches. Lock held inside. */
unsigned ts_tick(ui_screen *s, double budget_ms, ui_ctx *ctx);
/* After a change to the model: the caches are to be refreshed as soon as
 * possible (by the worker; at the next tick without one). Lock held. */
void ts_want_refresh(trainer_screen *ts);
/* The parts (TS_PART_*) due at mono time now_ms: all when asked for, else
 * while training (busy) each whose interval passed — TS_MAPS_MS or
 * TS_NUMBERS_MS, or its share (TS_MAPS_SHARE, TS_NUMBERS_SHARE) × what it
 * cost last time when that is longer; the numbers only when the live
 * network moved since they were measured (the sweep and the comparison
 * leave it alone). Lock held. */
unsigned ts_parts_due(const trainer_screen *ts, double now_ms, bool busy);
/* s: on a wide network (an iteration of TS_WIDE_MADDS or more) with a
 * worker, asks the worker for one iteration (ts_note_step when it is done)
 * and returns true; false: the caller runs it. Lock held. */
bool ts_step_away(trainer_screen *ts);
/* A refresh is asked for or being computed (the screen keeps ticking). Lock held. */
bool ts_refresh_pending(const trainer_screen *ts);

/* trainer_refresh.c */
/* The worker's refresh of `parts`: copies the network under the lock,
 * computes those caches from the copy with the lock released, swaps them
 * in when the network is still the same build. Lock held on entry and exit. */
void ts_refresh_async(trainer_screen *ts, unsigned parts);
void ts_shadow_free(ts_shadow *sh);
/* Takes m, measured on network `build` in measure_ms, as the status line's
 * numbers, unless they already show a later iteration of that same network
 * (a worker's refresh, computed off the lock, can finish after the tick
 * measured a newer one): the iteration shown never goes back. True when
 * taken. Lock held. */
bool ts_take_numbers(trainer_screen *ts, const trainer_measure *m, long build, double measure_ms);
/* The numbers shown are of the network as it is now (its build, its
 * iteration): nothing to measure until it trains on or changes. Lock held. */
bool ts_numbers_current(const trainer_screen *ts);
/* Copies ts->facts from the model; lock held. */
void ts_take_facts(trainer_screen *ts);
/* trainer_screen_refresh with the lock already held: every cache computed
 * now, on this thread, from the live network. */
void ts_refresh_locked(trainer_screen *ts, const ui_ctx *ctx);
/* Whether there is training (or sweep) work for the worker; lock held. */
bool ts_busy(const trainer_screen *ts);

/* trainer_notes.c (lock held) */
void ts_note(trainer_screen *ts, bool warn, const char *en, const char *zh);
/* One note in both languages from one argument list: en_fmt and zh_fmt
 * each consume every argument, in order (a side that does not show one
 * skips it with %.0s; only en_fmt is checked by the compiler). */
void ts_notef(trainer_screen *ts, bool warn, const char *en_fmt, const char *zh_fmt, ...)
    __attribute__((format(printf, 3, 5)));
/* "WHAT: network rebuilt, fresh weights …; iterations count from 0.", WHAT
 * formatted from what_en / what_zh as ts_notef does. */
void ts_note_rebuilt(trainer_screen *ts, const char *what_en, const char *what_zh, ...)
    __attribute__((format(printf, 2, 4)));
void ts_note_divergence(trainer_screen *ts);
/* After s: "One iteration: now N", or why there was none (a divergence). */
void ts_note_step(trainer_screen *ts);
/* The note when training pauses at stop_at. */
void ts_note_stopped(trainer_screen *ts);
/* The opening note: what trains, and which defaults the deep rule chose
 * (`chose`, runspec_deep_defaults' bits). */
void ts_note_opening(trainer_screen *ts, unsigned chose);
void ts_init_words(const trainer *t, char *en, size_t en_size, char *zh, size_t zh_size);
/* "ReLU, randn/sqrt(n[l-1]), lr 0.0075": the week 4 defaults whose
 * RUNSPEC_GIVEN bits are in `chose` (runspec_deep_defaults), in both
 * languages; empty when chose is 0. */
void ts_deep_default_words(unsigned chose, char *en, size_t en_size, char *zh, size_t zh_size);

/* trainer_pace.c (lock held) */
/* The pace in it/s, 0 for full speed. */
double ts_pace_rate(const trainer_screen *ts);
/* Counting starts again now (after a pause, a new pace): no burst to catch up. */
void ts_pace_restart(trainer_screen *ts, double now_ms);
/* One pace slower (dir < 0) or faster; false at either end. */
bool ts_pace_step(trainer_screen *ts, int dir, double now_ms);
/* How many of `want` iterations the live network may run now: up to the
 * next stop (stop_at, a multiple of pause_every) and what the pace allows.
 * 0 with *wait_ms > 0: the next iteration is due that much later. */
long ts_pace_allow(const trainer_screen *ts, long want, double now_ms, double *wait_ms);
/* After the live network ran `ran` iterations: counts them for the pace and
 * pauses, with a note, at stop_at, at a multiple of pause_every, or when the
 * cost went flat (once until the next marker). */
void ts_pace_ran(trainer_screen *ts, long ran);
/* "pace 10 it/s" / "full speed", in both languages. */
void ts_pace_words(const trainer_screen *ts, char *en, size_t en_size, char *zh, size_t zh_size);

/* trainer_report.c (the key R) */
/* The run_spec of the run on screen, for its report: the current settings
 * (with z's zero init and the split the trainer adds), iterations = those
 * done on this network, at least 1. */
void ts_report_spec(const trainer *t, run_spec *out);
/* The absolute path of a new file in the current directory,
 * <cwd>/dnn-tutor-report-YYYYMMDD-HHMMSS.md (local time; -2, -3, … when
 * taken), so the note can say where it is; false when none fits or is free. */
bool ts_report_path(char *buf, size_t size);
/* Starts writing the report of the run on screen into the current
 * directory, in ctx->lang, on a thread; notes it. One at a time. Lock held. */
void ts_report_start(trainer_screen *ts, const ui_ctx *ctx);
/* If the report is done: joins its thread, notes "Report written to PATH"
 * or the error, returns true. Lock held. */
bool ts_report_poll(trainer_screen *ts);
/* A report is being written (the tick keeps polling). */
bool ts_report_busy(const trainer_screen *ts);
/* Cancels a report still being written and waits for its thread (it stops
 * at its next training iteration and leaves no file). */
void ts_report_stop(trainer_screen *ts);

/* trainer_change.c (lock held) */
/* Applies plan p for change c: built and applied now when small or without
 * a worker, else built on a thread with a note saying so (ts_change_poll
 * applies it). Takes p; notes the result; returns the screen's reaction. */
unsigned ts_change_start(trainer_screen *ts, trainer_plan *p, const ts_change *c, ui_ctx *ctx);
/* The tick: applies a build that has finished, with its note; true then. */
bool ts_change_poll(trainer_screen *ts);
/* A build is running (the tick keeps polling). */
bool ts_change_busy(const trainer_screen *ts);
/* A key that changes the network while a build runs: notes why it waits, true. */
bool ts_change_refuses(trainer_screen *ts);
/* Leaving the screen: a running build is left to free itself (no wait). */
void ts_change_stop(trainer_screen *ts);

/* trainer_screen.c: the reaction after a change to the model (redraw,
 * fresh caches, ticks while there is work). Lock held. */
unsigned ts_after(trainer_screen *ts, ui_ctx *ctx);

/* trainer_compare.c: the sweep (S) and the learning-rate comparison (c),
 * their keys (lock held) and the comparison's drawing. */
void ts_drop_sweep_maps(trainer_screen *ts);
void ts_start_sweep(trainer_screen *ts);
unsigned ts_act_sweep(ui_screen *s, ui_key key, ui_ctx *ctx);
unsigned ts_act_sweep_again(ui_screen *s, ui_key key, ui_ctx *ctx);
unsigned ts_act_sweep_back(ui_screen *s, ui_key key, ui_ctx *ctx);
unsigned ts_act_rates(ui_screen *s, ui_key key, ui_ctx *ctx);
unsigned ts_act_rates_back(ui_screen *s, ui_key key, ui_ctx *ctx);
void trainer_rates_render(const trainer_screen *ts, ui_canvas *c, ui_rect area, const ui_ctx *ctx);
void trainer_rates_status(const trainer_screen *ts, const ui_ctx *ctx, char *buf, size_t size);

/* trainer_view.c */
void trainer_view_render(const trainer_screen *ts, ui_canvas *c, ui_rect body, const ui_ctx *ctx);
/* The status line's text (fixed tokens) into buf. */
void trainer_view_status(const trainer_screen *ts, const ui_ctx *ctx, char *buf, size_t size);
/* The help text. */
const char *trainer_view_help(const trainer_screen *ts, const ui_ctx *ctx);

#endif
