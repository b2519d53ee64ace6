/*
 * lesson_schema.c — the rules of lessons/README.md, applied to a parsed file,
 * and the structs a valid file becomes.
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

#include "../core/activation.h"
#include "../core/network.h"
#include "../data/dataset.h"

static const char *const block_kinds[LESSON_BLOCK_KIND_COUNT + 1] = {
    "heading", "paragraph", "formula", "bullets", "code", "note", "tip", "diagram", "quiz", "lab", NULL,
};

static const char *const quiz_kinds[LESSON_QUIZ_KIND_COUNT + 1] = {"choice", "shape", "number", "word", NULL};

static const char *const lab_kinds[LESSON_LAB_KIND_COUNT + 1] = {"stepper", "trainer", "deep-trainer", "sweep", NULL};

const char *lesson_block_kind_name(lesson_block_kind k)
{
    return k >= 0 && k < LESSON_BLOCK_KIND_COUNT ? block_kinds[k] : "?";
}

const char *lesson_quiz_kind_name(lesson_quiz_kind k)
{
    return k >= 0 && k < LESSON_QUIZ_KIND_COUNT ? quiz_kinds[k] : "?";
}

const char *lesson_lab_kind_name(lesson_lab_kind k)
{
    return k >= 0 && k < LESSON_LAB_KIND_COUNT ? lab_kinds[k] : "?";
}

bool lesson_lab_kind_parse(const char *name, lesson_lab_kind *out)
{
    for (int k = 0; name && k < LESSON_LAB_KIND_COUNT; k++)
        if (!strcmp(name, lab_kinds[k])) {
            *out = (lesson_lab_kind)k;
            return true;
        }
    return false;
}

/* Index of s in a NULL-terminated list, or −1. */
static int find_name(const char *const *list, const char *s)
{
    for (int k = 0; list[k]; k++)
        if (!strcmp(list[k], s))
            return k;
    return -1;
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
        for (const cJSON *e = node->child; e; e = e->next, i++) {
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

/* [T, …] with min … max entries. */
static const lesson_text *v_texts(jctx *c, const cJSON *node, int min, int max, const char *what, int *count)
{
    *count = 0;
    int n;
    if (!jc_array(c, node, min, max, what, &n))
        return NULL;
    lesson_text *items = jc_alloc(c, (size_t)n * sizeof *items);
    if (!items)
        return NULL;
    int i = 0;
    for (const cJSON *e = node->child; e; e = e->next, i++) {
        size_t mark = jc_push_index(c, i);
        jc_text(c, e, &items[i]);
        jc_pop(c, mark);
    }
    *count = n;
    return items;
}

/* ---- quiz ---------------------------------------------------------------------- */

/* Whether a shape answer has something besides spaces and brackets. */
static bool shape_has_content(const char *s)
{
    for (; *s; s++)
        if (!strchr(" ()[]", *s))
            return true;
    return false;
}

static void v_answer(jctx *c, const cJSON *quiz, lesson_quiz *q)
{
    const cJSON *a = jc_member(quiz, "answer");
    if (!a)
        return;
    size_t mark = jc_push_key(c, "answer");
    switch (q->kind) {
    case LESSON_QUIZ_CHOICE: {
        double idx;
        if (!jc_int(c, a, -INFINITY, INFINITY, "the 0-based index of the right choice", &idx))
            break;
        if (q->n_choices && (idx < 0 || idx >= q->n_choices))
            jc_problem(c, a, "answer %.15g is out of range: there are %d choices (0 … %d)", idx, q->n_choices,
                       q->n_choices - 1);
        else
            q->answer_index = (int)idx;
        break;
    }
    case LESSON_QUIZ_SHAPE:
        if (!cJSON_IsString(a)) {
            jc_problem(c, a, "expected a string like \"(4, 400)\", found %s", jc_type_name(a));
            break;
        }
        q->answer_text = jc_string(c, a, false);
        if (q->answer_text && !shape_has_content(q->answer_text))
            jc_problem(c, a, "a shape answer needs more than brackets");
        break;
    case LESSON_QUIZ_NUMBER:
        if (!cJSON_IsNumber(a) || !isfinite(a->valuedouble))
            jc_problem(c, a, "expected a number, found %s", cJSON_IsNumber(a) ? "an infinite one" : jc_type_name(a));
        else
            q->answer_number = a->valuedouble;
        break;
    case LESSON_QUIZ_WORD: {
        if (cJSON_IsString(a)) {
            const char **acc = jc_alloc(c, sizeof *acc);
            if (acc && (acc[0] = jc_string(c, a, false))) {
                q->accepted = acc;
                q->n_accepted = 1;
            }
        } else if (cJSON_IsArray(a)) {
            int n;
            if (!jc_array(c, a, 1, INT32_MAX, "accepted answers", &n))
                break;
            const char **acc = jc_alloc(c, (size_t)n * sizeof *acc);
            if (!acc)
                break;
            int i = 0;
            for (const cJSON *e = a->child; e; e = e->next, i++) {
                size_t m2 = jc_push_index(c, i);
                acc[i] = jc_string(c, e, false);
                jc_pop(c, m2);
            }
            q->accepted = acc;
            q->n_accepted = n;
        } else
            jc_problem(c, a, "expected a string or an array of strings, found %s", jc_type_name(a));
        if (q->n_accepted)
            q->answer_text = q->accepted[0];
        break;
    }
    default:
        break;
    }
    jc_pop(c, mark);
}

static const lesson_quiz *v_quiz(jctx *c, const cJSON *node, lesson *owner)
{
    static const char *const allowed[] = {"id", "kind", "question", "choices", "answer", "tolerance",
                                          "hints", "explanation", NULL};
    static const char *const required[] = {"id", "kind", "question", "answer", "explanation", NULL};
    lesson_quiz *q = jc_alloc(c, sizeof *q);
    if (!q || !jc_object(c, node, allowed, required))
        return NULL;
    q->id = jc_field_id(c, node, LESSON_ID_QUIZ, q);
    q->kind = LESSON_QUIZ_KIND_COUNT;
    const char *kind = jc_field_string(c, node, "kind", false);
    if (kind) {
        int k = find_name(quiz_kinds, kind);
        if (k < 0) {
            size_t mark = jc_push_key(c, "kind");
            jc_problem(c, jc_member(node, "kind"), "unknown quiz kind \"%s\" (expected choice, shape, number or word)",
                       kind);
            jc_pop(c, mark);
        } else
            q->kind = (lesson_quiz_kind)k;
    }
    jc_field_text(c, node, "question", &q->question);
    jc_field_text(c, node, "explanation", &q->explanation);

    const cJSON *choices = jc_member(node, "choices");
    if (q->kind == LESSON_QUIZ_CHOICE && !choices)
        jc_problem(c, node, "missing key \"choices\" (a choice quiz lists its choices)");
    if (choices && q->kind != LESSON_QUIZ_CHOICE && q->kind != LESSON_QUIZ_KIND_COUNT)
        jc_problem_key(c, choices, "\"choices\" belongs to quizzes of kind \"choice\" only");
    else if (choices) {
        size_t mark = jc_push_key(c, "choices");
        q->choices = v_texts(c, choices, LESSON_CHOICES_MIN, LESSON_CHOICES_MAX, "choices", &q->n_choices);
        jc_pop(c, mark);
    }

    q->tolerance = 1e-6;
    const cJSON *tol = jc_member(node, "tolerance");
    if (tol && q->kind != LESSON_QUIZ_NUMBER && q->kind != LESSON_QUIZ_KIND_COUNT)
        jc_problem_key(c, tol, "\"tolerance\" belongs to quizzes of kind \"number\" only");
    else if (tol) {
        size_t mark = jc_push_key(c, "tolerance");
        if (!cJSON_IsNumber(tol) || !(tol->valuedouble >= 0) || !isfinite(tol->valuedouble))
            jc_problem(c, tol, "expected a number >= 0");
        else
            q->tolerance = tol->valuedouble;
        jc_pop(c, mark);
    }

    if (q->kind != LESSON_QUIZ_KIND_COUNT)
        v_answer(c, node, q);

    const cJSON *hints = jc_member(node, "hints");
    if (hints) {
        size_t mark = jc_push_key(c, "hints");
        q->hints = v_texts(c, hints, 0, LESSON_HINTS_MAX, "hints", &q->n_hints);
        jc_pop(c, mark);
    }
    owner->n_quizzes++;
    return q;
}

/* ---- lab ------------------------------------------------------------------------ */

/* The built-in data sets, "planar, circles, … or digits". */
static void dataset_names(char *buf, size_t size)
{
    size_t n = 0, len = 0;
    const dataset_info *all = dataset_builtins(&n);
    buf[0] = '\0';
    for (size_t k = 0; k < n; k++) {
        const char *sep = !k ? "" : k + 1 < n ? ", " : " or ";
        int w = snprintf(buf + len, size - len, "%s%s", sep, all[k].name);
        if (w < 0 || (size_t)w >= size - len)
            return;
        len += (size_t)w;
    }
}

static const lesson_lab *v_lab(jctx *c, const cJSON *node, lesson *owner)
{
    static const char *const allowed[] = {"kind", "caption", "dataset", "layers", "activations", "init",
                                          "seed", "lr", "iterations", NULL};
    static const char *const required[] = {"kind", "caption", "dataset", "layers", "activations", "init", NULL};
    lesson_lab *lab = jc_alloc(c, sizeof *lab);
    if (!lab || !jc_object(c, node, allowed, required))
        return NULL;
    int before = c->n_problems;
    run_spec *spec = &lab->spec;
    *spec = runspec_default();
    spec->hidden = 0;

    const char *kind = jc_field_string(c, node, "kind", false);
    bool kind_ok = kind && lesson_lab_kind_parse(kind, &lab->kind);
    if (kind && !kind_ok) {
        size_t mark = jc_push_key(c, "kind");
        jc_problem(c, jc_member(node, "kind"),
                   "unknown lab kind \"%s\" (expected stepper, trainer, deep-trainer or sweep)", kind);
        jc_pop(c, mark);
    }
    jc_field_text(c, node, "caption", &lab->caption);

    int n_x = 0;
    const cJSON *ds = jc_member(node, "dataset");
    const char *dataset = jc_field_string(c, node, "dataset", false);
    if (dataset) {
        size_t mark = jc_push_key(c, "dataset");
        const dataset_info *info = dataset_builtin_info(dataset);
        n_x = info ? info->n_features : 0;
        if (!info) {
            char names[200];
            dataset_names(names, sizeof names);
            jc_problem(c, ds, "unknown data set \"%s\" (expected %s)", dataset, names);
        } else if (kind_ok && (lab->kind == LESSON_LAB_TRAINER || lab->kind == LESSON_LAB_SWEEP) && !info->two_d)
            jc_problem(c, ds, "a %s lab draws the data in the plane: it needs a 2-D data set, "
                              "and %s has %d inputs", kind, dataset, n_x);
        else
            snprintf(spec->dataset, sizeof spec->dataset, "%s", dataset);
        jc_pop(c, mark);
    }

    /* layers: n^[0] … n^[L] */
    int L = 0;
    const cJSON *layers = jc_member(node, "layers");
    if (layers) {
        size_t mark = jc_push_key(c, "layers");
        int n;
        if (jc_array(c, layers, 2, NN_MAX_LAYERS + 1, "sizes (the input, then 1 … 10 layers)", &n)) {
            int i = 0;
            bool sizes_ok = true;
            for (const cJSON *e = layers->child; e; e = e->next, i++) {
                size_t m2 = jc_push_index(c, i);
                double v;
                if (!jc_int(c, e, 1, NN_MAX_UNITS, i ? "a layer's size" : "the input size", &v))
                    sizes_ok = false;
                else if (i == 0 && n_x && v != n_x) {
                    jc_problem(c, e, "the input size must be %d, the number of inputs of %s", n_x, dataset);
                    sizes_ok = false;
                } else if (i == n - 1 && v != 1) {
                    jc_problem(c, e, "the output layer must have 1 unit, not %.0f", v);
                    sizes_ok = false;
                } else if (i > 0)
                    spec->layers[i - 1] = (int)v;
                jc_pop(c, m2);
            }
            L = n - 1;
            spec->n_layers = L;
            if (sizes_ok && kind_ok && lab->kind == LESSON_LAB_SWEEP && L != 2)
                jc_problem(c, layers, "a sweep varies the one hidden layer: layers must be [n_x, n_h, 1]");
        }
        jc_pop(c, mark);
    }

    const cJSON *acts = jc_member(node, "activations");
    if (acts) {
        size_t mark = jc_push_key(c, "activations");
        int n;
        if (!cJSON_IsArray(acts))
            jc_problem(c, acts, "expected an array of activation names, found %s", jc_type_name(acts));
        else if (L && cJSON_GetArraySize(acts) != L)
            jc_problem(c, acts, "expected %d activations (one per layer after the input), found %d", L,
                       cJSON_GetArraySize(acts));
        else if (jc_array(c, acts, 1, NN_MAX_LAYERS, "activations", &n)) {
            int i = 0;
            for (const cJSON *e = acts->child; e; e = e->next, i++) {
                size_t m2 = jc_push_index(c, i);
                act_kind k = ACT_SIGMOID;
                if (!cJSON_IsString(e))
                    jc_problem(c, e, "expected a string, found %s", jc_type_name(e));
                else if (!act_parse(e->valuestring, &k))
                    jc_problem(c, e, "unknown activation \"%s\" (expected sigmoid, tanh, relu or leaky-relu)",
                               e->valuestring);
                else if (i == n - 1 && k != ACT_SIGMOID)
                    jc_problem(c, e, "the output layer's activation must be sigmoid, not %s", e->valuestring);
                else
                    spec->acts[i] = k;
                jc_pop(c, m2);
            }
            spec->acts_given = true;
            spec->hidden_act = n > 1 ? spec->acts[0] : ACT_TANH;
        }
        jc_pop(c, mark);
    }

    const char *init = jc_field_string(c, node, "init", false);
    if (init) {
        if (!nn_init_parse(init, &spec->init)) {
            size_t mark = jc_push_key(c, "init");
            jc_problem(c, jc_member(node, "init"), "unknown init \"%s\" (expected course-w3, course-w4 or zeros)",
                       init);
            jc_pop(c, mark);
        } else
            spec->seed = nn_init_default_seed(spec->init);
    }
    double v;
    if (jc_field_int(c, node, "seed", 0, 4294967295.0, "the seed", &v)) {
        spec->seed = (uint32_t)v;
        spec->seed_given = true;
    }
    const cJSON *lr = jc_member(node, "lr");
    if (lr) {
        size_t mark = jc_push_key(c, "lr");
        if (!cJSON_IsNumber(lr))
            jc_problem(c, lr, "expected a number, found %s", jc_type_name(lr));
        else if (!(lr->valuedouble > 0 && lr->valuedouble <= 10))
            jc_problem(c, lr, "the learning rate must be > 0 and <= 10, not %g", lr->valuedouble);
        else
            spec->lr = lr->valuedouble;
        jc_pop(c, mark);
    }
    if (jc_field_int(c, node, "iterations", 1, 1000000, "iterations", &v))
        spec->iterations = (long)v;

    /* Last, the core's own word on the network, when everything above passed. */
    if (c->n_problems == before) {
        nn_config cfg = {.L = L, .init = spec->init, .seed = spec->seed};
        cfg.dims[0] = n_x;
        for (int l = 1; l <= L; l++) {
            cfg.dims[l] = spec->layers[l - 1];
            cfg.act[l] = spec->acts[l - 1];
        }
        char msg[200] = "";
        if (!nn_config_check(&cfg, msg, sizeof msg))
            jc_problem(c, node, "the network is impossible: %s", msg);
    }
    owner->n_labs++;
    return lab;
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
                            "bullets, code, note, tip, diagram, quiz or lab)");
        return;
    }
    for (const cJSON *extra = m->next; extra; extra = extra->next)
        jc_problem_key(c, extra, "a block has one key, its kind; \"%s\" is one too many", extra->string);
    int k = find_name(block_kinds, m->string);
    if (k < 0) {
        jc_problem_key(c, m, "unknown block kind \"%s\" (expected heading, paragraph, formula, bullets, code, "
                             "note, tip, diagram, quiz or lab)", m->string);
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
        b->items = v_texts(c, m, 1, INT32_MAX, "items", &b->n_items);
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
        b->quiz = v_quiz(c, m, owner);
        break;
    case LESSON_BLOCK_LAB:
        b->lab = v_lab(c, m, owner);
        break;
    default:
        break;
    }
    jc_pop(c, mark);
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
            for (const cJSON *e = blocks->child; e; e = e->next, i++) {
                size_t m2 = jc_push_index(c, i);
                v_block(c, e, &items[i], owner);
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
        l->concepts = v_texts(c, concepts, 0, INT32_MAX, "concepts", &l->n_concepts);
        jc_pop(c, mark);
    }
    const cJSON *pre = jc_member(node, "prerequisites");
    if (pre) {
        size_t mark = jc_push_key(c, "prerequisites");
        int n;
        if (jc_array(c, pre, 0, INT32_MAX, "lesson ids", &n)) {
            const char **ids = jc_alloc(c, (size_t)n * sizeof *ids);
            int i = 0;
            for (const cJSON *e = pre->child; ids && e; e = e->next, i++) {
                size_t m2 = jc_push_index(c, i);
                if (!cJSON_IsString(e))
                    jc_problem(c, e, "expected a lesson id, found %s", jc_type_name(e));
                else if (l->id && !strcmp(e->valuestring, l->id))
                    jc_problem(c, e, "a lesson cannot be its own prerequisite");
                else if ((ids[i] = jc_strdup(c, e->valuestring)))
                    jc_add_prereq(c, e, ids[i]);
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
            for (const cJSON *e = pages->child; items && e; e = e->next, i++) {
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
            for (const cJSON *e = lessons->child; items && e; e = e->next, i++) {
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
        for (const cJSON *e = weeks->child; items && pos && e; e = e->next, i++) {
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
