//go:build !linux

package thread

// GetNativeID returns 0: this package knows the OS thread id only on Linux.
//
// Python: _thread.get_native_id, threading.get_native_id
func GetNativeID() int { return 0 }
