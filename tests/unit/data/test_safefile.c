/*
 * test_safefile.c — the rule for every file dnn-tutor writes: only regular
 * files, symlinks written through, "file too large" instead of SIGXFSZ, and
 * no temporary file left behind on failure or after a killed writer.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "safefile.h"

typedef struct tmp {
    char dir[256];
    char path[512];
} tmp;

static int setup(void **state)
{
    tmp *t = calloc(1, sizeof *t);
    const char *base = getenv("TMPDIR");
    snprintf(t->dir, sizeof t->dir, "%s/safefile-XXXXXX", base && *base ? base : "/tmp");
    if (!mkdtemp(t->dir)) {
        free(t);
        return -1;
    }
    snprintf(t->path, sizeof t->path, "%s/out.txt", t->dir);
    *state = t;
    return 0;
}

static int teardown(void **state)
{
    tmp *t = *state;
    DIR *d = opendir(t->dir);
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        char p[600];
        snprintf(p, sizeof p, "%s/%s", t->dir, e->d_name);
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            unlink(p);
    }
    if (d)
        closedir(d);
    rmdir(t->dir);
    free(t);
    return 0;
}

/* The entries of dir, sorted, separated by spaces ("" when empty). */
static const char *listing(const char *dir)
{
    static char out[2048];
    char names[64][128];
    int n = 0;
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL && n < 64)
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            snprintf(names[n++], sizeof names[0], "%.127s", e->d_name);
    if (d)
        closedir(d);
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            if (strcmp(names[j], names[i]) < 0) {
                char s[128];
                memcpy(s, names[i], sizeof s);
                memcpy(names[i], names[j], sizeof s);
                memcpy(names[j], s, sizeof s);
            }
    out[0] = '\0';
    for (int i = 0; i < n; i++) {
        strcat(out, i ? " " : "");
        strcat(out, names[i]);
    }
    return out;
}

static const char *slurp(const char *path)
{
    static char buf[4096];
    FILE *f = fopen(path, "r");
    size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
    buf[n] = '\0';
    if (f)
        fclose(f);
    return f ? buf : NULL;
}

static void a_new_file_is_written_whole_and_no_temporary_remains(void **state)
{
    tmp *t = *state;
    char err[512];
    assert_int_equal(safefile_save(t->path, "hello\n", 6, 0644, err, sizeof err), 0);
    assert_string_equal(slurp(t->path), "hello\n");
    assert_string_equal(listing(t->dir), "out.txt");
}

static void an_existing_file_keeps_its_permission_bits(void **state)
{
    tmp *t = *state;
    char err[512];
    assert_int_equal(safefile_save(t->path, "a", 1, 0644, err, sizeof err), 0);
    assert_int_equal(chmod(t->path, 0600), 0);
    assert_int_equal(safefile_save(t->path, "b", 1, 0644, err, sizeof err), 0);
    struct stat st;
    assert_int_equal(stat(t->path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    assert_string_equal(slurp(t->path), "b");
}

static void a_fifo_is_refused_and_left_alone(void **state)
{
    tmp *t = *state;
    char err[512];
    assert_int_equal(mkfifo(t->path, 0600), 0);
    assert_int_equal(safefile_save(t->path, "x", 1, 0644, err, sizeof err), 1);
    assert_non_null(strstr(err, "it is a FIFO, not a regular file"));
    struct stat st;
    assert_int_equal(lstat(t->path, &st), 0);
    assert_true(S_ISFIFO(st.st_mode));
    assert_string_equal(listing(t->dir), "out.txt");
}

static void a_character_device_is_refused(void **state)
{
    (void)state;
    char err[512], target[512];
    assert_int_equal(safefile_check("/dev/null", target, sizeof target, err, sizeof err), 1);
    assert_string_equal(err, "cannot write '/dev/null': it is a character device, not a regular file");
}

static void a_socket_and_a_directory_are_refused(void **state)
{
    tmp *t = *state;
    char err[512], target[512];
    int s = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un a = {.sun_family = AF_UNIX};
    snprintf(a.sun_path, sizeof a.sun_path, "%.100s", t->path);
    assert_int_equal(bind(s, (struct sockaddr *)&a, sizeof a), 0);
    close(s);
    assert_int_equal(safefile_check(t->path, target, sizeof target, err, sizeof err), 1);
    assert_non_null(strstr(err, "it is a socket, not a regular file"));
    assert_int_equal(safefile_check(t->dir, target, sizeof target, err, sizeof err), 1);
    assert_non_null(strstr(err, "it is a directory"));
}

static void a_symlink_is_written_through_and_stays_a_link(void **state)
{
    tmp *t = *state;
    char err[512], real[600], link2[600];
    snprintf(real, sizeof real, "%s/real.txt", t->dir);
    snprintf(link2, sizeof link2, "%s/link2", t->dir);
    assert_int_equal(symlink("real.txt", t->path), 0); /* relative, from the link's directory */
    assert_int_equal(symlink("out.txt", link2), 0);    /* a chain: link2 → out.txt → real.txt */
    assert_int_equal(safefile_save(link2, "through", 7, 0644, err, sizeof err), 0);
    struct stat st;
    assert_int_equal(lstat(t->path, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    assert_string_equal(slurp(real), "through");
    assert_string_equal(listing(t->dir), "link2 out.txt real.txt");
}

static void a_symlink_to_a_device_is_refused_naming_the_target(void **state)
{
    tmp *t = *state;
    char err[512];
    assert_int_equal(symlink("/dev/null", t->path), 0);
    assert_int_equal(safefile_save(t->path, "x", 1, 0644, err, sizeof err), 1);
    assert_non_null(strstr(err, "(-> /dev/null): it is a character device, not a regular file"));
    assert_string_equal(listing(t->dir), "out.txt");
}

static void a_symlink_loop_is_refused(void **state)
{
    tmp *t = *state;
    char err[512];
    assert_int_equal(symlink("out.txt", t->path), 0);
    assert_int_equal(safefile_save(t->path, "x", 1, 0644, err, sizeof err), 1);
    assert_non_null(strstr(err, strerror(ELOOP)));
}

/* In a child: with RLIMIT_FSIZE of 100 bytes, a 1000-byte save must fail
 * with "file too large" (the default SIGXFSZ would kill the child). */
static void a_write_past_ulimit_f_says_file_too_large_and_leaves_nothing(void **state)
{
    tmp *t = *state;
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        signal(SIGXFSZ, SIG_DFL);
        struct rlimit r = {100, 100};
        setrlimit(RLIMIT_FSIZE, &r);
        char big[1000], err[512];
        memset(big, 'x', sizeof big);
        int rc = safefile_save(t->path, big, sizeof big, 0644, err, sizeof err);
        _exit(rc == 1 && strstr(err, ": file too large") ? 0 : 3);
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    assert_string_equal(listing(t->dir), "");
}

static void a_discarded_write_leaves_no_temporary(void **state)
{
    tmp *t = *state;
    safefile w;
    char err[512];
    assert_int_equal(safefile_begin(&w, t->path, 0644, err, sizeof err), 0);
    safefile_puts(&w, "half");
    assert_string_not_equal(listing(t->dir), "");
    safefile_discard(&w);
    safefile_discard(&w);
    assert_string_equal(listing(t->dir), "");
}

static void stale_temporaries_of_dead_processes_are_removed_and_live_ones_kept(void **state)
{
    tmp *t = *state;
    pid_t dead = fork();
    if (dead == 0)
        _exit(0);
    waitpid(dead, NULL, 0);
    const char *names[] = {"%s/.out.txt.%ld-1f.tmp", "%s/.out.txt.%ld-2a.tmp.%ld-0.bak", "%s/out.txt.tmp-Ab12Cd",
                           "%s/.out.txt.%ld-3.tmp", "%s/.other.%ld-1.tmp", "%s/.out.txt.%ld-zz.tmp"};
    long pids[] = {dead, dead, 0, (long)getppid(), dead, dead};
    for (int i = 0; i < 6; i++) {
        char p[600];
        snprintf(p, sizeof p, names[i], t->dir, pids[i], pids[i]);
        int fd = open(p, O_WRONLY | O_CREAT, 0600);
        assert_true(fd >= 0);
        close(fd);
    }
    assert_int_equal(safefile_clean_stale(t->path), 3);
    char want[512];
    snprintf(want, sizeof want, ".other.%ld-1.tmp .out.txt.%ld-3.tmp .out.txt.%ld-zz.tmp", (long)dead,
             (long)getppid(), (long)dead);
    assert_string_equal(listing(t->dir), want);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(a_new_file_is_written_whole_and_no_temporary_remains, setup, teardown),
        cmocka_unit_test_setup_teardown(an_existing_file_keeps_its_permission_bits, setup, teardown),
        cmocka_unit_test_setup_teardown(a_fifo_is_refused_and_left_alone, setup, teardown),
        cmocka_unit_test_setup_teardown(a_character_device_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(a_socket_and_a_directory_are_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(a_symlink_is_written_through_and_stays_a_link, setup, teardown),
        cmocka_unit_test_setup_teardown(a_symlink_to_a_device_is_refused_naming_the_target, setup, teardown),
        cmocka_unit_test_setup_teardown(a_symlink_loop_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(a_write_past_ulimit_f_says_file_too_large_and_leaves_nothing, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_discarded_write_leaves_no_temporary, setup, teardown),
        cmocka_unit_test_setup_teardown(stale_temporaries_of_dead_processes_are_removed_and_live_ones_kept, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
