package completion

import (
	"reflect"
	"slices"
	"strings"
)

// A Package groups named values under one name, as a Go package groups
// its functions: Namespace{Names: {"strings": Package{"ToUpper":
// strings.ToUpper}}} completes "strings.To" to "strings.ToUpper(".
type Package map[string]any

// Namespace completes Go names and dotted paths the way Python's
// rlcompleter completes Python ones: top-level names from Names, then,
// after a '.', the exported fields and methods of structs (found by
// reflection, through pointers and interfaces, with promoted ones), the
// keys of Packages and string-keyed maps. A callable completes with "("
// appended, or "()" when it takes no arguments, as rlcompleter does.
//
// Unlike Python, nothing is evaluated: a nil pointer still completes to
// the fields of its type.
type Namespace struct {
	// Names are the top-level names.
	Names map[string]any
	// Keywords adds Go's keywords to the top-level names.
	Keywords bool
	// Predeclared adds Go's predeclared identifiers (append, len, int,
	// nil, ...), as rlcompleter adds Python's builtins.
	Predeclared bool
}

// goKeywords are Go's keywords.
var goKeywords = []string{
	"break", "case", "chan", "const", "continue", "default", "defer", "else",
	"fallthrough", "for", "func", "go", "goto", "if", "import", "interface",
	"map", "package", "range", "return", "select", "struct", "switch",
	"type", "var",
}

// goPredeclared are Go's predeclared identifiers, with the suffix each
// completes with.
var goPredeclared = []struct{ name, suffix string }{
	{"any", ""}, {"bool", ""}, {"byte", ""}, {"comparable", ""},
	{"complex64", ""}, {"complex128", ""}, {"error", ""}, {"float32", ""},
	{"float64", ""}, {"int", ""}, {"int8", ""}, {"int16", ""}, {"int32", ""},
	{"int64", ""}, {"rune", ""}, {"string", ""}, {"uint", ""}, {"uint8", ""},
	{"uint16", ""}, {"uint32", ""}, {"uint64", ""}, {"uintptr", ""},
	{"true", ""}, {"false", ""}, {"iota", ""}, {"nil", ""},
	{"append", "("}, {"cap", "("}, {"clear", "("}, {"close", "("},
	{"complex", "("}, {"copy", "("}, {"delete", "("}, {"imag", "("},
	{"len", "("}, {"make", "("}, {"max", "("}, {"min", "("}, {"new", "("},
	{"panic", "("}, {"print", "("}, {"println", "("}, {"real", "("},
	{"recover", "()"},
}

// keywordSuffix is what rlcompleter's rule gives a Go keyword: nothing
// after a statement that stands alone, ':' after default, else a space.
func keywordSuffix(k string) string {
	switch k {
	case "break", "continue", "fallthrough":
		return ""
	case "default":
		return ":"
	}
	return " "
}

// Complete completes the name before the cursor: the text after the last
// of Python's completer delimiters (DefaultDelims, which do not include
// '.'). Candidates have the whole dotted name as Text, the Go type as
// Description, and "(" or "()" as Suffix for callables; like Python's
// readline, nothing else is appended after a lone candidate. With nothing
// typed, it proposes a tab, as rlcompleter does.
func (n *Namespace) Complete(line string, cursor int) Result {
	start := strings.LastIndexAny(line[:cursor], DefaultDelims) + 1
	r := Result{Start: start, End: cursor}
	r.Candidates = n.Candidates(line[start:cursor])
	return r
}

// Candidates returns the completions of text, a name or dotted path.
func (n *Namespace) Candidates(text string) []Candidate {
	if strings.TrimSpace(text) == "" {
		return []Candidate{{Text: text + "\t", Suffix: NoSuffix}}
	}
	dot := strings.LastIndexByte(text, '.')
	if dot < 0 {
		return n.globals(text)
	}
	expr, attr := text[:dot], text[dot+1:]
	v, t, ok := n.resolve(strings.Split(expr, "."))
	if !ok {
		return nil
	}
	var cs []Candidate
	for _, m := range members(v, t) {
		if strings.HasPrefix(m.name, attr) {
			m.Candidate.Text = expr + "." + m.name
			cs = append(cs, m.Candidate)
		}
	}
	slices.SortFunc(cs, func(a, b Candidate) int { return strings.Compare(a.Text, b.Text) })
	return cs
}

// Matches returns the completions of text as rlcompleter's complete
// returns them one by one: keywords, then names (sorted), then
// predeclared identifiers, each with its suffix ("cfg.Run(", "for ");
// after a '.', the attributes sorted.
func (n *Namespace) Matches(text string) []string {
	cs := n.Candidates(text)
	if len(cs) == 0 {
		return nil
	}
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Text
		if c.Suffix != NoSuffix {
			out[i] += c.Suffix
		}
	}
	return out
}

// Python returns the namespace as a completer in Python's shape: state 0
// computes the matches of text, and each state returns the next one.
// Python: rlcompleter.Completer(namespace).complete.
func (n *Namespace) Python() PythonFunc {
	var matches []string
	return func(text string, state int) (string, bool) {
		if state == 0 {
			matches = n.Matches(text)
		}
		if state < 0 || state >= len(matches) {
			return "", false
		}
		return matches[state], true
	}
}

// globals completes a name without a dot.
func (n *Namespace) globals(text string) []Candidate {
	var cs []Candidate
	seen := map[string]bool{}
	if n.Keywords {
		for _, k := range goKeywords {
			if strings.HasPrefix(k, text) {
				seen[k] = true
				cs = append(cs, Candidate{Text: k, Suffix: orNone(keywordSuffix(k)), Kind: KindKeyword})
			}
		}
	}
	names := make([]string, 0, len(n.Names))
	for name := range n.Names {
		if strings.HasPrefix(name, text) && !seen[name] {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	for _, name := range names {
		seen[name] = true
		v := reflect.ValueOf(n.Names[name])
		c := describe(v, typeOf(v))
		c.Text = name
		cs = append(cs, c)
	}
	if n.Predeclared {
		for _, p := range goPredeclared {
			if strings.HasPrefix(p.name, text) && !seen[p.name] {
				k := KindWord
				if p.suffix != "" {
					k = KindFunction
				}
				cs = append(cs, Candidate{Text: p.name, Suffix: orNone(p.suffix), Kind: k})
			}
		}
	}
	return cs
}

// orNone turns an empty suffix into NoSuffix.
func orNone(s string) string {
	if s == "" {
		return NoSuffix
	}
	return s
}

// typeOf is v's type, nil for the zero Value.
func typeOf(v reflect.Value) reflect.Type {
	if !v.IsValid() {
		return nil
	}
	return v.Type()
}

// resolve follows a dotted path from the top-level names. The value may
// be invalid (a field of a nil pointer) while the type is known.
func (n *Namespace) resolve(path []string) (reflect.Value, reflect.Type, bool) {
	x, ok := n.Names[path[0]]
	if !ok {
		return reflect.Value{}, nil, false
	}
	v := reflect.ValueOf(x)
	t := typeOf(v)
	for _, name := range path[1:] {
		found := false
		for _, m := range members(v, t) {
			if m.name == name && !m.method {
				v, t, found = m.value, m.typ, true
				break
			}
		}
		if !found {
			return reflect.Value{}, nil, false
		}
	}
	return v, t, t != nil
}

// A member is a field, method or key of a value.
type member struct {
	Candidate
	name   string
	method bool
	value  reflect.Value // invalid when only the type is known
	typ    reflect.Type
}

// members lists what can follow a '.' after a value of type t (v may be
// invalid): exported fields and methods, or string keys of a map.
func members(v reflect.Value, t reflect.Type) []member {
	if t == nil {
		return nil
	}
	if t.Kind() == reflect.Interface {
		if !v.IsValid() || v.IsNil() {
			return methodsOf(v, t)
		}
		v = v.Elem()
		t = v.Type()
	}
	ms := methodsOf(v, t)
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
		if v.IsValid() && !v.IsNil() {
			v = v.Elem()
		} else {
			v = reflect.Value{}
		}
	}
	switch t.Kind() {
	case reflect.Struct:
		for _, f := range reflect.VisibleFields(t) {
			if !f.IsExported() {
				continue
			}
			var fv reflect.Value
			if v.IsValid() {
				if x, err := v.FieldByIndexErr(f.Index); err == nil {
					fv = x
				}
			}
			c := describe(fv, f.Type)
			c.Kind = KindField
			if f.Type.Kind() == reflect.Func {
				c.Kind = KindFunction
			}
			ms = append(ms, member{Candidate: c, name: f.Name, value: fv, typ: f.Type})
		}
	case reflect.Map:
		if t.Key().Kind() != reflect.String || !v.IsValid() {
			break
		}
		iter := v.MapRange()
		for iter.Next() {
			ev := iter.Value()
			et := typeOf(ev)
			if ev.Kind() == reflect.Interface && !ev.IsNil() {
				ev = ev.Elem()
				et = ev.Type()
			}
			ms = append(ms, member{Candidate: describe(ev, et), name: iter.Key().String(), value: ev, typ: et})
		}
	}
	return ms
}

// methodsOf lists the exported methods of t.
func methodsOf(v reflect.Value, t reflect.Type) []member {
	var ms []member
	for i := 0; i < t.NumMethod(); i++ {
		m := t.Method(i)
		if !m.IsExported() {
			continue
		}
		ft := m.Type
		if t.Kind() != reflect.Interface {
			// Drop the receiver.
			in := make([]reflect.Type, 0, ft.NumIn())
			for j := 1; j < ft.NumIn(); j++ {
				in = append(in, ft.In(j))
			}
			out := make([]reflect.Type, ft.NumOut())
			for j := range out {
				out[j] = ft.Out(j)
			}
			ft = reflect.FuncOf(in, out, ft.IsVariadic())
		}
		c := Candidate{Kind: KindMethod, Description: ft.String(), Suffix: callSuffix(ft)}
		ms = append(ms, member{Candidate: c, name: m.Name, method: true, typ: ft})
	}
	return ms
}

// describe makes the candidate for a value of type t: its kind, its type
// as description, and "(" after a callable.
func describe(v reflect.Value, t reflect.Type) Candidate {
	if t == nil {
		return Candidate{Kind: KindVariable, Description: "nil", Suffix: NoSuffix}
	}
	c := Candidate{Kind: KindVariable, Description: t.String(), Suffix: NoSuffix}
	switch {
	case t == reflect.TypeFor[Package]():
		c.Kind, c.Description = KindPackage, "package"
	case t.Kind() == reflect.Func:
		c.Kind, c.Suffix = KindFunction, callSuffix(t)
	}
	return c
}

// callSuffix is "()" for a function without parameters, else "(".
func callSuffix(t reflect.Type) string {
	if t.NumIn() == 0 {
		return "()"
	}
	return "("
}
