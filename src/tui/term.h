/*
 * term.h — the terminal while curses owns it: setup, teardown, signals.
 *
 *   term_start ──► curses screen (raw, noecho, keypad, nonl, cursor off,
 *                  default colours), stderr parked in a temporary file,
 *                  SIGTERM/SIGHUP/SIGINT → a flag, crash signals → restore
 *   term_stop  ──► endwin, stderr back (with anything written meanwhile)
 *
 * term_stop is idempotent and registered with atexit, so every exit path —
 * q, Ctrl-C (read as a key in raw mode), a signal, exit() on a fatal error —
 * gives the terminal back. Signal handlers only set a flag (term_signalled);
 * the loop polls it. On SIGSEGV/SIGABRT/SIGBUS/SIGFPE the handler restores
 * the saved termios and the normal screen with async-signal-safe calls,
 * writes out what was parked on stderr (a failed assert's message), then
 * re-raises. In an ASan/TSan build the sanitizer keeps SIGSEGV/SIGBUS/SIGFPE
 * and reports them (and its other errors) with a stack; a death callback
 * then restores the terminal and stderr the same way.
 */
#ifndef DNN_TUI_TERM_H
#define DNN_TUI_TERM_H

#include <stdbool.h>
#include <stddef.h>

/* Takes over the terminal. Calls setlocale(LC_ALL, "") first. False with a
 * one-line reason in err when there is no usable terminal (stdin or stdout
 * not a tty, unknown TERM); the terminal is untouched then. */
bool term_start(char *err, size_t err_size);

/* Gives the terminal back; safe to call more than once and when term_start
 * was never called. */
void term_stop(void);

/* Opens path in the learner's editor with curses suspended: $VISUAL, else
 * $EDITOR, else vi, run by /bin/sh (so "code -w" or "vim -u NONE" work) with
 * the real stderr and the quit signals left to the editor; then the screen
 * comes back (the caller draws a full frame). False with a one-line reason
 * when the editor could not run or exited with a failure. */
bool term_run_editor(const char *path, char *err, size_t err_size);

/* The number of the signal that asked us to quit, or 0. */
int term_signalled(void);
/* Whether the process was continued (SIGCONT, after a stop or a burst of
 * them) since the last call: the screen is to be repainted whole. */
bool term_take_resumed(void);

/* Whether the locale's codeset is UTF-8 (nl_langinfo(CODESET)); valid after
 * setlocale. */
bool term_locale_is_utf8(void);

#endif
