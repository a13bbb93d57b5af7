package multiprocessing

import (
	"fmt"
	"sync"
	"time"
)

// pipeBuf is the size up to which a pipe write is atomic (PIPE_BUF): such
// messages need no writer lock.
const pipeBuf = 4096

// Queue is a FIFO queue shared between processes: a pipe, a lock for
// readers and one for writers, and a bounded semaphore counting free slots.
// Put hands the value to a feeder goroutine that writes it to the pipe, so
// Put blocks only when the queue is full. Each message is encoded on its
// own (with the default codec), so any number of processes may put and get.
// Python: multiprocessing.Queue.
type Queue[T any] struct {
	q *queueCore
}

// queueCore is the untyped part of a Queue.
type queueCore struct {
	maxsize int
	reader  *Conn
	writer  *Conn
	rlock   *Lock
	wlock   *Lock
	sem     *BoundedSemaphore

	mu        sync.Mutex
	cond      *sync.Cond
	buf       [][]byte
	closed    bool
	feeding   bool
	cancelled bool
	feederEnd chan struct{}
}

// NewQueue returns a queue holding at most maxsize items (no limit if
// maxsize <= 0). Python: multiprocessing.Queue(maxsize).
func NewQueue[T any](maxsize int) (*Queue[T], error) {
	q, err := newQueueCore(maxsize)
	if err != nil {
		return nil, err
	}
	return &Queue[T]{q: q}, nil
}

func newQueueCore(maxsize int) (*queueCore, error) {
	if maxsize <= 0 || maxsize > SemValueMax {
		maxsize = SemValueMax
	}
	r, w, err := Pipe(false)
	if err != nil {
		return nil, err
	}
	r.fr.exact = true
	q := &queueCore{maxsize: maxsize, reader: r, writer: w}
	if q.rlock, err = NewLock(); err != nil {
		return nil, err
	}
	if q.wlock, err = NewLock(); err != nil {
		return nil, err
	}
	if q.sem, err = NewBoundedSemaphore(maxsize); err != nil {
		return nil, err
	}
	q.initLocal()
	return q, nil
}

// initLocal sets up the per-process part (the feeder's buffer).
func (q *queueCore) initLocal() {
	q.cond = sync.NewCond(&q.mu)
	q.feederEnd = make(chan struct{})
	if !isChild.Load() {
		return // only a child flushes its queues by itself at exit
	}
	atExit(func() {
		q.mu.Lock()
		cancelled := q.cancelled
		q.mu.Unlock()
		if !cancelled {
			q.close()
			q.joinThread()
		}
	})
}

// Put adds v, waiting up to timeout (Forever: no limit; 0: not at all) for
// a free slot; ErrFull if none came. Python: put(obj, block, timeout).
func (q *Queue[T]) Put(v T, timeout time.Duration) error {
	msg, err := encodeOne(&v)
	if err != nil {
		return err
	}
	return q.q.put(msg, timeout)
}

func (q *queueCore) put(msg []byte, timeout time.Duration) error {
	q.mu.Lock()
	closed := q.closed
	q.mu.Unlock()
	if closed {
		return fmt.Errorf("multiprocessing: queue is closed")
	}
	if !q.sem.Acquire(timeout) {
		return ErrFull
	}
	q.mu.Lock()
	q.buf = append(q.buf, msg)
	if !q.feeding {
		q.feeding = true
		go q.feed()
	}
	q.cond.Signal()
	q.mu.Unlock()
	return nil
}

// feed writes buffered messages to the pipe until the queue is closed and
// drained. Python: the queue's feeder thread.
func (q *queueCore) feed() {
	defer close(q.feederEnd)
	for {
		q.mu.Lock()
		for len(q.buf) == 0 && !q.closed {
			q.cond.Wait()
		}
		if len(q.buf) == 0 && q.closed {
			q.mu.Unlock()
			q.writer.Close()
			return
		}
		batch := q.buf
		q.buf = nil
		q.mu.Unlock()
		for _, msg := range batch {
			if len(msg)+shortHeaderLen <= pipeBuf {
				q.writer.SendBytes(msg)
				continue
			}
			q.wlock.Acquire(Forever)
			q.writer.SendBytes(msg)
			q.wlock.Release()
		}
	}
}

// Get removes and returns the next item, waiting up to timeout (Forever:
// no limit; 0: not at all); ErrEmpty if none came. Python: get(block,
// timeout).
func (q *Queue[T]) Get(timeout time.Duration) (T, error) {
	var v T
	msg, err := q.q.get(timeout)
	if err != nil {
		return v, err
	}
	err = decodeOne(msg, &v)
	return v, err
}

func (q *queueCore) get(timeout time.Duration) ([]byte, error) {
	deadline := time.Now().Add(timeout)
	if !q.rlock.Acquire(timeout) {
		return nil, ErrEmpty
	}
	defer q.rlock.Release()
	if timeout >= 0 {
		left := time.Until(deadline)
		if timeout == 0 || left < 0 {
			left = 0
		}
		ok, err := q.reader.Poll(left)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, ErrEmpty
		}
	}
	msg, err := q.reader.RecvBytes(0)
	if err != nil {
		return nil, err
	}
	q.sem.Release()
	return msg, nil
}

// Qsize returns the approximate number of items. Python: qsize().
func (q *Queue[T]) Qsize() int { return q.q.maxsize - q.q.sem.Value() }

// Empty reports whether the queue is (approximately) empty. Python: empty().
func (q *Queue[T]) Empty() bool {
	ok, _ := q.q.reader.Poll(0)
	return !ok
}

// Full reports whether the queue is (approximately) full. Python: full().
func (q *Queue[T]) Full() bool { return q.q.sem.Value() == 0 }

// Close says this process will put no more; the feeder flushes what is
// buffered and closes its end of the pipe. Python: close().
func (q *Queue[T]) Close() { q.q.close() }

func (q *queueCore) close() {
	q.mu.Lock()
	q.closed = true
	started := q.feeding
	q.feeding = true
	q.cond.Broadcast()
	q.mu.Unlock()
	if !started {
		close(q.feederEnd)
	}
}

// JoinThread waits for the feeder to flush; call Close first. A child
// does this by itself when its target returns, unless CancelJoinThread.
// Python: join_thread().
func (q *Queue[T]) JoinThread() { q.q.joinThread() }

func (q *queueCore) joinThread() {
	q.mu.Lock()
	closed := q.closed
	q.mu.Unlock()
	if closed {
		<-q.feederEnd
	}
}

// CancelJoinThread stops the process from waiting for the feeder at exit;
// buffered items may be lost. Python: cancel_join_thread().
func (q *Queue[T]) CancelJoinThread() {
	q.q.mu.Lock()
	q.q.cancelled = true
	q.q.mu.Unlock()
}

func (q *Queue[T]) shareState() ([]byte, []int, error) { return q.q.shareState() }

func (q *Queue[T]) attachState(state []byte, fds []int) error {
	q.q = new(queueCore)
	return q.q.attachState(state, fds)
}

func (q *queueCore) shareState() ([]byte, []int, error) {
	var fds []int
	for _, s := range []sharable{q.reader, q.writer, q.rlock, q.wlock, q.sem} {
		_, f, err := s.shareState()
		if err != nil {
			return nil, nil, err
		}
		fds = append(fds, f...)
	}
	return []byte(fmt.Sprint(q.maxsize)), fds, nil
}

func (q *queueCore) attachState(state []byte, fds []int) error {
	if len(fds) != 5 {
		closeFDs(fds)
		return fmt.Errorf("multiprocessing: bad inherited queue")
	}
	fmt.Sscan(string(state), &q.maxsize)
	q.reader, q.writer = new(Conn), new(Conn)
	q.rlock, q.wlock, q.sem = new(Lock), new(Lock), new(BoundedSemaphore)
	q.reader.attachState([]byte{1, 0, 1}, fds[0:1])
	q.writer.attachState([]byte{0, 1, 0}, fds[1:2])
	if err := q.rlock.attachState(nil, fds[2:3]); err != nil {
		closeFDs(fds[3:])
		return err
	}
	if err := q.wlock.attachState(nil, fds[3:4]); err != nil {
		closeFDs(fds[4:])
		return err
	}
	if err := q.sem.attachState(nil, fds[4:5]); err != nil {
		return err
	}
	q.initLocal()
	return nil
}

// SimpleQueue is a queue without a feeder or size: Put writes at once.
// Python: multiprocessing.SimpleQueue.
type SimpleQueue[T any] struct {
	q *queueCore
}

// NewSimpleQueue returns an empty SimpleQueue.
func NewSimpleQueue[T any]() (*SimpleQueue[T], error) {
	q, err := newQueueCore(0)
	if err != nil {
		return nil, err
	}
	return &SimpleQueue[T]{q: q}, nil
}

// Put writes v to the queue. Python: put(obj).
func (s *SimpleQueue[T]) Put(v T) error {
	msg, err := encodeOne(&v)
	if err != nil {
		return err
	}
	s.q.wlock.Acquire(Forever)
	defer s.q.wlock.Release()
	return s.q.writer.SendBytes(msg)
}

// Get waits for and returns the next item. Python: get().
func (s *SimpleQueue[T]) Get() (T, error) {
	var v T
	s.q.rlock.Acquire(Forever)
	msg, err := s.q.reader.RecvBytes(0)
	s.q.rlock.Release()
	if err != nil {
		return v, err
	}
	err = decodeOne(msg, &v)
	return v, err
}

// Empty reports whether no item is waiting. Python: empty().
func (s *SimpleQueue[T]) Empty() bool {
	ok, _ := s.q.reader.Poll(0)
	return !ok
}

// Close closes the queue's pipe ends in this process. Python: close().
func (s *SimpleQueue[T]) Close() {
	s.q.reader.Close()
	s.q.writer.Close()
}

func (s *SimpleQueue[T]) shareState() ([]byte, []int, error) { return s.q.shareState() }

func (s *SimpleQueue[T]) attachState(state []byte, fds []int) error {
	s.q = new(queueCore)
	return s.q.attachState(state, fds)
}

// JoinableQueue is a Queue whose consumers report each item done with
// TaskDone, so that producers can Join until all are.
// Python: multiprocessing.JoinableQueue.
type JoinableQueue[T any] struct {
	Queue[T]
	unfinished *Semaphore
	cond       *Condition
}

// NewJoinableQueue returns a JoinableQueue of at most maxsize items.
func NewJoinableQueue[T any](maxsize int) (*JoinableQueue[T], error) {
	q, err := NewQueue[T](maxsize)
	if err != nil {
		return nil, err
	}
	j := &JoinableQueue[T]{Queue: *q}
	if j.unfinished, err = NewSemaphore(0); err != nil {
		return nil, err
	}
	if j.cond, err = NewCondition(nil); err != nil {
		return nil, err
	}
	return j, nil
}

// Put adds v and counts it unfinished. Python: put(obj, block, timeout).
func (j *JoinableQueue[T]) Put(v T, timeout time.Duration) error {
	// Count the item before a consumer can see it.
	if err := j.unfinished.Release(); err != nil {
		return err
	}
	if err := j.Queue.Put(v, timeout); err != nil {
		j.unfinished.Acquire(0)
		return err
	}
	return nil
}

// TaskDone marks one got item done. Python: task_done().
func (j *JoinableQueue[T]) TaskDone() error {
	j.cond.Acquire(Forever)
	defer j.cond.Release()
	if !j.unfinished.Acquire(0) {
		return fmt.Errorf("multiprocessing: task_done() called too many times")
	}
	if j.unfinished.Value() == 0 {
		j.cond.NotifyAll()
	}
	return nil
}

// Join waits until every item put has been marked done. Python: join().
func (j *JoinableQueue[T]) Join() {
	j.cond.Acquire(Forever)
	defer j.cond.Release()
	for j.unfinished.Value() != 0 {
		j.cond.Wait(Forever)
	}
}

func (j *JoinableQueue[T]) shareState() ([]byte, []int, error) {
	state, fds, err := j.Queue.shareState()
	if err != nil {
		return nil, nil, err
	}
	for _, s := range []sharable{j.unfinished, j.cond} {
		_, f, err := s.shareState()
		if err != nil {
			return nil, nil, err
		}
		fds = append(fds, f...)
	}
	return state, fds, nil
}

func (j *JoinableQueue[T]) attachState(state []byte, fds []int) error {
	if len(fds) != 8 {
		closeFDs(fds)
		return fmt.Errorf("multiprocessing: bad inherited joinable queue")
	}
	if err := j.Queue.attachState(state, fds[:5]); err != nil {
		closeFDs(fds[5:])
		return err
	}
	j.unfinished, j.cond = new(Semaphore), new(Condition)
	if err := j.unfinished.attachState(nil, fds[5:6]); err != nil {
		closeFDs(fds[6:])
		return err
	}
	return j.cond.attachState(nil, fds[6:8])
}
