package poll

import (
	"runtime"
	"sync"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// interrupted runs wait on a locked OS thread while another goroutine
// sends that thread SIGURG every 200 microseconds (the Go runtime's own
// preemption signal, which it handles and otherwise ignores), so that
// the system call inside wait sees EINTR many times.
func interrupted(wait func()) {
	tid := make(chan int)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		id := <-tid
		for {
			select {
			case <-stop:
				return
			default:
			}
			unix.Tgkill(unix.Getpid(), id, unix.SIGURG)
			time.Sleep(200 * time.Microsecond)
		}
	}()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	tid <- unix.Gettid()
	wait()
	close(stop)
	wg.Wait()
}

// TestSignalsInterrupt checks the premise of TestRetryAfterSignal: a raw
// poll(2) under the barrage fails with EINTR.
func TestSignalsInterrupt(t *testing.T) {
	r, w := pipePair(t)
	closeLater(t, &r, &w)
	var err error
	interrupted(func() {
		_, err = unix.Poll([]unix.PollFd{{Fd: int32(r), Events: unix.POLLIN}}, 2000)
	})
	if err != unix.EINTR {
		t.Fatalf("raw poll under signals: %v, want EINTR", err)
	}
}

// TestRetryAfterSignal waits under a barrage of signals with every
// mechanism: a wait with a timeout lasts the whole timeout without error,
// and one without a timeout sees data written meanwhile.
func TestRetryAfterSignal(t *testing.T) {
	for _, m := range mechanisms() {
		t.Run(m.name, func(t *testing.T) {
			r, w := pipePair(t)
			closeLater(t, &r, &w)
			register, wait := m.make(t)
			register(r, In)

			var got map[int]Events
			var err error
			var elapsed time.Duration
			interrupted(func() {
				start := time.Now()
				got, err = wait(50 * time.Millisecond)
				elapsed = time.Since(start)
			})
			if err != nil || len(got) != 0 || elapsed < 50*time.Millisecond {
				t.Fatalf("50ms wait: %v, %v after %v", got, err, elapsed)
			}

			go func() {
				time.Sleep(30 * time.Millisecond)
				unix.Write(w, []byte("x"))
			}()
			interrupted(func() { got, err = wait(Forever) })
			if err != nil || got[r]&In == 0 {
				t.Fatalf("wait without timeout: %v, %v", got, err)
			}
		})
	}
}
