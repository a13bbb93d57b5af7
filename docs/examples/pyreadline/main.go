// Command pyreadline is the Go version of the example in Python's
// readline documentation: the history is read at start and written at
// exit, and a completer offers words on TAB. It echoes each line it reads.
//
//	go run ./docs/examples/pyreadline
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/goshell/gosh/lineedit"
)

var words = []string{"print", "property", "pow", "import", "input", "isinstance", "len", "list"}

func main() {
	rl := lineedit.NewReadline()

	// histfile = os.path.join(os.path.expanduser("~"), ".python_history")
	home, _ := os.UserHomeDir()
	histfile := filepath.Join(home, ".gosh_example_history")
	if env := os.Getenv("EXAMPLE_HISTFILE"); env != "" {
		histfile = env
	}
	// try: readline.read_history_file(histfile); readline.set_history_length(1000)
	if err := rl.ReadHistoryFile(histfile); err == nil {
		rl.SetHistoryLength(1000)
	}
	// atexit.register(readline.write_history_file, histfile)
	defer rl.WriteHistoryFile(histfile)

	// readline.set_completer(completer); readline.parse_and_bind("tab: complete")
	rl.SetCompleter(func(text string, state int) (string, bool) {
		var matches []string
		for _, w := range words {
			if strings.HasPrefix(w, text) {
				matches = append(matches, w)
			}
		}
		if state < len(matches) {
			return matches[state], true
		}
		return "", false
	})
	rl.ParseAndBind("tab: complete")

	for {
		line, err := rl.Input(">>> ")
		if errors.Is(err, io.EOF) {
			fmt.Println()
			return
		}
		if errors.Is(err, lineedit.ErrInterrupt) {
			fmt.Println("KeyboardInterrupt")
			continue
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return
		}
		fmt.Printf("you typed: %q\n", line)
	}
}
