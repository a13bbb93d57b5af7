//go:build linux

package difftest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/goshell/gosh/internal/rldiff"
)

// makeTree fills dir with the files the completion cases list.
func makeTree(t *testing.T, dir string) {
	t.Helper()
	files := []string{
		"alpha", "alphabet", "beta.txt", "Makefile", "README", "readme.md", "Readme.txt",
		"my-file", "verylongcommonprefix_one", "verylongcommonprefix_two",
		"verylongcommonprefix.three", "日本語ファイル1", "日本語ファイル2", "zeta",
	}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, f), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range []string{"alpine", "build", "my_folder", "many", "wide"} {
		if err := os.Mkdir(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "bin-tool"), nil, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("beta.txt", filepath.Join(dir, "link-to-beta")); err != nil {
		t.Fatal(err)
	}
	links := filepath.Join(dir, "links")
	if err := os.Mkdir(links, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, target := range map[string]string{"dirlink": "../alpine", "filelink": "../zeta", "brokenlink": "../nowhere"} {
		if err := os.Symlink(target, filepath.Join(links, name)); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(links, "plaindir"), 0o755); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 120; i++ {
		name := fmt.Sprintf("file%03d", i)
		if i%7 == 3 {
			name += "-long-name"
		}
		if err := os.WriteFile(filepath.Join(dir, "many", name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < 14; i++ {
		if err := os.WriteFile(filepath.Join(dir, "wide", fmt.Sprintf("w%02d%s", i, string(rune('a'+i))+"xxxxxx"[:i%6])), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

type complCase struct {
	name    string
	inputrc string
	keys    string
	more    []string
	size    rldiff.Size
	styles  bool
}

var complCases = []complCase{
	{name: "second tab lists", keys: "ls alp\t", more: []string{"\t"}},
	{name: "common prefix then two tabs", keys: "ls alp\t", more: []string{"\t", "\t"}},
	{name: "inserted prefix then tab", keys: "ls al", more: []string{"\t", "\t"}},
	{name: "unique directory", keys: "ls alpi\t"},
	{name: "unique file", keys: "ls beta\t"},
	{name: "unique in middle of line", keys: "ls beta x\x02\x02\t"},
	{name: "mark-directories off", inputrc: "set mark-directories off\n", keys: "ls alpi\t"},
	{name: "show-all-if-ambiguous", inputrc: "set show-all-if-ambiguous on\n", keys: "ls al\t"},
	{name: "show-all-if-ambiguous extends", inputrc: "set show-all-if-ambiguous on\n", keys: "ls verylong\t"},
	{name: "show-all-if-unmodified inserts", inputrc: "set show-all-if-unmodified on\n", keys: "ls verylong\t"},
	{name: "show-all-if-unmodified lists", inputrc: "set show-all-if-unmodified on\n", keys: "ls alp\t"},
	{name: "possible-completions", keys: "ls b\x1b?"},
	{name: "possible-completions single", keys: "ls bet\x1b?"},
	{name: "list in the middle of the screen", keys: "ls b\x1b?", more: []string{"\x1b?"}},
	{name: "visible-stats", inputrc: "set visible-stats on\n", keys: "ls b\t\t"},
	{name: "visible-stats link and executable", inputrc: "set visible-stats on\n", keys: "ls \t\t"},
	{name: "mark-directories in list", keys: "ls \t\t"},
	{name: "links listed", keys: "ls links/\t\t"},
	{name: "links with visible-stats", inputrc: "set visible-stats on\n", keys: "ls links/\t\t"},
	{name: "links coloured", inputrc: "set colored-stats on\n", keys: "ls links/\t\t", styles: true},
	{name: "link to a directory completed", keys: "ls links/di\t"},
	{name: "link to a directory typed whole", keys: "ls links/dirlink\t"},
	{name: "mark-symlinked-directories", inputrc: "set mark-symlinked-directories on\n", keys: "ls links/di\t"},
	{name: "link to a file completed", keys: "ls links/f\t"},
	{name: "colored-stats", inputrc: "set colored-stats on\n", keys: "ls \t\t", styles: true},
	{name: "colored-stats LS_COLORS", inputrc: "set colored-stats on\n", keys: "ls \t\t", styles: true},
	{name: "colored-completion-prefix", inputrc: "set colored-completion-prefix on\n", keys: "ls alp\t\t", styles: true},
	{name: "colored-completion-prefix LS_COLORS", inputrc: "set colored-completion-prefix on\n", keys: "ls alp\t\t", styles: true},
	{name: "colored prefix and stats", inputrc: "set colored-completion-prefix on\nset colored-stats on\nset visible-stats on\n", keys: "ls b\t\t", styles: true},
	{name: "colored prefix under the display length", inputrc: "set completion-prefix-display-length 10\nset colored-completion-prefix on\n", keys: "ls alp\t\t", styles: true},
	{name: "ellipsis with colored-stats", inputrc: "set completion-prefix-display-length 3\nset colored-stats on\nset colored-completion-prefix on\n", keys: "ls verylongcommonprefix\t\t", styles: true},
	{name: "print-completions-horizontally", inputrc: "set print-completions-horizontally on\n", keys: "ls wide/w\t\t"},
	{name: "vertical layout", keys: "ls wide/w\t\t"},
	{name: "narrow terminal", keys: "ls wide/w\t\t", size: rldiff.Size{Cols: 30, Rows: 24}},
	{name: "exact fit width", keys: "ls wide/w0\t\t", size: rldiff.Size{Cols: 33, Rows: 24}},
	{name: "completion-display-width", inputrc: "set completion-display-width 30\n", keys: "ls wide/w\t\t"},
	{name: "completion-display-width 0", inputrc: "set completion-display-width 0\n", keys: "ls b\t\t"},
	{name: "completion-prefix-display-length", inputrc: "set completion-prefix-display-length 5\n", keys: "ls verylongcommonprefix_\t\t"},
	{name: "prefix display with period", inputrc: "set completion-prefix-display-length 5\n", keys: "ls verylongcommonprefix\t\t"},
	{name: "prefix display short prefix", inputrc: "set completion-prefix-display-length 5\n", keys: "ls alp\t\t"},
	{name: "wide characters", keys: "ls 日本語ファイル\t\t"},
	{name: "completion-ignore-case", inputrc: "set completion-ignore-case on\n", keys: "ls read\t\t"},
	{name: "ignore-case keeps typed case", inputrc: "set completion-ignore-case on\n", keys: "ls READ\t"},
	{name: "ignore-case unique", inputrc: "set completion-ignore-case on\n", keys: "ls makef\t"},
	{name: "completion-map-case", inputrc: "set completion-ignore-case on\nset completion-map-case on\n", keys: "ls MY_\t\t"},
	{name: "skip-completed-text", inputrc: "set skip-completed-text on\n", keys: "ls alphabet\x02\x02\x02\x02\t"},
	{name: "without skip-completed-text", keys: "ls alphabet\x02\x02\x02\x02\t"},
	{name: "insert-completions", keys: "ls al\x1b*"},
	{name: "display all no", keys: "ls many/file\t\t", more: []string{"n"}},
	{name: "display all question", keys: "ls many/file\t\t"},
	{name: "display all bad key", keys: "ls many/file\t\t", more: []string{"x"}},
	{name: "completion-query-items", inputrc: "set completion-query-items 4\n", keys: "ls b\t\t", more: []string{"y"}},
	{name: "more pager", keys: "ls many/file\t\t", more: []string{"y"}, size: rldiff.Size{Cols: 80, Rows: 10}},
	{name: "more space", keys: "ls many/file\t\t", more: []string{"y", " "}, size: rldiff.Size{Cols: 80, Rows: 10}},
	{name: "more return", keys: "ls many/file\t\t", more: []string{"y", "\r"}, size: rldiff.Size{Cols: 80, Rows: 10}},
	{name: "more quit", keys: "ls many/file\t\t", more: []string{"y", " ", "q"}, size: rldiff.Size{Cols: 80, Rows: 10}},
	{name: "more to the end", keys: "ls many/file\t\t", more: []string{"y", " ", " ", " ", " "}, size: rldiff.Size{Cols: 80, Rows: 10}},
	{name: "page-completions off", inputrc: "set page-completions off\n", keys: "ls many/file\t\t", more: []string{"y"}, size: rldiff.Size{Cols: 80, Rows: 10}},
	{name: "more horizontal", inputrc: "set print-completions-horizontally on\n", keys: "ls many/file\t\t", more: []string{"y", "\r"}, size: rldiff.Size{Cols: 80, Rows: 10}},
	{name: "menu-complete", inputrc: `"\C-xm": menu-complete` + "\n", keys: "ls al\x18m", more: []string{"\x18m"}},
	{name: "menu-complete cycles", inputrc: `"\C-xm": menu-complete` + "\n", keys: "ls al\x18m", more: []string{"\x18m", "\x18m", "\x18m"}},
	{name: "menu-complete wraps", inputrc: `"\C-xm": menu-complete` + "\n", keys: "ls al\x18m", more: []string{"\x18m", "\x18m", "\x18m", "\x18m"}},
	{name: "menu-complete-backward", inputrc: `"\C-xm": menu-complete-backward` + "\n", keys: "ls al\x18m", more: []string{"\x18m"}},
	{name: "menu-complete argument", inputrc: `"\C-xm": menu-complete` + "\n", keys: "ls al\x1b2\x18m"},
	{name: "menu-complete unique", inputrc: `"\C-xm": menu-complete` + "\n", keys: "ls alpi\x18m"},
	{name: "menu-complete-display-prefix", inputrc: "set menu-complete-display-prefix on\n" + `"\C-xm": menu-complete` + "\n", keys: "ls verylong\x18m", more: []string{"\x18m"}},
	{name: "menu-complete show-all", inputrc: "set show-all-if-ambiguous on\n" + `"\C-xm": menu-complete` + "\n", keys: "ls al\x18m", more: []string{"\x18m"}},
	{name: "old-menu-complete", inputrc: `"\C-xm": old-menu-complete` + "\n", keys: "ls al\x18m", more: []string{"\x18m", "\x18m", "\x18m"}},
	{name: "delete-char-or-list", inputrc: `"\C-xd": delete-char-or-list` + "\n", keys: "ls b\x18d"},
	{name: "undo completion", keys: "ls beta\t\x1f"},
	{name: "no match", keys: "ls nothing\t\t"},
}

// TestCompletionDiff runs the completion cases against bash.
func TestCompletionDiff(t *testing.T) {
	bash := rldiff.BashPath(t)
	tree := t.TempDir()
	makeTree(t, tree)
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range complCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			size := tc.size
			if size.Cols == 0 {
				size = rldiff.Size{Cols: 80, Rows: 24}
			}
			env := rldiff.Env{Home: t.TempDir(), Dir: tree, Inputrc: tc.inputrc}
			switch tc.name {
			case "colored-stats LS_COLORS":
				env.Extra = []string{"LS_COLORS=di=01;33:ln=04;36:*.txt=35:ex=01;31:*.md=32"}
			case "colored-completion-prefix LS_COLORS":
				env.Extra = []string{"LS_COLORS=*readline-colored-completion-prefix=04;31"}
			}
			b := rldiff.Start(t, env.Command(t, bash), size)
			cmd := exec.Command(self)
			cmd.Env = append(env.Prepare(t, "gosh"), editorEnv+"=1")
			cmd.Dir = tree
			g := rldiff.Start(t, cmd, size)
			rldiff.Compare(t, tc.name, b, g, rldiff.Options{Styles: tc.styles}, append([]string{tc.keys}, tc.more...)...)
		})
	}
}
