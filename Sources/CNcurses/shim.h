#ifndef DESCENT_CNCURSES_SHIM_H
#define DESCENT_CNCURSES_SHIM_H

// SwiftPM drops the -D flags that pkg-config gives for ncursesw, so the
// wide-character API (cchar_t, setcchar, wadd_wch, wget_wch) has to be
// switched on here, before the header is read.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <ncurses.h>

// Swift does not import function-like macros, and in Swift 6 mode it
// rejects curses' mutable C globals; these wrappers stand in for both.

static inline WINDOW *descent_stdscr(void) { return stdscr; }
static inline FILE *descent_stdin(void) { return stdin; }
static inline FILE *descent_stdout(void) { return stdout; }
static inline int descent_lines(void) { return LINES; }
static inline int descent_cols(void) { return COLS; }
static inline int descent_colors(void) { return COLORS; }
static inline int descent_color_pairs(void) { return COLOR_PAIRS; }

static inline int descent_max_x(WINDOW *window) { return getmaxx(window); }
static inline int descent_max_y(WINDOW *window) { return getmaxy(window); }

static inline attr_t descent_attr_normal(void) { return WA_NORMAL; }
static inline attr_t descent_attr_bold(void) { return WA_BOLD; }

#endif
