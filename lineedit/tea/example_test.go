package tea_test

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/goshell/gosh/lineedit"
	edtea "github.com/goshell/gosh/lineedit/tea"
)

// app is a program with the editor at the bottom and the lines accepted
// so far above it.
type app struct {
	ed    *edtea.Model
	lines []string
}

func (a *app) Init() tea.Cmd { return a.ed.Init() }

func (a *app) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case edtea.AcceptMsg:
		a.lines = append(a.lines, "you said: "+msg.Line)
		return a, nil
	case edtea.EOFMsg:
		return a, tea.Quit
	}
	_, cmd := a.ed.Update(msg)
	return a, cmd
}

func (a *app) View() tea.View {
	ed := a.ed.View()
	above := strings.Join(a.lines, "\n")
	if above != "" {
		above += "\n"
	}
	v := tea.NewView(above + ed.Content)
	if ed.Cursor != nil {
		v.Cursor = tea.NewCursor(ed.Cursor.X, ed.Cursor.Y+len(a.lines))
	}
	return v
}

// Example embeds the editor in a program and drives it with messages, as
// bubbletea would: keys in, the messages the editor sends back handed to
// the program, the view out.
func Example() {
	ed, err := edtea.New(lineedit.Options{NoInitFile: true, Bindings: []string{`"\C-xh": "hello"`}})
	if err != nil {
		panic(err)
	}
	ed.SetPrompt("> ")
	a := &app{ed: ed}
	send := func(msg tea.Msg) {
		_, cmd := a.Update(msg)
		for cmd != nil { // the editor's messages go to the program
			_, cmd = a.Update(cmd())
		}
	}
	send(tea.KeyPressMsg{Code: 'x', Mod: tea.ModCtrl}) // C-x h, bound above
	send(tea.KeyPressMsg{Code: 'h', Text: "h"})
	send(tea.KeyPressMsg{Code: tea.KeyEnter})
	for _, r := range "world" {
		send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	send(tea.KeyPressMsg{Code: 'a', Mod: tea.ModCtrl}) // C-a
	v := a.View()
	fmt.Println(ansi.Strip(v.Content))
	fmt.Println("cursor at", v.Cursor.X, v.Cursor.Y)
	// Output:
	// you said: hello
	// > world
	// cursor at 2 1
}
