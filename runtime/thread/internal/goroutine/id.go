package goroutine

import "runtime"

// ID returns the calling goroutine's number, as printed in tracebacks. Go
// never gives the same number to two goroutines of one process. It parses
// the first line of [runtime.Stack], so it costs a few microseconds, more on a deep stack.
func ID() uint64 {
	var buf [64]byte
	n := runtime.Stack(buf[:], false)
	b := buf[:n]
	const prefix = "goroutine "
	if len(b) < len(prefix) || string(b[:len(prefix)]) != prefix {
		panic("goroutine: unexpected runtime.Stack output: " + string(b))
	}
	var id uint64
	for _, c := range b[len(prefix):] {
		if c < '0' || c > '9' {
			break
		}
		id = id*10 + uint64(c-'0')
	}
	if id == 0 {
		panic("goroutine: no number in runtime.Stack output: " + string(b))
	}
	return id
}
