/*
 * test_report_parts.c — the report layer's parts on their own (links only
 * src/report and what it stands on): XML escaping, axis ticks, a curve that
 * stops at a non-finite cost, Markdown escaping, the reproducing command's
 * quoting, report_write's refusals, the derivation with a run's shapes, and
 * the analysis's facts and questions apart from dnn-tutor's notes.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dnn_test.h"

#include <locale.h>
#include <math.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report.h"
#include "report_buf.h"
#include "report_doc.h"
#include "report_env.h"
#include "report_svg.h"

/* dir/lab<suffix>, the one file that matches (figures carry a hash of their
 * contents: lab-cost-1a2b3c4d.svg). */
static void figure_path(const char *dir, const char *suffix, char *path, size_t size)
{
    char pattern[400];
    snprintf(pattern, sizeof pattern, "%s/lab%s", dir, suffix);
    glob_t g;
    assert_int_equal(glob(pattern, 0, NULL, &g), 0);
    assert_int_equal(g.gl_pathc, 1);
    snprintf(path, size, "%s", g.gl_pathv[0]);
    globfree(&g);
}

static void xml_text_is_escaped_and_bad_bytes_are_replaced(void **state)
{
    (void)state;
    rbuf b = RBUF_INIT;
    rbuf_xml(&b, "a<b & \"c\" 'd'>\x01z\tα");
    assert_string_equal(rbuf_str(&b), "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt; z\tα");
    assert_true(rbuf_ok(&b));
    rbuf_free(&b);
    rbuf_xml(&b, "a\xff b\xc3 \xed\xa0\x80 \xc3\xa9");
    assert_string_equal(rbuf_str(&b), "a\xef\xbf\xbd b\xef\xbf\xbd \xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd é");
    rbuf_free(&b);
}

static void ticks_are_round_steps_covering_the_range(void **state)
{
    (void)state;
    double t[16];
    int n = svg_nice_ticks(0, 10, 5, t, 16);
    assert_int_equal(n, 6);
    for (int i = 0; i < n; i++)
        assert_near(t[i], 2.0 * i, 1e-12);
    n = svg_nice_ticks(0, 0.7, 5, t, 16);
    assert_int_equal(n, 8); /* 0, 0.1, …, 0.7 */
    assert_near(t[7], 0.7, 1e-12);
    assert_int_equal(svg_nice_ticks(1, 1, 5, t, 16), 0);
    assert_int_equal(svg_nice_ticks(0, NAN, 5, t, 16), 0);
}

static void a_curve_stops_at_the_first_non_finite_cost_and_is_marked(void **state)
{
    (void)state;
    const double x[] = {0, 10, 20, 30, 40};
    const double y[] = {0.7, 0.5, 0.4, NAN, INFINITY};
    svg_series s = {"α = 9 <big>", x, y, 5, true, 30};
    svg_line_chart c = {640, 400, "costs & more", "iteration", "cost", "diverged", &s, 1, false, 0, 0};
    rbuf b = RBUF_INIT;
    svg_write_line_chart(&b, &c);
    const char *svg = rbuf_str(&b);
    assert_non_null(strstr(svg, "xmlns=\"http://www.w3.org/2000/svg\""));
    assert_null(strstr(svg, "nan"));
    assert_null(strstr(svg, "inf"));
    assert_non_null(strstr(svg, "α = 9 &lt;big&gt;: diverged"));
    assert_non_null(strstr(svg, "<title>costs &amp; more</title>"));
    /* three finite points: three x,y pairs in the polyline */
    const char *pts = strstr(svg, "points=\"");
    assert_non_null(pts);
    pts += strlen("points=\"");
    int pairs = 0;
    for (const char *p = pts; *p && *p != '"'; p++)
        pairs += *p == ',';
    assert_int_equal(pairs, 3);
    rbuf_free(&b);
}

static void markdown_escapes_markup_but_leaves_words_and_brackets_readable(void **state)
{
    (void)state;
    report_doc d;
    doc_begin(&d, REPORT_MD, REPORT_EN, "T");
    doc_para(&d, "n_h and n[0], a*b, <tag>, a < b, [x](y), `co*de`, **bold**");
    assert_non_null(strstr(rbuf_str(&d.out),
                           "n_h and n[0], a\\*b, \\<tag>, a < b, [x\\](y), `co*de`, **bold**\n"));
    rbuf_free(&d.out);
    doc_begin(&d, REPORT_HTML, REPORT_ZH, "T");
    doc_para(&d, "a < b, `x<y`, **粗体**");
    assert_non_null(strstr(rbuf_str(&d.out), "<p>a &lt; b, <code>x&lt;y</code>, <strong>粗体</strong></p>"));
    assert_non_null(strstr(rbuf_str(&d.out), "<html lang=\"zh-CN\">"));
    rbuf_free(&d.out);
}

static void a_figure_file_with_spaces_or_brackets_is_still_a_markdown_link(void **state)
{
    (void)state;
    report_doc d;
    doc_begin(&d, REPORT_MD, REPORT_EN, "T");
    doc_figure(&d, "my (1) report-cost.svg", "<svg/>", "the cost");
    /* CommonMark ends a link target at a space and pairs the brackets: encoded, the link holds */
    assert_non_null(strstr(rbuf_str(&d.out), "![the cost](my%20%281%29%20report-cost.svg)\n"));
    rbuf_free(&d.out);
    doc_begin(&d, REPORT_MD, REPORT_ZH, "T");
    doc_figure(&d, "实验报告-cost.svg", "<svg/>", "代价");
    assert_non_null(strstr(rbuf_str(&d.out), "![代价](实验报告-cost.svg)\n\n*图 1：代价*\n"));
    rbuf_free(&d.out);
}

static void the_command_line_is_complete_and_shell_quoted(void **state)
{
    (void)state;
    run_spec spec = runspec_default();
    snprintf(spec.dataset, sizeof spec.dataset, "my data's.csv");
    spec.lr = 0.1;
    spec.test_split = 0.2;
    int dims[] = {30, 4, 1};
    nn_config cfg = nn_config_make(dims, 3, ACT_TANH, NN_INIT_COURSE_W3);
    rbuf b = RBUF_INIT;
    report_command_line(&b, "train", &spec, &cfg, NULL);
    assert_string_equal(rbuf_str(&b),
                        "dnn-tutor train --dataset 'my data'\\''s.csv' --hidden 4 --activation tanh --init course-w3 "
                        "--seed 2 --lr 0.1 --iterations 10000 --print-every 1000 --test-split 0.2 --data-seed 1");
    rbuf_free(&b);
    char num[40];
    report_short_double(num, sizeof num, 50.0);
    assert_string_equal(num, "50");
    report_short_double(num, sizeof num, 1.2);
    assert_string_equal(num, "1.2");
    report_short_double(num, sizeof num, 1e-9);
    assert_string_equal(num, "1e-09");
}

static void report_write_refuses_a_missing_directory_before_training(void **state)
{
    (void)state;
    report_request req = {runspec_default(), REPORT_EN, REPORT_MD, "/nonexistent-dnn-tutor-dir/r.md", NULL, false};
    char err[512] = "";
    assert_int_equal(report_write(&req, err, sizeof err), 1);
    assert_non_null(strstr(err, "cannot write '/nonexistent-dnn-tutor-dir/r.md'"));
    req.out_path = "somewhere/";
    assert_int_equal(report_write(&req, err, sizeof err), 2);
}

static void report_write_makes_every_file_of_a_small_run(void **state)
{
    (void)state;
    char dir[] = "/tmp/dnn-report-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char out[256], path[300];
    snprintf(out, sizeof out, "%s/lab.md", dir);
    report_request req = {runspec_default(), REPORT_EN, REPORT_MD, out, NULL, false};
    req.spec.iterations = 30;
    req.spec.print_every = 10;
    char err[512] = "";
    assert_int_equal(report_write(&req, err, sizeof err), 0);
    const char *suffix[] = {".md", "-cost-*.svg", "-boundary-*.svg", "-sweep-*.svg", "-lr-*.svg"};
    for (int i = 0; i < 5; i++) {
        figure_path(dir, suffix[i], path, sizeof path);
        FILE *f = fopen(path, "r");
        assert_non_null(f);
        char buf[64] = "";
        assert_non_null(fgets(buf, sizeof buf, f));
        fclose(f);
        assert_true(i == 0 ? !strncmp(buf, "# Lab report", 12) : !strncmp(buf, "<?xml", 5));
        unlink(path);
    }
    assert_int_equal(rmdir(dir), 0); /* nothing else (no temporary) was left */
}

/* The app calls setlocale(LC_ALL, "") for the terminal, and its trainer
 * writes reports on a thread of its own: a locale whose decimal mark is a
 * comma must not reach the numbers of the report or the coordinates of its
 * figures. Skipped where de_DE.UTF-8 is not installed. */
static void a_comma_locale_does_not_change_the_reports_numbers(void **state)
{
    (void)state;
    if (!setlocale(LC_ALL, "de_DE.UTF-8") && !setlocale(LC_ALL, "de_DE.utf8")) {
        print_message("no de_DE locale installed: not tested\n");
        skip();
    }
    char probe[16];
    snprintf(probe, sizeof probe, "%.1f", 0.5);
    if (strcmp(probe, "0,5") != 0) {
        setlocale(LC_ALL, "C");
        skip();
    }
    char dir[] = "/tmp/dnn-report-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char out[256], path[300];
    snprintf(out, sizeof out, "%s/lab.md", dir);
    report_request req = {runspec_default(), REPORT_EN, REPORT_MD, out, NULL, false};
    req.spec.iterations = 30;
    req.spec.print_every = 10;
    char err[512] = "";
    int rc = report_write(&req, err, sizeof err);
    snprintf(probe, sizeof probe, "%.1f", 0.5);
    bool kept = !strcmp(probe, "0,5");  /* the caller's locale is left as it was */
    setlocale(LC_ALL, "C");
    assert_int_equal(rc, 0);
    assert_true(kept);
    const char *suffix[] = {".md", "-cost-*.svg", "-boundary-*.svg", "-sweep-*.svg", "-lr-*.svg"};
    for (int i = 0; i < 5; i++) {
        figure_path(dir, suffix[i], path, sizeof path);
        FILE *f = fopen(path, "r");
        assert_non_null(f);
        static char text[1 << 20];
        size_t n = fread(text, 1, sizeof text - 1, f);
        text[n] = '\0';
        fclose(f);
        if (i == 0) {
            assert_non_null(strstr(text, "Cost after iteration 0: 0.693048\n"));
            assert_non_null(strstr(text, "learning rate α | 1.2 |"));
        } else {
            /* numbers in attributes have a decimal point, never a comma; in
             * points="x,y x,y …" each pair has exactly one comma */
            for (const char *q = text; (q = strstr(q, "=\"")); q += 2) {
                const char *end = strchr(q + 2, '"');
                assert_non_null(end);
                bool points = q - text >= 6 && !strncmp(q - 6, "points", 6);
                int commas = 0;
                for (const char *c = q + 2; c <= end; c++) {
                    if (points && (*c == ' ' || c == end)) {
                        if (commas > 1)
                            fail_msg("%s: a decimal comma in %.40s", suffix[i], q);
                        commas = 0;
                    } else if (*c == ',') {
                        commas++;
                        if (!points && c > q + 2 && c[-1] >= '0' && c[-1] <= '9' && c[1] >= '0' && c[1] <= '9')
                            fail_msg("%s: a decimal comma in %.40s", suffix[i], q);
                    }
                }
            }
        }
        unlink(path);
    }
    assert_int_equal(rmdir(dir), 0);
}

static void a_cancelled_report_says_so_and_writes_nothing(void **state)
{
    (void)state;
    char dir[] = "/tmp/dnn-report-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char out[256];
    snprintf(out, sizeof out, "%s/lab.md", dir);
    atomic_bool cancel;
    atomic_init(&cancel, true);
    report_request req = {runspec_default(), REPORT_EN, REPORT_MD, out, &cancel, false};
    char err[512] = "";
    assert_int_equal(report_write(&req, err, sizeof err), 1);
    assert_string_equal(err, "cancelled");
    assert_int_equal(rmdir(dir), 0); /* empty: no report, no figure, no temporary */
}

/* Writes a report of spec into a fresh directory and returns its text
 * (malloc'd); the files are removed. */
static char *report_text(const run_spec *spec, report_lang lang, report_format format)
{
    char dir[] = "/tmp/dnn-report-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char out[256];
    snprintf(out, sizeof out, "%s/r.%s", dir, format == REPORT_HTML ? "html" : "md");
    report_request req = {*spec, lang, format, out, NULL, false};
    char err[512] = "";
    assert_int_equal(report_write(&req, err, sizeof err), 0);
    FILE *f = fopen(out, "r");
    assert_non_null(f);
    static char buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    glob_t g;
    char pattern[300];
    snprintf(pattern, sizeof pattern, "%s/*", dir);
    if (glob(pattern, 0, NULL, &g) == 0) {
        for (size_t i = 0; i < g.gl_pathc; i++)
            unlink(g.gl_pathv[i]);
        globfree(&g);
    }
    assert_int_equal(rmdir(dir), 0);
    return strdup(buf);
}

static void has(const char *text, const char *piece)
{
    if (!strstr(text, piece))
        print_message("the report lacks: %s\n", piece);
    assert_non_null(strstr(text, piece));
}

/* The derivation uses the run's own sizes, for every layer of a deep network:
 * one example's outer product, then the m examples as a matrix product. */
static void the_derivation_carries_the_shapes_of_a_deep_run(void **state)
{
    (void)state;
    run_spec spec = runspec_default();
    spec.n_layers = 3;
    spec.hidden = 0;
    spec.layers[0] = 5, spec.layers[1] = 3, spec.layers[2] = 1;
    spec.init = NN_INIT_COURSE_W4;
    spec.iterations = 20;
    spec.print_every = 10;
    char *md = report_text(&spec, REPORT_EN, REPORT_MD);
    has(md, "Deriving the backward equations, with this run's shapes");
    has(md, "dz[3] = da[3]·σ'(z[3]) = −y(1 − a[3]) + (1 − y)a[3]");
    has(md, "dW[3] = dz[3]·a[2]ᵀ                 (1, 1)·(1, 3) = (1, 3)");
    has(md, "da[2] = W[3]ᵀ·dz[3]                 (3, 1)·(1, 1) = (3, 1)");
    has(md, "dz[1] = da[1] ∗ (1 − a[1]²)         (5, 1) ∗ (5, 1) = (5, 1)");
    has(md, "dW[1] = dz[1]·xᵀ                    (5, 1)·(1, 2) = (5, 2)");
    has(md, "dW[2] = (1/m) dZ[2]·A[1]ᵀ           (3, 400)·(400, 5) = (3, 5)   a sum of 400 outer products");
    has(md, "db[1] = (1/m) Σᵢ dz[1]⁽ⁱ⁾           (5, 1)   each row summed over the 400 examples");
    has(md, "dA[1] = W[2]ᵀ·dZ[2]                 (5, 3)·(3, 400) = (5, 400)");
    free(md);
    spec.hidden_act = ACT_RELU;
    md = report_text(&spec, REPORT_ZH, REPORT_MD);
    has(md, "反向传播公式的推导（使用本次运行的形状）");
    has(md, "dz[2] = da[2] ∗ (z[2] > 0)");
    has(md, "与 W[3] 同形");
    has(md, "逐行求和：每行把 400 个样本加起来");
    free(md);
}

/* The analysis gives the learner questions and the measured facts, apart
 * from dnn-tutor's own notes, which come after and say whose they are. */
static void the_analysis_gives_facts_and_questions_apart_from_dnn_tutors_notes(void **state)
{
    (void)state;
    run_spec spec = runspec_default();
    spec.iterations = 200;
    spec.print_every = 50;
    char *md = report_text(&spec, REPORT_EN, REPORT_MD);
    const char *yours = strstr(md, "### 4.1 Your analysis");
    const char *notes = strstr(md, "### 4.2 dnn-tutor's notes: hidden layer size");
    assert_non_null(yours);
    assert_non_null(notes);
    assert_true(yours < notes);
    assert_non_null(strstr(md, "### 4.3 dnn-tutor's notes: learning rate"));
    has(md, "**Baseline:** 200 of the 400 training examples are labelled 1 (50.00%). A model that always answers 1 "
            "scores **50.00%** on the training set. This run: train 87.00%.");
    has(md, "α = 0.01: J = 0.692904, train 57.00%");
    has(md, "α = 50: diverged at iteration 5");
    has(md, "n_h = 5: 88.25%");
    has(md, "**Zero initialisation** (this network from all-zero W and b, α = 1.2, 200 iterations): final cost "
            "0.693147, train accuracy 50.00%; afterwards the 4 rows of W[1] are still exactly equal");
    has(md, "- Q1. How good is this run's accuracy? Compare it with the always-1 baseline");
    has(md, "- Q4. Why does the network trained from zeros");
    /* the learner's space is inside 4.1, before dnn-tutor's notes */
    const char *space = strstr(md, "<!-- learner-notes begin id=baseline -->");
    assert_true(space && space > yours && space < notes);
    /* the questions and facts are not repeated among dnn-tutor's notes */
    assert_null(strstr(notes, "**Measured facts**"));
    free(md);

    char *zh = report_text(&spec, REPORT_ZH, REPORT_HTML);
    has(zh, "4.1 你的分析");
    has(zh, "4.2 dnn-tutor 的笔记：隐藏层大小");
    has(zh, "<strong>基线：</strong> 训练样本中有 200 个标签为 1，共 400 个（50.00%）");
    has(zh, "Q3. 隐藏层大到多少以后");
    has(zh, "<div class=\"notes\">");
    free(zh);

    /* logistic regression: no hidden layer, no zero-init run, and the fact says why */
    spec.n_layers = 1;
    spec.hidden = 0;
    spec.layers[0] = 1;
    spec.init = NN_INIT_ZEROS;
    spec.iterations = 30;
    spec.print_every = 10;
    md = report_text(&spec, REPORT_EN, REPORT_MD);
    has(md, "**Zero initialisation:** this network has no hidden layer (logistic regression)");
    assert_null(strstr(md, "Q4. Why does the network trained from zeros"));
    has(md, "dW[1] = dz[1]·xᵀ                    (1, 1)·(1, 2) = (1, 2)");
    free(md);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(xml_text_is_escaped_and_bad_bytes_are_replaced),
        cmocka_unit_test(ticks_are_round_steps_covering_the_range),
        cmocka_unit_test(a_curve_stops_at_the_first_non_finite_cost_and_is_marked),
        cmocka_unit_test(markdown_escapes_markup_but_leaves_words_and_brackets_readable),
        cmocka_unit_test(a_figure_file_with_spaces_or_brackets_is_still_a_markdown_link),
        cmocka_unit_test(the_command_line_is_complete_and_shell_quoted),
        cmocka_unit_test(report_write_refuses_a_missing_directory_before_training),
        cmocka_unit_test(report_write_makes_every_file_of_a_small_run),
        cmocka_unit_test(a_comma_locale_does_not_change_the_reports_numbers),
        cmocka_unit_test(a_cancelled_report_says_so_and_writes_nothing),
        cmocka_unit_test(the_derivation_carries_the_shapes_of_a_deep_run),
        cmocka_unit_test(the_analysis_gives_facts_and_questions_apart_from_dnn_tutors_notes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
