package threading_test

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/goshell/gosh/runtime/threading"
)

// Start a thread and join it, as Python's
//
//	t = threading.Thread(target=work, name="worker"); t.start(); t.join()
func ExampleThread() {
	t := threading.NewThread(func() {
		fmt.Println("in", threading.CurrentThread().Name())
	}, threading.WithName("worker"))
	t.Start()
	t.Join(-1)
	fmt.Println("alive:", t.IsAlive())
	// Output:
	// in worker
	// alive: false
}

// Join with a timeout reports a thread still running with ErrTimeout,
// where Python's join returns and the caller checks is_alive().
func ExampleThread_Join() {
	release := make(chan struct{})
	t := threading.NewThread(func() { <-release })
	t.Start()
	fmt.Println(t.Join(10*time.Millisecond) == threading.ErrTimeout)
	close(release)
	fmt.Println(t.Join(-1))
	// Output:
	// true
	// <nil>
}

// Go's defer takes the place of Python's with statement.
func ExampleLock() {
	var lock threading.Lock
	count := 0
	var wg sync.WaitGroup
	for range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lock.Lock() // with lock:
			defer lock.Unlock()
			count++
		}()
	}
	wg.Wait()
	fmt.Println(count)
	fmt.Println(lock.Release()) // releasing an unlocked lock is an error, not a crash
	// Output:
	// 10
	// thread: release of unlocked lock
}

// Acquire takes Python's blocking flag and timeout.
func ExampleLock_Acquire() {
	var lock threading.Lock
	fmt.Println(lock.Acquire(true, -1))                 // acquire()
	fmt.Println(lock.Acquire(false, 0))                 // acquire(False)
	fmt.Println(lock.Acquire(true, 5*time.Millisecond)) // acquire(timeout=0.005)
	// Output:
	// true
	// false
	// false
}

// The thread holding an RLock may take it again; only it may release it.
func ExampleRLock() {
	var r threading.RLock
	r.Lock()
	r.Lock()
	errc := make(chan error)
	go func() { errc <- r.Release() }()
	fmt.Println(<-errc)
	r.Unlock()
	r.Unlock()
	fmt.Println(r.Release())
	// Output:
	// thread: release of lock held by another thread
	// thread: release of unlocked lock
}

// The producer/consumer pattern with a Condition.
func ExampleCondition() {
	c := threading.NewCondition(nil)
	var items []string
	done := make(chan struct{})
	consumer := threading.NewThread(func() {
		defer close(done)
		c.Lock()
		defer c.Unlock()
		for range 3 {
			c.WaitFor(func() bool { return len(items) > 0 }, -1)
			fmt.Println("got", items[0])
			items = items[1:]
		}
	})
	consumer.Start()
	for _, it := range []string{"a", "b", "c"} {
		c.Lock()
		items = append(items, it)
		c.Notify(1)
		c.Unlock()
	}
	<-done
	// Output:
	// got a
	// got b
	// got c
}

// A BoundedSemaphore limits how many threads use a resource at once, and
// catches releasing more than was acquired.
func ExampleBoundedSemaphore() {
	pool := threading.NewBoundedSemaphore(2)
	var mu sync.Mutex
	inUse, peak := 0, 0
	var ts []*threading.Thread
	for range 6 {
		t := threading.NewThread(func() {
			pool.Lock() // with pool:
			defer pool.Unlock()
			mu.Lock()
			inUse++
			peak = max(peak, inUse)
			mu.Unlock()
			time.Sleep(time.Millisecond)
			mu.Lock()
			inUse--
			mu.Unlock()
		})
		t.Start()
		ts = append(ts, t)
	}
	for _, t := range ts {
		t.Join(-1)
	}
	fmt.Println("at most", peak, "at once")
	fmt.Println(pool.Release())
	// Output:
	// at most 2 at once
	// threading: semaphore released too many times
}

func ExampleEvent() {
	var ready threading.Event
	t := threading.NewThread(func() {
		time.Sleep(time.Millisecond)
		ready.Set()
	})
	t.Start()
	fmt.Println(ready.Wait(10 * time.Second))
	// Output: true
}

func ExampleTimer() {
	t := threading.NewTimer(time.Hour, func() { fmt.Println("too late") })
	t.Start()
	t.Cancel()
	t.Join(-1)
	fmt.Println("cancelled")
	// Output: cancelled
}

func ExampleBarrier() {
	b := threading.NewBarrier(3, func() error { fmt.Println("all arrived"); return nil }, -1)
	var mu sync.Mutex
	var idx []int
	var ts []*threading.Thread
	for range 3 {
		t := threading.NewThread(func() {
			i, err := b.Wait(-1)
			if err != nil {
				fmt.Println(err)
			}
			mu.Lock()
			idx = append(idx, i)
			mu.Unlock()
		})
		t.Start()
		ts = append(ts, t)
	}
	for _, t := range ts {
		t.Join(-1)
	}
	sort.Ints(idx)
	fmt.Println(idx)
	b.Abort()
	_, err := b.Wait(-1)
	fmt.Println(errors.Is(err, threading.ErrBrokenBarrier))
	// Output:
	// all arrived
	// [0 1 2]
	// true
}

func ExampleLocal() {
	var data threading.Local[struct{ N int }]
	data.Get().N = 1
	t := threading.NewThread(func() { fmt.Println("thread sees", data.Get().N) })
	t.Start()
	t.Join(-1)
	fmt.Println("caller sees", data.Get().N)
	// Output:
	// thread sees 0
	// caller sees 1
}

// A panic in a thread goes to the excepthook and ends only that thread.
func ExampleSetExceptHook() {
	prev := threading.SetExceptHook(func(a threading.ExceptHookArgs) {
		fmt.Printf("%s panicked: %v\n", a.Thread.Name(), a.Value)
	})
	defer threading.SetExceptHook(prev)
	t := threading.NewThread(func() { panic("oops") }, threading.WithName("bad"))
	t.Start()
	t.Join(-1)
	fmt.Println("still running")
	// Output:
	// bad panicked: oops
	// still running
}

// Shutdown waits for non-daemon threads, as Python does at exit.
func ExampleShutdown() {
	t := threading.NewThread(func() {
		time.Sleep(time.Millisecond)
		fmt.Println("worker done")
	})
	t.Start()
	threading.Shutdown(context.Background())
	fmt.Println("exiting")
	// Output:
	// worker done
	// exiting
}

// Code written against Module runs on real threads with Std, or inline
// with dummy.Module.
func ExampleModule() {
	count := func(m threading.Module) int {
		lock := m.NewLock()
		n := 0
		var ts []threading.Runner
		for range 4 {
			t := m.NewThread(func() {
				lock.Acquire(true, -1)
				defer lock.Release()
				n++
			})
			t.Start()
			ts = append(ts, t)
		}
		for _, t := range ts {
			t.Join(-1)
		}
		return n
	}
	fmt.Println(count(threading.Std))
	// Output: 4
}
