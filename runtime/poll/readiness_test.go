//go:build aix || darwin || dragonfly || freebsd || linux || netbsd || openbsd || solaris

package poll

import (
	"fmt"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// TestReadiness runs one scenario over every transport and mechanism:
// nothing to read, the writer writable, data written then read, a wait
// woken by a write from another goroutine, a wait that times out, and
// the end of the stream.
func TestReadiness(t *testing.T) {
	for _, tr := range transports {
		for _, m := range mechanisms() {
			t.Run(tr.name+"/"+m.name, func(t *testing.T) {
				r, w := tr.pair(t)
				closeLater(t, &r, &w)
				register, wait := m.make(t)
				register(r, In)
				register(w, Out)

				expect := func(step string, timeout time.Duration, want map[int]Events) {
					t.Helper()
					got, err := wait(timeout)
					if err != nil {
						t.Fatalf("%s: %v", step, err)
					}
					for _, fd := range []int{r, w} {
						if g, ok := got[fd]; (g&want[fd] != want[fd]) || (want[fd] == 0 && ok && g&(In|Out) != 0) {
							t.Fatalf("%s: fd %d: got %v, want %v (all: %v)", step, fd, g, want[fd], got)
						}
					}
				}

				expect("idle", 0, map[int]Events{w: Out})
				write(t, w, "ping")
				expect("written", 0, map[int]Events{r: In, w: Out})
				if got := read(t, r); got != "ping" {
					t.Fatalf("read %q", got)
				}
				expect("drained", 0, map[int]Events{w: Out})

				// The rest waits for the reader alone.
				register, wait = m.make(t)
				register(r, In)

				go func() {
					time.Sleep(20 * time.Millisecond)
					unix.Write(w, []byte("late"))
				}()
				expect("woken by a write", Forever, map[int]Events{r: In})
				if got := read(t, r); got != "late" {
					t.Fatalf("read %q", got)
				}

				start := time.Now()
				got, err := wait(30 * time.Millisecond)
				if err != nil {
					t.Fatal(err)
				}
				if got[r]&In != 0 {
					t.Fatalf("timeout: reader ready: %v", got)
				}
				if d := time.Since(start); d < 30*time.Millisecond {
					t.Fatalf("a 30ms wait ended after %v", d)
				}

				unix.Close(w)
				w = -1
				got, err = wait(Forever)
				if err != nil {
					t.Fatal(err)
				}
				if got[r]&(In|Hup) == 0 {
					t.Fatalf("end of stream: got %v", got)
				}
			})
		}
	}
}

func TestEventsString(t *testing.T) {
	tests := []struct {
		e    Events
		want string
	}{
		{0, "0"},
		{In, "In"},
		{In | Out, "In|Out"},
		{Out | Hup | Err, "Out|Err|Hup"},
		{1 << 24, "0x1000000"},
	}
	for _, tt := range tests {
		if got := tt.e.String(); got != tt.want {
			t.Errorf("%#x: got %q, want %q", uint32(tt.e), got, tt.want)
		}
	}
}

func ExampleEvents_String() {
	fmt.Println(In | Hup)
	// Output: In|Hup
}
