/*
 * loop.c — the main loop: keys in, frames out (see tui.h).
 *
 *        ┌──────────────────────────────────────────────┐
 *        ▼                                              │
 *   dirty? → app_render → blit_frame (skipped if same)   │
 *            (a frame that changed the screen: a line in │
 *             opt->frame_log, and so does each key)      │
 *   wait for a key: forever (1 s slices) when idle,      │
 *                   until the next frame when animating  │
 *   key → app_key · resize → canvas_resize + app_resize  │
 *   frame due → app_tick(budget) ────────────────────────┘
 */
#include "tui.h"

#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "blit.h"
#include "input.h"
#include "monoclock.h"
#include "term.h"
#include "theme.h"

/* UI_EDIT: the screen asked for ctx->edit_path in the editor. A size
 * change while it ran is picked up here, since no KEY_RESIZE came. */
static void loop_edit(ui_app *app)
{
    char err[600];
    if (!term_run_editor(app_ctx(app)->edit_path, err, sizeof err))
        app_message(app, err);
    app_ctx(app)->edit_path[0] = '\0';
}

int tui_quit_signal(void)
{
    return term_signalled();
}

bool tui_locale_is_utf8(void)
{
    return term_locale_is_utf8();
}

/* opt->frame_log's file, and the clock its times count from (ms). */
typedef struct frame_log {
    FILE *f;
    double t0;
} frame_log;

static void frame_log_line(const frame_log *log, const char *what)
{
    if (log->f)
        fprintf(log->f, "%.3f %s\n", 1000.0 * mono_seconds() - log->t0, what);
}

int tui_run(ui_app *app, const tui_options *opt, char *err, size_t err_size)
{
    frame_log log = {NULL, 0.0};
    /* "e": close-on-exec, so the editor and the exercise checks do not inherit it */
    if (opt->frame_log && !(log.f = fopen(opt->frame_log, "we"))) {
        snprintf(err, err_size, "cannot write the frame log %s: %s", opt->frame_log, strerror(errno));
        return 1;
    }
    if (log.f) {
        setvbuf(log.f, NULL, _IOLBF, 0); /* a reader sees each line as it happens */
        /* The wall clock at the log's 0, so that a reader can place its own
         * wall-clock times (a key sent) on the log's clock. */
        struct timespec wall;
        clock_gettime(CLOCK_REALTIME, &wall);
        log.t0 = 1000.0 * mono_seconds();
        fprintf(log.f, "0.000 start %.3f\n", 1e3 * (double)wall.tv_sec + 1e-6 * (double)wall.tv_nsec);
    }
    if (!term_start(err, err_size)) {
        if (log.f)
            fclose(log.f);
        return 1;
    }
    theme_init(opt->color);
    /* What the screens draw follows what the theme can show: NO_COLOR, a
     * terminal without colours and --no-color all give the monochrome forms
     * (the density ramp instead of half-blocks), not colour forms drawn grey. */
    app_ctx(app)->color = theme_has_color();
    int w, h;
    getmaxyx(stdscr, h, w);
    ui_canvas *canvas = canvas_new(w > 0 ? w : 1, h > 0 ? h : 1);
    if (!canvas) {
        term_stop();
        if (log.f)
            fclose(log.f);
        snprintf(err, err_size, "out of memory");
        return 1;
    }
    app_set_now(app, 1000.0 * mono_seconds());
    app_resize(app, w, h);
    bool dirty = true, force = true;
    double next_frame = 1000.0 * mono_seconds();
    while (!term_signalled()) {
        if (term_take_resumed()) {
            /* after a stop: curses' picture of the screen may be wrong */
            clearok(curscr, TRUE);
            dirty = force = true;
        }
        if (dirty) {
            canvas_clear(canvas);
            app_render(app, canvas);
            if (blit_frame(canvas, opt->ascii, force))
                frame_log_line(&log, "frame");
            dirty = force = false;
        }
        /* Idle: block. A signal interrupts the read; the 1 s bound only covers
         * one that lands between the flag check and the read. */
        int timeout = 1000;
        bool animating = app_animating(app);
        if (animating) {
            double wait = next_frame - 1000.0 * mono_seconds();
            timeout = wait <= 0 ? 0 : (int)wait + 1;
        }
        ui_key key;
        input_result r = input_read(timeout, &key);
        app_set_now(app, 1000.0 * mono_seconds());
        if (r == INPUT_RESIZE) {
            getmaxyx(stdscr, h, w);
            if (w > 0 && h > 0 && canvas_resize(canvas, w, h)) {
                app_resize(app, w, h);
                dirty = force = true;
            }
        } else if (r == INPUT_KEY) {
            frame_log_line(&log, "key");
            unsigned bits = app_key(app, key);
            if (bits & UI_QUIT)
                break;
            if (bits & UI_EDIT) {
                loop_edit(app);
                getmaxyx(stdscr, h, w);
                if (w > 0 && h > 0 && (w != canvas->width || h != canvas->height) && canvas_resize(canvas, w, h))
                    app_resize(app, w, h);
            }
            dirty = true;
            force = force || (bits & UI_EDIT);
        }
        if (app_animating(app)) {
            double now = 1000.0 * mono_seconds();
            if (!animating)
                next_frame = now;
            if (now >= next_frame) {
                unsigned bits = app_tick(app, UI_TICK_BUDGET_MS);
                if (bits & UI_REDRAW)
                    dirty = true;
                next_frame += UI_FRAME_MS;
                if (next_frame < now)
                    next_frame = now + UI_FRAME_MS;
            }
        }
    }
    app_save(app);
    canvas_free(canvas);
    blit_reset();
    term_stop();
    if (log.f)
        fclose(log.f);
    return 0;
}
