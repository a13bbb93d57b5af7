package mmap

import (
	"bytes"
	"io"
	"os"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// The file benchmarks run only when scripts/bench-mmap sets these: a
// large file (1 GiB) already in the page cache, and needles separated by
// "|", each present once near the end of the file.
const (
	benchFileEnv    = "GOSH_MMAP_BENCH_FILE"
	benchNeedlesEnv = "GOSH_MMAP_BENCH_NEEDLES"
)

func benchFile(b *testing.B) (name string, size int64, needles []string) {
	name = os.Getenv(benchFileEnv)
	if name == "" {
		b.Skip("set " + benchFileEnv + " (scripts/bench-mmap does)")
	}
	st, err := os.Stat(name)
	if err != nil {
		b.Fatal(err)
	}
	return name, st.Size(), strings.Split(os.Getenv(benchNeedlesEnv), "|")
}

// rawMap maps name read-only with unix.Mmap and flags added to MAP_SHARED.
func rawMap(b *testing.B, name string, flags int) []byte {
	f, err := os.Open(name)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	st, _ := f.Stat()
	data, err := unix.Mmap(int(f.Fd()), 0, int(st.Size()), unix.PROT_READ, unix.MAP_SHARED|flags)
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// BenchmarkFileLimit measures what bounds a search of the file: reading
// it with read(2) in 1 MiB chunks and scanning each with bytes.IndexByte
// for a byte it does not hold (the memory-bandwidth limit of the brief);
// touching one byte per page of a fresh map (the cost of faulting the
// pages in); and bytes.IndexByte over a fresh map.
func BenchmarkFileLimit(b *testing.B) {
	name, size, _ := benchFile(b)
	b.Run("read+IndexByte", func(b *testing.B) {
		b.SetBytes(size)
		buf := make([]byte, 1<<20)
		for b.Loop() {
			f, err := os.Open(name)
			if err != nil {
				b.Fatal(err)
			}
			for {
				n, err := f.Read(buf)
				if bytes.IndexByte(buf[:n], 0x01) >= 0 {
					b.Fatal("the file holds 0x01")
				}
				if err == io.EOF {
					break
				}
			}
			f.Close()
		}
	})
	b.Run("map+touch-pages", func(b *testing.B) {
		b.SetBytes(size)
		page := PageSize()
		for b.Loop() {
			data := rawMap(b, name, 0)
			var s byte
			for i := 0; i < len(data); i += page {
				s += data[i]
			}
			sink = s
			unix.Munmap(data)
		}
	})
	b.Run("map+IndexByte", func(b *testing.B) {
		b.SetBytes(size)
		for b.Loop() {
			data := rawMap(b, name, 0)
			if bytes.IndexByte(data, 0x01) >= 0 {
				b.Fatal("the file holds 0x01")
			}
			unix.Munmap(data)
		}
	})
}

// BenchmarkFileFind maps the file and finds each needle, mapping afresh
// each time as a program searching a file once does: with Map.Find
// ("Find"), with advice given first ("Find+advice"), in a map already
// faulted in ("Find-prefaulted"), with unix.Mmap and bytes.Index
// ("naive"), and with MAP_POPULATE and bytes.Index.
func BenchmarkFileFind(b *testing.B) {
	name, size, needles := benchFile(b)
	for ni, needle := range needles {
		sub := []byte(needle)
		label := "needle" + string(rune('1'+ni))
		check := func(b *testing.B, at int, err error) {
			if err != nil || at < 0 || int64(at) < size/2 {
				b.Fatalf("found %q at %d, %v", needle, at, err)
			}
		}
		b.Run("Find/"+label, func(b *testing.B) {
			b.SetBytes(size)
			for b.Loop() {
				m, err := OpenFile(name, AccessRead)
				if err != nil {
					b.Fatal(err)
				}
				at, err := m.Find(sub)
				check(b, at, err)
				m.Close()
			}
		})
		for _, a := range []Advice{AdviceSequential, AdviceWillNeed, AdviceHugePage, AdvicePopulateRead} {
			b.Run("Find+advice-"+a.String()+"/"+label, func(b *testing.B) {
				b.SetBytes(size)
				for b.Loop() {
					m, err := OpenFile(name, AccessRead)
					if err != nil {
						b.Fatal(err)
					}
					if err := m.Advise(a); err != nil {
						b.Fatal(err)
					}
					at, err := m.Find(sub)
					check(b, at, err)
					m.Close()
				}
			})
		}
		b.Run("Find-prefaulted/"+label, func(b *testing.B) {
			m, err := OpenFile(name, AccessRead)
			if err != nil {
				b.Fatal(err)
			}
			defer m.Close()
			m.Advise(AdvicePopulateRead)
			b.SetBytes(size)
			for b.Loop() {
				at, err := m.FindRange(sub, 0, m.Len())
				check(b, at, err)
			}
		})
		b.Run("naive-bytes.Index/"+label, func(b *testing.B) {
			b.SetBytes(size)
			for b.Loop() {
				data := rawMap(b, name, 0)
				check(b, bytes.Index(data, sub), nil)
				unix.Munmap(data)
			}
		})
		b.Run("populate-bytes.Index/"+label, func(b *testing.B) {
			b.SetBytes(size)
			for b.Loop() {
				data := rawMap(b, name, unix.MAP_POPULATE)
				check(b, bytes.Index(data, sub), nil)
				unix.Munmap(data)
			}
		})
		b.Run("chunked-4MiB/"+label, func(b *testing.B) {
			b.SetBytes(size)
			for b.Loop() {
				m, err := OpenFile(name, AccessRead)
				if err != nil {
					b.Fatal(err)
				}
				at, err := chunkedFind(m, sub, 4<<20)
				check(b, at, err)
				m.Close()
			}
		})
	}
}

// chunkedFind searches m in chunks of size bytes, asking the kernel to
// fault the next chunk in (MADV_POPULATE_READ) from another goroutine
// while this one searches: a way around page faults that measured no
// better than a plain Find, kept here to be measured again.
func chunkedFind(m *Map, sub []byte, size int) (int, error) {
	at := -1
	err := m.View(func(b []byte) error {
		f := NewFinder(sub)
		done := make(chan struct{})
		go func() {
			defer close(done)
			for off := size; off < len(b); off += size {
				unix.Madvise(b[off:min(off+size, len(b))], unix.MADV_POPULATE_READ)
			}
		}()
		defer func() { <-done }()
		for off := 0; off < len(b); off += size {
			if i := f.Index(b[off:min(off+size+len(sub)-1, len(b))]); i >= 0 {
				at = off + i
				return nil
			}
		}
		return nil
	})
	return at, err
}

// BenchmarkFileFindAll counts the matches of a common word over the
// whole map (grep -c without lines).
func BenchmarkFileFindAll(b *testing.B) {
	name, size, _ := benchFile(b)
	b.SetBytes(size)
	for b.Loop() {
		m, err := OpenFile(name, AccessRead)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for _, err := range m.FindAll([]byte("timeout")) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		m.Close()
		if n == 0 {
			b.Fatal("no matches")
		}
	}
}
