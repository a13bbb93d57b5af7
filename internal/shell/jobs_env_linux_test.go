package shell

import (
	"slices"
	"testing"

	"mvdan.cc/sh/v3/expand"
)

// dupEnviron yields its pairs in order, names repeated, as an overlay
// environment does for a prefix assignment over an exported variable.
type dupEnviron [][2]string

func (d dupEnviron) Get(name string) expand.Variable {
	for i := len(d) - 1; i >= 0; i-- {
		if d[i][0] == name {
			return d.variable(d[i][1])
		}
	}
	return expand.Variable{}
}

func (d dupEnviron) variable(v string) expand.Variable {
	if v == "\x00unset" {
		return expand.Variable{Kind: expand.Unknown}
	}
	return expand.Variable{Set: true, Exported: true, Kind: expand.String, Str: v}
}

func (d dupEnviron) Each(f func(string, expand.Variable) bool) {
	for _, kv := range d {
		if !f(kv[0], d.variable(kv[1])) {
			return
		}
	}
}

func TestExecEnvLastValueWins(t *testing.T) {
	tests := []struct {
		env  dupEnviron
		want []string
	}{
		{dupEnviron{{"A", "1"}, {"B", "2"}}, []string{"A=1", "B=2"}},
		{dupEnviron{{"FZF", "old"}, {"B", "2"}, {"FZF", "new"}}, []string{"B=2", "FZF=new"}},
		{dupEnviron{{"A", "1"}, {"A", "\x00unset"}}, []string{}},
		{dupEnviron{{"A", "1"}, {"A", "\x00unset"}, {"A", "3"}}, []string{"A=3"}},
	}
	for _, tt := range tests {
		if got := execEnv(tt.env); !slices.Equal(got, tt.want) {
			t.Errorf("execEnv(%q) = %q, want %q", tt.env, got, tt.want)
		}
	}
}
