/*
 * test_lesson_rules.c — one test per rule of lessons/README.md: each loads a
 * tiny bad file from tests/data/lessons/rules/ and expects exactly one
 * problem, with its FILE:LINE:COL, JSON path and message. The positions were
 * worked out from the fixtures by hand (columns in characters), not copied
 * from the loader's output.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson.h"
#include "lesson_test.h"

#define LESSON_RULES(X) \
    X(a_truncated_file_is_reported_where_it_ends, "syntax-truncated.json", "syntax-truncated.json:5:31: weeks[0].lessons[0].pages[0].blocks[0].paragraph: unexpected end of file (an object is not closed)") \
    X(a_trailing_comma_in_a_list_is_a_syntax_error, "syntax-trailing-comma-array.json", "syntax-trailing-comma-array.json:5:39: weeks[0].lessons[0].pages[0].blocks[0].bullets: trailing comma (nothing may follow the last element)") \
    X(a_trailing_comma_in_an_object_is_a_syntax_error, "syntax-trailing-comma-object.json", "syntax-trailing-comma-object.json:5:40: weeks[0].lessons[0].pages[0].blocks[0].paragraph: trailing comma (nothing may follow the last member)") \
    X(a_number_with_a_leading_zero_is_a_syntax_error, "syntax-leading-zero.json", "syntax-leading-zero.json:1:56: weeks[0].number: invalid number (no leading zeros)") \
    X(a_number_longer_than_forty_characters_is_refused, "syntax-number-too-long.json", "syntax-number-too-long.json:1:56: weeks[0].number: number too long (more than 40 characters)") \
    X(a_raw_line_break_inside_a_string_is_a_syntax_error, "syntax-line-break-in-string.json", "syntax-line-break-in-string.json:5:27: weeks[0].lessons[0].pages[0].blocks[0].paragraph.zh: line break inside a string (write \\n, or close the string)") \
    X(a_raw_control_character_inside_a_string_is_a_syntax_error, "syntax-control-char.json", "syntax-control-char.json:5:27: weeks[0].lessons[0].pages[0].blocks[0].paragraph.zh: control character 0x09 inside a string (escape it)") \
    X(invalid_utf8_is_reported_at_the_bad_byte, "utf8-invalid.json", "utf8-invalid.json:5:41: weeks[0].lessons[0].pages[0].blocks[0].paragraph.en: invalid UTF-8 byte 0xC3 in a string") \
    X(utf8_encoded_surrogates_are_invalid_utf8, "utf8-surrogate.json", "utf8-surrogate.json:1:43: weeks[0].id: invalid UTF-8 byte 0xED in a string") \
    X(a_nul_escape_is_refused, "escape-nul.json", "escape-nul.json:5:39: weeks[0].lessons[0].pages[0].blocks[0].paragraph.en: '\\u0000' is not allowed in a string") \
    X(a_lone_surrogate_escape_is_refused, "escape-lone-surrogate.json", "escape-lone-surrogate.json:5:39: weeks[0].lessons[0].pages[0].blocks[0].paragraph.en: '\\uD83D' is half of a surrogate pair without its second half") \
    X(nesting_deeper_than_thirty_two_levels_is_refused, "syntax-too-deep.json", "syntax-too-deep.json:1:33: [0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]: nested deeper than 32 levels") \
    X(an_empty_file_is_reported, "syntax-empty.json", "syntax-empty.json:1:1: empty file (expected a JSON object)") \
    X(text_after_the_document_is_a_syntax_error, "syntax-trailing-text.json", "syntax-trailing-text.json:7:1: unexpected '}' (nothing may follow the end of the document)") \
    X(comments_are_a_syntax_error, "syntax-comment.json", "syntax-comment.json:1:1: unexpected '/' (expected a value)") \
    X(a_value_of_the_wrong_type_is_reported, "wrong-type.json", "wrong-type.json:5:37: weeks[0].lessons[0].pages[0].blocks[0].paragraph.en: expected a string, found a number") \
    X(a_document_that_is_not_an_object_is_reported, "root-not-object.json", "root-not-object.json:1:1: expected an object, found an array") \
    X(an_unknown_key_is_reported_at_the_key, "unknown-key.json", "unknown-key.json:3:65: weeks[0].lessons[0].summery: unknown key \"summery\" (expected id, title, concepts, prerequisites or pages)") \
    X(a_key_given_twice_is_reported_at_the_second, "duplicate-key.json", "duplicate-key.json:5:31: weeks[0].lessons[0].pages[0].blocks[0].paragraph.zh: duplicate key \"zh\"") \
    X(a_missing_key_is_reported_at_its_object, "missing-key.json", "missing-key.json:3:14: weeks[0].lessons[0]: missing key \"title\"") \
    X(another_schema_version_is_refused, "schema-version.json", "schema-version.json:1:20: schema_version: this dnn-tutor reads schema_version 1 only") \
    X(an_empty_list_of_blocks_is_refused, "empty-list.json", "empty-list.json:4:24: weeks[0].lessons[0].pages[0].blocks: an empty list (at least one entry is needed)") \
    X(a_week_number_past_twenty_is_refused, "week-number-range.json", "week-number-range.json:1:56: weeks[0].number: the week number must be 1 … 20, not 21") \
    X(a_week_number_must_be_an_integer, "week-number-fraction.json", "week-number-fraction.json:1:56: weeks[0].number: expected the week number (an integer), found a fraction") \
    X(an_unknown_block_kind_is_reported, "block-unknown-kind.json", "block-unknown-kind.json:5:5: weeks[0].lessons[0].pages[0].blocks[0].widget: unknown block kind \"widget\" (expected heading, paragraph, formula, bullets, code, note, tip, diagram, quiz, lab or exercise)") \
    X(a_block_with_two_kinds_is_reported_at_the_second, "block-two-kinds.json", "block-two-kinds.json:5:41: weeks[0].lessons[0].pages[0].blocks[0].note: a block has one key, its kind; \"note\" is one too many") \
    X(an_empty_block_is_reported, "block-empty.json", "block-empty.json:5:4: weeks[0].lessons[0].pages[0].blocks[0]: an empty block: it needs one key, its kind (heading, paragraph, formula, bullets, code, note, tip, diagram, quiz, lab or exercise)") \
    X(a_block_repeating_the_one_before_it_is_reported, "block-repeated.json", "block-repeated.json:8:4: weeks[0].lessons[0].pages[0].blocks[3]: the same block as blocks[2] just before it: the learner would read it twice") \
    X(a_repeated_quiz_is_reported_once_as_a_duplicate_id, "block-repeated-quiz.json", "block-repeated-quiz.json:6:20: weeks[0].lessons[0].pages[0].blocks[1].quiz.id: duplicate id \"q1\" (first at 5:20)") \
    X(a_formula_must_be_a_string_or_a_list_of_strings, "block-formula-type.json", "block-formula-type.json:5:16: weeks[0].lessons[0].pages[0].blocks[0].formula: expected a string or an array of strings, found an object") \
    X(a_bilingual_diagram_needs_both_languages, "block-diagram-language.json", "block-diagram-language.json:5:16: weeks[0].lessons[0].pages[0].blocks[0].diagram: missing key \"zh\"") \
    X(a_text_without_chinese_is_reported, "text-missing-language.json", "text-missing-language.json:5:18: weeks[0].lessons[0].pages[0].blocks[0].paragraph: missing key \"zh\"") \
    X(an_empty_text_is_reported, "text-empty.json", "text-empty.json:5:25: weeks[0].lessons[0].pages[0].blocks[0].paragraph.zh: empty text") \
    X(a_text_over_8000_bytes_is_reported, "text-too-long.json", "text-too-long.json:5:37: weeks[0].lessons[0].pages[0].blocks[0].paragraph.en: text too long: 8001 bytes (at most 8000)") \
    X(an_escaped_tab_in_a_text_is_reported, "text-control-escape.json", "text-control-escape.json:5:37: weeks[0].lessons[0].pages[0].blocks[0].paragraph.en: control character U+0009 in a text (only \\n may be used)") \
    X(an_escaped_c1_control_character_in_a_text_is_reported, "text-c1-control.json", "text-c1-control.json:5:37: weeks[0].lessons[0].pages[0].blocks[0].paragraph.en: control character U+009B in a text (only \\n may be used)") \
    X(a_plain_string_where_a_text_belongs_is_reported, "text-not-bilingual.json", "text-not-bilingual.json:5:13: weeks[0].lessons[0].pages[0].blocks[0].note: expected a bilingual text {\"zh\": \"…\", \"en\": \"…\"}, found a string") \
    X(an_id_with_capitals_or_underscores_is_refused, "id-format.json", "id-format.json:3:21: weeks[0].lessons[0].id: an id is 1 … 64 characters of a-z, 0-9 and '-'") \
    X(an_id_used_twice_in_a_file_is_reported_at_the_second, "id-duplicate.json", "id-duplicate.json:5:20: weeks[0].lessons[0].pages[0].blocks[0].quiz.id: duplicate id \"l1\" (first at 3:21)") \
    X(a_week_number_used_twice_in_a_file_is_reported, "week-number-duplicate.json", "week-number-duplicate.json:6:34: weeks[1].number: week 1 is already at 1:56") \
    X(a_prerequisite_naming_no_lesson_is_reported, "prereq-unknown.json", "prereq-unknown.json:3:83: weeks[0].lessons[0].prerequisites[0]: unknown lesson \"l9\"") \
    X(a_lesson_cannot_be_its_own_prerequisite, "prereq-self.json", "prereq-self.json:3:83: weeks[0].lessons[0].prerequisites[0]: a lesson cannot be its own prerequisite") \
    X(prerequisites_in_a_cycle_are_reported_with_the_cycles_ids, "prereq-cycle.json", "prereq-cycle.json:5:72: weeks[0].lessons[1].prerequisites[0]: prerequisites form a cycle (each needs the next): l1 \u2192 l2 \u2192 l1") \
    X(a_prerequisite_naming_a_week_is_reported, "prereq-not-lesson.json", "prereq-not-lesson.json:3:83: weeks[0].lessons[0].prerequisites[0]: \"w1\" is a week, not a lesson") \
    X(a_quiz_without_an_answer_is_reported, "quiz-missing-answer.json", "quiz-missing-answer.json:5:13: weeks[0].lessons[0].pages[0].blocks[0].quiz: missing key \"answer\"") \
    X(an_unknown_quiz_kind_is_reported, "quiz-unknown-kind.json", "quiz-unknown-kind.json:5:34: weeks[0].lessons[0].pages[0].blocks[0].quiz.kind: unknown quiz kind \"essay\" (expected choice, shape, number or word)") \
    X(a_shape_answer_must_be_a_string, "quiz-shape-answer-type.json", "quiz-shape-answer-type.json:5:91: weeks[0].lessons[0].pages[0].blocks[0].quiz.answer: expected a string like \"(4, 400)\", found a number") \
    X(a_shape_answer_needs_more_than_brackets, "quiz-shape-only-brackets.json", "quiz-shape-only-brackets.json:5:91: weeks[0].lessons[0].pages[0].blocks[0].quiz.answer: a shape answer needs more than brackets") \
    X(a_choice_answer_past_the_last_choice_is_reported, "quiz-choice-out-of-range.json", "quiz-choice-out-of-range.json:5:153: weeks[0].lessons[0].pages[0].blocks[0].quiz.answer: answer 2 is out of range: there are 2 choices (0 … 1)") \
    X(a_choice_answer_must_be_an_integer, "quiz-choice-fraction.json", "quiz-choice-fraction.json:5:153: weeks[0].lessons[0].pages[0].blocks[0].quiz.answer: expected the 0-based index of the right choice (an integer), found a fraction") \
    X(a_choice_quiz_needs_two_to_eight_choices, "quiz-choice-count.json", "quiz-choice-count.json:5:93: weeks[0].lessons[0].pages[0].blocks[0].quiz.choices: expected 2 … 8 choices, found 1") \
    X(a_choice_quiz_without_choices_is_reported, "quiz-choice-missing-choices.json", "quiz-choice-missing-choices.json:5:13: weeks[0].lessons[0].pages[0].blocks[0].quiz: missing key \"choices\" (a choice quiz lists its choices)") \
    X(choices_on_a_shape_quiz_are_reported, "quiz-choices-wrong-kind.json", "quiz-choices-wrong-kind.json:5:81: weeks[0].lessons[0].pages[0].blocks[0].quiz.choices: \"choices\" belongs to quizzes of kind \"choice\" only") \
    X(a_number_answer_must_be_a_number, "quiz-number-answer-type.json", "quiz-number-answer-type.json:5:92: weeks[0].lessons[0].pages[0].blocks[0].quiz.answer: expected a number, found a string") \
    X(a_negative_tolerance_is_refused, "quiz-tolerance-negative.json", "quiz-tolerance-negative.json:5:110: weeks[0].lessons[0].pages[0].blocks[0].quiz.tolerance: expected a number >= 0") \
    X(a_tolerance_on_a_word_quiz_is_reported, "quiz-tolerance-wrong-kind.json", "quiz-tolerance-wrong-kind.json:5:98: weeks[0].lessons[0].pages[0].blocks[0].quiz.tolerance: \"tolerance\" belongs to quizzes of kind \"number\" only") \
    X(a_word_quiz_needs_an_accepted_answer, "quiz-word-empty-list.json", "quiz-word-empty-list.json:5:90: weeks[0].lessons[0].pages[0].blocks[0].quiz.answer: an empty list (at least one entry is needed)") \
    X(a_quiz_with_six_hints_is_reported, "quiz-too-many-hints.json", "quiz-too-many-hints.json:5:112: weeks[0].lessons[0].pages[0].blocks[0].quiz.hints: expected 0 … 5 hints, found 6") \
    X(an_unknown_lab_kind_is_reported, "lab-unknown-kind.json", "lab-unknown-kind.json:5:21: weeks[0].lessons[0].pages[0].blocks[0].lab.kind: unknown lab kind \"playground\" (expected stepper, trainer, deep-trainer or sweep)") \
    X(an_unknown_data_set_is_reported, "lab-unknown-dataset.json", "lab-unknown-dataset.json:5:81: weeks[0].lessons[0].pages[0].blocks[0].lab.dataset: unknown data set \"iris\" (expected planar, circles, moons, blobs, quantiles, cancer, digits or cat)") \
    X(a_trainer_on_a_data_set_that_is_not_2d_is_reported, "lab-trainer-needs-2d.json", "lab-trainer-needs-2d.json:5:81: weeks[0].lessons[0].pages[0].blocks[0].lab.dataset: a trainer lab draws the data in the plane: it needs a 2-D data set, and cancer has 30 inputs") \
    X(layers_must_start_with_the_data_sets_input_size, "lab-input-size.json", "lab-input-size.json:5:102: weeks[0].lessons[0].pages[0].blocks[0].lab.layers[0]: the input size must be 2, the number of inputs of planar") \
    X(a_lab_needs_one_to_ten_layers_after_the_input, "lab-layer-count.json", "lab-layer-count.json:5:101: weeks[0].lessons[0].pages[0].blocks[0].lab.layers: expected 2 … 11 sizes (the input, then 1 … 10 layers), found 1") \
    X(a_layer_over_1024_units_is_reported, "lab-units-range.json", "lab-units-range.json:5:105: weeks[0].lessons[0].pages[0].blocks[0].lab.layers[1]: a layer's size must be 1 … 1024, not 1025") \
    X(the_output_layer_must_have_one_unit, "lab-output-size.json", "lab-output-size.json:5:108: weeks[0].lessons[0].pages[0].blocks[0].lab.layers[2]: the output layer must have 1 unit, not 2") \
    X(a_lab_needs_one_activation_per_layer, "lab-activation-count.json", "lab-activation-count.json:5:127: weeks[0].lessons[0].pages[0].blocks[0].lab.activations: expected 2 activations (one per layer after the input), found 1") \
    X(an_unknown_activation_is_reported, "lab-unknown-activation.json", "lab-unknown-activation.json:5:128: weeks[0].lessons[0].pages[0].blocks[0].lab.activations[0]: unknown activation \"softmax\" (expected sigmoid, tanh, relu or leaky-relu)") \
    X(the_output_activation_must_be_sigmoid, "lab-last-activation.json", "lab-last-activation.json:5:136: weeks[0].lessons[0].pages[0].blocks[0].lab.activations[1]: the output layer's activation must be sigmoid, not relu") \
    X(an_unknown_init_is_reported, "lab-unknown-init.json", "lab-unknown-init.json:5:156: weeks[0].lessons[0].pages[0].blocks[0].lab.init: unknown init \"xavier\" (expected course-w3, course-w4 or zeros)") \
    X(a_learning_rate_over_a_hundred_is_refused, "lab-lr-range.json", "lab-lr-range.json:5:175: weeks[0].lessons[0].pages[0].blocks[0].lab.lr: the learning rate must be > 0 and <= 100, not 101") \
    X(zero_iterations_are_refused, "lab-iterations-range.json", "lab-iterations-range.json:5:183: weeks[0].lessons[0].pages[0].blocks[0].lab.iterations: iterations must be 1 … 100000000, not 0") \
    X(an_unknown_assignment_is_reported, "lab-unknown-assignment.json", "lab-unknown-assignment.json:5:183: weeks[0].lessons[0].pages[0].blocks[0].lab.assignment: unknown assignment \"w5-cats\" (expected w2-logreg, w4-two-layer or w4-deep, the runs on the course's cat pictures)") \
    X(a_sweep_cannot_run_on_the_cat_pictures, "lab-sweep-assignment.json", "lab-sweep-assignment.json:5:181: weeks[0].lessons[0].pages[0].blocks[0].lab.assignment: a sweep draws its maps in the plane; the cat pictures need a stepper, trainer or deep-trainer lab") \
    X(a_negative_seed_is_refused, "lab-seed-range.json", "lab-seed-range.json:5:177: weeks[0].lessons[0].pages[0].blocks[0].lab.seed: the seed must be 0 … 4294967295, not -1") \
    X(a_sweep_needs_exactly_one_hidden_layer, "lab-sweep-one-hidden-layer.json", "lab-sweep-one-hidden-layer.json:5:99: weeks[0].lessons[0].pages[0].blocks[0].lab.layers: a sweep varies the one hidden layer: layers must be [n_x, n_h, 1]") \
    X(an_exercise_id_names_an_assignment_and_a_function, "exercise-id-form.json", "exercise-id-form.json:5:24: weeks[0].lessons[0].pages[0].blocks[0].exercise.id: expected an exercise id ASSIGNMENT/FUNCTION like \"w4a1/linear_forward\", not \"linear_forward\"") \
    X(an_exercise_block_holds_only_an_id_and_a_caption, "exercise-unknown-key.json", "exercise-unknown-key.json:5:47: weeks[0].lessons[0].pages[0].blocks[0].exercise.file: unknown key \"file\" (expected id or caption)")

static void expect_one_problem(const char *fixture, const char *expected)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/tests/data/lessons/rules/%s", lt_source_root(), fixture);
    size_t size;
    char *data = lt_read_file(path, &size);
    assert_non_null(data);
    lesson_source src = {fixture, data, size};
    lesson_course *course = lesson_load_sources(&src, 1);
    assert_non_null(course);
    char got[2048] = "";
    if (course->n_problems >= 1)
        lesson_problem_format(&course->problems[0], got, sizeof got);
    for (int i = 0; i < course->n_problems; i++) {
        char line[2048];
        lesson_problem_format(&course->problems[i], line, sizeof line);
        print_message("  problem: %s\n", line);
    }
    assert_int_equal(course->n_problems, 1);
    assert_string_equal(got, expected);
    /* a file with a problem is skipped whole */
    assert_int_equal(course->n_files, 1);
    assert_true(course->files[0].skipped);
    assert_int_equal(course->n_weeks, 0);
    assert_int_equal(course->n_lessons, 0);
    lesson_course_free(course);
    free(data);
}

#define DEFINE_RULE_TEST(name, fixture, expected) \
    static void name(void **state)                \
    {                                             \
        (void)state;                              \
        expect_one_problem(fixture, expected);    \
    }
LESSON_RULES(DEFINE_RULE_TEST)

int main(void)
{
#define LIST_RULE_TEST(name, fixture, expected) cmocka_unit_test(name),
    const struct CMUnitTest tests[] = {LESSON_RULES(LIST_RULE_TEST)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
