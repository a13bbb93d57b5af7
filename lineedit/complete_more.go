package lineedit

import "strings"

// Questions asked while a completion list is shown: "Display all N
// possibilities? (y or n)" and the --More-- pager of page-completions,
// as readline's get_y_or_n and _rl_internal_pager.

// The answers get_y_or_n gives.
const (
	answerNo = iota
	answerYes
	answerLine  // the pager's Return: one more line
	answerAbort // C-g
	answerOther // anything else: ring the bell and ask again
)

// yOrN classifies a key typed at a question; pager adds the pager's
// keys (Return for one more line, q to stop).
func yOrN(b byte, pager bool) int {
	switch {
	case b == 'y' || b == 'Y' || b == ' ':
		return answerYes
	case b == 'n' || b == 'N' || b == 0x7f:
		return answerNo
	case b == 0x07:
		return answerAbort
	case pager && (b == '\n' || b == '\r'):
		return answerLine
	case pager && (b == 'q' || b == 'Q'):
		return answerNo
	}
	return answerOther
}

// askYesNo waits for the answer to a y-or-n question already shown and
// passes it to then; C-g counts as no and rings the bell.
func (e *Engine) askYesNo(pager bool, then func(yes bool)) {
	var ask func(b byte)
	ask = func(b byte) {
		switch yOrN(b, pager) {
		case answerYes:
			then(true)
		case answerAbort:
			e.ding()
			then(false)
		case answerOther:
			e.ding()
			e.confirm = ask
		default:
			then(false)
		}
	}
	e.confirm = ask
}

// morePrompt is what the pager shows; eraseMore takes it away again,
// leaving the cursor at the start of its row (readline's
// _rl_erase_entire_line).
const (
	morePrompt = "--More--"
	eraseMore  = "\r        \r"
)

// showRows prints the rows of a list, each ending a line. With
// page-completions it stops with --More-- once a screenful, less one
// row, has been printed since the last stop (lines counts those
// printed already) and rows remain: then space or y shows the next screenful,
// Return the next row, and q, n or DEL ends the list.
func (e *Engine) showRows(rows []string, lines int) {
	var b strings.Builder
	page := e.cfg.Vars.Get("page-completions")
	for i, row := range rows {
		b.WriteString(row)
		b.WriteByte('\n')
		lines++
		if !page || lines < e.Height-1 || i+1 == len(rows) {
			continue
		}
		b.WriteString(morePrompt)
		e.effects.Output += b.String()
		rest := rows[i+1:]
		var ask func(k byte)
		ask = func(k byte) {
			switch yOrN(k, true) {
			case answerYes:
				e.effects.Output += eraseMore
				e.showRows(rest, 0)
			case answerLine:
				e.effects.Output += eraseMore
				e.showRows(rest, lines-1)
			case answerOther:
				e.ding()
				e.confirm = ask
			case answerAbort:
				e.ding()
				e.effects.Output += eraseMore
			default:
				e.effects.Output += eraseMore
			}
		}
		e.confirm = ask
		return
	}
	e.effects.Output += b.String()
}
