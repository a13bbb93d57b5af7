package dummy

import (
	"testing"

	"github.com/goshell/gosh/runtime/threading"
)

// pipeline is code written once against threading.Module: a producer
// thread fills a queue under a Condition, a consumer thread drains it, a
// BoundedSemaphore guards a counter, an Event says the producer is done
// and a one-party Barrier counts rounds. It returns what it saw.
func pipeline(t *testing.T, m threading.Module) (sum, rounds int) {
	c := m.NewCondition(nil)
	sem := m.NewBoundedSemaphore(1)
	produced := m.NewEvent()
	barrier := m.NewBarrier(1, func() error { rounds++; return nil }, -1)
	var queue []int
	producer := m.NewThread(func() {
		for i := 1; i <= 100; i++ {
			c.Acquire(true, -1)
			queue = append(queue, i)
			c.Notify(1)
			c.Release()
		}
		produced.Set()
	})
	consumer := m.NewThread(func() {
		for n := 0; n < 100; n++ {
			c.Acquire(true, -1)
			if ok, err := c.WaitFor(func() bool { return len(queue) > 0 }, -1); !ok || err != nil {
				t.Errorf("WaitFor = %v, %v", ok, err)
			}
			v := queue[0]
			queue = queue[1:]
			c.Release()
			sem.Acquire(true, -1)
			sum += v
			if err := sem.Release(); err != nil {
				t.Error(err)
			}
			if _, err := barrier.Wait(-1); err != nil {
				t.Error(err)
			}
		}
	})
	producer.Start()
	consumer.Start()
	for _, th := range []threading.Runner{producer, consumer} {
		if err := th.Join(-1); err != nil {
			t.Fatal(err)
		}
	}
	if !produced.Wait(0) {
		t.Error("producer's event not set")
	}
	if err := sem.Release(); err == nil {
		t.Error("BoundedSemaphore released past its bound")
	}
	return sum, rounds
}

// TestDropIn runs the same code on real threads and inline, and expects
// the same answers.
func TestDropIn(t *testing.T) {
	for name, m := range map[string]threading.Module{"threading.Std": threading.Std, "dummy.Module": Module} {
		t.Run(name, func(t *testing.T) {
			sum, rounds := pipeline(t, m)
			if sum != 5050 || rounds != 100 {
				t.Errorf("sum %d, rounds %d; want 5050, 100", sum, rounds)
			}
		})
	}
}
