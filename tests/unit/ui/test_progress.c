/*
 * test_progress.c — the progress file: round trip, atomic save, corrupt
 * files set aside, the default path. Each test uses its own temp dir.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "progress.h"

typedef struct tmp {
    char dir[256];
    char path[512];
} tmp;

static int tmp_setup(void **state)
{
    tmp *t = calloc(1, sizeof *t);
    strcpy(t->dir, "/tmp/dnn-progress-XXXXXX");
    if (!mkdtemp(t->dir))
        return -1;
    snprintf(t->path, sizeof t->path, "%s/a/b/dnn-tutor/progress.json", t->dir);
    *state = t;
    return 0;
}

static int tmp_teardown(void **state)
{
    tmp *t = *state;
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", t->dir);
    int rc = system(cmd);
    free(t);
    return rc == 0 ? 0 : -1;
}

/* Files in the directory of t->path whose names start with prefix. */
static int count_files(const tmp *t, const char *prefix)
{
    char dir[512];
    snprintf(dir, sizeof dir, "%s/a/b/dnn-tutor", t->dir);
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        n += !strncmp(e->d_name, prefix, strlen(prefix));
    closedir(d);
    return n;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void a_missing_file_gives_a_fresh_progress(void **state)
{
    tmp *t = *state;
    ui_progress *p;
    char msg[256];
    assert_int_equal(progress_load(t->path, &p, msg, sizeof msg), PROGRESS_MISSING);
    assert_non_null(p);
    assert_int_equal(p->n_done, 0);
    assert_int_equal(p->lang, -1);
    progress_free(p);
}

static void saved_progress_loads_back_the_same(void **state)
{
    tmp *t = *state;
    ui_progress *p = progress_new();
    p->lang = 1;
    progress_mark_done(p, "w2-logreg");
    assert_false(progress_mark_done(p, "w2-logreg"));
    progress_record_answer(p, "w3-q-shape", false);
    progress_record_answer(p, "w3-q-shape", true);
    progress_record_answer(p, "w3-q-act", false);
    progress_set_position(p, "w3-shapes", 2);
    run_spec s = runspec_default();
    s.hidden = 0;
    s.n_layers = 2;
    s.layers[0] = 5;
    s.layers[1] = 1;
    s.acts_given = true;
    s.acts[0] = ACT_RELU;
    s.acts[1] = ACT_SIGMOID;
    s.seed_given = true;
    s.seed = 7;
    s.lr = 0.5;
    progress_set_lab(p, 1, &s);
    char msg[256];
    assert_true(progress_save(p, t->path, msg, sizeof msg));
    progress_free(p);

    ui_progress *q;
    assert_int_equal(progress_load(t->path, &q, msg, sizeof msg), PROGRESS_OK);
    assert_int_equal(q->lang, 1);
    assert_true(progress_is_done(q, "w2-logreg"));
    assert_false(progress_is_done(q, "w3-shapes"));
    const progress_quiz *pq = progress_quiz_get(q, "w3-q-shape");
    assert_non_null(pq);
    assert_true(pq->right);
    assert_int_equal(pq->tries, 2);
    pq = progress_quiz_get(q, "w3-q-act");
    assert_false(pq->right);
    assert_int_equal(pq->tries, 1);
    assert_int_equal(progress_quizzes_answered(q), 2);
    assert_string_equal(q->position_lesson, "w3-shapes");
    assert_int_equal(q->position_page, 2);
    assert_true(q->has_lab);
    assert_int_equal(q->lab_kind, 1);
    assert_int_equal(q->lab.n_layers, 2);
    assert_int_equal(q->lab.layers[0], 5);
    assert_int_equal(q->lab.acts[0], ACT_RELU);
    assert_true(q->lab.seed_given);
    assert_int_equal(q->lab.seed, 7);
    assert_true(q->lab.lr == 0.5);
    progress_free(q);
}

static void saving_leaves_no_temporary_file_behind(void **state)
{
    tmp *t = *state;
    ui_progress *p = progress_new();
    char msg[256];
    assert_true(progress_save(p, t->path, msg, sizeof msg));
    assert_true(progress_save(p, t->path, msg, sizeof msg));
    assert_int_equal(count_files(t, "progress.json"), 1);
    progress_free(p);
}

static void a_corrupt_file_is_set_aside_and_the_learner_starts_fresh(void **state)
{
    tmp *t = *state;
    ui_progress *p = progress_new();
    char msg[256];
    assert_true(progress_save(p, t->path, msg, sizeof msg));
    progress_free(p);
    write_file(t->path, "{\"version\": 1, \"done\": [\"w2-a\",");
    assert_int_equal(progress_load(t->path, &p, msg, sizeof msg), PROGRESS_CORRUPT);
    assert_non_null(p);
    assert_int_equal(p->n_done, 0);
    assert_non_null(strstr(msg, "corrupt"));
    assert_int_equal(access(t->path, F_OK), -1);
    assert_int_equal(count_files(t, "progress.json.corrupt-"), 1);
    progress_free(p);
}

static void wrong_types_make_a_file_corrupt(void **state)
{
    tmp *t = *state;
    const char *bad[] = {
        "[]",
        "{\"version\": 2}",
        "{\"version\": 1, \"done\": \"w2-a\"}",
        "{\"version\": 1, \"quizzes\": {\"q\": {\"right\": 1, \"tries\": 1}}}",
        "{\"version\": 1, \"lang\": \"fr\"}",
        "{\"version\": 1, \"position\": {\"lesson\": \"x\", \"page\": -1}}",
        "{\"version\": 1, \"lab\": {\"kind\": \"oven\"}}",
    };
    ui_progress *p = progress_new();
    char msg[256];
    assert_true(progress_save(p, t->path, msg, sizeof msg));
    progress_free(p);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        write_file(t->path, bad[i]);
        assert_int_equal(progress_load(t->path, &p, msg, sizeof msg), PROGRESS_CORRUPT);
        progress_free(p);
    }
}

static void the_default_path_follows_xdg_state_home_then_home(void **state)
{
    (void)state;
    char buf[512], why[256];
    setenv("XDG_STATE_HOME", "/x/state", 1);
    assert_true(progress_default_path(buf, sizeof buf, why, sizeof why));
    assert_string_equal(buf, "/x/state/dnn-tutor/progress.json");
    unsetenv("XDG_STATE_HOME");
    setenv("HOME", "/home/learner", 1);
    assert_true(progress_default_path(buf, sizeof buf, why, sizeof why));
    assert_string_equal(buf, "/home/learner/.local/state/dnn-tutor/progress.json");
    unsetenv("HOME");
    assert_false(progress_default_path(buf, sizeof buf, why, sizeof why));
    assert_string_equal(why, "neither XDG_STATE_HOME nor HOME is set");
}

/* An XDG_STATE_HOME longer than a path falls back to HOME; a HOME too long is
 * named as such, not as "not set". */
static void a_state_home_too_long_falls_back_to_home_or_says_too_long(void **state)
{
    (void)state;
    char buf[4096], why[256], long_dir[5001];
    long_dir[0] = '/';
    memset(long_dir + 1, 'x', sizeof long_dir - 2);
    long_dir[sizeof long_dir - 1] = '\0';
    setenv("XDG_STATE_HOME", long_dir, 1);
    setenv("HOME", "/home/learner", 1);
    assert_true(progress_default_path(buf, sizeof buf, why, sizeof why));
    assert_string_equal(buf, "/home/learner/.local/state/dnn-tutor/progress.json");
    setenv("HOME", long_dir, 1);
    assert_false(progress_default_path(buf, sizeof buf, why, sizeof why));
    assert_string_equal(why, "HOME is too long for a path (5000 characters)");
    unsetenv("HOME");
    assert_false(progress_default_path(buf, sizeof buf, why, sizeof why));
    assert_string_equal(why, "XDG_STATE_HOME is too long for a path (5000 characters) and HOME is not set");
    unsetenv("XDG_STATE_HOME");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(a_missing_file_gives_a_fresh_progress, tmp_setup, tmp_teardown),
        cmocka_unit_test_setup_teardown(saved_progress_loads_back_the_same, tmp_setup, tmp_teardown),
        cmocka_unit_test_setup_teardown(saving_leaves_no_temporary_file_behind, tmp_setup, tmp_teardown),
        cmocka_unit_test_setup_teardown(a_corrupt_file_is_set_aside_and_the_learner_starts_fresh, tmp_setup,
                                        tmp_teardown),
        cmocka_unit_test_setup_teardown(wrong_types_make_a_file_corrupt, tmp_setup, tmp_teardown),
        cmocka_unit_test(the_default_path_follows_xdg_state_home_then_home),
        cmocka_unit_test(a_state_home_too_long_falls_back_to_home_or_says_too_long),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
