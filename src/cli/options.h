/*
 * options.h — the command-line options every run-like subcommand shares
 * (train, sweep, stepper, trainer, report), parsed into a run_spec.
 *
 *   --dataset NAME|FILE.csv  --hidden N | --layers 64,20,7,5,1  --activation NAME
 *   --init NAME  --seed N  --lr X  --iterations N  --print-every N
 *   --test-split F  --data-seed N
 *
 * Both "--opt value" and "--opt=value" are accepted. A subcommand lists its
 * own extra options in a table; the parser hands them back through `on_extra`.
 * The values are parsed by runspec_set (data/runspec_option.c), the parser
 * every front end shares; spec->given records which options were given.
 */
#ifndef DNN_CLI_OPTIONS_H
#define DNN_CLI_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "../data/runspec.h"

typedef struct cli_extra_option {
    const char *name;      /* without the dashes: "json", "hidden" (sweep's list), "o" */
    bool takes_value;
} cli_extra_option;

typedef enum cli_parse_result {
    CLI_PARSE_OK,
    CLI_PARSE_HELP,   /* -h / --help was given */
    CLI_PARSE_ERROR   /* err holds one line: what is wrong with which option */
} cli_parse_result;

/* Called for each extra option (value is NULL for flags); return false with
 * a message in err to reject the value. */
typedef bool (*cli_extra_fn)(const char *name, const char *value, void *user, char *err, size_t err_size);

/* Parses argv[0 … argc) (the arguments after the subcommand name) into spec,
 * which the caller has set to its defaults. Options in `extras` (n_extras of
 * them) are passed to on_extra instead; an extra named like a run option
 * takes precedence. Positional arguments are errors. */
cli_parse_result cli_parse_run_options(int argc, char **argv, run_spec *spec,
                                       const cli_extra_option *extras, int n_extras,
                                       cli_extra_fn on_extra, void *user,
                                       char *err, size_t err_size);

/* The help text of the shared run options, to append to a subcommand's --help. */
extern const char cli_run_options_help[];
/* The same without the single-layer --hidden line (sweep's --hidden is a list). */
extern const char cli_run_options_help_sweep[];

#endif
