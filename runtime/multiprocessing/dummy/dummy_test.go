package dummy

import (
	"errors"
	"slices"
	"testing"
	"time"

	mp "github.com/goshell/gosh/runtime/multiprocessing"
)

var double = mp.RegisterFunc("dummy.double", func(x int) (int, error) { return 2 * x, nil })

func TestPoolIsThreadPool(t *testing.T) {
	p, err := NewPool(mp.PoolOptions{Processes: 3})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Terminate()
	got, err := mp.Map(p, double, []int{1, 2, 3}, 1)
	if err != nil || !slices.Equal(got, []int{2, 4, 6}) {
		t.Fatalf("%v, %v", got, err)
	}
}

func TestProcess(t *testing.T) {
	tests := []struct {
		name string
		fn   func() error
		want int
	}{
		{"ok", func() error { return nil }, 0},
		{"error", func() error { return errors.New("x") }, 1},
		{"panic", func() error { panic("y") }, 1},
	}
	for _, tt := range tests {
		release := make(chan struct{})
		p := NewProcess(func() error { <-release; return tt.fn() })
		if p.IsAlive() || p.Join(0) {
			t.Fatalf("%s: alive before start", tt.name)
		}
		p.Start()
		if !p.IsAlive() || len(ActiveChildren()) == 0 {
			t.Fatalf("%s: not alive after start", tt.name)
		}
		if p.Start() == nil {
			t.Fatalf("%s: started twice", tt.name)
		}
		close(release)
		if !p.Join(5 * time.Second) {
			t.Fatalf("%s: join timed out", tt.name)
		}
		if code, ok := p.ExitCode(); !ok || code != tt.want {
			t.Fatalf("%s: exit code %d, %v", tt.name, code, ok)
		}
	}
}
