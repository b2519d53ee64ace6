/*
 * test_lesson_quiz.c — lesson_quiz_check: what counts as a right answer for
 * each quiz kind (lessons/README.md, "Quiz").
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

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
    assert_false(lesson_quiz_check(&q, "0x0"));
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
    assert_false(lesson_quiz_check(&q, "sig moid"));
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
    assert_true(def->tolerance == 1e-6);
    assert_true(lesson_quiz_check(def, "2.0000009"));
    assert_false(lesson_quiz_check(def, "2.000002"));
    assert_int_equal(c->n_quizzes, 3);
    assert_int_equal(c->n_typed_quizzes, 3);
    lesson_course_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_choice_is_right_by_index_letter_or_number),
        cmocka_unit_test(a_choice_outside_the_list_is_wrong),
        cmocka_unit_test(a_shape_ignores_spaces_brackets_and_case),
        cmocka_unit_test(a_number_is_right_within_the_tolerance),
        cmocka_unit_test(a_number_typed_with_a_unicode_minus_or_fullwidth_digits_is_read),
        cmocka_unit_test(a_shape_or_a_word_typed_with_fullwidth_forms_is_read),
        cmocka_unit_test(a_number_that_does_not_parse_is_wrong),
        cmocka_unit_test(a_number_reads_a_point_whatever_the_locale),
        cmocka_unit_test(a_word_is_trimmed_case_insensitive_and_any_accepted),
        cmocka_unit_test(an_empty_or_missing_answer_is_wrong),
        cmocka_unit_test(a_loaded_quiz_checks_as_its_file_says),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
