/*
 * app.c — the screen stack, global keys and the frame around every screen
 * (see app.h for the dispatch order).
 *
 *   row 0 … h−2   the top screen's body (its render draws its own title)
 *   row h−2       a one-line notice over the body, when there is one
 *   row h−1       the key bar: the top screen's keys, then ? · L · q
 */
#include "app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glyphs.h"
#include "keymap.h"
#include "labs.h"
#include "layout.h"
#include "lesson.h"
#include "progress.h"
#include "screens.h"
#include "text.h"

struct ui_app {
    ui_ctx ctx;
    ui_progress *progress;
    char progress_path[4096];
    bool can_save;
    ui_screen *stack[APP_MAX_SCREENS];
    int depth;
    int w, h;
    bool help_open;
    int help_scroll;
    bool no_cjk;
    char notice[1024];
};

#define APP_NOTICE_ROWS 4

ui_app *app_new(const lesson_course *course, ui_progress *progress, const ui_app_config *cfg)
{
    ui_app *app = calloc(1, sizeof *app);
    if (!app)
        return NULL;
    app->ctx.lang = cfg->lang;
    app->ctx.ascii = cfg->ascii;
    app->ctx.color = cfg->color;
    app->no_cjk = cfg->no_cjk;
    app->ctx.course = course;
    app->ctx.progress = progress;
    app->progress = progress;
    if (cfg->progress_path && strlen(cfg->progress_path) < sizeof app->progress_path) {
        strcpy(app->progress_path, cfg->progress_path);
        app->can_save = true;
    }
    app->w = APP_MIN_WIDTH;
    app->h = APP_MIN_HEIGHT;
    app->ctx.body = layout_compute(app->w, app->h).body;
    return app;
}

void app_free(ui_app *app)
{
    if (!app)
        return;
    while (app->depth > 0) {
        ui_screen *s = app->stack[--app->depth];
        s->ops->destroy(s);
    }
    progress_free(app->progress);
    free(app);
}

ui_ctx *app_ctx(ui_app *app)
{
    return &app->ctx;
}

int app_depth(const ui_app *app)
{
    return app->depth;
}

ui_screen *app_top(const ui_app *app)
{
    return app->depth > 0 ? app->stack[app->depth - 1] : NULL;
}

bool app_help_open(const ui_app *app)
{
    return app->help_open;
}

/* Moves a message a screen left in ctx into the notice line. */
static void app_take_message(ui_app *app)
{
    if (app->ctx.message[0]) {
        snprintf(app->notice, sizeof app->notice, "%s", app->ctx.message);
        app->ctx.message[0] = '\0';
    }
}

static void app_show_top(ui_app *app)
{
    ui_screen *top = app_top(app);
    app->ctx.text_input = false;
    app->help_open = false;
    if (top && top->ops->on_show)
        top->ops->on_show(top, &app->ctx);
    app_take_message(app);
}

/* Tells the same top screen about a new size or language (its on_show),
 * without changing whether it captures typed text. */
static void app_reshow_top(ui_app *app)
{
    ui_screen *top = app_top(app);
    if (top && top->ops->on_show) {
        bool typing = app->ctx.text_input;
        top->ops->on_show(top, &app->ctx);
        app->ctx.text_input = typing;
    }
}

bool app_push(ui_app *app, ui_screen *screen)
{
    if (!screen)
        return false;
    if (app->depth >= APP_MAX_SCREENS) {
        screen->ops->destroy(screen);
        app_message(app, UI_TR(&app->ctx, "too many screens open", "打开的界面太多"));
        return false;
    }
    app->stack[app->depth++] = screen;
    app_show_top(app);
    return true;
}

bool app_open_course(ui_app *app)
{
    const lesson_course *course = app->ctx.course;
    if (!course || course->n_lessons == 0)
        return false;
    ui_screen *map = map_screen_new(&app->ctx);
    if (!map || !app_push(app, map))
        return false;
    if (app->progress && app->progress->position_lesson[0]) {
        const lesson *l = lesson_course_find_lesson(course, app->progress->position_lesson);
        if (l) {
            int page = app->progress->position_page;
            if (page >= l->n_pages)
                page = l->n_pages - 1;
            app_push(app, reader_screen_new(&app->ctx, l, page));
        }
    }
    return true;
}

bool app_save(ui_app *app)
{
    if (!app->can_save || !app->progress)
        return true;
    app->progress->has_lang = true;
    app->progress->lang = app->ctx.lang;
    char msg[256];
    if (!progress_save(app->progress, app->progress_path, msg, sizeof msg)) {
        app_message(app, msg);
        return false;
    }
    return true;
}

void app_message(ui_app *app, const char *msg)
{
    snprintf(app->notice, sizeof app->notice, "%s", msg ? msg : "");
}

void app_set_now(ui_app *app, double now_ms)
{
    app->ctx.now_ms = now_ms;
}

void app_resize(ui_app *app, int w, int h)
{
    app->w = w;
    app->h = h;
    app->ctx.body = layout_compute(w, h).body;
    app_reshow_top(app);
    app_take_message(app);
}

/* Applies a screen's reaction bits; returns UI_QUIT when the app must end. */
static unsigned app_apply(ui_app *app, ui_screen *from, unsigned bits)
{
    unsigned out = bits & (UI_REDRAW | UI_EDIT);
    app_take_message(app);
    if (bits & UI_SAVE)
        app_save(app);
    if (bits & UI_QUIT)
        return out | UI_QUIT;
    if (from && (bits & UI_ANIMATE))
        from->animating = true;
    if ((bits & UI_POP) && from && app_top(app) == from) {
        app->depth--;
        from->ops->destroy(from);
        if (app->depth == 0 && !(bits & UI_PUSH && app->ctx.push))
            return out | UI_QUIT;
        if (!(bits & UI_PUSH))
            app_show_top(app);
        out |= UI_REDRAW;
    }
    if (bits & UI_PUSH) {
        ui_screen *s = app->ctx.push;
        app->ctx.push = NULL;
        if (s)
            app_push(app, s);
        out |= UI_REDRAW;
    }
    return out;
}

#define APP_HELP_KEYS 64

/* The app's own keys, written once for the help and the key bar's right
 * end (app_key dispatches them, before the screen's table, in the order
 * app.h gives). Rows in the order of app_row. */
enum app_row { APP_ROW_HELP, APP_ROW_LANG, APP_ROW_BACK, APP_ROW_CTRL_C };
static const ui_binding app_bindings[] = {
    {{UI_CH('?')}, "?", NULL, NULL, "help", "帮助", "this help", "本帮助", NULL},
    {{UI_CH('L')}, "L", NULL, NULL, "中文", "English", "switch language: 中文 / English",
     "切换语言：中文 / English", NULL},
    {{UI_CH('q'), UI_K(UI_KEY_ESC)}, "q/Esc", NULL, NULL, "back", "返回", "back; quit on the course map",
     "返回；在课程地图上退出", NULL},
    {{UI_K(UI_KEY_CTRL_C)}, "Ctrl-C", NULL, NULL, NULL, NULL, "quit at once", "立即退出", NULL},
};
const ui_keymap app_keymap = UI_KEYMAP("everywhere", app_bindings);

const ui_keymap *app_keymaps(int i)
{
    static const ui_keymap *const all[] = {&app_keymap,     &map_keymap,     &reader_keymap,
                                           &stepper_keymap, &trainer_keymap, &exercise_keymap};
    return i >= 0 && i < (int)(sizeof all / sizeof all[0]) ? all[i] : NULL;
}

/* The keys the help lists for the top screen: its whole table (or what its
 * keys() gives), then the app's own. Returns how many (<= max). */
static int app_help_keys(const ui_screen *top, const ui_ctx *ctx, ui_keyhelp *out, int max)
{
    int n = 0;
    if (top && top->ops->keymap) {
        const ui_binding *b;
        for (int i = 0; n < max && (b = ui_keymap_help_at(top->ops->keymap, i)); i++)
            out[n++] = (ui_keyhelp){ui_binding_key(b, ctx), b->help_en, b->help_zh};
    } else if (top && top->ops->keys) {
        n = top->ops->keys(top, ctx, out, max - 4);
        if (n < 0)
            n = 0;
    }
    const ui_binding *b;
    for (int i = 0; n < max && (b = ui_keymap_help_at(&app_keymap, i)); i++) {
        const char *en = b->help_en;
        if (b == &app_bindings[APP_ROW_LANG] && ctx->ascii)
            en = "switch language: Chinese / English";
        out[n++] = (ui_keyhelp){ui_binding_key(b, ctx), en, b->help_zh};
    }
    return n;
}

/* The rows the help overlay's content takes at the current width: the
 * wrapped help text, a blank row, "Keys", the screen's and the app's keys. */
static int app_help_rows(const ui_app *app)
{
    const ui_screen *top = app_top(app);
    const char *help = top && top->ops->help ? top->ops->help(top, &app->ctx) : "";
    text_line *lines = NULL;
    size_t n = text_wrap(help, app->w - 4, &lines);
    free(lines);
    ui_keyhelp keys[APP_HELP_KEYS];
    int nk = app_help_keys(top, &app->ctx, keys, APP_HELP_KEYS);
    return (int)n + 2 + nk;
}

static void app_toggle_lang(ui_app *app)
{
    app->ctx.lang = app->ctx.lang == UI_LANG_ZH ? UI_LANG_EN : UI_LANG_ZH;
    app_reshow_top(app);
    app_save(app);
    if (app->no_cjk && app->ctx.lang == UI_LANG_ZH)
        app_message(app, "Chinese needs a UTF-8 terminal (e.g. LANG=C.UTF-8); here it shows as ?. L switches back.");
}

unsigned app_key(ui_app *app, ui_key key)
{
    app->notice[0] = '\0';
    app->ctx.body = layout_compute(app->w, app->h).body;
    if (key.code == UI_KEY_CTRL_C)
        return UI_QUIT;
    ui_screen *top = app_top(app);
    if (!top)
        return UI_QUIT;
    /* Too small: nothing to see, so no key acts unseen on the screen behind
     * the notice; q (and Esc) quit, as the notice says. */
    if (layout_compute(app->w, app->h).too_small) {
        bool quit = key.code == UI_KEY_ESC || (key.code == UI_KEY_CHAR && key.ch == 'q');
        return quit ? UI_QUIT : UI_NOTHING;
    }
    if (app->help_open) {
        if (key.code == UI_KEY_DOWN || (key.code == UI_KEY_CHAR && key.ch == 'j'))
            app->help_scroll++;
        else if (key.code == UI_KEY_UP || (key.code == UI_KEY_CHAR && key.ch == 'k'))
            app->help_scroll = app->help_scroll > 0 ? app->help_scroll - 1 : 0;
        else if (key.code == UI_KEY_PGDN)
            app->help_scroll += app->h / 2;
        else if (key.code == UI_KEY_PGUP)
            app->help_scroll = app->help_scroll > app->h / 2 ? app->help_scroll - app->h / 2 : 0;
        else if (key.code == UI_KEY_CHAR && key.ch == 'L')
            app_toggle_lang(app);
        else
            app->help_open = false;
        int max = app_help_rows(app) - (app->h - 4);
        if (app->help_scroll > max)
            app->help_scroll = max > 0 ? max : 0;
        return UI_REDRAW;
    }
    bool is_char = key.code == UI_KEY_CHAR;
    if (!app->ctx.text_input && is_char && key.ch == '?') {
        app->help_open = true;
        app->help_scroll = 0;
        return UI_REDRAW;
    }
    if (!app->ctx.text_input && is_char && key.ch == 'L') {
        app_toggle_lang(app);
        return UI_REDRAW;
    }
    bool back = key.code == UI_KEY_ESC || (is_char && key.ch == 'q' && !app->ctx.text_input);
    unsigned bits = top->ops->on_key(top, key, &app->ctx);
    if (bits == UI_NOTHING && back)
        bits = app->depth > 1 ? UI_POP : UI_QUIT;
    return app_apply(app, top, bits) | UI_REDRAW;
}

unsigned app_tick(ui_app *app, double budget_ms)
{
    ui_screen *top = app_top(app);
    if (!top || !top->animating || !top->ops->tick)
        return UI_NOTHING;
    app->ctx.body = layout_compute(app->w, app->h).body;
    unsigned bits = top->ops->tick(top, budget_ms, &app->ctx);
    if (!(bits & UI_ANIMATE))
        top->animating = false;
    return app_apply(app, top, bits & ~(unsigned)UI_ANIMATE);
}

bool app_animating(const ui_app *app)
{
    const ui_screen *top = app_top(app);
    return top && top->animating && top->ops->tick && !app->help_open;
}

/* ---- drawing ---- */

/* Draws "key label" pairs from x while they fit before `right`; returns how
 * many it drew. */
static int app_draw_keys(ui_canvas *c, int x, int y, int right, const ui_keyhelp *keys, int n, const ui_ctx *ctx)
{
    for (int i = 0; i < n; i++) {
        const char *label = UI_TR(ctx, keys[i].en, keys[i].zh);
        int need = text_width(keys[i].key) + 1 + text_width(label);
        if (x + need > right)
            return i;
        x += canvas_text(c, x, y, right - x, keys[i].key, ROLE_KEY);
        x += 1;
        x += canvas_text(c, x, y, right - x, label, ROLE_BAR);
        x += 2;
    }
    return n;
}

/* How many of keys fit between x and right, as app_draw_keys draws them. */
static int app_keys_fit(int x, int right, const ui_keyhelp *keys, int n, const ui_ctx *ctx)
{
    for (int i = 0; i < n; i++) {
        int need = text_width(keys[i].key) + 1 + text_width(UI_TR(ctx, keys[i].en, keys[i].zh));
        if (x + need > right)
            return i;
        x += need + 2;
    }
    return n;
}

static int app_keys_width(const ui_keyhelp *keys, int n, const ui_ctx *ctx)
{
    int w = 0;
    for (int i = 0; i < n; i++)
        w += text_width(keys[i].key) + 1 + text_width(UI_TR(ctx, keys[i].en, keys[i].zh)) + 2;
    return w;
}

/* The key bar's entry for one of the app's own keys: the row's first key
 * and its bar label, or the label given (en, zh) for a variant of the same
 * key ("quit" for q on the course map, "more keys" for ?). L's label is
 * "Chinese" where 中文 cannot be shown. */
static ui_keyhelp app_bar_entry(enum app_row row, const ui_ctx *ctx, const char *en, const char *zh)
{
    const ui_binding *b = &app_bindings[row];
    /* q's row is written "q/Esc" for the help; the bar names q alone */
    ui_keyhelp k = {row == APP_ROW_BACK ? "q" : b->key, en ? en : b->bar_en, zh ? zh : b->bar_zh};
    if (row == APP_ROW_LANG && ctx->ascii && !en)
        k.en = "Chinese";
    return k;
}

/* The bottom bar: the top screen's keys from the left, the app's own keys
 * (? L q) flush right. The screen's keys are cut from the end when space
 * runs out, and then `?` says "more keys": the help lists them all. */
static void app_render_keybar(const ui_app *app, ui_canvas *c, ui_rect bar)
{
    const ui_ctx *ctx = &app->ctx;
    canvas_fill(c, bar.x, bar.y, bar.w, 1, ' ', ROLE_BAR);
    ui_keyhelp keys[APP_HELP_KEYS], global[4];
    int n = 0, ng = 0;
    int help_at = -1; /* where `?` is among the app's keys, if it is */
    const ui_screen *top = app_top(app);
    if (app->help_open) {
        if (app_help_rows(app) > app->h - 4)
            keys[n++] = (ui_keyhelp){"j/k", "scroll", "滚动"};
        global[ng++] = app_bar_entry(APP_ROW_LANG, ctx, NULL, NULL);
        global[ng++] = (ui_keyhelp){UI_TR(ctx, "any key", "任意键"), "close help", "关闭帮助"};
    } else {
        n = ui_screen_bar_keys(top, ctx, keys, APP_HELP_KEYS);
        if (!ctx->text_input) {
            help_at = ng;
            global[ng++] = app_bar_entry(APP_ROW_HELP, ctx, NULL, NULL);
            global[ng++] = app_bar_entry(APP_ROW_LANG, ctx, NULL, NULL);
            /* A screen that gives q a meaning of its own ("S/q back to the
             * trainer") binds it in its table; the app's q would contradict it. */
            bool claimed = top && top->ops->keymap &&
                           ui_keymap_claims(top->ops->keymap, top, ctx, UI_CH('q'));
            if (!claimed)
                global[ng++] = app->depth > 1 ? app_bar_entry(APP_ROW_BACK, ctx, NULL, NULL)
                                              : app_bar_entry(APP_ROW_BACK, ctx, "quit", "退出");
        }
    }
    int right = bar.x + bar.w;
    int gx = right - app_keys_width(global, ng, ctx);
    if (gx < bar.x + 1)
        gx = bar.x + 1;
    if (help_at >= 0 && app_keys_fit(bar.x + 1, gx - 2, keys, n, ctx) < n) {
        global[help_at] = app_bar_entry(APP_ROW_HELP, ctx, "more keys", "更多按键");
        gx = right - app_keys_width(global, ng, ctx);
        if (gx < bar.x + 1)
            gx = bar.x + 1;
    }
    app_draw_keys(c, bar.x + 1, bar.y, gx - 2, keys, n, ctx);
    app_draw_keys(c, gx, bar.y, right, global, ng, ctx);
}

static void app_render_too_small(const ui_app *app, ui_canvas *c)
{
    char line[128];
    snprintf(line, sizeof line, "terminal too small: need 80%s24, have %d%s%d",
             app->ctx.ascii ? "x" : "\u00d7", c->width, app->ctx.ascii ? "x" : "\u00d7", c->height);
    const char *zh = "终端太小";
    int y = c->height / 2;
    int wl = text_width(line);
    int x = (c->width - wl) / 2;
    if (x < 0)
        x = 0;
    if (app->ctx.lang == UI_LANG_ZH && y > 0)
        canvas_text(c, (c->width - text_width(zh)) / 2 > 0 ? (c->width - text_width(zh)) / 2 : 0, y - 1, -1, zh,
                    ROLE_WARN);
    canvas_text(c, x, y, -1, line, ROLE_WARN);
    if (y + 1 < c->height) {
        const char *hint = UI_TR(&app->ctx, "enlarge the window, or press q to quit",
                                 "请放大窗口，或按 q 退出");
        int hx = (c->width - text_width(hint)) / 2;
        canvas_text(c, hx > 0 ? hx : 0, y + 1, -1, hint, ROLE_DIM);
    }
}

/* The `?` overlay: the screen's help text, then its keys and the global ones. */
static void app_render_help(const ui_app *app, ui_canvas *c, ui_rect body)
{
    const ui_ctx *ctx = &app->ctx;
    const ui_screen *top = app_top(app);
    ui_rect box = {body.x, body.y + 1, body.w, body.h - 1};
    canvas_fill(c, box.x, box.y, box.w, box.h, ' ', ROLE_NORMAL);
    char title[96];
    snprintf(title, sizeof title, "%s: %s", UI_TR(ctx, "Help", "帮助"),
             top ? screen_title(top, ctx) : "");
    canvas_box(c, box.x, box.y, box.w, box.h, title, ROLE_BORDER, ctx->ascii);
    int tw = box.w - 4, th = box.h - 2;
    int y = -app->help_scroll;
    const char *help = top && top->ops->help ? top->ops->help(top, ctx) : "";
    text_line *lines = NULL;
    size_t n = text_wrap(help, tw, &lines);
    for (size_t i = 0; i < n; i++, y++) {
        if (y < 0 || y >= th)
            continue;
        char buf[1024];
        size_t len = lines[i].len < sizeof buf - 1 ? lines[i].len : sizeof buf - 1;
        memcpy(buf, help + lines[i].start, len);
        buf[len] = '\0';
        canvas_text(c, box.x + 2, box.y + 1 + y, tw, buf, ROLE_NORMAL);
    }
    free(lines);
    y++;
    if (y >= 0 && y < th)
        canvas_text(c, box.x + 2, box.y + 1 + y, tw, UI_TR(ctx, "Keys", "按键"), ROLE_HEADING);
    y++;
    ui_keyhelp keys[APP_HELP_KEYS];
    int nk = app_help_keys(top, ctx, keys, APP_HELP_KEYS);
    int kw = 12;
    for (int i = 0; i < nk; i++)
        if (text_width(keys[i].key) > kw)
            kw = text_width(keys[i].key);
    if (kw > tw / 3)
        kw = tw / 3;
    for (int i = 0; i < nk; i++, y++) {
        if (y < 0 || y >= th)
            continue;
        canvas_text(c, box.x + 2, box.y + 1 + y, kw, keys[i].key, ROLE_KEY);
        screen_text_fit(c, box.x + 3 + kw, box.y + 1 + y, tw - kw - 1, UI_TR(ctx, keys[i].en, keys[i].zh),
                        ROLE_NORMAL, ctx->ascii);
    }
    /* More above or below: arrows in the border, as in the reader. */
    if (app->help_scroll > 0)
        canvas_put(c, box.x + box.w - 3, box.y, glyph_cp(GLYPH_ARROW_UP, ctx->ascii), ROLE_KEY);
    if (y > th)
        canvas_put(c, box.x + box.w - 3, box.y + box.h - 1, glyph_cp(GLYPH_ARROW_DOWN, ctx->ascii), ROLE_KEY);
}

void app_render(const ui_app *app, ui_canvas *c)
{
    canvas_clear(c);
    ui_layout l = layout_compute(c->width, c->height);
    if (l.too_small) {
        app_render_too_small(app, c);
        return;
    }
    const ui_screen *top = app_top(app);
    if (top)
        top->ops->render(top, c, l.body, &app->ctx);
    if (app->help_open)
        app_render_help(app, c, l.body);
    if (app->notice[0]) {
        /* Wrapped, at most APP_NOTICE_ROWS rows, ending just above the key bar. */
        text_line *lines = NULL;
        size_t n = text_wrap(app->notice, l.message.w - 2, &lines);
        int rows = n > APP_NOTICE_ROWS ? APP_NOTICE_ROWS : (int)n;
        for (int i = 0; i < rows; i++) {
            int y = l.message.y - rows + 1 + i;
            char buf[sizeof app->notice];
            size_t len = lines[i].len < sizeof buf - 1 ? lines[i].len : sizeof buf - 1;
            memcpy(buf, app->notice + lines[i].start, len);
            buf[len] = '\0';
            canvas_fill(c, l.message.x, y, l.message.w, 1, ' ', ROLE_WARN);
            canvas_text(c, l.message.x + 1, y, l.message.w - 2, buf, ROLE_WARN);
        }
        free(lines);
    }
    app_render_keybar(app, c, l.keybar);
}
