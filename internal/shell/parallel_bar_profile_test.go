package shell

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

func TestParBarProfile(t *testing.T) {
	var buf bytes.Buffer
	if p := detectBarProfile(&buf, nil); p != profileNoTTY {
		t.Errorf("a buffer: profile %d, want plain", p)
	}
	if p := detectBarProfile(&buf, []string{"CLICOLOR_FORCE=1"}); p != profileANSI {
		t.Errorf("CLICOLOR_FORCE=1: profile %d, want colour", p)
	}
	if p := detectBarProfile(&buf, []string{"CLICOLOR_FORCE=1", "NO_COLOR=1"}); p != profileASCII {
		t.Errorf("CLICOLOR_FORCE=1 NO_COLOR=1: profile %d, want attributes", p)
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if p := detectBarProfile(w, []string{"TERM=xterm"}); p != profileNoTTY {
		t.Errorf("a pipe: profile %d, want plain", p)
	}

	b := newParBar(&buf, 4, nil)
	b.draw(2, 1, 1)
	if got := buf.String(); strings.Contains(got, "\x1b") || !strings.HasPrefix(got, "\r 50% ") {
		t.Errorf("plain bar: %q", got)
	}
	buf.Reset()
	b = newParBar(&buf, 4, []string{"CLICOLOR_FORCE=1"})
	b.draw(2, 1, 1)
	if got := buf.String(); !strings.Contains(got, "\x1b[1m 50% \x1b[m\x1b[32m━") || !strings.Contains(got, "\x1b[1;31m  1 failed\x1b[m") {
		t.Errorf("colour bar: %q", got)
	}
}
