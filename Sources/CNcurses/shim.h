// Shim for ncursesw: turns on the wide-character API and exposes to Swift the macros and
// globals it cannot import (or, in Swift 6 mode, cannot touch because they are mutable globals).
// Everything here is a tiny `static inline` accessor so the system library needs no C target.
#ifndef CHUANGWEN_CNCURSES_SHIM_H
#define CHUANGWEN_CNCURSES_SHIM_H

// The wide API (cchar_t, setcchar, wget_wch, ...) is only declared with these, and SwiftPM
// drops pkg-config's -D flags, so they must live here, before <ncurses.h>.
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <wchar.h>
#include <ncurses.h>
#include <term.h>

// Mutable C globals: Swift 6 rejects touching them directly ("not concurrency-safe").
static inline WINDOW *cw_stdscr(void) { return stdscr; }
static inline int cw_cols(void) { return COLS; }
static inline int cw_lines(void) { return LINES; }
static inline int cw_colors(void) { return COLORS; }
static inline int cw_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *cw_stdout(void) { return stdout; }
static inline FILE *cw_stdin(void) { return stdin; }

// Attribute macros (not imported: they are built from NCURSES_BITS).
static inline attr_t cw_a_normal(void) { return A_NORMAL; }
static inline attr_t cw_a_bold(void) { return A_BOLD; }
static inline attr_t cw_a_dim(void) { return A_DIM; }
static inline attr_t cw_a_reverse(void) { return A_REVERSE; }
static inline attr_t cw_a_underline(void) { return A_UNDERLINE; }

// Mouse masks (function-like macros upstream).
static inline mmask_t cw_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t cw_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t cw_button1_double_clicked(void) { return BUTTON1_DOUBLE_CLICKED; }
static inline mmask_t cw_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t cw_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline int cw_getmouse(MEVENT *event) { return getmouse(event); }

// wcwidth is not visible through Glibc in Swift.
static inline int cw_wcwidth(wchar_t c) { return wcwidth(c); }

/// Current codeset name after setlocale (e.g. "UTF-8", "ANSI_X3.4-1968").
static inline const char *cw_codeset(void) { return nl_langinfo(CODESET); }

/// Checks a terminal description without creating a screen or writing anything, so an unusable
/// TERM becomes a typed error instead of ncurses printing "Error opening terminal" and exiting.
/// Returns 1 when usable (has cursor addressing), 0 when known but unusable (hardcopy, dumb),
/// -1 when the terminfo database is missing, -2 when the name is unknown.
static inline int cw_probe_terminal(const char *name, int fd) {
  int err = 0;
  TERMINAL *saved = cur_term;
  if (setupterm((char *)name, fd, &err) != OK) {
    set_curterm(saved);
    return err == -1 ? -1 : (err == 1 ? 0 : -2);
  }
  char *cup = tigetstr("cup");
  int ok = (cup != NULL && cup != (char *)-1);
  TERMINAL *probe = cur_term;
  set_curterm(saved);
  del_curterm(probe);
  return ok ? 1 : 0;
}

#endif
