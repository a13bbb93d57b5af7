package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/goshell/gosh/internal/ptytest"
	"github.com/goshell/gosh/internal/vtscreen"
)

func TestComplete(t *testing.T) {
	texts := func(line string) []string {
		var out []string
		for _, c := range complete(line, len(line)).Candidates {
			out = append(out, c.Text)
		}
		return out
	}
	if got := texts("/n"); len(got) != 1 || got[0] != "/nick" {
		t.Errorf("/n: %v", got)
	}
	if got := texts("hi @"); len(got) != 3 {
		t.Errorf("@: %v", got)
	}
	if got := texts("say /n"); len(got) != 0 {
		t.Errorf("a command after the start: %v", got)
	}
}

// queries are the terminal queries bubbletea sends, which the virtual
// screen would answer into a pipe nobody reads.
var queries = regexp.MustCompile(`\x1b\[\?[0-9;]*\$p|\x1b\[\?u`)

// screen returns the rows p shows.
func screen(p *ptytest.PTY) []string {
	s := vtscreen.New(70, 14)
	s.WriteString(queries.ReplaceAllString(p.Output(), ""))
	return s.Lines()
}

// waitScreen waits until the screen holds want as a run of rows.
func waitScreen(t *testing.T, p *ptytest.PTY, want ...string) []string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		rows := screen(p)
		joined := "\n" + strings.Join(rows, "\n") + "\n"
		if strings.Contains(joined, "\n"+strings.Join(want, "\n")+"\n") {
			return rows
		}
		if time.Now().After(deadline) {
			t.Fatalf("no %q on the screen:\n%s", want, strings.Join(rows, "\n"))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestChatOnTerminal runs the chat on a pty: completion of a command from
// the menu, a nick change that changes the prompt, a message and the
// bot's answer arriving while the next line is typed, history, /quit.
func TestChatOnTerminal(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "chat")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	hist := filepath.Join(dir, "history")
	cmd := exec.Command(bin)
	cmd.Env = []string{"HOME=" + dir, "TERM=xterm-256color", "INPUTRC=/dev/null", "USER=alice",
		"CHAT_HISTFILE=" + hist, "CHAT_BOT_DELAY_MS=300", "PATH=" + os.Getenv("PATH"), "LC_ALL=C.UTF-8"}
	p := ptytest.Start(t, cmd, ptytest.Options{Cols: 70, Rows: 14})
	waitScreen(t, p, "alice>", "alice · TAB completes /commands and @names · C-d leaves")

	// Two TABs list the commands with their descriptions.
	p.Type("/\t\t")
	waitScreen(t, p, "alice> /", "/help  list the commands", "/me    say what you do")
	p.Type("ni\t")
	waitScreen(t, p, "alice> /nick")
	p.Type("bob\r")
	waitScreen(t, p, "* alice is now bob", "bob>")

	p.Type("hi @b\t")
	waitScreen(t, p, "bob> hi @bot")
	p.Type("\r")
	waitScreen(t, p, "bob: hi @bot", "bob>")
	// The answer comes while the next line is typed: above it, the
	// line untouched.
	p.Type("still typing")
	rows := waitScreen(t, p, "bob: hi @bot", "bot: tob@ ih", "bob> still typing")
	p.Type("\x15/quit\r")
	if st := p.Wait(10 * time.Second); st.ExitCode() != 0 {
		t.Fatalf("exit: %s\n%s", ptytest.Describe(st), strings.Join(rows, "\n"))
	}
	data, _ := os.ReadFile(hist)
	if got, want := string(data), "/nick bob\nhi @bot \n/quit\n"; got != want {
		t.Errorf("history file %q, want %q", got, want)
	}
}
