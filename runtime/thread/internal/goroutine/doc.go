// Package goroutine identifies the calling goroutine.
//
// Go has no public goroutine ids, on purpose. The threading packages still
// need to know "who is calling" cheaply (an RLock's owner, the current
// thread), so this package offers two answers:
//
//   - [Key] is the address of the runtime's descriptor (the g) of the calling
//     goroutine, read with two instructions of assembly on amd64 and arm64.
//     It is unique among live goroutines and stable for a goroutine's life,
//     but the runtime recycles descriptors, so a goroutine started after
//     another one ended may get the same Key.
//   - [ID] is the goroutine's number as printed in tracebacks ("goroutine 7
//     [running]"), parsed from [runtime.Stack]. Numbers are never reused,
//     but reading one costs a few microseconds.
//
// On other architectures Key falls back to ID.
package goroutine
