package dummy_test

import (
	"fmt"

	mp "github.com/goshell/gosh/runtime/multiprocessing"
	"github.com/goshell/gosh/runtime/multiprocessing/dummy"
)

var shout = mp.RegisterFunc("dummy.example.shout", func(s string) (string, error) { return s + "!", nil })

func ExampleNewPool() {
	p, _ := dummy.NewPool(mp.PoolOptions{Processes: 2})
	defer p.Terminate()
	out, _ := mp.Map(p, shout, []string{"a", "b"}, 0)
	fmt.Println(out)
	// Output: [a! b!]
}
