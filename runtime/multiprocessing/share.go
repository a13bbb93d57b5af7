package multiprocessing

import (
	"fmt"
	"os"
	"reflect"
	"runtime"

	"golang.org/x/sys/unix"
)

// sharable is implemented by objects a child process inherits rather than
// receives as a copy: connections, queues, locks, shared memory. Their
// descriptors travel to the child with the process (Python: "inheritance").
type sharable interface {
	// shareState returns the object's state and descriptors to inherit.
	shareState() (state []byte, fds []int, err error)
	// attachState rebuilds the object, in the child, on a new zero value;
	// it takes ownership of fds.
	attachState(state []byte, fds []int) error
}

var sharableType = reflect.TypeFor[sharable]()

// sharer collects the descriptors a starting child inherits. The child sees
// files[i] as descriptor firstSharedFD+i.
type sharer struct {
	files []*os.File
}

// firstSharedFD is where inherited descriptors start in a child: 3 to 5
// are the control connection.
const firstSharedFD = 6

// add duplicates fd for the child and returns its number there.
func (s *sharer) add(fd int) (int, error) {
	d, err := unix.FcntlInt(uintptr(fd), unix.F_DUPFD_CLOEXEC, 0)
	if err != nil {
		return 0, err
	}
	s.files = append(s.files, os.NewFile(uintptr(d), "inherited"))
	return firstSharedFD + len(s.files) - 1, nil
}

// close closes the parent's duplicates once the child has started.
func (s *sharer) close() {
	for _, f := range s.files {
		f.Close()
	}
	s.files = nil
}

// argHeader precedes each encoded argument.
type argHeader struct {
	Nil    bool   // a nil argument: the zero value
	Shared bool   // an inherited object: State and FDs follow, no value
	State  []byte // the object's state
	FDs    []int  // its descriptors in the child
}

// encodeArgs encodes arguments for fn. Sharable arguments are inherited
// through s; with s nil (pool tasks) they are refused, as in Python.
func encodeArgs(enc Encoder, args []any, s *sharer) error {
	for i, a := range args {
		if a == nil {
			if err := enc.Encode(&argHeader{Nil: true}); err != nil {
				return err
			}
			continue
		}
		if sh, ok := a.(sharable); ok {
			if s == nil {
				return fmt.Errorf("multiprocessing: argument %d: %T objects should only be shared between processes through inheritance (Process arguments or pool initargs)", i, a)
			}
			state, fds, err := sh.shareState()
			if err != nil {
				return err
			}
			h := argHeader{Shared: true, State: state}
			for _, fd := range fds {
				cfd, err := s.add(fd)
				if err != nil {
					return err
				}
				h.FDs = append(h.FDs, cfd)
			}
			if err := enc.Encode(&h); err != nil {
				return err
			}
			continue
		}
		if err := enc.Encode(&argHeader{}); err != nil {
			return err
		}
		if err := enc.Encode(a); err != nil {
			return fmt.Errorf("multiprocessing: argument %d (%T): %w", i, a, err)
		}
	}
	return nil
}

// decodeArgs decodes n arguments for t.
func decodeArgs(dec Decoder, t *funcTarget, n int) ([]reflect.Value, error) {
	if err := t.checkArity(n); err != nil {
		return nil, err
	}
	out := make([]reflect.Value, n)
	for i := range out {
		pt := t.paramType(i)
		var h argHeader
		if err := dec.Decode(&h); err != nil {
			return nil, err
		}
		switch {
		case h.Nil:
			out[i] = reflect.Zero(pt)
		case h.Shared:
			if pt.Kind() != reflect.Pointer || !pt.Implements(sharableType) {
				closeFDs(h.FDs)
				return nil, fmt.Errorf("multiprocessing: %s: argument %d is a shared object but the parameter is %v", t.name, i, pt)
			}
			v := reflect.New(pt.Elem())
			if err := v.Interface().(sharable).attachState(h.State, h.FDs); err != nil {
				return nil, err
			}
			out[i] = v
		default:
			v := reflect.New(pt)
			if err := dec.Decode(v.Interface()); err != nil {
				return nil, fmt.Errorf("multiprocessing: %s: argument %d: %w", t.name, i, err)
			}
			out[i] = v.Elem()
		}
	}
	return out, nil
}

func closeFDs(fds []int) {
	for _, fd := range fds {
		unix.Close(fd)
	}
}

// Conn is inherited by a child as its descriptor.
func (c *Conn) shareState() ([]byte, []int, error) {
	fd, err := c.ref.acquire()
	if err != nil {
		return nil, nil, err
	}
	defer c.ref.release()
	flags := []byte{0, 0, 0}
	if c.readable {
		flags[0] = 1
	}
	if c.writable {
		flags[1] = 1
	}
	if c.fr.exact {
		flags[2] = 1
	}
	fds := []int{fd}
	for _, r := range []*fdRef{c.wref, c.bulk} {
		if r == nil || r == c.ref {
			continue
		}
		ofd, err := r.acquire()
		if err != nil {
			return nil, nil, err
		}
		defer r.release()
		fds = append(fds, ofd)
	}
	return flags, fds, nil
}

func (c *Conn) attachState(state []byte, fds []int) error {
	if len(state) != 3 || len(fds) < 1 || len(fds) > 3 {
		closeFDs(fds)
		return fmt.Errorf("multiprocessing: bad inherited connection")
	}
	c.init(fds[0], state[0] == 1, state[1] == 1)
	if len(fds) >= 2 {
		c.wref = newFDRef(fds[1])
		runtime.AddCleanup(c, func(r *fdRef) { r.close() }, c.wref)
	}
	if len(fds) == 3 {
		c.bulk = newFDRef(fds[2])
		c.fr.bulk = c.readBulk
		runtime.AddCleanup(c, func(r *fdRef) { r.close() }, c.bulk)
	}
	c.fr.exact = state[2] == 1
	return nil
}
