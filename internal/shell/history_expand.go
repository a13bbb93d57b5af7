package shell

import (
	"fmt"
	"io"
	"strings"

	"github.com/goshell/gosh/history"
)

// expandHistory is history -p: each argument is history-expanded and
// printed on a line of its own; nothing is stored. An argument that does
// not expand is reported, the others are still printed, and the status
// is 1, as in bash.
func expandHistory(h *historyState, args []string, stdout io.Writer) (int, error) {
	if h.expander == nil {
		h.expander = history.BashExpander()
	}
	h.expander.Base = h.list.Base()
	var b strings.Builder
	var failed []string
	for _, a := range args {
		out, _, err := h.expander.Expand(a, h.list)
		if err != nil {
			failed = append(failed, a)
			continue
		}
		b.WriteString(out)
		b.WriteByte('\n')
	}
	if _, err := io.WriteString(stdout, b.String()); err != nil {
		return 1, err
	}
	if len(failed) > 0 {
		return 1, fmt.Errorf("%s: history expansion failed", strings.Join(failed, ", "))
	}
	return 0, nil
}
