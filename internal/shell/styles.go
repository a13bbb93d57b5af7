package shell

import (
	"strconv"
	"strings"
)

// gosh's colours: the palette is a set of lipgloss styles
// (internal/stylegen), rendered at build time into styles_gen.go for
// each colour profile, so that the shell draws lipgloss's sequences
// without linking lipgloss, whose package initialization every "gosh -c"
// would pay for. At run time the profile comes from the environment, as
// colorprofile finds it.

//go:generate go run ./internal/stylegen/cmd/stylegen -o styles_gen.go

// A colorProfile is what a terminal shows of styles: colorprofile's
// profiles, in its order.
type colorProfile uint8

const (
	profileNoTTY     colorProfile = iota // not a terminal: no escape sequences at all
	profileASCII                         // attributes (bold, faint, ...) but no colours: NO_COLOR
	profileANSI                          // the 16 basic colours
	profileANSI256                       // 256 colours
	profileTrueColor                     // 24-bit colours
)

// styles returns the palette's styles for the profile.
func (p colorProfile) styles() *styleTable { return &styleTables[p] }

// detectProfile returns the colour profile of output that is a terminal
// or not (isatty), from the environment lookup gives, the way
// colorprofile.Detect does without asking terminfo or tmux:
//
//   - not a terminal (TTY_FORCE set makes one), no TERM or TERM=dumb:
//     no escape sequences, unless CLICOLOR_FORCE is true (then at least
//     the 16 colours);
//   - TERM names a terminal known for true colour (kitty, alacritty,
//     foot, ghostty, wezterm, ...), WT_SESSION or GOOGLE_CLOUD_SHELL is
//     set, COLORTERM is truecolor, 24bit, yes or true (not under screen or
//     tmux), or TERM ends in "direct": true colour; TERM ending in
//     "256color", or screen or tmux: 256 colours; any other TERM: 16;
//   - CLICOLOR true on a terminal: at least the 16 colours.
//
// NO_COLOR set to anything but "" gives no colours, only attributes
// (or nothing where nothing is drawn), as https://no-color.org asks;
// colorprofile heeds only values that strconv.ParseBool reads as true,
// and only on a terminal.
func detectProfile(isatty bool, lookup func(string) (string, bool)) colorProfile {
	get := func(name string) string { v, _ := lookup(name); return v }
	isTrue := func(name string) bool { b, _ := strconv.ParseBool(get(name)); return b }
	isatty = isatty || isTrue("TTY_FORCE")
	term, ok := lookup("TERM")
	isDumb := !ok || term == "dumb"
	envp := envProfile(term, get)
	p := envp
	if !isatty || isDumb {
		p = profileNoTTY
	}
	switch {
	case isTrue("NO_COLOR") && isatty:
		p = min(p, profileASCII)
	case isTrue("CLICOLOR_FORCE"):
		p = max(p, profileANSI, envp)
	case isTrue("CLICOLOR") && isatty && !isDumb:
		p = max(p, profileANSI)
	}
	if get("NO_COLOR") != "" {
		p = min(p, profileASCII)
	}
	return p
}

// envProfile is colorprofile's envColorProfile: what TERM, COLORTERM and
// the terminals' own variables say.
func envProfile(term string, get func(string) string) colorProfile {
	p := profileANSI
	if term == "" || term == "dumb" {
		p = profileNoTTY
	}
	for _, t := range []string{"alacritty", "contour", "foot", "ghostty", "kitty", "rio", "st", "wezterm"} {
		if strings.Contains(term, t) {
			return profileTrueColor
		}
	}
	multiplexer := strings.HasPrefix(term, "tmux") || strings.HasPrefix(term, "screen")
	if multiplexer {
		p = max(p, profileANSI256)
	}
	if get("WT_SESSION") != "" {
		return profileTrueColor
	}
	if b, _ := strconv.ParseBool(get("GOOGLE_CLOUD_SHELL")); b {
		return profileTrueColor
	}
	switch strings.ToLower(get("COLORTERM")) {
	case "truecolor", "24bit", "yes", "true":
		if !multiplexer {
			return profileTrueColor
		}
	}
	if strings.HasSuffix(term, "256color") {
		p = max(p, profileANSI256)
	}
	if strings.HasSuffix(term, "direct") {
		return profileTrueColor
	}
	return p
}

// envLookup looks names up in env (NAME=value entries, the last one
// winning).
func envLookup(env []string) func(string) (string, bool) {
	return func(name string) (string, bool) {
		for i := len(env) - 1; i >= 0; i-- {
			if v, ok := strings.CutPrefix(env[i], name+"="); ok {
				return v, true
			}
		}
		return "", false
	}
}

// terminalProfile returns the colour profile of the terminal the line
// editor draws on, from the shell's variables (NO_COLOR, TERM, ...).
func (s *Shell) terminalProfile() colorProfile {
	get := s.varGetter()
	return detectProfile(true, func(name string) (string, bool) {
		v := get(name)
		if v == unsetMarker {
			return "", false
		}
		return v, true
	})
}
