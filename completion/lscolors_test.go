package completion

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestLSColorsStyle(t *testing.T) {
	const spec = "di=01;34:ln=01;36:ex=01;32:*.tar=01;31:*.TAR=00;35:*.go=33:*README=04:su=37;41:tw=30;42:ow=34;42:or=40;31;01"
	c := ParseLSColors(spec)
	tests := []struct {
		name string
		mode fs.FileMode
		want string
	}{
		{"dir", fs.ModeDir | 0o755, "01;34"},
		{"tmp", fs.ModeDir | fs.ModeSticky | 0o777, "30;42"},
		{"pub", fs.ModeDir | 0o777, "34;42"},
		{"link", fs.ModeSymlink | 0o777, "01;36"},
		{"prog", 0o755, "01;32"},
		{"prog.go", 0o755, "01;32"}, // executable wins over the suffix
		{"main.go", 0o644, "33"},
		{"MAIN.GO", 0o644, "33"},  // case-insensitive suffix
		{"x.tar", 0o644, "00;35"}, // *.TAR, defined last, wins
		{"README", 0o644, "04"},   // a suffix without a dot
		{"plain", 0o644, ""},      // no fi colour
		{"sudo", fs.ModeSetuid | 0o755, "37;41"},
		{"fifo", fs.ModeNamedPipe | 0o644, "33"}, // ls's default pi
		{"sock", fs.ModeSocket | 0o644, "01;35"},
		{"tty", fs.ModeDevice | fs.ModeCharDevice | 0o644, "01;33"},
		{"sda", fs.ModeDevice | 0o644, "01;33"},
	}
	for _, tt := range tests {
		if got := c.Style(tt.name, tt.mode); got != tt.want {
			t.Errorf("Style(%q, %v) = %q, want %q", tt.name, tt.mode, got, tt.want)
		}
	}
}

func TestParseLSColors(t *testing.T) {
	tests := []struct {
		spec       string
		name       string
		mode       fs.FileMode
		want       string
		nilResult  bool
		linkTarget bool
	}{
		{spec: "", name: "d", mode: fs.ModeDir, want: "01;34"},           // ls's default
		{spec: "di=:", name: "d", mode: fs.ModeDir, want: ""},            // emptied
		{spec: "di=1;31::::", name: "d", mode: fs.ModeDir, want: "1;31"}, // empty entries
		{spec: `*\_x=4`, name: "a x", mode: 0, want: "4"},                // \_ is a space
		{spec: `*.a\:b=4`, name: "f.a:b", mode: 0, want: "4"},            // escaped colon
		{spec: `fi=\e[1`, name: "f", mode: 0, want: "\x1b[1"},            // \e
		{spec: `fi=^[x`, name: "f", mode: 0, want: "\x1bx"},              // caret
		{spec: `fi=\033\x1B`, name: "f", mode: 0, want: "\x1b\x1b"},      // octal, hex
		{spec: "xx=1:fi=2", name: "f", mode: 0, want: "2"},               // unknown type key
		{spec: "ln=target", name: "l", mode: fs.ModeSymlink, want: "01;36", linkTarget: true},
		{spec: "*.c=1:*.c=2", name: "a.c", mode: 0, want: "2"}, // redefined
		{spec: "di", nilResult: true},
		{spec: `fi=\`, nilResult: true},
		{spec: `fi=^`, nilResult: true},
		{spec: "abc=1", nilResult: true},
	}
	for _, tt := range tests {
		c := ParseLSColors(tt.spec)
		if tt.nilResult {
			if c != nil {
				t.Errorf("ParseLSColors(%q) parsed", tt.spec)
			}
			continue
		}
		if c == nil {
			t.Errorf("ParseLSColors(%q) = nil", tt.spec)
			continue
		}
		if got := c.Style(tt.name, tt.mode); got != tt.want {
			t.Errorf("ParseLSColors(%q).Style(%q) = %q, want %q", tt.spec, tt.name, got, tt.want)
		}
		if c.LinkTarget != tt.linkTarget {
			t.Errorf("ParseLSColors(%q).LinkTarget = %v", tt.spec, c.LinkTarget)
		}
	}
	var none *LSColors
	if none.Style("x", fs.ModeDir) != "" {
		t.Errorf("nil LSColors styled")
	}
}

// TestLSColorsOracle compares Style with the colours GNU ls prints for
// the same files and LS_COLORS.
func TestLSColorsOracle(t *testing.T) {
	out, err := exec.Command("ls", "--version").Output()
	if err != nil || !bytes.Contains(out, []byte("GNU coreutils")) {
		t.Skip("GNU ls is not installed")
	}
	dir := t.TempDir()
	files := map[string]fs.FileMode{
		"plain": 0o644, "prog": 0o755, "main.go": 0o644, "ARCHIVE.TGZ": 0o644,
		"x.tgz": 0o644, "README": 0o644, "setuid": fs.ModeSetuid | 0o755,
	}
	for name, mode := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		os.Chmod(p, mode)
	}
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	os.Mkdir(filepath.Join(dir, "open"), 0o777)
	os.Chmod(filepath.Join(dir, "open"), 0o777)
	os.Symlink("plain", filepath.Join(dir, "link"))
	for _, spec := range []string{
		"",
		"di=01;31:*.go=33:*.tgz=01;35:*README=04:ex=32",
		"fi=07:ow=:*.TGZ=1:*.tgz=2:su=",
	} {
		cmd := exec.Command("ls", "--color=always", "-1", "-U", dir)
		cmd.Env = []string{"LS_COLORS=" + spec, "LC_ALL=C", "TERM=xterm"}
		out, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		c := ParseLSColors(spec)
		re := regexp.MustCompile(`^(?:\x1b\[0m)?(?:\x1b\[([0-9;]*)m)?([^\x1b]+)`)
		for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			m := re.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			name, want := m[2], m[1]
			fi, err := os.Lstat(filepath.Join(dir, name))
			if err != nil {
				t.Fatalf("ls listed %q: %v", name, err)
			}
			if got := c.Style(name, fi.Mode()); got != want {
				t.Errorf("LS_COLORS=%q %s (%v): Style %q, ls %q", spec, name, fi.Mode(), got, want)
			}
		}
	}
}

func FuzzParseLSColors(f *testing.F) {
	for _, s := range []string{"", "di=01;34:*.go=33", `*\_x=\e[1:ln=target`, "fi=^", `\x`, "*.A=1:*.a=2"} {
		f.Add(s, "name.a")
	}
	f.Fuzz(func(t *testing.T, spec, name string) {
		c := ParseLSColors(spec)
		if c == nil {
			return
		}
		for _, m := range []fs.FileMode{0, 0o755, fs.ModeDir, fs.ModeSymlink, fs.ModeSetuid | 0o755, fs.ModeDevice} {
			s := c.Style(name, m)
			// A style comes from the spec or ls's defaults, never from
			// nowhere: each byte of it appears in one of those.
			if s != "" && !strings.Contains(unescapeAll(spec), s) && !isDefault(s) {
				t.Fatalf("Style(%q, %v) = %q, not in %q", name, m, s, spec)
			}
		}
	})
}

func unescapeAll(spec string) string {
	var b strings.Builder
	for len(spec) > 0 {
		var e string
		e, spec, _ = cutUnescaped(spec, ':')
		_, v, _ := cutUnescaped(e, '=')
		u, _ := lsUnescape(v)
		b.WriteString(u + "\x00")
	}
	return b.String()
}

func isDefault(s string) bool {
	for _, d := range lsDefaults {
		if d.sgr == s {
			return true
		}
	}
	return false
}
