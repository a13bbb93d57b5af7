package thread

import (
	"errors"
	"testing"
)

func TestSetStackSize(t *testing.T) {
	prev, err := SetStackSize(0)
	if err != nil {
		t.Fatal(err)
	}
	defer SetStackSize(prev)
	tests := []struct {
		size    int
		wantErr error
	}{
		{MinStackSize, nil},
		{1 << 20, nil},
		{MinStackSize - 1, ErrStackSize},
		{-1, ErrStackSize},
		{0, nil},
	}
	want := 0
	for _, tt := range tests {
		old, err := SetStackSize(tt.size)
		if !errors.Is(err, tt.wantErr) {
			t.Errorf("SetStackSize(%d) error = %v, want %v", tt.size, err, tt.wantErr)
		}
		if old != want {
			t.Errorf("SetStackSize(%d) returned %d, want the previous %d", tt.size, old, want)
		}
		if err == nil {
			want = tt.size
		}
		if got := StackSize(); got != want {
			t.Errorf("StackSize() = %d, want %d", got, want)
		}
	}
}

func TestGetNativeID(t *testing.T) {
	if GetNativeID() <= 0 {
		t.Errorf("GetNativeID() = %d, want a positive thread id", GetNativeID())
	}
}
