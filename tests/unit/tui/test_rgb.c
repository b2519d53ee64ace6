/*
 * test_rgb.c — a picture's colour as the terminal's nearest colour (tui/rgb.c):
 * on a direct-colour terminal the colour itself; of xterm's 256 the nearest
 * by RGB distance (checked against every one of the 240 it may pick), each
 * exact cube or grey colour mapping to itself; of the 8 basic ones the
 * nearest, in curses' numbering.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <curses.h>

#include "rgb.h"

/* The colour xterm gives number n (16 … 255). */
static void xterm_rgb(int n, int out[3])
{
    static const int level[6] = {0, 95, 135, 175, 215, 255};
    if (n >= 232) {
        out[0] = out[1] = out[2] = 8 + 10 * (n - 232);
        return;
    }
    n -= 16;
    out[0] = level[n / 36];
    out[1] = level[n / 6 % 6];
    out[2] = level[n % 6];
}

static long dist(const uint8_t a[3], const int b[3])
{
    long d = 0;
    for (int k = 0; k < 3; k++)
        d += (long)(a[k] - b[k]) * (a[k] - b[k]);
    return d;
}

static void every_xterm_colour_maps_to_itself(void **state)
{
    (void)state;
    for (int n = 16; n < 256; n++) {
        int c[3];
        xterm_rgb(n, c);
        uint8_t rgb[3] = {(uint8_t)c[0], (uint8_t)c[1], (uint8_t)c[2]};
        int got = rgb_to_xterm256(rgb), g[3];
        xterm_rgb(got, g);
        assert_int_equal(dist(rgb, g), 0);
        assert_int_equal(rgb_color_number(rgb, 256), got);
    }
}

static void any_colour_gets_the_nearest_of_the_256(void **state)
{
    (void)state;
    uint32_t x = 12345;
    for (int t = 0; t < 5000; t++) {
        x = x * 1103515245u + 12345u;
        uint8_t rgb[3] = {(uint8_t)(x >> 8), (uint8_t)(x >> 16), (uint8_t)(x >> 24)};
        int got = rgb_to_xterm256(rgb), g[3];
        assert_true(got >= 16 && got <= 255);
        xterm_rgb(got, g);
        for (int n = 16; n < 256; n++) {
            int c[3];
            xterm_rgb(n, c);
            assert_true(dist(rgb, g) <= dist(rgb, c));
        }
    }
}

static void the_basic_eight_follow_curses_numbering(void **state)
{
    (void)state;
    const struct {
        uint8_t rgb[3];
        int want;
    } cases[] = {
        {{0, 0, 0}, COLOR_BLACK},     {{250, 10, 0}, COLOR_RED},     {{20, 200, 30}, COLOR_GREEN},
        {{220, 210, 20}, COLOR_YELLOW}, {{10, 20, 230}, COLOR_BLUE},  {{200, 0, 210}, COLOR_MAGENTA},
        {{0, 210, 200}, COLOR_CYAN},  {{255, 255, 255}, COLOR_WHITE},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        assert_int_equal(rgb_to_basic8(cases[k].rgb), cases[k].want);
        assert_int_equal(rgb_color_number(cases[k].rgb, 8), cases[k].want);
        assert_int_equal(rgb_color_number(cases[k].rgb, 16), cases[k].want);
    }
}

static void a_direct_colour_terminal_gets_the_colour_itself(void **state)
{
    (void)state;
    uint8_t orange[3] = {0xf0, 0x80, 0x10};
    assert_int_equal(rgb_color_number(orange, 1 << 24), 0xf08010);
    uint8_t near_black[3] = {0, 0, 5}; /* 0 … 7 would name the basic colours */
    assert_int_equal(rgb_color_number(near_black, 1 << 24), 8);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_xterm_colour_maps_to_itself),
        cmocka_unit_test(any_colour_gets_the_nearest_of_the_256),
        cmocka_unit_test(the_basic_eight_follow_curses_numbering),
        cmocka_unit_test(a_direct_colour_terminal_gets_the_colour_itself),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
