/* Placeholder: replaced by the lesson loader's `lessons check`. */
#include <stdio.h>
#include "commands.h"
int cmd_lessons(int argc, char **argv) { (void)argc; (void)argv; fprintf(stderr, "dnn-tutor: lessons: not built yet\n"); return 2; }
