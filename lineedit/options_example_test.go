package lineedit_test

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/goshell/gosh/completion"
	"github.com/goshell/gosh/lineedit"
)

// ExampleOpen is a REPL's loop. On a terminal the lines are edited with
// the user's ~/.inputrc, TAB completes names, the history file is read
// and written; here standard input is a file, read line by line.
func ExampleOpen() {
	dir, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(dir)
	input := filepath.Join(dir, "input")
	os.WriteFile(input, []byte("sqrt(2)\nexit\n"), 0o600)
	stdin, _ := os.Open(input)
	defer stdin.Close()

	s, err := lineedit.Open(lineedit.Options{
		App:         "calc", // for $if calc in ~/.inputrc
		HistoryFile: filepath.Join(dir, "history"),
		Completer:   &completion.Namespace{Names: map[string]any{"sqrt": func(float64) float64 { return 0 }}},
		Stdin:       stdin,
		Stdout:      os.Stdout,
	})
	if err != nil {
		fmt.Println(err)
	}
	defer s.Close()
	for {
		line, err := s.ReadLine("calc> ")
		if errors.Is(err, io.EOF) { // C-d
			break
		}
		if errors.Is(err, lineedit.ErrInterrupt) { // C-c
			continue
		}
		if err != nil || line == "exit" {
			break
		}
		fmt.Printf("you typed %q\n", line) // after the prompt: the input is no terminal
	}
	hist, _ := os.ReadFile(filepath.Join(dir, "history"))
	fmt.Printf("history file: %q\n", hist)
	// Output:
	// calc> you typed "sqrt(2)"
	// calc> history file: "sqrt(2)\nexit\n"
}
