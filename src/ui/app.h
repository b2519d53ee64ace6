/*
 * app.h — the app: a stack of screens, the shared ui_ctx, global keys, the
 * bottom key bar, the help overlay and the "terminal too small" screen.
 * Pure state; src/tui/loop.c drives it:
 *
 *   loop ── app_key(key) ──► reaction bits (UI_QUIT ends the loop)
 *        ── app_tick(budget) while app_animating()
 *        ── app_resize(w, h) on KEY_RESIZE
 *        ── app_render(canvas): title bar, top screen in its body, key bar
 *
 * Key dispatch, in order:
 *   1. Ctrl-C quits, always.
 *   2. With the help overlay open, any key closes it.
 *   3. Unless the top screen captures text (ctx->text_input):
 *        `?` opens the help overlay, `L` switches 中文/English.
 *   4. Every other key goes to the top screen's on_key. For q and Esc, a
 *      screen that returns UI_NOTHING lets the app act: pop the screen, or
 *      quit when it is the last one (the course map).
 *   UI_PUSH pushes ctx->push; UI_POP pops (the last pop quits); UI_SAVE
 *   saves the progress; UI_ANIMATE sets the screen's `animating`; UI_EDIT
 *   is passed on to the loop (app_key and app_tick return it), which opens
 *   ctx->edit_path in the editor.
 *
 * Ownership: the app borrows the course (which must outlive it) and takes
 * the progress object and every pushed screen (destroyed on pop / app_free).
 */
#ifndef DNN_UI_APP_H
#define DNN_UI_APP_H

#include <stdbool.h>

#include "canvas.h"
#include "screen.h"

struct lesson_course;

#define APP_MIN_WIDTH 80
#define APP_MIN_HEIGHT 24
#define APP_MAX_SCREENS 8

typedef struct ui_app ui_app;

typedef struct ui_app_config {
    ui_lang lang;
    bool ascii;
    bool color;
    /* Where app_save writes the progress; NULL = never save (tests). */
    const char *progress_path;
    /* The terminal cannot show Chinese (the locale is not UTF-8): L still
     * switches, but says why the text turns into question marks. */
    bool no_cjk;
} ui_app_config;

/* A new app with an empty screen stack. `progress` may be NULL (then none is
 * kept); the app owns it from here. NULL on no memory. */
ui_app *app_new(const struct lesson_course *course, struct ui_progress *progress, const ui_app_config *cfg);
/* Destroys every screen, the progress, and the app. NULL is fine. */
void app_free(ui_app *app);

/* Pushes the course map, then — when the progress holds a position in a
 * lesson that still exists — the lesson reader at that page. False when the
 * course has no lesson (nothing pushed). */
bool app_open_course(ui_app *app);
/* Pushes a screen the caller built (a lab opened from the command line);
 * the app owns it. False (screen destroyed) when the stack is full. */
bool app_push(ui_app *app, ui_screen *screen);
/* The number of screens on the stack; the top one, or NULL. */
int app_depth(const ui_app *app);
ui_screen *app_top(const ui_app *app);

/* The shared context (language, ASCII, clock, course, progress). */
ui_ctx *app_ctx(ui_app *app);

/* One key; returns reaction bits (UI_QUIT when the app should end). */
unsigned app_key(ui_app *app, ui_key key);
/* Work for the animating top screen; returns its reaction bits. */
unsigned app_tick(ui_app *app, double budget_ms);
/* Whether the top screen wants ticks. */
bool app_animating(const ui_app *app);
/* The terminal is now w × h: the top screen's on_show is called. */
void app_resize(ui_app *app, int w, int h);
/* Sets ctx->now_ms (a monotonic clock in ms). */
void app_set_now(ui_app *app, double now_ms);
/* Shows a notice (wrapped, up to 4 rows above the key bar) until the next key. */
void app_message(ui_app *app, const char *msg);

/* Saves the progress now (position, language and all); false with the
 * reason shown as the app's message. True when there is nowhere to save. */
bool app_save(ui_app *app);

/* Draws everything into c (its size is the terminal's). Reads the state and
 * never changes it. Below APP_MIN_WIDTH × APP_MIN_HEIGHT draws only
 * "terminal too small: need 80×24, have W×H". */
void app_render(const ui_app *app, ui_canvas *c);

/* Whether the help overlay is open. */
bool app_help_open(const ui_app *app);

/* The app's own keys (? L q/Esc Ctrl-C), as the help and the README list
 * them (the README's "everywhere" row). */
extern const struct ui_keymap app_keymap;

/* Every key table of the app, i = 0 …: the app's own, the map's, the labs';
 * NULL past the last (the README's keys table is checked against them). */
const struct ui_keymap *app_keymaps(int i);

#endif
