package shell

import (
	"os"
	"os/signal"
	"syscall"
)

// catchSignals sets up the signals of an interactive shell on a terminal
// the way bash does:
//
//   - SIGINT (C-c when no job has the terminal) stops the statement
//     running; at the prompt the line editor sees it and abandons the line.
//   - SIGTERM, SIGQUIT, and the job-control signals SIGTSTP, SIGTTIN and
//     SIGTTOU do nothing to the shell.
//   - SIGHUP (the terminal went away) sends SIGHUP on to the jobs, and the
//     shell exits.
//
// The signals are caught and dropped rather than ignored: a caught signal
// has its default action again in the commands the shell starts, where an
// ignored one would stay ignored.
func (s *Shell) catchSignals() {
	ch := make(chan os.Signal, 8)
	s.sigCh = ch
	signal.Notify(ch, caughtSignals...)
	go func() {
		for sig := range ch {
			switch sig {
			case syscall.SIGINT:
				s.jobs.interruptForeground()
			case syscall.SIGHUP:
				s.jobs.hangup()
				os.Exit(128 + int(syscall.SIGHUP))
			}
		}
	}()
}

// caughtSignals are the signals an interactive shell catches.
var caughtSignals = []os.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGQUIT,
	syscall.SIGTSTP, syscall.SIGTTIN, syscall.SIGTTOU, syscall.SIGHUP}
