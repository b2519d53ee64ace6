/*
 * test_progress.c — the progress file (src/lesson/progress.c, progress_json.c
 * and progress_file.c): the round trip, atomic save, the default path, and
 * what a disk and a hostile or broken file can do: FIFOs and directories in
 * its place, a 100 MB file, deep nesting, every truncation of a real file,
 * too many entries, wrong types, permissions, and saving where it cannot.
 * Each test has its own temporary directory (lesson_test.h).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dnn_test.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lesson_test.h"
#include "progress.h"

typedef struct tmp {
    char dir[4096];
    char path[4200];  /* DIR/progress.json */
} tmp;

static int tmp_setup(void **state)
{
    tmp *t = calloc(1, sizeof *t);
    const char *dir = t ? lt_temp_dir() : NULL;
    if (!dir) {
        free(t);
        return -1;
    }
    snprintf(t->dir, sizeof t->dir, "%s", dir);
    snprintf(t->path, sizeof t->path, "%s/progress.json", t->dir);
    *state = t;
    return 0;
}

static int tmp_teardown(void **state)
{
    tmp *t = *state;
    (void)chmod(t->dir, 0700);  /* the permissions test may have stopped half-way */
    lt_remove_dir(t->dir);
    free(t);
    return 0;
}

/* Entries of t->dir whose names start with prefix. */
static int count_files(const tmp *t, const char *prefix)
{
    DIR *d = opendir(t->dir);
    if (!d)
        return -1;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        n += !strncmp(e->d_name, prefix, strlen(prefix));
    closedir(d);
    return n;
}

static void write_bytes(const char *path, const char *text, size_t n)
{
    assert_true(lt_write_file(path, text, n));
}

/* Removes the file a CORRUPT message says the old one was moved to. */
static void remove_aside(const char *msg)
{
    const char *at = strstr(msg, "moved to ");
    assert_non_null(at);
    at += strlen("moved to ");
    const char *end = strstr(at, "; starting fresh");
    assert_non_null(end);
    char aside[600];
    snprintf(aside, sizeof aside, "%.*s", (int)(end - at), at);
    assert_int_equal(unlink(aside), 0);
}

static void a_fifo_in_place_of_the_file_is_an_error_without_blocking(void **state)
{
    tmp *t = *state;
    assert_int_equal(mkfifo(t->path, 0600), 0);
    ui_progress *p;
    char msg[600];
    /* before the fix this open() blocked for ever waiting for a writer */
    assert_int_equal(progress_load(t->path, &p, msg, sizeof msg), PROGRESS_ERROR);
    assert_non_null(p);
    assert_int_equal(p->n_done, 0);
    assert_non_null(strstr(msg, "not a regular file"));
    struct stat st;
    assert_int_equal(stat(t->path, &st), 0);
    assert_true(S_ISFIFO(st.st_mode));  /* left where it was */
    progress_free(p);
}

static void a_directory_in_place_of_the_file_is_an_error_and_cannot_be_saved_over(void **state)
{
    tmp *t = *state;
    assert_int_equal(mkdir(t->path, 0700), 0);
    ui_progress *p;
    char msg[600];
    assert_int_equal(progress_load(t->path, &p, msg, sizeof msg), PROGRESS_ERROR);
    assert_non_null(strstr(msg, "not a regular file"));
    progress_mark_done(p, "w2-a");
    assert_false(progress_save(p, t->path, msg, sizeof msg));
    assert_non_null(strstr(msg, "cannot save progress: cannot write"));
    assert_non_null(strstr(msg, "it is a directory"));
    assert_int_equal(count_files(t, "progress.json"), 1);  /* no temporary file left */
    assert_int_equal(count_files(t, ".progress.json"), 0);
    progress_free(p);
}

static void a_100_mb_file_is_set_aside_without_being_read(void **state)
{
    tmp *t = *state;
    int fd = open(t->path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, 100L * 1024 * 1024), 0);  /* sparse: no 100 MB written */
    close(fd);
    ui_progress *p;
    char msg[600];
    assert_int_equal(progress_load(t->path, &p, msg, sizeof msg), PROGRESS_CORRUPT);
    assert_non_null(p);
    assert_non_null(strstr(msg, "too large (104857600 bytes"));
    assert_int_equal(access(t->path, F_OK), -1);
    assert_int_equal(count_files(t, "progress.json.corrupt-"), 1);
    progress_free(p);
}

static void deep_nesting_is_corrupt_not_a_crash(void **state)
{
    tmp *t = *state;
    size_t n = 200000;
    char *doc = lt_alloc(n * 2 + 64);
    static const char head[] = "{\"version\": 1, \"done\": ";
    size_t k = sizeof head - 1;
    memcpy(doc, head, k);
    memset(doc + k, '[', n);
    memset(doc + k + n, ']', n);
    k += 2 * n;
    doc[k++] = '}';
    write_bytes(t->path, doc, k);
    free(doc);
    ui_progress *p;
    char msg[600];
    assert_int_equal(progress_load(t->path, &p, msg, sizeof msg), PROGRESS_CORRUPT);
    assert_int_equal(p->n_done, 0);
    progress_free(p);
}

/* A full progress, saved; then every prefix of that file: each loads as the
 * whole file or is set aside as corrupt, and never half of it is kept. */
static void every_truncation_of_a_saved_file_is_whole_or_corrupt(void **state)
{
    tmp *t = *state;
    ui_progress *p = progress_new();
    assert_non_null(p);
    p->has_lang = true;
    p->lang = LESSON_LANG_ZH;
    progress_mark_done(p, "w2-logreg");
    progress_mark_done(p, "w3-shapes");
    progress_record_answer(p, "w3-q-shape", true);
    progress_set_position(p, "w3-shapes", 3);
    run_spec s = runspec_default();
    progress_set_lab(p, LESSON_LAB_TRAINER, &s);
    char msg[600];
    assert_true(progress_save(p, t->path, msg, sizeof msg));
    progress_free(p);
    struct stat st;
    assert_int_equal(stat(t->path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);  /* the learner's own file */
    FILE *f = fopen(t->path, "rb");
    assert_non_null(f);
    char full[8192];
    size_t size = fread(full, 1, sizeof full, f);
    fclose(f);
    assert_true(size > 100 && size < sizeof full);
    int ok = 0;
    for (size_t cut = 0; cut <= size; cut++) {
        write_bytes(t->path, full, cut);
        progress_status st2 = progress_load(t->path, &p, msg, sizeof msg);
        assert_non_null(p);
        if (st2 == PROGRESS_OK) {
            ok++;
            assert_int_equal(p->n_done, 2);
            assert_int_equal(p->n_quizzes, 1);
            assert_true(p->has_lab);
        } else {
            assert_int_equal(st2, PROGRESS_CORRUPT);
            assert_int_equal(p->n_done, 0);
            assert_int_equal(p->n_quizzes, 0);
            assert_false(p->has_lab);
            assert_false(p->has_lang);
            remove_aside(msg);
        }
        progress_free(p);
    }
    assert_true(ok >= 1 && ok <= 2);  /* the whole file, and the one without its last newline */
}

/* No silent limit on entries: a file with 1000 finished lessons and 3000
 * quizzes loads whole (once the first 256 and 1024 were kept and the rest
 * dropped), and saves and loads back the same. */
static void a_file_with_many_entries_loads_whole(void **state)
{
    tmp *t = *state;
    size_t cap = 4000 * 64;
    char *doc = lt_alloc(cap);
    size_t k = (size_t)snprintf(doc, cap, "{\"version\": 1, \"done\": [");
    for (int i = 0; i < 1000; i++)
        k += (size_t)snprintf(doc + k, cap - k, "%s\"l%d\"", i ? "," : "", i);
    k += (size_t)snprintf(doc + k, cap - k, "], \"quizzes\": {");
    for (int i = 0; i < 3000; i++)
        k += (size_t)snprintf(doc + k, cap - k, "%s\"q%d\": {\"right\": true, \"tries\": 1}", i ? "," : "", i);
    k += (size_t)snprintf(doc + k, cap - k, "}}");
    assert_true(k < cap);
    write_bytes(t->path, doc, k);
    free(doc);
    ui_progress *p;
    char msg[600];
    assert_int_equal(progress_load(t->path, &p, msg, sizeof msg), PROGRESS_OK);
    assert_string_equal(msg, "");
    assert_int_equal(p->n_done, 1000);
    assert_int_equal(p->n_quizzes, 3000);
    assert_true(progress_is_done(p, "l999"));
    assert_non_null(progress_quiz_get(p, "q2999"));
    assert_true(progress_save(p, t->path, msg, sizeof msg));
    progress_free(p);
    assert_int_equal(progress_load(t->path, &p, msg, sizeof msg), PROGRESS_OK);
    assert_int_equal(p->n_done, 1000);
    assert_int_equal(p->n_quizzes, 3000);
    progress_free(p);
}

/* In a session too: every lesson finished and every answer is recorded,
 * however many (they were dropped silently past 256 and 1024). */
static void a_session_records_every_entry(void **state)
{
    (void)state;
    ui_progress *p = progress_new();
    char id[32];
    for (int i = 0; i < 5000; i++) {
        snprintf(id, sizeof id, "lesson-%d", i);
        assert_true(progress_mark_done(p, id));
        snprintf(id, sizeof id, "quiz-%d", i);
        assert_true(progress_record_answer(p, id, i % 2 == 0));
        snprintf(id, sizeof id, "w9a1/f%d", i);
        assert_true(progress_exercise_set(p, id, PROGRESS_EX_PASS));
    }
    assert_int_equal(p->n_done, 5000);
    assert_int_equal(p->n_quizzes, 5000);
    assert_int_equal(p->n_exercises, 5000);
    assert_true(progress_is_done(p, "lesson-4999"));
    assert_true(progress_quiz_get(p, "quiz-4998")->right);
    assert_int_equal(progress_exercise_get(p, "w9a1/f4999"), PROGRESS_EX_PASS);
    assert_false(progress_mark_done(p, "lesson-7")); /* already done */
    progress_free(p);
}

/* The one limit is the file's: a progress that would be larger than a
 * progress file may be is not written (the loader would set it aside), and
 * the file already there stays, with a message saying why. */
static void a_progress_too_large_for_its_file_is_not_saved(void **state)
{
    tmp *t = *state;
    ui_progress *p = progress_new();
    char msg[600], id[PROGRESS_ID_MAX + 1];
    assert_true(progress_mark_done(p, "kept"));
    assert_true(progress_save(p, t->path, msg, sizeof msg));
    /* 64-byte ids, ~90 bytes of JSON each: 50 000 of them pass 4 MiB (the
     * number first, so that the lookups' comparisons end early) */
    for (int i = 0; i < 50000; i++) {
        int n = snprintf(id, sizeof id, "%d-", i);
        memset(id + n, 'x', PROGRESS_ID_MAX - (size_t)n);
        id[PROGRESS_ID_MAX] = '\0';
        assert_true(progress_record_answer(p, id, true));
    }
    assert_false(progress_save(p, t->path, msg, sizeof msg));
    assert_non_null(strstr(msg, "progress not saved: it would take"));
    progress_free(p);
    assert_int_equal(progress_load(t->path, &p, msg, sizeof msg), PROGRESS_OK);
    assert_true(progress_is_done(p, "kept"));
    assert_int_equal(p->n_quizzes, 0);
    progress_free(p);
}

static void hostile_values_make_the_file_corrupt(void **state)
{
    tmp *t = *state;
    static const char *const bad[] = {
        "",
        "null",
        "{\"version\": 1, \"done\": [\"an-id-of-sixty-five-characters-which-is-one-too-many-for-an-id-xy\"]}",
        "{\"version\": 1, \"done\": [1]}",
        "{\"version\": 1, \"quizzes\": []}",
        "{\"version\": 1, \"quizzes\": {\"q\": {\"right\": true, \"tries\": -1}}}",
        "{\"version\": 1, \"quizzes\": {\"q\": {\"right\": true, \"tries\": 1e300}}}",
        "{\"version\": 1, \"position\": {\"lesson\": \"x\", \"page\": 1e300}}",
        "{\"version\": 1, \"position\": \"x\"}",
        "{\"version\": 1, \"lab\": {\"kind\": \"trainer\", \"layers\": [1,1,1,1,1,1,1,1,1,1,1]}}",
        "{\"version\": 1, \"lab\": {\"kind\": \"trainer\", \"layers\": [0]}}",
        "{\"version\": 1, \"lab\": {\"kind\": \"trainer\", \"activations\": [\"tanh\",\"tanh\",\"tanh\",\"tanh\","
        "\"tanh\",\"tanh\",\"tanh\",\"tanh\",\"tanh\",\"tanh\",\"tanh\"]}}",
        "{\"version\": 1, \"lab\": {\"kind\": \"trainer\", \"lr\": 0}}",
        "{\"version\": 1, \"lab\": {\"kind\": \"trainer\", \"seed\": -1}}",
        "{\"version\": 1, \"lab\": {\"kind\": \"trainer\", \"iterations\": 0}}",
    };
    /* and a data set name longer than a run_spec holds (RUNSPEC_NAME_MAX) */
    char long_name[RUNSPEC_NAME_MAX + 100];
    int k = snprintf(long_name, sizeof long_name, "{\"version\": 1, \"lab\": {\"kind\": \"trainer\", \"dataset\": \"");
    memset(long_name + k, 'x', RUNSPEC_NAME_MAX);
    snprintf(long_name + k + RUNSPEC_NAME_MAX, sizeof long_name - (size_t)k - RUNSPEC_NAME_MAX, "\"}}");
    const size_t n_bad = sizeof bad / sizeof bad[0];
    for (size_t i = 0; i <= n_bad; i++) {
        const char *text = i < n_bad ? bad[i] : long_name;
        write_bytes(t->path, text, strlen(text));
        ui_progress *p;
        char msg[600];
        progress_status st = progress_load(t->path, &p, msg, sizeof msg);
        if (st != PROGRESS_CORRUPT)
            print_message("case %zu was not corrupt: %s\n", i, text);
        assert_int_equal(st, PROGRESS_CORRUPT);
        assert_non_null(p);
        assert_int_equal(p->n_done, 0);
        assert_false(p->has_lab);
        remove_aside(msg);
        progress_free(p);
    }
    assert_int_equal(count_files(t, "progress.json"), 0);
}

static void two_corrupt_files_in_the_same_second_are_both_kept(void **state)
{
    tmp *t = *state;
    for (int i = 0; i < 3; i++) {
        write_bytes(t->path, "{", 1);
        ui_progress *p;
        char msg[600];
        assert_int_equal(progress_load(t->path, &p, msg, sizeof msg), PROGRESS_CORRUPT);
        progress_free(p);
    }
    assert_int_equal(count_files(t, "progress.json.corrupt-"), 3);
}

static void saving_under_a_file_fails_with_a_reason_and_leaves_nothing(void **state)
{
    tmp *t = *state;
    char blocker[4300], path[4400];
    snprintf(blocker, sizeof blocker, "%s/state", t->dir);
    write_bytes(blocker, "x", 1);
    snprintf(path, sizeof path, "%s/dnn-tutor/progress.json", blocker);
    ui_progress *p = progress_new();
    char msg[5000];
    assert_false(progress_save(p, path, msg, sizeof msg));
    assert_non_null(strstr(msg, "Not a directory"));
    assert_int_equal(count_files(t, ""), 3);  /* ".", ".." and the blocker */
    progress_free(p);
}

/* Runs check(t) as an unprivileged user (a forked child that owns t->dir as
 * uid/gid 65534 when the test runs as root, where modes refuse nothing).
 * check returns 0, or the line of the first failed expectation. */
#define CHECK(cond) do { if (!(cond)) return __LINE__; } while (0)
static void as_unprivileged(tmp *t, int (*check)(tmp *t))
{
    if (geteuid() != 0) {
        assert_int_equal(check(t), 0);
        return;
    }
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        if (chown(t->dir, 65534, 65534) != 0 || setgid(65534) != 0 || setuid(65534) != 0)
            _exit(254);
        int line = check(t);
        _exit(line ? line % 250 + 1 : 0);
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    if (WEXITSTATUS(status))
        print_message("failed near line %d (mod 250) as uid 65534\n", WEXITSTATUS(status) - 1);
    assert_int_equal(WEXITSTATUS(status), 0);
}

/* mode 000: never overwritten; moved aside whole, then a fresh progress saves */
static int check_unreadable_is_set_aside(tmp *t)
{
    static const char text[] = "{\"version\": 1, \"done\": [\"w2-a\", \"w2-b\"]}";
    CHECK(lt_write_file(t->path, text, sizeof text - 1));
    CHECK(chmod(t->path, 0) == 0);
    ui_progress *p;
    char msg[600];
    CHECK(progress_load(t->path, &p, msg, sizeof msg) == PROGRESS_CORRUPT);
    CHECK(strstr(msg, "Permission denied") && strstr(msg, "progress.json.unreadable-"));
    CHECK(count_files(t, "progress.json.unreadable-") == 1);
    CHECK(access(t->path, F_OK) != 0);
    progress_mark_done(p, "w3-a");
    CHECK(progress_save(p, t->path, msg, sizeof msg));
    CHECK(count_files(t, "progress.json.unreadable-") == 1);
    progress_free(p);
    return 0;
}

static void an_unreadable_file_is_moved_aside_never_overwritten(void **state)
{
    as_unprivileged(*state, check_unreadable_is_set_aside);
}

/* unreadable and the directory read-only: PROGRESS_ERROR (do not save), file untouched */
static int check_unreadable_unmovable_is_an_error(tmp *t)
{
    CHECK(lt_write_file(t->path, "{\"version\": 1}", 14));
    CHECK(chmod(t->path, 0) == 0);
    CHECK(chmod(t->dir, 0500) == 0);
    ui_progress *p;
    char msg[600];
    CHECK(progress_load(t->path, &p, msg, sizeof msg) == PROGRESS_ERROR);
    CHECK(strstr(msg, "Permission denied; progress will not be saved"));
    CHECK(access(t->path, F_OK) == 0);
    CHECK(!progress_save(p, t->path, msg, sizeof msg));
    CHECK(strstr(msg, "Permission denied"));
    CHECK(chmod(t->dir, 0700) == 0);
    CHECK(count_files(t, "progress.json") == 1 && count_files(t, ".progress.json") == 0);
    progress_free(p);
    return 0;
}

static void an_unreadable_file_that_cannot_be_moved_is_an_error_and_kept(void **state)
{
    as_unprivileged(*state, check_unreadable_unmovable_is_an_error);
}

static void a_symlinked_progress_file_is_written_through(void **state)
{
    tmp *t = *state;
    char real[4300];
    snprintf(real, sizeof real, "%s/synced-progress.json", t->dir);
    write_bytes(real, "{\"version\": 1}", 14);
    assert_int_equal(symlink("synced-progress.json", t->path), 0);
    ui_progress *p;
    char msg[600];
    assert_int_equal(progress_load(t->path, &p, msg, sizeof msg), PROGRESS_OK);
    progress_mark_done(p, "w2-a");
    assert_true(progress_save(p, t->path, msg, sizeof msg));
    progress_free(p);
    struct stat st;
    assert_int_equal(lstat(t->path, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    assert_int_equal(progress_load(real, &p, msg, sizeof msg), PROGRESS_OK);
    assert_true(progress_is_done(p, "w2-a"));
    progress_free(p);
}

static void temporaries_left_by_a_killed_save_are_removed_at_load(void **state)
{
    tmp *t = *state;
    pid_t dead = fork();
    if (dead == 0)
        _exit(0);
    waitpid(dead, NULL, 0);
    char a[4300], b[4300];
    snprintf(a, sizeof a, "%s/progress.json.tmp-aB3dE9", t->dir);  /* an earlier version's name */
    snprintf(b, sizeof b, "%s/.progress.json.%ld-5f.tmp", t->dir, (long)dead);
    write_bytes(a, "{", 1);
    write_bytes(b, "{", 1);
    write_bytes(t->path, "{\"version\": 1}", 14);
    ui_progress *p;
    char msg[600];
    assert_int_equal(progress_load(t->path, &p, msg, sizeof msg), PROGRESS_OK);
    progress_free(p);
    assert_int_equal(count_files(t, "progress.json"), 1);
    assert_int_equal(count_files(t, ".progress.json"), 0);
}

static void progress_in_memory_is_parsed_without_a_file(void **state)
{
    tmp *t = *state;
    /* not NUL-terminated: the closing brace is the last byte read */
    static const char text[] = "{\"version\": 1, \"done\": [\"w2-a\"]}XXXX";
    ui_progress *p;
    assert_int_equal(progress_parse(text, sizeof text - 5, &p), PROGRESS_OK);
    assert_true(progress_is_done(p, "w2-a"));
    progress_free(p);
    assert_int_equal(progress_parse(text, 20, &p), PROGRESS_CORRUPT);
    assert_non_null(p);
    assert_int_equal(p->n_done, 0);
    progress_free(p);
    assert_int_equal(count_files(t, ""), 2);  /* "." and "..": no file was made or set aside */
}

static void a_missing_file_gives_a_fresh_progress(void **state)
{
    tmp *t = *state;
    ui_progress *p;
    char msg[256];
    assert_int_equal(progress_load(t->path, &p, msg, sizeof msg), PROGRESS_MISSING);
    assert_non_null(p);
    assert_int_equal(p->n_done, 0);
    assert_false(p->has_lang);
    progress_free(p);
}

static void saved_progress_loads_back_the_same(void **state)
{
    tmp *t = *state;
    ui_progress *p = progress_new();
    p->has_lang = true;
    p->lang = LESSON_LANG_ZH;
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
    progress_set_lab(p, LESSON_LAB_TRAINER, &s);
    char msg[256];
    assert_true(progress_save(p, t->path, msg, sizeof msg));
    progress_free(p);

    ui_progress *q;
    assert_int_equal(progress_load(t->path, &q, msg, sizeof msg), PROGRESS_OK);
    assert_true(q->has_lang);
    assert_int_equal(q->lang, LESSON_LANG_ZH);
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
    assert_int_equal(q->lab_kind, LESSON_LAB_TRAINER);
    assert_int_equal(q->lab.n_layers, 2);
    assert_int_equal(q->lab.layers[0], 5);
    assert_int_equal(q->lab.acts[0], ACT_RELU);
    assert_true(q->lab.seed_given);
    assert_int_equal(q->lab.seed, 7);
    assert_exact(q->lab.lr, 0.5);
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
    const char *cut = "{\"version\": 1, \"done\": [\"w2-a\",";
    write_bytes(t->path, cut, strlen(cut));
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
        write_bytes(t->path, bad[i], strlen(bad[i]));
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

/* The directories on the way to the file are made (0700), as on a first run. */
static void saving_makes_the_missing_directories(void **state)
{
    tmp *t = *state;
    char path[4300], dir[4300];
    snprintf(path, sizeof path, "%s/a/b/dnn-tutor/progress.json", t->dir);
    ui_progress *p = progress_new();
    char msg[256];
    assert_true(progress_save(p, path, msg, sizeof msg));
    progress_free(p);
    assert_int_equal(progress_load(path, &p, msg, sizeof msg), PROGRESS_OK);
    progress_free(p);
    assert_int_equal(unlink(path), 0);
    const char *made[] = {"a/b/dnn-tutor", "a/b", "a"};
    for (size_t i = 0; i < sizeof made / sizeof made[0]; i++) {
        snprintf(dir, sizeof dir, "%s/%s", t->dir, made[i]);
        assert_int_equal(rmdir(dir), 0);
    }
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, tmp_setup, tmp_teardown)
    const struct CMUnitTest tests[] = {
        T(a_fifo_in_place_of_the_file_is_an_error_without_blocking),
        T(a_directory_in_place_of_the_file_is_an_error_and_cannot_be_saved_over),
        T(a_100_mb_file_is_set_aside_without_being_read),
        T(deep_nesting_is_corrupt_not_a_crash),
        T(every_truncation_of_a_saved_file_is_whole_or_corrupt),
        T(a_file_with_many_entries_loads_whole),
        T(a_progress_too_large_for_its_file_is_not_saved),
        cmocka_unit_test(a_session_records_every_entry),
        T(hostile_values_make_the_file_corrupt),
        T(two_corrupt_files_in_the_same_second_are_both_kept),
        T(saving_under_a_file_fails_with_a_reason_and_leaves_nothing),
        T(an_unreadable_file_is_moved_aside_never_overwritten),
        T(an_unreadable_file_that_cannot_be_moved_is_an_error_and_kept),
        T(a_symlinked_progress_file_is_written_through),
        T(temporaries_left_by_a_killed_save_are_removed_at_load),
        T(progress_in_memory_is_parsed_without_a_file),
        T(a_missing_file_gives_a_fresh_progress),
        T(saved_progress_loads_back_the_same),
        T(saving_makes_the_missing_directories),
        T(saving_leaves_no_temporary_file_behind),
        T(a_corrupt_file_is_set_aside_and_the_learner_starts_fresh),
        T(wrong_types_make_a_file_corrupt),
        cmocka_unit_test(the_default_path_follows_xdg_state_home_then_home),
        cmocka_unit_test(a_state_home_too_long_falls_back_to_home_or_says_too_long),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
