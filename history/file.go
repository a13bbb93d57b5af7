package history

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
)

// isTimestamp reports whether a history file line is a timestamp line: the
// comment character c followed by a digit (HIST_TIMESTAMP_START). A zero
// c recognizes none.
func isTimestamp(line []byte, c byte) bool {
	return c != 0 && len(line) >= 2 && line[0] == c && line[1] >= '0' && line[1] <= '9'
}

// maxFileSize is the largest history file a List reads: its offsets are 32 bits.
const maxFileSize = maxArena / 2

// ReadFile appends the entries of a GNU History file to the list.
// Python: readline.read_history_file; bash: history -r.
func (l *List) ReadFile(path string) error { return l.ReadFileRange(path, 0, -1) }

// ReadFileRange appends the entries on lines from to to (to < 0: the end)
// of a history file, counting lines as GNU History does: timestamp lines
// do not count, and a last line without a newline is not read. Lines after
// a timestamp line and before the next belong to one multi-line entry when
// the file has timestamps and l.WriteTimestamps is on, as in bash with
// HISTTIMEFORMAT set. GNU History: read_history_range.
func (l *List) ReadFileRange(path string, from, to int) error {
	data, err := readRegular(path)
	if err != nil {
		return err
	}
	l.linesInFile = l.parseFile(data, from, to)
	return nil
}

// readRegular reads a whole regular file.
func readRegular(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, &os.PathError{Op: "read", Path: path, Err: errors.New("not a regular file")}
	}
	if fi.Size() >= maxFileSize {
		return nil, &os.PathError{Op: "read", Path: path, Err: errors.New("history file larger than 2 GiB")}
	}
	data := make([]byte, fi.Size())
	n, err := io.ReadFull(f, data)
	if err != nil && err != io.ErrUnexpectedEOF {
		return nil, err
	}
	return data[:n], nil
}

// parseFile adds the entries of data and returns the number of lines it
// counted, for ReadNew.
func (l *List) parseFile(data []byte, from, to int) int {
	if len(data) == 0 {
		return 0
	}
	if to < 0 {
		to = len(data) + 1
	}
	// Like GNU History, take a file that starts with #DIGIT to have
	// timestamps even when no comment character is set.
	tc := l.CommentChar
	if tc == 0 && isTimestamp(data, '#') {
		tc = '#'
	}
	hasTimestamps := isTimestamp(data, tc)
	multiline := hasTimestamps && (l.WriteTimestamps || l.MultilineEntries)

	// The file's bytes become the arena (or are appended to it): entries
	// are spans of it, not copies.
	base := len(l.arena)
	if base == 0 && l.lines == nil {
		l.arena = data
	} else {
		// After a newline, as every text in the arena (startText).
		l.arena = startText(l.arena, len(data))
		base = len(l.arena)
		l.arena = append(l.arena, data...)
	}
	l.arena = l.arena[:len(l.arena):len(l.arena)]
	end := len(data)

	// Skip to line FROM, as read_history_range does.
	line, lastTS := 0, -1
	if hasTimestamps {
		lastTS = 0
	}
	start := 0
	for p := 0; p < end && line < from; p++ {
		if data[p] != '\n' {
			continue
		}
		next := p + 1
		if !isTimestamp(data[next:], tc) {
			line++
		} else {
			lastTS = next
		}
		start = next
		if line >= from && hasTimestamps {
			q := next
			for q < end && data[q] != '\n' {
				q++
			}
			start = q
			if q < end {
				start = q + 1
			}
			p = q - 1
			if q >= end {
				break
			}
		}
	}

	// Size the index for the lines ahead: one count is cheaper than
	// growing it a million times.
	if want := len(l.lines) + bytes.Count(data[start:], []byte{'\n'}); cap(l.lines) < want {
		grown := make([]span, len(l.lines), want)
		copy(grown, l.lines)
		l.lines = grown
	}
	// The previous line ended where this one starts, for multi-line entries.
	prevEnd := -1
	for start < end {
		k := bytes.IndexByte(data[start:], '\n')
		if k < 0 {
			break // GNU History does not read a last line without a newline
		}
		p := start + k
		lineEnd := p
		if lineEnd > start && data[lineEnd-1] == '\r' {
			lineEnd--
		}
		if lineEnd > start {
			text := data[start:lineEnd]
			switch {
			case isTimestamp(text, tc):
				lastTS = start
				line--
			case lastTS < 0 && len(l.lines) > 0 && multiline:
				l.appendToLast(base, start, lineEnd, prevEnd)
				prevEnd = lineEnd
			default:
				l.lines = append(l.lines, span{uint32(base + start), uint32(base + lineEnd)})
				if lastTS >= 0 {
					l.addTimeSpan(l.timeSpan(base, data, lastTS))
				} else if l.times != nil {
					l.times = append(l.times, span{})
				}
				lastTS = -1
				prevEnd = lineEnd
			}
		}
		line++
		if line >= to {
			break
		}
		start = p + 1
	}
	l.applyMax()
	return line
}

// timeSpan returns the span of the timestamp line starting at ts.
func (l *List) timeSpan(base int, data []byte, ts int) span {
	e := ts
	for e < len(data) && data[e] != '\n' {
		e++
	}
	if e > ts && data[e-1] == '\r' {
		e--
	}
	return span{uint32(base + ts), uint32(base + e)}
}

// appendToLast adds the line data[start:end] to the last entry, joined by
// a newline: in place when the line follows the entry in the file.
func (l *List) appendToLast(base, start, end, prevEnd int) {
	l.multiline = true
	last := &l.lines[len(l.lines)-1]
	if prevEnd >= 0 && int(last.end) == base+prevEnd && prevEnd+1 == start {
		last.end = uint32(base + end)
		return
	}
	text := string(l.arena[last.off:last.end]) + "\n" + string(l.arena[base+start:base+end])
	l.dead += last.len()
	*last = l.put(text)
	// Lines read after this one go before it in the arena.
	if i := len(l.lines) - 1; !l.isMoved(i) {
		l.moved = append(l.moved, i)
	}
}

// applyMax drops the oldest entries beyond the maximum.
func (l *List) applyMax() {
	if l.max >= 0 && len(l.lines) > l.max {
		over := len(l.lines) - l.max
		l.dropFront(over)
		l.base += over
	}
}

// encode writes entries [from, Len()) in the file format. With
// WriteTimestamps, an entry that has no timestamp is stamped with the
// present time, as GNU History stamps every entry it adds: a file that
// starts with a timestamp must stamp every entry, or reading it back
// would join unstamped lines to the entry before them.
func (l *List) encode(from int) []byte {
	now := ""
	if l.WriteTimestamps {
		now = "#" + strconv.FormatInt(timeNow().Unix(), 10)
	}
	n := 0
	for i := from; i < len(l.lines); i++ {
		n += l.lines[i].len() + 1
		if l.WriteTimestamps {
			n += len(now) + 1
		}
	}
	buf := make([]byte, 0, n)
	for i := from; i < len(l.lines); i++ {
		if l.WriteTimestamps {
			if l.times != nil && l.times[i].len() > 0 {
				t := l.times[i]
				buf = append(buf, l.arena[t.off:t.end]...)
			} else {
				buf = append(buf, now...)
			}
			buf = append(buf, '\n')
		}
		buf = append(buf, l.lineBytes(i)...)
		buf = append(buf, '\n')
	}
	return buf
}

// WriteFile replaces the file with the whole list. The new contents go to
// a temporary file in the same directory that is renamed over the old
// one, so a reader or a crash sees the old file or the new, never a part.
// The file keeps its permissions (a new file gets 0600), and a symbolic
// link is followed, not replaced. Python: readline.write_history_file;
// bash: history -w.
func (l *List) WriteFile(path string) error {
	buf := l.encode(0)
	// Like GNU History's write_history, this leaves LinesInFile alone:
	// bash's history -n after history -w reads the whole file again.
	return rewrite(path, func([]byte) ([]byte, error) { return buf, nil })
}

// AppendFile appends the last n entries to the file, creating it (0600)
// if needed. The write is one append under an exclusive lock, so entries
// from several shells never tear or interleave, and it costs the same
// whatever the size of the file. Python: readline.append_history_file;
// bash: history -a.
func (l *List) AppendFile(path string, n int) error {
	if n > len(l.lines) {
		n = len(l.lines)
	}
	if n <= 0 {
		return nil
	}
	buf := l.encode(len(l.lines) - n)
	if err := appendLocked(path, buf); err != nil {
		return err
	}
	l.linesInFile += n
	return nil
}

// TruncateFile cuts the file down to its last n lines; timestamp lines
// (recognized by l.CommentChar) go with the line they stamp. GNU History:
// history_truncate_file; bash does it with HISTFILESIZE.
func (l *List) TruncateFile(path string, n int) error {
	if n < 0 {
		return nil
	}
	return rewrite(path, func(data []byte) ([]byte, error) {
		return lastLines(data, n, l.CommentChar), nil
	})
}

// lastLines returns the tail of data holding its last n lines, where a
// newline followed by a timestamp line does not end a line, or data
// itself when it holds no more than that (history_truncate_file).
func lastLines(data []byte, n int, tc byte) []byte {
	if len(data) == 0 {
		return data
	}
	// endsLine reports whether the newline at p ends a counted line;
	// next is the position after p, which the first test takes to be p.
	endsLine := func(p, next int) bool {
		return data[p] == '\n' && !isTimestamp(data[next:], tc)
	}
	bp := len(data) - 1
	next := bp
	for ; n > 0 && bp > 0; bp-- {
		if endsLine(bp, next) {
			n--
		}
		next = bp
	}
	for ; bp > 0; bp-- {
		if endsLine(bp, next) {
			bp++
			break
		}
		next = bp
	}
	if bp <= 0 {
		return data
	}
	return data[bp:]
}

// resolve follows symbolic links to the file a history path names, so
// that a rewrite replaces the target and keeps the link.
func resolve(path string) string {
	if target, err := filepath.EvalSymlinks(path); err == nil {
		return target
	}
	return path
}

// rewrite replaces a file with what edit makes of its contents, under the
// file's lock, through a temporary file renamed into place.
func rewrite(path string, edit func(old []byte) ([]byte, error)) error {
	path = resolve(path)
	mode := os.FileMode(0o600)
	unlock, err := lockFile(path, true)
	if err != nil {
		return err
	}
	defer unlock()
	var old []byte
	if fi, err := os.Stat(path); err == nil {
		if !fi.Mode().IsRegular() {
			return &os.PathError{Op: "write", Path: path, Err: errors.New("not a regular file")}
		}
		mode = fi.Mode().Perm()
		if old, err = readRegular(path); err != nil {
			return err
		}
	}
	data, err := edit(old)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename there is nothing to remove
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("history: replacing %s: %w", path, err)
	}
	return nil
}
