package history

import "unsafe"

// hasWide reports whether anchors32 can run: whether the CPU has AVX2 and
// the operating system saves the YMM registers, as golang.org/x/sys/cpu
// decides X86.HasAVX2. It asks the CPU itself, and only on the first
// search (useWide), because importing x/sys/cpu made every program that
// links this package run its CPUID probes at start, searching or not:
// CPUID traps to the hypervisor on virtual machines.
func hasWide() bool {
	maxID, _, _, _ := cpuid(0, 0)
	if maxID < 7 {
		return false
	}
	const (
		osxsave = 1 << 27 // leaf 1, ECX: XGETBV is enabled
		avx2    = 1 << 5  // leaf 7, EBX
	)
	_, _, ecx1, _ := cpuid(1, 0)
	if ecx1&osxsave == 0 {
		return false
	}
	if xcr0, _ := xgetbv(); xcr0&6 != 6 { // XMM and YMM state
		return false
	}
	_, ebx7, _, _ := cpuid(7, 0)
	return ebx7&avx2 != 0
}

// cpuid executes CPUID with EAX=eaxArg and ECX=ecxArg.
func cpuid(eaxArg, ecxArg uint32) (eax, ebx, ecx, edx uint32)

// xgetbv reads the extended control register XCR0; call it only when
// CPUID says OSXSAVE.
func xgetbv() (eax, edx uint32)

// anchors32 looks, from p0, p1 and p2 (the text at the matcher's three
// anchors for the first place) on, for places where all three anchors
// are, 32 places at a time, over groups groups of 32. w holds the
// anchors and their masks as in a matcher (matcher.wide). It returns
// the offset of the first group with such a place and a bit for each of
// its places that has them (bit i for place off+i), or groups*32 and 0.
// It must only be called when useWide reports true.
//
//go:noescape
func anchors32(p0, p1, p2 unsafe.Pointer, groups int, w *[6]uint64) (off int, mask uint32)
