/*
 * tui.h — the one entry point of the terminal layer.
 *
 *   tui_run(app):  term_start → theme → loop { render · blit · key · tick } → term_stop
 *
 * The loop blocks on input while no screen animates; while the top screen
 * animates it draws a frame every UI_FRAME_MS and gives the screen's tick
 * about UI_TICK_BUDGET_MS of work between frames (screen.h). KEY_RESIZE resizes the
 * canvas and tells the app (app_resize), which recomputes its layout.
 * SIGTERM, SIGHUP and SIGINT end the loop like q does; the terminal is
 * restored on every path (term.h).
 */
#ifndef DNN_TUI_TUI_H
#define DNN_TUI_TUI_H

#include <stdbool.h>
#include <stddef.h>

#include "app.h"

typedef struct tui_options {
    bool color;  /* false: monochrome theme (also with NO_COLOR set) */
    bool ascii;  /* draw non-ASCII characters as '?' (the locale is not UTF-8) */
    /* When set, a file written while the app runs: one line per frame that
     * changed the screen and per key read, "<ms> frame" / "<ms> key", ms on
     * the monotonic clock since tui_run began, after a first line
     * "0.000 start <wall-clock ms since 1970>" (what bench/ui_bench.sh
     * counts; $DNN_TUTOR_FRAME_LOG). */
    const char *frame_log;
} tui_options;

/* Runs the app until it quits or a signal asks it to. Returns 0, or 1 with a
 * reason in err when the terminal could not be set up (nothing was drawn).
 * Progress is saved by the app itself (UI_SAVE); tui_run saves once more
 * when leaving. */
int tui_run(ui_app *app, const tui_options *opt, char *err, size_t err_size);

/* The signal (SIGTERM, SIGHUP, SIGINT) that ended the last tui_run, or 0.
 * The caller re-raises it after its own cleanup, so the parent sees it. */
int tui_quit_signal(void);

/* Whether the current locale's codeset is UTF-8 (call after setlocale). */
bool tui_locale_is_utf8(void);

#endif
