package inputrc

import (
	"fmt"
	"io"
	"strings"
)

// InvokingKeyseqs returns the key sequences that run fn in km, in the
// order and textual form readline prints them (rl_invoking_keyseqs_in_map).
func (c *Config) InvokingKeyseqs(km *Keymap, fn *Function) []string {
	if km == nil {
		km = c.keymap
	}
	return c.invokingKeyseqs(km, fn, map[*Keymap]bool{})
}

func (c *Config) invokingKeyseqs(km *Keymap, fn *Function, onPath map[*Keymap]bool) []string {
	if fn == nil || onPath[km] {
		return nil
	}
	onPath[km] = true
	defer delete(onPath, km)
	var out []string
	km.each(func(key int, e Entry) {
		switch e.Kind {
		case KindFunc:
			if e.Func == fn {
				out = append(out, keyName(key))
			}
		case KindKeymap:
			seqs := c.invokingKeyseqs(e.Map, fn, onPath)
			prefix := prefixName(key, c.convertMeta() && km.Entry(keyESC).Kind == KindKeymap)
			for _, s := range seqs {
				out = append(out, prefix+s)
			}
		}
	})
	return out
}

// DumpFunctions writes every function name with the key sequences bound to
// it in km, as bind -p (readable) or bind -P prints them
// (rl_function_dumper).
func (c *Config) DumpFunctions(w io.Writer, km *Keymap, readable bool) error {
	if km == nil {
		km = c.keymap
	}
	// One walk of the keymap collects the sequences of every function, in
	// the order a walk per function would find them.
	all := map[*Function][]string{}
	c.collectKeyseqs(km, "", all, map[*Keymap]bool{})
	var b strings.Builder
	b.WriteString("\n")
	for _, name := range c.Funmap.Names() {
		seqs := all[c.Funmap.Lookup(name)]
		switch {
		case readable && len(seqs) == 0:
			fmt.Fprintf(&b, "# %s (not bound)\n", name)
		case readable:
			for _, s := range seqs {
				fmt.Fprintf(&b, "\"%s\": %s\n", s, name)
			}
		case len(seqs) == 0:
			fmt.Fprintf(&b, "%s is not bound to any keys\n", name)
		default:
			fmt.Fprintf(&b, "%s can be found on %s", name, quoteList(seqs))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (c *Config) collectKeyseqs(km *Keymap, prefix string, all map[*Function][]string, onPath map[*Keymap]bool) {
	if onPath[km] {
		return
	}
	onPath[km] = true
	defer delete(onPath, km)
	km.each(func(key int, e Entry) {
		switch e.Kind {
		case KindFunc:
			if e.Func != nil {
				all[e.Func] = append(all[e.Func], prefix+keyName(key))
			}
		case KindKeymap:
			p := prefixName(key, c.convertMeta() && km.Entry(keyESC).Kind == KindKeymap)
			c.collectKeyseqs(e.Map, prefix+p, all, onPath)
		}
	})
}

// quoteList prints up to five key sequences the way readline and bash list
// them: quoted, separated by commas, ending in ".\n" or with "...\n" on
// its own when there are more.
func quoteList(seqs []string) string {
	var b strings.Builder
	j := 0
	for ; j < 5 && j < len(seqs); j++ {
		sep := ", "
		if j+1 == len(seqs) {
			sep = ".\n"
		}
		fmt.Fprintf(&b, "\"%s\"%s", seqs[j], sep)
	}
	if j < len(seqs) {
		b.WriteString("...\n")
	}
	return b.String()
}

// DumpMacros writes the key sequences bound to macros in km and what they
// output, as bind -s (readable) or bind -S prints them (rl_macro_dumper).
func (c *Config) DumpMacros(w io.Writer, km *Keymap, readable bool) error {
	if km == nil {
		km = c.keymap
	}
	var b strings.Builder
	dumpMacros(&b, km, "", readable, map[*Keymap]bool{})
	_, err := io.WriteString(w, b.String())
	return err
}

func dumpMacros(b *strings.Builder, km *Keymap, prefix string, readable bool, onPath map[*Keymap]bool) {
	if onPath[km] {
		return
	}
	onPath[km] = true
	defer delete(onPath, km)
	km.each(func(key int, e Entry) {
		switch e.Kind {
		case KindMacro:
			out := UntranslateMacro(e.Macro, false)
			if readable {
				fmt.Fprintf(b, "\"%s%s\": \"%s\"\n", prefix, keyName(key), out)
			} else {
				fmt.Fprintf(b, "%s%s outputs %s\n", prefix, keyName(key), out)
			}
		case KindKeymap:
			dumpMacros(b, e.Map, prefix+keyName(key), readable, onPath)
		}
	})
}

// DumpVariables writes every variable and its value, as bind -v (readable)
// or bind -V prints them (rl_variable_dumper).
func (c *Config) DumpVariables(w io.Writer, readable bool) error {
	var b strings.Builder
	line := func(name, value string) {
		if readable {
			fmt.Fprintf(&b, "set %s %s\n", name, value)
		} else {
			fmt.Fprintf(&b, "%s is set to `%s'\n", name, value)
		}
	}
	for _, n := range BoolVars {
		v, _ := c.VarValue(n)
		line(n, v)
	}
	for _, n := range StringVars {
		if v, ok := c.VarValue(n); ok {
			line(n, v)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// QueryFunction writes which keys invoke the named function in km, as
// bash's bind -q does. It returns false if the function is unbound; an
// unknown name is an error.
func (c *Config) QueryFunction(w io.Writer, km *Keymap, name string) (bool, error) {
	fn := c.Funmap.Lookup(name)
	if fn == nil {
		return false, fmt.Errorf("`%s': unknown function name", name)
	}
	seqs := c.InvokingKeyseqs(km, fn)
	if len(seqs) == 0 {
		_, err := fmt.Fprintf(w, "%s is not bound to any keys.\n", name)
		return false, err
	}
	_, err := fmt.Fprintf(w, "%s can be invoked via %s", name, quoteList(seqs))
	return true, err
}

// UnbindKeyseq removes the binding of a key sequence given in textual
// form, as bash's bind -r does. A sequence that is not bound is left alone.
func (c *Config) UnbindKeyseq(km *Keymap, keyseq string) error {
	if km == nil {
		km = c.keymap
	}
	if keyseq == "" {
		return fmt.Errorf("`%s': cannot unbind", keyseq)
	}
	keys, _ := TranslateKeyseq(keyseq, c.convertMeta())
	e, ok := km.Lookup(keys, c.convertMeta())
	if !ok || (e.Kind == KindFunc && e.Func == nil) {
		return nil
	}
	km.bind(keys, Entry{Kind: KindFunc})
	return nil
}
