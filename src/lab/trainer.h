/*
 * trainer.h — the live trainer's model: a data set, a network, the settings
 * a learner changes while it trains, the cost history with markers, the
 * divergence watch and the hidden-size sweep. Pure: no drawing, no clock,
 * no text in the learner's language (the screen turns events into words).
 *
 *   trainer_run(t, n) ──► nn_iterate × n ──► every `cost_every` iterations:
 *        record (clock, J) ──► divergence watch ──► state DIVERGED (paused)
 *
 * Two iteration counters:
 *   - trainer_iterations: updates of the CURRENT network. A setting that
 *     builds a new network (hidden units, layers, activation, data set,
 *     r, z) starts it again at 0 — like the course, whose "Cost after
 *     iteration i" always counts from fresh weights. A new learning rate
 *     keeps the network, and so keeps counting.
 *   - trainer_clock: every iteration run in this trainer, never reset. The
 *     cost curve is drawn against it, so the curve from before a change stays
 *     on screen left of a marker at the change.
 *
 * The learning rate survives every rebuild (it is a setting, not a weight).
 * It lives in the trainer's run (run.h's run_loop), not in its spec.
 *
 * Training is run.h's run_loop: trainer_run steps it, and the trainer's
 * history and divergence watch hang on its cost hook.
 *
 * Ownership: trainer_new returns a trainer freed with trainer_free. Pointers
 * the getters return belong to the trainer; they stay valid until the next
 * call that changes the trainer (run, set_*, reinit, sweep_*).
 */
#ifndef DNN_UI_TRAINER_TRAINER_H
#define DNN_UI_TRAINER_TRAINER_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/network.h"
#include "../data/runspec.h"
#include "course.h"

typedef struct trainer trainer;

/* The data a trainer trains on. X_test / Y_test are NULL without a split;
 * image_side is 8 for the digits (a column of X is an 8×8 image), else 0.
 * A data set that is not 2-D and has no test_split in the spec gets the
 * data layer's suggested split (digits: 0.2), so a test accuracy exists. */
typedef struct trainer_data {
    mat *X, *Y;
    mat *X_test, *Y_test;
    int image_side;
    double lo[2], hi[2];        /* 2-D sets: the plot window (min − 1 … max + 1) */
    struct dataset *ds;         /* everything else the data layer knows */
} trainer_data;

typedef enum trainer_state {
    TRAINER_RUNNING,
    TRAINER_PAUSED,
    TRAINER_DIVERGED   /* paused by the divergence watch; see trainer_divergence */
} trainer_state;

typedef enum trainer_divergence {
    TRAINER_DIV_NONE,
    TRAINER_DIV_NONFINITE,  /* a parameter became NaN or ±inf (the core said NN_DIVERGED) */
    TRAINER_DIV_SATURATED,  /* the weights are finite but an output is σ = 1.0 (or 0.0) on a point of
                               the other class: log(0) made the cost infinite (trainer_saturation) */
    TRAINER_DIV_GROWING     /* the cost grew to TRAINER_WATCH_RATIO × where it stood (TRAINER_WATCH) */
} trainer_divergence;

/* What a marker on the cost curve stands for. */
typedef enum trainer_change {
    TRAINER_CHANGE_LR,
    TRAINER_CHANGE_HIDDEN,
    TRAINER_CHANGE_LAYERS,
    TRAINER_CHANGE_ACTIVATION,
    TRAINER_CHANGE_DATASET,
    TRAINER_CHANGE_REINIT,
    TRAINER_CHANGE_ZERO_INIT
} trainer_change;

typedef struct trainer_marker {
    double clock;          /* trainer_clock when the change happened */
    trainer_change what;
} trainer_marker;

/* Recorded cost points kept; past it, every other point is dropped and the
 * recording interval doubles, so a long run keeps its whole shape. */
#define TRAINER_HISTORY_MAX 4096
#define TRAINER_MARKERS_MAX 256
/* The cost is computed (it does not change training) every this many
 * iterations at first. */
#define TRAINER_COST_EVERY 10
/* The divergence watch: this many recorded costs in a row (since the last
 * setting change), each above the first cost recorded since the change and
 * on average above TRAINER_WATCH_RATIO × it. A small rise after a change, or a noisy plateau, is not
 * divergence. */
#define TRAINER_WATCH 8
#define TRAINER_WATCH_RATIO 2.0
#define TRAINER_HIDDEN_MIN 1
#define TRAINER_HIDDEN_MAX 50

/* A trainer for spec (data set, layers, activation, init, seed, lr).
 * spec->iterations is ignored: the trainer runs until paused. NULL with a
 * one-line reason in err for an unknown data set, a CSV that does not load,
 * a config the core refuses, or no memory. */
trainer *trainer_new(const run_spec *spec, char *err, size_t err_size);
void trainer_free(trainer *t);

/* How the current network was built (dataset, hidden/layers, activation,
 * init, seed). Its lr is the rate the trainer started with: the live rate is
 * trainer_lr, which lives in the trainer's run, not in a spec. */
const run_spec *trainer_spec(const trainer *t);
const trainer_data *trainer_data_of(const trainer *t);
const nn_net *trainer_net(const trainer *t);
/* The network itself, for tests and hand-made experiments (a NaN in a weight). */
nn_net *trainer_net_mut(trainer *t);
/* True when the network has one hidden layer (the week-3 shape; ↑/↓ apply). */
bool trainer_single_hidden(const trainer *t);

/* Updates done on the current network (a rebuild or re-init starts at 0). */
long trainer_iterations(const trainer *t);
/* Updates done since trainer_new on every network: the cost history's x
 * axis, which goes on across rebuilds (the markers say where they were). */
long trainer_clock(const trainer *t);
/* Counts the starts of fresh weights (trainer_new, every rebuild, data set,
 * r and z): a copy of the network made at another count is of another
 * network. */
long trainer_builds(const trainer *t);
/* The most recently recorded cost J (NAN before any): a sample of the cost
 * curve, up to trainer_cost_every iterations old. What a status line shows is
 * trainer_measure's. */
double trainer_cost(const trainer *t);

/* The numbers of the network as it is now, all at the same iteration. */
typedef struct trainer_measure {
    long iterations;       /* trainer_iterations */
    double cost;           /* J of the current weights on the training data (+inf when saturated) */
    double acc_train;      /* percent; NAN when a parameter is not finite */
    double acc_test;       /* percent; NAN without a test set */
} trainer_measure;
/* Measures the current network (a forward pass over the training data, and
 * one over each split for the accuracies; a second call at the same
 * iteration reuses the cost). Part-way through an iteration
 * (trainer_mid_iteration) the cost is not computed (the caches belong to
 * the iteration): the one already known, or NAN. */
void trainer_measure_now(trainer *t, trainer_measure *out);
/* The same numbers for `copy`, a network of the trainer's config holding a
 * copy of its parameters (bound or not: only forward passes over d's sets
 * run, the caches are left alone), one pass per set: what a screen
 * measures off its lock while the trainer trains on. nonfinite: the
 * trainer diverged with non-finite values (the accuracies are NAN then, as
 * trainer_measure_now gives them). out->iterations is copy's own count.
 * *p_test (when p_test is not NULL) receives ŷ of the test set, (1, m_test),
 * the caller's to mat_free, or NULL without a test set or when nonfinite.
 * band > 0: the passes run `band` examples at a time (the same numbers),
 * and go (when not NULL) is asked between bands whether to go on; when it
 * says no, the numbers not measured yet stay NAN. False when memory ran
 * out for a forward pass (its numbers are NAN). */
typedef struct trainer_go_on {
    bool (*fn)(void *user);
    void *user;
} trainer_go_on;
bool trainer_measure_copy(const trainer_data *d, const nn_net *copy, bool nonfinite, trainer_measure *out,
                          mat **p_test, size_t band, const trainer_go_on *go);

/* The data set stays alive while held: trainer_data_hold takes a reference
 * to trainer_data_of's result (valid on any thread until released), and
 * trainer_data_release drops it; the trainer drops its own when it loads
 * another data set or is freed. */
const trainer_data *trainer_data_hold(const trainer_data *d);
void trainer_data_release(const trainer_data *d);

/* The cost has stopped changing: the recorded costs since the last change or
 * resume, from the newest back over at least TRAINER_FLAT_SPAN iterations
 * and at least TRAINER_FLAT_POINTS of them, stayed within TRAINER_FLAT_REL
 * of the newest. A long run's history is thinned (one cost every 10240
 * iterations past about 21 M), so the band then reaches further back than
 * TRAINER_FLAT_SPAN rather than judging from one cost. The screen pauses
 * there, so a trainer left alone does not spin for ever on a curve that went
 * flat. */
#define TRAINER_FLAT_SPAN 10000
#define TRAINER_FLAT_POINTS 10
#define TRAINER_FLAT_REL 1e-4
bool trainer_cost_flat(const trainer *t);

/* After TRAINER_DIV_SATURATED: how many outputs are certain and wrong, and
 * the first one's σ (1.0 on a point labelled 0, or 0.0 on one labelled 1).
 * 0 and NAN otherwise. */
int trainer_saturation(const trainer *t, double *sigma);

double trainer_lr(const trainer *t);
trainer_state trainer_state_of(const trainer *t);
trainer_divergence trainer_divergence_of(const trainer *t);

/* Runs up to n iterations of gradient descent whatever the state (so a paused
 * trainer can be stepped), stopping early when the watch sees divergence
 * (the state becomes TRAINER_DIVERGED). A trainer diverged with non-finite
 * values or a saturated output runs nothing until it is re-initialised or
 * rebuilt. Returns the iterations run. */
long trainer_run(trainer *t, long n);
/* trainer_run, one matrix operation at a time: pause(user) is polled after
 * every operation, and when it returns true the run ends part-way through
 * an iteration (not counted); the next trainer_run or trainer_run_pausing
 * finishes it first. Parameters change only at an iteration's end. For a
 * thread that trains under a lock another thread waits for. */
long trainer_run_pausing(trainer *t, long n, bool (*pause)(void *user), void *user);
/* An iteration is part-way (trainer_run_pausing paused it). */
bool trainer_mid_iteration(const trainer *t);
/* Pause or resume. Resuming a TRAINER_DIV_GROWING trainer clears the
 * divergence (the learner chose to go on); a TRAINER_DIV_NONFINITE or
 * TRAINER_DIV_SATURATED one stays diverged (false is returned). */
bool trainer_set_paused(trainer *t, bool paused);

/* The learning-rate ladder, 0.0001 … 100 with the course's 1.2 (and rates
 * at the top that make the course network diverge); returns its
 * length and stores the rungs (ascending) in *rungs. */
size_t trainer_lr_ladder(const double **rungs);
/* The next rung strictly above (dir > 0) or below (dir < 0) lr; lr itself
 * when there is none. A rate between rungs moves to the neighbouring rung. */
double trainer_lr_neighbour(double lr, int dir);
/* Moves the rate one rung; the network and the iteration count are kept and
 * a marker is recorded. False (nothing changed) at either end. */
bool trainer_step_lr(trainer *t, int dir);

/* Rebuilds the network with n_h hidden units (TRAINER_HIDDEN_MIN … MAX):
 * fresh weights from the current init and seed, iteration count 0, a marker.
 * False with a reason in err outside the range or when the core refuses. */
bool trainer_set_hidden(trainer *t, int n_h, char *err, size_t err_size);
/* Rebuilds with layer sizes n[1] … n[L] (the last must be 1). Two or more
 * hidden layers get week 4's defaults (runspec_deep_defaults: ReLU,
 * randn/√n[l−1], lr 0.0075) for what the learner has not given or chosen
 * (trainer_step_lr and trainer_set_activation count as choosing); *chose
 * (may be NULL) receives their RUNSPEC_GIVEN bits, 0 when none applied. */
bool trainer_set_layers(trainer *t, const int *layers, int count, unsigned *chose, char *err, size_t err_size);
/* Rebuilds with activation k on every hidden layer (from now on a given
 * activation: a later deep rebuild keeps it). */
bool trainer_set_activation(trainer *t, act_kind k, char *err, size_t err_size);
/* The next in the cycle tanh → relu → leaky-relu → sigmoid → tanh. */
act_kind trainer_next_activation(act_kind k);
/* Loads another data set and rebuilds. On failure the old data and network stay. */
bool trainer_set_dataset(trainer *t, const char *name, char *err, size_t err_size);
/* Loads the data set again with a held-out test set of `split` of the
 * examples (0: none) and rebuilds, as trainer_set_dataset does (a new run,
 * marked as a data change). On failure the old data and network stay. */
#define TRAINER_TOGGLE_SPLIT 0.25
bool trainer_set_test_split(trainer *t, double split, char *err, size_t err_size);
/* The same changes in three steps, so the heavy one can run on another
 * thread while the trainer trains on:
 *   plan   (trainer_plan_*: reads the trainer, cheap; NULL with a reason in
 *          err when the change is refused at once, as the setters refuse it)
 *   build  (trainer_plan_build: loads the data, allocates and initialises the
 *          network; touches nothing of the trainer's, so any thread may run
 *          it while another uses the trainer)
 *   apply  (trainer_plan_apply: swaps the built network in as the setter
 *          would; false, and nothing changes, when it was not built or the
 *          trainer's data changed since the plan)
 * and trainer_plan_free in every case. trainer_plan_reinit is trainer_reinit
 * as a plan: a new network with the weights the trainer started with. */
typedef struct trainer_plan trainer_plan;
trainer_plan *trainer_plan_hidden(const trainer *t, int n_h, char *err, size_t err_size);
trainer_plan *trainer_plan_layers(const trainer *t, const int *layers, int count, char *err, size_t err_size);
trainer_plan *trainer_plan_activation(const trainer *t, act_kind k, char *err, size_t err_size);
trainer_plan *trainer_plan_dataset(const trainer *t, const char *name, char *err, size_t err_size);
trainer_plan *trainer_plan_test_split(const trainer *t, double split, char *err, size_t err_size);
trainer_plan *trainer_plan_reinit(const trainer *t, char *err, size_t err_size);
/* What the built network will take (nn_memory_bytes on the trainer's
 * examples): how heavy the build is; 0 when it will be refused. */
size_t trainer_plan_bytes(const trainer_plan *p);
bool trainer_plan_build(trainer_plan *p, char *err, size_t err_size);
/* *chose (may be NULL): the deep defaults a layers plan applied (as trainer_set_layers). */
bool trainer_plan_apply(trainer *t, trainer_plan *p, unsigned *chose);
/* The deep defaults a layers plan applies (runspec_deep_defaults' bits), 0 for others. */
unsigned trainer_plan_chose(const trainer_plan *p);
void trainer_plan_free(trainer_plan *p);
/* Build and apply now, then free (p may be NULL: false, err already set). */
bool trainer_plan_run(trainer *t, trainer_plan *p, unsigned *chose, char *err, size_t err_size);

/* The next 2-D generated set: planar → circles → moons → blobs → quantiles → planar
 * (anything else → planar). */
const char *trainer_next_dataset(const char *name);
/* Re-initialises with the course init of the spec and its seed (the weights
 * the trainer started with), iteration count 0, a marker. Like every rebuild
 * (set_hidden, set_layers, set_activation, set_dataset), it keeps a running
 * trainer running and leaves a paused or diverged one PAUSED. */
void trainer_reinit(trainer *t);
/* Every weight and bias := 0, iteration count 0, a marker; the state as
 * trainer_reinit leaves it. */
void trainer_zero_init(trainer *t);
/* True when the current weights came from zero-init (until the next rebuild). */
bool trainer_zero_initialised(const trainer *t);

/* The recorded costs: x = trainer_clock before the iteration, y = J then
 * (the course's "Cost after iteration i"). Returns how many. */
size_t trainer_history(const trainer *t, const double **clock, const double **cost);
/* The test set's cost J at each recorded point (the same count and x as
 * trainer_history); NAN where the data has no test set. */
size_t trainer_history_test(const trainer *t, const double **cost);
size_t trainer_markers(const trainer *t, const trainer_marker **markers);
/* The current recording interval in iterations. */
long trainer_cost_every(const trainer *t);

/* Training (or test) accuracy in percent (0 … 100); NAN when there is no
 * test set or the network diverged. Runs a forward pass. */
double trainer_accuracy(const trainer *t, bool test);

/* ---- the hidden-size sweep (trainer_sweep.c) ---- */

#define TRAINER_SWEEP_COUNT COURSE_SWEEP_COUNT           /* n_h = 1, 2, 3, 4, 5, 20, 50 */
#define TRAINER_SWEEP_ITERATIONS COURSE_SWEEP_ITERATIONS /* per size, like the course */

typedef struct trainer_sweep_entry {
    int n_h;
    long done;           /* iterations run so far */
    long total;
    double accuracy;     /* training accuracy once done, NAN before */
    double accuracy_test; /* accuracy on the trainer's test set once done; NAN before or without one */
    bool diverged;
    const nn_net *net;   /* the network (owned by the trainer) */
} trainer_sweep_entry;

/* Starts (or restarts) the sweep on the current data set, activation, init,
 * seed and learning rate, `iterations` per size. False with err on failure. */
bool trainer_sweep_start(trainer *t, long iterations, char *err, size_t err_size);
/* Runs at most max_iterations more iterations of the sweep, size after size.
 * Returns the iterations run (0 once finished or not started). With pause
 * (else NULL) an iteration runs one operation at a time and ends part-way
 * when pause(user) says so, as in trainer_run_pausing: the call then
 * returns, and the next one finishes that iteration first. */
long trainer_sweep_work(trainer *t, long max_iterations, bool (*pause)(void *user), void *user);
bool trainer_sweep_active(const trainer *t);   /* started and not cancelled */
bool trainer_sweep_finished(const trainer *t);
/* The entries (TRAINER_SWEEP_COUNT once started, else 0). */
size_t trainer_sweep_entries(const trainer *t, const trainer_sweep_entry **entries);
/* Frees the sweep's networks. */
void trainer_sweep_stop(trainer *t);

/* ---- the learning-rate comparison (trainer_rates.c) ---- */

#define TRAINER_RATES_COUNT 4         /* 10×, 1×, 0.1× and 0.01× the current rate */
#define TRAINER_RATES_ITERATIONS 2000 /* per rate */
#define TRAINER_RATES_POINTS 200      /* costs recorded per rate, about */

typedef struct trainer_rate_entry {
    double lr;           /* the rate (at most RUN_LR_MAX) */
    long done, total;    /* iterations run so far, and to run */
    bool diverged;
    bool no_memory;      /* its network could not be built: skipped */
    double final_cost;   /* the cost after the last update once done (NAN before, or when diverged) */
    double *x, *cost;    /* n recorded costs: the cost before iteration x, then the final cost at x = total */
    size_t n, cap;
} trainer_rate_entry;

/* Starts (or restarts) the comparison: fresh networks as the current one is
 * built (zero-init becomes the course init), at the current rate and its
 * multiples, `iterations` each. The networks are built by
 * trainer_rates_work, each when its turn comes, so starting is quick.
 * False with err when memory runs out. */
bool trainer_rates_start(trainer *t, long iterations, char *err, size_t err_size);
/* Runs at most max_iterations more iterations of the comparison, rate after
 * rate. Returns the iterations run (0 once finished or not started). pause
 * and user as in trainer_sweep_work. */
long trainer_rates_work(trainer *t, long max_iterations, bool (*pause)(void *user), void *user);
bool trainer_rates_active(const trainer *t);
bool trainer_rates_finished(const trainer *t);
/* The entries, largest rate first (TRAINER_RATES_COUNT once started, else 0). */
size_t trainer_rates_entries(const trainer *t, const trainer_rate_entry **entries);
/* Frees the comparison's networks and costs. */
void trainer_rates_stop(trainer *t);

#endif
