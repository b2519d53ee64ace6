/*
 * fuzz_lesson.c — the lesson loader on arbitrary bytes: scan, parse,
 * validate, build the course, then use it as the app would (lookups, the
 * answer checker, formatting every problem). Nothing may crash, leak, hang
 * or read out of bounds, whatever the input.
 *
 * An input holding the line "\x1e" (ASCII record separator) between two
 * newlines is split there into several files, so the cross-file rules
 * (duplicate ids and week numbers, prerequisites in skipped files) are
 * fuzzed too.
 *
 * Built with clang -fsanitize=fuzzer as tests/fuzz/fuzz_lesson, and with any
 * compiler into fuzz_lesson_replay (fuzz_replay.c), which feeds it the corpus.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "lesson.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_MAX_FILES 8

static void use_course(const lesson_course *c)
{
    char line[1024];
    for (int i = 0; i < c->n_problems; i++)
        lesson_problem_format(&c->problems[i], line, sizeof line);
    for (int i = 0; i < c->n_lessons; i++) {
        const lesson *l = lesson_course_lesson_at(c, i);
        if (lesson_course_find_lesson(c, l->id) != l)
            __builtin_trap();
        for (int p = 0; p < l->n_pages; p++)
            for (int b = 0; b < l->pages[p].n_blocks; b++) {
                const lesson_block *blk = &l->pages[p].blocks[b];
                lesson_lines zh = lesson_block_lines(blk, LESSON_LANG_ZH);
                for (int k = 0; k < zh.count; k++)
                    (void)strlen(zh.items[k]);
                const lesson_quiz *q = blk->quiz;
                if (!q)
                    continue;
                if (lesson_course_find_quiz(c, q->id) != q)
                    __builtin_trap();
                (void)lesson_quiz_check(q, "1");
                (void)lesson_quiz_check(q, "(4, 400)");
                (void)lesson_quiz_check_choice(q, 0);
                /* a quiz's own answer is right */
                if (q->kind == LESSON_QUIZ_CHOICE && !lesson_quiz_check_choice(q, q->answer_index))
                    __builtin_trap();
                if ((q->kind == LESSON_QUIZ_SHAPE || q->kind == LESSON_QUIZ_WORD) &&
                    !lesson_quiz_check(q, q->answer_text))
                    __builtin_trap();
            }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    lesson_source sources[FUZZ_MAX_FILES];
    static const char *const names[FUZZ_MAX_FILES] = {"a.json", "b.json", "c.json", "d.json",
                                                      "e.json", "f.json", "g.json", "h.json"};
    int n = 0;
    const char *p = (const char *)data, *end = p + size;
    while (n < FUZZ_MAX_FILES - 1) {
        const char *sep = NULL;
        for (const char *s = p; s + 3 <= end; s++)
            if (s[0] == '\n' && s[1] == '\x1e' && s[2] == '\n') {
                sep = s;
                break;
            }
        if (!sep)
            break;
        sources[n] = (lesson_source){names[n], p, (size_t)(sep - p)};
        n++;
        p = sep + 3;
    }
    sources[n] = (lesson_source){names[n], p, (size_t)(end - p)};
    n++;
    lesson_course *c = lesson_load_sources(sources, n);
    if (c)
        use_course(c);
    lesson_course_free(c);
    return 0;
}
