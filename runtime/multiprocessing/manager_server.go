package multiprocessing

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"sync"
)

// The manager protocol, over an authenticated Conn with the default codec
// (see SetDefaultCodec; client and server must agree): the client sends a
// mgrRequest and reads a mgrResponse. Arguments and results travel as
// self-contained encodings of that codec, so the server holds them
// without knowing their types unless a method declares them.

// mgrRequest is one call to a manager server.
type mgrRequest struct {
	Op     string // "create", "call", "shutdown", "ping"
	TypeID string // for create
	Obj    uint64 // for call
	Method string
	Args   [][]byte
}

// mgrResponse answers a mgrRequest.
type mgrResponse struct {
	Err     string
	Obj     uint64
	Results [][]byte
}

var managedTypes = struct {
	sync.RWMutex
	m map[string]reflect.Value
}{m: map[string]reflect.Value{}}

// RegisterManagedType makes factory's results shareable through managers
// as typeid: a manager creates one with factory(args...) and runs its
// exported methods for proxies (Manager.Create, Proxy.Call). factory returns
// the object, and maybe an error. Register from package initialisation, in
// the server's program. Python: BaseManager.register(typeid, callable).
func RegisterManagedType(typeid string, factory any) {
	builtinManagedTypes()
	registerManagedType(typeid, factory)
}

func registerManagedType(typeid string, factory any) {
	v := reflect.ValueOf(factory)
	if v.Kind() != reflect.Func || v.Type().NumOut() < 1 || v.Type().NumOut() > 2 {
		panic(fmt.Sprintf("multiprocessing: RegisterManagedType(%q): factory must be a function returning an object", typeid))
	}
	managedTypes.Lock()
	defer managedTypes.Unlock()
	if _, dup := managedTypes.m[typeid]; dup {
		panic(fmt.Sprintf("multiprocessing: RegisterManagedType(%q): already registered", typeid))
	}
	managedTypes.m[typeid] = v
}

// ManagerServer holds shared objects and serves proxies.
// Python: multiprocessing.managers.Server.
type ManagerServer struct {
	l       *Listener
	mu      sync.Mutex
	objs    map[uint64]reflect.Value
	next    uint64
	done    chan struct{}
	closing sync.Once
}

// NewManagerServer listens on address (family as for NewListener; a fresh
// Unix socket if both are empty) with authkey (this process's AuthKey if
// nil). Python: BaseManager.get_server().
func NewManagerServer(address, family string, authkey []byte) (*ManagerServer, error) {
	if family == "" && address == "" {
		family = AFUnix
	}
	if authkey == nil {
		authkey = CurrentProcess().AuthKey()
	}
	l, err := NewListener(address, family, 16, authkey)
	if err != nil {
		return nil, err
	}
	return &ManagerServer{l: l, objs: map[uint64]reflect.Value{}, done: make(chan struct{})}, nil
}

// Address returns the address the server listens on.
func (s *ManagerServer) Address() string { return s.l.Address() }

// Close stops the server.
func (s *ManagerServer) Close() error {
	s.closing.Do(func() { close(s.done) })
	return s.l.Close()
}

// ServeForever accepts and serves connections until Close or a client's
// shutdown request. Python: Server.serve_forever().
func (s *ManagerServer) ServeForever() error {
	for {
		c, err := s.l.Accept()
		if err != nil {
			select {
			case <-s.done:
				return nil
			default:
			}
			var ae *AuthenticationError
			if errors.As(err, &ae) {
				continue
			}
			if err == ErrClosed {
				return nil
			}
			return err
		}
		go s.serveConn(c)
	}
}

// serveConn answers requests on one connection.
func (s *ManagerServer) serveConn(c *Conn) {
	defer c.Close()
	for {
		var req mgrRequest
		if err := c.Recv(&req); err != nil {
			return
		}
		resp := s.handle(&req)
		if err := c.Send(&resp); err != nil {
			return
		}
		if req.Op == "shutdown" {
			s.Close()
			return
		}
	}
}

func (s *ManagerServer) handle(req *mgrRequest) (resp mgrResponse) {
	defer func() {
		if r := recover(); r != nil {
			resp = mgrResponse{Err: fmt.Sprintf("panic: %v", r)}
		}
	}()
	switch req.Op {
	case "ping", "shutdown":
		return mgrResponse{}
	case "create":
		obj, err := s.create(req.TypeID, req.Args)
		if err != nil {
			return mgrResponse{Err: err.Error()}
		}
		s.mu.Lock()
		s.next++
		id := s.next
		s.objs[id] = obj
		s.mu.Unlock()
		return mgrResponse{Obj: id}
	case "call":
		s.mu.Lock()
		obj, ok := s.objs[req.Obj]
		s.mu.Unlock()
		if !ok {
			return mgrResponse{Err: fmt.Sprintf("no shared object %d", req.Obj)}
		}
		results, err := callMethod(obj, req.Method, req.Args)
		if err != nil {
			return mgrResponse{Err: err.Error()}
		}
		return mgrResponse{Results: results}
	}
	return mgrResponse{Err: "unknown request " + req.Op}
}

// create makes an object of a registered type.
func (s *ManagerServer) create(typeid string, args [][]byte) (reflect.Value, error) {
	builtinManagedTypes()
	managedTypes.RLock()
	f, ok := managedTypes.m[typeid]
	managedTypes.RUnlock()
	if !ok {
		return reflect.Value{}, fmt.Errorf("unknown managed type %q", typeid)
	}
	out, err := callDecoded(f, args)
	if err != nil {
		return reflect.Value{}, err
	}
	if len(out) == 0 {
		return reflect.Value{}, fmt.Errorf("factory for %q returned nothing", typeid)
	}
	return out[0], nil
}

// callMethod calls an exported method of obj with encoded arguments and
// returns its encoded results, the final error result aside.
func callMethod(obj reflect.Value, name string, args [][]byte) ([][]byte, error) {
	m := obj.MethodByName(name)
	if !m.IsValid() {
		return nil, fmt.Errorf("%v has no method %q", obj.Type(), name)
	}
	out, err := callDecoded(m, args)
	if err != nil {
		return nil, err
	}
	results := make([][]byte, len(out))
	for i, v := range out {
		b, err := encodeOne(v.Interface())
		if err != nil {
			return nil, fmt.Errorf("%s: result %d: %w", name, i, err)
		}
		results[i] = b
	}
	return results, nil
}

// callDecoded calls f with arguments decoded to its parameter types, and
// splits off a final error result.
func callDecoded(f reflect.Value, args [][]byte) ([]reflect.Value, error) {
	t := f.Type()
	if len(args) != t.NumIn() {
		return nil, fmt.Errorf("takes %d arguments, got %d", t.NumIn(), len(args))
	}
	in := make([]reflect.Value, len(args))
	for i, a := range args {
		v := reflect.New(t.In(i))
		if err := decodeOne(a, v.Interface()); err != nil && err != io.EOF {
			return nil, fmt.Errorf("argument %d: %w", i, err)
		}
		in[i] = v.Elem()
	}
	out := f.Call(in)
	if n := len(out); n > 0 && t.Out(n-1) == errorType {
		if e := out[n-1].Interface(); e != nil {
			return nil, e.(error)
		}
		out = out[:n-1]
	}
	return out, nil
}

// managerMain is the manager server process: it listens, reports its
// address on c, and serves until shut down.
var managerMain = Register("multiprocessing.manager", func(address, family string, authkey []byte, c *Conn) error {
	s, err := NewManagerServer(address, family, authkey)
	if err != nil {
		c.Send("error: " + err.Error())
		return err
	}
	if err := c.Send(s.Address()); err != nil {
		return err
	}
	c.Close()
	return s.ServeForever()
})
