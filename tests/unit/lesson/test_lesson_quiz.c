/*
 * test_lesson_quiz.c — lesson_quiz_check and lesson_quiz_judge: what counts
 * as a right answer for each quiz kind, what as wrong, what cannot be read
 * (and uses no try), and which feedback a wrong answer gets
 * (lessons/README.md, "Quiz").
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "dnn_test.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "lesson.h"

static const lesson_text three_choices[] = {{"甲", "A"}, {"乙", "B"}, {"丙", "C"}};

static lesson_quiz choice_quiz(void)
{
    lesson_quiz q = {.id = "q", .kind = LESSON_QUIZ_CHOICE, .choices = three_choices, .n_choices = 3,
                     .answer_index = 1};
    return q;
}

static void a_choice_is_right_by_index_letter_or_number(void **state)
{
    (void)state;
    lesson_quiz q = choice_quiz();
    assert_true(lesson_quiz_check_choice(&q, 1));
    assert_false(lesson_quiz_check_choice(&q, 0));
    assert_false(lesson_quiz_check_choice(&q, 2));
    assert_true(lesson_quiz_check(&q, "b"));
    assert_true(lesson_quiz_check(&q, "B"));
    assert_true(lesson_quiz_check(&q, " 2 "));
    assert_false(lesson_quiz_check(&q, "a"));
    assert_false(lesson_quiz_check(&q, "1"));
}

static void a_choice_outside_the_list_is_wrong(void **state)
{
    (void)state;
    lesson_quiz q = choice_quiz();
    assert_false(lesson_quiz_check_choice(&q, -1));
    assert_false(lesson_quiz_check_choice(&q, 3));
    assert_false(lesson_quiz_check(&q, "d"));
    assert_false(lesson_quiz_check(&q, "9"));
    assert_false(lesson_quiz_check(&q, "bb"));
    assert_false(lesson_quiz_check(&q, "12"));
}

static void a_shape_ignores_spaces_brackets_and_case(void **state)
{
    (void)state;
    lesson_quiz q = {.kind = LESSON_QUIZ_SHAPE, .answer_text = "(4, 400)"};
    assert_true(lesson_quiz_check(&q, "(4, 400)"));
    assert_true(lesson_quiz_check(&q, "4,400"));
    assert_true(lesson_quiz_check(&q, "[4, 400]"));
    assert_true(lesson_quiz_check(&q, "(4,400)"));
    assert_true(lesson_quiz_check(&q, "  ( 4 , 400 ) "));
    assert_false(lesson_quiz_check(&q, "(400, 4)"));
    assert_false(lesson_quiz_check(&q, "(4, 40)"));
    assert_false(lesson_quiz_check(&q, "(4, 400, 1)"));
    assert_false(lesson_quiz_check(&q, "4400"));
    lesson_quiz sym = {.kind = LESSON_QUIZ_SHAPE, .answer_text = "(n_h, M)"};
    assert_true(lesson_quiz_check(&sym, "(N_H, m)"));
    assert_true(lesson_quiz_check(&sym, "n_h,m"));
    assert_false(lesson_quiz_check(&sym, "(n_h, 1)"));
}

static void a_number_is_right_within_the_tolerance(void **state)
{
    (void)state;
    lesson_quiz q = {.kind = LESSON_QUIZ_NUMBER, .answer_number = 0.693048, .tolerance = 1e-6};
    assert_true(lesson_quiz_check(&q, "0.693048"));
    assert_true(lesson_quiz_check(&q, " 0.6930485 "));
    assert_false(lesson_quiz_check(&q, "0.69305"));
    assert_false(lesson_quiz_check(&q, "0.693"));
    lesson_quiz loose = {.kind = LESSON_QUIZ_NUMBER, .answer_number = 90, .tolerance = 0.5};
    assert_true(lesson_quiz_check(&loose, "90"));
    assert_true(lesson_quiz_check(&loose, "90.5"));
    assert_true(lesson_quiz_check(&loose, "+89.5"));
    assert_true(lesson_quiz_check(&loose, "9e1"));
    assert_false(lesson_quiz_check(&loose, "90.6"));
    lesson_quiz neg = {.kind = LESSON_QUIZ_NUMBER, .answer_number = -0.01, .tolerance = 0};
    assert_true(lesson_quiz_check(&neg, "-0.01"));
    assert_true(lesson_quiz_check(&neg, "-.01"));
    assert_true(lesson_quiz_check(&neg, "-1e-2"));
}

/* The lessons print −1.25 with the minus sign U+2212, and a Chinese input
 * method types fullwidth digits: both are read as the number they show. */
static void a_number_typed_with_a_unicode_minus_or_fullwidth_digits_is_read(void **state)
{
    (void)state;
    lesson_quiz q = {.kind = LESSON_QUIZ_NUMBER, .answer_number = -1.25, .tolerance = 1e-9};
    assert_true(lesson_quiz_check(&q, "\u22121.25"));
    assert_true(lesson_quiz_check(&q, "\uff0d\uff11\uff0e\uff12\uff15"));
    assert_false(lesson_quiz_check(&q, "1.25"));
    assert_false(lesson_quiz_check(&q, "\u2212\u2212" "1.25"));
}

/* The one fold (quiz answers and the stepper's typed keys): each character
 * an input method types for ASCII becomes that ASCII; its neighbours and the
 * enumeration comma 、 stay what they are. */
static void the_fold_turns_what_an_input_method_types_into_ascii(void **state)
{
    (void)state;
    static const struct { uint32_t typed, ascii; } fold[] = {
        {0xFF01, '!'}, {0xFF08, '('}, {0xFF0C, ','}, {0xFF10, '0'}, {0xFF19, '9'}, {0xFF21, 'A'},
        {0xFF41, 'a'}, {0xFF5E, '~'}, {0x3000, ' '}, {0x3002, '.'}, {0x2212, '-'}, {0x00D7, '*'},
        {0x00B7, '*'}, {0x00F7, '/'},
        {0xFF00, 0xFF00}, {0xFF5F, 0xFF5F}, {0x3001, 0x3001}, {'x', 'x'}, {0x4E2D, 0x4E2D},
    };
    for (size_t i = 0; i < sizeof fold / sizeof fold[0]; i++)
        assert_int_equal(lesson_fold_cp(fold[i].typed), fold[i].ascii);
}

/* A Chinese input method types brackets, commas, digits, letters and spaces
 * in their fullwidth forms: a shape or a word typed that way is read as the
 * ASCII it shows. */
static void a_shape_or_a_word_typed_with_fullwidth_forms_is_read(void **state)
{
    (void)state;
    lesson_quiz q = {.kind = LESSON_QUIZ_SHAPE, .answer_text = "(4, 400)"};
    assert_true(lesson_quiz_check(&q, "\uff084\uff0c400\uff09"));                 /* （4，400） */
    assert_true(lesson_quiz_check(&q, "\uff3b\uff14\uff0c\u3000\uff14\uff10\uff10\uff3d")); /* ［４，　４００］ */
    assert_true(lesson_quiz_check(&q, "\u3000(4, 400)\u3000"));
    assert_false(lesson_quiz_check(&q, "\uff084\uff0c401\uff09"));
    assert_false(lesson_quiz_check(&q, "\uff084\u3001400\uff09"));  /* the enumeration comma 、 is not a comma */
    lesson_quiz sym = {.kind = LESSON_QUIZ_SHAPE, .answer_text = "(n_h, m)"};
    assert_true(lesson_quiz_check(&sym, "\uff08\uff4e\uff3f\uff48\uff0c\uff4d\uff09")); /* （ｎ＿ｈ，ｍ） */
    lesson_quiz word = {.kind = LESSON_QUIZ_WORD, .accepted = (const char *const[]){"sigmoid", "S 形"}, .n_accepted = 2};
    assert_true(lesson_quiz_check(&word, "\uff33\uff49\uff47\uff4d\uff4f\uff49\uff44")); /* Ｓｉｇｍｏｉｄ */
    assert_true(lesson_quiz_check(&word, "\uff33\u3000\u5f62"));  /* Ｓ　形 */
    assert_false(lesson_quiz_check(&word, "\uff34\uff41\uff4e\uff48"));
    lesson_quiz num = {.kind = LESSON_QUIZ_NUMBER, .answer_number = 1000, .tolerance = 0};
    assert_true(lesson_quiz_check(&num, "\uff11\uff45\uff13"));  /* １ｅ３ */
    assert_true(lesson_quiz_check(&num, "\uff11\uff25\uff0b\uff13"));  /* １Ｅ＋３ */
}

static void a_number_that_does_not_parse_is_wrong(void **state)
{
    (void)state;
    lesson_quiz q = {.kind = LESSON_QUIZ_NUMBER, .answer_number = 0, .tolerance = 1e300};
    assert_false(lesson_quiz_check(&q, "zero"));
    assert_false(lesson_quiz_check(&q, "0x"));
    assert_false(lesson_quiz_check(&q, "nan"));
    assert_false(lesson_quiz_check(&q, "inf"));
    assert_false(lesson_quiz_check(&q, "1e999"));
    assert_false(lesson_quiz_check(&q, "1 2"));
    assert_false(lesson_quiz_check(&q, "1e"));
    assert_false(lesson_quiz_check(&q, "."));
    assert_false(lesson_quiz_check(&q, "-"));
    assert_false(lesson_quiz_check(&q, "0,5"));
}

static void a_number_reads_a_point_whatever_the_locale(void **state)
{
    (void)state;
    /* de_DE writes 0,5 (and strtod would stop at the point); the learner
     * still types 0.5. Skipped when no such locale is installed. */
    const char *old = setlocale(LC_NUMERIC, NULL);
    char saved[64];
    snprintf(saved, sizeof saved, "%s", old ? old : "C");
    const char *comma_locales[] = {"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "fr_FR.utf8", "ru_RU.UTF-8"};
    bool found = false;
    for (size_t i = 0; i < sizeof comma_locales / sizeof comma_locales[0] && !found; i++)
        found = setlocale(LC_NUMERIC, comma_locales[i]) != NULL;
    if (!found) {
        print_message("  no locale with a decimal comma is installed\n");
        skip();
    }
    lesson_quiz q = {.kind = LESSON_QUIZ_NUMBER, .answer_number = 0.5, .tolerance = 1e-9};
    bool right = lesson_quiz_check(&q, "0.5");
    bool wrong = lesson_quiz_check(&q, "0.6");
    setlocale(LC_NUMERIC, saved);
    assert_true(right);
    assert_false(wrong);
}

static void a_word_is_trimmed_case_insensitive_and_any_accepted(void **state)
{
    (void)state;
    static const char *const words[] = {"sigmoid", "logistic"};
    lesson_quiz q = {.kind = LESSON_QUIZ_WORD, .accepted = words, .n_accepted = 2, .answer_text = "sigmoid"};
    assert_true(lesson_quiz_check(&q, "sigmoid"));
    assert_true(lesson_quiz_check(&q, "  Sigmoid\t"));
    assert_true(lesson_quiz_check(&q, "LOGISTIC"));
    assert_false(lesson_quiz_check(&q, "sigmoids"));
    assert_true(lesson_quiz_check(&q, "sig moid"));  /* spaces do not matter */
    assert_false(lesson_quiz_check(&q, "tanh"));
}

static void an_empty_or_missing_answer_is_wrong(void **state)
{
    (void)state;
    lesson_quiz shape = {.kind = LESSON_QUIZ_SHAPE, .answer_text = "(1, m)"};
    lesson_quiz num = {.kind = LESSON_QUIZ_NUMBER, .answer_number = 0, .tolerance = 1};
    assert_false(lesson_quiz_check(&shape, ""));
    assert_false(lesson_quiz_check(&shape, "   "));
    assert_false(lesson_quiz_check(&shape, NULL));
    assert_false(lesson_quiz_check(&num, ""));
    assert_false(lesson_quiz_check(NULL, "1"));
    assert_false(lesson_quiz_check_choice(NULL, 0));
    assert_false(lesson_quiz_check_choice(&shape, 0));
}

static void a_loaded_quiz_checks_as_its_file_says(void **state)
{
    (void)state;
    static const char doc[] =
        "{\"schema_version\": 1, \"weeks\": [{\"id\": \"w1\", \"number\": 1, \"title\": {\"zh\": \"周\", \"en\": \"W\"},"
        " \"lessons\": [{\"id\": \"l1\", \"title\": {\"zh\": \"课\", \"en\": \"L\"}, \"pages\": [{\"blocks\": ["
        " {\"quiz\": {\"id\": \"q-num\", \"kind\": \"number\", \"question\": {\"zh\": \"问\", \"en\": \"Q\"},"
        "  \"answer\": 0.25, \"tolerance\": 0.01, \"explanation\": {\"zh\": \"答\", \"en\": \"A\"}}},"
        " {\"quiz\": {\"id\": \"q-word\", \"kind\": \"word\", \"question\": {\"zh\": \"问\", \"en\": \"Q\"},"
        "  \"answer\": [\"ReLU\", \"rectifier\"], \"explanation\": {\"zh\": \"答\", \"en\": \"A\"}}},"
        " {\"quiz\": {\"id\": \"q-default-tol\", \"kind\": \"number\", \"question\": {\"zh\": \"问\", \"en\": \"Q\"},"
        "  \"answer\": 2, \"explanation\": {\"zh\": \"答\", \"en\": \"A\"}}}"
        "]}]}]}]}";
    lesson_source src = {"q.json", doc, sizeof doc - 1};
    lesson_course *c = lesson_load_sources(&src, 1);
    assert_non_null(c);
    assert_int_equal(c->n_problems, 0);
    const lesson_quiz *num = lesson_course_find_quiz(c, "q-num");
    const lesson_quiz *word = lesson_course_find_quiz(c, "q-word");
    const lesson_quiz *def = lesson_course_find_quiz(c, "q-default-tol");
    assert_non_null(num);
    assert_non_null(word);
    assert_non_null(def);
    assert_true(lesson_quiz_check(num, "0.259"));
    assert_false(lesson_quiz_check(num, "0.261"));
    assert_true(lesson_quiz_check(word, "relu"));
    assert_true(lesson_quiz_check(word, " Rectifier "));
    assert_string_equal(word->answer_text, "ReLU");
    assert_int_equal(word->n_accepted, 2);
    assert_exact(def->tolerance, 1e-6);
    assert_true(lesson_quiz_check(def, "2.0000009"));
    assert_false(lesson_quiz_check(def, "2.000002"));
    assert_int_equal(c->n_quizzes, 3);
    assert_int_equal(c->n_typed_quizzes, 3);
    lesson_course_free(c);
}

static const lesson_feedback dw1_feedback[] = {
    {.answer = "(2, 400)", .explanation = {"X 的形状", "the shape of X"}},
    {.answer = "(2, 4)", .explanation = {"转置了", "transposed"}},
};
static const lesson_feedback keep_feedback[] = {{.answer = "(4,)", .explanation = {"没有 keepdims", "no keepdims"}}};
static const lesson_feedback da_feedback[] = {{.answer = "1.25", .explanation = {"符号", "the sign"}}};
static const lesson_feedback choice_feedback[] = {{.answer_index = 2, .explanation = {"丙不对", "not C"}}};
static const char *const sigmoid_words[] = {"sigmoid"};
static const char *const tanh_words[] = {"tanh"};
static const char *const relu_words[] = {"ReLU"};
static const char *const leaky_words[] = {"leaky ReLU"};

/* One quiz of each kind the table uses. */
static const lesson_quiz table_quizzes[] = {
    {.id = "dw1", .kind = LESSON_QUIZ_SHAPE, .answer_text = "(4, 2)", .feedback = dw1_feedback, .n_feedback = 2},
    {.id = "x", .kind = LESSON_QUIZ_SHAPE, .answer_text = "(12288, 400)"},
    {.id = "y", .kind = LESSON_QUIZ_SHAPE, .answer_text = "(1, m)"},
    {.id = "a1", .kind = LESSON_QUIZ_SHAPE, .answer_text = "(n^[1], m)"},
    {.id = "rank1", .kind = LESSON_QUIZ_SHAPE, .answer_text = "(5,)"},
    {.id = "keep", .kind = LESSON_QUIZ_SHAPE, .answer_text = "(4, 1)", .feedback = keep_feedback, .n_feedback = 1},
    {.id = "nx", .kind = LESSON_QUIZ_NUMBER, .answer_number = 12288, .tolerance = 1e-6},
    {.id = "quarter", .kind = LESSON_QUIZ_NUMBER, .answer_number = 0.25, .tolerance = 1e-6},
    {.id = "pct", .kind = LESSON_QUIZ_NUMBER, .answer_number = 60, .tolerance = 1e-6},
    {.id = "frac", .kind = LESSON_QUIZ_NUMBER, .answer_number = 0.6, .tolerance = 1e-6},
    {.id = "da", .kind = LESSON_QUIZ_NUMBER, .answer_number = -1.25, .tolerance = 1e-6, .feedback = da_feedback,
     .n_feedback = 1},
    {.id = "sigmoid", .kind = LESSON_QUIZ_WORD, .accepted = sigmoid_words, .n_accepted = 1},
    {.id = "tanh", .kind = LESSON_QUIZ_WORD, .accepted = tanh_words, .n_accepted = 1},
    {.id = "relu", .kind = LESSON_QUIZ_WORD, .accepted = relu_words, .n_accepted = 1},
    {.id = "leaky", .kind = LESSON_QUIZ_WORD, .accepted = leaky_words, .n_accepted = 1},
    {.id = "choice", .kind = LESSON_QUIZ_CHOICE, .choices = three_choices, .n_choices = 3, .answer_index = 1,
     .feedback = choice_feedback, .n_feedback = 1},
};

static const lesson_quiz *table_quiz(const char *id)
{
    for (size_t i = 0; i < sizeof table_quizzes / sizeof table_quizzes[0]; i++)
        if (!strcmp(table_quizzes[i].id, id))
            return &table_quizzes[i];
    return NULL;
}

#define R LESSON_VERDICT_RIGHT
#define W LESSON_VERDICT_WRONG
#define U LESSON_VERDICT_UNREADABLE

/* What learners type, and what the reader must make of it: right, wrong
 * (with the feedback it matches, by its English text), or unreadable. */
static const struct {
    const char *quiz, *typed;
    lesson_verdict verdict;
    const char *feedback_en;
} answer_table[] = {
    /* shapes: commas, ×, x, spaces, brackets, arithmetic, names */
    {"x", "(12288, 400)", R, NULL},
    {"x", "12288×400", R, NULL},
    {"x", "12288 x 400", R, NULL},
    {"x", "12288X400", R, NULL},
    {"x", "12288 400", R, NULL},
    {"x", "[12288 400]", R, NULL},
    {"x", "(64*64*3, 400)", R, NULL},
    {"x", "(64×64×3, 400)", R, NULL},
    {"x", "（１２２８８，　４００）", R, NULL},
    {"x", "(400, 12288)", W, NULL},
    {"x", "(12288, 400, 1)", W, NULL},
    {"x", "12288400", U, NULL},
    {"x", "(12288, )", U, NULL},
    {"x", "(12288; 400)", U, NULL},
    {"x", "(12288, 400", U, NULL},
    {"x", "", U, NULL},
    {"x", "   ", U, NULL},
    {"dw1", "(4, 2)", R, NULL},
    {"dw1", "(1 4)", W, NULL},
    {"dw1", "(2, 400)", W, "the shape of X"},
    {"dw1", "2 x 400", W, "the shape of X"},
    {"dw1", "(2,4)", W, "transposed"},
    {"dw1", "(4, 400)", W, NULL},
    {"y", "(1, m)", R, NULL},
    {"y", "(1 M)", R, NULL},
    {"y", "1 x m", W, NULL},   /* x only separates numbers: "1", "x", "m" */
    {"y", "(m, 1)", W, NULL},
    {"a1", "(n^[1], m)", R, NULL},
    {"a1", "(N^[1],m)", R, NULL},
    {"a1", "(n1, m)", W, NULL},
    {"rank1", "(5,)", R, NULL},
    {"rank1", "5", R, NULL},
    {"rank1", "(5, 1)", W, NULL},
    /* one size for a shape of several: unreadable, unless feedback names it */
    {"keep", "(4, 1)", R, NULL},
    {"keep", "(4,)", W, "no keepdims"},
    {"keep", "4", W, "no keepdims"},
    {"keep", "（４，）", W, "no keepdims"},
    {"keep", "(1,)", U, NULL},
    {"keep", "400", U, NULL},
    /* numbers: thousands commas, arithmetic, fractions, percent, signs */
    {"nx", "12288", R, NULL},
    {"nx", "12,288", R, NULL},
    {"nx", "64*64*3", R, NULL},
    {"nx", "64 × 64 × 3", R, NULL},
    {"nx", "64x64x3", R, NULL},
    {"nx", "64·64·3", R, NULL},
    {"nx", "(60+4)*192", R, NULL},
    {"nx", "１２２８８", R, NULL},
    {"nx", "12288。", R, NULL},
    {"nx", "12,28", U, NULL},
    {"nx", "1,2288", U, NULL},
    {"nx", "12 288", U, NULL},
    {"nx", "64*", U, NULL},
    {"nx", "twelve", U, NULL},
    {"nx", "12289", W, NULL},
    {"quarter", "1/4", R, NULL},
    {"quarter", "0.25", R, NULL},
    {"quarter", ".25", R, NULL},
    {"quarter", "25%", R, NULL},
    {"quarter", "1/2", W, NULL},
    {"quarter", "1/0", U, NULL},
    {"quarter", "1e999", U, NULL},
    {"pct", "60%", R, NULL},
    {"pct", "60", R, NULL},
    {"pct", "0.6", W, NULL},
    {"frac", "60%", R, NULL},
    {"frac", "3/5", R, NULL},
    {"da", "-1.25", R, NULL},
    {"da", "−1.25", R, NULL},
    {"da", "-5/4", R, NULL},
    {"da", "－１．２５", R, NULL},
    {"da", "1.25", W, "the sign"},
    {"da", "5/4", W, "the sign"},
    {"da", "-1.2", W, NULL},
    /* words: case, spaces, - and _, "function", Chinese names */
    {"sigmoid", "sigmoid", R, NULL},
    {"sigmoid", "Sigmoid", R, NULL},
    {"sigmoid", "sigmoid函数", R, NULL},
    {"sigmoid", "sigmoid function", R, NULL},
    {"sigmoid", "S 形函数", R, NULL},
    {"sigmoid", "σ", R, NULL},
    {"sigmoid", "logistic", R, NULL},
    {"sigmoid", "tanh", W, NULL},
    {"tanh", "双曲正切", R, NULL},
    {"tanh", "双曲正切函数", R, NULL},
    {"tanh", "TANH.", R, NULL},
    {"tanh", "sigmoid", W, NULL},
    {"relu", "relu", R, NULL},
    {"relu", "线性整流函数", R, NULL},
    {"relu", "leaky relu", W, NULL},
    {"leaky", "Leaky-ReLU", R, NULL},
    {"leaky", "leaky_relu", R, NULL},
    {"leaky", "带泄露 ReLU", R, NULL},
    /* choices: letter or number, in range */
    {"choice", "b", R, NULL},
    {"choice", "(B)", R, NULL},
    {"choice", "2.", R, NULL},
    {"choice", "a", W, NULL},
    {"choice", "c", W, "not C"},
    {"choice", "3", W, "not C"},
    {"choice", "d", U, NULL},
    {"choice", "9", U, NULL},
    {"choice", "bb", U, NULL},
};

static void every_answer_in_the_table_gets_its_verdict_and_feedback(void **state)
{
    (void)state;
    int failures = 0;
    for (size_t i = 0; i < sizeof answer_table / sizeof answer_table[0]; i++) {
        const lesson_quiz *q = table_quiz(answer_table[i].quiz);
        assert_non_null(q);
        const lesson_feedback *fb = (const lesson_feedback *)1;
        lesson_verdict v = lesson_quiz_judge(q, answer_table[i].typed, &fb);
        const char *got_fb = fb ? fb->explanation.en : NULL;
        const char *want_fb = answer_table[i].feedback_en;
        if (v != answer_table[i].verdict || (got_fb == NULL) != (want_fb == NULL) ||
            (got_fb && strcmp(got_fb, want_fb) != 0)) {
            print_message("quiz %s, typed \"%s\": verdict %d (want %d), feedback %s (want %s)\n",
                          answer_table[i].quiz, answer_table[i].typed, v, answer_table[i].verdict,
                          got_fb ? got_fb : "none", want_fb ? want_fb : "none");
            failures++;
        }
        assert_int_equal(lesson_quiz_check(q, answer_table[i].typed), v == R);
    }
    assert_int_equal(failures, 0);
}

static void a_choice_index_is_judged_with_its_feedback(void **state)
{
    (void)state;
    const lesson_quiz *q = table_quiz("choice");
    const lesson_feedback *fb;
    assert_int_equal(lesson_quiz_judge_choice(q, 1, &fb), R);
    assert_null(fb);
    assert_int_equal(lesson_quiz_judge_choice(q, 2, &fb), W);
    assert_non_null(fb);
    assert_string_equal(fb->explanation.en, "not C");
    assert_int_equal(lesson_quiz_judge_choice(q, 0, &fb), W);
    assert_null(fb);
    assert_int_equal(lesson_quiz_judge_choice(q, 3, &fb), U);
    assert_int_equal(lesson_quiz_judge_choice(q, -1, NULL), U);
    assert_int_equal(lesson_quiz_judge(NULL, "1", &fb), U);
    assert_null(fb);
}

static void an_unreadable_answer_is_told_how_to_write_one_in_both_languages(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof table_quizzes / sizeof table_quizzes[0]; i++) {
        lesson_text t = lesson_quiz_unreadable_text(&table_quizzes[i]);
        assert_non_null(t.zh);
        assert_non_null(t.en);
        assert_non_null(strstr(t.en, "did not use up a try"));
        assert_non_null(strstr(t.zh, "不算作答"));
    }
}

#undef R
#undef W
#undef U

/* Feedback in a file: read like the answer, and refused when it is right,
 * unreadable, or the same wrong answer twice. A one-size shape for a quiz
 * of several sizes is readable as feedback (it names that mistake). */
static void feedback_in_a_file_must_be_a_readable_wrong_answer(void **state)
{
    (void)state;
    static const char head[] =
        "{\"schema_version\": 1, \"weeks\": [{\"id\": \"w1\", \"number\": 1, \"title\": {\"zh\": \"周\", \"en\": \"W\"},"
        " \"lessons\": [{\"id\": \"l1\", \"title\": {\"zh\": \"课\", \"en\": \"L\"}, \"pages\": [{\"blocks\": [";
    static const char tail[] = "]}]}]}]}";
    static const struct {
        const char *quiz;
        const char *problem;  /* NULL: loads */
    } cases[] = {
        {"{\"id\": \"q\", \"kind\": \"shape\", \"question\": {\"zh\": \"问\", \"en\": \"Q\"}, \"answer\": \"(4, 2)\","
         " \"feedback\": [{\"answer\": \"(2, 4)\", \"explanation\": {\"zh\": \"转置\", \"en\": \"T\"}}],"
         " \"explanation\": {\"zh\": \"答\", \"en\": \"A\"}}",
         NULL},
        {"{\"id\": \"q\", \"kind\": \"shape\", \"question\": {\"zh\": \"问\", \"en\": \"Q\"}, \"answer\": \"(4, 2)\","
         " \"feedback\": [{\"answer\": \"4 x 2\", \"explanation\": {\"zh\": \"对\", \"en\": \"R\"}}],"
         " \"explanation\": {\"zh\": \"答\", \"en\": \"A\"}}",
         "feedback is for wrong answers, and this one is right"},
        {"{\"id\": \"q\", \"kind\": \"shape\", \"question\": {\"zh\": \"问\", \"en\": \"Q\"}, \"answer\": \"(4, 2)\","
         " \"feedback\": [{\"answer\": \"(2; 4)\", \"explanation\": {\"zh\": \"错\", \"en\": \"W\"}}],"
         " \"explanation\": {\"zh\": \"答\", \"en\": \"A\"}}",
         "a learner could not type this as an answer of a shape quiz"},
        {"{\"id\": \"q\", \"kind\": \"shape\", \"question\": {\"zh\": \"问\", \"en\": \"Q\"}, \"answer\": \"(4, 2)\","
         " \"feedback\": [{\"answer\": \"(2, 4)\", \"explanation\": {\"zh\": \"转置\", \"en\": \"T\"}},"
         " {\"answer\": \"(8,)\", \"explanation\": {\"zh\": \"一维\", \"en\": \"1-D\"}}],"
         " \"explanation\": {\"zh\": \"答\", \"en\": \"A\"}}",
         NULL},
        {"{\"id\": \"q\", \"kind\": \"shape\", \"question\": {\"zh\": \"问\", \"en\": \"Q\"}, \"answer\": \"(4, 2)\","
         " \"feedback\": [{\"answer\": \"(8,)\", \"explanation\": {\"zh\": \"一维\", \"en\": \"1-D\"}},"
         " {\"answer\": \"8\", \"explanation\": {\"zh\": \"一维\", \"en\": \"1-D\"}}],"
         " \"explanation\": {\"zh\": \"答\", \"en\": \"A\"}}",
         "the same wrong answer as feedback[0]"},
        {"{\"id\": \"q\", \"kind\": \"number\", \"question\": {\"zh\": \"问\", \"en\": \"Q\"}, \"answer\": -1.25,"
         " \"feedback\": [{\"answer\": 1.25, \"explanation\": {\"zh\": \"号\", \"en\": \"S\"}},"
         " {\"answer\": 1.2500000001, \"explanation\": {\"zh\": \"号\", \"en\": \"S\"}}],"
         " \"explanation\": {\"zh\": \"答\", \"en\": \"A\"}}",
         "the same wrong answer as feedback[0]"},
        {"{\"id\": \"q\", \"kind\": \"choice\", \"question\": {\"zh\": \"问\", \"en\": \"Q\"},"
         " \"choices\": [{\"zh\": \"甲\", \"en\": \"A\"}, {\"zh\": \"乙\", \"en\": \"B\"}], \"answer\": 0,"
         " \"feedback\": [{\"answer\": 0, \"explanation\": {\"zh\": \"对\", \"en\": \"R\"}}],"
         " \"explanation\": {\"zh\": \"答\", \"en\": \"A\"}}",
         "feedback is for wrong answers, and this one is right"},
        {"{\"id\": \"q\", \"kind\": \"word\", \"question\": {\"zh\": \"问\", \"en\": \"Q\"}, \"answer\": \"tanh\","
         " \"feedback\": [{\"answer\": 3, \"explanation\": {\"zh\": \"错\", \"en\": \"W\"}}],"
         " \"explanation\": {\"zh\": \"答\", \"en\": \"A\"}}",
         "expected a string, found a number"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char doc[4096];
        snprintf(doc, sizeof doc, "%s{\"quiz\": %s}%s", head, cases[i].quiz, tail);
        lesson_source src = {"f.json", doc, strlen(doc)};
        lesson_course *c = lesson_load_sources(&src, 1);
        assert_non_null(c);
        if (!cases[i].problem) {
            if (c->n_problems)
                print_message("case %zu: %s\n", i, c->problems[0].message);
            assert_int_equal(c->n_problems, 0);
            const lesson_quiz *q = lesson_course_find_quiz(c, "q");
            const lesson_feedback *fb;
            assert_int_equal(lesson_quiz_judge(q, "2 x 4", &fb), LESSON_VERDICT_WRONG);
            assert_non_null(fb);
            assert_string_equal(fb->explanation.en, "T");
            if (q->n_feedback == 2) {  /* a one-size shape named by feedback is read, and gets it */
                assert_int_equal(lesson_quiz_judge(q, "(8,)", &fb), LESSON_VERDICT_WRONG);
                assert_non_null(fb);
                assert_string_equal(fb->explanation.en, "1-D");
                assert_int_equal(lesson_quiz_judge(q, "(9,)", &fb), LESSON_VERDICT_UNREADABLE);
            }
        } else {
            assert_int_equal(c->n_problems, 1);
            if (strcmp(c->problems[0].message, cases[i].problem) != 0)
                print_message("case %zu: %s\n", i, c->problems[0].message);
            assert_string_equal(c->problems[0].message, cases[i].problem);
        }
        lesson_course_free(c);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_choice_is_right_by_index_letter_or_number),
        cmocka_unit_test(a_choice_outside_the_list_is_wrong),
        cmocka_unit_test(a_shape_ignores_spaces_brackets_and_case),
        cmocka_unit_test(a_number_is_right_within_the_tolerance),
        cmocka_unit_test(a_number_typed_with_a_unicode_minus_or_fullwidth_digits_is_read),
        cmocka_unit_test(the_fold_turns_what_an_input_method_types_into_ascii),
        cmocka_unit_test(a_shape_or_a_word_typed_with_fullwidth_forms_is_read),
        cmocka_unit_test(a_number_that_does_not_parse_is_wrong),
        cmocka_unit_test(a_number_reads_a_point_whatever_the_locale),
        cmocka_unit_test(a_word_is_trimmed_case_insensitive_and_any_accepted),
        cmocka_unit_test(an_empty_or_missing_answer_is_wrong),
        cmocka_unit_test(a_loaded_quiz_checks_as_its_file_says),
        cmocka_unit_test(every_answer_in_the_table_gets_its_verdict_and_feedback),
        cmocka_unit_test(a_choice_index_is_judged_with_its_feedback),
        cmocka_unit_test(an_unreadable_answer_is_told_how_to_write_one_in_both_languages),
        cmocka_unit_test(feedback_in_a_file_must_be_a_readable_wrong_answer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
