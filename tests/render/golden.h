/*
 * golden.h — the golden-text comparison every render test uses.
 *
 * golden_check("stepper", "forward_80x24.txt", text) compares text with
 * $DNN_TUTOR_SOURCE_ROOT/tests/render/golden/stepper/forward_80x24.txt and
 * fails the running cmocka test, printing both, when they differ or the file
 * is missing. With DNN_UPDATE_GOLDEN=1 in the environment it writes the file
 * from text instead — then read the new golden by eye before committing it.
 */
#ifndef DNN_TESTS_RENDER_GOLDEN_H
#define DNN_TESTS_RENDER_GOLDEN_H

void golden_check(const char *dir, const char *file, const char *text);

#endif
