package shell

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"

	"github.com/goshell/gosh/internal/shell/internal/stylegen"
	"github.com/goshell/gosh/lineedit"
)

// TestStylesGenerated fails when styles_gen.go is not what the lipgloss
// palette renders today: run go generate ./internal/shell.
func TestStylesGenerated(t *testing.T) {
	want, err := stylegen.Generate("shell")
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("styles_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("styles_gen.go is stale: run go generate ./internal/shell (from %d to %d bytes)", len(got), len(want))
	}
}

// TestStyleProfiles: the shell's profiles are colorprofile's, in its
// order, one row of the table each; without colours (NO_COLOR) no style
// holds a colour, and with no terminal none holds anything.
func TestStyleProfiles(t *testing.T) {
	if len(stylegen.Profiles) != len(styleTables) {
		t.Fatalf("%d profiles, %d tables", len(stylegen.Profiles), len(styleTables))
	}
	for i, c := range []colorprofile.Profile{colorprofile.NoTTY, colorprofile.ASCII, colorprofile.ANSI, colorprofile.ANSI256, colorprofile.TrueColor} {
		if stylegen.Profiles[i].Profile != c || profileOf(c) != colorProfile(i) {
			t.Errorf("profile %d is %v (%s), want %v", i, stylegen.Profiles[i].Profile, stylegen.Profiles[i].Const, c)
		}
	}
	fields := func(p colorProfile) map[string]lineedit.SGR {
		m := map[string]lineedit.SGR{}
		v := reflect.ValueOf(styleTables[p])
		for i := 0; i < v.NumField(); i++ {
			f := v.Field(i)
			m[v.Type().Field(i).Name] = lineedit.SGR{Open: f.Field(0).String(), Close: f.Field(1).String()}
		}
		return m
	}
	for name, st := range fields(profileNoTTY) {
		if st != (lineedit.SGR{}) {
			t.Errorf("no terminal: %s is %q", name, st)
		}
	}
	styled := 0
	for name, st := range fields(profileASCII) {
		if st.Open != "" {
			styled++
		}
		for _, p := range strings.FieldsFunc(strings.Trim(st.Open, "\x1b[m"), func(r rune) bool { return r == ';' }) {
			if p[0] == '3' || p[0] == '4' && len(p) > 1 || p[0] == '9' {
				t.Errorf("NO_COLOR: %s has a colour: %q", name, st.Open)
			}
		}
	}
	if styled == 0 {
		t.Errorf("NO_COLOR: no style at all")
	}
	if a, b := styleTables[profileANSI].hlCommand.Open, styleTables[profileTrueColor].hlCommand.Open; a == b || !strings.Contains(b, "38;2;") {
		t.Errorf("16 colours %q, true colour %q", a, b)
	}
}

// profileOf is the shell's profile for one of colorprofile's.
func profileOf(p colorprofile.Profile) colorProfile { return colorProfile(p - colorprofile.NoTTY) }

// TestDetectProfile compares detectProfile with colorprofile: with Env
// for a terminal, with Detect for output that is not one, over a table of
// environments. The one difference is NO_COLOR: colorprofile takes only
// values strconv.ParseBool reads as true ("1", "true"), and only on a
// terminal; gosh takes any value that is not empty, as no-color.org asks,
// so there it gives colorprofile's profile capped to no colours.
func TestDetectProfile(t *testing.T) {
	terms := []string{"", "TERM=", "TERM=dumb", "TERM=xterm", "TERM=xterm-256color", "TERM=vt100", "TERM=linux",
		"TERM=screen", "TERM=screen-256color", "TERM=tmux-256color", "TERM=xterm-kitty", "TERM=alacritty",
		"TERM=foot", "TERM=wezterm", "TERM=xterm-direct", "TERM=st-256color", "TERM=rxvt-unicode-256color"}
	extras := [][]string{nil,
		{"COLORTERM=truecolor"}, {"COLORTERM=24bit"}, {"COLORTERM=TrueColor"}, {"COLORTERM=yes"}, {"COLORTERM=256"},
		{"NO_COLOR=1"}, {"NO_COLOR=true"}, {"NO_COLOR=yes"}, {"NO_COLOR=0"}, {"NO_COLOR="},
		{"CLICOLOR=1"}, {"CLICOLOR=0"}, {"CLICOLOR_FORCE=1"}, {"CLICOLOR_FORCE=0"}, {"CLICOLOR_FORCE=yes"},
		{"NO_COLOR=1", "CLICOLOR_FORCE=1"}, {"NO_COLOR=yes", "CLICOLOR_FORCE=1"}, {"CLICOLOR_FORCE=1", "COLORTERM=truecolor"},
		{"WT_SESSION=abc"}, {"GOOGLE_CLOUD_SHELL=true"}, {"COLORTERM=truecolor", "NO_COLOR=1"},
		{"TTY_FORCE=1"},
	}
	n := 0
	for _, tm := range terms {
		for _, extra := range extras {
			env := append([]string(nil), extra...)
			if tm != "" {
				env = append(env, tm)
			}
			noColor := false
			for _, kv := range env {
				noColor = noColor || strings.HasPrefix(kv, "NO_COLOR=") && kv != "NO_COLOR="
			}
			adjust := func(p colorProfile) colorProfile {
				if noColor {
					return min(p, profileASCII)
				}
				return p
			}
			if got, want := detectProfile(true, envLookup(env)), adjust(profileOf(colorprofile.Env(env))); got != want {
				t.Errorf("terminal, %q: %d, colorprofile.Env %d", env, got, want)
			}
			n++
			forced := false
			for _, kv := range env {
				forced = forced || kv == "TTY_FORCE=1"
			}
			if forced {
				continue // Detect would ask terminfo
			}
			var buf bytes.Buffer
			if got, want := detectProfile(false, envLookup(env)), adjust(profileOf(colorprofile.Detect(&buf, env))); got != want {
				t.Errorf("not a terminal, %q: %d, colorprofile.Detect %d", env, got, want)
			}
			n++
		}
	}
	if n < 500 {
		t.Errorf("only %d environments", n)
	}
	// NO_COLOR never gives colours, whatever else says so.
	for _, env := range [][]string{{"NO_COLOR=yes", "TERM=xterm-kitty"}, {"NO_COLOR=1", "CLICOLOR_FORCE=1", "COLORTERM=truecolor"}} {
		for _, tty := range []bool{true, false} {
			if p := detectProfile(tty, envLookup(env)); p > profileASCII {
				t.Errorf("%q (terminal %v): profile %d", env, tty, p)
			}
		}
	}
}
