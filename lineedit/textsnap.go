package lineedit

import "unsafe"

// A textSnap hands out the line as strings without copying it each time:
// Engine.Frame runs at every keystroke, and string(buf) would copy the
// whole line, a megabyte after a large paste.
//
// The strings share an array the snap never writes below any length it
// has handed out, so they never change. A line that only grew at the end
// (typing at the end) is appended to the array; any other change copies
// the line to a new array, which the strings handed out before do not
// share.
type textSnap struct {
	arr    []byte // the array; arr[:frozen] may be shared with strings
	frozen int    // the most bytes of arr a string handed out holds
}

// view returns text as a string, sharing memory with earlier views where
// it can.
func (s *textSnap) view(text []byte) string {
	if len(text) == 0 {
		return ""
	}
	arr := s.arr
	same := commonPrefixLen(unsafe.String(unsafe.SliceData(arr), len(arr)), unsafe.String(unsafe.SliceData(text), len(text)))
	switch {
	case same == len(text):
		// A prefix of what is there: nothing to write.
	case same >= s.frozen && len(text) <= cap(arr):
		// Only bytes no string holds change.
		arr = append(arr[:same], text[same:]...)
	default:
		// A new line is likely to grow as long as the last one did.
		arr = append(make([]byte, 0, max(len(text)+len(text)/2+16, min(cap(arr), 4096))), text...)
		s.frozen = 0
	}
	s.arr = arr
	s.frozen = max(s.frozen, len(text))
	return unsafe.String(unsafe.SliceData(arr), len(text))
}
