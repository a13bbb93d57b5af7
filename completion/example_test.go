package completion_test

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/goshell/gosh/completion"
)

type Server struct {
	Host string
	Port int
}

func (s *Server) Restart() error { return nil }

type Config struct {
	Server *Server
	Debug  bool
}

// A program registers its values; the namespace completes names and
// dotted paths by reflection, as Python's rlcompleter does.
func ExampleNamespace() {
	ns := &completion.Namespace{Names: map[string]any{
		"cfg":     &Config{Server: &Server{Host: "localhost", Port: 8080}},
		"strings": completion.Package{"ToUpper": strings.ToUpper, "TrimSpace": strings.TrimSpace},
	}}
	fmt.Println(ns.Matches("cfg.Serv"))
	fmt.Println(ns.Matches("cfg.Server."))
	fmt.Println(ns.Matches("strings.T"))
	// Output:
	// [cfg.Server]
	// [cfg.Server.Host cfg.Server.Port cfg.Server.Restart()]
	// [strings.ToUpper( strings.TrimSpace(]
}

// The same namespace in Python's shape, for a program written against
// readline.set_completer.
func ExampleNamespace_Python() {
	complete := (&completion.Namespace{Keywords: true}).Python()
	for state := 0; ; state++ {
		m, ok := complete("f", state)
		if !ok {
			break
		}
		fmt.Printf("%q\n", m)
	}
	// Output:
	// "fallthrough"
	// "for "
	// "func "
}

// Python turns a completer in Python's shape into the rich one the
// editor uses; ToPython goes the other way.
func ExamplePython() {
	words := []string{"print", "property", "pow"}
	p := &completion.Python{Func: func(text string, state int) (string, bool) {
		var m []string
		for _, w := range words {
			if strings.HasPrefix(w, text) {
				m = append(m, w)
			}
		}
		if state < len(m) {
			return m[state], true
		}
		return "", false
	}}
	r := p.Complete("x = pr", 6)
	fmt.Println(r.Start, r.End, len(r.Candidates), p.Begidx(), p.Endidx())

	back := completion.ToPython(p, func() (string, int) { return "x = po", 6 })
	m, ok := back("po", 0)
	fmt.Println(m, ok)
	// Output:
	// 4 6 2 4 6
	// pow true
}

// File completion quotes names as bash does and marks directories by
// their kind.
func ExampleFiles_Complete() {
	dir, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(dir)
	os.WriteFile(filepath.Join(dir, "my notes.txt"), nil, 0o644)
	os.Mkdir(filepath.Join(dir, "my dir"), 0o755)

	f := &completion.Files{Dir: dir}
	r := f.Complete("cat my", 6)
	for _, c := range r.Candidates {
		fmt.Printf("%s (%s) directory=%v\n", c.Text, c.DisplayText(), c.Kind == completion.KindDirectory)
	}
	r = f.Complete(`cat "my n`, 9)
	fmt.Printf("%s + %q\n", r.Candidates[0].Text, r.Candidates[0].Suffix)
	// Unordered output:
	// my\ notes.txt (my notes.txt) directory=false
	// my\ dir (my dir) directory=true
	// "my notes.txt + "\" "
}

// ParseLSColors reads $LS_COLORS; Style gives the SGR parameters a list
// of candidates colours a name with.
func ExampleParseLSColors() {
	c := completion.ParseLSColors("di=01;34:*.go=33:ex=01;32")
	fmt.Printf("%q\n", c.Style("src", fs.ModeDir|0o755))
	fmt.Printf("%q\n", c.Style("main.go", 0o644))
	fmt.Printf("%q\n", c.Style("run.sh", 0o755))
	fmt.Printf("%q\n", c.Style("README", 0o644))
	// Output:
	// "01;34"
	// "33"
	// "01;32"
	// ""
}

func ExampleQuote() {
	fmt.Println(completion.Quote("my file", 0))
	fmt.Println(completion.Quote("it's $5", '"'))
	fmt.Println(completion.Unquote(`"my fi`))
	// Output:
	// my\ file
	// it's \$5
	// my fi 34
}

// SplitLine gives COMP_WORDS and COMP_CWORD as bash computes them.
func ExampleSplitLine() {
	words, cword := completion.SplitLine("git commit --message=hi", 23, "")
	for _, w := range words {
		fmt.Printf("%q ", w.Text)
	}
	fmt.Println(cword)
	// Output:
	// "git" "commit" "--message" "=" "hi" 4
}

func ExampleVariableCandidates() {
	for _, c := range completion.VariableCandidates("${HO", []string{"HOME", "HOSTNAME", "PATH"}, nil) {
		fmt.Println(c.Text)
	}
	// Output:
	// ${HOME}
	// ${HOSTNAME}
}
