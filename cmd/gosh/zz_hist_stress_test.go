//go:build linux

package main

import (
	"math/rand"
	"strings"
	"testing"
)

func TestZZHistStress(t *testing.T) {
	bash := bashOracleOrSkip(t)
	r := rand.New(rand.NewSource(20))
	pieces := []string{"\x10", "\x10", "\x0e", "\x0e", "X", "yz", "\x17", "\x1f", "\x1f", "\x1br", "\x1b>", "\x1b<", "\x01", "\x05", "\x08", "\x1b2\x10", "\x1b.", "\x12o\x05", "\x1bpo\r", "\x1bp\x07", "\x18s", "\x0b"}
	for n := 0; n < 40; n++ {
		var lines []string
		var b strings.Builder
		for i := 0; i < 4+r.Intn(10); i++ {
			b.WriteString(pieces[r.Intn(len(pieces))])
			if r.Intn(9) == 0 {
				b.WriteString("\x01: \r")
				lines = append(lines, b.String())
				b.Reset()
			}
		}
		tc := diffCase{name: strings.ReplaceAll(strings.Join(append(lines, b.String()), "|"), "\x1b", "E"), keys: "", more: append(lines, b.String()), inputrc: `"\C-xs": history-search-backward` + "\n" + "set mark-modified-lines on\n"}
		if len(tc.more) > 0 {
			tc.keys, tc.more = tc.more[0], tc.more[1:]
		}
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			runDiffCase(t, bash, tc)
		})
	}
}

func bashOracleOrSkip(t *testing.T) string { return bashOracle(t) }
