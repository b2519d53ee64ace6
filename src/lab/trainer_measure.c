/*
 * trainer_measure.c — the numbers a status line shows (trainer.h): the
 * cost and accuracies of the trainer's network as it is now, and the same
 * numbers for a copy of its parameters, measured off a screen's lock.
 */
#include <math.h>
#include <string.h>

#include "../core/cost.h"
#include "trainer.h"
#include "trainer_internal.h"

/* The accuracy on X, Y in percent; NAN without the set or with non-finite parameters. */
static double measure_accuracy(const nn_net *net, const mat *X, const mat *Y, bool nonfinite)
{
    if (!X || !Y || nonfinite)
        return NAN;
    return nn_accuracy(net, X, Y);
}

static bool trainer_nonfinite(const trainer *t)
{
    return t->state == TRAINER_DIVERGED && t->divergence == TRAINER_DIV_NONFINITE;
}

void trainer_measure_now(trainer *t, trainer_measure *out)
{
    if (!t->now_valid && !run_loop_mid_iteration(&t->loop)) {
        t->now_cost = nn_compute_cost(t->net);
        t->now_valid = true;
    }
    out->iterations = nn_iterations(t->net);
    out->cost = t->now_valid ? t->now_cost : NAN;
    out->acc_train = trainer_accuracy(t, false);
    out->acc_test = trainer_accuracy(t, true);
}

/* The percentage of columns where (ŷ > 0.5) equals Y, in nn_accuracy's
 * order, (right / m) · 100, so both give the same number to the last bit. */
static double percent_right(const mat *P, const mat *Y)
{
    size_t right = 0;
    for (size_t i = 0; i < P->cols; i++)
        right += ((P->v[i] > 0.5 ? 1.0 : 0.0) == Y->v[i]);
    return (double)right / (double)P->cols * 100.0;
}

/* P := ŷ for X, `band` columns at a time (0: all at once), asking go_on
 * (when not NULL) before each band after the first. NN_OK, NN_NO_MEMORY,
 * or NN_BAD_ARGUMENT when go_on said stop. */
static nn_status predict_in_bands(const nn_net *net, const mat *X, mat *P, size_t band, const trainer_go_on *go)
{
    const size_t m = X->cols;
    if (band == 0 || band >= m)
        return nn_predict_proba(net, X, P);
    mat *Xb = mat_new(X->rows, band), *Pb = mat_new(1, band);
    nn_status st = Xb && Pb ? NN_OK : NN_NO_MEMORY;
    for (size_t at = 0; st == NN_OK && at < m; at += band) {
        if (at > 0 && go && !go->fn(go->user)) {
            st = NN_BAD_ARGUMENT;
            break;
        }
        const size_t k = at + band <= m ? band : m - at;
        if (k != Xb->cols) { /* the last, narrower band */
            mat_free(Xb);
            mat_free(Pb);
            Xb = mat_new(X->rows, k);
            Pb = mat_new(1, k);
            if (!Xb || !Pb) {
                st = NN_NO_MEMORY;
                break;
            }
        }
        for (size_t r = 0; r < X->rows; r++)
            memcpy(Xb->v + r * k, X->v + r * m + at, k * sizeof *Xb->v);
        st = nn_predict_proba(net, Xb, Pb);
        if (st == NN_OK)
            memcpy(P->v + at, Pb->v, k * sizeof *P->v);
    }
    mat_free(Xb);
    mat_free(Pb);
    return st;
}

bool trainer_measure_copy(const trainer_data *d, const nn_net *copy, bool nonfinite, trainer_measure *out,
                          mat **p_test, size_t band, const trainer_go_on *go)
{
    /* One forward pass per set: J = −(1/m) Σ [Y log ŷ + (1 − Y) log(1 − ŷ)]
     * and the accuracy from the same ŷ (nn_compute_cost's and nn_accuracy's
     * numbers, without the caches) */
    out->iterations = nn_iterations(copy);
    out->cost = out->acc_train = out->acc_test = NAN;
    if (p_test)
        *p_test = NULL;
    mat *P = mat_new(1, d->X->cols);
    nn_status st = P ? predict_in_bands(copy, d->X, P, band, go) : NN_NO_MEMORY;
    if (st == NN_OK) {
        out->cost = cost_cross_entropy(P, d->Y);
        if (!nonfinite)
            out->acc_train = percent_right(P, d->Y);
    }
    bool memory = st != NN_NO_MEMORY;
    mat_free(P);
    if (d->X_test && d->Y_test && !nonfinite && st == NN_OK) {
        mat *T = mat_new(1, d->X_test->cols);
        st = T ? predict_in_bands(copy, d->X_test, T, band, go) : NN_NO_MEMORY;
        if (st == NN_OK) {
            out->acc_test = percent_right(T, d->Y_test);
            if (p_test) {
                *p_test = T;
                T = NULL;
            }
        }
        memory = memory && st != NN_NO_MEMORY;
        mat_free(T);
    }
    return memory;
}

double trainer_accuracy(const trainer *t, bool test)
{
    const mat *X = test ? t->data->X_test : t->data->X;
    const mat *Y = test ? t->data->Y_test : t->data->Y;
    return measure_accuracy(t->net, X, Y, trainer_nonfinite(t));
}

