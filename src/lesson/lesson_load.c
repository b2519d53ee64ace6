/*
 * lesson_load.c — many files into one course.
 *
 *   each file on its own (lesson_file_load)        problems → that file is skipped
 *        │
 *   across files, in name order:
 *     ids and week numbers unique                  a later file that collides is skipped
 *     prerequisites name loaded lessons            repeat until nothing more is skipped
 *     prerequisites form no cycle                  the file closing a cycle is skipped,
 *                                                  the cycle's ids in the message; again
 *        │
 *   the course: weeks of the files kept, sorted by number; every problem,
 *   file by file, in position order; an id index for the lookups
 *   (lesson_course.c). Directories are read in lesson_dir.c.
 */
#include "lesson_internal.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const id_kind_names[] = {"a week", "a lesson", "a quiz"};

static int id_cmp(const void *a, const void *b)
{
    return strcmp(((const lesson_id_entry *)a)->id, ((const lesson_id_entry *)b)->id);
}

/* By id, then by file, then by place in the file: equal ids sit together,
 * the earliest definition first. */
static int id_order(const void *a, const void *b)
{
    const lesson_id_entry *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    if (c)
        return c;
    if (x->file != y->file)
        return x->file < y->file ? -1 : 1;
    return x->def < y->def ? -1 : x->def > y->def;  /* same file: the same ids array */
}

const lesson_id_entry *lesson_index_find(const lesson_id_entry *index, int n, const char *id)
{
    lesson_id_entry key = {.id = id};
    return n > 0 ? bsearch(&key, index, (size_t)n, sizeof key, id_cmp) : NULL;
}

/* The ids of the files in `keep` (or of every file when keep is NULL) in
 * id_order. NULL when out of memory (and *n = −1). */
static lesson_id_entry *build_index(const lesson_file_result *res, int n_files, const bool *keep, int *n)
{
    size_t total = 0;
    for (int f = 0; f < n_files; f++)
        if (!keep || keep[f])
            total += (size_t)res[f].n_ids;
    lesson_id_entry *index = malloc((total ? total : 1) * sizeof *index);
    if (!index) {
        *n = -1;
        return NULL;
    }
    size_t k = 0;
    for (int f = 0; f < n_files; f++)
        if (!keep || keep[f])
            for (int i = 0; i < res[f].n_ids; i++) {
                const lesson_id_def *d = &res[f].ids[i];
                index[k++] = (lesson_id_entry){d->id, d->kind, d->item, f, d};
            }
    qsort(index, total, sizeof *index, id_order);
    *n = (int)total;
    return index;
}

/* The first entry for an id (the earliest file), or NULL. */
static const lesson_id_entry *index_first(const lesson_id_entry *index, int n, const char *id)
{
    const lesson_id_entry *e = lesson_index_find(index, n, id);
    while (e && e > index && !strcmp(e[-1].id, id))
        e--;
    return e;
}

static void add_problem(lesson_file_result *r, int line, int col, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void add_problem(lesson_file_result *r, int line, int col, const char *path, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    lesson_problem_add(&r->problems, r->arena, r->name, line, col, path, msg);
}

/* Ids and week numbers of kept files must not repeat an earlier kept file's. */
static bool check_unique(lesson_file_result *res, int n, bool *keep)
{
    int n_index;
    lesson_id_entry *index = build_index(res, n, keep, &n_index);
    if (!index)
        return false;
    int week_file[21], week_at[21];  /* week number → the first kept file and week with it */
    for (int k = 0; k < 21; k++)
        week_file[k] = -1;
    for (int f = 0; f < n; f++) {
        if (!keep[f])
            continue;
        bool clash = false;
        for (int i = 0; i < res[f].n_ids; i++) {
            const lesson_id_def *d = &res[f].ids[i];
            /* the equal ids sit together, earliest file first */
            for (const lesson_id_entry *e = index_first(index, n_index, d->id);
                 e < index + n_index && !strcmp(e->id, d->id) && e->file < f; e++)
                if (keep[e->file]) {
                    add_problem(&res[f], d->line, d->col, d->path, "duplicate id \"%s\" (first at %s:%d:%d)",
                                d->id, res[e->file].name, e->def->line, e->def->col);
                    clash = true;
                    break;
                }
        }
        for (int w = 0; w < res[f].n_weeks; w++) {
            int num = res[f].weeks[w].number;
            int g = week_file[num];
            if (g >= 0 && g != f && keep[g]) {
                const lesson_pos *p = &res[f].week_number_pos[w], *q = &res[g].week_number_pos[week_at[num]];
                add_problem(&res[f], p->line, p->col, p->path, "week %d is already at %s:%d:%d", num,
                            res[g].name, q->line, q->col);
                clash = true;
            }
        }
        if (clash)
            keep[f] = false;
        else
            for (int w = 0; w < res[f].n_weeks; w++) {
                week_file[res[f].weeks[w].number] = f;
                week_at[res[f].weeks[w].number] = w;
            }
        if (res[f].problems.failed) {
            free(index);
            return false;
        }
    }
    free(index);
    return true;
}

/* Every prerequisite of a kept file names a lesson of a kept file; a file
 * that fails is dropped, which may fail others: repeat until stable. */
static bool check_prerequisites(lesson_file_result *res, int n, bool *keep)
{
    int n_all;
    lesson_id_entry *all = build_index(res, n, NULL, &n_all);
    if (!all)
        return false;
    bool changed = true, ok = true;
    while (changed && ok) {
        changed = false;
        int n_kept;
        lesson_id_entry *kept = build_index(res, n, keep, &n_kept);
        if (!kept) {
            ok = false;
            break;
        }
        bool *drop = calloc((size_t)n + 1, sizeof *drop);
        if (!drop) {
            free(kept);
            ok = false;
            break;
        }
        for (int f = 0; f < n; f++) {
            if (!keep[f])
                continue;
            for (int i = 0; i < res[f].n_prereqs; i++) {
                const lesson_prereq_ref *p = &res[f].prereqs[i];
                const lesson_id_entry *e = index_first(kept, n_kept, p->id);
                if (e && e->kind == LESSON_ID_LESSON)
                    continue;
                if (e)
                    add_problem(&res[f], p->line, p->col, p->path, "\"%s\" is %s, not a lesson", p->id,
                                id_kind_names[e->kind]);
                else if ((e = index_first(all, n_all, p->id)))
                    add_problem(&res[f], p->line, p->col, p->path,
                                "lesson \"%s\" is not loaded: %s was skipped", p->id, res[e->file].name);
                else
                    add_problem(&res[f], p->line, p->col, p->path, "unknown lesson \"%s\"", p->id);
                drop[f] = true;
            }
            if (res[f].problems.failed)
                ok = false;
        }
        for (int f = 0; f < n; f++)
            if (drop[f]) {
                keep[f] = false;
                changed = true;
            }
        free(drop);
        free(kept);
    }
    free(all);
    return ok;
}

typedef struct sorted_problem {
    const lesson_problem *p;
    int seq;
} sorted_problem;

static int problem_cmp(const void *a, const void *b)
{
    const sorted_problem *x = a, *y = b;
    if (x->p->line != y->p->line)
        return x->p->line < y->p->line ? -1 : 1;
    if (x->p->col != y->p->col)
        return x->p->col < y->p->col ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int week_cmp(const void *a, const void *b)
{
    const lesson_week *x = a, *y = b;
    return (x->number > y->number) - (x->number < y->number);
}

/* Builds the course from the file results; takes the arenas of kept files. */
static lesson_course *assemble(lesson_file_result *res, int n, const bool *keep)
{
    lesson_course *course = calloc(1, sizeof *course);
    struct lesson_course_internal *in = calloc(1, sizeof *in);
    lesson_arena *arena = lesson_arena_new();
    if (!course || !in || !arena) {
        free(course);
        free(in);
        lesson_arena_free(arena);
        return NULL;
    }
    course->internal = in;
    in->arena = arena;

    int n_problems = 0, n_weeks = 0;
    for (int f = 0; f < n; f++) {
        n_problems += res[f].problems.count;
        if (keep[f])
            n_weeks += res[f].n_weeks;
    }
    lesson_file *files = lesson_arena_alloc(arena, (size_t)n * sizeof *files);
    lesson_problem *problems = lesson_arena_alloc(arena, (size_t)n_problems * sizeof *problems);
    lesson_week *weeks = lesson_arena_alloc(arena, (size_t)n_weeks * sizeof *weeks);
    in->kept = calloc((size_t)n + 1, sizeof *in->kept);
    sorted_problem *order = malloc(((size_t)n_problems + 1) * sizeof *order);
    if (!files || !problems || !weeks || !in->kept || !order)
        goto oom;

    int k = 0;
    for (int f = 0; f < n; f++) {
        lesson_file_result *r = &res[f];
        files[f].name = lesson_arena_strdup(arena, r->name);
        files[f].skipped = !keep[f];
        files[f].n_problems = r->problems.count;
        for (int i = 0; i < r->problems.count; i++)
            order[i] = (sorted_problem){&r->problems.items[i], i};
        qsort(order, (size_t)r->problems.count, sizeof *order, problem_cmp);
        for (int i = 0; i < r->problems.count; i++) {
            const lesson_problem *p = order[i].p;
            problems[k++] = (lesson_problem){lesson_arena_strdup(arena, p->file), p->line, p->col,
                                             lesson_arena_strdup(arena, p->path),
                                             lesson_arena_strdup(arena, p->message)};
        }
    }
    if (lesson_arena_failed(arena))
        goto oom;
    course->files = files;
    course->n_files = n;
    course->problems = problems;
    course->n_problems = n_problems;

    int w = 0;
    for (int f = 0; f < n; f++)
        if (keep[f]) {
            memcpy(weeks + w, res[f].weeks, (size_t)res[f].n_weeks * sizeof *weeks);
            w += res[f].n_weeks;
        }
    qsort(weeks, (size_t)n_weeks, sizeof *weeks, week_cmp);
    course->weeks = weeks;
    course->n_weeks = n_weeks;
    for (int i = 0; i < n_weeks; i++) {
        course->n_lessons += weeks[i].n_lessons;
        for (int l = 0; l < weeks[i].n_lessons; l++) {
            const lesson *ls = &weeks[i].lessons[l];
            course->n_quizzes += ls->n_quizzes;
            course->n_labs += ls->n_labs;
            course->n_exercises += ls->n_exercises;
            for (int p = 0; p < ls->n_pages; p++)
                for (int b = 0; b < ls->pages[p].n_blocks; b++) {
                    const lesson_quiz *q = ls->pages[p].blocks[b].quiz;
                    course->n_typed_quizzes += q && q->kind != LESSON_QUIZ_CHOICE;
                }
        }
    }
    in->flat = lesson_arena_alloc(arena, (size_t)course->n_lessons * sizeof *in->flat);
    if (!in->flat)
        goto oom;
    int li = 0;
    for (int i = 0; i < n_weeks; i++)
        for (int l = 0; l < weeks[i].n_lessons; l++)
            in->flat[li++] = &weeks[i].lessons[l];

    in->index = build_index(res, n, keep, &in->n_index);
    if (!in->index)
        goto oom;
    /* the week pointers in the index must point at the course's sorted copies */
    for (int i = 0; i < in->n_index; i++)
        if (in->index[i].kind == LESSON_ID_WEEK)
            for (int j = 0; j < n_weeks; j++)
                if (weeks[j].id == in->index[i].id)
                    in->index[i].item = &weeks[j];
    for (int f = 0; f < n; f++)
        if (keep[f]) {
            in->kept[in->n_kept++] = res[f].arena;
            res[f].arena = NULL;
        }
    free(order);
    return course;
oom:
    free(order);
    lesson_course_free(course);
    return NULL;
}

/* An edge of the prerequisite graph: lesson `from` needs lesson `to`. */
typedef struct prereq_edge {
    int from, to;  /* indexes into the kept index */
    int file;
    const lesson_prereq_ref *ref;
} prereq_edge;

static int edge_cmp(const void *a, const void *b)
{
    const prereq_edge *x = a, *y = b;
    return x->from != y->from ? (x->from < y->from ? -1 : 1) : (x < y ? -1 : x > y);
}

/* Depth-first search over the kept lessons' prerequisites; every edge that
 * closes a cycle is reported at that prerequisite ("prerequisites form a
 * cycle: a → b → a") and its file dropped. *found tells whether any was.
 * False when out of memory. */
static bool check_cycles(lesson_file_result *res, int n, bool *keep, bool *found)
{
    *found = false;
    int n_idx;
    lesson_id_entry *idx = build_index(res, n, keep, &n_idx);
    if (!idx)
        return false;
    size_t n_edges = 0;
    for (int f = 0; f < n; f++)
        if (keep[f])
            n_edges += (size_t)res[f].n_prereqs;
    prereq_edge *edges = malloc((n_edges ? n_edges : 1) * sizeof *edges);
    int *start = calloc((size_t)n_idx + 2, sizeof *start);
    int *color = calloc((size_t)n_idx + 1, sizeof *color);      /* 0 new, 1 on the path, 2 done */
    int *stack = malloc(((size_t)n_idx + 1) * sizeof *stack);   /* the path: nodes */
    int *cursor = malloc(((size_t)n_idx + 1) * sizeof *cursor); /* the next edge of each */
    bool ok = edges && start && color && stack && cursor;
    size_t k = 0;
    for (int f = 0; ok && f < n; f++)
        for (int i = 0; keep[f] && i < res[f].n_prereqs; i++) {
            const lesson_prereq_ref *p = &res[f].prereqs[i];
            const lesson_id_entry *a = p->owner ? index_first(idx, n_idx, p->owner) : NULL;
            const lesson_id_entry *b = index_first(idx, n_idx, p->id);
            if (a && b)
                edges[k++] = (prereq_edge){(int)(a - idx), (int)(b - idx), f, p};
        }
    if (ok) {
        qsort(edges, k, sizeof *edges, edge_cmp);
        for (size_t e = 0; e < k; e++)
            start[edges[e].from + 1]++;
        for (int v = 0; v < n_idx; v++)
            start[v + 1] += start[v];
    }
    for (int root = 0; ok && root < n_idx; root++) {
        if (color[root] || idx[root].kind != LESSON_ID_LESSON)
            continue;
        int top = 0;
        stack[0] = root;
        cursor[0] = start[root];
        color[root] = 1;
        while (top >= 0) {
            int u = stack[top];
            if (cursor[top] == start[u + 1]) {
                color[u] = 2;
                top--;
                continue;
            }
            const prereq_edge *e = &edges[cursor[top]++];
            if (color[e->to] == 0) {
                stack[++top] = e->to;
                cursor[top] = start[e->to];
                color[e->to] = 1;
            } else if (color[e->to] == 1 && keep[e->file]) {
                char cycle[360];
                size_t len = 0;
                int from = top;
                while (stack[from] != e->to)
                    from--;
                for (int j = from; j <= top && len < sizeof cycle; j++)
                    len += (size_t)snprintf(cycle + len, sizeof cycle - len, "%s \u2192 ", idx[stack[j]].id);
                if (len < sizeof cycle)
                    snprintf(cycle + len, sizeof cycle - len, "%s", idx[e->to].id);
                add_problem(&res[e->file], e->ref->line, e->ref->col, e->ref->path,
                            "prerequisites form a cycle (each needs the next): %s", cycle);
                keep[e->file] = false;
                *found = true;
                if (res[e->file].problems.failed)
                    ok = false;
            }
        }
    }
    free(edges);
    free(start);
    free(color);
    free(stack);
    free(cursor);
    free(idx);
    return ok;
}

lesson_course *lesson_load_sources(const lesson_source *sources, int n)
{
    if (n < 0)
        n = 0;
    lesson_file_result *res = calloc((size_t)n + 1, sizeof *res);
    bool *keep = calloc((size_t)n + 1, sizeof *keep);
    lesson_course *course = NULL;
    if (!res || !keep)
        goto done;
    for (int f = 0; f < n; f++) {
        if (!lesson_file_load(&res[f], sources[f].name ? sources[f].name : "(unnamed)", sources[f].data,
                              sources[f].data ? sources[f].size : 0))
            goto done;
        keep[f] = res[f].problems.count == 0;
    }
    if (!check_unique(res, n, keep) || !check_prerequisites(res, n, keep))
        goto done;
    /* a file dropped for a cycle may leave others' prerequisites unloaded: again until stable */
    for (bool found = true; found;)
        if (!check_cycles(res, n, keep, &found) || (found && !check_prerequisites(res, n, keep)))
            goto done;
    course = assemble(res, n, keep);
done:
    for (int f = 0; res && f < n; f++)
        lesson_file_result_free(&res[f]);
    free(res);
    free(keep);
    return course;
}

lesson_course *lesson_load_shipped(void)
{
    return lesson_load_sources(lesson_shipped_files, lesson_shipped_count);
}
