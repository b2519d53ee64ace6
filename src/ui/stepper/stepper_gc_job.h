/*
 * stepper_gc_job.h — the stepper's gradient check on a worker thread, so the
 * screen keeps answering keys while it runs (on the course's cat network a
 * check is a few tenths of a second even when sampled).
 *
 *   UI thread: g ─► stepper_gradcheck_plan ─► stepper_gradcheck_begin ─► clone
 *   the network ─► worker: stepper_gradcheck_compute on the clone ─► done
 *   ─► tick: stepper_gradcheck_finish (ignored if a step, undo or g came
 *   first) ─► the panel.
 *
 * There is no cancelling: a job is bounded by STEPPER_GC_BUDGET_MADDS, and
 * dropping one waits for it to end.
 */
#ifndef DNN_UI_STEPPER_GC_JOB_H
#define DNN_UI_STEPPER_GC_JOB_H

#include <stdbool.h>

#include "../../lab/stepper.h"

typedef struct stepper_gc_job stepper_gc_job;

/* Starts the check `plan` of the stepper's current network (copied first).
 * NULL when out of memory or no thread could start. */
stepper_gc_job *stepper_gc_job_start(const stepper *s, const gc_plan *plan);
/* True once the worker has finished. */
bool stepper_gc_job_done(const stepper_gc_job *job);
/* Joins the finished (or not yet finished: waits) worker, hands its result to
 * `s` (stepper_gradcheck_finish) and frees the job. Returns the core's
 * status of the check. */
nn_status stepper_gc_job_finish(stepper_gc_job *job, stepper *s);
/* Waits for the worker and frees the job, dropping its result. NULL is fine. */
void stepper_gc_job_drop(stepper_gc_job *job);

#endif
