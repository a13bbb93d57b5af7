// Package mmap maps files and anonymous memory into the address space.
// It is gosh's version of Python's mmap module.
//
// A [Map] is what Python's mmap object is: a file-like object with a
// position ([Map.Read], [Map.ReadByte], [Map.ReadLine], [Map.Write],
// [Map.WriteByte], [Map.Seek], [Map.Tell]), random access
// ([Map.ReadAt], [Map.WriteAt]), searching ([Map.Find], [Map.RFind],
// [Map.FindAll]), and the memory operations [Map.Move], [Map.Resize],
// [Map.Flush] and [Map.Advise]. It implements [io.Reader], [io.ReaderAt],
// [io.Writer], [io.WriterAt], [io.Seeker], [io.ByteReader] and
// [io.ByteWriter], and [Map.Bytes] and [Map.View] give the memory itself
// as a []byte.
//
// # A file that shrinks under a map
//
// When a mapped file is truncated, touching a mapped page past its new end
// raises SIGBUS, which kills a Go program (and a Python one). Every access
// this package makes runs with [runtime/debug.SetPanicOnFault] on and turns
// such a fault into [ErrTruncated], so the process lives on. The same
// holds inside [Map.View]. Only a slice from [Map.Bytes] used directly is
// unprotected.
//
// # Differences from Python
//
// Errors are returned, not raised. Arguments Python gives as keywords are
// function arguments or separate functions ([New], [NewAnonymous],
// [OpenFile]). A map past the end of its file is refused on every
// platform ([ErrLength]), where Python extends the file on Windows.
// Searches run near memory bandwidth for most needles, about three times
// as fast as Python's when the needle has a byte rare in the data (see
// docs/benchmarks.md).
//
// On Linux, [Map.Resize] uses mremap(2) and keeps the map's address when
// it can. Elsewhere it maps anew, and an anonymous map cannot be resized,
// as in Python. Windows is supported through CreateFileMapping and
// MapViewOfFile, without [Map.Advise].
package mmap
