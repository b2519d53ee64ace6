/*
 * lesson_schema.c — the rules of lessons/README.md, applied to a parsed file,
 * and the structs a valid file becomes (quizzes in lesson_schema_quiz.c,
 * labs in lesson_schema_lab.c).
 *
 *   file ─► weeks[] ─► lessons[] ─► pages[] ─► blocks[] ─► quiz | lab | text …
 *
 * Each v_* function checks one level, fills its struct in the file's arena and
 * reports every problem (it does not stop at the first). Structs of a file
 * with problems are thrown away by the loader, so they may be half-filled.
 */
#include "lesson_json.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static const char *const block_kinds[LESSON_BLOCK_KIND_COUNT + 1] = {
    "heading", "paragraph", "formula", "bullets", "code", "note", "tip", "diagram", "quiz", "lab", "exercise", NULL,
};

const char *lesson_block_kind_name(lesson_block_kind k)
{
    return k >= 0 && k < LESSON_BLOCK_KIND_COUNT ? block_kinds[k] : "?";
}

/* ---- preformatted lines ---------------------------------------------------- */

/* Adds the lines of one string (split at '\n') to items; returns the new count. */
static int split_lines(jctx *c, const char *s, const char **items, int count)
{
    for (;;) {
        const char *nl = strchr(s, '\n');
        size_t len = nl ? (size_t)(nl - s) : strlen(s);
        if (items) {
            items[count] = lesson_arena_strndup(c->r->arena, s, len);
            if (!items[count])
                c->oom = true;
        }
        count++;
        if (!nl)
            return count;
        s = nl + 1;
    }
}

/* "…" or ["…", …]: lines of formula, code or a diagram. */
static bool v_lines(jctx *c, const cJSON *node, bool allow_single, lesson_lines *out)
{
    memset(out, 0, sizeof *out);
    if (allow_single && cJSON_IsString(node)) {
        const char *s = jc_string(c, node, false);
        if (!s)
            return false;
        int n = split_lines(c, s, NULL, 0);
        const char **items = jc_alloc(c, (size_t)n * sizeof *items);
        if (!items)
            return false;
        out->count = split_lines(c, s, items, 0);
        out->items = items;
        return true;
    }
    if (!cJSON_IsArray(node)) {
        jc_problem(c, node, "expected %s, found %s",
                   allow_single ? "a string or an array of strings" : "an array of strings", jc_type_name(node));
        return false;
    }
    int n;
    if (!jc_array(c, node, 1, INT32_MAX, "lines", &n))
        return false;
    int total = 0;
    bool ok = true;
    const char **lines = NULL;
    /* two passes: check and count, then copy */
    for (int pass = 0; pass < 2 && ok; pass++) {
        int i = 0;
        total = 0;
        for (const cJSON *e = node->child; e && !jc_gave_up(c); e = e->next, i++) {
            size_t mark = jc_push_index(c, i);
            const char *s = pass == 0 ? jc_string(c, e, true) : e->valuestring;
            jc_pop(c, mark);
            if (!s) {
                ok = false;
                continue;
            }
            total = split_lines(c, s, lines, total);
        }
        if (pass == 0 && ok) {
            lines = jc_alloc(c, (size_t)total * sizeof *lines);
            ok = lines != NULL;
        }
    }
    if (!ok)
        return false;
    out->items = lines;
    out->count = total;
    return true;
}

/* ---- exercise links ---------------------------------------------------------- */

bool lesson_exercise_id_valid(const char *id)
{
    size_t n = strlen(id);
    if (n < 6 || n > LESSON_EXERCISE_ID_MAX || id[0] != 'w' || id[1] < '0' || id[1] > '9' || id[2] != 'a' ||
        id[3] < '0' || id[3] > '9' || id[4] != '/')
        return false;
    const char *f = id + 5;
    if (!((*f >= 'a' && *f <= 'z') || (*f >= 'A' && *f <= 'Z') || *f == '_'))
        return false;
    for (; *f; f++)
        if (!((*f >= 'a' && *f <= 'z') || (*f >= 'A' && *f <= 'Z') || (*f >= '0' && *f <= '9') || *f == '_'))
            return false;
    return true;
}

/* {"id": "w4a1/linear_forward", "caption": T}: the form of the id only; which
 * exercises exist is the exercise layer's to say (`lessons check` asks it). */
static const lesson_exercise *v_exercise(jctx *c, const cJSON *node, lesson *owner)
{
    static const char *const allowed[] = {"id", "caption", NULL};
    static const char *const required[] = {"id", NULL};
    lesson_exercise *ex = jc_alloc(c, sizeof *ex);
    if (!ex || !jc_object(c, node, allowed, required))
        return NULL;
    const char *id = jc_field_string(c, node, "id", false);
    if (id && !lesson_exercise_id_valid(id)) {
        size_t mark = jc_push_key(c, "id");
        jc_problem(c, jc_member(node, "id"),
                   "expected an exercise id ASSIGNMENT/FUNCTION like \"w4a1/linear_forward\", not \"%s\"", id);
        jc_pop(c, mark);
    }
    ex->id = id ? id : "";
    jc_field_text(c, node, "caption", &ex->caption);
    owner->n_exercises++;
    return ex;
}

/* ---- blocks, pages, lessons, weeks ------------------------------------------ */

static void v_block(jctx *c, const cJSON *node, lesson_block *b, lesson *owner)
{
    int line, col;
    jc_line_col(c, jc_offset(c, node), &line, &col);
    b->line = line;
    if (!cJSON_IsObject(node)) {
        jc_problem(c, node, "expected a block: an object with one key, its kind, found %s", jc_type_name(node));
        return;
    }
    const cJSON *m = node->child;
    if (!m) {
        jc_problem(c, node, "an empty block: it needs one key, its kind (heading, paragraph, formula, "
                            "bullets, code, note, tip, diagram, quiz, lab or exercise)");
        return;
    }
    for (const cJSON *extra = m->next; extra; extra = extra->next)
        jc_problem_key(c, extra, "a block has one key, its kind; \"%s\" is one too many", extra->string);
    int k = jc_name_index(block_kinds, m->string);
    if (k < 0) {
        jc_problem_key(c, m, "unknown block kind \"%s\" (expected heading, paragraph, formula, bullets, code, "
                             "note, tip, diagram, quiz, lab or exercise)", m->string);
        return;
    }
    b->kind = (lesson_block_kind)k;
    size_t mark = jc_push_key(c, m->string);
    switch (b->kind) {
    case LESSON_BLOCK_HEADING:
    case LESSON_BLOCK_PARAGRAPH:
    case LESSON_BLOCK_NOTE:
    case LESSON_BLOCK_TIP:
        jc_text(c, m, &b->text);
        break;
    case LESSON_BLOCK_BULLETS:
        b->items = jc_texts(c, m, 1, INT32_MAX, "items", &b->n_items);
        break;
    case LESSON_BLOCK_FORMULA:
    case LESSON_BLOCK_CODE:
        if (v_lines(c, m, true, &b->lines_en))
            b->lines_zh = b->lines_en;
        break;
    case LESSON_BLOCK_DIAGRAM:
        if (cJSON_IsObject(m)) {
            static const char *const langs[] = {"zh", "en", NULL};
            if (jc_object(c, m, langs, langs)) {
                const cJSON *zh = jc_member(m, "zh"), *en = jc_member(m, "en");
                size_t m2;
                if (zh) {
                    m2 = jc_push_key(c, "zh");
                    v_lines(c, zh, false, &b->lines_zh);
                    jc_pop(c, m2);
                }
                if (en) {
                    m2 = jc_push_key(c, "en");
                    v_lines(c, en, false, &b->lines_en);
                    jc_pop(c, m2);
                }
            }
        } else if (cJSON_IsArray(m)) {
            if (v_lines(c, m, false, &b->lines_en))
                b->lines_zh = b->lines_en;
        } else
            jc_problem(c, m, "expected an array of strings or {\"zh\": […], \"en\": […]}, found %s",
                       jc_type_name(m));
        break;
    case LESSON_BLOCK_QUIZ:
        b->quiz = lesson_schema_quiz(c, m, owner);
        break;
    case LESSON_BLOCK_LAB:
        b->lab = lesson_schema_lab(c, m, owner);
        break;
    case LESSON_BLOCK_EXERCISE:
        b->exercise = v_exercise(c, m, owner);
        break;
    default:
        break;
    }
    jc_pop(c, mark);
}

/* Whether a block repeats the one before it on its page, key for key: a
 * paragraph or tip pasted twice shows the learner the same box twice. A
 * repeated quiz is left to the duplicate-id rule, which names both places. */
static bool same_as_previous_block(const cJSON *node)
{
    const cJSON *prev = node->prev;
    if (!prev || prev->next != node)
        return false;  /* the first block (cJSON's head points back to the last) */
    if (cJSON_IsObject(node) && node->child && node->child->string && !strcmp(node->child->string, "quiz"))
        return false;
    return cJSON_Compare(prev, node, true);
}

static void v_page(jctx *c, const cJSON *node, lesson_page *p, lesson *owner)
{
    static const char *const allowed[] = {"title", "blocks", NULL};
    static const char *const required[] = {"blocks", NULL};
    if (!jc_object(c, node, allowed, required))
        return;
    jc_field_text(c, node, "title", &p->title);
    const cJSON *blocks = jc_member(node, "blocks");
    size_t mark = jc_push_key(c, "blocks");
    int n;
    if (blocks && jc_array(c, blocks, 1, INT32_MAX, "blocks", &n)) {
        lesson_block *items = jc_alloc(c, (size_t)n * sizeof *items);
        if (items) {
            int i = 0;
            for (const cJSON *e = blocks->child; e && !jc_gave_up(c); e = e->next, i++) {
                size_t m2 = jc_push_index(c, i);
                v_block(c, e, &items[i], owner);
                if (same_as_previous_block(e))
                    jc_problem(c, e, "the same block as blocks[%d] just before it: the learner would read it twice", i - 1);
                jc_pop(c, m2);
            }
            p->blocks = items;
            p->n_blocks = n;
        }
    }
    jc_pop(c, mark);
}

static void v_lesson(jctx *c, const cJSON *node, lesson *l, int week_number)
{
    static const char *const allowed[] = {"id", "title", "concepts", "prerequisites", "pages", NULL};
    static const char *const required[] = {"id", "title", "pages", NULL};
    if (!jc_object(c, node, allowed, required))
        return;
    l->week_number = week_number;
    l->id = jc_field_id(c, node, LESSON_ID_LESSON, l);
    if (jc_member(node, "title")) {
        size_t mark = jc_push_key(c, "title");
        jc_text(c, jc_member(node, "title"), &l->title);
        jc_pop(c, mark);
    }
    const cJSON *concepts = jc_member(node, "concepts");
    if (concepts) {
        size_t mark = jc_push_key(c, "concepts");
        l->concepts = jc_texts(c, concepts, 0, INT32_MAX, "concepts", &l->n_concepts);
        jc_pop(c, mark);
    }
    const cJSON *pre = jc_member(node, "prerequisites");
    if (pre) {
        size_t mark = jc_push_key(c, "prerequisites");
        int n;
        if (jc_array(c, pre, 0, INT32_MAX, "lesson ids", &n)) {
            const char **ids = jc_alloc(c, (size_t)n * sizeof *ids);
            int i = 0;
            for (const cJSON *e = pre->child; ids && e && !jc_gave_up(c); e = e->next, i++) {
                size_t m2 = jc_push_index(c, i);
                if (!cJSON_IsString(e))
                    jc_problem(c, e, "expected a lesson id, found %s", jc_type_name(e));
                else if (l->id && !strcmp(e->valuestring, l->id))
                    jc_problem(c, e, "a lesson cannot be its own prerequisite");
                else if ((ids[i] = jc_strdup(c, e->valuestring)))
                    jc_add_prereq(c, e, l->id, ids[i]);
                jc_pop(c, m2);
            }
            l->prerequisites = ids;
            l->n_prerequisites = n;
        }
        jc_pop(c, mark);
    }
    const cJSON *pages = jc_member(node, "pages");
    if (pages) {
        size_t mark = jc_push_key(c, "pages");
        int n;
        if (jc_array(c, pages, 1, INT32_MAX, "pages", &n)) {
            lesson_page *items = jc_alloc(c, (size_t)n * sizeof *items);
            int i = 0;
            for (const cJSON *e = pages->child; items && e && !jc_gave_up(c); e = e->next, i++) {
                size_t m2 = jc_push_index(c, i);
                v_page(c, e, &items[i], l);
                jc_pop(c, m2);
            }
            l->pages = items;
            l->n_pages = items ? n : 0;
        }
        jc_pop(c, mark);
    }
}

static void v_week(jctx *c, const cJSON *node, lesson_week *w, lesson_pos *number_pos)
{
    static const char *const allowed[] = {"id", "number", "title", "summary", "lessons", NULL};
    static const char *const required[] = {"id", "number", "title", "lessons", NULL};
    w->file = c->r->name;
    if (!jc_object(c, node, allowed, required))
        return;
    w->id = jc_field_id(c, node, LESSON_ID_WEEK, w);
    double number;
    if (jc_field_int(c, node, "number", 1, 20, "the week number", &number)) {
        w->number = (int)number;
        size_t mark = jc_push_key(c, "number");
        jc_line_col(c, jc_offset(c, jc_member(node, "number")), &number_pos->line, &number_pos->col);
        number_pos->path = jc_strdup(c, c->path);
        jc_pop(c, mark);
    }
    if (jc_member(node, "title")) {
        size_t mark = jc_push_key(c, "title");
        jc_text(c, jc_member(node, "title"), &w->title);
        jc_pop(c, mark);
    }
    jc_field_text(c, node, "summary", &w->summary);
    const cJSON *lessons = jc_member(node, "lessons");
    if (lessons) {
        size_t mark = jc_push_key(c, "lessons");
        int n;
        if (jc_array(c, lessons, 1, INT32_MAX, "lessons", &n)) {
            lesson *items = jc_alloc(c, (size_t)n * sizeof *items);
            int i = 0;
            for (const cJSON *e = lessons->child; items && e && !jc_gave_up(c); e = e->next, i++) {
                size_t m2 = jc_push_index(c, i);
                v_lesson(c, e, &items[i], w->number);
                jc_pop(c, m2);
            }
            w->lessons = items;
            w->n_lessons = items ? n : 0;
        }
        jc_pop(c, mark);
    }
}

void lesson_schema_file(jctx *c, const cJSON *root)
{
    static const char *const keys[] = {"schema_version", "weeks", NULL};
    if (!jc_object(c, root, keys, keys))
        return;
    const cJSON *ver = jc_member(root, "schema_version");
    if (ver) {
        size_t mark = jc_push_key(c, "schema_version");
        if (!cJSON_IsNumber(ver) || ver->valuedouble != LESSON_SCHEMA_VERSION)
            jc_problem(c, ver, "this dnn-tutor reads schema_version %d only", LESSON_SCHEMA_VERSION);
        jc_pop(c, mark);
    }
    const cJSON *weeks = jc_member(root, "weeks");
    if (!weeks)
        return;
    size_t mark = jc_push_key(c, "weeks");
    int n;
    if (jc_array(c, weeks, 1, INT32_MAX, "weeks", &n)) {
        lesson_week *items = jc_alloc(c, (size_t)n * sizeof *items);
        lesson_pos *pos = jc_alloc(c, (size_t)n * sizeof *pos);
        int first_with[21];  /* week number → index of the first week with it */
        for (int k = 0; k < 21; k++)
            first_with[k] = -1;
        int i = 0;
        for (const cJSON *e = weeks->child; items && pos && e && !jc_gave_up(c); e = e->next, i++) {
            size_t m2 = jc_push_index(c, i);
            v_week(c, e, &items[i], &pos[i]);
            int num = items[i].number;  /* 0 when missing or out of range */
            if (num && first_with[num] >= 0) {
                const lesson_pos *at = &pos[first_with[num]];
                size_t m3 = jc_push_key(c, "number");
                jc_problem(c, jc_member(e, "number"), "week %d is already at %d:%d", num, at->line, at->col);
                jc_pop(c, m3);
            } else if (num)
                first_with[num] = i;
            jc_pop(c, m2);
        }
        if (items && pos) {
            c->r->weeks = items;
            c->r->week_number_pos = pos;
            c->r->n_weeks = n;
        }
    }
    jc_pop(c, mark);
}
