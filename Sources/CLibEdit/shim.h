#ifndef POOLSCHOOL_CLIBEDIT_SHIM_H
#define POOLSCHOOL_CLIBEDIT_SHIM_H

// libedit's readline.h uses FILE without including stdio.h.
#include <stdio.h>
#include <editline/readline.h>

// Swift 6 refuses to write (or read) mutable C globals, so every libedit global
// the shell touches goes through one of these small accessors.

static inline void poolschool_rl_set_readline_name(const char *name) {
    rl_readline_name = name;
}

static inline void poolschool_rl_set_catch_signals(int on) {
    rl_catch_signals = on;
}

static inline void poolschool_rl_set_getc_function(int (*function)(FILE *)) {
    rl_getc_function = function;
}

static inline void poolschool_rl_set_instream(FILE *stream) {
    rl_instream = stream;
}

static inline void poolschool_rl_set_outstream(FILE *stream) {
    rl_outstream = stream;
}

static inline void poolschool_rl_set_attempted_completion(rl_completion_func_t *function) {
    rl_attempted_completion_function = function;
}

static inline void poolschool_rl_set_completion_append_character(int character) {
    rl_completion_append_character = character;
}

static inline void poolschool_rl_set_attempted_completion_over(int over) {
    rl_attempted_completion_over = over;
}

static inline const char *poolschool_rl_line_buffer(void) {
    return rl_line_buffer;
}

#endif
