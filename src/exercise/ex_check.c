#include "ex_check.h"
#include "ex_check_internal.h"

/* Texts here are cut to their buffers on purpose (snprintf). */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wformat-truncation"
#endif

#include <cjson/cJSON.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const outcome_names[EX_OUTCOME_COUNT] = {
    "pass", "no-file", "import-error", "missing", "not-implemented", "exception", "memory",
    "exit", "timeout", "crash", "returned-none", "wrong-type", "wrong-length", "missing-key",
    "rank-1", "shape", "values", "changed-inputs", "not-run", "internal",
};

const char *ex_outcome_name(ex_outcome o)
{
    return o >= 0 && o < EX_OUTCOME_COUNT ? outcome_names[o] : "?";
}

/* ---- exceptions a usual mistake raises ------------------------------------ */

static const ex_exc_pattern common_patterns[] = {
    { "ValueError", "operands could not be broadcast", "broadcast" },
    { "ValueError", "not aligned", "dot_shapes" },
    { "ValueError", "matmul: Input operand", "dot_shapes" },
    { "TypeError", "only size-1 arrays", "math_on_array" },
    { "TypeError", "only length-1 arrays", "math_on_array" },
    { "TypeError", "can't multiply sequence", "list_not_array" },
    { NULL, NULL, NULL },
};

static const char *match_pattern(const ex_exc_pattern *pats, const ex_verdict *v)
{
    for (const ex_exc_pattern *p = pats; p && p->type; p++)
        if (strcmp(p->type, v->error_type) == 0 && strstr(v->detail, p->contains))
            return p->mistake;
    return NULL;
}

/* ---- running the harness ------------------------------------------------ */

static void describe_inputs(const ex_case *c, char *buf, size_t size)
{
    size_t len = 0;
    buf[0] = '\0';
    for (int i = 0; i < c->nargs && len < size; i++) {
        const ex_value *a = c->args[i];
        char val[64];
        if (a->kind == EXV_ARRAY)
            exv_shape_text(a, val, sizeof val);
        else if (a->kind == EXV_DICT)
            snprintf(val, sizeof val, "(dict of %d)", a->n);
        else if (a->kind == EXV_TUPLE || a->kind == EXV_LIST)
            snprintf(val, sizeof val, "(%s of %d)", a->kind == EXV_TUPLE ? "tuple" : "list", a->n);
        else
            exv_format(a, val, sizeof val, 6);
        len += (size_t)snprintf(buf + len, size - len, "%s%s%s%s", i ? ", " : "", c->arg_names[i],
                                a->kind == EXV_ARRAY || a->kind == EXV_DICT || a->kind == EXV_TUPLE
                                        || a->kind == EXV_LIST
                                    ? " "
                                    : "=",
                                val);
    }
}

static char *request_json(const ex_def *def, const ex_check_options *opt, const char *file,
                          const ex_case *cases, int n)
{
    cJSON *o = cJSON_CreateObject(), *paths, *arr;
    if (!o)
        return NULL;
    cJSON_AddStringToObject(o, "file", file);
    cJSON_AddStringToObject(o, "function", def->function);
    cJSON_AddNumberToObject(o, "output_cap", (double)opt->limits.output_cap);
    paths = cJSON_AddArrayToObject(o, "paths");
    arr = cJSON_AddArrayToObject(o, "cases");
    if (!paths || !arr)
        goto fail;
    cJSON_AddItemToArray(paths, cJSON_CreateString(opt->dir));
    if (opt->lib_dir)
        cJSON_AddItemToArray(paths, cJSON_CreateString(opt->lib_dir));
    for (int i = 0; i < n; i++) {
        cJSON *c = cJSON_CreateObject(), *args, *names, *kw;
        if (!c || !cJSON_AddItemToArray(arr, c))
            goto fail;
        args = cJSON_AddArrayToObject(c, "args");
        names = cJSON_AddArrayToObject(c, "names");
        kw = cJSON_AddArrayToObject(c, "keywords");
        if (!args || !names || !kw)
            goto fail;
        if (cases[i].seed >= 0)
            cJSON_AddNumberToObject(c, "seed", (double)cases[i].seed);
        for (int a = 0; a < cases[i].nargs; a++) {
            cJSON *j = exv_to_cjson(cases[i].args[a]);
            if (!j || !cJSON_AddItemToArray(args, j))
                goto fail;
            cJSON_AddItemToArray(names, cJSON_CreateString(cases[i].arg_names[a]));
            cJSON_AddItemToArray(kw, cJSON_CreateBool(cases[i].keyword[a]));
        }
    }
    char *s = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    return s;
fail:
    cJSON_Delete(o);
    return NULL;
}

static void error_into(const cJSON *err, ex_verdict *v)
{
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(err, "type");
    const cJSON *m = cJSON_GetObjectItemCaseSensitive(err, "message");
    const cJSON *tb = cJSON_GetObjectItemCaseSensitive(err, "traceback");
    const cJSON *line = cJSON_GetObjectItemCaseSensitive(err, "line");
    const cJSON *text = cJSON_GetObjectItemCaseSensitive(err, "text");
    const cJSON *fn = cJSON_GetObjectItemCaseSensitive(err, "function");
    if (cJSON_IsString(t))
        snprintf(v->error_type, sizeof v->error_type, "%s", t->valuestring);
    if (cJSON_IsString(m))
        snprintf(v->detail, sizeof v->detail, "%s", m->valuestring);
    if (cJSON_IsString(tb))
        snprintf(v->traceback, sizeof v->traceback, "%s", tb->valuestring);
    else if (cJSON_IsString(text))
        snprintf(v->traceback, sizeof v->traceback, "%s", text->valuestring);
    if (cJSON_IsNumber(line))
        v->line = line->valueint;
    if (cJSON_IsString(fn))
        snprintf(v->stub_function, sizeof v->stub_function, "%s", fn->valuestring);
}

static char *json_strdup(const cJSON *o, const char *key)
{
    const cJSON *s = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(s) ? strdup(s->valuestring) : NULL;
}

/* Turns one "case" line into the case's verdict (before comparing). */
static void read_case(const ex_def *def, const cJSON *line, ex_case_result *cr, const ex_case *c)
{
    const cJSON *st = cJSON_GetObjectItemCaseSensitive(line, "status");
    const cJSON *err = cJSON_GetObjectItemCaseSensitive(line, "error");
    const cJSON *ob = cJSON_GetObjectItemCaseSensitive(line, "output_bytes");
    free(cr->output);
    cr->output = json_strdup(line, "output");
    cr->output_bytes = cJSON_IsNumber(ob) ? (size_t)ob->valuedouble : 0;
    ex_verdict *v = &cr->v;
    memset(v, 0, sizeof *v);
    const char *status = cJSON_IsString(st) ? st->valuestring : "";
    if (strcmp(status, "stub") == 0) {
        v->outcome = EX_STUB;
        error_into(err, v);
        const cJSON *sf = cJSON_GetObjectItemCaseSensitive(line, "stub_function");
        if (cJSON_IsString(sf))
            snprintf(v->stub_function, sizeof v->stub_function, "%s", sf->valuestring);
        return;
    }
    if (strcmp(status, "exit") == 0) {
        v->outcome = EX_EXIT;
        ex_value *code = exv_from_cjson(cJSON_GetObjectItemCaseSensitive(line, "exit_code"));
        if (code)
            exv_format(code, v->detail, sizeof v->detail, 4);
        exv_free(code);
        return;
    }
    if (strcmp(status, "exception") == 0) {
        error_into(err, v);
        v->outcome = strcmp(v->error_type, "MemoryError") == 0 ? EX_MEMORY : EX_EXCEPTION;
        v->mistake = match_pattern(def->patterns, v);
        if (!v->mistake)
            v->mistake = match_pattern(common_patterns, v);
        return;
    }
    if (strcmp(status, "ok") != 0) {
        v->outcome = EX_INTERNAL;
        snprintf(v->detail, sizeof v->detail, "the harness sent an unknown status");
        return;
    }
    cr->got = exv_from_cjson(cJSON_GetObjectItemCaseSensitive(line, "result"));
    if (!cr->got) {
        v->outcome = EX_INTERNAL;
        snprintf(v->detail, sizeof v->detail, "the returned value could not be read");
        return;
    }
    ex_compare(c->expected, cr->got, c->atol, c->rtol, def->returns, v);
    if (v->outcome != EX_PASS) {
        for (int m = 0; m < c->n_mistakes; m++) {
            ex_verdict mv;
            ex_compare(c->mistakes[m].output, cr->got, c->atol, c->rtol, def->returns, &mv);
            if (mv.outcome == EX_PASS) {
                v->mistake = c->mistakes[m].id;
                break;
            }
        }
        return;
    }
    const cJSON *changed = cJSON_GetObjectItemCaseSensitive(line, "changed");
    if (cJSON_IsArray(changed) && cJSON_GetArraySize(changed) > 0) {
        v->outcome = EX_IN_PLACE;
        v->mistake = def->in_place_mistake;
        size_t len = 0;
        const cJSON *p;
        cJSON_ArrayForEach(p, changed) {
            if (cJSON_IsString(p) && len < sizeof v->detail)
                len += (size_t)snprintf(v->detail + len, sizeof v->detail - len, "%s%s",
                                        len ? ", " : "", p->valuestring);
        }
    }
}

static void signal_text(int sig, char *buf, size_t size)
{
    const char *name = sig == SIGSEGV ? "SIGSEGV" : sig == SIGKILL ? "SIGKILL"
                     : sig == SIGABRT ? "SIGABRT" : sig == SIGBUS ? "SIGBUS"
                     : sig == SIGFPE ? "SIGFPE" : sig == SIGXFSZ ? "SIGXFSZ" : NULL;
    if (name)
        snprintf(buf, size, "signal %d, %s", sig, name);
    else
        snprintf(buf, size, "signal %d", sig);
}

static bool write_all(int fd, const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w <= 0)
            return false;
        s += w;
        n -= (size_t)w;
    }
    return true;
}

void ex_result_free(ex_result *res)
{
    for (int i = 0; i < res->n_cases; i++) {
        exv_free(res->cases[i].expected);
        exv_free(res->cases[i].got);
        free(res->cases[i].output);
    }
    free(res->import_output);
    memset(res, 0, sizeof *res);
}

const ex_verdict *ex_result_first_failure(const ex_result *res)
{
    if (res->outcome == EX_PASS)
        return NULL;
    if (res->file_verdict.outcome != EX_PASS)
        return &res->file_verdict;
    for (int i = 0; i < res->n_cases; i++)
        if (res->cases[i].v.outcome != EX_PASS)
            return &res->cases[i].v;
    return &res->file_verdict;
}

static void file_fail(ex_result *res, ex_outcome o, const char *detail)
{
    ex_verdict_start(&res->file_verdict, o, "");
    snprintf(res->file_verdict.detail, sizeof res->file_verdict.detail, "%s", detail ? detail : "");
    res->outcome = o;
    for (int i = 0; i < res->n_cases; i++)
        if (res->cases[i].v.outcome == EX_PASS)
            res->cases[i].v.outcome = EX_NOT_RUN;
}

void ex_check_exercise(const ex_def *def, const ex_check_options *opt, ex_result *res)
{
    ex_case cases[EX_MAX_CASES];
    memset(cases, 0, sizeof cases);
    int n = def->build(cases);
    if (n < 0) {
        memset(res, 0, sizeof *res);
        res->def = def;
        snprintf(res->file, sizeof res->file, "%s/%s.py", opt->dir, def->assignment);
        file_fail(res, EX_INTERNAL, "out of memory building the test cases");
        return;
    }
    ex_check_cases(def, opt, cases, n, res);
}

void ex_check_cases(const ex_def *def, const ex_check_options *opt, ex_case *cases, int n, ex_result *res)
{
    memset(res, 0, sizeof *res);
    res->def = def;
    snprintf(res->file, sizeof res->file, "%s/%s.py", opt->dir, def->assignment);
    if (n > EX_MAX_CASES) {
        for (int i = EX_MAX_CASES; i < n; i++)
            ex_case_clear(&cases[i]);
        n = EX_MAX_CASES;
    }
    res->n_cases = n;
    for (int i = 0; i < n; i++) {
        ex_case_result *cr = &res->cases[i];
        snprintf(cr->name, sizeof cr->name, "%s", cases[i].name);
        cr->hidden = cases[i].hidden;
        describe_inputs(&cases[i], cr->inputs, sizeof cr->inputs);
        cr->v.outcome = EX_NOT_RUN;
    }

    struct stat st;
    char *req = NULL;
    char tmpl[EX_PATH_MAX];
    int fd = -1;
    ex_run_result run = { 0 };
    bool ran = false;
    if (stat(res->file, &st) != 0 || !S_ISREG(st.st_mode)) {
        file_fail(res, EX_NO_FILE, res->file);
        goto done;
    }
    req = request_json(def, opt, res->file, cases, n);
    const char *tmpdir = getenv("TMPDIR");
    snprintf(tmpl, sizeof tmpl, "%s/dnn-tutor-check-XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
    if (!req || (fd = mkstemp(tmpl)) < 0 || !write_all(fd, req, strlen(req))) {
        file_fail(res, EX_INTERNAL, req ? "could not write the request file" : "out of memory");
        goto done;
    }
    close(fd);
    fd = -1;
    char *argv[] = { (char *)opt->python->path, EX_PYTHON_FLAGS, (char *)opt->harness, tmpl, NULL };
    ran = ex_run_child(argv, &opt->limits, &run);
    unlink(tmpl);
    if (!ran) {
        file_fail(res, run.cancelled ? EX_NOT_RUN : EX_INTERNAL, run.output);
        goto done;
    }

    /* Walk the result lines. */
    bool imported = false, have_function = false, saw_python = false, finished = false;
    int running = -1;
    char *line = run.results;
    while (line && *line) {
        char *nl = strchr(line, '\n');
        if (!nl)
            break;  /* a line cut off by a kill */
        *nl = '\0';
        cJSON *j = cJSON_Parse(line);
        line = nl + 1;
        if (!j)
            continue;
        const cJSON *ev = cJSON_GetObjectItemCaseSensitive(j, "event");
        const char *e = cJSON_IsString(ev) ? ev->valuestring : "";
        if (strcmp(e, "python") == 0) {
            saw_python = true;
        } else if (strcmp(e, "import") == 0) {
            res->import_output = json_strdup(j, "output");
            if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(j, "ok"))) {
                imported = true;
            } else {
                file_fail(res, EX_IMPORT_ERROR, NULL);
                error_into(cJSON_GetObjectItemCaseSensitive(j, "error"), &res->file_verdict);
            }
        } else if (strcmp(e, "function") == 0) {
            if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(j, "ok"))) {
                have_function = true;
            } else {
                char *why = json_strdup(j, "reason");
                file_fail(res, EX_MISSING, why);
                free(why);
            }
        } else if (strcmp(e, "start") == 0) {
            const cJSON *ix = cJSON_GetObjectItemCaseSensitive(j, "index");
            running = cJSON_IsNumber(ix) ? ix->valueint : -1;
        } else if (strcmp(e, "case") == 0) {
            const cJSON *ix = cJSON_GetObjectItemCaseSensitive(j, "index");
            int i = cJSON_IsNumber(ix) ? ix->valueint : -1;
            if (i >= 0 && i < n) {
                read_case(def, j, &res->cases[i], &cases[i]);
                if (i == running)
                    running = -1;
            }
        } else if (strcmp(e, "done") == 0) {
            finished = true;
        }
        cJSON_Delete(j);
    }

    if (!finished) {
        /* killed or died: blame the case that was running, or the import */
        ex_verdict v;
        ex_verdict_start(&v, run.timed_out ? EX_TIMEOUT : EX_CRASH, "");
        if (run.timed_out)
            snprintf(v.detail, sizeof v.detail, "%g", opt->limits.timeout_s);
        else if (run.signal)
            signal_text(run.signal, v.detail, sizeof v.detail);
        else
            snprintf(v.detail, sizeof v.detail, "exit status %d", run.exit_code);
        if (!saw_python) {
            v.outcome = run.timed_out ? EX_TIMEOUT : EX_INTERNAL;
            snprintf(v.detail, sizeof v.detail, "the harness did not start: %.900s", run.output);
            file_fail(res, v.outcome, NULL);
            res->file_verdict = v;
        } else if (!imported && res->file_verdict.outcome == EX_PASS) {
            file_fail(res, v.outcome, NULL);
            res->file_verdict = v;
        } else if (running >= 0 && running < n) {
            res->cases[running].v = v;
        } else if (have_function && res->outcome == EX_PASS) {
            file_fail(res, v.outcome, NULL);
            res->file_verdict = v;
        }
    }

done:
    if (fd >= 0) {
        close(fd);
        unlink(tmpl);
    }
    free(req);
    ex_run_result_free(&run);
    for (int i = 0; i < n; i++) {
        res->cases[i].expected = cases[i].expected;
        cases[i].expected = NULL;
        ex_case_clear(&cases[i]);
    }
    if (res->outcome == EX_PASS) {
        for (int i = 0; i < n; i++)
            if (res->cases[i].v.outcome != EX_PASS) {
                res->outcome = res->cases[i].v.outcome;
                break;
            }
    }
}
