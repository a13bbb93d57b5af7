//go:build linux

package tea

// The Model in a real bubbletea program on a pty: the test binary runs
// itself (TestTeaHelperProcess), types at it as a person would, and looks
// at the screen the program draws.

import (
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"golang.org/x/sys/unix"

	"github.com/goshell/gosh/completion"
	"github.com/goshell/gosh/internal/ptytest"
	"github.com/goshell/gosh/internal/vtscreen"
	"github.com/goshell/gosh/lineedit"
)

const teaHelperEnv = "LINEEDIT_TEA_HELPER"

// queries are the terminal queries bubbletea sends.
var queries = regexp.MustCompile(`\x1b\[\?[0-9;]*\$p|\x1b\[\?u`)

// waitScreen waits until a row of the screen p draws contains substr and
// returns the rows.
func waitScreen(t *testing.T, p *ptytest.PTY, substr string) []string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		s := vtscreen.New(60, 12)
		// bubbletea asks the terminal about modes (DECRQM, the kitty
		// keyboard protocol): the emulator would answer into a pipe
		// nobody reads.
		s.WriteString(queries.ReplaceAllString(p.Output(), ""))
		lines := s.Lines()
		for _, l := range lines {
			if strings.Contains(l, substr) {
				return lines
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("no %q on the screen:\n%s", substr, strings.Join(lines, "\n"))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestTeaOnTerminal(t *testing.T) {
	rc := t.TempDir() + "/inputrc"
	os.WriteFile(rc, []byte(`"\e[1;5D": backward-word
"\C-xm": "from-inputrc"
`), 0o600)
	cmd := exec.Command(os.Args[0], "-test.run=^TestTeaHelperProcess$")
	cmd.Env = append(os.Environ(), teaHelperEnv+"=1", "TERM=xterm-256color", "INPUTRC="+rc,
		"VISUAL=sed -i s/typed/edited-outside/",
		"GORACE="+os.Getenv("GORACE")+" atexit_sleep_ms=0")
	p := ptytest.Start(t, cmd, ptytest.Options{Cols: 60, Rows: 12})
	waitScreen(t, p, "tea>")

	// Keys as the terminal sends them, decoded by bubbletea and encoded
	// back for the keymaps: C-Left (ESC [ 1 ; 5 D) bound in the init
	// file, C-x m a macro from it, TAB completing.
	p.Type("world")
	waitScreen(t, p, "tea> world")
	p.Type("\x1b[1;5D")
	p.Type("hello \x18m ")
	waitScreen(t, p, "tea> hello from-inputrc world")
	p.Type("\x05 gree\t")
	waitScreen(t, p, "tea> hello from-inputrc world green")
	p.Type("\r")
	waitScreen(t, p, `accepted "hello from-inputrc world green "`)

	// A bracketed paste keeps its newline in the line.
	p.Type("\x1b[200~one\ntwo\x1b[201~\r")
	waitScreen(t, p, `accepted "one\ntwo"`)

	// The up arrow brings back the pasted line; C-c abandons it.
	p.Type("\x1b[A")
	waitScreen(t, p, "tea> one")
	p.Type("\x03")
	waitScreen(t, p, "interrupted")

	// C-x C-e: the line goes to $VISUAL with the terminal handed over
	// (tea.ExecProcess), and what the editor leaves is accepted.
	p.Type("typed\x18\x05")
	waitScreen(t, p, `accepted "edited-outside"`)

	p.Type("\x04")
	if st := p.Wait(10 * time.Second); st.ExitCode() != 0 {
		t.Errorf("exit: %s\n%q", ptytest.Describe(st), p.Output())
	}
	if tio := p.Termios(); tio.Lflag&unix.ICANON == 0 {
		t.Errorf("terminal left raw")
	}
}

// TestTeaHelperProcess is the bubbletea program the test above runs.
func TestTeaHelperProcess(t *testing.T) {
	if os.Getenv(teaHelperEnv) == "" {
		t.Skip("run by the pty tests")
	}
	words := completion.CompleterFunc(func(line string, cursor int) completion.Result {
		start := strings.LastIndexByte(line[:cursor], ' ') + 1
		var cs []completion.Candidate
		for _, w := range []string{"green", "grey", "blue"} {
			if strings.HasPrefix(w, line[start:cursor]) {
				cs = append(cs, completion.Candidate{Text: w})
			}
		}
		return completion.Result{Start: start, End: cursor, Candidates: cs}
	})
	ed, err := New(lineedit.Options{Completer: words})
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	ed.SetPrompt("tea> ")
	// bash's command, which a program adds to the function map to bind it.
	ed.Config().Funmap.Add("edit-and-execute-command")
	ed.Config().ParseLine(`"\C-x\C-e": edit-and-execute-command`)
	if _, err := tea.NewProgram(helperApp{ed}).Run(); err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	os.Exit(0)
}

type helperApp struct{ ed *Model }

func (a helperApp) Init() tea.Cmd { return a.ed.Init() }

func (a helperApp) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case AcceptMsg:
		return a, tea.Printf("accepted %q", msg.Line)
	case InterruptMsg:
		return a, tea.Println("interrupted")
	case EOFMsg:
		return a, tea.Quit
	}
	_, cmd := a.ed.Update(msg)
	return a, cmd
}

func (a helperApp) View() tea.View { return a.ed.View() }
