package multiprocessing

import (
	"errors"
	"slices"
	"testing"
	"time"
)

// counter is a custom managed type.
type counter struct{ n int }

func (c *counter) Add(k int) int { c.n += k; return c.n }
func (c *counter) Fail() error   { return errors.New("counter says no") }

var (
	_         = registerCounter()
	tUseProxy = Register("test.useproxy", func(d *DictProxy[string, int], l *ListProxy[string], q *QueueProxy[int]) error {
		if err := d.Set("child", 42); err != nil {
			return err
		}
		if err := l.Append("from child"); err != nil {
			return err
		}
		return q.Put(7, Forever)
	})
)

func registerCounter() bool {
	RegisterManagedType("test.counter", func(start int) *counter { return &counter{n: start} })
	return true
}

func TestManager(t *testing.T) {
	m := NewManager(ManagerOptions{})
	if err := m.Start(); err != nil {
		t.Fatal(err)
	}
	defer m.Shutdown()

	d, err := ManagerDict[string, int](m)
	if err != nil {
		t.Fatal(err)
	}
	l, _ := ManagerList[string](m)
	q, _ := ManagerQueue[int](m, 0)
	d.Set("a", 1)
	d.Set("b", 0)
	if v, ok, err := d.Get("a"); v != 1 || !ok || err != nil {
		t.Fatalf("dict get = %v %v %v", v, ok, err)
	}
	if _, ok, _ := d.Get("zzz"); ok {
		t.Fatal("missing key found")
	}
	run(t, tUseProxy, d, l, q)
	items, _ := d.Items()
	if len(items) != 3 || items["child"] != 42 || items["b"] != 0 {
		t.Fatalf("dict after child: %v", items)
	}
	keys, _ := d.Keys()
	if !slices.Equal(keys, []string{"a", "b", "child"}) {
		t.Fatalf("keys %v", keys)
	}
	if ok, _ := d.Delete("a"); !ok {
		t.Fatal("delete failed")
	}
	if n, _ := d.Len(); n != 2 {
		t.Fatalf("len %d", n)
	}
	l.Append("second")
	if vs, _ := l.Values(); !slices.Equal(vs, []string{"from child", "second"}) {
		t.Fatalf("list %v", vs)
	}
	if v, _ := l.Get(-1); v != "second" {
		t.Fatalf("list[-1] = %q", v)
	}
	if _, err := l.Get(5); err == nil {
		t.Fatal("index out of range accepted")
	}
	if v, err := q.Get(5 * time.Second); v != 7 || err != nil {
		t.Fatalf("queue get = %v, %v", v, err)
	}
	if _, err := q.Get(10 * time.Millisecond); err != ErrEmpty {
		t.Fatalf("empty queue: %v", err)
	}

	v, _ := ManagerValue(m, 3.5)
	v.Set(4.5)
	if x, _ := v.Get(); x != 4.5 {
		t.Fatalf("value %v", x)
	}
	ns, _ := m.Namespace()
	ns.Set("name", "gosh")
	var s string
	if err := ns.Get("name", &s); err != nil || s != "gosh" {
		t.Fatalf("namespace %q, %v", s, err)
	}
	if err := ns.Get("missing", &s); err == nil {
		t.Fatal("missing attribute found")
	}
	lk, _ := m.Lock()
	if ok, _ := lk.Acquire(0); !ok {
		t.Fatal("lock not acquired")
	}
	if ok, _ := lk.Acquire(10 * time.Millisecond); ok {
		t.Fatal("lock acquired twice")
	}
	lk.Release()
	ev, _ := m.Event()
	go func() { time.Sleep(20 * time.Millisecond); ev.Set() }()
	if ok, _ := ev.Wait(5 * time.Second); !ok {
		t.Fatal("event not seen")
	}

	c, err := m.Create("test.counter", 10)
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := c.Call("Add", []any{5}, &n); err != nil || n != 15 {
		t.Fatalf("custom Add = %d, %v", n, err)
	}
	if err := c.Call("Fail", nil); err == nil || err.Error() != "Fail: counter says no" {
		t.Fatalf("custom Fail = %v", err)
	}
	if err := c.Call("Nope", nil); err == nil {
		t.Fatal("unknown method accepted")
	}
	if _, err := m.Create("no.such.type"); err == nil {
		t.Fatal("unknown type accepted")
	}
}

func TestRemoteManagerTCP(t *testing.T) {
	key := []byte("remote key")
	srv, err := NewManagerServer("127.0.0.1:0", AFInet, key)
	if err != nil {
		t.Fatal(err)
	}
	go srv.ServeForever()
	defer srv.Close()

	m := NewManager(ManagerOptions{Address: srv.Address(), AuthKey: key})
	if err := m.Connect(); err != nil {
		t.Fatal(err)
	}
	q, err := ManagerQueue[string](m, 1)
	if err != nil {
		t.Fatal(err)
	}
	q.Put("x", Forever)
	if err := q.Put("y", 10*time.Millisecond); err != ErrFull {
		t.Fatalf("put on full: %v", err)
	}
	bad := NewManager(ManagerOptions{Address: srv.Address(), AuthKey: []byte("wrong")})
	var ae *AuthenticationError
	if err := bad.Connect(); !errors.As(err, &ae) {
		t.Fatalf("wrong key: %v", err)
	}
	// Default TCP managers bind to loopback.
	lm := NewManager(ManagerOptions{Family: AFInet})
	if lm.Address() != "127.0.0.1:0" {
		t.Fatalf("default TCP address %q", lm.Address())
	}
}
