package lineedit

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/goshell/gosh/inputrc"
)

// The motions of vi command mode and the operators (d, c, y) that take
// one, as GNU Readline 8.2's vi_mode.c has them. Positions are byte
// offsets; the cursor moves by grapheme cluster where readline moves by
// character. Word classes are readline's: "identifier" characters are
// ASCII letters, digits and '_'; blanks are space and tab; anything else,
// non-ASCII included, is punctuation.

// viMotionChars are the keys that are motions for d, c and y.
const viMotionChars = " hl^$0ftFT;,%wbeWBE|`"

func viWS(c byte) bool    { return c == ' ' || c == '\t' }
func viIdent(c byte) bool { return c == '_' || c < utf8.RuneSelf && (isASCIIAlnum(c)) }

func isASCIIAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// isUpperKey is readline's _rl_uppercase_p for a key.
func isUpperKey(c byte) bool { return c >= 'A' && c <= 'Z' }

func toUpperKey(c byte) byte {
	if c >= 'a' && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
}

// at returns the byte at p, or 0 past the end (readline's NUL).
func (b *buffer) at(p int) byte {
	if p < 0 || p >= len(b.text) {
		return 0
	}
	return b.text[p]
}

// advance moves the point one character forward, not past the end, and
// returns where it was (_rl_vi_advance_point).
func (b *buffer) advance() int {
	p := b.point
	if b.point < len(b.text) {
		b.point = b.nextGrapheme(b.point)
	}
	return p
}

// backup moves the point one character back and returns where it was
// (_rl_vi_backup_point).
func (b *buffer) backup() int {
	p := b.point
	if b.point > 0 {
		b.point = b.prevGrapheme(b.point)
	}
	return p
}

// viForwardChar is forward-char in vi command mode: it stops on the last
// character (_rl_forward_char_internal with VI_COMMAND_MODE).
func (e *Engine) viForwardChar(n int) {
	if n < 0 {
		e.viBackwardChar(-n)
		return
	}
	if n == 0 {
		return
	}
	b := &e.buf
	p := b.point
	for i := 0; i < n && p < len(b.text); i++ {
		p = b.nextGrapheme(p)
	}
	if p >= len(b.text) && e.viCommandMode() {
		p = b.prevGrapheme(len(b.text))
	}
	if p == b.point {
		e.ding()
	}
	b.point = p
}

// viBackwardChar is rl_backward_char: n characters back, to the start of
// the line if there are fewer.
func (e *Engine) viBackwardChar(n int) {
	if n < 0 {
		e.viForwardChar(-n)
		return
	}
	if n == 0 {
		return
	}
	b := &e.buf
	if b.point == 0 {
		e.ding()
		return
	}
	p := b.point
	for ; n > 0 && p > 0; n-- {
		p = b.prevGrapheme(p)
	}
	if n > 0 {
		p = 0
	}
	b.point = p
}

func (e *Engine) viFWord(count int) {
	b := &e.buf
	for ; count > 0 && b.point < len(b.text)-1; count-- {
		for !viWS(b.at(b.point)) && b.point < len(b.text) {
			b.advance()
		}
		for viWS(b.at(b.point)) && b.point < len(b.text) {
			b.advance()
		}
	}
}

func (e *Engine) viBWord(count int) {
	b := &e.buf
	for ; count > 0 && b.point > 0; count-- {
		if !viWS(b.at(b.point)) && viWS(b.at(b.point-1)) {
			b.point--
		}
		for b.point > 0 && viWS(b.at(b.point)) {
			b.backup()
		}
		if b.point > 0 {
			for {
				b.backup()
				if !(b.point > 0 && !viWS(b.at(b.point))) {
					break
				}
			}
			if b.point > 0 {
				b.point++
			}
		}
	}
}

func (e *Engine) viEWord(count int) {
	b := &e.buf
	for ; count > 0 && b.point < len(b.text)-1; count-- {
		if !viWS(b.at(b.point)) {
			b.advance()
		}
		for b.point < len(b.text) && viWS(b.at(b.point)) {
			b.advance()
		}
		if b.point > 0 && b.point < len(b.text) {
			op := b.point
			for b.point < len(b.text) && viWS(b.at(b.point)) {
				op = b.advance()
			}
			for b.point < len(b.text) && !viWS(b.at(b.point)) {
				op = b.advance()
			}
			b.point = op
		}
	}
}

func (e *Engine) viFword(count int) {
	b := &e.buf
	for ; count > 0 && b.point < len(b.text)-1; count-- {
		if viIdent(b.at(b.point)) {
			for viIdent(b.at(b.point)) && b.point < len(b.text) {
				b.advance()
			}
		} else {
			for !viIdent(b.at(b.point)) && !viWS(b.at(b.point)) && b.point < len(b.text) {
				b.advance()
			}
		}
		for viWS(b.at(b.point)) && b.point < len(b.text) {
			b.advance()
		}
	}
}

func (e *Engine) viBword(count int) {
	b := &e.buf
	for ; count > 0 && b.point > 0; count-- {
		if !viWS(b.at(b.point)) && viWS(b.at(b.point-1)) {
			b.point--
			if b.point == 0 {
				break
			}
		}
		cur := viIdent(b.at(b.point))
		op := b.backup()
		prev := viIdent(b.at(b.point))
		if cur == prev {
			b.point = op
		}
		for b.point > 0 && viWS(b.at(b.point)) {
			b.backup()
		}
		if b.point > 0 {
			op = b.point
			if viIdent(b.at(b.point)) {
				for {
					op = b.backup()
					if !(b.point > 0 && viIdent(b.at(b.point))) {
						break
					}
				}
			} else {
				for {
					op = b.backup()
					if !(b.point > 0 && !viIdent(b.at(b.point)) && !viWS(b.at(b.point))) {
						break
					}
				}
			}
			if b.point > 0 {
				b.point = op
			}
		}
	}
}

func (e *Engine) viEword(count int) {
	b := &e.buf
	for ; count > 0 && b.point < len(b.text)-1; count-- {
		if !viWS(b.at(b.point)) {
			b.advance()
		}
		for b.point < len(b.text) && viWS(b.at(b.point)) {
			b.advance()
		}
		op := b.point
		if b.point < len(b.text) {
			if viIdent(b.at(b.point)) {
				for {
					op = b.advance()
					if !(b.point < len(b.text) && viIdent(b.at(b.point))) {
						break
					}
				}
			} else {
				for {
					op = b.advance()
					if !(b.point < len(b.text) && !viIdent(b.at(b.point)) && !viWS(b.at(b.point))) {
						break
					}
				}
			}
		}
		b.point = op
	}
}

// viNextWord is w and W; viPrevWord b and B; viEndWord e and E.
func viNextWord(e *Engine, count int, key byte) {
	if count < 0 {
		viPrevWord(e, -count, key)
		return
	}
	if e.buf.point >= len(e.buf.text)-1 {
		e.ding()
		return
	}
	if isUpperKey(key) {
		e.viFWord(count)
	} else {
		e.viFword(count)
	}
}

func viPrevWord(e *Engine, count int, key byte) {
	if count < 0 {
		viNextWord(e, -count, key)
		return
	}
	if e.buf.point == 0 {
		e.ding()
		return
	}
	if isUpperKey(key) {
		e.viBWord(count)
	} else {
		e.viBword(count)
	}
}

func viEndWord(e *Engine, count int, key byte) {
	if count < 0 {
		e.ding()
		return
	}
	if isUpperKey(key) {
		e.viEWord(count)
	} else {
		e.viEword(count)
	}
}

// viBackToIndent is ^: the first non-blank character of the line.
func (e *Engine) viBackToIndent() {
	b := &e.buf
	b.point = 0
	for b.point < len(b.text) && viWS(b.text[b.point]) {
		b.point++
	}
}

// viColumn is |: column count (1 is the first).
func (e *Engine) viColumn(count int) {
	b := &e.buf
	if count > len(b.text) {
		b.point = len(b.text)
		return
	}
	p := 0
	for i := 0; i < count-1 && p < len(b.text); i++ {
		p = b.nextGrapheme(p)
	}
	if p >= len(b.text) && e.viCommandMode() {
		p = b.prevGrapheme(len(b.text))
	}
	b.point = p
}

func bracketType(c byte) int {
	switch c {
	case '(':
		return 1
	case ')':
		return -1
	case '[':
		return 2
	case ']':
		return -2
	case '{':
		return 3
	case '}':
		return -3
	}
	return 0
}

// viMatch is %: to the bracket matching the one under the cursor, or
// after it.
func (e *Engine) viMatch() {
	b := &e.buf
	pos := b.point
	brack := bracketType(b.at(b.point))
	if brack == 0 {
		for {
			brack = bracketType(b.at(b.point))
			if brack != 0 {
				break
			}
			pre := b.point
			e.viForwardCharQuiet()
			if pre == b.point {
				break
			}
		}
		if brack <= 0 {
			b.point = pos
			e.ding()
			return
		}
	}
	pos = b.point
	count := 1
	if brack < 0 {
		for count > 0 {
			tmp := pos
			pos = b.prevGrapheme(pos)
			if tmp == pos {
				pos--
			}
			if pos < 0 {
				e.ding()
				return
			}
			switch bracketType(b.at(pos)) {
			case -brack:
				count--
			case brack:
				count++
			}
		}
	} else {
		for count > 0 {
			pos = b.nextGrapheme(pos)
			if pos >= len(b.text) {
				e.ding()
				return
			}
			switch bracketType(b.at(pos)) {
			case -brack:
				count--
			case brack:
				count++
			}
		}
	}
	b.point = pos
}

// viForwardCharQuiet is one forward-char as vi's % uses it.
func (e *Engine) viForwardCharQuiet() {
	b := &e.buf
	p := b.nextGrapheme(b.point)
	if p >= len(b.text) && e.viCommandMode() {
		p = b.prevGrapheme(len(b.text))
	}
	b.point = p
}

// viCharSearchInternal is _rl_char_search_internal: the count-th
// occurrence of target in direction dir (csFTo, csBTo, csFFind,
// csBFind).
func (e *Engine) viCharSearchInternal(count, dir int, target []byte) {
	if dir == 0 || len(target) == 0 {
		return
	}
	b := &e.buf
	pos := b.point
	count = abs(count)
	match := func(p int) bool { return p < len(b.text) && bytes.HasPrefix(b.text[p:], target) }
	for count > 0 {
		if (dir < 0 && pos <= 0) || (dir > 0 && pos >= len(b.text)) {
			e.ding()
			return
		}
		if dir > 0 {
			pos = b.nextGrapheme(pos)
		} else {
			pos = b.prevGrapheme(pos)
		}
		for {
			if match(pos) {
				count--
				switch dir {
				case csBTo:
					b.point = b.nextGrapheme(pos)
				case csFTo:
					b.point = b.prevGrapheme(pos)
				default:
					b.point = pos
				}
				break
			}
			pre := pos
			if dir < 0 {
				pos = b.prevGrapheme(pos)
			} else {
				pos = b.nextGrapheme(pos)
			}
			if pos == pre {
				break
			}
		}
	}
}

// viCharSearch is f, F, t, T, ; and ,.
func viCharSearch(e *Engine, count int, key byte) {
	if key == ';' || key == ',' {
		if e.vi.csOrig == 0 || len(e.vi.searchChar) == 0 {
			return
		}
		if key == ';' {
			e.vi.csDir = e.vi.csOrig
		} else {
			e.vi.csDir = -e.vi.csOrig
		}
		e.viCharSearchInternal(count, e.vi.csDir, e.vi.searchChar)
		return
	}
	switch key {
	case 't':
		e.vi.csOrig, e.vi.csDir = csFTo, csFTo
	case 'T':
		e.vi.csOrig, e.vi.csDir = csBTo, csBTo
	case 'f':
		e.vi.csOrig, e.vi.csDir = csFFind, csFFind
	case 'F':
		e.vi.csOrig, e.vi.csDir = csBFind, csBFind
	}
	if e.vi.redoing {
		e.viCharSearchInternal(count, e.vi.csDir, e.vi.searchChar)
		return
	}
	e.readChar = func(ch []byte) {
		e.vi.searchChar = append(e.vi.searchChar[:0], ch...)
		e.viCharSearchInternal(count, e.vi.csDir, e.vi.searchChar)
	}
}

// viKill deletes text[from:to] into the kill ring, as rl_kill_text does
// in vi mode (kills never join).
func (e *Engine) viKill(from, to int) {
	if from == to {
		return
	}
	if from > to {
		from, to = to, from
	}
	to = min(to, len(e.buf.text))
	gone := e.deleteRange(from, to)
	e.kills.add(gone, false, false)
}

// viDelete is x.
func viDelete(e *Engine, count int, key byte) {
	if count < 0 {
		viRubout(e, -count, key)
		return
	}
	b := &e.buf
	if len(b.text) == 0 {
		e.ding()
		return
	}
	end := b.point
	for i := 0; i < count && end < len(b.text); i++ {
		end = b.nextGrapheme(end)
	}
	e.viKill(b.point, end)
	if b.point > 0 && b.point == len(b.text) {
		e.viBackwardChar(1)
	}
}

// viRubout is X.
func viRubout(e *Engine, count int, key byte) {
	if count < 0 {
		viDelete(e, -count, key)
		return
	}
	b := &e.buf
	if b.point == 0 {
		e.ding()
		return
	}
	op := b.point
	if count > 1 {
		e.viBackwardChar(count)
	} else {
		b.point = b.prevGrapheme(b.point)
	}
	e.viKill(b.point, op)
}

// viMotionCtx is an operator waiting for, or carrying out, its motion
// (readline's _rl_vimotion_cxt).
type viMotionCtx struct {
	op       byte // 'd', 'c' or 'y'
	key      byte // the key of the command: d D c C y Y
	start    int  // the point when the command started
	end      int  // the length of the line before the motion
	motion   byte
	num      int // the numeric argument (rl_numeric_arg)
	sign     int
	explicit bool
}

// viOperator returns the command of an operator: vi-delete-to,
// vi-change-to, vi-yank-to.
func viOperator(op byte) Command {
	return func(e *Engine, count int, key byte) {
		e.viStartOperator(op, count, key)
	}
}

// newViMotion starts an operator's motion context at the point.
func (e *Engine) newViMotion(op byte, count int, key byte) *viMotionCtx {
	m := &viMotionCtx{op: op, key: key, start: e.buf.point, end: len(e.buf.text), num: abs(count), sign: sign(count), explicit: e.explicit}
	e.buf.mark = e.buf.point
	return m
}

func (e *Engine) viStartOperator(op byte, count int, key byte) {
	m := e.newViMotion(op, count, key)
	switch {
	case isUpperKey(key):
		m.motion = '$'
		e.viDoMotion(m)
	case e.vi.redoing && e.vi.lastMotion != op:
		m.motion = e.vi.lastMotion
		e.viDoMotion(m)
	case e.vi.redoing:
		m.motion = e.vi.lastMotion
		e.viLineOp(m)
	default:
		e.readChar = func(ch []byte) { e.viMotionKey(m, ch) }
	}
}

// viLineOp is dd, cc, yy: the whole line.
func (e *Engine) viLineOp(m *viMotionCtx) {
	e.buf.mark = len(e.buf.text)
	e.buf.point = 0
	e.viOpDispatch(m)
}

// viMotionKey takes the key typed after an operator
// (rl_domove_read_callback).
func (e *Engine) viMotionKey(m *viMotionCtx, ch []byte) {
	if len(ch) != 1 {
		e.viOpFailed(m, false)
		return
	}
	c := ch[0]
	switch {
	case strings.IndexByte(viMotionChars, c) >= 0:
		m.motion = c
		e.viDoMotion(m)
	case c == m.key && (c == 'd' || c == 'y' || c == 'c'):
		m.motion = c
		e.vi.lastMotion = c
		e.viLineOp(m)
	case c >= '1' && c <= '9':
		save := m.num
		num := int(c - '0')
		var digit func(ch []byte)
		digit = func(ch []byte) {
			if len(ch) == 1 {
				k := ch[0]
				if en := e.keymap.Entry(int(k)); en.Kind == inputrc.KindFunc && en.Func != nil && en.Func.Name == "universal-argument" {
					num = min(num*4, argCap)
					e.readChar = digit
					return
				}
				if k >= '0' && k <= '9' {
					num = min(num*10+int(k-'0'), argCap)
					e.readChar = digit
					return
				}
			}
			m.num = num * save
			m.explicit = true
			if len(ch) != 1 {
				e.viOpFailed(m, true)
				return
			}
			m.motion = ch[0]
			e.viDoMotion(m)
		}
		e.readChar = digit
	default:
		e.viOpFailed(m, false)
	}
}

// viOpFailed ends an operator that did nothing; with bell, it rings.
func (e *Engine) viOpFailed(m *viMotionCtx, bell bool) {
	if bell {
		e.ding()
	}
	e.vi.cur.count = m.num
}

// viDoMotion runs the motion of an operator on the line with a blank
// appended, so that motions work at its end, as
// rl_domove_motion_callback does.
func (e *Engine) viDoMotion(m *viMotionCtx) {
	e.vi.lastMotion = m.motion
	e.buf.text = append(e.buf.text, ' ')
	entry := e.keymap.Entry(int(m.motion))
	var cmd command
	ok := false
	if entry.Kind == inputrc.KindFunc && entry.Func != nil {
		cmd, ok = lookupCommand(entry.Func.Name)
		if o, vi := e.viOverride(entry.Func.Name); vi {
			cmd, ok = o, true
		}
		switch entry.Func.Name {
		case "vi-delete-to", "vi-change-to", "vi-yank-to", "vi-subst":
			ok = false // an operator cannot be the motion of another
		}
	}
	if !ok {
		e.viMotionCleanup(m)
		return
	}
	saveExplicit := e.explicit
	e.explicit = m.explicit
	cmd.fn(e, m.num*m.sign, m.motion)
	e.explicit = saveExplicit
	if e.readChar != nil {
		inner := e.readChar
		var wait func(ch []byte)
		wait = func(ch []byte) {
			inner(ch)
			if e.readChar != nil {
				inner = e.readChar
				e.readChar = wait
				return
			}
			e.viMotionCleanup(m)
		}
		e.readChar = wait
		return
	}
	e.viMotionCleanup(m)
}

// viMotionCleanup takes the blank away again and works out the text the
// operator acts on (_rl_vi_domove_motion_cleanup).
func (e *Engine) viMotionCleanup(m *viMotionCtx) {
	b := &e.buf
	if len(b.text) > m.end {
		b.text = b.text[:m.end]
	}
	b.point = clamp(b.point, 0, len(b.text))
	c := m.motion
	e.vi.cur.count = m.num
	if b.mark == b.point {
		if toUpperKey(m.key) == 'C' && strings.IndexByte(viMotionChars, c) >= 0 {
			e.viOpDispatch(m)
			return
		}
		e.ding()
		return
	}
	if toUpperKey(c) == 'W' && b.point < len(b.text) && b.point > b.mark && !viWS(b.at(b.point)) {
		b.point--
	}
	if m.key == 'c' && b.point >= b.mark && toUpperKey(c) == 'W' {
		for b.point > b.mark && viWS(b.at(b.point)) {
			b.point--
		}
		if b.point == b.mark {
			b.advance()
		} else if b.point >= 0 && b.point < len(b.text)-1 && !viWS(b.at(b.point)) {
			b.advance()
		}
	}
	if b.mark < b.point {
		b.point, b.mark = b.mark, b.point
	}
	e.viOpDispatch(m)
}

// viOpDispatch carries out the operator on text[point:mark]
// (vidomove_dispatch).
func (e *Engine) viOpDispatch(m *viMotionCtx) {
	b := &e.buf
	e.vi.cur.count = m.num
	extend := func(keep string) {
		if strings.IndexByte(keep, m.motion) < 0 && m.motion != 0 && b.point >= m.start && b.mark < len(b.text) {
			b.mark = b.nextGrapheme(b.mark)
		}
	}
	switch m.op {
	case 'd':
		extend(" l|h^0bBFT`")
		e.viKill(b.point, b.mark)
	case 'c':
		extend(" l|hwW^0bBFT`")
		if toUpperKey(m.motion) == 'W' && b.point < m.start {
			b.point = m.start
		}
		if e.vi.redoing {
			if len(e.vi.insertBuf) > 0 {
				e.viBeginGroup()
			}
			from, to := min(b.point, b.mark), max(b.point, b.mark)
			to = min(to, len(b.text))
			if from < to {
				e.deleteRange(from, to)
			}
			b.point = from
			if len(e.vi.insertBuf) > 0 {
				e.viInsertText(append([]byte(nil), e.vi.insertBuf...))
				e.viEndGroup()
			}
			return
		}
		e.viBeginGroup()
		e.viKill(b.point, min(b.mark, len(b.text)))
		if !isUpperKey(m.key) {
			e.vi.doingInsert = true
		}
		e.viStartInserting(m.key, m.num, m.sign)
	case 'y':
		extend(" l|h^0%bBFT`")
		from, to := min(b.point, b.mark), min(max(b.point, b.mark), len(b.text))
		if from < to {
			e.kills.add(b.text[from:to], false, false)
		}
		b.point = clamp(m.start, 0, len(b.text))
		b.mark = min(b.mark, len(b.text))
	}
}

// viChangeCase is ~: swap the case of count characters.
func viChangeCase(e *Engine, count int, _ byte) {
	b := &e.buf
	if b.point >= len(b.text) {
		return
	}
	for ; count > 0 && b.point < len(b.text); count-- {
		r, _ := utf8.DecodeRune(b.text[b.point:])
		var to rune
		switch {
		case unicode.IsUpper(r):
			to = unicode.ToLower(r)
		case unicode.IsLower(r):
			to = unicode.ToUpper(r)
		default:
			e.viForwardChar(1)
			continue
		}
		p := b.point
		e.viBeginGroup()
		viDelete(e, 1, 0)
		if b.point < p {
			b.advance()
		}
		e.viInsertText([]byte(string(to)))
		e.viEndGroup()
		e.viCheck()
	}
}

// viChangeChar is r: replace count characters with the one typed next.
func viChangeChar(e *Engine, count int, _ byte) {
	do := func(ch []byte) {
		if len(ch) == 1 && (ch[0] == 0x1b || ch[0] == 0x03) {
			return
		}
		b := &e.buf
		e.viBeginGroup()
		for ; count > 0 && b.point < len(b.text); count-- {
			p := b.point
			viDelete(e, 1, 0)
			if b.point < p {
				b.advance()
			}
			e.viInsertText(append([]byte(nil), ch...))
		}
		e.viBackwardChar(1)
		e.viEndGroup()
	}
	if e.vi.redoing {
		do(e.vi.replacement)
		return
	}
	e.readChar = func(ch []byte) {
		e.vi.replacement = append(e.vi.replacement[:0], ch...)
		do(ch)
	}
}

// viUnixWordRubout is C-w in vi mode: words end at blanks and
// punctuation.
func viUnixWordRubout(e *Engine, count int, _ byte) {
	b := &e.buf
	if b.point == 0 {
		e.ding()
		return
	}
	boundary := func(c byte) bool { return viWS(c) || isASCIIPunct(c) }
	orig := b.point
	if count <= 0 {
		count = 1
	}
	for ; count > 0; count-- {
		if b.point > 0 && b.at(b.point) == 0 && viWS(b.at(b.point-1)) {
			for {
				b.point--
				if !(b.point > 0 && viWS(b.at(b.point))) {
					break
				}
			}
		}
		if b.point > 0 && !boundary(b.at(b.point)) && boundary(b.at(b.point-1)) {
			b.point--
		}
		if b.point > 0 && boundary(b.at(b.point)) {
			for b.point > 0 && boundary(b.at(b.point-1)) {
				b.point--
			}
		} else if b.point > 0 && !boundary(b.at(b.point)) {
			for b.point > 0 && !boundary(b.at(b.point-1)) {
				b.backup()
			}
		}
	}
	e.viKill(orig, b.point)
}

func isASCIIPunct(c byte) bool { return c > ' ' && c < 0x7f && !isASCIIAlnum(c) }
