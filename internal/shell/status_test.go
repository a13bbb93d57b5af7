package shell

import (
	"testing"
	"time"
)

func TestStatusText(t *testing.T) {
	p := newPalette(profileASCII) // NO_COLOR: attributes only
	plain := &palette{}
	tests := []struct {
		code int
		d    time.Duration
		want string
	}{
		{0, time.Second, ""},
		{0, statusMinDuration - time.Millisecond, ""},
		{1, 0, "exit 1"},
		{0, 3 * time.Second, "3.0s"},
		{130, 12345 * time.Millisecond, "exit 130 12.3s"},
		{0, 3*time.Minute + 5400*time.Millisecond, "3m05s"},
		{2, 2*time.Hour + 4*time.Minute, "exit 2 2h04m"},
	}
	for _, tc := range tests {
		if got := plain.status(tc.code, tc.d); got != tc.want {
			t.Errorf("status(%d, %v) = %q, want %q", tc.code, tc.d, got, tc.want)
		}
	}
	if got, want := p.status(1, 0), "\x1b[1mexit 1\x1b[0m"; got != want {
		t.Errorf("NO_COLOR status %q, want %q", got, want)
	}
	if got := newPalette(profileANSI).status(1, 0); got != "\x1b[31mexit 1\x1b[0m" {
		t.Errorf("coloured status %q", got)
	}
}
