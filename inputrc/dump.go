package inputrc

import (
	"fmt"
	"io"
	"strings"
)

// walk visits every entry reachable from km, depth first in key order,
// with the text of the prefix keys that lead to it. prefixText names a key
// that leads into a sub-keymap (readline spells ESC differently when it
// lists functions and when it lists macros). A keymap that contains
// itself is not entered again, where readline would recurse forever.
func walk(km *Keymap, prefix string, prefixText func(km *Keymap, key int) string, visit func(prefix string, key int, e Entry), onPath map[*Keymap]bool) {
	if onPath[km] {
		return
	}
	onPath[km] = true
	defer delete(onPath, km)
	km.each(func(key int, e Entry) {
		if e.Kind == KindKeymap {
			walk(e.Map, prefix+prefixText(km, key), prefixText, visit, onPath)
			return
		}
		visit(prefix, key, e)
	})
}

// functionKeyseqs returns, for every function bound in km, the key
// sequences that run it, in the order and textual form readline prints
// them (rl_invoking_keyseqs_in_map).
func (c *Config) functionKeyseqs(km *Keymap) map[*Function][]string {
	all := map[*Function][]string{}
	escText := func(km *Keymap, key int) string {
		return prefixName(key, c.convertMeta() && km.Entry(keyESC).Kind == KindKeymap)
	}
	walk(km, "", escText, func(prefix string, key int, e Entry) {
		if e.Kind == KindFunc && e.Func != nil {
			all[e.Func] = append(all[e.Func], prefix+keyName(key))
		}
	}, map[*Keymap]bool{})
	return all
}

// InvokingKeyseqs returns the key sequences that run fn in km, in the
// order and textual form readline prints them (rl_invoking_keyseqs_in_map).
func (c *Config) InvokingKeyseqs(km *Keymap, fn *Function) []string {
	if km == nil {
		km = c.keymap
	}
	if fn == nil {
		return nil
	}
	return c.functionKeyseqs(km)[fn]
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
	all := c.functionKeyseqs(km)
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
	keyText := func(_ *Keymap, key int) string { return keyName(key) }
	walk(km, "", keyText, func(prefix string, key int, e Entry) {
		if e.Kind != KindMacro {
			return
		}
		out := UntranslateMacro(e.Macro, false)
		if readable {
			fmt.Fprintf(&b, "\"%s%s\": \"%s\"\n", prefix, keyName(key), out)
		} else {
			fmt.Fprintf(&b, "%s%s outputs %s\n", prefix, keyName(key), out)
		}
	}, map[*Keymap]bool{})
	_, err := io.WriteString(w, b.String())
	return err
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
