package history

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestReadFileRange(t *testing.T) {
	path := filepath.Join(t.TempDir(), "h")
	writeFile(t, path, "l0\nl1\nl2\nl3\nl4\n")
	tests := []struct {
		from, to int
		want     string
	}{
		{0, -1, "l0|l1|l2|l3|l4"},
		{2, -1, "l2|l3|l4"},
		{1, 3, "l1|l2"},
		{5, -1, ""},
	}
	for _, tt := range tests {
		l := New()
		if err := l.ReadFileRange(path, tt.from, tt.to); err != nil {
			t.Fatal(err)
		}
		if got := lines(l); got != tt.want {
			t.Errorf("range %d-%d: %q, want %q", tt.from, tt.to, got, tt.want)
		}
	}
}

func TestTimestampsAndMultiline(t *testing.T) {
	path := filepath.Join(t.TempDir(), "h")
	writeFile(t, path, "#1700000000\nfor i in 1 2\ndo echo\ndone\n#1700000060\nls\n")
	l := New()
	l.WriteTimestamps, l.CommentChar = true, '#'
	if err := l.ReadFile(path); err != nil {
		t.Fatal(err)
	}
	if got := lines(l); got != "for i in 1 2\ndo echo\ndone|ls" {
		t.Fatalf("entries %q", got)
	}
	if tm, ok := l.Time(1); !ok || tm.Unix() != 1700000060 {
		t.Errorf("time of entry 1: %v %v", tm, ok)
	}
	out := filepath.Join(t.TempDir(), "out")
	if err := l.WriteFile(out); err != nil {
		t.Fatal(err)
	}
	if got, want := readFile(t, out), readFile(t, path); got != want {
		t.Errorf("written back:\n%q\nwant\n%q", got, want)
	}
}

func TestReadNew(t *testing.T) {
	path := filepath.Join(t.TempDir(), "h")
	a, b := New(), New()
	a.Add("from a 1")
	if err := a.AppendFile(path, 1); err != nil {
		t.Fatal(err)
	}
	if err := b.ReadFile(path); err != nil {
		t.Fatal(err)
	}
	a.Add("from a 2")
	a.Add("from a 3")
	a.AppendFile(path, 2)
	if err := b.ReadNew(path); err != nil {
		t.Fatal(err)
	}
	if got := lines(b); got != "from a 1|from a 2|from a 3" {
		t.Errorf("after ReadNew: %q", got)
	}
	if err := b.ReadNew(path); err != nil || lines(b) != "from a 1|from a 2|from a 3" {
		t.Errorf("second ReadNew read again: %q %v", lines(b), err)
	}
}

func TestAppendAndTruncate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "h")
	l := New()
	for _, s := range []string{"a", "b", "c", "d"} {
		l.Add(s)
	}
	if err := l.AppendFile(path, 3); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, path); got != "b\nc\nd\n" {
		t.Fatalf("append: %q", got)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("new file mode %v", fi.Mode().Perm())
	}
	if err := l.TruncateFile(path, 2); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, path); got != "c\nd\n" {
		t.Fatalf("truncate: %q", got)
	}
}

func TestRewriteKeepsModeAndLink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real")
	writeFile(t, target, "old\n")
	os.Chmod(target, 0o640)
	link := filepath.Join(dir, "link")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	l := New()
	l.Add("new")
	if err := l.WriteFile(link); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v", err)
	}
	if got := readFile(t, target); got != "new\n" {
		t.Errorf("target holds %q", got)
	}
	if fi, _ := os.Stat(target); fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", fi.Mode().Perm())
	}
}

func TestReadErrors(t *testing.T) {
	l := New()
	if err := l.ReadFile(filepath.Join(t.TempDir(), "missing")); !os.IsNotExist(err) {
		t.Errorf("missing file: %v", err)
	}
	if err := l.ReadFile(t.TempDir()); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("directory: %v", err)
	}
}

// TestTruncateOracle compares TruncateFile with GNU History's
// history_truncate_file as python3 calls it.
func TestTruncateOracle(t *testing.T) {
	py := needPython(t)
	contents := []string{
		"a\nb\nc\nd\n", "a\n", "", "a\nb", "#1\na\n#2\nb\n#3\nc\n", "\n\n\nx\n\n", "a\r\nb\r\nc\r\n",
	}
	dir := t.TempDir()
	for _, c := range contents {
		for _, n := range []int{0, 1, 2, 3, 10} {
			ours, theirs := filepath.Join(dir, "ours"), filepath.Join(dir, "theirs")
			writeFile(t, ours, c)
			writeFile(t, theirs, c)
			if err := New().TruncateFile(ours, n); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(py, "-c", "import readline, sys\nreadline.set_history_length(int(sys.argv[2]))\nreadline.append_history_file(0, sys.argv[1])", theirs, strconv.Itoa(n))
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("python3: %v %s", err, out)
			}
			if got, want := readFile(t, ours), readFile(t, theirs); got != want {
				t.Errorf("truncate %q to %d: %q, GNU History %q", c, n, got, want)
			}
		}
	}
}
