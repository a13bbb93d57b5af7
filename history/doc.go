// Package history is the history list that the line editor and the shell
// share, and the GNU History file it is saved in.
//
// A List holds entries oldest first; every method counts from 0. Base
// gives the number GNU History and bash show for index 0, and Python
// gives Python readline's conventions. Entries keep their text in one
// arena, so that a list read from a file costs little more than the file
// and a search sweeps contiguous memory.
//
// The file format is GNU History's: one entry a line, optionally preceded
// by a "#SECONDS" timestamp line; with timestamps, the lines between two
// timestamps form one multi-line entry. Files written by bash and by
// Python's readline read back the same here, and the other way round.
//
// Several shells may share one file: AppendFile appends under an advisory
// lock in a single write, and rewrites (WriteFile, TruncateFile) build a
// temporary file renamed into place, so the file is never torn, and an
// interrupted rewrite leaves the old file or the new.
package history
