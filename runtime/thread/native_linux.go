package thread

import "golang.org/x/sys/unix"

// GetNativeID returns the operating system's id of the thread running the
// caller right now (gettid on Linux). A goroutine moves between OS threads
// unless it has called runtime.LockOSThread, so the answer is only stable
// in a locked goroutine, such as a threading.Thread started with
// threading.WithOSThread.
//
// Python: _thread.get_native_id, threading.get_native_id
func GetNativeID() int { return unix.Gettid() }
