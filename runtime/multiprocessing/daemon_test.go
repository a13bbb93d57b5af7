package multiprocessing

import (
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

var tpDaemonParent = Register("test.daemonparent", func(c *Conn) error {
	g := NewProcess(tpSleep, time.Minute)
	g.Daemon = true
	if err := g.Start(); err != nil {
		return err
	}
	if err := c.Send(g.Pid()); err != nil {
		return err
	}
	time.Sleep(time.Minute)
	return nil
})

// processGone reports whether pid has exited (or is a zombie).
func processGone(pid int) bool {
	if syscall.Kill(pid, 0) != nil {
		return true
	}
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return true
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	return i >= 0 && i+2 < len(s) && s[i+2] == 'Z'
}

func TestDaemonDiesWithKilledParent(t *testing.T) {
	a, b, _ := Pipe(true)
	p := NewProcess(tpDaemonParent, b)
	if err := p.Start(); err != nil {
		t.Fatal(err)
	}
	b.Close()
	var gpid int
	if err := a.Recv(&gpid); err != nil {
		t.Fatal(err)
	}
	if processGone(gpid) {
		t.Fatal("daemon grandchild not running")
	}
	p.Kill()
	p.Join(Forever)
	deadline := time.Now().Add(5 * time.Second)
	for !processGone(gpid) {
		if time.Now().After(deadline) {
			syscall.Kill(gpid, syscall.SIGKILL)
			t.Fatal("daemon grandchild outlived its killed parent")
		}
		time.Sleep(10 * time.Millisecond)
	}
}
