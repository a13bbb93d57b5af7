// Command chat is a chat-style bubbletea program with gosh's line editor
// at the bottom (lineedit/tea): the user's ~/.inputrc, a history file,
// completion of /commands (with descriptions, in a menu) and of @names,
// lipgloss styles. Messages scroll above the editor, printed with
// tea.Println; a bot in another goroutine answers each message, so its
// replies arrive while the next line is being typed and never disturb it.
//
//	go run ./examples/chat
//
// Enter sends, C-c clears the line, C-d or /quit ends.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/goshell/gosh/completion"
	"github.com/goshell/gosh/lineedit"
	edtea "github.com/goshell/gosh/lineedit/tea"
)

// commands are the /commands, with what they do.
var commands = []completion.Candidate{
	{Text: "/help", Description: "list the commands"},
	{Text: "/me", Description: "say what you do"},
	{Text: "/nick", Description: "change your name"},
	{Text: "/quit", Description: "leave"},
}

// users are the other people in the room.
var users = []string{"bot", "carol", "dave"}

var (
	nickStyle   = lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("12"))
	botStyle    = lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("10"))
	infoStyle   = lipgloss.NewStyle().Faint(true).Italic(true)
	statusStyle = lipgloss.NewStyle().Faint(true)
)

// complete completes /commands at the start of the line and @names.
func complete(line string, cursor int) completion.Result {
	start := strings.LastIndexByte(line[:cursor], ' ') + 1
	word := line[start:cursor]
	r := completion.Result{Start: start, End: cursor}
	switch {
	case start == 0 && strings.HasPrefix(word, "/"):
		for _, c := range commands {
			if strings.HasPrefix(c.Text, word) {
				r.Candidates = append(r.Candidates, c)
			}
		}
	case strings.HasPrefix(word, "@"):
		for _, u := range users {
			if strings.HasPrefix("@"+u, word) {
				r.Candidates = append(r.Candidates, completion.Candidate{Text: "@" + u, Kind: completion.KindUser})
			}
		}
	}
	return r
}

// botMsg is the bot's answer, sent by its goroutine.
type botMsg string

// model is the chat: the editor, and who we are.
type model struct {
	ed    *edtea.Model
	nick  string
	toBot chan<- string
}

func (m *model) Init() tea.Cmd { return m.ed.Init() }

func (m *model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case edtea.AcceptMsg:
		return m, m.send(msg.Line)
	case edtea.EOFMsg:
		return m, tea.Quit
	case botMsg:
		return m, tea.Println(botStyle.Render("bot") + ": " + string(msg))
	}
	_, cmd := m.ed.Update(msg)
	return m, cmd
}

// send acts on a line the user entered.
func (m *model) send(line string) tea.Cmd {
	text := strings.TrimSpace(line)
	if text == "" {
		return nil
	}
	cmd, arg, _ := strings.Cut(text, " ")
	arg = strings.TrimSpace(arg)
	switch cmd {
	case "/quit":
		return tea.Quit
	case "/help":
		var b strings.Builder
		for i, c := range commands {
			if i > 0 {
				b.WriteByte('\n')
			}
			fmt.Fprintf(&b, "%-6s %s", c.Text, c.Description)
		}
		return tea.Println(infoStyle.Render(b.String()))
	case "/nick":
		if arg == "" {
			return tea.Println(infoStyle.Render("usage: /nick NAME"))
		}
		old := m.nick
		m.nick = arg
		m.ed.SetPrompt(prompt(arg))
		return tea.Println(infoStyle.Render(fmt.Sprintf("* %s is now %s", old, arg)))
	case "/me":
		return tea.Println(infoStyle.Render("* " + m.nick + " " + arg))
	}
	if strings.HasPrefix(cmd, "/") {
		return tea.Println(infoStyle.Render("unknown command " + cmd + " (try /help)"))
	}
	select {
	case m.toBot <- text:
	default: // the bot is behind: it misses this one
	}
	return tea.Println(nickStyle.Render(m.nick) + ": " + text)
}

func (m *model) View() tea.View {
	ed, x, y := m.ed.Render()
	status := statusStyle.Render(m.nick + " · TAB completes /commands and @names · C-d leaves")
	v := tea.NewView(ed + "\n" + status)
	v.Cursor = tea.NewCursor(x, y)
	return v
}

func prompt(nick string) string { return nickStyle.Render(nick) + "> " }

// bot answers each message after a while, from its own goroutine, as a
// network connection would.
func bot(p *tea.Program, in <-chan string, delay time.Duration) {
	for text := range in {
		time.Sleep(delay)
		runes := []rune(text)
		for i, j := 0, len(runes)-1; i < j; i, j = i+1, j-1 {
			runes[i], runes[j] = runes[j], runes[i]
		}
		p.Send(botMsg(string(runes)))
	}
}

func historyFile() string {
	if f := os.Getenv("CHAT_HISTFILE"); f != "" {
		return f
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	return filepath.Join(home, ".chat_history")
}

func main() {
	ed, err := edtea.New(lineedit.Options{
		App:         "chat",
		HistoryFile: historyFile(),
		Completer:   completion.CompleterFunc(complete),
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "chat:", err)
	}
	defer ed.Close()
	ed.Styles.MenuSelected = lipgloss.NewStyle().Background(lipgloss.Color("12")).Foreground(lipgloss.Color("0"))
	ed.Styles.MenuDescription = lipgloss.NewStyle().Faint(true)
	nick := os.Getenv("USER")
	if nick == "" {
		nick = "me"
	}
	ed.SetPrompt(prompt(nick))

	delay := 500 * time.Millisecond
	if ms, err := strconv.Atoi(os.Getenv("CHAT_BOT_DELAY_MS")); err == nil {
		delay = time.Duration(ms) * time.Millisecond
	}
	toBot := make(chan string, 16)
	p := tea.NewProgram(&model{ed: ed, nick: nick, toBot: toBot})
	go bot(p, toBot, delay)
	if _, err := p.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "chat:", err)
		os.Exit(1)
	}
}
