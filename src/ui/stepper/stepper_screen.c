/*
 * stepper_screen.c — the stepper lab as a ui_screen (placeholder: the model
 * and the view are filled in next).
 */
#include "../labs.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct stepper_screen {
    ui_screen base;
} stepper_screen;

static void st_render(const ui_screen *s, ui_canvas *c, ui_rect body, const ui_ctx *ctx)
{
    (void)s;
    canvas_text(c, body.x, body.y, body.w, UI_TR(ctx, "Stepper", "逐步运算"), ROLE_TITLE);
}

static unsigned st_on_key(ui_screen *s, ui_key key, ui_ctx *ctx)
{
    (void)s;
    (void)ctx;
    if (key.code == UI_KEY_ESC || (key.code == UI_KEY_CHAR && key.ch == 'q'))
        return UI_POP;
    return UI_NOTHING;
}

static int st_keys(const ui_screen *s, const ui_ctx *ctx, ui_keyhelp *out, int max)
{
    (void)s;
    (void)ctx;
    if (max < 1)
        return 0;
    out[0] = (ui_keyhelp){"q", "back", "返回"};
    return 1;
}

static const char *st_help(const ui_screen *s, const ui_ctx *ctx)
{
    (void)s;
    return UI_TR(ctx, "The stepper lab.", "逐步运算实验。");
}

static void st_destroy(ui_screen *s) { free(s); }

static const ui_screen_ops stepper_screen_ops = {
    .name = "stepper",
    .render = st_render,
    .on_key = st_on_key,
    .keys = st_keys,
    .help = st_help,
    .destroy = st_destroy,
};

ui_screen *stepper_screen_new(const run_spec *spec, const ui_ctx *ctx, char *err, size_t err_size)
{
    (void)spec;
    (void)ctx;
    stepper_screen *s = calloc(1, sizeof *s);
    if (!s) {
        if (err && err_size)
            snprintf(err, err_size, "stepper: out of memory");
        return NULL;
    }
    s->base.ops = &stepper_screen_ops;
    return &s->base;
}
