/* The matrix product's thread pool (gemm.c) takes no asynchronous signal:
 * started from a thread that blocks nothing (the stepper runs its steps on
 * the thread that handles SIGTSTP, SIGINT, SIGWINCH, …), every pool thread
 * still blocks them all, and the starting thread's own mask is left as it
 * was. The masks are read from /proc/self/task/<tid>/status (SigBlk). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gemm_internal.h"
#include "matrix.h"

#define MAX_TASKS 256

/* The ids of the process's threads now; how many. */
static int list_tasks(long *tid, int max)
{
    DIR *d = opendir("/proc/self/task");
    if (!d)
        return -1;
    int n = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;)
        if (e->d_name[0] != '.' && n < max)
            tid[n++] = strtol(e->d_name, NULL, 10);
    closedir(d);
    return n;
}

/* Thread tid's blocked signals, bit s − 1 for signal s. */
static uint64_t blocked_of(long tid)
{
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/self/task/%ld/status", tid);
    FILE *f = fopen(path, "r");
    if (!f)
        fail_msg("cannot read %s", path);
    uint64_t mask = 0;
    int found = 0;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, "SigBlk:", 7) == 0) {
            mask = strtoull(line + 7, NULL, 16);
            found = 1;
        }
    fclose(f);
    if (!found)
        fail_msg("no SigBlk line in %s", path);
    return mask;
}

static int creator_mask_kept; /* the starting thread's mask was empty after the product */

/* Unblocks everything, then runs a product big enough for three threads. */
static void *start_the_pool(void *arg)
{
    (void)arg;
    sigset_t none, after;
    sigemptyset(&none);
    pthread_sigmask(SIG_SETMASK, &none, NULL);
    const size_t M = 64, N = 256, K = 1024; /* 16 M multiply-adds, past GEMM_THREAD_WORK */
    double *a = calloc(M * K, sizeof *a), *b = calloc(K * N, sizeof *b), *c = calloc(M * N, sizeof *c);
    mat_set_threads(3);
    gemm(M, N, K, (gemm_view){a, (ptrdiff_t)K, 1}, (gemm_view){b, (ptrdiff_t)N, 1},
         (gemm_view){c, (ptrdiff_t)N, 1});
    mat_set_threads(0);
    free(a), free(b), free(c);
    pthread_sigmask(SIG_BLOCK, NULL, &after);
    creator_mask_kept = 1;
    for (int s = 1; s < 32; s++)
        if (sigismember(&after, s))
            creator_mask_kept = 0;
    return NULL;
}

static int seen_before(long tid, const long *before, int n)
{
    for (int i = 0; i < n; i++)
        if (before[i] == tid)
            return 1;
    return 0;
}

static void pool_threads_block_every_asynchronous_signal(void **state)
{
    (void)state;
    long before[MAX_TASKS], after[MAX_TASKS];
    const int n_before = list_tasks(before, MAX_TASKS);
    if (n_before < 0)
        skip(); /* no /proc */
    pthread_t t;
    assert_int_equal(pthread_create(&t, NULL, start_the_pool, NULL), 0);
    assert_int_equal(pthread_join(t, NULL), 0);
    assert_true(creator_mask_kept);

    static const int asynchronous[] = {SIGHUP,  SIGINT,  SIGQUIT, SIGUSR1, SIGUSR2, SIGPIPE, SIGALRM,
                                       SIGTERM, SIGCHLD, SIGCONT, SIGTSTP, SIGTTIN, SIGTTOU, SIGURG,
                                       SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF, SIGWINCH};
    const int n_after = list_tasks(after, MAX_TASKS);
    int workers = 0;
    for (int i = 0; i < n_after; i++) {
        if (seen_before(after[i], before, n_before))
            continue; /* this thread, or a tool's (sanitizer, valgrind) */
        workers++;
        const uint64_t mask = blocked_of(after[i]);
        for (size_t s = 0; s < sizeof asynchronous / sizeof asynchronous[0]; s++)
            if (!(mask & (UINT64_C(1) << (asynchronous[s] - 1))))
                fail_msg("pool thread %ld does not block signal %d (SigBlk %016llx)", after[i],
                         asynchronous[s], (unsigned long long)mask);
    }
    assert_int_equal(workers, 2); /* three threads: the caller and two of the pool's */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(pool_threads_block_every_asynchronous_signal),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
