package tea

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	uv "github.com/charmbracelet/ultraviolet"

	"github.com/goshell/gosh/inputrc"
)

func TestKeyBytes(t *testing.T) {
	tests := []struct {
		key  tea.Key
		want string
	}{
		{tea.Key{Code: 'a', Text: "a"}, "a"},
		{tea.Key{Code: 'a', Mod: tea.ModShift, Text: "A"}, "A"},
		{tea.Key{Code: 'a', Mod: tea.ModCtrl}, "\x01"},
		{tea.Key{Code: 'a', Mod: tea.ModCtrl | tea.ModShift}, "\x01"},
		{tea.Key{Code: 'f', Mod: tea.ModAlt}, "\x1bf"},
		{tea.Key{Code: 'f', Mod: tea.ModAlt | tea.ModShift}, "\x1bF"},
		{tea.Key{Code: 'x', Mod: tea.ModCtrl | tea.ModAlt}, "\x1b\x18"},
		{tea.Key{Code: tea.KeySpace, Text: " "}, " "},
		{tea.Key{Code: tea.KeySpace, Mod: tea.ModCtrl}, "\x00"},
		{tea.Key{Code: '@', Mod: tea.ModCtrl}, "\x00"},
		{tea.Key{Code: '_', Mod: tea.ModCtrl}, "\x1f"},
		{tea.Key{Code: '/', Mod: tea.ModCtrl}, "\x1f"},
		{tea.Key{Code: ']', Mod: tea.ModCtrl}, "\x1d"},
		{tea.Key{Code: '?', Mod: tea.ModCtrl}, "\x7f"},
		{tea.Key{Code: tea.KeyEnter}, "\r"},
		{tea.Key{Code: tea.KeyEnter, Mod: tea.ModAlt}, "\x1b\r"},
		{tea.Key{Code: tea.KeyKpEnter}, "\r"},
		{tea.Key{Code: tea.KeyTab}, "\t"},
		{tea.Key{Code: tea.KeyTab, Mod: tea.ModShift}, "\x1b[Z"},
		{tea.Key{Code: tea.KeyBackspace}, "\x7f"},
		{tea.Key{Code: tea.KeyBackspace, Mod: tea.ModAlt}, "\x1b\x7f"},
		{tea.Key{Code: tea.KeyBackspace, Mod: tea.ModCtrl}, "\x08"},
		{tea.Key{Code: tea.KeyEscape}, "\x1b"},
		{tea.Key{Code: tea.KeyUp}, "\x1b[A"},
		{tea.Key{Code: tea.KeyRight, Mod: tea.ModCtrl}, "\x1b[1;5C"},
		{tea.Key{Code: tea.KeyLeft, Mod: tea.ModAlt}, "\x1b[1;3D"},
		{tea.Key{Code: tea.KeyUp, Mod: tea.ModShift | tea.ModCtrl}, "\x1b[1;6A"},
		{tea.Key{Code: tea.KeyHome}, "\x1b[H"},
		{tea.Key{Code: tea.KeyEnd, Mod: tea.ModShift}, "\x1b[1;2F"},
		{tea.Key{Code: tea.KeyInsert}, "\x1b[2~"},
		{tea.Key{Code: tea.KeyDelete}, "\x1b[3~"},
		{tea.Key{Code: tea.KeyDelete, Mod: tea.ModCtrl}, "\x1b[3;5~"},
		{tea.Key{Code: tea.KeyPgUp}, "\x1b[5~"},
		{tea.Key{Code: tea.KeyPgDown, Mod: tea.ModAlt}, "\x1b[6;3~"},
		{tea.Key{Code: tea.KeyF1}, "\x1bOP"},
		{tea.Key{Code: tea.KeyF1, Mod: tea.ModShift}, "\x1b[1;2P"},
		{tea.Key{Code: tea.KeyF5}, "\x1b[15~"},
		{tea.Key{Code: tea.KeyF12, Mod: tea.ModCtrl}, "\x1b[24;5~"},
		{tea.Key{Code: tea.KeyKpHome}, "\x1b[H"},
		{tea.Key{Code: tea.KeyKp5}, "5"},
		{tea.Key{Code: tea.KeyExtended, Text: "👍🏽"}, "👍🏽"},
		{tea.Key{Code: 'é', Text: "é"}, "é"},
		{tea.Key{Code: tea.KeyLeftShift}, ""},
		{tea.Key{Code: tea.KeyMediaPlay}, ""},
	}
	for _, tt := range tests {
		if got := string(KeyBytes(tt.key)); got != tt.want {
			t.Errorf("KeyBytes(%s) = %q, want %q", tt.key.Keystroke(), got, tt.want)
		}
	}
}

// TestKeyBytesRoundTrip decodes what terminals send with bubbletea's own
// decoder and checks that KeyBytes gives the same bytes back: the key
// sequences of an init file reach the keymaps as they were typed.
func TestKeyBytesRoundTrip(t *testing.T) {
	seqs := []string{
		"a", "Z", "é", "\x01", "\x05", "\x12", "\x1f", "\x7f", "\r", "\t",
		"\x1bf", "\x1bb", "\x1b.", "\x1b\x7f", "\x1b\x18",
		"\x1b[A", "\x1b[B", "\x1b[C", "\x1b[D", "\x1b[H", "\x1b[F",
		"\x1b[1;5C", "\x1b[1;5D", "\x1b[1;3C", "\x1b[1;2A", "\x1b[1;6B",
		"\x1b[2~", "\x1b[3~", "\x1b[3;5~", "\x1b[5~", "\x1b[6~",
		"\x1bOP", "\x1bOS", "\x1b[1;2P", "\x1b[15~", "\x1b[24~", "\x1b[Z",
	}
	var d uv.EventDecoder
	for _, seq := range seqs {
		n, ev := d.Decode([]byte(seq))
		kp, ok := ev.(uv.KeyPressEvent)
		if !ok || n != len(seq) {
			t.Errorf("%q decodes to %T (%d bytes)", seq, ev, n)
			continue
		}
		if got := string(KeyBytes(tea.Key(kp))); got != seq {
			t.Errorf("%q decodes to %s, which KeyBytes encodes as %q", seq, tea.Key(kp).Keystroke(), got)
		}
	}
}

// TestKeyBytesTermKeys checks that a named key is sent as the sequence
// the init file binds: the terminal's own (terminfo's khome), xterm's
// normal mode or its application mode, in that order.
func TestKeyBytesTermKeys(t *testing.T) {
	home := tea.Key{Code: tea.KeyHome}
	term := map[string]string{"khome": "\x1bOH", "kcuu1": "\x1bOA"}
	tests := []struct {
		bindings []string
		term     map[string]string
		key      tea.Key
		want     string
	}{
		// readline's defaults bind both: the terminal's comes first.
		{nil, term, home, "\x1bOH"},
		{nil, nil, home, "\x1b[H"},
		// Only the normal-mode one bound.
		{[]string{`-\eOH`, `"\e[H": end-of-line`}, term, home, "\x1b[H"},
		// Only the application-mode one.
		{[]string{`-\e[H`, `"\eOH": end-of-line`}, nil, home, "\x1bOH"},
		// Modified keys have one encoding.
		{nil, term, tea.Key{Code: tea.KeyUp, Mod: tea.ModCtrl}, "\x1b[1;5A"},
	}
	for i, tt := range tests {
		cfg := inputrc.New(inputrc.Options{Term: "xterm"})
		cfg.Finish()
		for _, l := range tt.bindings {
			if seq, ok := strings.CutPrefix(l, "-"); ok {
				cfg.UnbindKeyseq(cfg.KeymapByName("emacs"), seq)
				continue
			}
			cfg.ParseLine(l)
		}
		if got := string(keyBytes(tt.key, cfg, tt.term)); got != tt.want {
			t.Errorf("%d: %s sends %q, want %q", i, tt.key.Keystroke(), got, tt.want)
		}
	}
}

func ExampleKeyBytes() {
	for _, k := range []tea.Key{
		{Code: tea.KeyRight, Mod: tea.ModCtrl},
		{Code: tea.KeyHome},
		{Code: 'f', Mod: tea.ModAlt},
		{Code: 'r', Mod: tea.ModCtrl},
	} {
		fmt.Printf("%-10s %q\n", k.Keystroke(), KeyBytes(k))
	}
	// Output:
	// ctrl+right "\x1b[1;5C"
	// home       "\x1b[H"
	// alt+f      "\x1bf"
	// ctrl+r     "\x12"
}
