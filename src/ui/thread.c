/*
 * thread.c — workers with the terminal's signals blocked (see thread.h).
 */
#include "thread.h"

#include <signal.h>

int ui_thread_start(pthread_t *t, void *(*fn)(void *), void *arg)
{
    static const int terminal_signals[] = {SIGTSTP, SIGCONT, SIGTTIN, SIGTTOU, SIGINT,
                                           SIGTERM, SIGHUP,  SIGQUIT, SIGWINCH};
    sigset_t block, old;
    sigemptyset(&block);
    for (size_t i = 0; i < sizeof terminal_signals / sizeof terminal_signals[0]; i++)
        sigaddset(&block, terminal_signals[i]);
    pthread_sigmask(SIG_BLOCK, &block, &old);
    int rc = pthread_create(t, NULL, fn, arg);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return rc;
}
