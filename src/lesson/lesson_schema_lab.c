/*
 * lesson_schema_lab.c — the rules of a lab block (lessons/README.md, "Lab"),
 * checked against what the data and core layers know (built-in data sets,
 * activation and init names, the core's own config check), and the run_spec
 * a valid lab becomes.
 */
#include "lesson_json.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../core/activation.h"
#include "../core/network.h"
#include "../data/dataset.h"

static const char *const lab_kinds[LESSON_LAB_KIND_COUNT + 1] = {"stepper", "trainer", "deep-trainer", "sweep", NULL};

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

const lesson_lab *lesson_schema_lab(jctx *c, const cJSON *node, lesson *owner)
{
    static const char *const allowed[] = {"kind", "caption", "dataset", "layers", "activations", "init",
                                          "seed", "lr", "iterations", "assignment", NULL};
    static const char *const required[] = {"kind", "caption", "dataset", "layers", "activations", "init", NULL};
    lesson_lab *lab = jc_alloc(c, sizeof *lab);
    if (!lab || !jc_object(c, node, allowed, required))
        return NULL;
    int before = c->n_problems;
    run_spec *spec = &lab->spec;
    *spec = runspec_default();
    lab->assignment = RUNSPEC_ASSIGNMENT_NONE;
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
        spec->given |= RUNSPEC_GIVEN(RUNSPEC_DATASET);
        jc_pop(c, mark);
    }

    /* layers: n^[0] … n^[L] */
    int L = 0;
    const cJSON *layers = jc_member(node, "layers");
    if (layers) {
        size_t mark = jc_push_key(c, "layers");
        int n;
        char what[64];
        snprintf(what, sizeof what, "sizes (the input, then 1 … %d layers)", NN_MAX_LAYERS);
        if (jc_array(c, layers, 2, NN_MAX_LAYERS + 1, what, &n)) {
            int i = 0;
            bool sizes_ok = true;
            for (const cJSON *e = layers->child; e; e = e->next, i++) {
                size_t m2 = jc_push_index(c, i);
                double v;
                if (!jc_int(c, e, 1, i ? NN_MAX_UNITS : NN_MAX_INPUTS, i ? "a layer's size" : "the input size", &v))
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
            spec->given |= RUNSPEC_GIVEN(RUNSPEC_LAYERS);
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
            spec->given |= RUNSPEC_GIVEN(RUNSPEC_ACTIVATION);
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
        } else {
            spec->seed = nn_init_default_seed(spec->init);
            spec->given |= RUNSPEC_GIVEN(RUNSPEC_INIT);
        }
    }
    double v;
    if (jc_field_int(c, node, "seed", 0, 4294967295.0, "the seed", &v)) {
        spec->seed = (uint32_t)v;
        spec->seed_given = true;
        spec->given |= RUNSPEC_GIVEN(RUNSPEC_SEED);
    }
    const cJSON *lr = jc_member(node, "lr");
    if (lr) {
        size_t mark = jc_push_key(c, "lr");
        if (!cJSON_IsNumber(lr))
            jc_problem(c, lr, "expected a number, found %s", jc_type_name(lr));
        else if (!(lr->valuedouble > 0 && lr->valuedouble <= RUN_LR_MAX))
            jc_problem(c, lr, "the learning rate must be > 0 and <= %g, not %g", RUN_LR_MAX, lr->valuedouble);
        else {
            spec->lr = lr->valuedouble;
            spec->given |= RUNSPEC_GIVEN(RUNSPEC_LR);
        }
        jc_pop(c, mark);
    }
    if (jc_field_int(c, node, "iterations", 1, (double)RUN_ITERATIONS_MAX, "iterations", &v)) {
        spec->iterations = (long)v;
        spec->given |= RUNSPEC_GIVEN(RUNSPEC_ITERATIONS);
    }

    const char *assignment = jc_field_string(c, node, "assignment", false);
    if (assignment) {
        runspec_assignment a;
        if (!runspec_assignment_parse(assignment, &a) || a == RUNSPEC_W3_PLANAR) {
            size_t mark = jc_push_key(c, "assignment");
            jc_problem(c, jc_member(node, "assignment"),
                       "unknown assignment \"%s\" (expected w2-logreg, w4-two-layer or w4-deep, the runs on the "
                       "course's cat pictures)",
                       assignment);
            jc_pop(c, mark);
        } else if (kind_ok && lab->kind == LESSON_LAB_SWEEP) {
            size_t mark = jc_push_key(c, "assignment");
            jc_problem(c, jc_member(node, "assignment"),
                       "a sweep draws its maps in the plane; the cat pictures need a stepper, trainer or "
                       "deep-trainer lab");
            jc_pop(c, mark);
        } else
            lab->assignment = a;
    }

    /* Last, the word of the layers below, when everything above passed: the
     * run_spec must pass the data layer's checks and become a network config
     * the core accepts, exactly as when the lab is opened. */
    if (c->n_problems == before) {
        nn_config cfg;
        char msg[200] = "";
        if (!runspec_check(spec, msg, sizeof msg) || !runspec_net_config(spec, n_x, &cfg, msg, sizeof msg))
            jc_problem(c, node, "the lab cannot run: %s", msg);
    }
    owner->n_labs++;
    return lab;
}
