package shell

import "testing"

func TestHistoryText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"echo hi\n", "echo hi"},
		{"for i in 1 2\ndo echo $i\ndone\n", "for i in 1 2; do echo $i; done"},
		{"if true\nthen echo yes\nfi\n", "if true; then echo yes; fi"},
		{"echo a \\\nb\n", "echo a b"},
		{"echo a |\nwc -l\n", "echo a | wc -l"},
		{"f() {\necho x\n}\n", "f() { echo x; }"},
		{"echo 'a\nb'\n", "echo 'a\nb'"},
		{"echo 'a\\\nb'\n", "echo 'a\\\nb'"},
		{"echo x # note\necho y\n", "echo x # note\necho y"},
		{"cat <<E\nx\nE\n", "cat <<E\nx\nE"},
		{"case x in\nx) echo x;;\nesac\n", "case x in x) echo x;; esac"},
	}
	for _, tt := range tests {
		if got := historyText(tt.in); got != tt.want {
			t.Errorf("historyText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
