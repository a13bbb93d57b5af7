package history

// clockThreadCPUTime is the clock of the calling thread's CPU time, for
// threadCPU: golang.org/x/sys/unix does not define it for NetBSD, whose
// <time.h> has CLOCK_THREAD_CPUTIME_ID 0x20000000.
const clockThreadCPUTime = 0x20000000
