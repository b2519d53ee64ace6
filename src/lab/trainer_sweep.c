/*
 * trainer_sweep.c — the course's hidden-size sweep (trainer.h): one network
 * per n_h in {1, 2, 3, 4, 5, 20, 50}, each trained for the same number of
 * iterations, then its training accuracy (and its test accuracy when the
 * trainer's data has a test set, as the digits do). The work is cut into slices
 * (trainer_sweep_work) so the screen can draw between them.
 */
#include <math.h>
#include <stdio.h>

#include "trainer.h"
#include "trainer_internal.h"

static const int sweep_sizes[TRAINER_SWEEP_COUNT] = COURSE_SWEEP_SIZES;

void trainer_sweep_stop(trainer *t)
{
    for (int i = 0; i < TRAINER_SWEEP_COUNT; i++) {
        nn_free(t->sweep_nets[i]);
        t->sweep_nets[i] = NULL;
        t->sweep[i].net = NULL;
    }
    t->sweep_on = false;
}

bool trainer_sweep_start(trainer *t, long iterations, char *err, size_t err_size)
{
    trainer_sweep_stop(t);
    if (iterations < 1) {
        snprintf(err, err_size, "the sweep needs at least one iteration per size");
        return false;
    }
    for (int i = 0; i < TRAINER_SWEEP_COUNT; i++) {
        run_spec s = t->spec;
        s.hidden = sweep_sizes[i];
        s.n_layers = 0;
        s.acts_given = false;
        if (s.init == NN_INIT_ZEROS)
            s.init = NN_INIT_COURSE_W3;
        t->sweep_nets[i] = trainer_build_net(&s, t->data, err, err_size);
        if (!t->sweep_nets[i]) {
            trainer_sweep_stop(t);
            return false;
        }
        t->sweep[i] = (trainer_sweep_entry){sweep_sizes[i], 0, iterations, NAN, NAN, false, t->sweep_nets[i]};
        run_loop_begin(&t->sweep_loops[i], t->sweep_nets[i], t->loop.lr, 0, NULL);
    }
    t->sweep_on = true;
    return true;
}

long trainer_sweep_work(trainer *t, long max_iterations, bool (*pause)(void *user), void *user)
{
    if (!t->sweep_on)
        return 0;
    long done = 0;
    for (int i = 0; i < TRAINER_SWEEP_COUNT && done < max_iterations; i++) {
        trainer_sweep_entry *e = &t->sweep[i];
        if (e->done < e->total && !e->diverged) {
            long budget = e->total - e->done < max_iterations - done ? e->total - e->done : max_iterations - done;
            long ran = trainer_loop_pausing(&t->sweep_loops[i], budget, pause, user);
            e->done += ran;
            done += ran;
            e->diverged = t->sweep_loops[i].diverged;
            if (t->sweep_loops[i].paused)
                return done; /* part-way: the next call finishes this size's iteration first */
        }
        if ((e->done == e->total || e->diverged) && isnan(e->accuracy) && !e->diverged) {
            e->accuracy = nn_accuracy(t->sweep_nets[i], t->data->X, t->data->Y);
            if (t->data->X_test)
                e->accuracy_test = nn_accuracy(t->sweep_nets[i], t->data->X_test, t->data->Y_test);
        }
    }
    return done;
}

bool trainer_sweep_active(const trainer *t)
{
    return t->sweep_on;
}

bool trainer_sweep_finished(const trainer *t)
{
    if (!t->sweep_on)
        return false;
    for (int i = 0; i < TRAINER_SWEEP_COUNT; i++)
        if (t->sweep[i].done < t->sweep[i].total && !t->sweep[i].diverged)
            return false;
    return true;
}

size_t trainer_sweep_entries(const trainer *t, const trainer_sweep_entry **entries)
{
    *entries = t->sweep;
    return t->sweep_on ? TRAINER_SWEEP_COUNT : 0;
}
