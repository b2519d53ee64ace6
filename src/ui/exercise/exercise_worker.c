/*
 * exercise_worker.c — one check off the UI thread (exercise_internal.h): the
 * child Python takes most of a second, and an endless loop in the learner's
 * code up to the time limit; the screen keeps drawing meanwhile.
 */
#include "exercise_internal.h"

#include <stdlib.h>

#include "../thread.h"

static void *exs_worker(void *arg)
{
    exs_job *job = arg;
    job->py_ok = !job->find_python;
    if (job->find_python)
        job->py_ok = ex_python_find(&job->py, job->py_msg, sizeof job->py_msg);
    if (job->py_ok && !atomic_load(&job->cancel)) {
        ex_check_options opt = {job->dir, job->lib, job->harness, &job->py, ex_run_default_limits()};
        opt.limits.cancel = &job->cancel;
        ex_check_exercise(job->def, &opt, &job->res);
        job->ran = true;
    }
    atomic_store(&job->done, 1);
    return NULL;
}

bool exs_job_start(exs_job *job)
{
    atomic_init(&job->cancel, 0);
    atomic_init(&job->done, 0);
    if (ui_thread_start(&job->thread, exs_worker, job) != 0) {
        free(job);
        return false;
    }
    return true;
}

bool exs_job_done(exs_job *job)
{
    return job && atomic_load(&job->done);
}

void exs_job_drop(exs_job *job, bool cancel)
{
    if (!job)
        return;
    if (cancel)
        atomic_store(&job->cancel, 1);
    pthread_join(job->thread, NULL);
    if (job->ran)
        ex_result_free(&job->res);
    free(job);
}
