package history_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/goshell/gosh/history"
)

// A program keeps a history list, saves it, and reads it back.
func Example() {
	dir, _ := os.MkdirTemp("", "history-example")
	defer os.RemoveAll(dir)
	file := filepath.Join(dir, ".myapp_history")

	l := history.New()
	l.Add("make test")
	l.Add("git commit -m 'fix the parser'")
	if err := l.WriteFile(file); err != nil {
		fmt.Println(err)
	}

	again := history.New()
	again.ReadFile(file)
	for i := 0; i < again.Len(); i++ {
		fmt.Println(again.Base()+i, again.Line(i))
	}
	// Output:
	// 1 make test
	// 2 git commit -m 'fix the parser'
}

// The editor's reverse search asks for the nearest older entry holding
// a string, and where in it the string is.
func ExampleList_Find() {
	l := history.New()
	for _, s := range []string{"git status", "ls -l", "git log --oneline", "make"} {
		l.Add(s)
	}
	i, off := l.Find(history.Search{Pattern: "git"}, l.Len()-1)
	fmt.Println(i, off, l.Line(i))
	i, off = l.Find(history.Search{Pattern: "GIT S", Prefix: true, IgnoreCase: true}, i-1)
	fmt.Println(i, off, l.Line(i))
	// Output:
	// 2 0 git log --oneline
	// 0 0 git status
}

// A shell saves lines as bash's HISTCONTROL and HISTIGNORE say.
func ExamplePolicy() {
	p, _ := history.ParsePolicy("ignoreboth", "ls:exit")
	l := history.New()
	for _, line := range []string{"make", "make", " secret", "ls", "make test"} {
		p.Add(l, line)
	}
	for i := 0; i < l.Len(); i++ {
		fmt.Println(l.Line(i))
	}
	// Output:
	// make
	// make test
}

// Python's readline counts get_history_item from 1.
func ExamplePython() {
	p := history.NewPython(history.New())
	p.AddHistory("print('hi')")
	p.AddHistory("import os")
	item, _ := p.GetHistoryItem(1)
	fmt.Println(item, p.GetCurrentHistoryLength())
	// Output:
	// print('hi') 2
}
