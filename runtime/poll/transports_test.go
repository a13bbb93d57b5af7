//go:build aix || darwin || dragonfly || freebsd || linux || netbsd || openbsd || solaris

package poll

import (
	"path/filepath"
	"testing"

	"golang.org/x/sys/unix"
)

// transport makes a connected pair of descriptors: bytes written to w
// can be read from r. Both are closed at the end of the test, if the
// test has not closed them.
type transport struct {
	name string
	pair func(t *testing.T) (r, w int)
}

var transports = []transport{
	{"pipe", pipePair},
	{"socketpair", socketPair},
	{"tcp", tcpPair},
	{"fifo", fifoPair},
}

// closeLater closes fds at the end of the test unless *closed says they
// were closed already (tests set it to -1).
func closeLater(t *testing.T, fds ...*int) {
	t.Cleanup(func() {
		for _, fd := range fds {
			if *fd >= 0 {
				unix.Close(*fd)
			}
		}
	})
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func pipePair(t *testing.T) (int, int) {
	var p [2]int
	must(t, unix.Pipe(p[:]))
	return p[0], p[1]
}

func socketPair(t *testing.T) (int, int) {
	p, err := unix.Socketpair(unix.AF_UNIX, unix.SOCK_STREAM, 0)
	must(t, err)
	return p[0], p[1]
}

// tcpPair connects two TCP sockets over the loopback interface; the
// listener is closed before returning.
func tcpPair(t *testing.T) (int, int) {
	ln, err := unix.Socket(unix.AF_INET, unix.SOCK_STREAM, 0)
	must(t, err)
	defer unix.Close(ln)
	must(t, unix.Bind(ln, &unix.SockaddrInet4{Addr: [4]byte{127, 0, 0, 1}}))
	must(t, unix.Listen(ln, 1))
	sa, err := unix.Getsockname(ln)
	must(t, err)
	w, err := unix.Socket(unix.AF_INET, unix.SOCK_STREAM, 0)
	must(t, err)
	must(t, unix.Connect(w, sa))
	r, _, err := unix.Accept(ln)
	must(t, err)
	return r, w
}

// fifoPair opens both ends of a named pipe, the reading end first (not
// blocking, as no writer exists yet).
func fifoPair(t *testing.T) (int, int) {
	path := filepath.Join(t.TempDir(), "fifo")
	must(t, unix.Mkfifo(path, 0o600))
	r, err := unix.Open(path, unix.O_RDONLY|unix.O_NONBLOCK, 0)
	must(t, err)
	w, err := unix.Open(path, unix.O_WRONLY, 0)
	must(t, err)
	return r, w
}

func write(t *testing.T, fd int, s string) {
	t.Helper()
	if _, err := unix.Write(fd, []byte(s)); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, fd int) string {
	t.Helper()
	buf := make([]byte, 64)
	n, err := unix.Read(fd, buf)
	if err != nil {
		t.Fatal(err)
	}
	return string(buf[:n])
}

// closeFd closes *fd and marks it closed for closeLater.
func closeFd(fd *int) error {
	err := unix.Close(*fd)
	*fd = -1
	return err
}
