/*
 * test_report_notes.c — the learner's blocks of an earlier report carried
 * into a new one (report_notes.h, doc_notes): kept byte for byte, found by
 * id when the spaces move, kept in a last section when their space is gone,
 * placeholders not carried, the older reports' one block read, and every
 * malformed marker refused with its line.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "report_doc.h"
#include "report_notes.h"

static void parse_ok(const char *text, report_notes *notes)
{
    char err[512] = "";
    int rc = report_notes_parse(text, strlen(text), notes, err, sizeof err);
    if (rc)
        print_message("parse failed: %s\n", err);
    assert_int_equal(rc, 0);
}

/* A Markdown document with a space for each id, in that order, filled from notes. */
static char *doc_with(report_notes *notes, report_format format, report_lang lang, const char *const *ids, int n)
{
    report_doc d;
    doc_begin(&d, format, lang, "Lab report");
    d.keep = notes;
    for (int i = 0; i < n; i++) {
        char label[32];
        snprintf(label, sizeof label, "**Q%d**", i + 1);
        doc_para(&d, label);
        doc_notes(&d, ids[i]);
    }
    doc_notes_left_over(&d);
    doc_end(&d);
    assert_true(rbuf_ok(&d.out));
    char *s = strdup(rbuf_str(&d.out));
    rbuf_free(&d.out);
    return s;
}

static const char earlier[] =
    "# Lab report\n\n**Q1**\n\n"
    "<!-- learner-notes begin id=baseline -->\n"
    "The network beats the 50% baseline by 37 points.\n\n"
    "| a | table | too |\n"
    "<!-- learner-notes end id=baseline -->\n\n**Q2**\n\n"
    "<!-- learner-notes begin id=learning-rate -->\n"
    "α = 5: lowest cost.   \n"
    "<!-- learner-notes end id=learning-rate -->\n\n"
    "<!-- an ordinary comment of the learner's -->\n"
    "<!-- learner-notes begin id=transpose -->\n\n…\n\n<!-- learner-notes end id=transpose -->\n";

static void the_learners_text_is_kept_byte_for_byte(void **state)
{
    (void)state;
    report_notes notes;
    parse_ok(earlier, &notes);
    assert_int_equal(notes.n, 3);
    assert_string_equal(notes.v[0].id, "baseline");
    assert_string_equal(notes.v[0].text, "The network beats the 50% baseline by 37 points.\n\n| a | table | too |\n");
    assert_int_equal(notes.v[0].line, 5);
    assert_string_equal(notes.v[1].text, "α = 5: lowest cost.   \n");
    assert_false(notes.v[1].blank);
    assert_true(notes.v[2].blank);
    const char *ids[] = {"baseline", "learning-rate", "transpose"};
    char *md = doc_with(&notes, REPORT_MD, REPORT_EN, ids, 3);
    assert_non_null(strstr(md, "<!-- learner-notes begin id=baseline -->\nThe network beats the 50% baseline by 37 "
                               "points.\n\n| a | table | too |\n<!-- learner-notes end id=baseline -->\n"));
    assert_non_null(strstr(md, "id=learning-rate -->\nα = 5: lowest cost.   \n<!-- learner-notes end"));
    /* the placeholder is the new report's own */
    assert_non_null(strstr(md, "<!-- learner-notes begin id=transpose -->\n\n…\n\n<!-- learner-notes end id=transpose -->"));
    assert_null(strstr(md, "earlier report"));
    /* written again, the same blocks come back */
    report_notes again;
    parse_ok(md, &again);
    assert_int_equal(again.n, 3);
    for (int i = 0; i < 3; i++) {
        assert_string_equal(again.v[i].text, notes.v[i].text);
        assert_int_equal(again.v[i].blank, notes.v[i].blank);
    }
    report_notes_free(&again);
    report_notes_free(&notes);
    free(md);
}

static void blocks_are_matched_by_id_when_the_spaces_move(void **state)
{
    (void)state;
    report_notes notes;
    parse_ok(earlier, &notes);
    const char *ids[] = {"transpose", "learning-rate", "zero-init", "baseline"};
    char *md = doc_with(&notes, REPORT_MD, REPORT_ZH, ids, 4);
    const char *q2 = strstr(md, "**Q2**"), *q4 = strstr(md, "**Q4**");
    const char *lr = strstr(md, "α = 5: lowest cost."), *base = strstr(md, "beats the 50% baseline");
    assert_true(q2 && q4 && lr && base);
    assert_true(q2 < lr && lr < q4 && q4 < base);
    assert_non_null(strstr(md, "<!-- learner-notes begin id=zero-init -->\n\n…\n\n"));
    report_notes_free(&notes);
    free(md);
}

/* A block the new report has no space for goes to a last section, markers
 * and all: the next report reads it again, and puts it back in its place
 * once there is one. Placeholders are dropped. */
static void a_block_without_a_space_is_kept_at_the_end(void **state)
{
    (void)state;
    report_notes notes;
    parse_ok(earlier, &notes);
    const char *ids[] = {"baseline"};
    for (int f = 0; f < 2; f++) {
        const report_format format = f ? REPORT_HTML : REPORT_MD;
        char *doc = doc_with(&notes, format, f ? REPORT_ZH : REPORT_EN, ids, 1);
        const char *end = strstr(doc, f ? "先前报告中的笔记" : "## Notes from the earlier report");
        assert_non_null(end);
        const char *lr = strstr(doc, "<!-- learner-notes begin id=learning-rate -->\nα = 5: lowest cost.   \n"
                                     "<!-- learner-notes end id=learning-rate -->");
        assert_true(lr && lr > end);
        assert_true(strstr(doc, "id=baseline") < end);
        assert_null(strstr(doc, "id=transpose"));
        report_notes later;
        parse_ok(doc, &later);
        assert_int_equal(later.n, 2);
        const char *back[] = {"learning-rate", "baseline"};
        char *md = doc_with(&later, REPORT_MD, REPORT_EN, back, 2);
        assert_null(strstr(md, "earlier report"));
        assert_true(strstr(md, "α = 5: lowest cost.") < strstr(md, "beats the 50% baseline"));
        free(md);
        report_notes_free(&later);
        free(doc);
        for (int i = 0; i < notes.n; i++)
            notes.v[i].taken = false;
    }
    report_notes_free(&notes);
}

/* Reports written before the ids had one block, with the prompt inside. */
static void the_one_block_of_an_older_report_is_read_as_answers(void **state)
{
    (void)state;
    static const char untouched[] = "### Your answers\n\n<!-- learner notes: begin -->\n\n"
                                    "> Answer the questions in your own words, each from the facts above.\n>\n> …\n\n"
                                    "<!-- learner notes: end -->\n";
    static const char untouched_html[] = "<!-- learner notes: begin -->\n<div class=\"notes\"><p>用你自己的话回答上面的问题，"
                                         "每个回答都以上面的事实为依据。</p>\n<p>&#160;</p></div>\n"
                                         "<!-- learner notes: end -->\n";
    static const char written[] = "<!-- learner notes: begin -->\n\n"
                                  "> Answer the questions in your own words, each from the facts above.\n>\n"
                                  "> Q1: far above the baseline.\n\n<!-- learner notes: end -->\n";
    report_notes notes;
    parse_ok(untouched, &notes);
    assert_int_equal(notes.n, 1);
    assert_string_equal(notes.v[0].id, "answers");
    assert_true(notes.v[0].blank);
    report_notes_free(&notes);
    parse_ok(untouched_html, &notes);
    assert_true(notes.n == 1 && notes.v[0].blank);
    report_notes_free(&notes);
    parse_ok(written, &notes);
    assert_false(notes.v[0].blank);
    const char *ids[] = {"baseline"};
    char *md = doc_with(&notes, REPORT_MD, REPORT_EN, ids, 1);
    assert_non_null(strstr(md, "<!-- learner-notes begin id=answers -->\n\n> Answer the questions"));
    assert_non_null(strstr(md, "> Q1: far above the baseline.\n\n<!-- learner-notes end id=answers -->"));
    report_notes_free(&notes);
    free(md);
}

/* Broken markers: an error with the line, never a guess at what the learner meant. */
static void malformed_markers_are_refused_with_their_line(void **state)
{
    (void)state;
    static const struct {
        const char *text, *error;
    } cases[] = {
        {"a\n<!-- learner-notes begin id=q -->\ntext\n", "line 2: block 'q' never ends"},
        {"<!-- learner-notes begin id=a -->\nx\n<!-- learner-notes begin id=b -->\ny\n<!-- learner-notes end id=b -->\n",
         "line 3: block 'b' begins inside block 'a' (line 1), which has no end before it"},
        {"x\n\n<!-- learner-notes end id=a -->\n", "line 3: block 'a' ends but never began"},
        {"<!-- learner-notes begin id=a -->\nx\n<!-- learner-notes end id=b -->\n",
         "line 3: block 'a' (line 1) ends with the marker of block 'b'"},
        {"<!-- learner-notes begin id=a -->\n<!-- learner-notes end id=a -->\n<!-- learner-notes begin id=a -->\n"
         "<!-- learner-notes end id=a -->\n",
         "line 3: a second block 'a' (the first is at line 1)"},
        {"<!-- learner-notes begin -->\n", "line 1: '<!-- learner-notes begin -->' is not a learner-notes marker"},
        {"<!-- learner-notes begin id=Baseline -->\n", "line 1: '<!-- learner-notes begin id=Baseline -->' is not"},
        {"<!-- learner-notes start id=a -->\n", "is not a learner-notes marker dnn-tutor knows"},
        {"\n<!-- learner-notes begin id=a \n", "line 2: a learner-notes marker is not closed with -->"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        report_notes notes;
        char err[512] = "";
        int rc = report_notes_parse(cases[i].text, strlen(cases[i].text), &notes, err, sizeof err);
        if (rc != 1 || !strstr(err, cases[i].error))
            print_message("case %zu: rc %d, err '%s', want '%s'\n", i, rc, err, cases[i].error);
        assert_int_equal(rc, 1);
        assert_non_null(strstr(err, cases[i].error));
        assert_int_equal(notes.n, 0);
        assert_null(notes.v);
    }
    report_notes notes;
    char err[512] = "";
    static const char nul[] = "text\n\0more";
    assert_int_equal(report_notes_parse(nul, sizeof nul - 1, &notes, err, sizeof err), 1);
    assert_non_null(strstr(err, "line 2: a NUL byte"));
}

static void loading_an_absent_file_gives_no_notes_and_a_directory_an_error(void **state)
{
    (void)state;
    char dir[] = "/tmp/dnn-notes-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256], err[512] = "";
    snprintf(path, sizeof path, "%s/absent.md", dir);
    report_notes notes;
    assert_int_equal(report_notes_load(path, &notes, err, sizeof err), 0);
    assert_int_equal(notes.n, 0);
    assert_int_equal(report_notes_load(dir, &notes, err, sizeof err), 1);
    assert_non_null(strstr(err, "not a regular file"));
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("<!-- learner-notes begin id=a -->\nmine\n", f);
    fclose(f);
    assert_int_equal(report_notes_load(path, &notes, err, sizeof err), 1);
    assert_non_null(strstr(err, "absent.md' line 1: block 'a' never ends"));
    unlink(path);
    rmdir(dir);
}

/* A file with text but no markers is not a report (the learner's own notes,
 * another document): replacing it would lose it, so loading it is an error;
 * an empty or blank file has nothing to lose. */
static void a_file_with_text_but_no_markers_is_not_a_report(void **state)
{
    (void)state;
    char dir[] = "/tmp/dnn-notes-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256], err[512] = "";
    snprintf(path, sizeof path, "%s/mine.md", dir);
    report_notes notes;
    static const char *const blank[] = {"", "\n  \t\n"};
    for (size_t i = 0; i < 2; i++) {
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        fputs(blank[i], f);
        fclose(f);
        assert_int_equal(report_notes_load(path, &notes, err, sizeof err), 0);
        assert_int_equal(notes.n, 0);
    }
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("my own notes, precious\n", f);
    fclose(f);
    assert_int_equal(report_notes_load(path, &notes, err, sizeof err), 1);
    assert_non_null(strstr(err, "mine.md' is not a report of dnn-tutor's (it has no learner-notes markers)"));
    assert_int_equal(notes.n, 0);
    unlink(path);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_learners_text_is_kept_byte_for_byte),
        cmocka_unit_test(blocks_are_matched_by_id_when_the_spaces_move),
        cmocka_unit_test(a_block_without_a_space_is_kept_at_the_end),
        cmocka_unit_test(the_one_block_of_an_older_report_is_read_as_answers),
        cmocka_unit_test(malformed_markers_are_refused_with_their_line),
        cmocka_unit_test(loading_an_absent_file_gives_no_notes_and_a_directory_an_error),
        cmocka_unit_test(a_file_with_text_but_no_markers_is_not_a_report),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
