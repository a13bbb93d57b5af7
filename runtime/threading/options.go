package threading

// ThreadConfig is what the Options given to NewThread set. Package dummy
// reads it too, so both packages take the same Options.
type ThreadConfig struct {
	// Name is the thread's name; "" means "Thread-N".
	Name string
	// Daemon, when non-nil, sets the daemon flag; nil inherits it from
	// the creating thread.
	Daemon *bool
	// OSThread locks the thread's goroutine to one OS thread for its whole
	// run (runtime.LockOSThread), which makes NativeID meaningful.
	OSThread bool
}

// Option configures a Thread.
type Option func(*ThreadConfig)

// Config applies opts to a zero ThreadConfig.
func Config(opts ...Option) ThreadConfig {
	var c ThreadConfig
	for _, o := range opts {
		o(&c)
	}
	return c
}

// WithName names the thread.
//
// Python: Thread(name=...)
func WithName(name string) Option { return func(c *ThreadConfig) { c.Name = name } }

// WithDaemon sets whether the thread is a daemon: one that [Shutdown] does
// not wait for.
//
// Python: Thread(daemon=...)
func WithDaemon(daemon bool) Option { return func(c *ThreadConfig) { c.Daemon = &daemon } }

// WithOSThread runs the thread locked to one OS thread, as a Python thread
// is, so that its NativeID names the thread it runs on. Without it, the
// goroutine may move between OS threads and NativeID is 0. It costs an OS
// thread per running Thread and slower hand-offs between Threads.
//
// Python: Thread.native_id is always set, since Python threads are OS
// threads
func WithOSThread() Option { return func(c *ThreadConfig) { c.OSThread = true } }
