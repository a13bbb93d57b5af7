package shell

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/term"
)

// parBar is the progress bar of parallel --bar, drawn on one line of
// standard error: the share of jobs done, a bar, the counts and an
// estimate of the time left. It is styled with plain SGR sequences, not
// lipgloss, whose package initialization every "gosh -c" would pay for.
//
//	40% ━━━━━━━━━━━━──────────────────  8/20  2 running  1 failed  ETA 0:03
type parBar struct {
	w     io.Writer // where it is drawn, colours downsampled for it
	tty   *os.File  // the terminal, for its width; nil if not one
	total int       // the number of jobs; -1 when unknown
	start time.Time
	drawn bool
	last  time.Time

	pct, fill, rest, count, fail barStyle
}

// A barStyle is the SGR sequence that starts a style; "" is no style.
type barStyle string

// Render returns text in style st.
func (st barStyle) Render(text string) string {
	if st == "" {
		return text
	}
	return string(st) + text + "\x1b[m"
}

// barProfile is what a terminal shows of the bar's styles, as
// colorprofile detects it: nothing on a file or pipe or with TERM=dumb
// (unless CLICOLOR_FORCE is set), attributes but no colours with NO_COLOR,
// everything otherwise. The bar uses only basic colours, which every
// colour terminal has.
type barProfile int

const (
	barPlain  barProfile = iota // no escape sequences at all
	barAttrs                    // bold and faint, no colours
	barColour                   // everything
)

// detectBarProfile returns the profile of w in the environment env.
func detectBarProfile(w io.Writer, env []string) barProfile {
	get := func(name string) string {
		for i := len(env) - 1; i >= 0; i-- {
			if v, ok := strings.CutPrefix(env[i], name+"="); ok {
				return v
			}
		}
		return ""
	}
	f, ok := w.(*os.File)
	tty := ok && term.IsTerminal(int(f.Fd()))
	force := get("CLICOLOR_FORCE")
	if (!tty || get("TERM") == "dumb") && (force == "" || force == "0") {
		return barPlain
	}
	if get("NO_COLOR") != "" {
		return barAttrs
	}
	return barColour
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
	switch detectBarProfile(w, env) {
	case barPlain:
		b.w = plainWriter{w}
	case barAttrs:
		b.pct, b.rest, b.fail = "\x1b[1m", "\x1b[2m", "\x1b[1m"
	case barColour:
		b.pct, b.fill, b.rest, b.fail = "\x1b[1m", "\x1b[32m", "\x1b[2m", "\x1b[1;31m"
	}
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
	style := func(st barStyle, s string) string {
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
