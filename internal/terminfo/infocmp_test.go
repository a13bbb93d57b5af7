package terminfo

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The tests in this file compare what this package decodes with what
// ncurses' own infocmp prints for the same file. They skip when infocmp or
// the terminal's entry is missing (Debian: apt-get install ncurses-bin
// ncurses-base).

// keyCaps are the capabilities gosh binds keys from.
var keyCaps = []string{
	"kcuu1", "kcud1", "kcuf1", "kcub1", "khome", "kend", "kdch1", "kich1",
	"knp", "kpp", "kbs", "kcbt", "kf1", "kf12", "smkx", "rmkx", "kUP5", "kDN5",
}

func TestInfocmp(t *testing.T) {
	needTool(t, "infocmp")
	for _, term := range []string{
		"xterm", "xterm-256color", "linux", "screen", "screen-256color", "tmux-256color",
		"vt100", "vt220", "dumb", "ansi", "rxvt", "rxvt-unicode-256color", "Eterm",
	} {
		t.Run(term, func(t *testing.T) {
			got, path, err := find(term, searchDirs(os.Getenv))
			if errors.Is(err, ErrNotFound) {
				t.Skipf("no terminfo entry for %s on this system (install ncurses-base or ncurses-term)", term)
			}
			if err != nil {
				t.Fatal(err)
			}
			compareWithInfocmp(t, got, path)
			var keys []string
			for _, k := range keyCaps {
				if v, ok := got.Strings[k]; ok {
					keys = append(keys, fmt.Sprintf("%s=%q", k, v))
				}
			}
			t.Logf("%s: %s", path, strings.Join(keys, " "))
		})
	}
}

// TestInfocmpAllSystemEntries decodes every entry in the system
// directories and compares each with infocmp.
func TestInfocmpAllSystemEntries(t *testing.T) {
	needTool(t, "infocmp")
	var paths []string
	for _, dir := range systemDirs {
		files, _ := filepath.Glob(filepath.Join(dir, "*", "*"))
		paths = append(paths, files...)
	}
	if len(paths) == 0 {
		t.Skipf("no terminfo entries in %v", systemDirs)
	}
	if testing.Short() && len(paths) > 50 {
		paths = paths[:50]
	}
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		got, err := Parse(data)
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		compareWithInfocmp(t, got, path)
	}
	t.Logf("compared %d entries", len(paths))
}

// compareWithInfocmp checks got, decoded from the file at path
// (DIR/x/NAME), against what infocmp prints for that file.
func compareWithInfocmp(t *testing.T, got *Terminfo, path string) {
	t.Helper()
	dir, term := filepath.Dir(filepath.Dir(path)), filepath.Base(path)
	out, err := exec.Command("infocmp", "-1", "-x", "-U", "-A", dir, term).Output()
	if err != nil {
		t.Errorf("infocmp %s: %v", path, err)
		return
	}
	want, source, err := parseInfocmp(string(out))
	if err != nil {
		t.Errorf("infocmp %s: %v", path, err)
		return
	}
	if !sameFile(source, path) {
		t.Errorf("infocmp read %s, want %s", source, path)
	}
	// infocmp always prints acsc with its pairs sorted; the file keeps
	// them as written.
	if acsc, ok := got.Strings["acsc"]; ok {
		got = &Terminfo{Names: got.Names, Bools: got.Bools, Numbers: got.Numbers, Strings: maps.Clone(got.Strings)}
		got.Strings["acsc"] = sortACSC(acsc)
	}
	for _, d := range diffTerminfo(got, want) {
		t.Errorf("%s: %s", path, d)
	}
}

// sortACSC sorts the character pairs of an acsc value by their first
// character, as infocmp does.
func sortACSC(s string) string {
	var pairs []string
	for ; len(s) >= 2; s = s[2:] {
		pairs = append(pairs, s[:2])
	}
	slices.SortStableFunc(pairs, func(a, b string) int { return int(a[0]) - int(b[0]) })
	return strings.Join(pairs, "") + s
}

func sameFile(a, b string) bool {
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(sa, sb)
}

// diffTerminfo describes how got differs from want.
func diffTerminfo(got, want *Terminfo) []string {
	var diffs []string
	if !slices.Equal(got.Names, want.Names) {
		diffs = append(diffs, fmt.Sprintf("Names = %q, want %q", got.Names, want.Names))
	}
	diffs = append(diffs, diffMap("Bools", got.Bools, want.Bools)...)
	diffs = append(diffs, diffMap("Numbers", got.Numbers, want.Numbers)...)
	diffs = append(diffs, diffMap("Strings", got.Strings, want.Strings)...)
	return diffs
}

func diffMap[V comparable](what string, got, want map[string]V) []string {
	var diffs []string
	for _, k := range slices.Sorted(maps.Keys(want)) {
		if g, ok := got[k]; !ok {
			diffs = append(diffs, fmt.Sprintf("%s[%q] missing, want %#v", what, k, want[k]))
		} else if g != want[k] {
			diffs = append(diffs, fmt.Sprintf("%s[%q] = %#v, want %#v", what, k, g, want[k]))
		}
	}
	for _, k := range slices.Sorted(maps.Keys(got)) {
		if _, ok := want[k]; !ok {
			diffs = append(diffs, fmt.Sprintf("%s[%q] = %#v, not in infocmp's output", what, k, got[k]))
		}
	}
	return diffs
}

// parseInfocmp decodes the output of "infocmp -1 -x": a comment naming the
// source file, the names line, then one capability per line ("am,",
// "cols#80,", "kcuu1=\EOA,", cancelled "kf1@,").
func parseInfocmp(out string) (ti *Terminfo, source string, err error) {
	ti = &Terminfo{Bools: map[string]bool{}, Numbers: map[string]int{}, Strings: map[string]string{}}
	for line := range strings.Lines(out) {
		line = strings.TrimRight(line, "\n")
		switch {
		case line == "":
		case strings.HasPrefix(line, "#"):
			if _, f, ok := strings.Cut(line, "from file: "); ok {
				source = f
			}
		case !strings.HasPrefix(line, "\t"):
			if ti.Names != nil {
				return nil, "", fmt.Errorf("second names line %q", line)
			}
			ti.Names = strings.Split(strings.TrimSuffix(line, ","), "|")
		default:
			field, ok := strings.CutSuffix(strings.TrimPrefix(line, "\t"), ",")
			if !ok {
				return nil, "", fmt.Errorf("unexpected line %q", line)
			}
			i := strings.IndexAny(field, "=#@")
			switch {
			case i < 0:
				ti.Bools[field] = true
			case field[i] == '@':
				// Cancelled: left out, like absent capabilities.
			case field[i] == '#':
				n, err := strconv.ParseInt(field[i+1:], 0, 32)
				if err != nil {
					return nil, "", fmt.Errorf("line %q: %v", line, err)
				}
				ti.Numbers[field[:i]] = int(n)
			default:
				s, err := unescapeInfocmp(field[i+1:])
				if err != nil {
					return nil, "", fmt.Errorf("line %q: %v", line, err)
				}
				ti.Strings[field[:i]] = s
			}
		}
	}
	if ti.Names == nil {
		return nil, "", fmt.Errorf("no names line in %q", out)
	}
	return ti, source, nil
}

// unescapeInfocmp undoes the escapes of terminfo source (terminfo(5)):
// \E, ^X, \n, \200 and so on. A NUL is stored as \200, as tic stores it.
func unescapeInfocmp(s string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' && c != '^' || i+1 == len(s) {
			b.WriteByte(c)
			continue
		}
		i++
		e := s[i]
		if c == '^' {
			switch {
			case e == '?':
				b.WriteByte(0x7f)
			case e&0x1f == 0:
				b.WriteByte(0x80)
			default:
				b.WriteByte(e & 0x1f)
			}
			continue
		}
		switch e {
		case 'E', 'e':
			b.WriteByte(0x1b)
		case 'n', 'l':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 's':
			b.WriteByte(' ')
		case 'a':
			b.WriteByte('\a')
		case '^', '\\', ',', ':':
			b.WriteByte(e)
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v, n := 0, 0
			for ; n < 3 && i+n < len(s) && s[i+n] >= '0' && s[i+n] <= '7'; n++ {
				v = v*8 + int(s[i+n]-'0')
			}
			i += n - 1
			if v == 0 {
				v = 0x80
			}
			b.WriteByte(byte(v))
		default:
			return "", fmt.Errorf("unknown escape \\%c", e)
		}
	}
	return b.String(), nil
}

func needTool(t *testing.T, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s not found (Debian: apt-get install ncurses-bin): %v", name, err)
	}
}

// TestInfocmpTestdata checks the entries in testdata, which cover the
// extended-number format and cancelled capabilities.
func TestInfocmpTestdata(t *testing.T) {
	needTool(t, "infocmp")
	for _, path := range []string{"testdata/g/gosh", "testdata/g/gosh-direct"} {
		got, _, err := find(filepath.Base(path), []string{"testdata"})
		if err != nil {
			t.Fatal(err)
		}
		compareWithInfocmp(t, got, path)
	}
}
