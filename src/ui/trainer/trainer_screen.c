/*
 * trainer_screen.c — the live trainer lab (week 3) and its deep version
 * (week 4): decision regions, cost curve, status line and keys.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../labs.h"

typedef struct trainer_screen {
    ui_screen base;
    ui_lab_kind kind;
    run_spec spec;
} trainer_screen;

static void ts_render(const ui_screen *s, ui_canvas *c, ui_rect body, const ui_ctx *ctx)
{
    (void)s;
    canvas_text(c, body.x, body.y, body.w, UI_TR(ctx, "trainer", "训练器"), ROLE_TITLE);
}

static unsigned ts_on_key(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    (void)s;
    (void)ctx;
    if (key.code == UI_KEY_CHAR && key.ch == 'q')
        return UI_POP;
    return UI_NOTHING;
}

static int ts_keys(const ui_screen *s, const ui_ctx *ctx, ui_keyhelp *out, int max)
{
    (void)s;
    (void)ctx;
    if (max < 1)
        return 0;
    out[0] = (ui_keyhelp){"q", "back", "返回"};
    return 1;
}

static const char *ts_help(const ui_screen *s, const ui_ctx *ctx)
{
    (void)s;
    return UI_TR(ctx, "The live trainer.", "实时训练器。");
}

static void ts_destroy(ui_screen *s)
{
    free(s);
}

static const ui_screen_ops trainer_ops = {
    .name = "trainer",
    .render = ts_render,
    .on_key = ts_on_key,
    .tick = NULL,
    .keys = ts_keys,
    .help = ts_help,
    .on_show = NULL,
    .destroy = ts_destroy,
};

ui_screen *trainer_screen_new(ui_lab_kind kind, const run_spec *spec, const ui_ctx *ctx, char *err, size_t err_size)
{
    (void)ctx;
    trainer_screen *t = calloc(1, sizeof *t);
    if (!t) {
        snprintf(err, err_size, "out of memory");
        return NULL;
    }
    t->base.ops = &trainer_ops;
    t->kind = kind;
    t->spec = *spec;
    return &t->base;
}
