//go:build linux

package difftest

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/term"

	"github.com/goshell/gosh/completion"
	"github.com/goshell/gosh/lineedit"
)

// editorEnv, when set in the environment, makes the test binary run a
// line editor instead of the tests: the program the tests compare with
// bash.
const editorEnv = "GOSH_DIFFTEST_EDITOR"

func TestMain(m *testing.M) {
	if os.Getenv(editorEnv) != "" {
		runEditor()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// runEditor reads lines with lineedit.Editor, completing file names in
// the working directory, until the end of input. It runs nothing.
func runEditor() {
	ed := lineedit.NewEditor()
	e := ed.Engine()
	ed.Completer = fileCompleter{e}
	if _, rows, err := term.GetSize(0); err == nil {
		// The editor does not tell the engine the terminal's height.
		e.Height = rows
	}
	for {
		_, err := ed.ReadLine(os.Getenv("PS1"))
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil && !errors.Is(err, lineedit.ErrInterrupt) {
			return
		}
	}
}

// fileCompleter completes the word before the cursor as a file name,
// as readline's rl_filename_completion_function does in bash: the
// entries of the word's directory that start with its last part (as
// completion-ignore-case and completion-map-case say), hidden ones only
// when that part starts with a dot.
type fileCompleter struct{ e *lineedit.Engine }

func (f fileCompleter) Complete(line string, cursor int) completion.Result {
	start := strings.LastIndexAny(line[:cursor], " \t") + 1
	word := line[start:cursor]
	dir, base := "", word
	if i := strings.LastIndexByte(word, '/'); i >= 0 {
		dir, base = word[:i+1], word[i+1:]
	}
	r := completion.Result{Start: start, End: cursor}
	entries, err := os.ReadDir(filepath.Join(".", dir))
	if err != nil {
		return r
	}
	match := f.e.CompletionMatcher()
	for _, ent := range entries {
		name := ent.Name()
		if strings.HasPrefix(name, ".") && !strings.HasPrefix(base, ".") {
			continue
		}
		if !match(name, base) {
			continue
		}
		c := completion.Candidate{Text: dir + name, Display: name, Kind: completion.KindFile}
		path := filepath.Join(".", dir, name)
		if fi, err := os.Lstat(path); err == nil {
			c.Mode = fi.Mode()
			switch m := fi.Mode(); {
			case m&os.ModeSymlink != 0:
				c.Kind = completion.KindSymlink
				if st, err := os.Stat(path); err == nil && st.IsDir() {
					c.Suffix = completion.NoSuffix // a link to a directory
				}
			case m.IsDir():
				c.Kind = completion.KindDirectory
			case m&0o111 != 0:
				c.Kind = completion.KindExecutable
			}
		}
		r.Candidates = append(r.Candidates, c)
	}
	return r
}
