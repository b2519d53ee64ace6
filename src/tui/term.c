/*
 * term.c — curses setup and teardown on every exit path (see term.h).
 */
#include "term.h"

#include <curses.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <ncursesw/term.h> /* <term.h> would be this directory's term.h */
#include <errno.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

/* In a sanitizer build, a report ends the process without a signal handler
 * or atexit running: a death callback gives the terminal back instead. */
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define TERM_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define TERM_SANITIZED 1
#endif
#endif
#ifdef TERM_SANITIZED
#include <sanitizer/common_interface_defs.h>
#endif

static volatile sig_atomic_t term_signal_flag;
static volatile sig_atomic_t term_resumed_flag;
static volatile sig_atomic_t term_active;
static bool term_atexit_done;
static SCREEN *term_screen;
static struct termios term_saved_tios;
static bool term_have_tios;
static int term_saved_stderr = -1;
static FILE *term_stderr_log;
static volatile int term_stderr_log_fd = -1;  /* fileno(term_stderr_log), for the crash path */

static void term_on_quit_signal(int sig)
{
    term_signal_flag = sig;
}

static void term_on_continue(int sig)
{
    (void)sig;
    term_resumed_flag = 1;
}

/* The way out of a crash: the saved termios and the normal screen back,
 * stderr back with what was parked (a failed assert's message, a sanitizer's
 * report), using async-signal-safe calls only. Once. */
static void term_restore_crashed(void)
{
    if (!term_active)
        return;
    term_active = 0;
    static const char reset[] = "\033[0m\033[?25h\033[?1049l\r\n";
    if (term_have_tios)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &term_saved_tios);
    ssize_t r = write(STDOUT_FILENO, reset, sizeof reset - 1);
    if (term_saved_stderr >= 0) {
        dup2(term_saved_stderr, STDERR_FILENO);
        if (term_stderr_log_fd >= 0 && lseek(term_stderr_log_fd, 0, SEEK_SET) == 0) {
            char buf[4096];
            ssize_t n;
            while ((n = read(term_stderr_log_fd, buf, sizeof buf)) > 0)
                r = write(STDERR_FILENO, buf, (size_t)n);
        }
    }
    (void)r;
}

/* A crash: the terminal back, then the default action of the signal. */
static void term_on_crash_signal(int sig)
{
    term_restore_crashed();
    signal(sig, SIG_DFL);
    raise(sig);
}

static void term_install_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = term_on_quit_signal;
    sa.sa_flags = 0;  /* no SA_RESTART: a blocking read returns so the loop sees the flag */
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    /* ncurses handles SIGTSTP itself (endwin, stop, repaint), inside the
     * handler, wherever the main thread was: in the middle of a frame's
     * output that leaves the terminal and curses' picture of it apart, and
     * later frames, drawn as differences, keep the garbage. SIGCONT follows
     * every stop: the loop repaints the whole screen after it. */
    sa.sa_handler = term_on_continue;
    sa.sa_flags = 0; /* the waiting read returns: the repaint comes at once */
    sigaction(SIGCONT, &sa, NULL);
    sa.sa_handler = term_on_crash_signal;
    sa.sa_flags = SA_RESETHAND;
    sigaction(SIGABRT, &sa, NULL);
#ifndef TERM_SANITIZED
    /* A sanitizer reports these itself (with a stack) and then calls the
     * death callback, which restores the terminal. */
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
    sigaction(SIGFPE, &sa, NULL);
#endif
}

static void term_default_quit_signals(void)
{
    signal(SIGTERM, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
    signal(SIGINT, SIG_DFL);
    signal(SIGCONT, SIG_DFL);
}

/* Sends stderr to a temporary file while curses draws, so a stray message
 * cannot scribble over the screen; term_stop replays it. */
static void term_park_stderr(void)
{
    fflush(stderr);
    term_stderr_log = tmpfile();
    if (!term_stderr_log)
        return;
    term_saved_stderr = dup(STDERR_FILENO);
    term_stderr_log_fd = fileno(term_stderr_log);
    if (term_saved_stderr < 0 || dup2(term_stderr_log_fd, STDERR_FILENO) < 0) {
        term_stderr_log_fd = -1;
        fclose(term_stderr_log);
        term_stderr_log = NULL;
        if (term_saved_stderr >= 0)
            close(term_saved_stderr);
        term_saved_stderr = -1;
    }
}

static void term_unpark_stderr(void)
{
    if (term_saved_stderr < 0)
        return;
    fflush(stderr);
    dup2(term_saved_stderr, STDERR_FILENO);
    close(term_saved_stderr);
    term_saved_stderr = -1;
    term_stderr_log_fd = -1;
    if (term_stderr_log) {
        rewind(term_stderr_log);
        char buf[4096];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, term_stderr_log)) > 0)
            fwrite(buf, 1, n, stderr);
        fclose(term_stderr_log);
        term_stderr_log = NULL;
    }
}

bool term_locale_is_utf8(void)
{
    const char *cs = nl_langinfo(CODESET);
    return cs && (!strcasecmp(cs, "UTF-8") || !strcasecmp(cs, "utf8"));
}

bool term_start(char *err, size_t err_size)
{
    setlocale(LC_ALL, "");
    setlocale(LC_NUMERIC, "C"); /* numbers print as the course prints them: 0.233864, never 0,233864 */
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        snprintf(err, err_size, "the app needs a terminal (stdin and stdout must be a tty)");
        return false;
    }
    term_have_tios = tcgetattr(STDIN_FILENO, &term_saved_tios) == 0;
    /* Before curses changes the terminal: from here on a quit signal only
     * sets the flag, so the loop (or term_stop) restores what newterm set. */
    term_install_signals();
    /* The terminal type is checked first with setupterm, whose result can be
     * freed: newterm failing on an unknown TERM leaks its half-made screen
     * (1624 bytes inside ncurses, reported by the sanitizer build). */
    int term_err = 0;
    bool term_ok = setupterm(NULL, STDOUT_FILENO, &term_err) == OK;
    if (cur_term)
        del_curterm(cur_term);
    term_screen = term_ok ? newterm(NULL, stdout, stdin) : NULL;
    if (!term_screen) {
        term_default_quit_signals();
        const char *t = getenv("TERM");
        snprintf(err, err_size, "cannot use the terminal type '%s'", t ? t : "(unset)");
        return false;
    }
    set_term(term_screen);
    /* A terminal that cannot move the cursor (TERM=dumb, a printer) would
     * get a title line and nothing else: refuse it as an unknown one. */
    const char *cup = tigetstr("cup");
    if (!cup || cup == (const char *)-1) {
        endwin();
        delscreen(term_screen);
        term_screen = NULL;
        term_default_quit_signals();
        const char *t = getenv("TERM");
        snprintf(err, err_size,
                 "the terminal type '%s' cannot move the cursor; run dnn-tutor in a terminal such as xterm "
                 "(TERM=xterm-256color), or use the headless commands (dnn-tutor train, sweep, report)",
                 t ? t : "(unset)");
        return false;
    }
    term_active = 1;
    if (!term_atexit_done) {
        atexit(term_stop);
#ifdef TERM_SANITIZED
        __sanitizer_set_death_callback(term_restore_crashed);
#endif
        term_atexit_done = true;
    }
    raw();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    set_escdelay(25);
    curs_set(0);
    if (has_colors()) {
        start_color();
        use_default_colors();
    }
    term_park_stderr();
    return true;
}

void term_stop(void)
{
    if (!term_active)
        return;
    term_active = 0;
    curs_set(1);
    endwin();
    delscreen(term_screen);
    term_screen = NULL;
    /* endwin restores what ncurses saved last, which a SIGTSTP/SIGCONT
     * arriving mid-change may have made a raw mode: the modes saved before
     * newterm are the ones the learner had. */
    if (term_have_tios)
        tcsetattr(STDIN_FILENO, TCSADRAIN, &term_saved_tios);
    term_unpark_stderr();
    term_default_quit_signals();
}

bool term_run_editor(const char *path, char *err, size_t err_size)
{
    const char *ed = getenv("VISUAL");
    if (!ed || !*ed)
        ed = getenv("EDITOR");
    if (!ed || !*ed)
        ed = "vi";
    char script[1024];
    if ((size_t)snprintf(script, sizeof script, "%s \"$1\"", ed) >= sizeof script) {
        snprintf(err, err_size, "the editor command is too long");
        return false;
    }
    bool curses = term_active && term_screen;
    if (curses) {
        def_prog_mode();
        curs_set(1);
        endwin();
    }
    /* The editor writes its own messages to the real stderr. */
    int parked = -1;
    if (term_saved_stderr >= 0) {
        fflush(stderr);
        parked = dup(STDERR_FILENO);
        dup2(term_saved_stderr, STDERR_FILENO);
    }
    struct sigaction ign, old_int, old_quit;
    memset(&ign, 0, sizeof ign);
    sigemptyset(&ign.sa_mask);
    ign.sa_handler = SIG_IGN;
    pid_t pid = fork();
    if (pid == 0) {
        signal(SIGINT, SIG_DFL);
        signal(SIGQUIT, SIG_DFL);
        signal(SIGTERM, SIG_DFL);
        signal(SIGHUP, SIG_DFL);
        signal(SIGTSTP, SIG_DFL);
        execl("/bin/sh", "sh", "-c", script, "sh", path, (char *)NULL);
        _exit(127);
    }
    int status = 0;
    if (pid > 0) {
        /* Ctrl-C and Ctrl-\ typed into the editor are the editor's. */
        sigaction(SIGINT, &ign, &old_int);
        sigaction(SIGQUIT, &ign, &old_quit);
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
        sigaction(SIGINT, &old_int, NULL);
        sigaction(SIGQUIT, &old_quit, NULL);
    }
    if (parked >= 0) {
        fflush(stderr);
        dup2(parked, STDERR_FILENO);
        close(parked);
    }
    if (curses) {
        reset_prog_mode();
        curs_set(0);
        clearok(curscr, TRUE);
        refresh();
    }
    if (pid < 0) {
        snprintf(err, err_size, "could not start the editor: %s", strerror(errno));
        return false;
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
        snprintf(err, err_size, "the editor '%s' was not found: set VISUAL or EDITOR", ed);
        return false;
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        snprintf(err, err_size, "the editor '%s' did not end well (status %d)", ed,
                 WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
        return false;
    }
    return true;
}

bool term_take_resumed(void)
{
    if (!term_resumed_flag)
        return false;
    term_resumed_flag = 0;
    return true;
}

int term_signalled(void)
{
    return term_signal_flag;
}
