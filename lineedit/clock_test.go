//go:build !netbsd

package lineedit

import "golang.org/x/sys/unix"

// clockThreadCPUTime is the clock of the calling thread's CPU time, for
// threadCPU.
const clockThreadCPUTime = unix.CLOCK_THREAD_CPUTIME_ID
