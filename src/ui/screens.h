/*
 * screens.h — the app's own screens (the labs are in stepper/ and trainer/)
 * and small drawing helpers they share.
 *
 * Both constructors read the course and progress from ctx (the app's) and
 * return a screen the app owns, or NULL on no memory.
 */
#ifndef DNN_UI_SCREENS_H
#define DNN_UI_SCREENS_H

#include <stddef.h>

#include "canvas.h"
#include "screen.h"

struct lesson;

/* The course map: weeks → lessons with done / current / not-yet marks. */
ui_screen *map_screen_new(const ui_ctx *ctx);

/* The lesson reader at page (clamped to the lesson's pages). */
ui_screen *reader_screen_new(const ui_ctx *ctx, const struct lesson *l, int page);

/* The exercise screen (exercise/exercise_screen.h) for the exercise id
 * ("w4a1/linear_forward"), or with id NULL the first one not passed yet;
 * the learner's folder is the one the progress remembers, else
 * ~/dnn-tutor-exercises. NULL with a one-line reason in err. */
ui_screen *exercise_screen_new(const ui_ctx *ctx, const char *id, char *err, size_t err_size);

/* The course map's, the lesson reader's and the exercise screen's key tables (keymap.h). */
extern const struct ui_keymap map_keymap;
extern const struct ui_keymap reader_keymap;
extern const struct ui_keymap exercise_keymap;

/* A screen's name for people ("Course map" / "课程地图"), from ops->name. */
const char *screen_title(const ui_screen *s, const ui_ctx *ctx);

/* The title bar: `left` from the left edge, `right` flush right, in ROLE_TITLE. */
void screen_draw_title(ui_canvas *c, ui_rect row, const char *left, const char *right);

/* Draws one line of text in at most max_cols columns; text that does not
 * fit is cut at a character boundary and ends in … ('.' in ASCII). Returns
 * the columns written. */
int screen_text_fit(ui_canvas *c, int x, int y, int max_cols, const char *utf8, ui_role role, bool ascii);

/* Draws wrapped text into rect from line `skip` on; returns the lines it
 * takes in all (drawn or not). */
int screen_draw_wrapped(ui_canvas *c, ui_rect rect, int skip, const char *utf8, ui_role role);

#endif
