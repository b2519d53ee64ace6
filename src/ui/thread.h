/*
 * thread.h — starting a worker thread that never takes the UI thread's signals.
 *
 * Job-control, quit and resize signals (SIGTSTP, SIGCONT, SIGTTIN, SIGTTOU,
 * SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGWINCH) must be handled by the thread
 * that owns the terminal: ncurses' SIGTSTP handler calls endwin and redraws,
 * tui's quit handler sets the flag the main loop polls. A worker started with
 * them blocked (they are blocked around pthread_create, so there is no window
 * where the new thread has them open) leaves them all to that thread.
 */
#ifndef DNN_UI_THREAD_H
#define DNN_UI_THREAD_H

#include <pthread.h>

/* pthread_create(t, NULL, fn, arg) with the signals above blocked in the new
 * thread; the caller's mask is unchanged. Returns pthread_create's result. */
int ui_thread_start(pthread_t *t, void *(*fn)(void *), void *arg);

#endif
