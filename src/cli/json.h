/*
 * json.h — the little JSON the headless subcommands print with --json.
 */
#ifndef DNN_CLI_JSON_H
#define DNN_CLI_JSON_H

#include <stdio.h>

/* Writes s (NUL-terminated) to f as a JSON string literal: quotes around it,
 * '"' and '\' escaped, control characters as \u00XX, and each byte that is
 * not part of valid UTF-8 (a file name may hold any) as \ufffd, so the
 * output is always valid JSON. */
void cli_json_string(FILE *f, const char *s);

#endif
