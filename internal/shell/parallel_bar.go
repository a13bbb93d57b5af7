package shell

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"golang.org/x/term"
)

// parBar is the progress bar of parallel --bar, drawn on one line of
// standard error with lipgloss: the share of jobs done, a bar, the counts
// and an estimate of the time left.
//
//	40% ━━━━━━━━━━━━──────────────────  8/20  2 running  1 failed  ETA 0:03
type parBar struct {
	w     io.Writer // where it is drawn, colours downsampled for it
	tty   *os.File  // the terminal, for its width; nil if not one
	total int       // the number of jobs; -1 when unknown
	start time.Time
	drawn bool
	last  time.Time

	pct, fill, rest, count, fail lipgloss.Style
}

// newParBar returns a bar drawn on w for total jobs; env (the shell's
// exported variables) says which colours the terminal has.
func newParBar(w io.Writer, total int, env []string) *parBar {
	b := &parBar{
		w:     colorprofile.NewWriter(w, env),
		total: total,
		start: time.Now(),
		pct:   lipgloss.NewStyle().Bold(true),
		fill:  lipgloss.NewStyle().Foreground(lipgloss.Color("2")),
		rest:  lipgloss.NewStyle().Faint(true),
		count: lipgloss.NewStyle(),
		fail:  lipgloss.NewStyle().Foreground(lipgloss.Color("1")).Bold(true),
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
	if b.total <= 0 {
		return b.count.Render(strings.TrimLeft(tail.String(), " ")) + b.fail.Render(failText) + eta
	}
	frac := float64(done) / float64(b.total)
	pct := fmt.Sprintf("%3d%% ", int(frac*100))
	barWidth := width - lipgloss.Width(pct) - lipgloss.Width(tail.String()) - lipgloss.Width(failText) - lipgloss.Width(eta) - 1
	barWidth = min(max(barWidth, 5), 40)
	filled := int(frac * float64(barWidth))
	return b.pct.Render(pct) +
		b.fill.Render(strings.Repeat("━", filled)) +
		b.rest.Render(strings.Repeat("─", barWidth-filled)) +
		b.count.Render(tail.String()) + b.fail.Render(failText) + eta
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
