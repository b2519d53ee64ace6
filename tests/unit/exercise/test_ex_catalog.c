/*
 * test_ex_catalog.c — exercises/exercises.json as ex_catalog_load reads it:
 * the shipped file lists every exercise dnn-tutor checks, in the checker's
 * order, each tied to its check; an exercise without a check must be marked
 * "check": false (then it is left out), an unmarked one (a misspelt
 * function) and a marked one that is checked are refused by name; so are a
 * checked exercise missing from its assignment, a repeated function and a
 * file that is not JSON.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dnn_test.h"
#include "ex_case.h"
#include "ex_catalog.h"

static char shipped[4096];
static char tmpfile_path[128];

/* The shipped file's text with the first `from` replaced by `to` (malloc'd). */
static char *shipped_with(const char *from, const char *to)
{
    FILE *f = fopen(shipped, "rb");
    assert_non_null(f);
    static char buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    char *at = strstr(buf, from);
    assert_non_null(at);
    char *out = malloc(n + strlen(to) + 1);
    assert_non_null(out);
    size_t head = (size_t)(at - buf);
    memcpy(out, buf, head);
    strcpy(out + head, to);
    strcat(out, at + strlen(from));
    return out;
}

/* Loads text as a catalog file; NULL with msg when refused. */
static ex_catalog *load_text(const char *text, char *msg, size_t msg_size)
{
    FILE *f = fopen(tmpfile_path, "wb");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
    return ex_catalog_load(tmpfile_path, msg, msg_size);
}

static void assert_refused(const char *text, const char *phrase)
{
    char msg[512] = "";
    ex_catalog *c = load_text(text, msg, sizeof msg);
    if (c) {
        ex_catalog_free(c);
        fail_msg("accepted; wanted a refusal saying '%s'", phrase);
    }
    if (!strstr(msg, phrase))
        fail_msg("refused with '%s'; wanted '%s'", msg, phrase);
}

static void the_shipped_file_lists_every_check_in_order(void **state)
{
    (void)state;
    char msg[512] = "";
    ex_catalog *c = ex_catalog_load(shipped, msg, sizeof msg);
    if (!c)
        fail_msg("%s", msg);
    assert_int_equal(c->n, ex_def_count());
    for (int i = 0; i < c->n; i++) {
        const ex_def *d = ex_def_at(i);
        char id[128];
        snprintf(id, sizeof id, "%s/%s", d->assignment, d->function);
        assert_string_equal(c->ex[i].id, id);
        assert_ptr_equal(c->ex[i].def, d);
        assert_ptr_equal(ex_catalog_find(c, id), &c->ex[i]);
        assert_true(c->ex[i].n_hints > 0);
    }
    for (int k = 0; k < c->n_assignments; k++) {
        const ex_assignment *A = &c->assignments[k];
        assert_true(A->count > 0);
        for (int i = A->first; i < A->first + A->count; i++)
            assert_string_equal(c->ex[i].assignment, A->id);
    }
    assert_null(ex_catalog_find(c, "w4a1/no_such_function"));
    ex_catalog_free(c);
}

static void an_unchecked_exercise_must_be_marked(void **state)
{
    (void)state;
    /* an extra exercise dnn-tutor has no check for, before basic_sigmoid */
    const char *extra = "{\"function\": \"basic_sigmod\", \"signature\": \"basic_sigmod(x)\", "
                        "\"title\": {\"en\": \"t\", \"zh\": \"t\"}, \"task\": {\"en\": \"t\", \"zh\": \"t\"}%s},\n"
                        "        {\n          \"function\": \"basic_sigmoid\",";
    char to[512];
    snprintf(to, sizeof to, extra, "");
    char *text = shipped_with("{\n          \"function\": \"basic_sigmoid\",", to);
    assert_refused(text, "no check for w2a1/basic_sigmod");
    free(text);

    snprintf(to, sizeof to, extra, ", \"check\": false");
    text = shipped_with("{\n          \"function\": \"basic_sigmoid\",", to);
    char msg[512] = "";
    ex_catalog *c = load_text(text, msg, sizeof msg);
    free(text);
    if (!c)
        fail_msg("%s", msg);
    assert_null(ex_catalog_find(c, "w2a1/basic_sigmod"));
    assert_int_equal(c->n, ex_def_count());
    assert_string_equal(c->ex[0].id, "w2a1/basic_sigmoid");
    ex_catalog_free(c);
}

static void other_broken_files_are_refused_by_name(void **state)
{
    (void)state;
    char *text = shipped_with("\"function\": \"basic_sigmoid\",",
                              "\"function\": \"basic_sigmoid\", \"check\": false,");
    assert_refused(text, "w2a1/basic_sigmoid is marked \"check\": false, but dnn-tutor checks it");
    free(text);
    text = shipped_with("\"function\": \"basic_sigmoid\",", "\"function\": \"basic_sigmoid\", \"check\": 0,");
    assert_refused(text, "\"check\" must be true or false");
    free(text);
    text = shipped_with("\"function\": \"softmax\",", "\"function\": \"L1\",");
    assert_refused(text, "w2a1/L1 appears twice");
    free(text);
    text = shipped_with("\"function\": \"image2vector\",", "\"function\": \"image2vektor\", \"check\": false,");
    assert_refused(text, "w2a1/image2vector is missing");
    free(text);
    assert_refused("{\"assignments\": [", "not valid JSON");
}

static int teardown(void **state)
{
    (void)state;
    unlink(tmpfile_path);
    return 0;
}

int main(void)
{
    const char *root = getenv("DNN_TUTOR_SOURCE_ROOT");
    if (!root) {
        fprintf(stderr, "skipped: DNN_TUTOR_SOURCE_ROOT is not set\n");
        return 77;
    }
    snprintf(shipped, sizeof shipped, "%s/exercises/exercises.json", root);
    const char *t = getenv("TMPDIR");
    snprintf(tmpfile_path, sizeof tmpfile_path, "%.60s/ex-catalog-%ld.json", t && *t ? t : "/tmp", (long)getpid());
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_shipped_file_lists_every_check_in_order),
        cmocka_unit_test(an_unchecked_exercise_must_be_marked),
        cmocka_unit_test(other_broken_files_are_refused_by_name),
    };
    return cmocka_run_group_tests(tests, NULL, teardown);
}
