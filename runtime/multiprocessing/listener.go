package multiprocessing

import (
	"errors"
	"fmt"
	"net"
	"sync"
	"syscall"

	"golang.org/x/sys/unix"
)

// Listener is a bound, listening socket that accepts connections, checking
// the authentication key if it has one. Python:
// multiprocessing.connection.Listener.
type Listener struct {
	ln      net.Listener
	family  string
	address string
	authkey []byte
	digest  string

	mu   sync.Mutex
	last string
}

// NewListener listens on address (a fresh one if empty) of the family (from
// the address if empty; AF_UNIX if both are). A non-empty authkey makes
// Accept run Python's challenge-response handshake. Go's net package sets
// the backlog to the system's maximum, so backlog is accepted for Python's
// sake only. Python: Listener(address, family, backlog, authkey).
func NewListener(address, family string, backlog int, authkey []byte) (*Listener, error) {
	_ = backlog
	if family == "" {
		if address == "" {
			family = AFUnix
		} else {
			family = AddressType(address)
		}
	}
	if address == "" {
		a, err := arbitraryAddress(family)
		if err != nil {
			return nil, err
		}
		address = a
	}
	network, addr, err := netAddress(family, address)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen(network, addr)
	if err != nil {
		return nil, err
	}
	l := &Listener{ln: ln, family: family, address: address, authkey: authkey, digest: DefaultDigest}
	if family == AFInet {
		l.address = ln.Addr().String()
	}
	return l, nil
}

// Accept waits for a connection and authenticates it if the listener has a
// key: it delivers a challenge, then answers the client's. A failed
// handshake closes the connection and returns an *AuthenticationError.
// Python: accept().
func (l *Listener) Accept() (*Conn, error) {
	nc, err := l.ln.Accept()
	if err != nil {
		if isClosedErr(err) {
			return nil, ErrClosed
		}
		return nil, err
	}
	remote := ""
	if a := nc.RemoteAddr(); a != nil {
		remote = a.String()
	}
	c, err := connFromNet(nc)
	if err != nil {
		return nil, err
	}
	l.mu.Lock()
	l.last = remote
	l.mu.Unlock()
	if len(l.authkey) > 0 {
		if err := deliverChallenge(c, l.authkey, l.digest); err != nil {
			c.Close()
			return nil, err
		}
		if err := answerChallenge(c, l.authkey); err != nil {
			c.Close()
			return nil, err
		}
	}
	return c, nil
}

// Close stops listening and removes a Unix socket's file. Python: close().
func (l *Listener) Close() error { return l.ln.Close() }

// Address returns the address being listened on: for AF_INET with the port
// the system chose. Python: address.
func (l *Listener) Address() string { return l.address }

// Family returns the listener's address family.
func (l *Listener) Family() string { return l.family }

// LastAccepted returns the peer address of the last accepted connection
// (empty for Unix sockets). Python: last_accepted.
func (l *Listener) LastAccepted() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.last
}

// Fileno returns the listening socket's descriptor, for Wait.
func (l *Listener) Fileno() int {
	sc, ok := l.ln.(syscall.Conn)
	if !ok {
		return -1
	}
	raw, err := sc.SyscallConn()
	if err != nil {
		return -1
	}
	fd := -1
	raw.Control(func(s uintptr) { fd = int(s) })
	return fd
}

// Client connects to a Listener's address (family from the address if
// empty) and, with a non-empty authkey, answers the listener's challenge and
// then delivers one. Python: multiprocessing.connection.Client.
func Client(address, family string, authkey []byte) (*Conn, error) {
	if family == "" {
		family = AddressType(address)
	}
	network, addr, err := netAddress(family, address)
	if err != nil {
		return nil, err
	}
	nc, err := net.Dial(network, addr)
	if err != nil {
		return nil, err
	}
	c, err := connFromNet(nc)
	if err != nil {
		return nil, err
	}
	if len(authkey) > 0 {
		if err := answerChallenge(c, authkey); err != nil {
			c.Close()
			return nil, err
		}
		if err := deliverChallenge(c, authkey, DefaultDigest); err != nil {
			c.Close()
			return nil, err
		}
	}
	return c, nil
}

// connFromNet turns a net.Conn into a Conn on a blocking duplicate of its
// descriptor, and closes the net.Conn.
func connFromNet(nc net.Conn) (*Conn, error) {
	defer nc.Close()
	sc, ok := nc.(syscall.Conn)
	if !ok {
		return nil, fmt.Errorf("multiprocessing: %T has no descriptor", nc)
	}
	raw, err := sc.SyscallConn()
	if err != nil {
		return nil, err
	}
	fd, derr := -1, error(nil)
	if err := raw.Control(func(s uintptr) {
		fd, derr = unix.FcntlInt(s, unix.F_DUPFD_CLOEXEC, 0)
	}); err != nil {
		return nil, err
	}
	if derr != nil {
		return nil, derr
	}
	nc.Close()
	if err := unix.SetNonblock(fd, false); err != nil {
		unix.Close(fd)
		return nil, err
	}
	return NewConn(fd, true, true), nil
}

func isClosedErr(err error) bool {
	return err != nil && (err == net.ErrClosed || errors.Is(err, net.ErrClosed))
}
