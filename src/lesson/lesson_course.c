/*
 * lesson_course.c — a loaded course: freeing it, formatting its problems,
 * looking things up by id, and the small accessors of lesson.h.
 */
#include "lesson_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void lesson_course_free(lesson_course *course)
{
    if (!course)
        return;
    struct lesson_course_internal *in = course->internal;
    if (in) {
        for (int i = 0; i < in->n_kept; i++)
            lesson_arena_free(in->kept[i]);
        free(in->kept);
        free(in->index);
        lesson_arena_free(in->arena);
        free(in);
    }
    free(course);
}

int lesson_problem_format(const lesson_problem *p, char *buf, size_t size)
{
    const char *path = p->path ? p->path : "";
    if (p->line <= 0)
        return snprintf(buf, size, "%s: %s%s%s", p->file, path, *path ? ": " : "", p->message);
    return snprintf(buf, size, "%s:%d:%d: %s%s%s", p->file, p->line, p->col, path, *path ? ": " : "",
                    p->message);
}

static const void *find_kind(const lesson_course *course, const char *id, lesson_id_kind kind)
{
    if (!course || !id || !course->internal)
        return NULL;
    const lesson_id_entry *e = lesson_index_find(course->internal->index, course->internal->n_index, id);
    return e && e->kind == kind ? e->item : NULL;
}

const lesson_week *lesson_course_find_week(const lesson_course *course, const char *id)
{
    return find_kind(course, id, LESSON_ID_WEEK);
}

const lesson *lesson_course_find_lesson(const lesson_course *course, const char *id)
{
    return find_kind(course, id, LESSON_ID_LESSON);
}

const lesson_quiz *lesson_course_find_quiz(const lesson_course *course, const char *id)
{
    return find_kind(course, id, LESSON_ID_QUIZ);
}

const lesson *lesson_course_lesson_at(const lesson_course *course, int i)
{
    if (!course || i < 0 || i >= course->n_lessons)
        return NULL;
    return course->internal->flat[i];
}

const char *lesson_text_get(lesson_text t, lesson_lang lang)
{
    const char *first = lang == LESSON_LANG_ZH ? t.zh : t.en;
    return first ? first : lang == LESSON_LANG_ZH ? t.en : t.zh;
}

lesson_lines lesson_block_lines(const lesson_block *b, lesson_lang lang)
{
    lesson_lines none = {NULL, 0};
    if (!b || (b->kind != LESSON_BLOCK_FORMULA && b->kind != LESSON_BLOCK_CODE && b->kind != LESSON_BLOCK_DIAGRAM))
        return none;
    return lang == LESSON_LANG_ZH ? b->lines_zh : b->lines_en;
}
