package mmap

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// pythonFind is run by python3: it maps the file read-only and prints
// find and rfind for each query line "-needle-in-hex start end".
const pythonFind = `
import mmap, sys
with open(sys.argv[1], "rb") as f:
    m = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
for line in sys.stdin:
    h, s, e = line.split()
    sub, s, e = bytes.fromhex(h.lstrip("-")), int(s), int(e)
    print(m.find(sub, s, e), m.rfind(sub, s, e))
`

// TestFindLikePython runs the same find and rfind calls through Python's
// mmap and this package, on a file small enough for the fixed byte guess
// and on one large enough to be sampled.
func TestFindLikePython(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found; the differential test needs it")
	}
	for _, size := range []int{50000, 3 << 20} {
		t.Run(strconv.Itoa(size), func(t *testing.T) {
			content := logText(size, uint64(size))
			f := tempFile(t, content)
			m, err := New(f, 0, AccessRead, 0)
			must(t, err)
			defer m.Close()

			r := rand.New(rand.NewPCG(3, uint64(size)))
			var queries strings.Builder
			type query struct {
				sub        []byte
				start, end int
			}
			var qs []query
			for range 300 {
				var sub []byte
				switch r.IntN(3) {
				case 0: // taken from the file: found
					at := r.IntN(size - 40)
					sub = content[at : at+1+r.IntN(30)]
				case 1: // a word plus a rare byte: mostly absent
					sub = append([]byte("session"), "xyz!"[r.IntN(4)])
				default: // short and common
					sub = []byte([]string{"e", "ok", "the ", "id=42\n", ""}[r.IntN(5)])
				}
				start, end := r.IntN(2*size)-size, r.IntN(2*size)-size/2
				if r.IntN(4) == 0 {
					start, end = 0, size
				}
				qs = append(qs, query{sub, start, end})
				fmt.Fprintf(&queries, "-%x %d %d\n", sub, start, end)
			}
			cmd := exec.Command(python, "-c", pythonFind, f.Name())
			cmd.Stdin = strings.NewReader(queries.String())
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("python3: %v\n%s", err, stderr.Bytes())
			}
			lines := bytes.Split(bytes.TrimSpace(out), []byte("\n"))
			if len(lines) != len(qs) {
				t.Fatalf("python3 printed %d lines for %d queries", len(lines), len(qs))
			}
			for i, q := range qs {
				find, err1 := m.FindRange(q.sub, q.start, q.end)
				rfind, err2 := m.RFindRange(q.sub, q.start, q.end)
				got := fmt.Sprint(find, rfind)
				if err1 != nil || err2 != nil || got != string(lines[i]) {
					t.Errorf("find/rfind(%q, %d, %d): Go %s (%v %v), Python %s", q.sub, q.start, q.end, got, err1, err2, lines[i])
				}
			}
		})
	}
}
