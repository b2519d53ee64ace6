/*
 * progress.c — the learner's progress in memory (see progress.h): the lessons
 * done, the quiz answers, the position, the last lab and the exercises'
 * statuses, with the queries and updates the app makes.
 *
 * The done and quiz lists grow as needed, each with a hash index beside it;
 * exercises are few and searched in order. Reading and writing the JSON form
 * is progress_json.c; the file itself (where it lives, loading, setting a bad
 * one aside, saving) is progress_file.c.
 */
#include "progress.h"
#include "progress_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

ui_progress *progress_new(void)
{
    return calloc(1, sizeof(ui_progress));
}

void progress_free(ui_progress *p)
{
    if (!p)
        return;
    free(p->done);
    free(p->quizzes);
    free(p->done_slots);
    free(p->quiz_slots);
    free(p->exercises);
    free(p);
}

/* Makes room for one more element in *items (n used of *cap, elem bytes
 * each), doubling it; false when memory runs out (nothing changed). */
static bool progress_room(void **items, int n, int *cap, size_t elem)
{
    if (n < *cap)
        return true;
    const int next = *cap ? *cap * 2 : 32;
    if (next <= *cap)
        return false;
    void *grown = realloc(*items, (size_t)next * elem);
    if (!grown)
        return false;
    *items = grown;
    *cap = next;
    return true;
}

bool progress_id_ok(const char *id)
{
    return id && *id && strlen(id) <= PROGRESS_ID_MAX;
}

/* ---- finding an id: a hash index beside each list -----------------------
 * A list of n entries, `stride` bytes apart from `base`, each starting with
 * its id, has 2·cap slots (a power of two): open addressing, a slot holds
 * entry + 1, 0 is empty. Rebuilt whenever the list grows, so it is never
 * more than half full; lookups stay fast with tens of thousands of ids. */

static unsigned progress_hash(const char *id)
{
    unsigned h = 2166136261u; /* FNV-1a */
    for (; *id; id++)
        h = (h ^ (unsigned char)*id) * 16777619u;
    return h;
}

/* The entry holding id, or −1. */
static int index_find(const int *slots, int cap, const char *base, size_t stride, const char *id)
{
    if (!slots)
        return -1;
    const unsigned mask = (unsigned)(2 * cap) - 1;
    for (unsigned s = progress_hash(id) & mask;; s = (s + 1) & mask) {
        if (slots[s] == 0)
            return -1;
        if (!strcmp(base + (size_t)(slots[s] - 1) * stride, id))
            return slots[s] - 1;
    }
}

static void index_add(int *slots, int cap, const char *base, size_t stride, int entry)
{
    const unsigned mask = (unsigned)(2 * cap) - 1;
    unsigned s = progress_hash(base + (size_t)entry * stride) & mask;
    while (slots[s] != 0)
        s = (s + 1) & mask;
    slots[s] = entry + 1;
}

/* Room for entry n in the list and its index (both grown together). */
static bool list_room(void **items, int n, int *cap, size_t elem, int **slots)
{
    const int before = *cap;
    if (!progress_room(items, n, cap, elem))
        return false;
    if (*slots && *cap == before)
        return true;
    int *grown = calloc((size_t)(2 * *cap), sizeof *grown);
    if (!grown) {
        *cap = before; /* the list's memory is larger than it says: harmless; the index still fits */
        return false;
    }
    free(*slots);
    *slots = grown;
    for (int i = 0; i < n; i++)
        index_add(grown, *cap, *items, elem, i);
    return true;
}

bool progress_is_done(const ui_progress *p, const char *lesson_id)
{
    return p && lesson_id && index_find(p->done_slots, p->cap_done, (const char *)p->done, sizeof *p->done, lesson_id) >= 0;
}

bool progress_mark_done(ui_progress *p, const char *lesson_id)
{
    if (!p || !progress_id_ok(lesson_id) || progress_is_done(p, lesson_id) ||
        !list_room((void **)&p->done, p->n_done, &p->cap_done, sizeof *p->done, &p->done_slots))
        return false;
    strcpy(p->done[p->n_done], lesson_id);
    index_add(p->done_slots, p->cap_done, (const char *)p->done, sizeof *p->done, p->n_done++);
    return true;
}

const progress_quiz *progress_quiz_get(const ui_progress *p, const char *quiz_id)
{
    if (!p || !quiz_id)
        return NULL;
    int i = index_find(p->quiz_slots, p->cap_quizzes, (const char *)p->quizzes, sizeof *p->quizzes, quiz_id);
    return i >= 0 ? &p->quizzes[i] : NULL;
}

progress_quiz *progress_quiz_slot(ui_progress *p, const char *quiz_id)
{
    progress_quiz *q = (progress_quiz *)progress_quiz_get(p, quiz_id);
    if (q)
        return q;
    if (!progress_id_ok(quiz_id) ||
        !list_room((void **)&p->quizzes, p->n_quizzes, &p->cap_quizzes, sizeof *p->quizzes, &p->quiz_slots))
        return NULL;
    q = &p->quizzes[p->n_quizzes];
    memset(q, 0, sizeof *q);
    strcpy(q->id, quiz_id);
    index_add(p->quiz_slots, p->cap_quizzes, (const char *)p->quizzes, sizeof *p->quizzes, p->n_quizzes++);
    return q;
}

bool progress_record_answer(ui_progress *p, const char *quiz_id, bool right)
{
    progress_quiz *q = p ? progress_quiz_slot(p, quiz_id) : NULL;
    if (!q)
        return false;
    q->tries++;
    q->right = q->right || right;
    return true;
}

int progress_quizzes_answered(const ui_progress *p)
{
    int n = 0;
    for (int i = 0; p && i < p->n_quizzes; i++)
        n += p->quizzes[i].tries > 0;
    return n;
}

void progress_set_position(ui_progress *p, const char *lesson_id, int page)
{
    if (!p)
        return;
    if (!progress_id_ok(lesson_id)) {
        p->position_lesson[0] = '\0';
        p->position_page = 0;
        return;
    }
    strcpy(p->position_lesson, lesson_id);
    p->position_page = page < 0 ? 0 : page;
}

void progress_set_lab(ui_progress *p, lesson_lab_kind kind, const run_spec *spec)
{
    if (!p || !spec)
        return;
    p->has_lab = true;
    p->lab_kind = kind;
    p->lab = *spec;
}

progress_ex_status progress_exercise_get(const ui_progress *p, const char *id)
{
    for (int i = 0; i < p->n_exercises; i++)
        if (!strcmp(p->exercises[i].id, id))
            return (progress_ex_status)p->exercises[i].status;
    return PROGRESS_EX_NONE;
}

bool progress_exercise_set(ui_progress *p, const char *id, progress_ex_status status)
{
    if (!progress_id_ok(id))
        return false;
    for (int i = 0; i < p->n_exercises; i++) {
        if (!strcmp(p->exercises[i].id, id)) {
            p->exercises[i].status = status;
            return true;
        }
    }
    if (!progress_room((void **)&p->exercises, p->n_exercises, &p->cap_exercises, sizeof *p->exercises))
        return false;
    progress_exercise *e = &p->exercises[p->n_exercises++];
    snprintf(e->id, sizeof e->id, "%s", id);
    e->status = status;
    return true;
}

void progress_set_exercise_dir(ui_progress *p, const char *dir)
{
    if (strlen(dir) < sizeof p->exercise_dir)
        snprintf(p->exercise_dir, sizeof p->exercise_dir, "%s", dir);
}
