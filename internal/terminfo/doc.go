// Package terminfo reads compiled terminfo entries, the binary files that
// ncurses' tic writes under directories such as /usr/share/terminfo.
//
// GNU Readline binds the key sequences a terminal sends (arrow keys, Home,
// End, Delete, Insert, PageUp and PageDown, ...) from the terminal's terminfo
// entry; this package gives gosh the same information without cgo and
// without linking ncurses.
//
// [Load] finds and decodes the entry for a terminal name the way ncurses
// does; [Parse] decodes the bytes of one compiled entry, both the legacy
// format and ncurses' extended-number format, including the user-defined
// (extended) capabilities such as kUP5 that follow the predefined ones.
//
// Only the directory-tree database is supported, not the hashed (Berkeley DB)
// variant that ncurses can be built with.
package terminfo
