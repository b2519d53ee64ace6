/*
 * layout.c — the pure layout function (see layout.h).
 */
#include "layout.h"

ui_layout layout_compute(int w, int h)
{
    if (w < 1)
        w = 1;
    if (h < 1)
        h = 1;
    ui_layout l;
    l.too_small = w < LAYOUT_MIN_W || h < LAYOUT_MIN_H;
    l.screen = (ui_rect){0, 0, w, h};
    int body_h = h > 1 ? h - 1 : h;
    l.body = (ui_rect){0, 0, w, body_h};
    l.keybar = (ui_rect){0, h - 1, w, 1};
    l.message = (ui_rect){0, body_h - 1, w, 1};
    return l;
}

ui_panels layout_panels(ui_rect body)
{
    ui_panels p;
    p.title = (ui_rect){body.x, body.y, body.w, 1};
    int top = body.y + 1, rest = body.h - 1;
    if (rest < 0)
        rest = 0;
    int list_w = body.w / 2;
    if (list_w < 34)
        list_w = 34;
    if (list_w > 60)
        list_w = 60;
    if (list_w > body.w)
        list_w = body.w;
    p.list = (ui_rect){body.x, top, list_w, rest};
    int dx = body.x + list_w + 1;
    int dw = body.x + body.w - dx;
    p.detail = (ui_rect){dx, top, dw > 0 ? dw : 0, rest};
    int cw = body.w - 4;
    if (cw > LAYOUT_READ_MAX)
        cw = LAYOUT_READ_MAX;
    if (cw < 1)
        cw = body.w;
    p.column = (ui_rect){body.x + (body.w - cw) / 2, top, cw, rest};
    return p;
}
