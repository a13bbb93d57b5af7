package multiprocessing

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/sys/unix"
)

// Main is the entry hook: call it first thing in main (and in TestMain for
// tests that start processes). In the program as started it returns at
// once. In a child started by this package it runs what the parent asked
// for and exits with its exit code, never returning. It is Go's
// `if __name__ == '__main__':` guard.
func Main() {
	mark := os.Getenv(envChild)
	if mark == "" {
		return
	}
	os.Unsetenv(envChild)
	exitNow(runChild(strings.TrimPrefix(mark, childCodecPrefix)))
}

var (
	atExitMu    sync.Mutex
	atExitHooks []func()
)

// atExit registers a function run when a child's target returns (queues
// flush their buffers then). Python: util.Finalize with an exit priority.
func atExit(f func()) {
	atExitMu.Lock()
	atExitHooks = append(atExitHooks, f)
	atExitMu.Unlock()
}

func runAtExit() {
	atExitMu.Lock()
	hooks := atExitHooks
	atExitHooks = nil
	atExitMu.Unlock()
	for i := len(hooks) - 1; i >= 0; i-- {
		hooks[i]()
	}
}

// isChild is set first thing in a child started by this package.
var isChild atomic.Bool

// exitNow exits the process; a variable so that nothing else can hook it.
var exitNow = os.Exit

// runChild is a child's life: make the parent's default codec its own,
// read the preparation data, become the named process, run the target (or
// serve as a pool worker), and report the exit code.
func runChild(codecName string) int {
	isChild.Store(true)
	codec, ok := lookupCodec(codecName)
	if !ok {
		fmt.Fprintf(os.Stderr, "multiprocessing: child %d: cannot start: unknown codec %q (register it from init)\n", os.Getpid(), codecName)
		return 1
	}
	SetDefaultCodec(codec)
	for _, fd := range []int{controlFD, controlWriteFD, controlBulkFD} {
		unix.CloseOnExec(fd)
	}
	ctrl := newPipePairConn(controlFD, controlWriteFD, controlBulkFD)
	var prep prepData
	var args []reflect.Value
	var target *funcTarget
	err := ctrl.recvFunc(func(dec Decoder) error {
		if err := dec.Decode(&prep); err != nil {
			return err
		}
		if prep.Target == "" {
			return nil
		}
		t, err := lookupTarget(prep.Target)
		if err != nil {
			return err
		}
		target = t
		args, err = decodeArgs(dec, t, prep.NumArgs)
		return err
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "multiprocessing: child %d: cannot start: %v\n", os.Getpid(), err)
		return 1
	}
	becomeChild(&prep)
	if prep.Daemon {
		startDaemonWatchdog(prep.ParentPid)
	}
	lg := GetLogger()
	if prep.LogToStderr {
		LogToStderr(Level(prep.LogLevel))
	} else {
		lg.SetLevel(Level(prep.LogLevel))
	}
	lg.Infof("child process calling self.run()")
	code := 0
	var terr error
	if target != nil {
		if _, terr = target.call(args); terr != nil {
			reportFailure(prep.Name, terr)
			code = 1
		}
	}
	if prep.Pool != nil {
		code = serveWorker(ctrl, prep.Pool, terr)
	}
	lg.Infof("process shutting down")
	runAtExit()
	lg.Infof("process exiting with exitcode %d", code)
	return code
}

// becomeChild sets CurrentProcess and ParentProcess from the preparation
// data.
func becomeChild(prep *prepData) {
	current = &Process{
		Name: prep.Name, Daemon: prep.Daemon, kind: kindCurrent,
		identity: prep.Identity, pid: os.Getpid(), authkey: prep.AuthKey,
	}
	currentOnce.Do(func() {})
	parent = &Process{Name: prep.ParentName, kind: kindParent, pid: prep.ParentPid}
}

// reportFailure prints a target's failure as Python prints an uncaught
// exception in a child: "Process NAME:" and the traceback.
func reportFailure(name string, err error) {
	fmt.Fprintf(os.Stderr, "Process %s:\n", name)
	var re *RemoteError
	if errors.As(err, &re) && re.Stack != "" {
		fmt.Fprintf(os.Stderr, "%s\n%s", re.Message, re.Stack)
		return
	}
	fmt.Fprintf(os.Stderr, "%v\n", err)
}
