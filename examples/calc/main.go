// Command calc is a calculator REPL built on gosh's line editor: Go
// expression syntax over float64, the functions of package math, and
// variables. It shows the plain embedding API of lineedit (Open, ReadLine,
// Close): the user's ~/.inputrc, a history file, and rlcompleter-style
// completion of its names with completion.Namespace (TAB: "sq" becomes
// "sqrt(").
//
//	go run ./examples/calc
//
//	calc> x = sqrt(2)
//	x = 1.4142135623730951
//	calc> x*x
//	= 2.0000000000000004
//
// C-x h shows the help through $PAGER while the line waits (Suspend),
// "!cmd" runs a shell command, C-c abandons a line and C-d ends.
package main

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/goshell/gosh/completion"
	"github.com/goshell/gosh/lineedit"
)

// funcs are the functions calc knows.
var funcs = map[string]any{
	"abs": math.Abs, "sqrt": math.Sqrt, "cbrt": math.Cbrt, "exp": math.Exp,
	"log": math.Log, "log2": math.Log2, "log10": math.Log10,
	"sin": math.Sin, "cos": math.Cos, "tan": math.Tan,
	"asin": math.Asin, "acos": math.Acos, "atan": math.Atan, "atan2": math.Atan2,
	"sinh": math.Sinh, "cosh": math.Cosh, "tanh": math.Tanh,
	"floor": math.Floor, "ceil": math.Ceil, "round": math.Round, "trunc": math.Trunc,
	"pow": math.Pow, "hypot": math.Hypot, "max": math.Max, "min": math.Min, "mod": math.Mod,
}

// A calc holds the variables.
type calc struct {
	vars map[string]float64
	ns   *completion.Namespace
}

func newCalc() *calc {
	c := &calc{vars: map[string]float64{"pi": math.Pi, "e": math.E, "phi": math.Phi}}
	names := map[string]any{}
	for k, f := range funcs {
		names[k] = f
	}
	for k, v := range c.vars {
		names[k] = v
	}
	c.ns = &completion.Namespace{Names: names}
	return c
}

// set assigns a variable, which completes from then on.
func (c *calc) set(name string, v float64) {
	c.vars[name] = v
	c.ns.Names[name] = v
}

// run evaluates one line: "expr" or "name = expr".
func (c *calc) run(line string) (string, error) {
	line = strings.TrimSpace(line)
	if line == "" {
		return "", nil
	}
	if name, expr, ok := strings.Cut(line, "="); ok && token.IsIdentifier(strings.TrimSpace(name)) && !strings.HasPrefix(expr, "=") {
		name = strings.TrimSpace(name)
		if _, isFunc := funcs[name]; isFunc {
			return "", fmt.Errorf("%s is a function", name)
		}
		v, err := c.eval(expr)
		if err != nil {
			return "", err
		}
		c.set(name, v)
		return fmt.Sprintf("%s = %s", name, format(v)), nil
	}
	v, err := c.eval(line)
	if err != nil {
		return "", err
	}
	c.set("ans", v)
	return "= " + format(v), nil
}

func format(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// eval evaluates a Go expression over float64.
func (c *calc) eval(s string) (float64, error) {
	x, err := parser.ParseExpr(s)
	if err != nil {
		return 0, fmt.Errorf("syntax: %v", strings.TrimPrefix(err.Error(), "1:"))
	}
	return c.value(x)
}

func (c *calc) value(x ast.Expr) (float64, error) {
	switch x := x.(type) {
	case *ast.BasicLit:
		if x.Kind != token.INT && x.Kind != token.FLOAT {
			return 0, fmt.Errorf("not a number: %s", x.Value)
		}
		return strconv.ParseFloat(strings.ReplaceAll(x.Value, "_", ""), 64)
	case *ast.Ident:
		if v, ok := c.vars[x.Name]; ok {
			return v, nil
		}
		if _, ok := funcs[x.Name]; ok {
			return 0, fmt.Errorf("%s is a function: %s(...)", x.Name, x.Name)
		}
		return 0, fmt.Errorf("undefined: %s", x.Name)
	case *ast.ParenExpr:
		return c.value(x.X)
	case *ast.UnaryExpr:
		v, err := c.value(x.X)
		switch {
		case err != nil:
			return 0, err
		case x.Op == token.SUB:
			return -v, nil
		case x.Op == token.ADD:
			return v, nil
		}
		return 0, fmt.Errorf("unknown operator %s", x.Op)
	case *ast.BinaryExpr:
		a, err := c.value(x.X)
		if err != nil {
			return 0, err
		}
		b, err := c.value(x.Y)
		if err != nil {
			return 0, err
		}
		switch x.Op {
		case token.ADD:
			return a + b, nil
		case token.SUB:
			return a - b, nil
		case token.MUL:
			return a * b, nil
		case token.QUO:
			return a / b, nil
		case token.REM:
			return math.Mod(a, b), nil
		case token.XOR:
			return math.Pow(a, b), nil
		}
		return 0, fmt.Errorf("unknown operator %s", x.Op)
	case *ast.CallExpr:
		id, ok := x.Fun.(*ast.Ident)
		if !ok {
			return 0, fmt.Errorf("not a function")
		}
		args := make([]float64, len(x.Args))
		for i, a := range x.Args {
			v, err := c.value(a)
			if err != nil {
				return 0, err
			}
			args[i] = v
		}
		switch f := funcs[id.Name].(type) {
		case func(float64) float64:
			if len(args) != 1 {
				return 0, fmt.Errorf("%s takes 1 argument", id.Name)
			}
			return f(args[0]), nil
		case func(float64, float64) float64:
			if len(args) != 2 {
				return 0, fmt.Errorf("%s takes 2 arguments", id.Name)
			}
			return f(args[0], args[1]), nil
		}
		return 0, fmt.Errorf("undefined function: %s", id.Name)
	}
	return 0, fmt.Errorf("cannot evaluate that")
}

// help lists the names.
func (c *calc) help() string {
	var fs, vs []string
	for k := range funcs {
		fs = append(fs, k)
	}
	for k := range c.vars {
		vs = append(vs, k)
	}
	sort.Strings(fs)
	sort.Strings(vs)
	return "Go expressions over float64; ^ is the power; name = expr assigns.\n" +
		"functions: " + strings.Join(fs, " ") + "\n" +
		"variables: " + strings.Join(vs, " ") + "\n" +
		"TAB completes, C-r searches the history, !cmd runs a shell command, C-d ends.\n"
}

// showHelp pages the help with $PAGER (less by default).
func (c *calc) showHelp() error {
	pager := os.Getenv("PAGER")
	if pager == "" {
		pager = "less -FX"
	}
	cmd := exec.Command("/bin/sh", "-c", pager)
	cmd.Stdin = strings.NewReader(c.help())
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	return cmd.Run()
}

func historyFile() string {
	if f := os.Getenv("CALC_HISTFILE"); f != "" {
		return f
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	return filepath.Join(home, ".calc_history")
}

func main() {
	c := newCalc()
	s, err := lineedit.Open(lineedit.Options{
		App:         "calc",
		HistoryFile: historyFile(),
		Completer:   c.ns,
		Stdout:      os.Stdout,
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "calc:", err)
	}
	defer s.Close()

	// A command of our own, bound to C-x h unless ~/.inputrc binds it:
	// it runs the pager with the terminal given back, then the line
	// being edited comes back.
	cfg := s.Editor().Config
	help := lineedit.Register(cfg, "calc-help", func(*lineedit.Engine, int, byte) {
		if err := s.Suspend(c.showHelp); err != nil {
			fmt.Fprintln(os.Stderr, "calc:", err)
		}
	})
	cfg.BindIfUnbound(cfg.KeymapByName("emacs"), `\C-xh`, help)

	for {
		line, err := s.ReadLine("calc> ")
		switch {
		case errors.Is(err, io.EOF):
			fmt.Println()
			return
		case errors.Is(err, lineedit.ErrInterrupt):
			fmt.Println("^C")
			continue
		case err != nil:
			fmt.Fprintln(os.Stderr, "calc:", err)
			return
		}
		if cmd, ok := strings.CutPrefix(line, "!"); ok {
			// Between two ReadLines the terminal is ours: nothing to
			// suspend.
			sh := exec.Command("/bin/sh", "-c", cmd)
			sh.Stdin, sh.Stdout, sh.Stderr = os.Stdin, os.Stdout, os.Stderr
			sh.Run() //nolint:errcheck // its status is the user's business
			continue
		}
		if strings.TrimSpace(line) == "help" {
			fmt.Print(c.help())
			continue
		}
		out, err := c.run(line)
		if err != nil {
			fmt.Println("error:", err)
		} else if out != "" {
			fmt.Println(out)
		}
	}
}
