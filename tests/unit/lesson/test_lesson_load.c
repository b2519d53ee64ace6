/*
 * test_lesson_load.c — loading many files: directories, skipped files and
 * the cross-file rules, the shipped lessons, refusing huge files and FIFOs
 * without reading them, and what a loaded course looks like.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "dnn_test.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "dataset.h"
#include "lesson.h"
#include "lesson_test.h"
#include "monoclock.h"

static const char *fixture_dir(const char *name)
{
    static char path[4096];
    snprintf(path, sizeof path, "%s/tests/data/lessons/%s", lt_source_root(), name);
    return path;
}

static void print_problems(const lesson_course *c)
{
    for (int i = 0; i < c->n_problems; i++)
        print_message("  problem: %s\n", lt_problem(c, i));
}

static double now_seconds(void)
{
    return mono_seconds();
}

/* ---- the shipped lessons ---------------------------------------------------- */

static void the_shipped_lessons_pass_the_check(void **state)
{
    (void)state;
    lesson_course *c = lesson_load_shipped();
    assert_non_null(c);
    print_problems(c);
    assert_int_equal(c->n_problems, 0);
    assert_true(c->n_files >= 1);
    assert_true(c->n_weeks >= 1);
    for (int i = 0; i < c->n_files; i++) {
        assert_false(c->files[i].skipped);
        assert_int_equal(strncmp(c->files[i].name, "lessons/week", 12), 0);
    }
    for (int i = 1; i < c->n_weeks; i++)
        assert_true(c->weeks[i - 1].number < c->weeks[i].number);
    lesson_course_free(c);
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every lessons/week*.json (any *.json) of the source tree is built in (a new
 * week file needs a reconfigure: this test says so). */
static void every_lesson_file_in_the_source_tree_is_built_in(void **state)
{
    (void)state;
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/lessons", lt_source_root());
    DIR *d = opendir(dir);
    assert_non_null(d);
    char *names[64];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 64) {
        size_t len = strlen(e->d_name);
        if (len > 5 && !strcmp(e->d_name + len - 5, ".json"))
            names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof *names, name_cmp);

    lesson_course *c = lesson_load_shipped();
    assert_non_null(c);
    if (c->n_files != n)
        print_message("lessons/ holds %d *.json files but %d are built in: reconfigure the build\n", n,
                      c->n_files);
    assert_int_equal(c->n_files, n);
    lesson_course *from_dir = lesson_load_dir(dir);
    assert_non_null(from_dir);
    assert_int_equal(from_dir->n_problems, 0);
    assert_int_equal(from_dir->n_lessons, c->n_lessons);
    assert_int_equal(from_dir->n_quizzes, c->n_quizzes);
    assert_int_equal(from_dir->n_labs, c->n_labs);
    for (int i = 0; i < n; i++) {
        char want[300];
        snprintf(want, sizeof want, "lessons/%s", names[i]);
        assert_string_equal(c->files[i].name, want);
        free(names[i]);
    }
    lesson_course_free(from_dir);
    lesson_course_free(c);
}

/* A lesson whose text sends the learner to `dnn-tutor exercises check wNaM`
 * also opens one of wNaM's functions from the page (an exercise block), so
 * the practice is a key away, not only a command to copy. */
static void a_lesson_that_names_an_assignment_links_one_of_its_exercises(void **state)
{
    (void)state;
    lesson_course *c = lesson_load_shipped();
    assert_non_null(c);
    int named = 0, unlinked = 0;
    for (int i = 0; i < c->n_lessons; i++) {
        const lesson *l = lesson_course_lesson_at(c, i);
        for (int p = 0; p < l->n_pages; p++)
            for (int b = 0; b < l->pages[p].n_blocks; b++) {
                const char *en = l->pages[p].blocks[b].text.en;
                const char *cmd = en ? strstr(en, "dnn-tutor exercises check w") : NULL;
                if (!cmd)
                    continue;
                char prefix[8];
                snprintf(prefix, sizeof prefix, "%.4s/", cmd + strlen("dnn-tutor exercises check "));
                bool linked = false;
                for (int p2 = 0; p2 < l->n_pages && !linked; p2++)
                    for (int b2 = 0; b2 < l->pages[p2].n_blocks && !linked; b2++) {
                        const lesson_exercise *ex = l->pages[p2].blocks[b2].exercise;
                        linked = ex && !strncmp(ex->id, prefix, strlen(prefix));
                    }
                named++;
                if (!linked) {
                    print_message("lesson %s names %.4s but links none of its exercises\n", l->id, prefix);
                    unlinked++;
                }
            }
    }
    assert_true(named >= 5);
    assert_int_equal(unlinked, 0);
    lesson_course_free(c);
}

/* The generalisation lesson lets the learner see train and test part ways
 * in the trainer, not only in `dnn-tutor train --test-split` output: it
 * opens a trainer lab and tells of the key that holds out a test set. */
static void the_generalisation_lesson_opens_a_trainer_and_names_its_test_key(void **state)
{
    (void)state;
    lesson_course *c = lesson_load_shipped();
    assert_non_null(c);
    const lesson *l = lesson_course_find_lesson(c, "w3-generalisation");
    assert_non_null(l);
    int trainers = 0;
    bool key_en = false, key_zh = false;
    for (int p = 0; p < l->n_pages; p++)
        for (int b = 0; b < l->pages[p].n_blocks; b++) {
            const lesson_block *bl = &l->pages[p].blocks[b];
            if (bl->lab && bl->lab->kind == LESSON_LAB_TRAINER)
                trainers++;
            if (bl->text.en && strstr(bl->text.en, "Press t"))
                key_en = true;
            if (bl->text.zh && strstr(bl->text.zh, "按 t"))
                key_zh = true;
        }
    assert_true(trainers >= 1);
    assert_true(key_en);
    assert_true(key_zh);
    lesson_course_free(c);
}

/* Hints are nudges (lessons/README.md): no hint of a shipped shape quiz
 * holds, between brackets, a shape the quiz would take as its answer. */
static bool hint_gives_away(const lesson_quiz *q, const char *hint)
{
    for (const char *open = strchr(hint, '('); open; open = strchr(open + 1, '(')) {
        const char *close = strchr(open, ')');
        if (!close)
            return false;
        char group[128];
        snprintf(group, sizeof group, "%.*s", (int)(close - open + 1), open);
        if (lesson_quiz_judge(q, group, NULL) == LESSON_VERDICT_RIGHT)
            return true;
    }
    return false;
}

static void no_hint_of_a_shipped_shape_quiz_spells_out_its_answer(void **state)
{
    (void)state;
    lesson_course *c = lesson_load_shipped();
    assert_non_null(c);
    int giveaways = 0, hints = 0;
    for (int i = 0; i < c->n_lessons; i++) {
        const lesson *l = lesson_course_lesson_at(c, i);
        for (int p = 0; p < l->n_pages; p++)
            for (int b = 0; b < l->pages[p].n_blocks; b++) {
                const lesson_quiz *q = l->pages[p].blocks[b].quiz;
                for (int h = 0; q && q->kind == LESSON_QUIZ_SHAPE && h < q->n_hints; h++) {
                    hints++;
                    if (hint_gives_away(q, q->hints[h].en) || hint_gives_away(q, q->hints[h].zh)) {
                        print_message("%s: hint %d gives the answer away: %s\n", q->id, h + 1, q->hints[h].en);
                        giveaways++;
                    }
                }
            }
    }
    assert_true(hints >= 50);
    assert_int_equal(giveaways, 0);
    lesson_course_free(c);
}

static void the_readme_example_passes_the_check(void **state)
{
    (void)state;
    char path[4096];
    snprintf(path, sizeof path, "%s/lessons/README.md", lt_source_root());
    size_t size;
    char *readme = lt_read_file(path, &size);
    assert_non_null(readme);
    char *begin = strstr(readme, "<!-- example:begin -->\n```json\n");
    assert_non_null(begin);
    begin += strlen("<!-- example:begin -->\n```json\n");
    char *end = strstr(begin, "```\n<!-- example:end -->");
    assert_non_null(end);
    lesson_source src = {"README.md example", begin, (size_t)(end - begin)};
    lesson_course *c = lesson_load_sources(&src, 1);
    assert_non_null(c);
    print_problems(c);
    assert_int_equal(c->n_problems, 0);
    assert_int_equal(c->n_weeks, 1);
    assert_int_equal(c->n_lessons, 1);
    assert_int_equal(c->n_quizzes, 2);
    assert_int_equal(c->n_typed_quizzes, 1);
    assert_int_equal(c->n_labs, 1);
    assert_int_equal(c->n_exercises, 1);
    /* every block kind is in the example */
    const lesson_page *p = &c->weeks[0].lessons[0].pages[0];
    bool seen[LESSON_BLOCK_KIND_COUNT] = {false};
    for (int b = 0; b < p->n_blocks; b++)
        seen[p->blocks[b].kind] = true;
    for (int k = 0; k < LESSON_BLOCK_KIND_COUNT; k++)
        assert_true(seen[k]);
    lesson_course_free(c);
    free(readme);
}

/* Every lab of the shipped lessons opens: its run_spec passes the data
 * layer's checks and becomes the network config the lab file describes. */
static void every_shipped_lab_becomes_the_network_it_describes(void **state)
{
    (void)state;
    lesson_course *c = lesson_load_shipped();
    assert_non_null(c);
    int labs = 0;
    for (int i = 0; i < c->n_lessons; i++) {
        const lesson *l = lesson_course_lesson_at(c, i);
        for (int p = 0; p < l->n_pages; p++)
            for (int b = 0; b < l->pages[p].n_blocks; b++) {
                const lesson_lab *lab = l->pages[p].blocks[b].lab;
                if (!lab)
                    continue;
                labs++;
                const run_spec *s = &lab->spec;
                const dataset_info *info = dataset_builtin_info(s->dataset);
                assert_non_null(info);
                char msg[200] = "";
                nn_config cfg;
                if (!runspec_check(s, msg, sizeof msg) || !runspec_net_config(s, info->n_features, &cfg, msg, sizeof msg))
                    print_message("  %s: %s\n", l->id, msg);
                assert_true(runspec_net_config(s, info->n_features, &cfg, msg, sizeof msg));
                assert_int_equal(cfg.L, s->n_layers);
                assert_int_equal(cfg.dims[0], info->n_features);
                assert_int_equal(cfg.dims[cfg.L], 1);
                assert_int_equal(cfg.act[cfg.L], ACT_SIGMOID);
                for (int k = 1; k <= cfg.L; k++) {
                    assert_int_equal(cfg.dims[k], s->layers[k - 1]);
                    assert_int_equal(cfg.act[k], s->acts[k - 1]);
                }
                assert_int_equal(cfg.init, s->init);
                assert_int_equal(cfg.seed, s->seed_given ? s->seed : nn_init_default_seed(s->init));
                if (lab->kind == LESSON_LAB_TRAINER || lab->kind == LESSON_LAB_SWEEP)
                    assert_true(info->two_d);
            }
    }
    assert_int_equal(labs, c->n_labs);
    lesson_course_free(c);
}

/* ---- directories ------------------------------------------------------------ */

static void a_bad_file_is_skipped_and_the_others_load(void **state)
{
    (void)state;
    const char *dir = fixture_dir("mixed");
    lesson_course *c = lesson_load_dir(dir);
    assert_non_null(c);
    assert_int_equal(c->n_files, 3);  /* notes.txt is not a lesson file */
    assert_false(c->files[0].skipped);
    assert_true(c->files[1].skipped);
    assert_false(c->files[2].skipped);
    assert_int_equal(c->files[1].n_problems, 1);
    char want[4200];
    snprintf(want, sizeof want, "%s/b-bad.json:2:54: weeks[0].lessons[0].title.en: empty text", dir);
    assert_int_equal(c->n_problems, 1);
    assert_string_equal(lt_problem(c, 0), want);
    assert_int_equal(c->n_weeks, 2);
    assert_string_equal(c->weeks[0].id, "wa");
    assert_string_equal(c->weeks[1].id, "wc");
    assert_null(lesson_course_find_lesson(c, "lb"));
    assert_non_null(lesson_course_find_lesson(c, "la"));
    assert_non_null(lesson_course_find_lesson(c, "lc"));
    lesson_course_free(c);
}

static void an_id_reused_in_a_later_file_skips_that_file(void **state)
{
    (void)state;
    const char *dir = fixture_dir("dup-id");
    lesson_course *c = lesson_load_dir(dir);
    assert_non_null(c);
    char want[9000];
    snprintf(want, sizeof want, "%s/b.json:2:21: weeks[0].lessons[0].id: duplicate id \"l1\" (first at %s/a.json:2:21)",
             dir, dir);
    assert_int_equal(c->n_problems, 1);
    assert_string_equal(lt_problem(c, 0), want);
    assert_false(c->files[0].skipped);
    assert_true(c->files[1].skipped);
    assert_int_equal(c->n_weeks, 1);
    assert_string_equal(c->weeks[0].id, "wa");
    lesson_course_free(c);
}

static void a_week_number_reused_in_a_later_file_skips_that_file(void **state)
{
    (void)state;
    const char *dir = fixture_dir("dup-week");
    lesson_course *c = lesson_load_dir(dir);
    assert_non_null(c);
    char want[9000];
    snprintf(want, sizeof want, "%s/b.json:1:56: weeks[0].number: week 4 is already at %s/a.json:1:56", dir, dir);
    assert_int_equal(c->n_problems, 1);
    assert_string_equal(lt_problem(c, 0), want);
    assert_int_equal(c->n_weeks, 1);
    lesson_course_free(c);
}

/* a.json is bad; b.json needs a lesson of a.json; c.json needs one of b.json. */
static void files_needing_lessons_of_skipped_files_are_skipped_in_turn(void **state)
{
    (void)state;
    const char *dir = fixture_dir("prereq-chain");
    lesson_course *c = lesson_load_dir(dir);
    assert_non_null(c);
    print_problems(c);
    assert_int_equal(c->n_problems, 3);
    char want[9000];
    snprintf(want, sizeof want, "%s/a.json:2:54: weeks[0].lessons[0].title.en: empty text", dir);
    assert_string_equal(lt_problem(c, 0), want);
    snprintf(want, sizeof want,
             "%s/b.json:2:78: weeks[0].lessons[0].prerequisites[0]: lesson \"la\" is not loaded: %s/a.json was skipped",
             dir, dir);
    assert_string_equal(lt_problem(c, 1), want);
    snprintf(want, sizeof want,
             "%s/c.json:2:78: weeks[0].lessons[0].prerequisites[0]: lesson \"lb\" is not loaded: %s/b.json was skipped",
             dir, dir);
    assert_string_equal(lt_problem(c, 2), want);
    assert_true(c->files[0].skipped && c->files[1].skipped && c->files[2].skipped);
    assert_false(c->files[3].skipped);
    assert_int_equal(c->n_weeks, 1);
    assert_string_equal(c->weeks[0].id, "wd");
    lesson_course_free(c);
}

/* a.json's la needs lb, b.json's lb needs la: a cycle across files, named
 * by its ids where it closes; a.json goes in turn; c.json loads. */
static void a_prerequisite_cycle_across_files_is_reported_with_its_ids(void **state)
{
    (void)state;
    const char *dir = fixture_dir("prereq-cycle");
    lesson_course *c = lesson_load_dir(dir);
    assert_non_null(c);
    print_problems(c);
    assert_int_equal(c->n_problems, 2);
    char want[9000];
    snprintf(want, sizeof want,
             "%s/a.json:2:78: weeks[0].lessons[0].prerequisites[0]: lesson \"lb\" is not loaded: %s/b.json was skipped",
             dir, dir);
    assert_string_equal(lt_problem(c, 0), want);
    snprintf(want, sizeof want,
             "%s/b.json:2:78: weeks[0].lessons[0].prerequisites[0]: prerequisites form a cycle (each needs the next): "
             "la \u2192 lb \u2192 la", dir);
    assert_string_equal(lt_problem(c, 1), want);
    assert_int_equal(c->n_weeks, 1);
    assert_string_equal(c->weeks[0].id, "wc");
    lesson_course_free(c);
}

static void a_missing_directory_is_one_problem_without_a_position(void **state)
{
    (void)state;
    lesson_course *c = lesson_load_dir("/nonexistent/dnn-tutor-lessons");
    assert_non_null(c);
    assert_int_equal(c->n_problems, 1);
    assert_string_equal(lt_problem(c, 0),
                        "/nonexistent/dnn-tutor-lessons: cannot open the directory: No such file or directory");
    assert_int_equal(c->n_weeks, 0);
    lesson_course_free(c);
}

static void a_directory_without_lesson_files_is_one_problem(void **state)
{
    (void)state;
    const char *dir = lt_temp_dir();
    assert_non_null(dir);
    char path[4200];
    snprintf(path, sizeof path, "%s/readme.txt", dir);
    assert_true(lt_write_file(path, "x", 1));
    lesson_course *c = lesson_load_dir(dir);
    assert_non_null(c);
    char want[4300];
    snprintf(want, sizeof want, "%s: no lesson files (*.json) in this directory", dir);
    assert_int_equal(c->n_problems, 1);
    assert_string_equal(lt_problem(c, 0), want);
    lesson_course_free(c);
    lt_remove_dir(dir);
}

/* ---- refusing what must not be read ------------------------------------------ */

static void a_100_mb_file_is_refused_quickly_without_reading_it(void **state)
{
    (void)state;
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", lt_temp_dir());
    char big[4200], good[4200];
    snprintf(big, sizeof big, "%s/big.json", dir);
    snprintf(good, sizeof good, "%s/good.json", dir);
    int fd = open(big, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, 100 * 1024 * 1024), 0);  /* sparse: no disk used */
    close(fd);
    size_t size;
    char src[4200];
    snprintf(src, sizeof src, "%s/mixed/a-good.json", fixture_dir(""));
    char *data = lt_read_file(src, &size);
    assert_non_null(data);
    assert_true(lt_write_file(good, data, size));
    free(data);

    double t0 = now_seconds();
    lesson_course *c = lesson_load_dir(dir);
    double elapsed = now_seconds() - t0;
    assert_non_null(c);
    char want[4400];
    snprintf(want, sizeof want, "%s:1:1: file too large: 104857600 bytes (at most 4 MiB)", big);
    assert_int_equal(c->n_problems, 1);
    assert_string_equal(lt_problem(c, 0), want);
    assert_true(c->files[0].skipped);
    assert_false(c->files[1].skipped);
    assert_int_equal(c->n_weeks, 1);
    print_message("  loading took %.3f s\n", elapsed);
    assert_true(elapsed < 1.0);
    lesson_course_free(c);
    lt_remove_dir(dir);
}

static void an_in_memory_file_over_4_mib_is_refused(void **state)
{
    (void)state;
    size_t size = 5u * 1024u * 1024u;
    char *data = malloc(size);
    assert_non_null(data);
    memset(data, ' ', size);
    lesson_source src = {"huge.json", data, size};
    lesson_course *c = lesson_load_sources(&src, 1);
    assert_non_null(c);
    assert_int_equal(c->n_problems, 1);
    assert_string_equal(lt_problem(c, 0), "huge.json:1:1: file too large: 5242880 bytes (at most 4 MiB)");
    lesson_course_free(c);
    free(data);
}

static void a_fifo_named_like_a_lesson_is_refused_without_blocking(void **state)
{
    (void)state;
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", lt_temp_dir());
    char fifo[4200];
    snprintf(fifo, sizeof fifo, "%s/pipe.json", dir);
    assert_int_equal(mkfifo(fifo, 0600), 0);
    lesson_course *c = lesson_load_dir(dir);
    assert_non_null(c);
    char want[4400];
    snprintf(want, sizeof want, "%s: not a regular file", fifo);
    assert_int_equal(c->n_problems, 1);
    assert_string_equal(lt_problem(c, 0), want);
    lesson_course_free(c);
    lt_remove_dir(dir);
}

/* An unreadable file is one problem without a position, with the system's
 * reason; the readable files of the directory still load. */
static void an_unreadable_lesson_file_is_reported_and_the_others_load(void **state)
{
    (void)state;
    if (geteuid() == 0) {
        print_message("running as root: every file is readable, not tested\n");
        skip();
    }
    char dir[4096], good[4200], locked[4200], want[4400];
    snprintf(dir, sizeof dir, "%s", lt_temp_dir());
    snprintf(good, sizeof good, "%s/a.json", dir);
    snprintf(locked, sizeof locked, "%s/b.json", dir);
    char src[4200];
    snprintf(src, sizeof src, "%s/lessons/week1.json", lt_source_root());
    size_t size;
    char *week1 = lt_read_file(src, &size);
    assert_non_null(week1);
    assert_true(lt_write_file(good, week1, size));
    free(week1);
    assert_true(lt_write_file(locked, "{}", 2));
    assert_int_equal(chmod(locked, 0), 0);
    lesson_course *c = lesson_load_dir(dir);
    assert_non_null(c);
    snprintf(want, sizeof want, "%s: cannot open: Permission denied", locked);
    assert_int_equal(c->n_problems, 1);
    assert_string_equal(lt_problem(c, 0), want);
    assert_int_equal(c->n_weeks, 1);
    assert_true(c->files[1].skipped);
    lesson_course_free(c);
    lt_remove_dir(dir);
}

/* One line of `cap` bytes (at most) of formula blocks; *blocks is how many. */
static char *one_line_document(size_t cap, size_t *size, int *blocks)
{
    static const char head[] = "{\"schema_version\":1,\"weeks\":[{\"id\":\"w\",\"number\":1,\"title\":{\"zh\":\"周\","
                               "\"en\":\"W\"},\"lessons\":[{\"id\":\"l\",\"title\":{\"zh\":\"课\",\"en\":\"L\"},"
                               "\"pages\":[{\"blocks\":[";
    /* two blocks in turn, as a page may not show the same block twice in a row */
    static const char block[2][sizeof "{\"formula\":\"σ\"},"] = {"{\"formula\":\"σ\"},", "{\"formula\":\"τ\"},"};
    static const char tail[] = "{\"formula\":\"x\"}]}]}]}]}";
    char *doc = malloc(cap);
    if (!doc)
        abort(); /* (assert_non_null does not tell the compiler doc is not NULL below) */
    size_t n = 0;
    memcpy(doc, head, sizeof head - 1);
    n += sizeof head - 1;
    *blocks = 1;
    while (n + sizeof block[0] + sizeof tail < cap) {
        memcpy(doc + n, block[*blocks % 2], sizeof block[0] - 1);
        n += sizeof block[0] - 1;
        ++*blocks;
    }
    memcpy(doc + n, tail, sizeof tail - 1);
    *size = n + sizeof tail - 1;
    return doc;
}

/* One 4 MiB line of ~250 000 blocks: every block's line:col is looked up, so
 * a column computed by counting from the start of the line would take
 * minutes. Linear means four times the text takes about four times as long:
 * the 4 MiB line is timed against a 1 MiB one (quadratic work would take 16
 * times as long), which holds in plain, sanitizer and valgrind runs alike. */
static void a_4_mib_file_on_one_line_loads_in_linear_time(void **state)
{
    (void)state;
    double seconds[2];
    for (int k = 0; k < 2; k++) {
        size_t size;
        int blocks;
        char *doc = one_line_document(k ? LESSON_FILE_MAX_BYTES : LESSON_FILE_MAX_BYTES / 4, &size, &blocks);
        lesson_source src = {"long.json", doc, size};
        double t0 = now_seconds();
        lesson_course *c = lesson_load_sources(&src, 1);
        seconds[k] = now_seconds() - t0;
        assert_non_null(c);
        print_problems(c);
        assert_int_equal(c->n_problems, 0);
        assert_int_equal(c->weeks[0].lessons[0].pages[0].n_blocks, blocks);
        print_message("  %d blocks in %.3f s\n", blocks, seconds[k]);
        lesson_course_free(c);
        free(doc);
    }
    assert_true(seconds[1] < 8.0 * seconds[0] + 0.5);
}

static void problems_stop_after_a_hundred_per_file(void **state)
{
    (void)state;
    /* 150 unknown keys in the top object */
    static char doc[150 * 16 + 100];
    size_t n = (size_t)snprintf(doc, sizeof doc, "{\"schema_version\": 1");
    for (int i = 0; i < 150; i++)
        n += (size_t)snprintf(doc + n, sizeof doc - n, ",\n\"k%d\": 0", i);
    n += (size_t)snprintf(doc + n, sizeof doc - n, "}\n");
    lesson_source src = {"many.json", doc, n};
    lesson_course *c = lesson_load_sources(&src, 1);
    assert_non_null(c);
    assert_int_equal(c->n_problems, 101);
    assert_string_equal(lt_problem(c, 0),
                        "many.json:2:1: k0: unknown key \"k0\" (expected schema_version or weeks)");
    assert_string_equal(lt_problem(c, 99),
                        "many.json:101:1: k99: unknown key \"k99\" (expected schema_version or weeks)");
    assert_string_equal(lt_problem(c, 100),
                        "many.json:102:1: k100: more than 100 problems; the rest of the file is not checked");
    lesson_course_free(c);
}

/* ---- what a loaded course holds ------------------------------------------------ */

static void weeks_are_sorted_by_number_and_prerequisites_may_point_forward(void **state)
{
    (void)state;
    lesson_course *c = lesson_load_dir(fixture_dir("good"));
    assert_non_null(c);
    print_problems(c);
    assert_int_equal(c->n_problems, 0);
    assert_int_equal(c->n_files, 2);
    assert_int_equal(c->n_weeks, 2);
    assert_int_equal(c->weeks[0].number, 2);  /* from b-week2.json, the second file */
    assert_int_equal(c->weeks[1].number, 3);
    assert_int_equal(c->n_lessons, 3);
    assert_int_equal(c->n_quizzes, 4);
    assert_int_equal(c->n_typed_quizzes, 3);
    assert_int_equal(c->n_labs, 2);
    assert_string_equal(lesson_course_lesson_at(c, 0)->id, "wk2-logistic");
    assert_string_equal(lesson_course_lesson_at(c, 1)->id, "wk3-forward");
    assert_string_equal(lesson_course_lesson_at(c, 2)->id, "wk3-backward");
    assert_null(lesson_course_lesson_at(c, 3));
    assert_null(lesson_course_lesson_at(c, -1));
    const lesson *fwd = lesson_course_find_lesson(c, "wk3-forward");
    assert_non_null(fwd);
    assert_int_equal(fwd->n_prerequisites, 1);
    assert_string_equal(fwd->prerequisites[0], "wk2-logistic");
    assert_int_equal(fwd->week_number, 3);
    assert_int_equal(fwd->n_quizzes, 1);
    assert_int_equal(fwd->n_labs, 1);
    const lesson_week *w2 = lesson_course_find_week(c, "wk2");
    assert_ptr_equal(w2, &c->weeks[0]);
    assert_string_equal(w2->summary.en, "Logistic regression.");
    assert_null(c->weeks[1].summary.zh);
    assert_null(lesson_course_find_week(c, "wk3-forward"));  /* a lesson, not a week */
    assert_null(lesson_course_find_quiz(c, "nope"));
    const lesson_quiz *q = lesson_course_find_quiz(c, "wk3-q-act");
    assert_non_null(q);
    assert_int_equal(q->kind, LESSON_QUIZ_CHOICE);
    assert_int_equal(q->n_choices, 2);
    assert_string_equal(q->choices[1].zh, "sigmoid");
    assert_null(q->answer_text);
    const lesson_quiz *cost = lesson_course_find_quiz(c, "wk2-q-cost");
    assert_exact(cost->tolerance, 0.001);
    assert_exact(cost->answer_number, 0.693147);
    lesson_course_free(c);
}

static void blocks_keep_their_lines_in_each_language(void **state)
{
    (void)state;
    lesson_course *c = lesson_load_dir(fixture_dir("good"));
    assert_non_null(c);
    const lesson *back = lesson_course_find_lesson(c, "wk3-backward");
    const lesson_page *p = &back->pages[0];
    assert_string_equal(p->title.en, "dZ");
    const lesson_block *code = &p->blocks[0];
    assert_int_equal(code->kind, LESSON_BLOCK_CODE);
    lesson_lines en = lesson_block_lines(code, LESSON_LANG_EN);
    lesson_lines zh = lesson_block_lines(code, LESSON_LANG_ZH);
    assert_int_equal(en.count, 2);  /* "\n" splits a string into lines */
    assert_string_equal(en.items[0], "dZ2 = A2 - Y");
    assert_string_equal(en.items[1], "dW2 = np.dot(dZ2, A1.T) / m");
    assert_ptr_equal(en.items, zh.items);
    const lesson_block *diagram = &p->blocks[1];
    assert_int_equal(lesson_block_lines(diagram, LESSON_LANG_ZH).count, 1);
    assert_int_equal(lesson_block_lines(diagram, LESSON_LANG_EN).count, 2);
    assert_string_equal(lesson_block_lines(diagram, LESSON_LANG_ZH).items[0], "前向 ─► 反向");
    assert_int_equal(lesson_block_lines(&p->blocks[2], LESSON_LANG_EN).count, 0);  /* a quiz */
    assert_int_equal(code->line, 37);
    lesson_text only_en = {NULL, "en"};
    assert_string_equal(lesson_text_get(only_en, LESSON_LANG_ZH), "en");
    assert_string_equal(lesson_text_get(back->title, LESSON_LANG_ZH), "反向传播");
    assert_string_equal(lesson_text_get(back->title, LESSON_LANG_EN), "Backward propagation");
    lesson_course_free(c);
}

static void a_lab_becomes_a_run_spec(void **state)
{
    (void)state;
    lesson_course *c = lesson_load_dir(fixture_dir("good"));
    assert_non_null(c);
    const lesson_block *b = &lesson_course_find_lesson(c, "wk3-forward")->pages[0].blocks[2];
    assert_int_equal(b->kind, LESSON_BLOCK_LAB);
    const lesson_lab *lab = b->lab;
    assert_int_equal(lab->kind, LESSON_LAB_DEEP_TRAINER);
    assert_string_equal(lab->caption.en, "Digits.");
    const run_spec *s = &lab->spec;
    assert_string_equal(s->dataset, "digits");
    assert_int_equal(s->hidden, 0);
    assert_int_equal(s->n_layers, 4);
    assert_int_equal(s->layers[0], 20);
    assert_int_equal(s->layers[1], 7);
    assert_int_equal(s->layers[2], 5);
    assert_int_equal(s->layers[3], 1);
    assert_true(s->acts_given);
    assert_int_equal(s->acts[0], ACT_RELU);
    assert_int_equal(s->acts[2], ACT_LEAKY_RELU);
    assert_int_equal(s->acts[3], ACT_SIGMOID);
    assert_int_equal(s->hidden_act, ACT_RELU);
    assert_int_equal(s->init, NN_INIT_COURSE_W4);
    assert_true(s->seed_given);
    assert_int_equal(s->seed, 7);
    assert_exact(s->lr, 0.0075);
    assert_int_equal(s->iterations, 2500);
    assert_int_equal(lab->assignment, RUNSPEC_W4_DEEP); /* the run on the cat pictures, when found */

    /* no seed, lr or iterations: the init's seed and run_spec's defaults */
    const lesson_lab *lr = lesson_course_find_lesson(c, "wk2-logistic")->pages[0].blocks[7].lab;
    run_spec d = runspec_default();
    assert_int_equal(lr->kind, LESSON_LAB_TRAINER);
    assert_string_equal(lr->spec.dataset, "planar");
    assert_int_equal(lr->spec.n_layers, 1);
    assert_int_equal(lr->spec.layers[0], 1);
    assert_int_equal(lr->spec.init, NN_INIT_ZEROS);
    assert_false(lr->spec.seed_given);
    assert_int_equal(lr->spec.seed, nn_init_default_seed(NN_INIT_ZEROS));
    assert_exact(lr->spec.lr, d.lr);
    assert_int_equal(lr->spec.iterations, d.iterations);
    assert_int_equal(lr->assignment, RUNSPEC_ASSIGNMENT_NONE);
    lesson_course_free(c);
}

static void a_byte_order_mark_is_skipped(void **state)
{
    (void)state;
    static const char doc[] = "\xEF\xBB\xBF{\"schema_version\": 2, \"weeks\": []}";
    lesson_source src = {"bom.json", doc, sizeof doc - 1};
    lesson_course *c = lesson_load_sources(&src, 1);
    assert_non_null(c);
    assert_int_equal(c->n_problems, 2);
    /* columns count from after the mark */
    assert_string_equal(lt_problem(c, 0), "bom.json:1:20: schema_version: this dnn-tutor reads schema_version 1 only");
    assert_string_equal(lt_problem(c, 1), "bom.json:1:32: weeks: an empty list (at least one entry is needed)");
    lesson_course_free(c);
}

static void names_of_kinds_round_trip(void **state)
{
    (void)state;
    static const char *const labs[] = {"stepper", "trainer", "deep-trainer", "sweep"};
    for (int k = 0; k < LESSON_LAB_KIND_COUNT; k++) {
        lesson_lab_kind got;
        assert_string_equal(lesson_lab_kind_name((lesson_lab_kind)k), labs[k]);
        assert_true(lesson_lab_kind_parse(labs[k], &got));
        assert_int_equal(got, k);
    }
    lesson_lab_kind got;
    assert_false(lesson_lab_kind_parse("Stepper", &got));
    assert_string_equal(lesson_block_kind_name(LESSON_BLOCK_DIAGRAM), "diagram");
    assert_string_equal(lesson_quiz_kind_name(LESSON_QUIZ_WORD), "word");
}

/* Keys and values from a file reach the terminal through problems: control
 * characters are written as escapes, never as themselves. */
static void problems_never_carry_control_characters(void **state)
{
    (void)state;
    static const char doc[] = "{\"schema_version\": 1, \"\\u001b[2Jx\\u0085\": 0, \"weeks\": []}";
    lesson_source src = {"ctl\x07.json", doc, sizeof doc - 1};
    lesson_course *c = lesson_load_sources(&src, 1);
    assert_non_null(c);
    assert_int_equal(c->n_problems, 2);
    assert_string_equal(lt_problem(c, 0), "ctl\\u0007.json:1:23: \\u001B[2Jx\\u0085: unknown key \"\\u001B[2Jx\\u0085\" "
                                          "(expected schema_version or weeks)");
    assert_string_equal(c->files[0].name, "ctl\\u0007.json");
    for (int i = 0; i < c->n_problems; i++)
        for (const char *p = lt_problem(c, i); *p; p++)
            assert_true((unsigned char)*p >= 0x20 && *p != 0x7F);
    lesson_course_free(c);
}

static void no_sources_make_an_empty_course(void **state)
{
    (void)state;
    lesson_course *c = lesson_load_sources(NULL, 0);
    assert_non_null(c);
    assert_int_equal(c->n_files, 0);
    assert_int_equal(c->n_weeks, 0);
    assert_int_equal(c->n_problems, 0);
    assert_null(lesson_course_find_lesson(c, "x"));
    lesson_course_free(c);
    lesson_course_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_shipped_lessons_pass_the_check),
        cmocka_unit_test(every_lesson_file_in_the_source_tree_is_built_in),
        cmocka_unit_test(the_readme_example_passes_the_check),
        cmocka_unit_test(every_shipped_lab_becomes_the_network_it_describes),
        cmocka_unit_test(a_bad_file_is_skipped_and_the_others_load),
        cmocka_unit_test(an_id_reused_in_a_later_file_skips_that_file),
        cmocka_unit_test(a_week_number_reused_in_a_later_file_skips_that_file),
        cmocka_unit_test(files_needing_lessons_of_skipped_files_are_skipped_in_turn),
        cmocka_unit_test(a_missing_directory_is_one_problem_without_a_position),
        cmocka_unit_test(a_directory_without_lesson_files_is_one_problem),
        cmocka_unit_test(a_100_mb_file_is_refused_quickly_without_reading_it),
        cmocka_unit_test(an_in_memory_file_over_4_mib_is_refused),
        cmocka_unit_test(a_fifo_named_like_a_lesson_is_refused_without_blocking),
        cmocka_unit_test(an_unreadable_lesson_file_is_reported_and_the_others_load),
        cmocka_unit_test(a_4_mib_file_on_one_line_loads_in_linear_time),
        cmocka_unit_test(a_lesson_that_names_an_assignment_links_one_of_its_exercises),
        cmocka_unit_test(no_hint_of_a_shipped_shape_quiz_spells_out_its_answer),
        cmocka_unit_test(the_generalisation_lesson_opens_a_trainer_and_names_its_test_key),
        cmocka_unit_test(problems_stop_after_a_hundred_per_file),
        cmocka_unit_test(weeks_are_sorted_by_number_and_prerequisites_may_point_forward),
        cmocka_unit_test(a_prerequisite_cycle_across_files_is_reported_with_its_ids),
        cmocka_unit_test(blocks_keep_their_lines_in_each_language),
        cmocka_unit_test(a_lab_becomes_a_run_spec),
        cmocka_unit_test(a_byte_order_mark_is_skipped),
        cmocka_unit_test(names_of_kinds_round_trip),
        cmocka_unit_test(problems_never_carry_control_characters),
        cmocka_unit_test(no_sources_make_an_empty_course),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
