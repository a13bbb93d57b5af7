package shell

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/goshell/gosh/lineedit"
)

// parBar is the progress bar of parallel --bar, drawn on one line of
// standard error: the share of jobs done, a bar, the counts and an
// estimate of the time left. Its styles are lipgloss styles pre-rendered
// for each colour profile (styles.go, styles_gen.go), not lipgloss
// itself, whose package initialization every "gosh -c" would pay for.
//
//	40% ━━━━━━━━━━━━──────────────────  8/20  2 running  1 failed  ETA 0:03
type parBar struct {
	w     io.Writer // where it is drawn, colours downsampled for it
	tty   *os.File  // the terminal, for its width; nil if not one
	total int       // the number of jobs; -1 when unknown
	start time.Time
	drawn bool
	last  time.Time

	pct, fill, rest, count, fail lineedit.SGR
}

// detectBarProfile returns the colour profile of w in the environment
// env, as colorprofile detects it (detectProfile): nothing on a file or
// pipe or with TERM=dumb (unless CLICOLOR_FORCE is set), attributes but no
// colours with NO_COLOR, the colours TERM and COLORTERM say otherwise.
func detectBarProfile(w io.Writer, env []string) colorProfile {
	f, ok := w.(*os.File)
	return detectProfile(ok && term.IsTerminal(int(f.Fd())), envLookup(env))
}

// plainWriter writes through to w without the CSI sequences.
type plainWriter struct{ w io.Writer }

func (p plainWriter) Write(b []byte) (int, error) {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] == 0x1b && i+1 < len(b) && b[i+1] == '[' {
			j := i + 2
			for j < len(b) && (b[j] < 0x40 || b[j] > 0x7e) {
				j++
			}
			i = j
			continue
		}
		out = append(out, b[i])
	}
	if _, err := p.w.Write(out); err != nil {
		return 0, err
	}
	return len(b), nil
}

// newParBar returns a bar drawn on w for total jobs; env (the shell's
// exported variables) says which colours the terminal has.
func newParBar(w io.Writer, total int, env []string) *parBar {
	b := &parBar{w: w, total: total, start: time.Now()}
	p := detectBarProfile(w, env)
	if p == profileNoTTY {
		b.w = plainWriter{w}
	}
	t := p.styles()
	b.pct, b.fill, b.rest, b.count, b.fail = t.barPercent, t.barFill, t.barRest, t.barCount, t.barFail
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		b.tty = f
	}
	return b
}

// width returns the terminal's width, or 80.
func (b *parBar) width() int {
	if b.tty != nil {
		if w, _, err := term.GetSize(int(b.tty.Fd())); err == nil && w > 0 {
			return w
		}
	}
	return 80
}

// render returns the bar's line for a state, fitting width columns.
func (b *parBar) render(done, failed, running, width int, elapsed time.Duration) string {
	var tail strings.Builder
	if b.total >= 0 {
		fmt.Fprintf(&tail, " %d/%d", done, b.total)
	} else {
		fmt.Fprintf(&tail, " %d done", done)
	}
	fmt.Fprintf(&tail, "  %d running", running)
	failText := ""
	if failed > 0 {
		failText = fmt.Sprintf("  %d failed", failed)
	}
	eta := ""
	if b.total > 0 && done > 0 && done < b.total {
		left := time.Duration(float64(elapsed) / float64(done) * float64(b.total-done))
		eta = "  ETA " + clock(left)
	} else if b.total > 0 && done == b.total {
		eta = "  " + clock(elapsed)
	}
	// Styles render empty text as escape sequences: only text is styled.
	style := func(st lineedit.SGR, s string) string {
		if s == "" {
			return ""
		}
		return st.Render(s)
	}
	if b.total <= 0 {
		return style(b.count, strings.TrimLeft(tail.String(), " ")) + style(b.fail, failText) + eta
	}
	frac := float64(done) / float64(b.total)
	pct := fmt.Sprintf("%3d%% ", int(frac*100))
	// The texts are ASCII: their widths are their lengths.
	barWidth := width - len(pct) - tail.Len() - len(failText) - len(eta) - 1
	barWidth = min(max(barWidth, 5), 40)
	filled := int(frac * float64(barWidth))
	return style(b.pct, pct) +
		style(b.fill, strings.Repeat("━", filled)) +
		style(b.rest, strings.Repeat("─", barWidth-filled)) +
		style(b.count, tail.String()) + style(b.fail, failText) + eta
}

// clock formats a duration as M:SS (or H:MM:SS).
func clock(d time.Duration) string {
	s := int(d.Round(time.Second) / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// draw redraws the bar, at most ten times a second.
func (b *parBar) draw(done, failed, running int) {
	now := time.Now()
	if b.drawn && now.Sub(b.last) < 100*time.Millisecond && done != b.total {
		return
	}
	b.last = now
	b.drawn = true
	line := b.render(done, failed, running, b.width(), now.Sub(b.start))
	fmt.Fprint(b.w, "\r"+line+"\x1b[K")
}

// clear erases the bar, so that a job's output starts on a clean line.
func (b *parBar) clear() {
	if b.drawn {
		fmt.Fprint(b.w, "\r\x1b[K")
		b.drawn = false
	}
}

// finish leaves the bar's last state on its line.
func (b *parBar) finish() {
	if b.drawn {
		fmt.Fprint(b.w, "\n")
	}
}
