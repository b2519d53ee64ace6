/*
 * commands.h — one function per subcommand; argv starts after the subcommand
 * name. Each returns the process exit code: 0 success, 1 bad data or a
 * failed run, 2 bad usage.
 */
#ifndef DNN_CLI_COMMANDS_H
#define DNN_CLI_COMMANDS_H

int cmd_train(int argc, char **argv);    /* cmd_train.c */
int cmd_sweep(int argc, char **argv);    /* cmd_sweep.c */
int cmd_lessons(int argc, char **argv);  /* cmd_lessons.c: "lessons check [DIR]" */
int cmd_app(int argc, char **argv);      /* cmd_app.c: the full-screen app (no subcommand) */
int cmd_stepper(int argc, char **argv);  /* cmd_app.c: the stepper lab directly */
int cmd_trainer(int argc, char **argv);  /* cmd_app.c: the trainer lab directly */
int cmd_report(int argc, char **argv);   /* cmd_report.c */
int cmd_exercises(int argc, char **argv); /* cmd_exercises.c: list, check, watch, hint, init */
int cmd_predict(int argc, char **argv);  /* cmd_predict.c: train, then classify --image FILE */

#endif
