package mmap

import "fmt"

// Advice tells the kernel how a map will be used ([Map.Advise]). Which
// advice a platform takes varies; the others return [ErrUnsupported].
type Advice int

const (
	// AdviceNormal: no particular use. Python: mmap.MADV_NORMAL.
	AdviceNormal Advice = iota
	// AdviceRandom: accessed in random order; read ahead less. Python: mmap.MADV_RANDOM.
	AdviceRandom
	// AdviceSequential: accessed in order; read ahead more, drop pages
	// behind. Python: mmap.MADV_SEQUENTIAL.
	AdviceSequential
	// AdviceWillNeed: start reading the pages in now. Python: mmap.MADV_WILLNEED.
	AdviceWillNeed
	// AdviceDontNeed: the pages will not be needed soon. An anonymous or
	// copy-on-write map reads back zeros or the file afterwards (Linux).
	// Python: mmap.MADV_DONTNEED.
	AdviceDontNeed
	// AdviceFree: the pages may be freed lazily, their contents lost
	// (Linux, BSD, macOS). Python: mmap.MADV_FREE.
	AdviceFree
	// AdviceHugePage: back the map with huge pages where possible (Linux).
	// Python: mmap.MADV_HUGEPAGE.
	AdviceHugePage
	// AdviceNoHugePage: do not use huge pages (Linux). Python: mmap.MADV_NOHUGEPAGE.
	AdviceNoHugePage
	// AdvicePopulateRead: map all pages now, for reading, as MAP_POPULATE
	// does at map time (Linux 5.14). Python 3.11 has no name for it.
	AdvicePopulateRead
	// AdvicePopulateWrite: map all pages now, writable (Linux 5.14).
	// Python 3.11 has no name for it.
	AdvicePopulateWrite
)

var adviceNames = [...]string{"Normal", "Random", "Sequential", "WillNeed", "DontNeed", "Free", "HugePage", "NoHugePage", "PopulateRead", "PopulateWrite"}

// String returns the name of the advice, such as "Sequential".
func (a Advice) String() string {
	if a >= 0 && int(a) < len(adviceNames) {
		return adviceNames[a]
	}
	return fmt.Sprintf("Advice(%d)", int(a))
}
