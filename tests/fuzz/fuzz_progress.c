/*
 * fuzz_progress.c — the progress file's reader (progress_parse) on arbitrary
 * bytes. Nothing may crash, leak or read out of bounds, and what it hands
 * back must keep progress.h's promises: within the limits, ids of 1 … 64
 * bytes, NUL-terminated, no negative counts, a lab's values in range; a
 * corrupt file gives a fresh progress. Then the app's own calls run on it.
 *
 * Built with clang -fsanitize=fuzzer as tests/fuzz/fuzz_progress, and with
 * any compiler into fuzz_progress_replay (fuzz_replay.c), which feeds it the
 * seed corpus (corpus/progress/).
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "network.h"
#include "progress.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_id(const char *id)
{
    size_t n = strnlen(id, PROGRESS_ID_MAX + 1);
    if (n == 0 || n > PROGRESS_ID_MAX)
        __builtin_trap();
}

static void check(const ui_progress *p, progress_status st)
{
    if (p->has_lang && p->lang != LESSON_LANG_EN && p->lang != LESSON_LANG_ZH)
        __builtin_trap();
    if (p->n_done < 0 || p->n_done > p->cap_done || p->n_quizzes < 0 || p->n_quizzes > p->cap_quizzes ||
        p->n_exercises < 0 || p->n_exercises > p->cap_exercises)
        __builtin_trap();
    for (int i = 0; i < p->n_done; i++) {
        check_id(p->done[i]);
        if (!progress_is_done(p, p->done[i]))
            __builtin_trap();
    }
    for (int i = 0; i < p->n_quizzes; i++) {
        check_id(p->quizzes[i].id);
        if (p->quizzes[i].tries < 0 || progress_quiz_get(p, p->quizzes[i].id) != &p->quizzes[i])
            __builtin_trap();
    }
    if (p->position_lesson[0])
        check_id(p->position_lesson);
    if (p->position_page < 0)
        __builtin_trap();
    if (p->has_lab && (p->lab.n_layers < 0 || p->lab.n_layers > NN_MAX_LAYERS || !(p->lab.lr > 0) ||
                       p->lab.hidden < 0 || p->lab.hidden > NN_MAX_UNITS || p->lab.iterations < 1 ||
                       !memchr(p->lab.dataset, '\0', sizeof p->lab.dataset)))
        __builtin_trap();
    if (st == PROGRESS_CORRUPT && (p->n_done || p->n_quizzes || p->has_lab || p->has_lang || p->position_lesson[0]))
        __builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ui_progress *p;
    progress_status st = progress_parse((const char *)data, size, &p);
    if (st == PROGRESS_ERROR)
        return 0;  /* out of memory */
    if (st != PROGRESS_OK && st != PROGRESS_CORRUPT)
        __builtin_trap();
    check(p, st);
    /* what the app does next */
    progress_mark_done(p, "w3-planar");
    progress_record_answer(p, "w3-q-shape", true);
    progress_set_position(p, "w3-planar", 2);
    check(p, PROGRESS_OK);
    progress_free(p);
    return 0;
}
