package multiprocessing

import (
	"errors"
	"fmt"
	"reflect"
	"runtime/debug"
	"sync"
)

// Target is a function registered to run in other processes. A child
// process is this same program started again, so it finds the function by
// the name it was registered under: register from package initialisation
// (a package-level var), in every process alike.
type Target interface {
	// TargetName returns the name the function was registered under.
	TargetName() string
}

// funcTarget is a function registered with Register, called by reflection.
type funcTarget struct {
	name string
	fn   reflect.Value
	typ  reflect.Type
}

func (t *funcTarget) TargetName() string { return t.name }

var registry = struct {
	sync.RWMutex
	targets map[string]*funcTarget
	runners map[string]chunkRunnerFactory
}{targets: map[string]*funcTarget{}, runners: map[string]chunkRunnerFactory{}}

var errorType = reflect.TypeFor[error]()

// Register makes fn runnable in other processes under name and returns it
// as a Target for NewProcess, Apply, StarMap and pool initializers. fn is any
// function; it may return nothing, an error, a result, or a result and an
// error. Its parameters are decoded with the codec, or rebuilt from a shared
// object (a Conn, Queue, Lock, Value, ...) when the argument is one.
// Register panics if name is taken or fn is not a function.
func Register(name string, fn any) Target {
	v := reflect.ValueOf(fn)
	if v.Kind() != reflect.Func {
		panic(fmt.Sprintf("multiprocessing: Register(%q): %T is not a function", name, fn))
	}
	t := v.Type()
	if t.NumOut() > 2 || (t.NumOut() == 2 && t.Out(1) != errorType) {
		panic(fmt.Sprintf("multiprocessing: Register(%q): %v must return at most a result and an error", name, t))
	}
	ft := &funcTarget{name: name, fn: v, typ: t}
	registry.Lock()
	defer registry.Unlock()
	if _, dup := registry.targets[name]; dup {
		panic(fmt.Sprintf("multiprocessing: Register(%q): name already registered", name))
	}
	registry.targets[name] = ft
	return ft
}

// lookupTarget finds a registered function.
func lookupTarget(name string) (*funcTarget, error) {
	registry.RLock()
	defer registry.RUnlock()
	t, ok := registry.targets[name]
	if !ok {
		return nil, fmt.Errorf("multiprocessing: no function registered as %q in this process (register it from package initialisation)", name)
	}
	return t, nil
}

// paramType returns the type of the i-th of n arguments.
func (t *funcTarget) paramType(i int) reflect.Type {
	if t.typ.IsVariadic() && i >= t.typ.NumIn()-1 {
		return t.typ.In(t.typ.NumIn() - 1).Elem()
	}
	return t.typ.In(i)
}

// checkArity reports whether n arguments suit the function.
func (t *funcTarget) checkArity(n int) error {
	in := t.typ.NumIn()
	if t.typ.IsVariadic() {
		if n >= in-1 {
			return nil
		}
	} else if n == in {
		return nil
	}
	return fmt.Errorf("multiprocessing: %s takes %d arguments, got %d", t.name, in, n)
}

// hasResult reports whether the function returns a value besides an error.
func (t *funcTarget) hasResult() bool {
	return t.typ.NumOut() == 2 || (t.typ.NumOut() == 1 && t.typ.Out(0) != errorType)
}

// call runs the function, turning a panic into a *RemoteError with the
// stack. It returns the result (invalid if none) and the error.
func (t *funcTarget) call(args []reflect.Value) (res reflect.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = panicError(t.name, r)
		}
	}()
	out := t.fn.Call(args)
	switch {
	case len(out) == 2:
		res = out[0]
		if e := out[1].Interface(); e != nil {
			err = e.(error)
		}
	case len(out) == 1 && t.typ.Out(0) == errorType:
		if e := out[0].Interface(); e != nil {
			err = e.(error)
		}
	case len(out) == 1:
		res = out[0]
	}
	return res, err
}

// panicError describes a recovered panic, with the stack of the panicking
// goroutine.
func panicError(name string, r any) error {
	return &RemoteError{Func: name, Message: fmt.Sprintf("panic: %v", r), Stack: string(debug.Stack()), Pid: currentPid()}
}

// remoteFrom turns an error from a called function into a *RemoteError to
// send to another process. A panic carries the panicking goroutine's stack;
// a returned error carries the worker's stack where it received the error
// (the function's own frames have returned by then).
func remoteFrom(name string, err error) *RemoteError {
	var re *RemoteError
	if errors.As(err, &re) {
		return re
	}
	return &RemoteError{Func: name, Message: err.Error(), Stack: string(debug.Stack()), Pid: currentPid()}
}
