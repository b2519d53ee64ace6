#include "ex_case.h"

/* Texts here are cut to their buffers on purpose (snprintf). */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wformat-truncation"
#endif

#include <stdio.h>
#include <string.h>

void ex_case_init(ex_case *c, const char *name, bool hidden, double atol, double rtol)
{
    memset(c, 0, sizeof *c);
    snprintf(c->name, sizeof c->name, "%s", name);
    c->hidden = hidden;
    c->seed = -1;
    c->atol = atol;
    c->rtol = rtol;
}

bool ex_case_arg(ex_case *c, const char *name, ex_value *v, bool keyword)
{
    if (!v || c->nargs == EX_MAX_ARGS) {
        exv_free(v);
        return false;
    }
    c->arg_names[c->nargs] = name;
    c->keyword[c->nargs] = keyword;
    c->args[c->nargs++] = v;
    return true;
}

bool ex_case_mistake(ex_case *c, const char *id, ex_value *output)
{
    if (!output || c->n_mistakes == EX_MAX_MISTAKES) {
        exv_free(output);
        return false;
    }
    c->mistakes[c->n_mistakes].id = id;
    c->mistakes[c->n_mistakes++].output = output;
    return true;
}

void ex_case_clear(ex_case *c)
{
    for (int i = 0; i < c->nargs; i++)
        exv_free(c->args[i]);
    for (int i = 0; i < c->n_mistakes; i++)
        exv_free(c->mistakes[i].output);
    exv_free(c->expected);
    c->nargs = c->n_mistakes = 0;
    c->expected = NULL;
}

static const ex_def *const ex_tables[] = {
    ex_defs_w2a1, ex_defs_w2a2, ex_defs_w3a1, ex_defs_w4a1, ex_defs_w4a2,
};

int ex_def_count(void)
{
    int n = 0;
    for (size_t t = 0; t < sizeof ex_tables / sizeof ex_tables[0]; t++)
        for (const ex_def *d = ex_tables[t]; d->function; d++)
            n++;
    return n;
}

const ex_def *ex_def_at(int i)
{
    for (size_t t = 0; t < sizeof ex_tables / sizeof ex_tables[0]; t++)
        for (const ex_def *d = ex_tables[t]; d->function; d++)
            if (i-- == 0)
                return d;
    return NULL;
}

const ex_def *ex_def_find(const char *id)
{
    const char *slash = strchr(id, '/');
    if (!slash)
        return NULL;
    size_t alen = (size_t)(slash - id);
    for (int i = 0; i < ex_def_count(); i++) {
        const ex_def *d = ex_def_at(i);
        if (strlen(d->assignment) == alen && strncmp(d->assignment, id, alen) == 0
            && strcmp(d->function, slash + 1) == 0)
            return d;
    }
    return NULL;
}
