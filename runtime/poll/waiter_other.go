//go:build aix || solaris

package poll

// platformBackends lists the mechanisms of this platform, best first.
var platformBackends = []Backend{BackendPoll, BackendSelect}

// newPlatformWaiter reports that this platform has no mechanism of its own.
func newPlatformWaiter(b Backend) (waiter, error) {
	return nil, errNoBackend(b)
}
