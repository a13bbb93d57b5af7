package history

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The oracle tests read and write history files with gosh, with python3's
// readline module (GNU History through Python) and with bash 5.2, and
// require the same entries from each.

func needPython(t *testing.T) string {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found: the differential test needs python3 with the readline module (apt-get install python3)")
	}
	if err := exec.Command(py, "-c", "import readline").Run(); err != nil {
		t.Skip("python3 has no readline module")
	}
	return py
}

func needBash(t *testing.T) string {
	t.Helper()
	b, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash not found: the differential test needs bash 5.2")
	}
	out, _ := exec.Command(b, "-c", `echo "$BASH_VERSION"`).Output()
	if !strings.HasPrefix(string(out), "5.2") {
		t.Skipf("bash 5.2 needed, found %q", out)
	}
	return b
}

// pythonRead returns the entries python3's readline reads from path.
func pythonRead(t *testing.T, py, path string) []string {
	t.Helper()
	out, err := exec.Command(py, "-c", `
import json, readline, sys
readline.read_history_file(sys.argv[1])
print(json.dumps([readline.get_history_item(i) for i in range(1, readline.get_current_history_length() + 1)]))
`, path).Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	var entries []string
	if err := json.Unmarshal(out, &entries); err != nil {
		t.Fatal(err)
	}
	return entries
}

// pythonWrite writes entries with python3's readline.write_history_file.
func pythonWrite(t *testing.T, py, path string, entries []string) {
	t.Helper()
	js, _ := json.Marshal(entries)
	cmd := exec.Command(py, "-c", `
import json, readline, sys
for e in json.loads(sys.argv[2]):
    readline.add_history(e)
readline.write_history_file(sys.argv[1])
`, path, string(js))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("python3: %v\n%s", err, out)
	}
}

// bashEntry splits `history` output into entries: "%5d  %s" per entry,
// continuation lines of multi-line entries following.
var bashEntry = regexp.MustCompile(`(?m)^ *[0-9]+  `)

// bashRead returns the entries bash reads from path with history -r,
// with HISTTIMEFORMAT set or not.
func bashRead(t *testing.T, bash, path string, timestamps bool) []string {
	t.Helper()
	// HISTTIMEFORMAT is assigned in the script: bash acts on it when it
	// is set, as in a user's .bashrc, not when it comes in the environment.
	script := `set -o history; history -c; history -r "$1"; unset HISTTIMEFORMAT; history`
	if timestamps {
		script = `HISTTIMEFORMAT='%s '; ` + script
	}
	cmd := exec.Command(bash, "--norc", "--noprofile", "-c", script, "bash", path)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir()}
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("bash: %v", err)
	}
	return splitBashHistory(string(out))
}

func splitBashHistory(out string) []string {
	idx := bashEntry.FindAllStringIndex(out, -1)
	var entries []string
	for k, m := range idx {
		end := len(out)
		if k+1 < len(idx) {
			end = idx[k+1][0]
		}
		entries = append(entries, strings.TrimSuffix(out[m[1]:end], "\n"))
	}
	return entries
}

// bashWrite writes entries with bash's history -s and history -w.
func bashWrite(t *testing.T, bash, path string, entries []string, timestamps bool) {
	t.Helper()
	script := `set -o history; history -c; for e in "${@:2}"; do history -s "$e"; done; history -w "$1"`
	if timestamps {
		script = `HISTTIMEFORMAT='%s '; ` + script
	}
	cmd := exec.Command(bash, append([]string{"--norc", "--noprofile", "-c", script, "bash", path}, entries...)...)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir()}
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("bash: %v\n%s", err, out)
	}
}

// goshRead reads path as a reader configured like python (or bash without
// HISTTIMEFORMAT), or like bash with HISTTIMEFORMAT.
func goshRead(t *testing.T, path string, timestamps bool) []string {
	t.Helper()
	l := New()
	if timestamps {
		l.WriteTimestamps, l.CommentChar = true, '#'
	}
	if err := l.ReadFile(path); err != nil {
		t.Fatal(err)
	}
	var out []string
	for i := 0; i < l.Len(); i++ {
		out = append(out, l.Line(i))
	}
	return out
}

var oracleFiles = map[string]string{
	"plain":        "ls\necho hello world\ncd /tmp\n",
	"timestamps":   "#1700000000\nls\n#1700000001\necho a\necho b\n#1700000002\ncd\n",
	"crlf-empty":   "a\r\n\r\nb\n\n\nc\r\n",
	"unterminated": "first\nsecond\nno newline",
	"comments":     "echo 1\n#1700000000\necho 2\n# not a stamp\n#12 stamp\n",
	"stamp-first":  "#5\nx\n#6\ny\nz\n",
	"unicode":      "echo héllo wörld\nprintf '日本語'\n",
	"only-stamps":  "#1\n#2\n#3\n",
	"spaces":       "   indented\n\ttabbed\n",
}

func TestOracleReadFiles(t *testing.T) {
	py := needPython(t)
	bash := needBash(t)
	dir := t.TempDir()
	for name, content := range oracleFiles {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		if want, got := pythonRead(t, py, path), goshRead(t, path, false); !equalEntries(want, got) {
			t.Errorf("%s: python3 reads %q, gosh %q", name, want, got)
		}
		for _, ts := range []bool{false, true} {
			if want, got := bashRead(t, bash, path, ts), goshRead(t, path, ts); !equalEntries(want, got) {
				t.Errorf("%s (HISTTIMEFORMAT set: %v): bash reads %q, gosh %q", name, ts, want, got)
			}
		}
	}
}

func equalEntries(a, b []string) bool {
	return len(a) == len(b) && (len(a) == 0 || reflect.DeepEqual(a, b))
}

var oracleEntries = []string{"ls -l", "echo 'two words'", "for i in 1 2\ndo echo $i\ndone", "ünïcode ✓", "   leading space", "#not a stamp"}

// TestOracleWriteFiles writes with each program and reads with the others.
func TestOracleWriteFiles(t *testing.T) {
	py := needPython(t)
	bash := needBash(t)
	dir := t.TempDir()

	// gosh writes; python3 and bash read what gosh reads back.
	for _, ts := range []bool{false, true} {
		l := New()
		l.WriteTimestamps = ts
		for i, e := range oracleEntries {
			l.AddTime(e, time.Unix(1700000000+int64(i), 0))
		}
		path := filepath.Join(dir, "gosh-written")
		if err := l.WriteFile(path); err != nil {
			t.Fatal(err)
		}
		if want, got := goshRead(t, path, false), pythonRead(t, py, path); !equalEntries(want, got) {
			t.Errorf("gosh-written (timestamps %v): python3 reads %q, gosh %q", ts, got, want)
		}
		if want, got := goshRead(t, path, ts), bashRead(t, bash, path, ts); !equalEntries(want, got) {
			t.Errorf("gosh-written (timestamps %v): bash reads %q, gosh %q", ts, got, want)
		}
		if ts {
			if got := goshRead(t, path, true); !equalEntries(got, oracleEntries) {
				t.Errorf("gosh-written with timestamps reads back as %q", got)
			}
		}
	}

	// python3 writes; gosh reads what python3 reads.
	path := filepath.Join(dir, "python-written")
	pythonWrite(t, py, path, oracleEntries)
	if want, got := pythonRead(t, py, path), goshRead(t, path, false); !equalEntries(want, got) {
		t.Errorf("python-written: python3 reads %q, gosh %q", want, got)
	}

	// bash writes, with and without timestamps; gosh reads what bash reads.
	for _, ts := range []bool{false, true} {
		path := filepath.Join(dir, "bash-written")
		bashWrite(t, bash, path, oracleEntries, ts)
		if want, got := bashRead(t, bash, path, ts), goshRead(t, path, ts); !equalEntries(want, got) {
			t.Errorf("bash-written (timestamps %v): bash reads %q, gosh %q", ts, want, got)
		}
		if want, got := pythonRead(t, py, path), goshRead(t, path, false); !equalEntries(want, got) {
			t.Errorf("bash-written (timestamps %v): python3 reads %q, gosh %q", ts, want, got)
		}
	}
}
