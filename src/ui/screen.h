/*
 * screen.h — what every screen of the app implements, and how it talks back.
 *
 *   tui loop ── key ──► on_key ──► reaction bits (redraw, pop, quit, push, animate, save, edit)
 *            ◄─ render(canvas, body area) ◄─ keymap for the bottom bar and the help's
 *               keys (on_key dispatches through the same table), help() for `?`
 *            ── tick(budget) while the screen animates (the trainer trains here)
 *
 * Screens are stacked by the app (src/ui/app.[ch]): the course map at the
 * bottom, then a lesson reader, then a lab. A handler opens a screen by
 * setting ctx->push and returning UI_PUSH; it closes itself with UI_POP.
 * Rendering reads state and never changes it.
 *
 * Every user-visible string comes in both languages: UI_TR(ctx, "en", "中文").
 */
#ifndef DNN_UI_SCREEN_H
#define DNN_UI_SCREEN_H

#include <stdbool.h>
#include <stdint.h>

#include "../lesson/lesson.h"
#include "canvas.h"

typedef enum ui_keycode {
    UI_KEY_NONE = 0,
    UI_KEY_CHAR,       /* a printable character in ch (ASCII or any Unicode) */
    UI_KEY_UP, UI_KEY_DOWN, UI_KEY_LEFT, UI_KEY_RIGHT,
    UI_KEY_PGUP, UI_KEY_PGDN, UI_KEY_HOME, UI_KEY_END,
    UI_KEY_ENTER, UI_KEY_ESC, UI_KEY_BACKSPACE, UI_KEY_TAB,
    UI_KEY_CTRL_C
} ui_keycode;

typedef struct ui_key {
    ui_keycode code;
    uint32_t ch;  /* for UI_KEY_CHAR */
} ui_key;

/* Reaction bits returned by on_key and tick. */
enum {
    UI_NOTHING = 0,
    UI_REDRAW = 1u << 0,   /* the screen changed: draw a frame */
    UI_POP = 1u << 1,      /* close this screen, back to the one below */
    UI_QUIT = 1u << 2,     /* leave the app */
    UI_PUSH = 1u << 3,     /* open ctx->push on top of this screen */
    UI_ANIMATE = 1u << 4,  /* keep calling tick (returned by tick to go on) */
    UI_SAVE = 1u << 5,     /* progress changed: save it */
    UI_EDIT = 1u << 6      /* open ctx->edit_path in the learner's editor (tui suspends
                              curses, runs $VISUAL / $EDITOR, restores the screen) */
};

/* While a screen animates, the terminal loop calls its tick and draws a
 * frame every UI_FRAME_MS (40 a second, so "at least 30 frames a second"
 * holds with room for a late frame), and a tick does at most about
 * UI_TICK_BUDGET_MS of work of its own. A screen that computes in the
 * background (the trainer) times its refreshes against UI_FRAME_MS. */
#define UI_FRAME_MS 25.0
#define UI_TICK_BUDGET_MS 15.0

/* The app's language is the lessons' (one enum, lesson.h's). */
typedef lesson_lang ui_lang;
#define UI_LANG_EN LESSON_LANG_EN
#define UI_LANG_ZH LESSON_LANG_ZH

#define UI_TR(ctx, en, zh) ((ctx)->lang == UI_LANG_ZH ? (zh) : (en))

typedef struct ui_rect { int x, y, w, h; } ui_rect;

struct ui_screen;
struct ui_keymap;
struct ui_progress;
struct lesson_course;

typedef struct ui_ctx {
    ui_lang lang;
    bool ascii;                        /* the locale is not UTF-8: ASCII twins of every glyph */
    bool color;                        /* false with NO_COLOR / --no-color */
    double now_ms;                     /* a monotonic clock, set by the loop before each call */
    const struct lesson_course *course;
    struct ui_progress *progress;      /* may be NULL (direct lab entry) */
    struct ui_screen *push;            /* set with UI_PUSH */
    char message[256];                 /* a one-line notice the app shows once (set, then cleared) */
    /* Set by the top screen while it captures typed text (an answer line, a
     * shape prediction): then `?`, `L` and q are its own keys, not the app's.
     * The app clears it when the screen changes. */
    bool text_input;
    /* With UI_EDIT: the file to open in the editor. */
    char edit_path[4096];
    /* The top screen's body as last laid out (set by the app before every
     * call), so on_key can page and clamp without waiting for render. */
    ui_rect body;
} ui_ctx;

/* One entry of the bottom key bar and of the help screen. */
typedef struct ui_keyhelp {
    const char *key;  /* "→/space", "q", "?" */
    const char *en;   /* "next step" */
    const char *zh;   /* "下一步" */
} ui_keyhelp;

typedef struct ui_screen ui_screen;

typedef struct ui_screen_ops {
    const char *name;  /* "map", "reader", "stepper", "trainer", … */
    /* Draws the screen into `body` (the whole canvas but the bottom bar). */
    void (*render)(const ui_screen *s, ui_canvas *c, ui_rect body, const ui_ctx *ctx);
    unsigned (*on_key)(ui_screen *s, ui_key key, ui_ctx *ctx);
    /* Optional: do at most budget_ms of work; return UI_ANIMATE to be called
     * again, with UI_REDRAW when something visible changed. */
    unsigned (*tick)(ui_screen *s, double budget_ms, ui_ctx *ctx);
    /* The screen's key bindings (keymap.h): the key bar shows the ones that
     * apply now and the help lists them all. A screen without a table gives
     * `keys` instead: the keys that apply now, for the bar and the help;
     * returns how many (<= max). */
    const struct ui_keymap *keymap;
    int (*keys)(const ui_screen *s, const ui_ctx *ctx, ui_keyhelp *out, int max);
    /* The `?` text: every panel and mark of the screen explained, UTF-8,
     * paragraphs separated by "\n\n", in ctx->lang. */
    const char *(*help)(const ui_screen *s, const ui_ctx *ctx);
    /* Optional: called when the screen becomes the top one again, or resized. */
    void (*on_show)(ui_screen *s, ui_ctx *ctx);
    void (*destroy)(ui_screen *s);
} ui_screen_ops;

/* Screens embed this as their first member and are reached by a cast. */
struct ui_screen {
    const ui_screen_ops *ops;
    bool animating;  /* managed by the app from UI_ANIMATE */
};

#endif
