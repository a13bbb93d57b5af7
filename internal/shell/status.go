package shell

import (
	"fmt"
	"strconv"
	"time"
)

// The status on the right (shopt gosh_status, on by default): at the
// prompt after a command that failed or took a while, the right end of
// the command line shows its exit status ("exit 1") and how long it ran
// ("12.4s", "3m05s"), as zsh's RPROMPT would. It is transient: it goes
// when the line is accepted, and when the line being typed reaches it.
// Nothing is shown after a command that succeeded within
// statusMinDuration, nor after an empty line or C-c at the prompt.

// statusMinDuration is how long a command runs before its duration is
// shown.
const statusMinDuration = 3 * time.Second

// status returns the right prompt for a command that ended with exit
// status code after running for d, or "" when there is nothing to say.
func (p *palette) status(code int, d time.Duration) string {
	s := ""
	if code != 0 {
		s = styled(p.exit, "exit "+strconv.Itoa(code))
	}
	if d >= statusMinDuration {
		if s != "" {
			s += " "
		}
		s += styled(p.took, formatDuration(d))
	}
	return s
}

// styled returns text in the SGR style sgr, reset after it.
func styled(sgr, text string) string {
	if sgr == "" {
		return text
	}
	return sgr + text + "\x1b[0m"
}

// formatDuration shows d to a tenth of a second under a minute, to the
// second under an hour, to the minute beyond.
func formatDuration(d time.Duration) string {
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%.1fs", d.Seconds())
	case d < time.Hour:
		d = d.Round(time.Second)
		return fmt.Sprintf("%dm%02ds", int(d.Minutes()), int(d.Seconds())%60)
	}
	d = d.Round(time.Minute)
	return fmt.Sprintf("%dh%02dm", int(d.Hours()), int(d.Minutes())%60)
}
