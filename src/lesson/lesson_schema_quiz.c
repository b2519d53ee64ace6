/*
 * lesson_schema_quiz.c — the rules of a quiz block (lessons/README.md, "Quiz"):
 * its kind, the answer that kind needs, choices, tolerance, hints, and the
 * feedback on likely wrong answers (each must read as a wrong answer).
 */
#include "lesson_json.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const quiz_kinds[LESSON_QUIZ_KIND_COUNT + 1] = {"choice", "shape", "number", "word", NULL};

const char *lesson_quiz_kind_name(lesson_quiz_kind k)
{
    return k >= 0 && k < LESSON_QUIZ_KIND_COUNT ? quiz_kinds[k] : "?";
}

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
        else if (q->answer_text && lesson_quiz_judge(q, q->answer_text, NULL) != LESSON_VERDICT_RIGHT)
            jc_problem(c, a, "a learner could not type this shape: write its sizes like \"(4, 400)\" or \"(n^[1], m)\"");
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
            for (const cJSON *e = a->child; e && !jc_gave_up(c); e = e->next, i++) {
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

/* One entry of "feedback": { "answer": a wrong answer, "explanation": T }.
 * The answer is written as the right one is (an index for a choice quiz, a
 * number for a number quiz, a string otherwise) and must be readable and
 * wrong, and no earlier entry may match it. Entries 0 … i−1 are in q while
 * entry i is checked. */
static void v_feedback_entry(jctx *c, const cJSON *node, lesson_quiz *q, lesson_feedback *f, int i)
{
    static const char *const allowed[] = {"answer", "explanation", NULL};
    if (!jc_object(c, node, allowed, allowed))
        return;
    jc_field_text(c, node, "explanation", &f->explanation);
    const cJSON *a = jc_member(node, "answer");
    size_t mark = jc_push_key(c, "answer");
    lesson_verdict verdict = LESSON_VERDICT_UNREADABLE;
    const lesson_feedback *earlier = NULL;
    char num[40];
    bool typed_ok = false;
    if (q->kind == LESSON_QUIZ_CHOICE) {
        double idx;
        if (jc_int(c, a, -INFINITY, INFINITY, "the 0-based index of a wrong choice", &idx)) {
            f->answer_index = idx >= 0 && idx < q->n_choices ? (int)idx : -1;
            verdict = lesson_quiz_judge_choice(q, f->answer_index, &earlier);
            typed_ok = true;
        }
    } else if (q->kind == LESSON_QUIZ_NUMBER) {
        if (!cJSON_IsNumber(a) || !isfinite(a->valuedouble))
            jc_problem(c, a, "expected a number, found %s", jc_type_name(a));
        else {
            snprintf(num, sizeof num, "%.17g", a->valuedouble);
            for (int prec = 1; prec < 17; prec++) {
                char shorter[40];
                snprintf(shorter, sizeof shorter, "%.*g", prec, a->valuedouble);
                if (strtod(shorter, NULL) == a->valuedouble) {
                    snprintf(num, sizeof num, "%s", shorter);
                    break;
                }
            }
            f->answer = jc_strdup(c, num);
            typed_ok = f->answer != NULL;
        }
    } else if (!cJSON_IsString(a))
        jc_problem(c, a, "expected a string, found %s", jc_type_name(a));
    else
        typed_ok = (f->answer = jc_string(c, a, false)) != NULL;
    if (typed_ok && q->kind != LESSON_QUIZ_CHOICE) {
        /* judged with this entry among the feedback: a one-size shape for a
         * quiz of several sizes is readable only as feedback that names it */
        q->n_feedback = i + 1;
        verdict = lesson_quiz_judge(q, f->answer, &earlier);
        q->n_feedback = i;
    }
    if (typed_ok && verdict == LESSON_VERDICT_RIGHT)
        jc_problem(c, a, "feedback is for wrong answers, and this one is right");
    else if (typed_ok && verdict == LESSON_VERDICT_UNREADABLE)
        jc_problem(c, a, "a learner could not type this as an answer of a %s quiz", lesson_quiz_kind_name(q->kind));
    else if (typed_ok && earlier && earlier != f)
        jc_problem(c, a, "the same wrong answer as feedback[%d]", (int)(earlier - q->feedback));
    jc_pop(c, mark);
}

static void v_feedback(jctx *c, const cJSON *node, lesson_quiz *q)
{
    size_t mark = jc_push_key(c, "feedback");
    int n;
    if (jc_array(c, node, 1, LESSON_FEEDBACK_MAX, "feedback entries", &n)) {
        lesson_feedback *fb = jc_alloc(c, (size_t)n * sizeof *fb);
        if (fb) {
            q->feedback = fb;
            int i = 0;
            for (const cJSON *e = node->child; e && !jc_gave_up(c); e = e->next, i++) {
                size_t m2 = jc_push_index(c, i);
                q->n_feedback = i; /* earlier entries only, while this one is checked */
                v_feedback_entry(c, e, q, &fb[i], i);
                jc_pop(c, m2);
            }
            q->n_feedback = n;
        }
    }
    jc_pop(c, mark);
}

const lesson_quiz *lesson_schema_quiz(jctx *c, const cJSON *node, lesson *owner)
{
    static const char *const allowed[] = {"id", "kind", "question", "choices", "answer", "tolerance",
                                          "hints", "explanation", "feedback", NULL};
    static const char *const required[] = {"id", "kind", "question", "answer", "explanation", NULL};
    lesson_quiz *q = jc_alloc(c, sizeof *q);
    if (!q || !jc_object(c, node, allowed, required))
        return NULL;
    q->id = jc_field_id(c, node, LESSON_ID_QUIZ, q);
    q->kind = LESSON_QUIZ_KIND_COUNT;
    const char *kind = jc_field_string(c, node, "kind", false);
    if (kind) {
        int k = jc_name_index(quiz_kinds, kind);
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
        q->choices = jc_texts(c, choices, LESSON_CHOICES_MIN, LESSON_CHOICES_MAX, "choices", &q->n_choices);
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

    const cJSON *feedback = jc_member(node, "feedback");
    if (feedback && q->kind != LESSON_QUIZ_KIND_COUNT)
        v_feedback(c, feedback, q);

    const cJSON *hints = jc_member(node, "hints");
    if (hints) {
        size_t mark = jc_push_key(c, "hints");
        q->hints = jc_texts(c, hints, 0, LESSON_HINTS_MAX, "hints", &q->n_hints);
        jc_pop(c, mark);
    }
    owner->n_quizzes++;
    return q;
}
