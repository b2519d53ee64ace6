/*
 * test_ex_lessons.c — the shipped lessons and exercises.json agree: every
 * exercise that names a lesson has an exercise block in that lesson, and
 * every exercise block of the shipped lessons names an exercise dnn-tutor
 * checks (`lessons check` reports the latter for any lesson folder).
 */
#include <stdio.h>
#include <string.h>

#include "dnn_test.h"
#include "ex_catalog.h"
#include "ex_files.h"
#include "lesson.h"

static ex_catalog *load_catalog(void)
{
    char root[4096], path[4200], msg[512];
    assert_true(ex_find_root(root, sizeof root));
    snprintf(path, sizeof path, "%s/exercises.json", root);
    ex_catalog *c = ex_catalog_load(path, msg, sizeof msg);
    if (!c)
        fail_msg("%s", msg);
    return c;
}

static bool lesson_links(const lesson *l, const char *id)
{
    for (int p = 0; p < l->n_pages; p++)
        for (int b = 0; b < l->pages[p].n_blocks; b++) {
            const lesson_block *bl = &l->pages[p].blocks[b];
            if (bl->kind == LESSON_BLOCK_EXERCISE && !strcmp(bl->exercise->id, id))
                return true;
        }
    return false;
}

static void every_exercise_is_linked_from_the_lesson_that_teaches_it(void **state)
{
    (void)state;
    ex_catalog *cat = load_catalog();
    lesson_course *course = lesson_load_shipped();
    assert_non_null(course);
    int missing = 0, linked = 0;
    for (int i = 0; i < cat->n; i++) {
        const ex_meta *m = &cat->ex[i];
        if (!m->lesson)
            continue;
        const lesson *l = lesson_course_find_lesson(course, m->lesson);
        if (!l) {
            print_message("%s names lesson %s, which is not shipped\n", m->id, m->lesson);
            missing++;
        } else if (!lesson_links(l, m->id)) {
            print_message("lesson %s has no exercise block for %s\n", m->lesson, m->id);
            missing++;
        } else
            linked++;
    }
    assert_int_equal(missing, 0);
    assert_true(linked >= 30);
    lesson_course_free(course);
    ex_catalog_free(cat);
}

static void every_shipped_exercise_block_names_a_known_exercise(void **state)
{
    (void)state;
    ex_catalog *cat = load_catalog();
    lesson_course *course = lesson_load_shipped();
    assert_non_null(course);
    int blocks = 0;
    for (int i = 0; i < course->n_lessons; i++) {
        const lesson *l = lesson_course_lesson_at(course, i);
        for (int p = 0; p < l->n_pages; p++)
            for (int b = 0; b < l->pages[p].n_blocks; b++) {
                const lesson_block *bl = &l->pages[p].blocks[b];
                if (bl->kind != LESSON_BLOCK_EXERCISE)
                    continue;
                blocks++;
                if (!ex_catalog_find(cat, bl->exercise->id))
                    fail_msg("lesson %s links %s, which exercises.json does not have", l->id, bl->exercise->id);
            }
    }
    assert_int_equal(blocks, course->n_exercises);
    lesson_course_free(course);
    ex_catalog_free(cat);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_exercise_is_linked_from_the_lesson_that_teaches_it),
        cmocka_unit_test(every_shipped_exercise_block_names_a_known_exercise),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
