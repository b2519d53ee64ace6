/*
 * test_stepper_layout.c — the stepper's panels for a body rectangle: inside
 * the body, not overlapping, compact at 80 columns, more room at 100×30 and
 * 200×60, and the op list never taller than the list.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "ui/stepper/stepper_view.h"

static bool inside(ui_rect r, ui_rect body)
{
    return r.x >= body.x && r.y >= body.y && r.w > 0 && r.h > 0 && r.x + r.w <= body.x + body.w &&
           r.y + r.h <= body.y + body.h;
}

static bool apart(ui_rect a, ui_rect b)
{
    return a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
}

static void check_body(ui_rect body, int L)
{
    stepper_layout lo = stepper_layout_of(body, L);
    const ui_rect all[] = {lo.header, lo.ops, lo.table, lo.right};
    for (int i = 0; i < 4; i++) {
        assert_true(inside(all[i], body));
        for (int j = i + 1; j < 4; j++)
            assert_true(apart(all[i], all[j]));
    }
    assert_true(lo.sep_x >= lo.ops.x + lo.ops.w && lo.sep_x < lo.right.x);
    assert_true(lo.ops.h <= 1 + 6 * L + 1);
    assert_int_equal(lo.table.h, lo.table_has_dA ? 9 : 8);
}

static void every_panel_fits_the_body_without_overlap(void **state)
{
    (void)state;
    const ui_rect bodies[] = {{0, 0, 80, 23}, {0, 0, 100, 29}, {0, 0, 200, 59}, {3, 2, 120, 40}};
    for (int b = 0; b < 4; b++)
        for (int L = 1; L <= 5; L++)
            check_body(bodies[b], L);
}

static void eighty_columns_are_compact_and_fit_the_week_3_list(void **state)
{
    (void)state;
    stepper_layout lo = stepper_layout_of((ui_rect){0, 0, 80, 23}, 2);
    assert_true(lo.compact);
    assert_false(lo.table_has_dA);
    assert_int_equal(lo.ops.h, 14);  /* heading + 13 operations */
    assert_int_equal(lo.right.w, 48);
}

static void bigger_terminals_give_more_room(void **state)
{
    (void)state;
    stepper_layout small = stepper_layout_of((ui_rect){0, 0, 80, 23}, 2);
    stepper_layout mid = stepper_layout_of((ui_rect){0, 0, 100, 29}, 2);
    stepper_layout big = stepper_layout_of((ui_rect){0, 0, 200, 59}, 2);
    assert_false(mid.compact);
    assert_true(mid.table_has_dA);
    assert_true(mid.right.w > small.right.w && big.right.w > mid.right.w);
    assert_true(mid.right.h > small.right.h && big.right.h > mid.right.h);
    assert_true(big.ops.w > small.ops.w);
}

static void a_deep_list_scrolls_inside_the_room_it_has(void **state)
{
    (void)state;
    stepper_layout lo = stepper_layout_of((ui_rect){0, 0, 80, 23}, 4);  /* 25 operations */
    assert_int_equal(lo.ops.h, 23 - 1 - 8);
    assert_int_equal(lo.table.y, lo.ops.y + lo.ops.h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_panel_fits_the_body_without_overlap),
        cmocka_unit_test(eighty_columns_are_compact_and_fit_the_week_3_list),
        cmocka_unit_test(bigger_terminals_give_more_room),
        cmocka_unit_test(a_deep_list_scrolls_inside_the_room_it_has),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
