package vtscreen_test

import (
	"fmt"

	"github.com/goshell/gosh/internal/vtscreen"
)

// A program's output goes in; what a person sees comes out.
func Example() {
	s := vtscreen.New(10, 4)
	fmt.Fprint(s, "$ echo hello\r\nhello\r\n$ ")
	fmt.Printf("%q\n", s.Lines())
	row, col := s.Cursor()
	fmt.Println(row, col)
	fmt.Println(s.Picture(true))
	// Output:
	// ["$ echo hel" "lo" "hello" "$"]
	// 3 2
	// $ echo hel
	// lo
	// hello
	// $ ▌
}
