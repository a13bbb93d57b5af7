// Package inputrc reads GNU Readline init files (~/.inputrc,
// /etc/inputrc) and holds what they configure: the bindable function
// names, the eight keymaps and their key bindings and macros, and
// readline's variables. It follows GNU Readline 8.2 closely enough that
// printing a Config back with DumpFunctions, DumpMacros and DumpVariables
// gives, byte for byte, what bash's bind -p, bind -s and bind -v print for
// the same file.
//
// A Config starts from readline's defaults (New), reads the user's file
// (Init, or ReadFile for `bind -f` and ParseLine for `bind 'LINE'`), and is
// then consulted by a line editor: Lookup finds what a key sequence runs.
// Problems in a file never stop the reading: each is recorded as a Warning
// naming the file and line, and the next line is read, as readline does.
//
// The package does no terminal I/O and knows nothing about what the
// functions do; the line editor attaches behaviour to Function names.
package inputrc
