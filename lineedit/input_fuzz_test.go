package lineedit

import (
	"bytes"
	"testing"
)

// FuzzEngineChunks: how the input is cut into the chunks the terminal
// delivers makes no difference to the engine's decoding of it: UTF-8
// sequences, escape sequences and the markers of a bracketed paste may be
// split anywhere. cuts gives the chunks' lengths.
func FuzzEngineChunks(f *testing.F) {
	f.Add([]byte("ab\x1b[200~x\r\ny\x1b[201~cd"), []byte{3, 7, 1})
	f.Add([]byte("\x1b[200~"+"paste\x1b[20"+"1~"+"é中\x1bb\x01X\r"+"next"), []byte{2, 2, 2, 9, 1, 1, 1})
	f.Add([]byte("x\x1b[201~y\x1b[200~\x1b[200~z\x1b[201~"), []byte{5, 0, 4})
	f.Add([]byte("\xe4\xb8\xad\x1b[D\x1b[3~ab\x02\x14"), []byte{1, 1, 1, 1})
	f.Fuzz(func(t *testing.T, data, cuts []byte) {
		if len(data) > 1024 {
			return
		}
		whole := New(testConfig(), nil)
		whole.Feed(data)
		split := New(testConfig(), nil)
		rest := data
		for _, c := range cuts {
			n := int(c) % (len(rest) + 1)
			split.Feed(rest[:n])
			rest = rest[n:]
		}
		split.Feed(rest)
		if whole.Line() != split.Line() || whole.Point() != split.Point() || whole.Status() != split.Status() ||
			!bytes.Equal(whole.Unconsumed(), split.Unconsumed()) {
			t.Fatalf("input %q in chunks %v: line %q point %d status %v, in one chunk %q %d %v",
				data, cuts, split.Line(), split.Point(), split.Status(), whole.Line(), whole.Point(), whole.Status())
		}
	})
}
