/* Placeholder: replaced by the report writer. */
#include <stdio.h>
#include "commands.h"
int cmd_report(int argc, char **argv) { (void)argc; (void)argv; fprintf(stderr, "dnn-tutor: report: not built yet\n"); return 2; }
