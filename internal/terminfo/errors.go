package terminfo

import (
	"errors"
	"fmt"
)

// ErrNotFound is matched (with errors.Is) by the error [Load] returns when
// no directory in the search path has an entry for the terminal.
var ErrNotFound = errors.New("terminfo: entry not found")

// notFoundError reports that no entry exists for term.
type notFoundError struct{ term string }

func (e *notFoundError) Error() string {
	return fmt.Sprintf("terminfo: no entry for %q", e.term)
}

// Is makes errors.Is(err, ErrNotFound) true.
func (e *notFoundError) Is(target error) bool { return target == ErrNotFound }
