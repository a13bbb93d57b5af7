package multiprocessing_test

import (
	"fmt"
	"strings"

	mp "github.com/goshell/gosh/runtime/multiprocessing"
)

// Functions that other processes run are registered from package
// initialisation, so that a child (this program started again) finds them.
var (
	square = mp.RegisterFunc("example.square", func(x int) (int, error) { return x * x, nil })
	greet  = mp.Register("example.greet", func(c *mp.Conn, name string) error {
		defer c.Close()
		return c.Send("hello, " + name + " from " + mp.CurrentProcess().Name)
	})
)

// A program using the package calls Main first thing, as Python programs
// guard with `if __name__ == '__main__':`.
func Example_main() {
	// func main() {
	//	multiprocessing.Main()
	//	...
	// }
}

func ExampleMap() {
	pool, err := mp.NewPool(mp.PoolOptions{Processes: 2})
	if err != nil {
		panic(err)
	}
	defer pool.Terminate()
	squares, err := mp.Map(pool, square, []int{1, 2, 3, 4, 5}, 0)
	fmt.Println(squares, err)
	// Output: [1 4 9 16 25] <nil>
}

func ExampleNewProcess() {
	parentEnd, childEnd, _ := mp.Pipe(true)
	p := mp.NewProcess(greet, childEnd, "gopher")
	p.Name = "greeter"
	if err := p.Start(); err != nil {
		panic(err)
	}
	childEnd.Close()
	var msg string
	parentEnd.Recv(&msg)
	p.Join(mp.Forever)
	code, _ := p.ExitCode()
	fmt.Println(msg, code)
	// Output: hello, gopher from greeter 0
}

func ExamplePipe() {
	a, b, _ := mp.Pipe(true)
	a.SendBytes([]byte("raw bytes, as Python's send_bytes"))
	msg, _ := b.RecvBytes(0)
	b.Send(map[string]int{"answer": 42})
	var m map[string]int
	a.Recv(&m)
	fmt.Println(string(msg), m["answer"])
	// Output: raw bytes, as Python's send_bytes 42
}

func ExampleNewListener() {
	key := []byte("secret")
	l, _ := mp.NewListener("127.0.0.1:0", mp.AFInet, 1, key)
	defer l.Close()
	go func() {
		c, err := l.Accept()
		if err != nil {
			return
		}
		m, _ := c.RecvBytes(0)
		c.SendBytes([]byte(strings.ToUpper(string(m))))
		c.Close()
	}()
	// A Python program could connect the same way:
	//   Client(("127.0.0.1", port), authkey=b"secret")
	c, err := mp.Client(l.Address(), mp.AFInet, key)
	if err != nil {
		panic(err)
	}
	c.SendBytes([]byte("shout"))
	reply, _ := c.RecvBytes(0)
	fmt.Println(string(reply))
	// Output: SHOUT
}

func ExampleNewManager() {
	m := mp.NewManager(mp.ManagerOptions{})
	if err := m.Start(); err != nil {
		panic(err)
	}
	defer m.Shutdown()
	d, _ := mp.ManagerDict[string, []int](m)
	d.Set("primes", []int{2, 3, 5})
	v, ok, _ := d.Get("primes")
	fmt.Println(v, ok)
	// Output: [2 3 5] true
}

func ExampleImap() {
	pool, _ := mp.NewThreadPool(mp.PoolOptions{Processes: 2})
	defer pool.Terminate()
	for r, err := range mp.Imap(pool, square, func(yield func(int) bool) {
		for i := 1; i <= 3 && yield(i); i++ {
		}
	}, 1) {
		fmt.Println(r, err)
	}
	// Output:
	// 1 <nil>
	// 4 <nil>
	// 9 <nil>
}
