//go:build linux

package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/goshell/gosh/internal/rldiff"
	"github.com/goshell/gosh/internal/vtscreen"
)

// tallText returns ASCII text, words of seven letters, of about n bytes.
func tallText(n int) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteByte(byte('a' + i%26))
		if i%7 == 6 {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// TestReadlineDiffTallPaste pastes a line three times as tall as the
// terminal into bash 5.2 and gosh and compares the screens: the rows
// still on the screen, the cursor, and the standout of the active region
// over the pasted text; and once the line is accepted and run. (What
// bash shows when the line is edited further is not compared: readline
// then draws over the rows still on the screen as if the line's first
// rows were there, leaves standout behind and loses the prompt; see
// TestTallPasteScreen.)
func TestReadlineDiffTallPaste(t *testing.T) {
	bash := rldiff.BashPath(t)
	paste := "\x1b[200~" + tallText(30*40) + "\x1b[201~"
	for _, tc := range []struct {
		name string
		keys []string
	}{
		{"paste", []string{paste}},
		{"paste then accept", []string{"echo " + paste, "\r"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			size := rldiff.Size{Cols: 40, Rows: 10}
			env := rldiff.Env{Home: t.TempDir()}
			b := rldiff.Start(t, env.Command(t, bash), size)
			cmd := exec.Command(filepath.Join(binDir, "gosh"), "-i", "--norc")
			cmd.Env = env.Prepare(t, "gosh")
			cmd.Dir = env.Home
			g := rldiff.Start(t, cmd, size)
			rldiff.Compare(t, tc.name, b, g, rldiff.Options{Styles: true}, tc.keys...)
		})
	}
}

// tallPicture returns the screen showing rows top..top+rows-1 of line
// (the prompt and ASCII text) wrapped at cols columns, the cursor at byte
// cursor of line.
func tallPicture(line string, cols, rows, top, cursor int) string {
	var all []string
	for i := 0; i <= len(line); i += cols {
		all = append(all, line[i:min(i+cols, len(line))])
	}
	if len(all) > 1 && all[len(all)-1] == "" && cursor != len(line) {
		all = all[:len(all)-1]
	}
	crow, ccol := cursor/cols, cursor%cols
	all[crow] = all[crow][:ccol] + string(vtscreen.CursorMark) + all[crow][ccol:]
	return strings.Join(all[top:min(top+rows, len(all))], "\n")
}

// TestTallPasteScreen pastes lines taller than the terminal into gosh,
// with its extras off and on, and edits them: the screen must show the
// rows of the line around the cursor, the end of the line after the
// paste, its start after C-a, the new prompt's line after C-u.
func TestTallPasteScreen(t *testing.T) {
	const cols, rows = 40, 10
	for _, tc := range []struct {
		name    string
		screens int
		plain   string
	}{
		{"3 screens", 3, "1"},
		{"3 screens with extras", 3, "0"},
		{"200 screens", 200, "1"},
		{"200 screens with extras", 200, "0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			env := rldiff.Env{Home: t.TempDir(), Extra: []string{"GOSH_PLAIN=" + tc.plain}}
			cmd := exec.Command(filepath.Join(binDir, "gosh"), "-i", "--norc")
			cmd.Env = env.Prepare(t, "gosh")
			cmd.Dir = env.Home
			g := rldiff.Start(t, cmd, rldiff.Size{Cols: cols, Rows: rows})
			text := tallText(tc.screens * rows * cols)
			line := rldiff.Prompt + text
			// The first row on the screen with the cursor at the end of
			// line: the line's rows, and the cursor's after a full last row.
			last := func(line string) int { return (len(line)+cols)/cols - rows }
			step := func(keys, want string) {
				t.Helper()
				g.Type(keys)
				deadline := time.Now().Add(10 * time.Second)
				for {
					got := g.Screen()
					if got == want {
						return
					}
					if time.Now().After(deadline) {
						t.Fatalf("after %.40q the screen shows\n%s\nwant\n%s", keys, got, want)
					}
					time.Sleep(20 * time.Millisecond)
				}
			}
			step("\x1b[200~"+text+"\x1b[201~", tallPicture(line, cols, rows, last(line), len(line)))
			line += "X"
			step("X", tallPicture(line, cols, rows, last(line), len(line)))
			step("\x01", tallPicture(line, cols, rows, 0, len(rldiff.Prompt)))
			step("\x05", tallPicture(line, cols, rows, last(line), len(line)))
			step("\x15", rldiff.Prompt+string(vtscreen.CursorMark))
		})
	}
}
