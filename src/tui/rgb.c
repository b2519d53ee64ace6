/*
 * rgb.c — picture colours to terminal colour numbers (see rgb.h).
 */
#include "rgb.h"

#define RGB_DIRECT_COLORS (1 << 24)

/* xterm's cube levels and where each level's range ends (the midpoints). */
static const int cube_level[6] = {0, 95, 135, 175, 215, 255};

static long rgb_dist(const uint8_t a[3], int r, int g, int b)
{
    long dr = a[0] - r, dg = a[1] - g, db = a[2] - b;
    return dr * dr + dg * dg + db * db;
}

static int rgb_cube_index(int v)
{
    int best = 0;
    for (int k = 1; k < 6; k++)
        if ((v - cube_level[k]) * (v - cube_level[k]) < (v - cube_level[best]) * (v - cube_level[best]))
            best = k;
    return best;
}

int rgb_to_xterm256(const uint8_t rgb[3])
{
    int ri = rgb_cube_index(rgb[0]), gi = rgb_cube_index(rgb[1]), bi = rgb_cube_index(rgb[2]);
    int best = 16 + 36 * ri + 6 * gi + bi;
    long best_d = rgb_dist(rgb, cube_level[ri], cube_level[gi], cube_level[bi]);
    /* the grey ramp: 232 + k is 8 + 10k on every channel */
    for (int k = 0; k < 24; k++) {
        int v = 8 + 10 * k;
        long d = rgb_dist(rgb, v, v, v);
        if (d < best_d) {
            best_d = d;
            best = 232 + k;
        }
    }
    return best;
}

int rgb_to_basic8(const uint8_t rgb[3])
{
    /* black, red, green, yellow, blue, magenta, cyan, white as xterm draws them */
    static const int basic[8][3] = {{0, 0, 0},   {205, 0, 0},   {0, 205, 0},   {205, 205, 0},
                                    {0, 0, 238}, {205, 0, 205}, {0, 205, 205}, {229, 229, 229}};
    int best = 0;
    long best_d = rgb_dist(rgb, basic[0][0], basic[0][1], basic[0][2]);
    for (int k = 1; k < 8; k++) {
        long d = rgb_dist(rgb, basic[k][0], basic[k][1], basic[k][2]);
        if (d < best_d) {
            best_d = d;
            best = k;
        }
    }
    return best;
}

int rgb_color_number(const uint8_t rgb[3], int colors)
{
    if (colors >= RGB_DIRECT_COLORS) {
        int v = (rgb[0] << 16) | (rgb[1] << 8) | rgb[2];
        return v < 8 ? 8 : v;
    }
    if (colors >= 256)
        return rgb_to_xterm256(rgb);
    return rgb_to_basic8(rgb);
}
