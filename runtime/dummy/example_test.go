package dummy_test

import (
	"fmt"
	"time"

	"github.com/goshell/gosh/runtime/dummy"
	"github.com/goshell/gosh/runtime/threading"
)

// Start runs the target before it returns, so output order is fixed.
func ExampleThread() {
	t := dummy.NewThread(func() {
		fmt.Println("in", dummy.CurrentThread().Name())
	}, threading.WithName("inline"))
	fmt.Println("before")
	t.Start()
	fmt.Println("after; alive:", t.IsAlive())
	// Output:
	// before
	// in inline
	// after; alive: false
}

// A wait that no other thread could end fails at once with a timeout,
// instead of sleeping, and reports the deadlock without one.
func ExampleLock() {
	var l dummy.Lock
	l.Lock()
	fmt.Println(l.Acquire(true, time.Hour))
	func() {
		defer func() { fmt.Println("panic:", recover()) }()
		l.Acquire(true, -1)
	}()
	// Output:
	// false
	// panic: dummy: wait would never end (deadlock)
}

// The same code runs on real threads or inline, like Python's
// "import dummy_threading as threading".
func ExampleModule() {
	run := func(m threading.Module) int {
		lock := m.NewLock()
		n := 0
		for range 3 {
			t := m.NewThread(func() {
				lock.Acquire(true, -1)
				defer lock.Release()
				n++
			})
			t.Start()
			t.Join(-1)
		}
		return n
	}
	fmt.Println(run(threading.Std), run(dummy.Module))
	// Output: 3 3
}

func ExampleTimer() {
	t := dummy.NewTimer(time.Hour, func() { fmt.Println("fired, without waiting an hour") })
	t.Start()
	// Output: fired, without waiting an hour
}
