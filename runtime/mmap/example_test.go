package mmap_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/goshell/gosh/runtime/mmap"
)

// writeTemp writes a file for the examples and returns its name.
func writeTemp(content string) string {
	dir, err := os.MkdirTemp("", "mmap-example")
	if err != nil {
		panic(err)
	}
	name := filepath.Join(dir, "log.txt")
	if err := os.WriteFile(name, []byte(content), 0o600); err != nil {
		panic(err)
	}
	return name
}

func ExampleOpenFile() {
	name := writeTemp("first line\nsecond line\n")
	defer os.RemoveAll(filepath.Dir(name))

	// Python:
	//     with open(name, "rb") as f:
	//         m = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
	//     for line in iter(m.readline, b""): ...
	m, err := mmap.OpenFile(name, mmap.AccessRead)
	if err != nil {
		panic(err)
	}
	defer m.Close()
	for {
		line, err := m.ReadLine()
		if err == io.EOF {
			break
		}
		fmt.Printf("%q\n", line)
	}
	// Output:
	// "first line\n"
	// "second line\n"
}

func ExampleNew() {
	name := writeTemp("hello, world")
	defer os.RemoveAll(filepath.Dir(name))
	f, err := os.OpenFile(name, os.O_RDWR, 0)
	if err != nil {
		panic(err)
	}
	// Offsets must be multiples of the allocation granularity.
	_, err = mmap.New(f, 0, mmap.AccessRead, 3)
	fmt.Println(errors.Is(err, mmap.ErrOffset))

	// Python: m = mmap.mmap(f.fileno(), 5, access=mmap.ACCESS_WRITE)
	m, err := mmap.New(f, 5, mmap.AccessWrite, 0)
	f.Close() // the map keeps its own descriptor
	if err != nil {
		panic(err)
	}
	defer m.Close()
	m.WriteAt([]byte("HELLO"), 0) // Python: m[0:5] = b"HELLO"
	m.Flush()
	data, _ := os.ReadFile(name)
	fmt.Println(string(data))
	// Output:
	// true
	// HELLO, world
}

func ExampleNewAnonymous() {
	// Python: m = mmap.mmap(-1, 13); m.write(b"Hello world!\n")
	m, err := mmap.NewAnonymous(13)
	if err != nil {
		panic(err)
	}
	defer m.Close()
	m.Write([]byte("Hello world!\n"))
	m.Seek(0, io.SeekStart)
	line, _ := m.ReadLine()
	fmt.Printf("%q\n", line)
	// Output: "Hello world!\n"
}

func ExampleMap_Find() {
	m, _ := mmap.NewAnonymous(16)
	defer m.Close()
	m.Write([]byte("abcabcabc"))

	// Python's find starts at the position, here 9, after the write.
	at, _ := m.Find([]byte("abc"))
	fmt.Println(at)
	// Python: m.find(b"abc", 1) and m.rfind(b"abc")
	at, _ = m.FindRange([]byte("abc"), 1, m.Len())
	fmt.Println(at)
	at, _ = m.RFindRange([]byte("abc"), 0, m.Len())
	fmt.Println(at)
	// Output:
	// -1
	// 3
	// 6
}

func ExampleMap_FindAll() {
	m, _ := mmap.NewAnonymous(32)
	defer m.Close()
	m.Write([]byte("error: a\nok\nerror: b\n"))
	for at, err := range m.FindAll([]byte("error")) {
		if err != nil {
			panic(err) // the map was closed, or its file truncated
		}
		fmt.Println(at)
	}
	// Output:
	// 0
	// 12
}

// A grep: print the lines holding a string, searching the mapped memory
// directly inside View, which turns a fault from a file truncated
// meanwhile into an error.
func ExampleFinder() {
	name := writeTemp("GET /index\nPOST /login failed\nGET /about\nPOST /login ok\n")
	defer os.RemoveAll(filepath.Dir(name))
	m, err := mmap.OpenFile(name, mmap.AccessRead)
	if err != nil {
		panic(err)
	}
	defer m.Close()

	f := mmap.NewFinder([]byte("/login"))
	err = m.View(func(b []byte) error {
		for pos := 0; pos < len(b); {
			i := f.Index(b[pos:])
			if i < 0 {
				break
			}
			at := pos + i
			start := bytes.LastIndexByte(b[:at], '\n') + 1
			end := len(b)
			if j := bytes.IndexByte(b[at:], '\n'); j >= 0 {
				end = at + j
			}
			fmt.Printf("%s\n", b[start:end])
			pos = end + 1 // one line printed once
		}
		return nil
	})
	if err != nil {
		panic(err)
	}
	// Output:
	// POST /login failed
	// POST /login ok
}

func ExampleMap_View() {
	m, _ := mmap.NewAnonymous(8)
	defer m.Close()
	err := m.View(func(b []byte) error {
		copy(b, "in place")
		return nil
	})
	fmt.Println(string(m.Bytes()), err)
	// Output: in place <nil>
}
