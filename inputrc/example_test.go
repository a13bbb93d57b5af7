package inputrc_test

import (
	"fmt"
	"os"

	"github.com/goshell/gosh/inputrc"
)

// A program reads an init file and asks what a key sequence runs.
func Example() {
	cfg := inputrc.New(inputrc.Options{App: "myapp", Term: "xterm"})
	cfg.ReadString("example", `
$if myapp
"\C-xg": "git status\n"
$endif
Control-o: kill-whole-line
set editing-mode emacs
`)
	cfg.Finish()

	e, _ := cfg.Lookup(nil, []byte{0x18, 'g'}) // C-x g
	fmt.Printf("C-x g: macro %q\n", e.Macro)
	e, _ = cfg.Lookup(nil, []byte{0x0f}) // C-o
	fmt.Println("C-o:", e.Func.Name)
	e, _ = cfg.Lookup(nil, []byte("\x1b[A")) // the up arrow
	fmt.Println("up:", e.Func.Name)
	// Output:
	// C-x g: macro "git status\n"
	// C-o: kill-whole-line
	// up: previous-history
}

// Problems are reported with the file and line, and reading goes on.
func ExampleConfig_ReadString() {
	cfg := inputrc.New(inputrc.Options{})
	cfg.ReadString("~/.inputrc", "set bell-style loud\n\"\\C-a\": no-such-command\nset bell-style none\n")
	for _, w := range cfg.Warnings {
		fmt.Println(w)
	}
	v, _ := cfg.VarValue("bell-style")
	fmt.Println("bell-style:", v)
	// Output:
	// ~/.inputrc:1: bell-style: could not set value to `loud'
	// ~/.inputrc:2: no-such-command: unknown function name
	// bell-style: none
}

// DumpMacros prints macros back in init-file syntax, as bind -s does.
func ExampleConfig_DumpMacros() {
	cfg := inputrc.New(inputrc.Options{})
	cfg.ParseLine(`"\C-xp": "print(\"hi\")\n"`)
	cfg.DumpMacros(os.Stdout, nil, true)
	// Output:
	// "\C-xp": "print(\"hi\")\C-j"
}
