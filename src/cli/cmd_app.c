/* Placeholder: replaced by the app shell. */
#include <stdio.h>
#include "commands.h"
int cmd_app(int argc, char **argv) { (void)argc; (void)argv; fprintf(stderr, "dnn-tutor: the app is not built yet\n"); return 2; }
int cmd_stepper(int argc, char **argv) { return cmd_app(argc, argv); }
int cmd_trainer(int argc, char **argv) { return cmd_app(argc, argv); }
