/*
 * test_trainer_report.c — the trainer's R key: the report of the run on
 * screen is written into the current directory on its own thread, in the
 * app's language, with the settings and the iterations done; the screen
 * keeps ticking meanwhile and says where the report went; leaving the screen
 * while it is written cancels it and leaves nothing behind.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "trainer/trainer_screen_internal.h"
#include "monoclock.h"

static char tmpdir[64];
static char oldcwd[4096];

/* Each test runs in a fresh empty directory of its own. */
static int enter_tmpdir(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/dnn-trainer-report-XXXXXX");
    if (!getcwd(oldcwd, sizeof oldcwd) || !mkdtemp(tmpdir) || chdir(tmpdir) != 0)
        return -1;
    return 0;
}

/* Removes the files the test left (plain files only) and the directory. */
static int leave_tmpdir(void **state)
{
    (void)state;
    DIR *d = opendir(".");
    struct dirent *e;
    while (d && (e = readdir(d)))
        if (e->d_name[0] != '.')
            unlink(e->d_name);
    if (d)
        closedir(d);
    if (chdir(oldcwd) != 0)
        return -1;
    return rmdir(tmpdir);
}

/* Names in the current directory (not . and ..), joined by spaces. */
static int list_dir(char *buf, size_t size)
{
    int n = 0;
    buf[0] = '\0';
    DIR *d = opendir(".");
    assert_non_null(d);
    struct dirent *e;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
            strncat(buf, e->d_name, size - strlen(buf) - 1);
            strncat(buf, " ", size - strlen(buf) - 1);
            n++;
        }
    closedir(d);
    return n;
}

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    static char text[1 << 18];
    size_t n = fread(text, 1, sizeof text - 1, f);
    text[n] = '\0';
    fclose(f);
    return text;
}

static double now_ms(void)
{
    return 1000.0 * mono_seconds();
}

static ui_screen *open_screen(ui_lab_kind kind, const run_spec *sp, ui_ctx *ctx)
{
    char err[256] = "";
    ui_screen *s = trainer_screen_new(kind, sp, ctx, err, sizeof err);
    if (!s)
        fail_msg("trainer_screen_new: %s", err);
    return s;
}

static unsigned press(ui_screen *s, ui_ctx *ctx, uint32_t ch)
{
    return s->ops->on_key(s, (ui_key){UI_KEY_CHAR, ch}, ctx);
}

/* Ticks as the loop does until the report thread is done (the note no
 * longer says it is writing) or 120 s pass; every tick but the last must ask
 * for more ticks. Returns the path named in the note ("" when none). */
static void tick_until_written(ui_screen *s, ui_ctx *ctx, char *path, size_t size)
{
    trainer_screen *ts = (trainer_screen *)s;
    double deadline = now_ms() + 120000.0;
    bool busy = true;
    while (busy && now_ms() < deadline) {
        ctx->now_ms = now_ms();
        unsigned r = s->ops->tick(s, 5.0, ctx);
        ts_lock(ts);
        busy = ts_report_busy(ts);
        ts_unlock(ts);
        if (busy) {
            assert_true(r & UI_ANIMATE);
            struct timespec pause = {0, 2000000};
            nanosleep(&pause, NULL);
        }
    }
    assert_false(busy);
    path[0] = '\0';
    const char *p = strstr(ts->note_en, "dnn-tutor-report-");
    if (p)
        snprintf(path, size, "%.*s", (int)strcspn(p, " "), p);
}

static void r_writes_the_report_of_the_run_on_screen_into_the_current_directory(void **state)
{
    (void)state;
    ui_ctx ctx = {.lang = UI_LANG_EN, .color = true};
    run_spec sp = runspec_default();
    ui_screen *s = open_screen(UI_LAB_TRAINER, &sp, &ctx);
    trainer_screen *ts = (trainer_screen *)s;
    press(s, &ctx, ' '); /* paused: the count stays where the test puts it */
    trainer_run(trainer_screen_model(s), 30);
    unsigned r = press(s, &ctx, 'R');
    assert_true(r & UI_REDRAW);
    assert_true(r & UI_ANIMATE);
    assert_non_null(strstr(ts->note_en, "Writing report"));
    assert_non_null(strstr(ts->note_en, "30 iterations at lr 1.2"));
    char path[128];
    tick_until_written(s, &ctx, path, sizeof path);
    /* The note names the file by its full path. */
    char cwd[4096], said[4200];
    assert_non_null(getcwd(cwd, sizeof cwd));
    snprintf(said, sizeof said, "Report written to %s/dnn-tutor-report-", cwd);
    assert_non_null(strstr(ts->note_en, said));
    assert_false(ts->note_warn);
    /* dnn-tutor-report-YYYYMMDD-HHMMSS.md */
    assert_int_equal(strlen(path), strlen("dnn-tutor-report-20261126-101010.md"));
    assert_string_equal(path + strlen(path) - 3, ".md");
    const char *md = read_all(path);
    assert_non_null(md);
    assert_true(!strncmp(md, "# Lab report", 12));
    /* The course's first cost line, and the run as it was on screen. */
    assert_non_null(strstr(md, "Cost after iteration 0: 0.693048"));
    assert_non_null(strstr(md, "--dataset planar --hidden 4 --activation tanh --init course-w3 --seed 2 --lr 1.2 "
                               "--iterations 30 "));
    char stem[128], fig[160];
    snprintf(stem, sizeof stem, "%.*s", (int)(strlen(path) - 3), path);
    snprintf(fig, sizeof fig, "%s-cost-*.svg", stem);
    glob_t g;
    assert_int_equal(glob(fig, 0, NULL, &g), 0);  /* lab-cost-<hash of its contents>.svg */
    assert_int_equal(g.gl_pathc, 1);
    globfree(&g);
    /* The training count did not move: the report trained its own copy. */
    assert_int_equal(trainer_iterations(trainer_screen_model(s)), 30);
    s->ops->destroy(s);
}

static void the_report_is_in_the_apps_language_and_a_second_gets_its_own_name(void **state)
{
    (void)state;
    ui_ctx ctx = {.lang = UI_LANG_ZH, .color = true};
    run_spec sp = runspec_default();
    ui_screen *s = open_screen(UI_LAB_TRAINER, &sp, &ctx);
    trainer_screen *ts = (trainer_screen *)s;
    press(s, &ctx, ' ');
    trainer_run(trainer_screen_model(s), 20);
    press(s, &ctx, 'R');
    /* A second R while the first is written changes nothing. */
    press(s, &ctx, 'R');
    assert_non_null(strstr(ts->note_en, "being written already"));
    char first[128], second[128];
    tick_until_written(s, &ctx, first, sizeof first);
    assert_non_null(strstr(ts->note_zh, "报告已写入 /"));
    assert_non_null(strstr(ts->note_zh, "/dnn-tutor-report-"));
    const char *md = read_all(first);
    assert_non_null(md);
    assert_true(!strncmp(md, "# 实验报告", strlen("# 实验报告")));
    assert_non_null(strstr(md, "--lang zh"));
    press(s, &ctx, 'R');
    tick_until_written(s, &ctx, second, sizeof second);
    assert_true(second[0] != '\0');
    assert_string_not_equal(first, second); /* within the same second: <stamp>-2.md */
    s->ops->destroy(s);
}

static void a_report_that_cannot_be_made_says_why_in_one_line_and_leaves_nothing(void **state)
{
    (void)state;
    /* The trainer loads a CSV that is gone when the report wants it again. */
    FILE *f = fopen("points.csv", "w");
    assert_non_null(f);
    fputs("x1,x2,label\n", f);
    for (int i = 0; i < 20; i++)
        fprintf(f, "%d,%d,%d\n", i % 5, i / 5, (i % 5 + i / 5) % 2);
    fclose(f);
    ui_ctx ctx = {.lang = UI_LANG_EN, .color = true};
    run_spec sp = runspec_default();
    snprintf(sp.dataset, sizeof sp.dataset, "points.csv");
    ui_screen *s = open_screen(UI_LAB_TRAINER, &sp, &ctx);
    trainer_screen *ts = (trainer_screen *)s;
    press(s, &ctx, ' ');
    trainer_run(trainer_screen_model(s), 10);
    assert_int_equal(unlink("points.csv"), 0);
    press(s, &ctx, 'R');
    char path[128];
    tick_until_written(s, &ctx, path, sizeof path);
    assert_true(ts->note_warn);
    assert_non_null(strstr(ts->note_en, "Report not written: "));
    assert_non_null(strstr(ts->note_en, "points.csv"));
    assert_null(strchr(ts->note_en, '\n'));
    assert_non_null(strstr(ts->note_zh, "报告未写入："));
    char names[1024];
    assert_int_equal(list_dir(names, sizeof names), 0);
    s->ops->destroy(s);
}

static void the_reports_spec_is_the_run_now(void **state)
{
    (void)state;
    run_spec sp = runspec_default();
    char err[256] = "";
    trainer *t = trainer_new(&sp, err, sizeof err);
    assert_non_null(t);
    run_spec out;
    ts_report_spec(t, &out);
    assert_int_equal(out.iterations, 1); /* nothing done yet: at least one */
    trainer_run(t, 12);
    assert_true(trainer_step_lr(t, -1));
    assert_true(trainer_set_hidden(t, 5, err, sizeof err));
    trainer_run(t, 7);
    trainer_zero_init(t);
    trainer_run(t, 3);
    ts_report_spec(t, &out);
    assert_int_equal(out.iterations, 3);
    assert_int_equal(out.hidden, 5);
    assert_true(out.lr < 1.2);
    assert_int_equal(out.init, NN_INIT_ZEROS);
    trainer_free(t);

    /* The digits: the trainer holds out the suggested split; so does the report. */
    snprintf(sp.dataset, sizeof sp.dataset, "digits");
    t = trainer_new(&sp, err, sizeof err);
    assert_non_null(t);
    ts_report_spec(t, &out);
    assert_true(out.test_split > 0.0);
    assert_non_null(trainer_data_of(t)->X_test);
    trainer_free(t);
}

static void leaving_the_screen_while_a_report_is_written_cancels_it_and_leaves_nothing(void **state)
{
    (void)state;
    ui_ctx ctx = {.lang = UI_LANG_EN, .color = true};
    run_spec sp = runspec_default();
    ui_screen *s = open_screen(UI_LAB_TRAINER, &sp, &ctx);
    press(s, &ctx, ' ');
    /* Enough iterations that the report's own training takes a while. */
    trainer_run(trainer_screen_model(s), 20000);
    press(s, &ctx, 'R');
    s->ops->destroy(s); /* cancels and joins the report thread */
    char names[1024];
    assert_int_equal(list_dir(names, sizeof names), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(r_writes_the_report_of_the_run_on_screen_into_the_current_directory,
                                        enter_tmpdir, leave_tmpdir),
        cmocka_unit_test_setup_teardown(the_report_is_in_the_apps_language_and_a_second_gets_its_own_name,
                                        enter_tmpdir, leave_tmpdir),
        cmocka_unit_test_setup_teardown(a_report_that_cannot_be_made_says_why_in_one_line_and_leaves_nothing,
                                        enter_tmpdir, leave_tmpdir),
        cmocka_unit_test(the_reports_spec_is_the_run_now),
        cmocka_unit_test_setup_teardown(leaving_the_screen_while_a_report_is_written_cancels_it_and_leaves_nothing,
                                        enter_tmpdir, leave_tmpdir),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
