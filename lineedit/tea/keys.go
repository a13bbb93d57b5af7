package tea

import (
	"strconv"
	"unicode"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"

	"github.com/goshell/gosh/inputrc"
)

// Keys reach a bubbletea program decoded (tea.KeyPressMsg: a Code, a Mod
// and the Text typed), whatever the terminal sent: legacy escape
// sequences, xterm's modifyOtherKeys or the kitty keyboard protocol. The
// editor's keymaps and the user's ~/.inputrc are written in the bytes a
// terminal sends, so each key is encoded back the way xterm sends it in
// its default modes: C-Right is ESC [ 1 ; 5 C, Home ESC [ H, M-f ESC f,
// C-a 0x01, F5 ESC [ 1 5 ~.

// KeyBytes returns the bytes xterm sends for k (normal cursor-key mode,
// meta sending ESC), or nil for a key that sends nothing (a lone
// modifier, a media key). Modifiers of named keys follow xterm's
// parameters: 1 + Shift(1) + Alt(2) + Ctrl(4) + Meta(8).
func KeyBytes(k tea.Key) []byte {
	mods := k.Mod & (tea.ModShift | tea.ModAlt | tea.ModCtrl | tea.ModMeta)
	if n, ok := namedKeys[k.Code]; ok {
		return n.encode(mods)
	}
	alt := mods&(tea.ModAlt|tea.ModMeta) != 0
	var b []byte
	switch k.Code {
	case tea.KeyEnter, tea.KeyKpEnter:
		b = []byte{'\r'}
	case tea.KeyTab:
		if mods&tea.ModShift != 0 {
			return []byte("\x1b[Z")
		}
		b = []byte{'\t'}
	case tea.KeyBackspace:
		b = []byte{0x7f}
		if mods&tea.ModCtrl != 0 {
			b = []byte{0x08}
		}
	case tea.KeyEscape:
		b = []byte{0x1b}
	default:
		b = charBytes(k, mods)
	}
	if b == nil {
		return nil
	}
	if alt {
		return append([]byte{0x1b}, b...)
	}
	return b
}

// charBytes encodes a character key, with Ctrl applied.
func charBytes(k tea.Key, mods tea.KeyMod) []byte {
	if k.Code == tea.KeySpace && mods&tea.ModCtrl != 0 {
		return []byte{0}
	}
	if mods&tea.ModCtrl != 0 && k.Code < utf8.RuneSelf {
		if c, ok := ctrlByte(byte(k.Code)); ok {
			return []byte{c}
		}
	}
	if k.Text != "" {
		return []byte(k.Text)
	}
	if kp, ok := keypadChars[k.Code]; ok {
		return []byte{kp}
	}
	if k.Code > unicode.MaxRune || k.Code < 0 {
		return nil
	}
	r := k.Code
	if mods&tea.ModShift != 0 {
		r = unicode.ToUpper(r)
		if k.ShiftedCode != 0 {
			r = k.ShiftedCode
		}
	}
	return utf8.AppendRune(nil, r)
}

// ctrlByte returns the control character Ctrl and c give, as xterm sends
// it: C-a is 0x01, C-@ and C-2 NUL, C-[ ESC, C-? DEL.
func ctrlByte(c byte) (byte, bool) {
	switch {
	case c >= 'a' && c <= 'z':
		return c - 'a' + 1, true
	case c >= '@' && c <= '_':
		return c - '@', true
	}
	switch c {
	case '2', ' ':
		return 0, true
	case '3':
		return 0x1b, true
	case '4':
		return 0x1c, true
	case '5':
		return 0x1d, true
	case '6':
		return 0x1e, true
	case '7', '/', '-':
		return 0x1f, true
	case '8', '?':
		return 0x7f, true
	}
	return 0, false
}

// A namedKey is a key xterm sends as an escape sequence: CSI 1 ; m final
// (arrows, Home, End, F1-F4) or CSI n ; m ~ (Insert, Delete, Page Up,
// F5...). ss3 marks the keys sent as ESC O final when unmodified (F1-F4).
type namedKey struct {
	final byte
	num   int
	ss3   bool
	cap   string // terminfo capability of the unmodified key
}

func (n namedKey) encode(mods tea.KeyMod) []byte {
	b := []byte{0x1b, '['}
	if n.ss3 && mods == 0 {
		b[1] = 'O'
	}
	if n.num > 0 {
		b = strconv.AppendInt(b, int64(n.num), 10)
	} else if mods != 0 {
		b = append(b, '1')
	}
	if mods != 0 {
		b = append(b, ';')
		b = strconv.AppendInt(b, int64(1+mods), 10)
	}
	return append(b, n.final)
}

var namedKeys = map[rune]namedKey{
	tea.KeyUp: {final: 'A', cap: "kcuu1"}, tea.KeyDown: {final: 'B', cap: "kcud1"},
	tea.KeyRight: {final: 'C', cap: "kcuf1"}, tea.KeyLeft: {final: 'D', cap: "kcub1"},
	tea.KeyBegin: {final: 'E'},
	tea.KeyHome:  {final: 'H', cap: "khome"}, tea.KeyEnd: {final: 'F', cap: "kend"},
	tea.KeyInsert: {final: '~', num: 2, cap: "kich1"}, tea.KeyDelete: {final: '~', num: 3, cap: "kdch1"},
	tea.KeyPgUp: {final: '~', num: 5, cap: "kpp"}, tea.KeyPgDown: {final: '~', num: 6, cap: "knp"},
	tea.KeyF1: {final: 'P', ss3: true}, tea.KeyF2: {final: 'Q', ss3: true},
	tea.KeyF3: {final: 'R', ss3: true}, tea.KeyF4: {final: 'S', ss3: true},
	tea.KeyF5: {final: '~', num: 15}, tea.KeyF6: {final: '~', num: 17},
	tea.KeyF7: {final: '~', num: 18}, tea.KeyF8: {final: '~', num: 19},
	tea.KeyF9: {final: '~', num: 20}, tea.KeyF10: {final: '~', num: 21},
	tea.KeyF11: {final: '~', num: 23}, tea.KeyF12: {final: '~', num: 24},
	// The keypad's keys with Num Lock off are the keys they stand for.
	tea.KeyKpUp: {final: 'A', cap: "kcuu1"}, tea.KeyKpDown: {final: 'B', cap: "kcud1"},
	tea.KeyKpRight: {final: 'C', cap: "kcuf1"}, tea.KeyKpLeft: {final: 'D', cap: "kcub1"},
	tea.KeyKpBegin: {final: 'E'},
	tea.KeyKpHome:  {final: 'H', cap: "khome"}, tea.KeyKpEnd: {final: 'F', cap: "kend"},
	tea.KeyKpInsert: {final: '~', num: 2, cap: "kich1"}, tea.KeyKpDelete: {final: '~', num: 3, cap: "kdch1"},
	tea.KeyKpPgUp: {final: '~', num: 5, cap: "kpp"}, tea.KeyKpPgDown: {final: '~', num: 6, cap: "knp"},
}

// keypadChars are the characters of the keypad's other keys.
var keypadChars = map[rune]byte{
	tea.KeyKp0: '0', tea.KeyKp1: '1', tea.KeyKp2: '2', tea.KeyKp3: '3', tea.KeyKp4: '4',
	tea.KeyKp5: '5', tea.KeyKp6: '6', tea.KeyKp7: '7', tea.KeyKp8: '8', tea.KeyKp9: '9',
	tea.KeyKpEqual: '=', tea.KeyKpMultiply: '*', tea.KeyKpPlus: '+', tea.KeyKpComma: ',',
	tea.KeyKpMinus: '-', tea.KeyKpDecimal: '.', tea.KeyKpDivide: '/', tea.KeyKpSep: ',',
}

// keyBytes encodes k for cfg's keymaps. An unmodified named key has
// several encodings: the terminal's own (termKeys, from terminfo: ESC O H
// for khome on xterm), xterm's normal mode (ESC [ H) and its application
// mode (ESC O H). The first one bound in the keymaps of the editing mode
// is used, so that a binding in ~/.inputrc for any of them works, as it
// would with readline on that terminal; with none bound, xterm's normal
// mode.
func keyBytes(k tea.Key, cfg *inputrc.Config, termKeys map[string]string) []byte {
	b := KeyBytes(k)
	n, named := namedKeys[k.Code]
	if !named || k.Mod&(tea.ModShift|tea.ModAlt|tea.ModCtrl|tea.ModMeta) != 0 || cfg == nil {
		return b
	}
	var alts [][]byte
	if s := termKeys[n.cap]; s != "" && n.cap != "" {
		alts = append(alts, []byte(s))
	}
	alts = append(alts, b)
	if n.num == 0 && !n.ss3 {
		alts = append(alts, []byte{0x1b, 'O', n.final})
	}
	for _, seq := range alts {
		if boundInMode(cfg, seq) {
			return seq
		}
	}
	return b
}

// boundInMode reports whether seq is bound to something (a function or a
// macro, not a prefix) in a keymap of cfg's editing mode.
func boundInMode(cfg *inputrc.Config, seq []byte) bool {
	_, ok := bindingInMode(cfg, seq)
	return ok
}

// bindingInMode returns what seq is bound to in the first keymap of cfg's
// editing mode that binds it to a function or a macro.
func bindingInMode(cfg *inputrc.Config, seq []byte) (inputrc.Entry, bool) {
	names := []string{"emacs"}
	if cfg.Vars.EditingMode == inputrc.ViMode {
		names = []string{"vi-insert", "vi-command"}
	}
	for _, name := range names {
		e, ok := cfg.Lookup(cfg.KeymapByName(name), seq)
		if ok && e.Kind != inputrc.KindKeymap && !e.Unbound() {
			return e, true
		}
	}
	return inputrc.Entry{}, false
}
