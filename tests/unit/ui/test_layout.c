/*
 * test_layout.c — terminal size → rectangles, at the sizes we promise.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "layout.h"

static void assert_rect(ui_rect r, int x, int y, int w, int h)
{
    assert_int_equal(r.x, x);
    assert_int_equal(r.y, y);
    assert_int_equal(r.w, w);
    assert_int_equal(r.h, h);
}

static void at_80x24_the_body_leaves_the_last_row_to_the_key_bar(void **state)
{
    (void)state;
    ui_layout l = layout_compute(80, 24);
    assert_false(l.too_small);
    assert_rect(l.body, 0, 0, 80, 23);
    assert_rect(l.keybar, 0, 23, 80, 1);
    assert_rect(l.message, 0, 22, 80, 1);
    ui_panels p = layout_panels(l.body);
    assert_rect(p.title, 0, 0, 80, 1);
    assert_rect(p.list, 0, 1, 40, 22);
    assert_rect(p.detail, 41, 1, 39, 22);
    assert_rect(p.column, 2, 1, 76, 22);
}

static void at_100x30_the_panels_grow_with_the_width(void **state)
{
    (void)state;
    ui_layout l = layout_compute(100, 30);
    assert_false(l.too_small);
    assert_rect(l.body, 0, 0, 100, 29);
    ui_panels p = layout_panels(l.body);
    assert_rect(p.list, 0, 1, 50, 28);
    assert_rect(p.detail, 51, 1, 49, 28);
    assert_rect(p.column, 2, 1, 96, 28);
}

static void at_200x60_the_list_and_the_reading_column_are_capped(void **state)
{
    (void)state;
    ui_layout l = layout_compute(200, 60);
    assert_rect(l.keybar, 0, 59, 200, 1);
    ui_panels p = layout_panels(l.body);
    assert_rect(p.list, 0, 1, 60, 58);
    assert_rect(p.detail, 61, 1, 139, 58);
    assert_rect(p.column, 50, 1, LAYOUT_READ_MAX, 58);
}

static void below_80x24_the_layout_says_too_small(void **state)
{
    (void)state;
    assert_true(layout_compute(79, 24).too_small);
    assert_true(layout_compute(80, 23).too_small);
    assert_true(layout_compute(0, 0).too_small);
    ui_layout l = layout_compute(20, 5);
    assert_true(l.keybar.y < 5 && l.body.w == 20);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(at_80x24_the_body_leaves_the_last_row_to_the_key_bar),
        cmocka_unit_test(at_100x30_the_panels_grow_with_the_width),
        cmocka_unit_test(at_200x60_the_list_and_the_reading_column_are_capped),
        cmocka_unit_test(below_80x24_the_layout_says_too_small),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
