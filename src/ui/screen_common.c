/*
 * screen_common.c — helpers shared by the map and the reader (screens.h).
 */
#include <stdlib.h>
#include <string.h>

#include "glyphs.h"
#include "screens.h"
#include "text.h"

const char *screen_title(const ui_screen *s, const ui_ctx *ctx)
{
    static const struct {
        const char *name, *en, *zh;
    } titles[] = {
        {"map", "Course map", "课程地图"},
        {"reader", "Lesson", "课文"},
        {"stepper", "Stepper lab", "逐步演算实验"},
        {"trainer", "Trainer lab", "训练实验"},
        {"exercise", "Exercise", "练习"},
    };
    const char *name = s && s->ops && s->ops->name ? s->ops->name : "";
    for (size_t i = 0; i < sizeof titles / sizeof titles[0]; i++)
        if (!strcmp(titles[i].name, name))
            return UI_TR(ctx, titles[i].en, titles[i].zh);
    return name;
}

int screen_text_fit(ui_canvas *c, int x, int y, int max_cols, const char *utf8, ui_role role, bool ascii)
{
    if (max_cols <= 0)
        return 0;
    if (text_width(utf8) <= max_cols)
        return canvas_text(c, x, y, max_cols, utf8, role);
    int w = canvas_text(c, x, y, max_cols - 1, utf8, role);
    return w + canvas_put(c, x + w, y, glyph_cp(GLYPH_ELLIPSIS, ascii), role);
}

void screen_draw_title(ui_canvas *c, ui_rect row, const char *left, const char *right)
{
    canvas_fill(c, row.x, row.y, row.w, 1, ' ', ROLE_TITLE);
    int rw = right ? text_width(right) : 0;
    int room = row.w - 2 - (rw ? rw + 2 : 0);
    canvas_text(c, row.x + 1, row.y, room > 0 ? room : 0, left, ROLE_TITLE);
    if (rw && rw + 2 < row.w)
        canvas_text(c, row.x + row.w - 1 - rw, row.y, rw, right, ROLE_TITLE);
}

int screen_draw_wrapped(ui_canvas *c, ui_rect rect, int skip, const char *utf8, ui_role role)
{
    text_line *lines = NULL;
    size_t n = text_wrap(utf8, rect.w, &lines);
    for (size_t i = 0; i < n; i++) {
        int y = (int)i - skip;
        if (y < 0 || y >= rect.h)
            continue;
        char buf[2048];
        size_t len = lines[i].len < sizeof buf - 1 ? lines[i].len : sizeof buf - 1;
        memcpy(buf, utf8 + lines[i].start, len);
        buf[len] = '\0';
        canvas_text(c, rect.x, rect.y + y, rect.w, buf, role);
    }
    free(lines);
    return (int)n;
}
