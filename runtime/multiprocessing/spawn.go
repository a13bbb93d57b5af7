package multiprocessing

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"sync"
)

// envChild marks a process started by this package; Main looks for it.
// Its value is childCodecPrefix and the name of the parent's default codec,
// which the child decodes its arguments with and makes its own default.
const (
	envChild         = "GOSH_MULTIPROCESSING_CHILD"
	childCodecPrefix = "codec="
)

// controlFD, controlWriteFD and controlBulkFD are the child's ends of its
// control connection: it reads 3, writes 4, and moves large payloads on 5.
const (
	controlFD      = 3
	controlWriteFD = 4
	controlBulkFD  = 5
)

// prepData is what a parent tells its child before anything else: who it
// is, what to run, and how (Python: spawn's preparation data).
type prepData struct {
	Name        string
	Identity    []int
	Daemon      bool
	AuthKey     []byte
	ParentPid   int
	ParentName  string
	Target      string // "" runs nothing (a pool worker without initializer)
	NumArgs     int
	LogLevel    int
	LogToStderr bool
	Pool        *workerConfig
}

// spawn starts the program again for p and sends it its preparation data
// and arguments over a fresh duplex pipe (the child's descriptors 3, 4 and 5).
func spawn(p *Process) (*Conn, int, *os.Process, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, 0, nil, err
	}
	down, up, err := pipePair()
	if err != nil {
		return nil, 0, nil, err
	}
	sock, err := socketPair()
	if err != nil {
		closeFDs([]int{down[0], down[1], up[0], up[1]})
		return nil, 0, nil, err
	}
	ctrl := newPipePairConn(up[0], down[1], sock[0])
	childR, childW := os.NewFile(uintptr(down[0]), "control-r"), os.NewFile(uintptr(up[1]), "control-w")
	childB := os.NewFile(uintptr(sock[1]), "control-bulk")
	defer childR.Close()
	defer childW.Close()
	defer childB.Close()

	cur := CurrentProcess()
	lg := GetLogger()
	prep := prepData{
		Name: p.Name, Identity: p.identity, Daemon: p.Daemon, AuthKey: p.authkey,
		ParentPid: os.Getpid(), ParentName: cur.Name,
		NumArgs: len(p.args), LogLevel: int(lg.Level()), LogToStderr: lg.toStderr(),
		Pool: p.pool,
	}
	if p.target != nil {
		prep.Target = p.target.TargetName()
	}
	var sh sharer
	defer sh.close()
	ctrl.wmu.Lock()
	err = ctrl.encodeFuncLocked(func(enc Encoder) error {
		if err := enc.Encode(&prep); err != nil {
			return err
		}
		return encodeArgs(enc, p.args, &sh)
	})
	if err != nil {
		ctrl.wmu.Unlock()
		ctrl.Close()
		return nil, 0, nil, err
	}

	cmd := exec.Command(exe, os.Args[1:]...)
	cmd.Env = append(childEnv(), envChild+"="+childCodecPrefix+ctrl.codec.Name())
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	cmd.ExtraFiles = append([]*os.File{childR, childW, childB}, sh.files...)
	cmd.SysProcAttr = sysProcAttr(p.Daemon)
	if err := startOnSpawnThread(cmd); err != nil {
		ctrl.wmu.Unlock()
		ctrl.Close()
		return nil, 0, nil, fmt.Errorf("multiprocessing: start %s: %w", p.Name, err)
	}
	// A child that dies at once makes this send fail; its exit code tells.
	ctrl.flushEncodedLocked()
	ctrl.wmu.Unlock()
	return ctrl, cmd.Process.Pid, cmd.Process, nil
}

// childEnv is this process's environment without the child marker.
func childEnv() []string {
	env := os.Environ()
	out := env[:0:0]
	for _, kv := range env {
		if !strings.HasPrefix(kv, envChild+"=") {
			out = append(out, kv)
		}
	}
	return out
}

var (
	spawnOnce sync.Once
	spawnReqs chan func()
)

// startOnSpawnThread starts cmd from one OS thread that never exits. Linux
// sends the parent-death signal when the thread that forked a child exits,
// not the process, so children must be forked from a thread that lives as
// long as the process.
func startOnSpawnThread(cmd *exec.Cmd) error {
	spawnOnce.Do(func() {
		spawnReqs = make(chan func())
		go func() {
			runtime.LockOSThread()
			for f := range spawnReqs {
				f()
			}
		}()
	})
	errc := make(chan error, 1)
	spawnReqs <- func() { errc <- cmd.Start() }
	return <-errc
}
