package multiprocessing

import (
	"fmt"
	"strings"
	"sync"
	"time"
)

// ManagerOptions configures a Manager. Python: BaseManager(address,
// authkey).
type ManagerOptions struct {
	// Address is where the server listens (Start) or is (Connect): a path
	// or "\x00name" for a Unix socket, "host:port" for TCP. Empty: a fresh
	// Unix socket, or with Family AF_INET a loopback port.
	Address string
	// Family is AFUnix or AFInet; from Address if empty.
	Family string
	// AuthKey is the authentication key; CurrentProcess().AuthKey() if nil.
	AuthKey []byte
}

// Manager is a client of a manager server: a process that holds shared
// objects (dicts, lists, queues, values, namespaces, locks, events, and
// registered types) which other processes use through proxies. Start runs a
// server as a child; Connect reaches one that is already running, also on
// another machine over TCP with an authentication key.
// Python: multiprocessing.managers.SyncManager / BaseManager.
type Manager struct {
	opts ManagerOptions
	proc *Process

	mu   sync.Mutex
	idle []*Conn
}

// NewManager returns a manager that is not started or connected yet.
func NewManager(opts ManagerOptions) *Manager {
	if opts.AuthKey == nil {
		opts.AuthKey = CurrentProcess().AuthKey()
	}
	if opts.Family == "" {
		if opts.Address == "" {
			opts.Family = AFUnix
		} else {
			opts.Family = AddressType(opts.Address)
		}
	}
	if opts.Address == "" && opts.Family == AFInet {
		opts.Address = "127.0.0.1:0"
	}
	return &Manager{opts: opts}
}

// Start starts a manager server process and connects to it.
// Python: start().
func (m *Manager) Start() error {
	if m.proc != nil {
		return &ProcessError{Msg: "manager already started"}
	}
	a, b, err := Pipe(true)
	if err != nil {
		return err
	}
	defer a.Close()
	p := NewProcess(managerMain, m.opts.Address, m.opts.Family, m.opts.AuthKey, b)
	p.Name = "SyncManager-" + p.Name[len("Process-"):]
	if err := p.Start(); err != nil {
		b.Close()
		return err
	}
	b.Close()
	var addr string
	if err := a.Recv(&addr); err != nil {
		p.Terminate()
		return fmt.Errorf("multiprocessing: manager server did not start: %w", err)
	}
	if strings.HasPrefix(addr, "error: ") {
		return fmt.Errorf("multiprocessing: manager server: %s", addr[len("error: "):])
	}
	m.opts.Address, m.proc = addr, p
	return m.ping()
}

// Connect connects to a running manager server. Python: connect().
func (m *Manager) Connect() error { return m.ping() }

func (m *Manager) ping() error {
	_, err := m.do(&mgrRequest{Op: "ping"})
	return err
}

// Address returns the server's address.
func (m *Manager) Address() string { return m.opts.Address }

// Process returns the server process started by Start, or nil.
func (m *Manager) Process() *Process { return m.proc }

// Shutdown stops the server and waits for a server process started by
// Start. Python: shutdown().
func (m *Manager) Shutdown() error {
	_, err := m.do(&mgrRequest{Op: "shutdown"})
	m.mu.Lock()
	for _, c := range m.idle {
		c.Close()
	}
	m.idle = nil
	m.mu.Unlock()
	if m.proc != nil {
		if !m.proc.Join(5 * time.Second) {
			m.proc.Terminate()
			m.proc.Join(Forever)
		}
	}
	return err
}

// do sends a request on an idle connection (or a new one) and returns the
// response. Calls may block (a queue's Get), so each has a connection.
func (m *Manager) do(req *mgrRequest) (*mgrResponse, error) {
	m.mu.Lock()
	var c *Conn
	if n := len(m.idle); n > 0 {
		c, m.idle = m.idle[n-1], m.idle[:n-1]
	}
	m.mu.Unlock()
	if c == nil {
		var err error
		if c, err = Client(m.opts.Address, m.opts.Family, m.opts.AuthKey); err != nil {
			return nil, err
		}
	}
	var resp mgrResponse
	err := c.Send(req)
	if err == nil {
		err = c.Recv(&resp)
	}
	if err != nil {
		c.Close()
		return nil, err
	}
	m.mu.Lock()
	m.idle = append(m.idle, c)
	m.mu.Unlock()
	if resp.Err != "" {
		return nil, &RemoteError{Func: req.Method, Message: resp.Err}
	}
	return &resp, nil
}

// Create makes a shared object of a registered type on the server and
// returns its proxy. Python: calling a registered typeid on the manager.
func (m *Manager) Create(typeid string, args ...any) (*Proxy, error) {
	enc, err := encodeAll(args)
	if err != nil {
		return nil, err
	}
	resp, err := m.do(&mgrRequest{Op: "create", TypeID: typeid, Args: enc})
	if err != nil {
		return nil, err
	}
	return &Proxy{m: m, id: resp.Obj, typeid: typeid}, nil
}

// Proxy refers to a shared object held by a manager server.
// Python: multiprocessing.managers.BaseProxy.
type Proxy struct {
	m      *Manager
	id     uint64
	typeid string
}

// TypeID returns the object's registered type.
func (p *Proxy) TypeID() string { return p.typeid }

// Call runs the object's exported method with args on the server and
// decodes its results into the pointers in results (a final error result
// comes back as the error). Python: BaseProxy._callmethod.
func (p *Proxy) Call(method string, args []any, results ...any) error {
	enc, err := encodeAll(args)
	if err != nil {
		return err
	}
	resp, err := p.m.do(&mgrRequest{Op: "call", Obj: p.id, Method: method, Args: enc})
	if err != nil {
		return err
	}
	for i, r := range results {
		if i >= len(resp.Results) {
			return fmt.Errorf("multiprocessing: %s returned %d results, want %d", method, len(resp.Results), len(results))
		}
		if err := decodeOne(resp.Results[i], r); err != nil {
			return fmt.Errorf("multiprocessing: %s result %d: %w", method, i, err)
		}
	}
	return nil
}

// shareState lets a child inherit a proxy: it reconnects to the server
// with the address, key and object id; no descriptor passes.
func (p *Proxy) shareState() ([]byte, []int, error) {
	b, err := encodeOne(proxyState{p.m.opts, p.id, p.typeid})
	return b, nil, err
}

func (p *Proxy) attachState(state []byte, _ []int) error {
	var s proxyState
	if err := decodeOne(state, &s); err != nil {
		return err
	}
	*p = Proxy{m: NewManager(s.Opts), id: s.ID, typeid: s.TypeID}
	return nil
}

// proxyState is what a child needs to use an inherited proxy.
type proxyState struct {
	Opts   ManagerOptions
	ID     uint64
	TypeID string
}

func encodeAll(args []any) ([][]byte, error) {
	out := make([][]byte, len(args))
	for i, a := range args {
		b, err := encodeOne(a)
		if err != nil {
			return nil, fmt.Errorf("multiprocessing: argument %d: %w", i, err)
		}
		out[i] = b
	}
	return out, nil
}
