package history

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// span locates text in a List's arena. A zero span is empty text; for a
// timestamp it means "none".
type span struct{ off, end uint32 }

func (s span) len() int { return int(s.end - s.off) }

// A List is a history list: entries oldest first, each a line of text
// (which may hold newlines: a multi-line command) and an optional
// timestamp. Indexes are 0-based, 0 the oldest, in every method of List;
// Base gives the number GNU History and bash show for index 0.
//
// Entries live in one byte arena, so a list read from a file costs little
// more memory than the file, and a search scans contiguous memory. A List
// is not safe for concurrent use.
type List struct {
	// WriteTimestamps writes each entry's timestamp line before it in
	// the file, and reads lines between timestamps as one multi-line
	// entry (GNU History's history_write_timestamps; bash sets it when
	// HISTTIMEFORMAT is set).
	WriteTimestamps bool
	// MultilineEntries reads lines between timestamps as one entry even
	// when WriteTimestamps is off (history_multiline_entries).
	MultilineEntries bool
	// CommentChar starts a timestamp line when followed by a digit
	// (history_comment_char). Zero, GNU History's default, still takes
	// a file that begins with "#DIGIT" to have timestamps; bash sets '#'.
	CommentChar byte

	arena []byte
	lines []span
	// times parallels lines once any entry has a timestamp; the text is
	// kept as it came, "#" and all, so files read back byte for byte.
	times []span
	// moved holds, in increasing order, the entries whose text is not
	// where list order would put it in the arena: interior entries
	// replaced since the last compaction (their new text is at the end
	// of the arena). The other entries lie in the arena in list order,
	// which lets a search sweep the arena for them and look at the moved
	// ones one by one (search.go).
	moved []int
	// multiline says an entry's text may hold a newline (it is not
	// cleared when the entry goes): without, the newlines of the arena
	// part the entries (startText), which lets a search pass over copies
	// of a line without finding their entries (arenaScan.inCopy).
	multiline bool
	dead      int // arena bytes no entry refers to any more
	max       int // -1: unlimited
	base      int
	// linesInFile counts the lines read from or written to the history
	// file, as history_lines_in_file does, for ReadNew.
	linesInFile int
	// fileLength is Python's history length: how many lines
	// write_history_file keeps (-1: all).
	fileLength int
	// idx, built at the first search of a long list, lets searches pass
	// over parts of the arena (index.go); it goes with the arena.
	idx *searchIndex
}

// New returns an empty list with no size limit, numbered from 1.
func New() *List { return &List{max: -1, base: 1, fileLength: -1} }

// Len returns the number of entries.
// Python: readline.get_current_history_length.
func (l *List) Len() int { return len(l.lines) }

// Base returns the number of the oldest entry as GNU History counts
// (history_base): 1, plus the entries dropped from the front to keep the
// list within its maximum.
func (l *List) Base() int { return l.base }

// Line returns the text of entry i.
func (l *List) Line(i int) string {
	s := l.lines[i]
	return string(l.arena[s.off:s.end])
}

// At returns the text of entry i; it makes a List an Events for Expand.
func (l *List) At(i int) string { return l.Line(i) }

// lineBytes returns the text of entry i without copying it.
func (l *List) lineBytes(i int) []byte {
	s := l.lines[i]
	return l.arena[s.off:s.end:s.end]
}

// Time returns the timestamp of entry i, and false if it has none.
func (l *List) Time(i int) (time.Time, bool) {
	raw := l.rawTime(i)
	if len(raw) < 2 {
		return time.Time{}, false
	}
	n, err := strconv.ParseInt(leadingDigits(raw[1:]), 10, 64)
	if err != nil {
		return time.Time{}, false
	}
	return time.Unix(n, 0), true
}

func leadingDigits(s string) string {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i]
}

// rawTime returns the timestamp line of entry i as it is stored ("#1700000000"), or "".
func (l *List) rawTime(i int) string {
	if l.times == nil {
		return ""
	}
	s := l.times[i]
	return string(l.arena[s.off:s.end])
}

// Max returns the maximum number of entries, or -1 for no limit.
func (l *List) Max() int { return l.max }

// SetMax limits the list to n entries, dropping the oldest; n < 0 removes
// the limit and 0 keeps none. GNU History: stifle_history and
// unstifle_history; bash's HISTSIZE; readline's history-size.
func (l *List) SetMax(n int) {
	if n < 0 {
		l.max = -1
		return
	}
	l.max = n
	if over := len(l.lines) - n; over > 0 {
		l.dropFront(over)
		l.base += over
	}
}

func (l *List) dropFront(n int) {
	for i := 0; i < n; i++ {
		l.dead += l.lines[i].len()
		if l.times != nil {
			l.dead += l.times[i].len()
		}
	}
	l.lines = l.lines[n:]
	if l.times != nil {
		l.times = l.times[n:]
	}
	k := 0
	for _, i := range l.moved {
		if i >= n {
			l.moved[k] = i - n
			k++
		}
	}
	l.moved = l.moved[:k]
	l.maybeCompact()
}

// put appends text to the arena and returns where it went.
func (l *List) put(text string) span {
	l.arena = startText(l.arena, len(text))
	off := len(l.arena)
	l.arena = append(l.arena, text...)
	return span{uint32(off), uint32(len(l.arena))}
}

// startText returns arena ready for n bytes of text to be appended: with
// a newline at its end when it has bytes and n does not say empty. Every
// text in the arena that is not empty begins at its start or after a
// newline, as the lines of a file do, so that the index can tell which
// strings begin entries (index.go).
func startText(arena []byte, n int) []byte {
	if n > 0 && len(arena) > 0 && arena[len(arena)-1] != '\n' {
		arena = append(arena, '\n')
	}
	return arena
}

// Add appends an entry with no timestamp. With a maximum set, the oldest
// entry makes room and Base grows by one, as add_history does.
// Python: readline.add_history.
func (l *List) Add(line string) { l.add(line, "") }

// AddTime appends an entry with a timestamp.
func (l *List) AddTime(line string, t time.Time) {
	l.add(line, "#"+strconv.FormatInt(t.Unix(), 10))
}

func (l *List) add(line, rawTime string) {
	if l.max == 0 {
		return
	}
	if l.max > 0 && len(l.lines) >= l.max {
		l.dropFront(len(l.lines) - l.max + 1)
		l.base++
	}
	l.lines = append(l.lines, l.put(line))
	l.addTimeSpan(l.put(rawTime))
	l.noteNewlines(line)
	l.checkArenaLimit()
}

// noteNewlines sets l.multiline if an entry's text holds a newline.
func (l *List) noteNewlines(line string) {
	if strings.IndexByte(line, '\n') >= 0 {
		l.multiline = true
	}
}

func (l *List) addTimeSpan(t span) {
	if l.times == nil {
		if t.len() == 0 {
			return
		}
		l.times = make([]span, len(l.lines)-1, cap(l.lines))
	}
	l.times = append(l.times, t)
}

// Replace changes the text of entry i, keeping its timestamp.
// Python: readline.replace_history_item (which counts from 0 too).
func (l *List) Replace(i int, line string) {
	l.dead += l.lines[i].len()
	l.lines[i] = l.put(line)
	l.noteNewlines(line)
	l.setMoved(i)
	l.checkArenaLimit()
	l.maybeCompact()
}

// setMoved records that the text of entry i was just put at the end of
// the arena: out of list order, unless i is the last entry.
func (l *List) setMoved(i int) {
	k, found := slices.BinarySearch(l.moved, i)
	switch {
	case i == len(l.lines)-1:
		// After every other entry's text, as list order has it.
		if found {
			l.moved = slices.Delete(l.moved, k, k+1)
		}
	case !found:
		l.moved = slices.Insert(l.moved, k, i)
	}
}

// isMoved reports whether entry i is one of l.moved.
func (l *List) isMoved(i int) bool {
	_, found := slices.BinarySearch(l.moved, i)
	return found
}

// SetTime changes the timestamp of entry i.
func (l *List) SetTime(i int, t time.Time) {
	if l.times == nil {
		l.times = make([]span, len(l.lines))
	}
	l.dead += l.times[i].len()
	l.times[i] = l.put("#" + strconv.FormatInt(t.Unix(), 10))
	l.checkArenaLimit()
}

// Remove deletes entry i. Python: readline.remove_history_item (from 0).
func (l *List) Remove(i int) {
	l.dead += l.lines[i].len()
	l.lines = append(l.lines[:i], l.lines[i+1:]...)
	if l.times != nil {
		l.dead += l.times[i].len()
		l.times = append(l.times[:i], l.times[i+1:]...)
	}
	k, found := slices.BinarySearch(l.moved, i)
	if found {
		l.moved = slices.Delete(l.moved, k, k+1)
	}
	for j := k; j < len(l.moved); j++ {
		l.moved[j]--
	}
	l.maybeCompact()
}

// Clear removes every entry. Python: readline.clear_history.
func (l *List) Clear() {
	l.arena, l.lines, l.times = nil, nil, nil
	l.dead = 0
	l.idx = nil
	l.moved = nil
	l.multiline = false
}

// maxArena bounds the arena so that offsets fit in 32 bits.
const maxArena = 1<<32 - 1

func (l *List) checkArenaLimit() {
	if len(l.arena) < maxArena/2 {
		return
	}
	l.compact()
	// Past 2 GiB of live text, the oldest half of the entries goes.
	for len(l.arena) >= maxArena/2 && len(l.lines) > 1 {
		n := len(l.lines) / 2
		l.dropFront(n)
		l.base += n
		l.compact()
	}
}

// maybeCompact rebuilds the arena when most of it is dead, or when so
// many entries are out of order (moved) that looking at them one by one
// would slow searches down: more than maxMoved, and more than one in
// movedPerCompact (so that the copies of the arena cost, spread over the
// replacements, a few bytes each).
func (l *List) maybeCompact() {
	if l.dead > 64<<10 && l.dead > len(l.arena)/2 ||
		len(l.moved) > maxMoved && len(l.moved) > len(l.lines)/movedPerCompact {
		l.compact()
	}
}

const (
	maxMoved        = 1024
	movedPerCompact = 64
)

// compact copies the live text into a new arena in list order.
func (l *List) compact() {
	live := len(l.arena) - l.dead
	arena := make([]byte, 0, live+len(l.lines))
	for i, s := range l.lines {
		if l.times != nil {
			t := l.times[i]
			arena = startText(arena, t.len())
			off := len(arena)
			arena = append(arena, l.arena[t.off:t.end]...)
			l.times[i] = span{uint32(off), uint32(len(arena))}
		}
		arena = startText(arena, s.len())
		off := len(arena)
		arena = append(arena, l.arena[s.off:s.end]...)
		l.lines[i] = span{uint32(off), uint32(len(arena))}
	}
	l.arena = arena
	l.dead = 0
	l.moved = nil
	l.idx = nil
}
