/*
 * test_ex_files.c — `exercises init` (ex_init_folder) writes the learner's
 * files through the safe writer: it creates what is missing, never touches a
 * learner's file (nor one a symlink points to), writes a dangling symlink's
 * target, refuses a FIFO or a directory where a file belongs, and leaves no
 * temporary file behind. Runs on a made-up exercises root in a temp folder.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <dirent.h>

#include "dnn_test.h"
#include "ex_files.h"

static char tmpdir[64];
static char root[128];
static int n_dirs;

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

/* The file's text (at most 255 bytes), "" when it cannot be read. */
static const char *read_text(const char *path)
{
    static char buf[256];
    buf[0] = '\0';
    FILE *f = fopen(path, "r");
    if (f) {
        size_t n = fread(buf, 1, sizeof buf - 1, f);
        buf[n] = '\0';
        fclose(f);
    }
    return buf;
}

/* A fresh learner's folder under the temp dir. */
static void new_dir(char *dir, size_t size)
{
    snprintf(dir, size, "%s/learner%d", tmpdir, ++n_dirs);
}

/* No ".NAME.<pid>-<hex>.tmp" left in dir. */
static void assert_no_temporary(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *e;
    while ((e = readdir(d)))
        assert_null(strstr(e->d_name, ".tmp"));
    closedir(d);
}

static bool init(const char *dir, int *created, int *kept, char *msg, size_t msg_size)
{
    char log[2048];
    return ex_init_folder(root, dir, created, kept, log, sizeof log, msg, msg_size);
}

static void a_new_folder_gets_every_file(void **state)
{
    (void)state;
    char dir[256], path[512], msg[512];
    int created, kept;
    new_dir(dir, sizeof dir);
    assert_true(init(dir, &created, &kept, msg, sizeof msg));
    assert_int_equal(created, 2);
    assert_int_equal(kept, 0);
    snprintf(path, sizeof path, "%s/w2a1.py", dir);
    assert_string_equal(read_text(path), "# the stub\n");
    snprintf(path, sizeof path, "%s/dnn_utils.py", dir);
    assert_string_equal(read_text(path), "# the helpers\n");
    assert_no_temporary(dir);
}

static void a_learners_file_is_kept(void **state)
{
    (void)state;
    char dir[256], path[512], msg[512];
    int created, kept;
    new_dir(dir, sizeof dir);
    assert_int_equal(mkdir(dir, 0755), 0);
    snprintf(path, sizeof path, "%s/w2a1.py", dir);
    write_file(path, "# mine\n");
    assert_true(init(dir, &created, &kept, msg, sizeof msg));
    assert_int_equal(created, 1);
    assert_int_equal(kept, 1);
    assert_string_equal(read_text(path), "# mine\n");
}

static void a_symlink_to_a_learners_file_is_kept(void **state)
{
    (void)state;
    char dir[256], path[512], mine[512], msg[512];
    int created, kept;
    new_dir(dir, sizeof dir);
    assert_int_equal(mkdir(dir, 0755), 0);
    snprintf(mine, sizeof mine, "%s/elsewhere-%d.py", tmpdir, n_dirs);
    write_file(mine, "# mine, linked\n");
    snprintf(path, sizeof path, "%s/w2a1.py", dir);
    assert_int_equal(symlink(mine, path), 0);
    assert_true(init(dir, &created, &kept, msg, sizeof msg));
    assert_int_equal(kept, 1);
    assert_string_equal(read_text(mine), "# mine, linked\n");
    struct stat st;
    assert_int_equal(lstat(path, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
}

static void a_dangling_symlink_gets_its_target_written(void **state)
{
    (void)state;
    char dir[256], path[512], target[512], msg[512];
    int created, kept;
    new_dir(dir, sizeof dir);
    assert_int_equal(mkdir(dir, 0755), 0);
    snprintf(target, sizeof target, "%s/not-yet-%d.py", tmpdir, n_dirs);
    snprintf(path, sizeof path, "%s/w2a1.py", dir);
    assert_int_equal(symlink(target, path), 0);
    assert_true(init(dir, &created, &kept, msg, sizeof msg));
    assert_int_equal(created, 2);
    assert_string_equal(read_text(target), "# the stub\n");
    struct stat st;
    assert_int_equal(lstat(path, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    assert_no_temporary(dir);
}

static void a_fifo_or_a_folder_where_a_file_belongs_is_refused(void **state)
{
    (void)state;
    const char *kinds[] = { "fifo", "folder" };
    const char *phrases[] = { "not a regular file", "it is a directory" };
    for (int k = 0; k < 2; k++) {
        char dir[256], path[512], msg[512] = "";
        int created, kept;
        new_dir(dir, sizeof dir);
        assert_int_equal(mkdir(dir, 0755), 0);
        snprintf(path, sizeof path, "%s/w2a1.py", dir);
        assert_int_equal(k == 0 ? mkfifo(path, 0644) : mkdir(path, 0755), 0);
        assert_false(init(dir, &created, &kept, msg, sizeof msg));
        if (!strstr(msg, phrases[k]))
            fail_msg("%s: %s", kinds[k], msg);
        assert_non_null(strstr(msg, "w2a1.py"));
        struct stat st;
        assert_int_equal(lstat(path, &st), 0);
        assert_true(k == 0 ? S_ISFIFO(st.st_mode) : S_ISDIR(st.st_mode));
        assert_no_temporary(dir);
    }
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%.64s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
    const char *t = getenv("TMPDIR");
    snprintf(tmpdir, sizeof tmpdir, "%.40s/ex-files-XXXXXX", t && *t ? t : "/tmp");
    if (!mkdtemp(tmpdir))
        return 1;
    char path[256];
    snprintf(root, sizeof root, "%s/root", tmpdir);
    snprintf(path, sizeof path, "%s/stubs", root);
    if (mkdir(root, 0755) != 0 || mkdir(path, 0755) != 0)
        return 1;
    snprintf(path, sizeof path, "%s/lib", root);
    if (mkdir(path, 0755) != 0)
        return 1;
    snprintf(path, sizeof path, "%s/stubs/w2a1.py", root);
    FILE *f = fopen(path, "w");
    if (!f || fputs("# the stub\n", f) < 0 || fclose(f) != 0)
        return 1;
    snprintf(path, sizeof path, "%s/lib/dnn_utils.py", root);
    f = fopen(path, "w");
    if (!f || fputs("# the helpers\n", f) < 0 || fclose(f) != 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_new_folder_gets_every_file),
        cmocka_unit_test(a_learners_file_is_kept),
        cmocka_unit_test(a_symlink_to_a_learners_file_is_kept),
        cmocka_unit_test(a_dangling_symlink_gets_its_target_written),
        cmocka_unit_test(a_fifo_or_a_folder_where_a_file_belongs_is_refused),
    };
    return cmocka_run_group_tests(tests, NULL, teardown);
}
