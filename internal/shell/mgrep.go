package shell

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"mvdan.cc/sh/v3/interp"

	"github.com/goshell/gosh/runtime/mmap"
)

func init() {
	registerDefault("mgrep", (*Shell).mgrepBuiltin)
	registerHelp("mgrep", helpTopic{
		synopsis: "mgrep [-cbHhiLlnoqsvw] [-m NUM] [-e PATTERN]... [--] [PATTERN] [FILE...]",
		short:    "Search files for fixed strings through memory maps.",
		long: `Print the lines of each FILE that contain PATTERN, as "grep -F"
does: PATTERN is a fixed string (each of its lines, and each -e PATTERN,
is one; a line matching any is selected).  Files are searched through
memory maps (runtime/mmap) rather than read; without FILE, or with "-",
standard input is read.  With more than one FILE, each line is prefixed
with the name of its file.

Options:
  -c         print only a count of selected lines per file
  -n         prefix each line with its line number
  -b         prefix each line (with -o, each match) with its byte offset
  -l         print only the names of files with a match
  -L         print only the names of files without a match
  -q         print nothing; exit at the first match
  -i         ignore case
  -o         print only the matches, one a line
  -w         select only matches that are whole words
  -v         select the lines that do not match
  -m NUM     stop after NUM selected lines per file
  -e PATTERN use PATTERN (may be given more than once)
  -H, -h     print, or do not print, file names
  -s         do not report files that cannot be read
  -F         fixed strings (the only kind; accepted for grep's sake)

Files with a NUL byte are binary: for them a match is reported as
"binary file matches" on standard error instead of the lines.

Exit Status:
0 if a line was selected, 1 if none was, 2 if an error occurred (unless
-q found a match), as grep.`,
	})
}

const mgrepUsage = "mgrep: usage: mgrep [-cbHhiLlnoqsvw] [-m NUM] [-e PATTERN]... [--] [PATTERN] [FILE...]"

// mgrepOpts is what mgrep's command line asks for.
type mgrepOpts struct {
	count, lineNum, byteOff, listMatch, listNon, quiet bool
	fold, only, word, invert, noMsg                    bool
	withName                                           int // -1: by the number of files; 0: -h; 1: -H
	max                                                int // -1: no limit
	patterns                                           []string
	files                                              []string
}

// parseMgrepArgs reads grep's options: bundled short ones, -m NUM,
// -mNUM, -e PATTERN, long forms, "--".
func parseMgrepArgs(args []string) (*mgrepOpts, error) {
	o := &mgrepOpts{withName: -1, max: -1}
	havePattern := false
	var operands []string
	i := 0
	value := func(name, attached string, has bool) (string, error) {
		if has {
			return attached, nil
		}
		if i+1 >= len(args) {
			return "", fmt.Errorf("option requires an argument -- '%s'", strings.TrimLeft(name, "-"))
		}
		i++
		return args[i], nil
	}
	setMax := func(v string) error {
		n, err := strconv.Atoi(v)
		if err != nil {
			return fmt.Errorf("invalid max count")
		}
		if n < 0 {
			n = -1
		}
		o.max = n
		return nil
	}
	for ; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			operands = append(operands, args[i+1:]...)
			i = len(args)
			continue
		case a == "-" || !strings.HasPrefix(a, "-"):
			operands = append(operands, a)
			continue
		case strings.HasPrefix(a, "--"):
			name, val, has := strings.Cut(a, "=")
			flag := map[string]*bool{
				"--count": &o.count, "--line-number": &o.lineNum, "--byte-offset": &o.byteOff,
				"--files-with-matches": &o.listMatch, "--files-without-match": &o.listNon,
				"--quiet": &o.quiet, "--silent": &o.quiet, "--ignore-case": &o.fold,
				"--only-matching": &o.only, "--word-regexp": &o.word, "--invert-match": &o.invert,
				"--no-messages": &o.noMsg,
			}
			if p, ok := flag[name]; ok && !has {
				*p = true
				continue
			}
			switch name {
			case "--fixed-strings":
			case "--with-filename":
				o.withName = 1
			case "--no-filename":
				o.withName = 0
			case "--max-count":
				v, err := value(name, val, has)
				if err == nil {
					err = setMax(v)
				}
				if err != nil {
					return nil, err
				}
			case "--regexp":
				v, err := value(name, val, has)
				if err != nil {
					return nil, err
				}
				o.patterns = append(o.patterns, strings.Split(v, "\n")...)
				havePattern = true
			default:
				return nil, fmt.Errorf("unrecognized option '%s'", a)
			}
			continue
		}
	short:
		for k := 1; k < len(a); k++ {
			c := a[k]
			switch c {
			case 'c':
				o.count = true
			case 'n':
				o.lineNum = true
			case 'b':
				o.byteOff = true
			case 'l':
				o.listMatch = true
			case 'L':
				o.listNon = true
			case 'q':
				o.quiet = true
			case 'i', 'y':
				o.fold = true
			case 'o':
				o.only = true
			case 'w':
				o.word = true
			case 'v':
				o.invert = true
			case 's':
				o.noMsg = true
			case 'H':
				o.withName = 1
			case 'h':
				o.withName = 0
			case 'F':
			case 'm', 'e':
				v, err := value("-"+string(c), a[k+1:], k+1 < len(a))
				if err != nil {
					return nil, err
				}
				if c == 'm' {
					if err := setMax(v); err != nil {
						return nil, err
					}
				} else {
					o.patterns = append(o.patterns, strings.Split(v, "\n")...)
					havePattern = true
				}
				break short
			default:
				return nil, fmt.Errorf("invalid option -- '%c'", c)
			}
		}
	}
	if !havePattern {
		if len(operands) == 0 {
			return nil, errors.New("no pattern")
		}
		o.patterns = strings.Split(operands[0], "\n")
		operands = operands[1:]
	}
	o.files = operands
	return o, nil
}

// mgrepBuiltin is grep -F through memory maps.
func (s *Shell) mgrepBuiltin() Builtin {
	return func(ctx context.Context, args []string) error {
		hc := interp.HandlerCtx(ctx)
		stderr := stderrOf(ctx)
		o, err := parseMgrepArgs(args[1:])
		if err != nil {
			fmt.Fprintf(stderr, "gosh: mgrep: %v\n%s\n", err, mgrepUsage)
			return interp.ExitStatus(2)
		}
		if o.max == 0 || (o.invert && !o.word && strings.Join(o.patterns, "") == "") {
			// grep reads nothing for -m 0, nor for -v with an empty
			// pattern, which selects no line.
			return interp.ExitStatus(1)
		}
		files := o.files
		if len(files) == 0 {
			files = []string{"-"}
		}
		if o.withName < 0 {
			o.withName = 0
			if len(files) > 1 {
				o.withName = 1
			}
		}
		out := bufio.NewWriterSize(stdoutOf(ctx), 64<<10)
		defer out.Flush()
		g := &mgrep{o: o, out: out, stderr: stderr, ctx: ctx}
		for _, p := range o.patterns {
			g.pats = append(g.pats, newFixedMatcher(p, o.fold))
		}
		matched, failed := false, false
		for _, name := range files {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			found, err := g.file(name, hc)
			if err != nil {
				failed = true
				if !o.noMsg && err != errReported {
					out.Flush()
					fmt.Fprintf(stderr, "gosh: mgrep: %s: %s\n", name, causeText(err))
				}
			}
			if found {
				matched = true
				if o.quiet {
					return nil
				}
			}
		}
		switch {
		case failed:
			return interp.ExitStatus(2)
		case !matched:
			return interp.ExitStatus(1)
		}
		return nil
	}
}

// errReported is an error already reported.
var errReported = errors.New("error reported")

// mgrep is one run of mgrep.
type mgrep struct {
	o      *mgrepOpts
	pats   []fixedMatcher
	out    *bufio.Writer
	stderr io.Writer
	ctx    context.Context
}

// file searches one file (or standard input, "-") and reports whether a
// line was selected.
func (g *mgrep) file(name string, hc interp.HandlerContext) (bool, error) {
	label := name
	if name == "-" {
		label = "(standard input)"
		f, ok := hc.Stdin.(*os.File)
		if !ok || f == nil {
			var data []byte
			if hc.Stdin != nil {
				var err error
				if data, err = io.ReadAll(hc.Stdin); err != nil {
					return false, err
				}
			}
			return g.search(label, data), nil
		}
		return g.openFile(label, f)
	}
	path := name
	if !strings.HasPrefix(path, "/") && hc.Dir != "" {
		path = hc.Dir + "/" + path
	}
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	return g.openFile(label, f)
}

// openFile searches an open file: through a memory map if it is a
// regular file read from its start, else read whole.
func (g *mgrep) openFile(label string, f *os.File) (bool, error) {
	st, err := f.Stat()
	if err != nil {
		return false, err
	}
	if st.IsDir() {
		// grep reports the error, and counts the directory as empty.
		g.out.Flush()
		if !g.o.noMsg {
			fmt.Fprintf(g.stderr, "gosh: mgrep: %s: Is a directory\n", label)
		}
		g.search(label, nil)
		return false, errReported
	}
	off, _ := f.Seek(0, io.SeekCurrent)
	if !st.Mode().IsRegular() || off != 0 || st.Size() == 0 {
		data, err := io.ReadAll(f)
		if err != nil {
			return false, err
		}
		return g.search(label, data), nil
	}
	m, err := mmap.New(f, 0, mmap.AccessRead, 0)
	if err != nil {
		return false, err
	}
	defer m.Close()
	m.Advise(mmap.AdviceSequential) //nolint:errcheck // only a hint
	var found bool
	err = m.View(func(b []byte) error {
		found = g.search(label, b)
		return nil
	})
	return found, err
}

// binaryPrefix is the size of GNU grep's buffer: a NUL byte anywhere in
// it makes the file binary from the start of the buffer on. A NUL in a
// file smaller than that makes all of it binary.
const binaryPrefix = 96 << 10

// search searches data and writes what the options ask for; it reports
// whether a line was selected.
//
// It looks for the next match rather than at each line: the line around
// a match is found from it. Binary data is handled as GNU grep handles
// it: from the buffer where a NUL byte shows, NUL bytes end lines too,
// and a line selected there is not printed; "binary file matches" is
// reported instead, and the search of the file stops.
func (g *mgrep) search(label string, data []byte) bool {
	o := g.o
	n := len(data)
	sc := newMgrepScan(data, g.pats)
	printing := !o.count && !o.listMatch && !o.listNon && !o.quiet
	selected := 0
	zap := false        // NUL bytes end lines: the file is binary from here
	binMatched := false // a line was selected in binary data
	nulChecked := 0     // no NUL before this offset
	lines, counted := 0, 0
	stop := false
	var prefix []byte

	lineStart := func(from, m int) int {
		i := bytes.LastIndexByte(data[from:m], '\n')
		if zap {
			i = max(i, bytes.LastIndexByte(data[from:m], 0))
		}
		return from + i + 1
	}
	lineEnd := func(m int) int {
		e := n
		if i := bytes.IndexByte(data[m:], '\n'); i >= 0 {
			e = m + i
		}
		if zap {
			if j := bytes.IndexByte(data[m:e], 0); j >= 0 {
				e = m + j
			}
		}
		return e
	}
	// checkNUL looks for a NUL byte before end. At the first, the data
	// becomes binary from the start of its buffer, but not before pos;
	// it returns where the search goes on, and true. It looks ahead a
	// megabyte at a time, so that frequent matches cost one comparison.
	nulAt := -1
	checkNUL := func(pos, end int) (int, bool) {
		if zap {
			return pos, false
		}
		for nulAt < 0 && nulChecked < end {
			stop := min(n, max(end, nulChecked+1<<20))
			if z := bytes.IndexByte(data[nulChecked:stop], 0); z >= 0 {
				nulAt = nulChecked + z
			}
			nulChecked = stop
		}
		if nulAt < 0 || nulAt >= end {
			return pos, false
		}
		start := 0
		if c := nulAt - nulAt%binaryPrefix; c > 0 {
			start = bytes.LastIndexByte(data[:c], '\n') + 1
		}
		zap = true
		return max(start, pos), true
	}
	writePrefix := func(lineNo, off int) {
		prefix = prefix[:0]
		if o.withName == 1 {
			prefix = append(prefix, label...)
			prefix = append(prefix, ':')
		}
		if o.lineNum {
			prefix = strconv.AppendInt(prefix, int64(lineNo), 10)
			prefix = append(prefix, ':')
		}
		if o.byteOff {
			prefix = strconv.AppendInt(prefix, int64(off), 10)
			prefix = append(prefix, ':')
		}
		g.out.Write(prefix) //nolint:errcheck // write errors show at Flush
	}
	emit := func(ls, le int) {
		selected++
		if o.max > 0 && selected >= o.max {
			stop = true
		}
		if !printing {
			if o.listMatch || o.listNon || o.quiet {
				stop = true
			}
			return
		}
		if zap {
			binMatched, stop = true, true
			return
		}
		lineNo := 0
		if o.lineNum {
			lines += bytes.Count(data[counted:ls], []byte{'\n'})
			counted = ls
			lineNo = lines + 1
		}
		if !o.only {
			writePrefix(lineNo, ls)
			g.out.Write(data[ls:le]) //nolint:errcheck
			g.out.WriteByte('\n')    //nolint:errcheck
			return
		}
		if o.invert {
			return
		}
		line := newMgrepScan(data[ls:le], g.pats)
		for from := 0; from < le-ls; {
			s, n := line.find(from)
			if s < 0 {
				break
			}
			if n == 0 || (o.word && !line.isWord(s, n)) {
				from = s + 1
				continue
			}
			writePrefix(lineNo, ls+s)
			g.out.Write(data[ls+s : ls+s+n]) //nolint:errcheck
			g.out.WriteByte('\n')            //nolint:errcheck
			from = s + n
		}
	}

	pos := 0
outer:
	for pos < n && !stop {
		if g.ctx.Err() != nil {
			break
		}
		// The next line with a match (a whole word, for -w): [ls, le).
		m, ls, le := -1, n, n
		for from := pos; from < n; {
			s, sn := sc.find(from)
			end := n
			if s >= 0 {
				end = lineEnd(s)
			}
			if p, hit := checkNUL(pos, end); hit {
				pos = p
				continue outer
			}
			if s < 0 {
				break
			}
			ls, le = s, end
			if printing || o.word || o.invert {
				ls = lineStart(from, s)
			}
			// The first match is usually a word; only if not are the
			// line's other matches tried.
			if !o.word || (sn > 0 && sc.isWord(s, sn)) || newMgrepScan(data[ls:le], g.pats).hasWord() {
				m = s
				break
			}
			from = le + 1
			ls, le = n, n
		}
		if o.invert {
			// The lines before it are selected.
			for pos < ls && !stop {
				e := lineEnd(pos)
				emit(pos, min(e, ls))
				pos = e + 1
			}
			pos = le + 1
			continue
		}
		if m < 0 {
			break
		}
		emit(ls, le)
		pos = le + 1
	}
	if binMatched {
		g.out.Flush()
		fmt.Fprintf(g.stderr, "gosh: mgrep: %s: binary file matches\n", label)
	}
	switch {
	case o.quiet:
	case o.count:
		if o.withName == 1 {
			g.out.WriteString(label) //nolint:errcheck
			g.out.WriteByte(':')     //nolint:errcheck
		}
		g.out.WriteString(strconv.Itoa(selected)) //nolint:errcheck
		g.out.WriteByte('\n')                     //nolint:errcheck
	case o.listMatch && selected > 0, o.listNon && selected == 0:
		g.out.WriteString(label) //nolint:errcheck
		g.out.WriteByte('\n')    //nolint:errcheck
	}
	return selected > 0
}

// mgrepScan finds the patterns in data, keeping each one's next match
// so that several patterns cost one search each per match.
type mgrepScan struct {
	data []byte
	srch []searcher
	next []int // each pattern's next match at or after the last search; len(data)+1: none
	nlen []int
}

func newMgrepScan(data []byte, pats []fixedMatcher) *mgrepScan {
	sc := &mgrepScan{data: data, srch: make([]searcher, len(pats)), next: make([]int, len(pats)), nlen: make([]int, len(pats))}
	for i, p := range pats {
		sc.srch[i] = p.search(data)
		sc.next[i] = -1
	}
	return sc
}

// find returns the leftmost match (the longest of those starting there)
// at or after from, and its length, or -1. from must not decrease from
// one call to the next.
func (sc *mgrepScan) find(from int) (int, int) {
	best, bestLen := -1, 0
	none := len(sc.data) + 1
	for i, p := range sc.srch {
		if sc.next[i] < from {
			s, n := p.index(from)
			if s < 0 {
				sc.next[i] = none
			} else {
				sc.next[i], sc.nlen[i] = s, n
			}
		}
		s := sc.next[i]
		if s == none {
			continue
		}
		if best < 0 || s < best || (s == best && sc.nlen[i] > bestLen) {
			best, bestLen = s, sc.nlen[i]
		}
	}
	return best, bestLen
}

// isWord reports whether the match [s, s+n) is a whole word.
func (sc *mgrepScan) isWord(s, n int) bool {
	return !wordBefore(sc.data, s) && !wordAt(sc.data, s+n)
}

// hasWord reports whether the data (a line) has a match that is a whole
// word (for -w); a match that is not is tried again one byte on, as grep
// does.
func (sc *mgrepScan) hasWord() bool {
	for from := 0; from <= len(sc.data); {
		s, n := sc.find(from)
		if s < 0 {
			return false
		}
		if sc.isWord(s, n) {
			return true
		}
		from = s + 1
	}
	return false
}
