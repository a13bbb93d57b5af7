package completion

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

type testServer struct {
	Host    string
	Port    int
	Timeout time.Duration
	secret  string
}

func (s *testServer) Start() error             { return nil }
func (s testServer) Addr(scheme string) string { return scheme + s.Host }

type testEmbedded struct{ Level int }

type testConfig struct {
	testEmbedded
	Server  *testServer
	Servers []testServer
	Name    string
	Tags    map[string]string
	Hook    func()
	Any     any
}

func (testConfig) Validate() bool { return true }

func testNamespace() *Namespace {
	return &Namespace{Names: map[string]any{
		"cfg":     &testConfig{Server: &testServer{Host: "h"}, Tags: map[string]string{"env": "prod"}, Any: testServer{}},
		"cfgx":    3,
		"nilcfg":  (*testConfig)(nil),
		"strings": Package{"ToUpper": strings.ToUpper, "Fields": strings.Fields},
		"now":     time.Now,
	}}
}

// TestNamespaceMatches compares with what Python's rlcompleter returns
// for the same shapes: names, attributes sorted, "(" after callables
// with parameters and "()" after those without.
func TestNamespaceMatches(t *testing.T) {
	tests := []struct {
		ns   *Namespace
		text string
		want []string
	}{
		{testNamespace(), "cf", []string{"cfg", "cfgx"}},
		{testNamespace(), "cfg.Serv", []string{"cfg.Server", "cfg.Servers"}},
		{testNamespace(), "cfg.Server.Po", []string{"cfg.Server.Port"}},
		{testNamespace(), "cfg.Server.", []string{"cfg.Server.Addr(", "cfg.Server.Host", "cfg.Server.Port", "cfg.Server.Start()", "cfg.Server.Timeout"}},
		{testNamespace(), "cfg.Server.Timeout.Str", []string{"cfg.Server.Timeout.String()"}},
		{testNamespace(), "cfg.Le", []string{"cfg.Level"}}, // promoted
		{testNamespace(), "cfg.V", []string{"cfg.Validate()"}},
		{testNamespace(), "cfg.H", []string{"cfg.Hook()"}},
		{testNamespace(), "cfg.Tags.e", []string{"cfg.Tags.env"}},
		{testNamespace(), "cfg.Any.Ho", []string{"cfg.Any.Host"}},
		{testNamespace(), "cfg.se", nil}, // unexported
		{testNamespace(), "nilcfg.Server.Po", []string{"nilcfg.Server.Port"}},
		{testNamespace(), "strings.To", []string{"strings.ToUpper("}},
		{testNamespace(), "strings.", []string{"strings.Fields(", "strings.ToUpper("}},
		{testNamespace(), "no", []string{"now()"}},
		{testNamespace(), "x.y", nil},
		{testNamespace(), "cfg.Nope.x", nil},
		{testNamespace(), "", []string{"\t"}},
		{&Namespace{Keywords: true}, "f", []string{"fallthrough", "for ", "func "}},
		{&Namespace{Keywords: true}, "def", []string{"default:", "defer "}},
		{&Namespace{Keywords: true, Predeclared: true, Names: map[string]any{"length": 1}}, "le", []string{"length", "len("}},
		{&Namespace{Predeclared: true}, "rec", []string{"recover()"}},
	}
	for _, tt := range tests {
		if got := tt.ns.Matches(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Matches(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestNamespaceCandidates(t *testing.T) {
	ns := testNamespace()
	r := ns.Complete("x = cfg.Server.Po", 17)
	if r.Start != 4 || r.End != 17 || len(r.Candidates) != 1 {
		t.Fatalf("Complete: %+v", r)
	}
	c := r.Candidates[0]
	if c.Text != "cfg.Server.Port" || c.Kind != KindField || c.Description != "int" || c.Suffix != NoSuffix {
		t.Errorf("candidate %+v", c)
	}
	cs := ns.Candidates("strings.To")
	if len(cs) != 1 || cs[0].Kind != KindFunction || cs[0].Suffix != "(" || cs[0].Description != "func(string) string" {
		t.Errorf("function candidate %+v", cs)
	}
	cs = ns.Candidates("str")
	if len(cs) != 1 || cs[0].Kind != KindPackage {
		t.Errorf("package candidate %+v", cs)
	}
	cs = ns.Candidates("cfg.Server.Ad")
	if len(cs) != 1 || cs[0].Kind != KindMethod || cs[0].Description != "func(string) string" {
		t.Errorf("method candidate %+v", cs)
	}
}

// TestNamespacePython runs the namespace through Python's protocol.
func TestNamespacePython(t *testing.T) {
	f := testNamespace().Python()
	var got []string
	for state := 0; ; state++ {
		m, ok := f("cfg.Serv", state)
		if !ok {
			break
		}
		got = append(got, m)
	}
	if !reflect.DeepEqual(got, []string{"cfg.Server", "cfg.Servers"}) {
		t.Errorf("Python completer: %q", got)
	}
}
