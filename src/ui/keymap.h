/*
 * keymap.h — key bindings as data: one table per screen, from which the
 * dispatch, the key bar, the help's keys section and the README's keys
 * table are all derived (as htop's Action_setBindings and tig's request
 * table do).
 *
 *   ui_binding { keys that trigger it, how the key is written (and its ASCII
 *                twin), action, bar label en/zh, help line en/zh, when }
 *
 *   on_key ──► ui_keymap_dispatch: the first binding that is enabled now
 *              (`when`), matches the key and whose action returns something
 *              other than UI_NOTHING decides the reaction bits
 *   key bar ─► ui_screen_bar_keys: the enabled bindings with a bar label, in
 *              table order (most important first; the app cuts the tail and
 *              marks that more keys exist)
 *   `?` help ─► ui_keymap_help_at: every binding with a help line, in table
 *              order, whether it applies now or not (the help is the full
 *              reference); README's row for the screen lists the same lines
 *
 * One action may serve several rows: a key whose bar label changes with the
 * state ("space pause" / "space go on") is two rows with opposite `when`s,
 * only one of them carrying the help line.
 */
#ifndef DNN_UI_KEYMAP_H
#define DNN_UI_KEYMAP_H

#include <stdbool.h>

#include "screen.h"

/* What a binding does: the screen's reaction bits (screen.h), UI_NOTHING when
 * the key does not apply after all (the dispatch then tries the next row). */
typedef unsigned (*ui_action)(ui_screen *s, ui_key key, ui_ctx *ctx);
/* Whether a binding applies now (NULL: always). Reads, never changes. */
typedef bool (*ui_when)(const ui_screen *s, const ui_ctx *ctx);

#define UI_BIND_MAX_KEYS 6
/* In ui_binding.keys: any character (UI_KEY_CHAR with ch 0). */
#define UI_ANY_CHAR ((ui_key){UI_KEY_CHAR, 0})
#define UI_CH(c) ((ui_key){UI_KEY_CHAR, (uint32_t)(c)})
#define UI_K(code) ((ui_key){(code), 0})

typedef struct ui_binding {
    /* The keys that trigger it, up to the first UI_KEY_NONE. */
    ui_key keys[UI_BIND_MAX_KEYS];
    const char *key;        /* the keys as written: "space", "←/→" (UTF-8) */
    const char *key_ascii;  /* its ASCII twin; NULL when `key` is ASCII already */
    ui_action act;
    const char *bar_en, *bar_zh;    /* the key bar's word; NULL: not on the bar */
    const char *help_en, *help_zh;  /* the help's (and README's) line; NULL: not in the help */
    ui_when when;
} ui_binding;

typedef struct ui_keymap {
    const char *name;  /* the README keys table's row: "stepper", "trainer" */
    const ui_binding *rows;
    int n;
} ui_keymap;

#define UI_KEYMAP(name, rows) {(name), (rows), (int)(sizeof(rows) / sizeof((rows)[0]))}

/* Whether b applies now. */
bool ui_binding_enabled(const ui_binding *b, const ui_screen *s, const ui_ctx *ctx);
/* Whether key is one of b's keys. */
bool ui_binding_matches(const ui_binding *b, ui_key key);
/* How b's key is written, in ASCII when ctx->ascii. */
const char *ui_binding_key(const ui_binding *b, const ui_ctx *ctx);

/* Runs the enabled bindings that match key, in table order, until one
 * returns something; returns that (UI_NOTHING when none did). */
unsigned ui_keymap_dispatch(const ui_keymap *km, ui_screen *s, ui_key key, ui_ctx *ctx);

/* Whether an enabled binding of km with a bar label matches key: the screen
 * shows its own meaning for that key (the app then leaves out its q). A row
 * without a bar label that only does what the app's key does claims nothing. */
bool ui_keymap_claims(const ui_keymap *km, const ui_screen *s, const ui_ctx *ctx, ui_key key);

/* The key bar's entries of screen s now: from its keymap (the enabled rows
 * with a bar label, the key written for ctx->ascii), or from its keys() when
 * it has no table. Returns how many (<= max). */
int ui_screen_bar_keys(const ui_screen *s, const ui_ctx *ctx, ui_keyhelp *out, int max);

/* The i-th binding with a help line (0 …), NULL past the last. */
const ui_binding *ui_keymap_help_at(const ui_keymap *km, int i);

#endif
