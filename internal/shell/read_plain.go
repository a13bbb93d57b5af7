package shell

import (
	"context"
	"io"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/sys/unix"
	"mvdan.cc/sh/v3/expand"
	"mvdan.cc/sh/v3/interp"
)

// readTimeoutStatus is read's status when -t runs out: 128 + SIGALRM.
const readTimeoutStatus = 142

// readPlain reads what read asks for without the line editor: up to the
// delimiter (-d, a newline by default), at most -n or exactly -N
// characters, within -t's time. Backslashes stay in the text unless -r,
// for readAssignments to treat; a backslash before a newline joins the
// lines. On a terminal, -s turns echo off and -n and -N read each key as
// it is typed. -p's prompt goes to stderr, on a terminal only, once the
// modes are set. The status is 0, 1 at the end of input, or 142 when the
// time ran out; what was read so far is returned in any case.
func readPlain(ctx context.Context, in io.Reader, o *readOpts, tty bool, stderr io.Writer) (string, int) {
	f, _ := in.(*os.File)
	if tty && (o.silent || o.nchars >= 0) {
		defer ttyModes(f, o.silent, o.nchars >= 0)()
	}
	if o.prompt != "" && tty {
		io.WriteString(stderr, o.prompt) //nolint:errcheck
	}
	var deadline time.Time
	if o.hasTimeout {
		deadline = time.Now().Add(o.timeout)
	}
	var (
		line  []byte
		chars int
		esc   bool
		part  int // bytes of a character not yet complete
		buf   [1]byte
	)
	for o.nchars < 0 || chars < o.nchars {
		if !deadline.IsZero() && f != nil {
			if !waitReadable(f, time.Until(deadline)) {
				return string(line), readTimeoutStatus
			}
		}
		if ctx.Err() != nil {
			return string(line), 1
		}
		n, err := in.Read(buf[:])
		if n == 0 {
			if err == nil {
				continue
			}
			return string(line), 1
		}
		b := buf[0]
		if esc {
			esc = false
			if b == '\n' {
				line = line[:len(line)-1] // a continued line
				continue
			}
			line = append(line, b)
			chars++
			continue
		}
		if !o.raw && b == '\\' {
			esc = true
			line = append(line, b)
			continue
		}
		if b == o.delim && !o.exact {
			break
		}
		line = append(line, b)
		part++
		if utf8.FullRune(line[len(line)-part:]) || part >= utf8.UTFMax {
			chars++
			part = 0
		}
	}
	return string(line), 0
}

// waitReadable waits up to d for input on f.
func waitReadable(f *os.File, d time.Duration) bool {
	if d < 0 {
		d = 0
	}
	fds := []unix.PollFd{{Fd: int32(f.Fd()), Events: unix.POLLIN}}
	deadline := time.Now().Add(d)
	for {
		ms := int(time.Until(deadline).Milliseconds())
		n, err := unix.Poll(fds, max(ms, 0))
		if err == unix.EINTR {
			continue
		}
		return err == nil && n > 0
	}
}

// ttyModes turns the terminal's echo off (silent) and reads each key as
// it comes (keys), and returns what puts the modes back.
func ttyModes(f *os.File, silent, keys bool) func() {
	fd := int(f.Fd())
	old, err := unix.IoctlGetTermios(fd, ioctlGetTermios)
	if err != nil {
		return func() {}
	}
	tio := *old
	if silent {
		tio.Lflag &^= unix.ECHO
	}
	if keys {
		tio.Lflag &^= unix.ICANON
		tio.Cc[unix.VMIN], tio.Cc[unix.VTIME] = 1, 0
	}
	if unix.IoctlSetTermios(fd, ioctlSetTermios, &tio) != nil {
		return func() {}
	}
	return func() { unix.IoctlSetTermios(fd, ioctlSetTermios, old) } //nolint:errcheck
}

// readAssignments returns the shell code that assigns what read read, as
// bash does: split at $IFS into the names (the last takes the rest), into
// the array of -a, or whole into REPLY; -N assigns the characters as they
// are. Backslashes escape the next character unless -r. The code ends
// with the status.
func readAssignments(hc interp.HandlerContext, o *readOpts, text string, status int) string {
	var b strings.Builder
	cfg := &expand.Config{Env: hc.Env}
	switch {
	case o.hasArray:
		b.WriteString(o.array + "=(")
		for i, f := range expand.ReadFields(cfg, text, -1, o.raw) {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(shellQuote(f))
		}
		b.WriteString(")")
	case len(o.names) == 0 || o.exact:
		name := "REPLY"
		if len(o.names) > 0 {
			name = o.names[0]
		}
		val := text
		if !o.raw {
			val = unescapeRead(text)
		}
		b.WriteString(name + "=" + shellQuote(val))
		for _, n := range o.names[min(1, len(o.names)):] {
			b.WriteString(" " + n + "=")
		}
	default:
		fields := expand.ReadFields(cfg, text, len(o.names), o.raw)
		for i, n := range o.names {
			if i > 0 {
				b.WriteByte(' ')
			}
			v := ""
			if i < len(fields) {
				v = fields[i]
			}
			b.WriteString(n + "=" + shellQuote(v))
		}
	}
	if status != 0 {
		b.WriteString("\n" + statusScript(status))
	}
	return b.String()
}

// unescapeRead removes the backslashes that escape characters.
func unescapeRead(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	esc := false
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && !esc {
			esc = true
			continue
		}
		b.WriteByte(s[i])
		esc = false
	}
	return b.String()
}
