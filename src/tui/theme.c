/*
 * theme.c — roles to curses attributes and colour pairs (see theme.h).
 *
 * Pair numbers:  1 … ROLE_COUNT−1           one per role
 *                HEAT_BASE + fg·9 + bg      heat cells, shades 0 … 8 each
 *                alloc_pair(fg, bg)         picture cells (UI_CELL_RGB), as they come:
 *                                           the colour numbers of rgb.h, pairs reused
 *                                           by ncurses when the table is full
 */
#include "theme.h"

#include <curses.h>
#include <stdlib.h>

#include "rgb.h"

typedef struct theme_role {
    short fg, bg;        /* −1 = the terminal's default */
    attr_t color_attrs;  /* extra attributes in the colour theme */
    attr_t mono_attrs;   /* the attributes of the monochrome theme */
} theme_role;

static const theme_role theme_roles[ROLE_COUNT] = {
    [ROLE_NORMAL] = {-1, -1, A_NORMAL, A_NORMAL},
    [ROLE_DIM] = {COLOR_BLUE, -1, A_NORMAL, A_DIM},
    [ROLE_TITLE] = {COLOR_BLACK, COLOR_CYAN, A_BOLD, A_REVERSE | A_BOLD},
    [ROLE_HEADING] = {COLOR_CYAN, -1, A_BOLD, A_BOLD | A_UNDERLINE},
    [ROLE_BORDER] = {COLOR_BLUE, -1, A_NORMAL, A_NORMAL},
    [ROLE_SELECTED] = {COLOR_BLACK, COLOR_YELLOW, A_NORMAL, A_REVERSE},
    [ROLE_CURRENT] = {COLOR_YELLOW, -1, A_BOLD, A_BOLD},
    [ROLE_KEY] = {COLOR_CYAN, -1, A_BOLD, A_BOLD},
    [ROLE_BAR] = {-1, -1, A_NORMAL, A_NORMAL},
    [ROLE_STATUS] = {COLOR_BLACK, COLOR_WHITE, A_NORMAL, A_REVERSE},
    [ROLE_OK] = {COLOR_GREEN, -1, A_BOLD, A_BOLD},
    [ROLE_BAD] = {COLOR_RED, -1, A_BOLD, A_BOLD | A_UNDERLINE},
    [ROLE_WARN] = {COLOR_YELLOW, -1, A_BOLD, A_BOLD | A_REVERSE},
    [ROLE_FORMULA] = {COLOR_MAGENTA, -1, A_NORMAL, A_BOLD},
    [ROLE_CODE] = {COLOR_GREEN, -1, A_NORMAL, A_NORMAL},
    [ROLE_NOTE] = {COLOR_YELLOW, -1, A_NORMAL, A_NORMAL},
    [ROLE_INPUT] = {-1, -1, A_UNDERLINE, A_UNDERLINE},
    [ROLE_CLASS0] = {COLOR_BLUE, -1, A_BOLD, A_NORMAL},
    [ROLE_CLASS1] = {COLOR_RED, -1, A_BOLD, A_BOLD},
    [ROLE_HEAT] = {-1, -1, A_NORMAL, A_NORMAL},
    [ROLE_PLOT] = {COLOR_GREEN, -1, A_NORMAL, A_NORMAL},
    [ROLE_MARKER] = {COLOR_YELLOW, -1, A_BOLD, A_BOLD},
};

#define HEAT_BASE 32
#define HEAT_LEVELS (UI_SHADE_MAX + 1)

/* Shade 1 (class 0, strong blue) … UI_SHADES (class 1, strong orange-red),
 * then the points' inks: navy for class 0, dark red for class 1, darker than
 * their own regions and far from the other class's. */
static const short heat_256[HEAT_LEVELS] = {-1, 25, 32, 74, 152, 223, 215, 209, 202, 17, 88};
static const short heat_8[HEAT_LEVELS] = {
    -1, COLOR_BLUE, COLOR_BLUE, COLOR_CYAN, COLOR_CYAN, COLOR_YELLOW, COLOR_YELLOW, COLOR_RED, COLOR_RED,
    COLOR_BLUE, COLOR_RED,
};

static bool theme_color;
static bool theme_heat_pairs;   /* the full 9 × 9 heat pairs */
static bool theme_heat_coarse;  /* too few pairs: 3 levels (default, blue, red) */

/* Shade → coarse level: 0 stays the role's colour, class 0 half → blue, class 1 half → red. */
static int theme_coarse(int shade)
{
    if (shade > UI_SHADES)
        return shade == UI_SHADE_POINT0 ? 1 : 2;
    return shade == 0 ? 0 : shade <= UI_SHADES / 2 ? 1 : 2;
}

void theme_init(bool want_color)
{
    const char *nc = getenv("NO_COLOR");
    theme_color = want_color && !(nc && *nc) && has_colors() && COLORS >= 8 && COLOR_PAIRS >= ROLE_COUNT;
    theme_heat_pairs = theme_heat_coarse = false;
    if (!theme_color)
        return;
    for (int r = 1; r < ROLE_COUNT; r++)
        init_pair((short)r, theme_roles[r].fg, theme_roles[r].bg);
    if (COLOR_PAIRS >= HEAT_BASE + HEAT_LEVELS * HEAT_LEVELS) {
        const short *ramp = COLORS >= 256 ? heat_256 : heat_8;
        for (int f = 0; f < HEAT_LEVELS; f++)
            for (int b = 0; b < HEAT_LEVELS; b++)
                init_pair((short)(HEAT_BASE + f * HEAT_LEVELS + b), ramp[f], ramp[b]);
        theme_heat_pairs = true;
    } else if (COLOR_PAIRS >= HEAT_BASE + 9) {
        static const short coarse[3] = {-1, COLOR_BLUE, COLOR_RED};
        for (int f = 0; f < 3; f++)
            for (int b = 0; b < 3; b++)
                init_pair((short)(HEAT_BASE + f * 3 + b), coarse[f], coarse[b]);
        theme_heat_coarse = true;
    }
}

bool theme_has_color(void)
{
    return theme_color;
}

void theme_cell_style(const ui_cell *cell, unsigned long *attrs, int *pair)
{
    int role = cell->role < ROLE_COUNT ? cell->role : ROLE_NORMAL;
    attr_t a;
    int p = 0;
    if (theme_color) {
        a = theme_roles[role].color_attrs;
        p = (short)role;
        if (cell->flags & UI_CELL_RGB) {
            int rgb_pair = alloc_pair(rgb_color_number(cell->rgb, COLORS), rgb_color_number(cell->rgb + 3, COLORS));
            if (rgb_pair > 0)
                p = rgb_pair;
        } else if ((cell->flags & UI_CELL_SHADED) && theme_heat_pairs)
            p = (short)(HEAT_BASE + (cell->fg % HEAT_LEVELS) * HEAT_LEVELS + (cell->bg % HEAT_LEVELS));
        else if ((cell->flags & UI_CELL_SHADED) && theme_heat_coarse)
            p = (short)(HEAT_BASE + theme_coarse(cell->fg) * 3 + theme_coarse(cell->bg));
    } else {
        a = theme_roles[role].mono_attrs;
        /* Monochrome heat: the class-1 half shows as reverse video. */
        if ((cell->flags & UI_CELL_SHADED) && cell->bg > UI_SHADES / 2 && cell->bg <= UI_SHADES)
            a |= A_REVERSE;
    }
    if (cell->flags & UI_CELL_BOLD)
        a |= A_BOLD;
    if (cell->flags & UI_CELL_REVERSE)
        a |= A_REVERSE;
    if (cell->flags & UI_CELL_UNDERLINE)
        a |= A_UNDERLINE;
    *attrs = a;
    *pair = p;
}
