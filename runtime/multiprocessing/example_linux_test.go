package multiprocessing_test

import (
	"fmt"

	mp "github.com/goshell/gosh/runtime/multiprocessing"
)

var (
	count = mp.Register("example.count", func(q *mp.Queue[string], v *mp.Value[int]) {
		for _, w := range []string{"one", "two", "three"} {
			q.Put(w, mp.Forever)
			v.Update(func(n int) int { return n + 1 })
		}
	})
)

func ExampleNewQueue() {
	q, _ := mp.NewQueue[string](0)
	v, _ := mp.NewValue(0, nil)
	p := mp.NewProcess(count, q, v)
	p.Start()
	for range 3 {
		w, _ := q.Get(mp.Forever)
		fmt.Print(w, " ")
	}
	p.Join(mp.Forever)
	fmt.Println(v.Get())
	// Output: one two three 3
}
