/*
 * keymap.c — dispatch, bar and help rows from a screen's binding table
 * (keymap.h).
 */
#include "keymap.h"

#include <stddef.h>

bool ui_binding_enabled(const ui_binding *b, const ui_screen *s, const ui_ctx *ctx)
{
    return !b->when || b->when(s, ctx);
}

bool ui_binding_matches(const ui_binding *b, ui_key key)
{
    for (int i = 0; i < UI_BIND_MAX_KEYS && b->keys[i].code != UI_KEY_NONE; i++) {
        if (b->keys[i].code != key.code)
            continue;
        if (key.code != UI_KEY_CHAR || b->keys[i].ch == 0 || b->keys[i].ch == key.ch)
            return true;
    }
    return false;
}

const char *ui_binding_key(const ui_binding *b, const ui_ctx *ctx)
{
    return ctx->ascii && b->key_ascii ? b->key_ascii : b->key;
}

unsigned ui_keymap_dispatch(const ui_keymap *km, ui_screen *s, ui_key key, ui_ctx *ctx)
{
    for (int i = 0; i < km->n; i++) {
        const ui_binding *b = &km->rows[i];
        if (!b->act || !ui_binding_matches(b, key) || !ui_binding_enabled(b, s, ctx))
            continue;
        unsigned bits = b->act(s, key, ctx);
        if (bits != UI_NOTHING)
            return bits;
    }
    return UI_NOTHING;
}

bool ui_keymap_claims(const ui_keymap *km, const ui_screen *s, const ui_ctx *ctx, ui_key key)
{
    for (int i = 0; i < km->n; i++)
        if (km->rows[i].bar_en && ui_binding_matches(&km->rows[i], key) && ui_binding_enabled(&km->rows[i], s, ctx))
            return true;
    return false;
}

const ui_binding *ui_keymap_help_at(const ui_keymap *km, int i)
{
    for (int k = 0; k < km->n; k++)
        if (km->rows[k].help_en && i-- == 0)
            return &km->rows[k];
    return NULL;
}

int ui_screen_bar_keys(const ui_screen *s, const ui_ctx *ctx, ui_keyhelp *out, int max)
{
    if (!s)
        return 0;
    if (s->ops->keymap) {
        int n = 0;
        const ui_keymap *km = s->ops->keymap;
        for (int i = 0; i < km->n && n < max; i++) {
            const ui_binding *b = &km->rows[i];
            if (b->bar_en && ui_binding_enabled(b, s, ctx))
                out[n++] = (ui_keyhelp){ui_binding_key(b, ctx), b->bar_en, b->bar_zh};
        }
        return n;
    }
    int n = s->ops->keys ? s->ops->keys(s, ctx, out, max) : 0;
    return n < 0 ? 0 : n;
}
