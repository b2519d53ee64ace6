/*
 * stepper_gc_job.c — one gradient check on a worker thread (see the header).
 */
#include "stepper_gc_job.h"

#include <stdatomic.h>
#include <stdlib.h>

#include "../thread.h"

/* The UI thread writes net and plan before the thread starts and reads the
 * outputs only after `done` is set. */
struct stepper_gc_job {
    pthread_t thread;
    atomic_int done;
    nn_net *net;  /* the job's own copy */
    gc_plan plan;
    gc_result res;
    long kinks;
    nn_status status;
};

static void *gc_worker(void *arg)
{
    stepper_gc_job *job = arg;
    job->status = stepper_gradcheck_compute(job->net, &job->plan, &job->res, &job->kinks);
    atomic_store(&job->done, 1);
    return NULL;
}

stepper_gc_job *stepper_gc_job_start(const stepper *s, const gc_plan *plan)
{
    stepper_gc_job *job = calloc(1, sizeof *job);
    if (!job)
        return NULL;
    job->net = nn_clone(stepper_net(s));
    job->plan = *plan;
    atomic_init(&job->done, 0);
    if (!job->net || ui_thread_start(&job->thread, gc_worker, job) != 0) {
        nn_free(job->net);
        free(job);
        return NULL;
    }
    return job;
}

bool stepper_gc_job_done(const stepper_gc_job *job) { return atomic_load(&((stepper_gc_job *)job)->done) != 0; }

nn_status stepper_gc_job_finish(stepper_gc_job *job, stepper *s)
{
    pthread_join(job->thread, NULL);
    nn_status st = job->status;
    if (st == NN_OK)
        stepper_gradcheck_finish(s, &job->res, job->kinks);
    else if (stepper_gradcheck_pending(s))
        stepper_gradcheck_clear(s);
    nn_free(job->net);
    free(job);
    return st;
}

void stepper_gc_job_drop(stepper_gc_job *job)
{
    if (!job)
        return;
    pthread_join(job->thread, NULL);
    nn_free(job->net);
    free(job);
}
