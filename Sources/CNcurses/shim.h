// Shim for ncursesw: turns on the wide-character API and exposes to Swift the macros and
// globals it cannot import (or, in Swift 6 mode, cannot touch because they are mutable globals).
#ifndef CHUANGWEN_CNCURSES_SHIM_H
#define CHUANGWEN_CNCURSES_SHIM_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncurses.h>

static inline WINDOW *cw_stdscr(void) { return stdscr; }
static inline int cw_cols(void) { return COLS; }
static inline int cw_lines(void) { return LINES; }

#endif
