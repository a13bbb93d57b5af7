package shell

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// fc's editing form: the commands go to a file, the editor runs on it in
// the shell (as a command of its own, under job control), and a second
// call of fc, which the first leaves after the editor, runs what was
// saved.

// fcEdit writes the commands to a file for the editor (-e, else $FCEDIT,
// else $EDITOR, else vi) and returns the command that runs the editor in
// the shell and then finishes the edit (fcPost).
func (s *Shell) fcEdit(text string, o *fcArgs, stderr io.Writer) []string {
	f, err := os.CreateTemp("", "gosh-fc.*")
	if err != nil {
		fmt.Fprintf(stderr, "gosh: fc: cannot open temp file: %v\n", err)
		return statusCommand(1)
	}
	_, err = f.WriteString(text)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		fmt.Fprintf(stderr, "gosh: fc: %v\n", err)
		return statusCommand(1)
	}
	var tok [8]byte
	rand.Read(tok[:]) //nolint:errcheck // never fails
	token := hex.EncodeToString(tok[:])
	st := s.integ()
	st.mu.Lock()
	if st.fcEdits == nil {
		st.fcEdits = map[string]fcEdit{}
	}
	st.fcEdits[token] = fcEdit{file: f.Name()}
	st.mu.Unlock()
	editor := "${FCEDIT:-${EDITOR:-vi}}"
	if o.hasEditor {
		editor = o.editor
	}
	return []string{"eval", editor + " " + singleQuote(f.Name()) + "\nfc " + fcPostOption + token + " $?"}
}

// fcPost finishes an edit once the editor has run with the given status:
// the file's commands are echoed, put in the history and run, unless the
// editor failed.
func (s *Shell) fcPost(token string, rest []string, stderr io.Writer) []string {
	st := s.integ()
	st.mu.Lock()
	ed, ok := st.fcEdits[token]
	delete(st.fcEdits, token)
	st.mu.Unlock()
	if !ok {
		fmt.Fprintf(stderr, "gosh: fc: %s: invalid option\n%s\n", fcPostOption[:2], fcUsage)
		return statusCommand(2)
	}
	data, err := os.ReadFile(ed.file)
	os.Remove(ed.file)
	if len(rest) > 0 && rest[0] != "0" {
		return statusCommand(1)
	}
	if err != nil {
		fmt.Fprintf(stderr, "gosh: fc: %v\n", err)
		return statusCommand(1)
	}
	text := strings.TrimRight(string(data), "\n")
	if strings.TrimSpace(text) == "" {
		return statusCommand(0)
	}
	fmt.Fprintln(stderr, text)
	h := s.shellHistory(s.varGetter())
	s.histMu.Lock()
	if h.session {
		h.list.AddTime(historyText(text), time.Now())
		h.unsaved = min(h.unsaved+1, h.list.Len())
	}
	s.histMu.Unlock()
	return []string{"eval", text}
}
