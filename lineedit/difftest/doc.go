// Package difftest holds the differential tests of the completion
// display: the same keys typed into bash 5.2 (GNU Readline 8.2) and into
// a lineedit.Editor completing file names must leave the same screen.
// The package has no code of its own outside its tests; the test binary
// doubles as the program under test (see TestMain).
package difftest
