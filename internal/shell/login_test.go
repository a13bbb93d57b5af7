package shell

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// TestLoginShell checks which start-up files a shell sources: the profile
// for a login shell, then the rc file for an interactive one.
func TestLoginShell(t *testing.T) {
	tests := []struct {
		name                string
		opts                Options
		wantStdout, wantErr string
	}{
		{name: "login", opts: Options{Login: true}, wantStdout: "profile\norder=p\n"},
		{name: "interactive login", opts: Options{Login: true, Interactive: true}, wantStdout: "profile\nrc\norder=pr\n"},
		{name: "noprofile", opts: Options{Login: true, Interactive: true, NoProfile: true}, wantStdout: "rc\norder=r\n"},
		{name: "login norc", opts: Options{Login: true, Interactive: true, NoRC: true}, wantStdout: "profile\norder=p\n"},
		{name: "neither", opts: Options{}, wantStdout: "order=\n"},
		{name: "logout outside a login shell", opts: Options{Interactive: true, NoRC: true}, wantStdout: "order=\n", wantErr: "gosh: logout: not login shell: use `exit'\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			home := t.TempDir()
			os.WriteFile(filepath.Join(home, ProfileFileName), []byte("echo profile; order=${order}p\n"), 0o644)
			os.WriteFile(filepath.Join(home, RCFileName), []byte("echo rc; order=${order}r\n"), 0o644)
			opts := tt.opts
			opts.Env = []string{"HOME=" + home, "PATH=" + os.Getenv("PATH")}
			s, stdout, stderr := newTestShell(t, opts)
			src := `echo "order=$order"`
			if tt.wantErr != "" {
				src += "; logout"
			}
			err := s.RunString(context.Background(), src)
			if stdout.String() != tt.wantStdout || stderr.String() != tt.wantErr {
				t.Errorf("stdout, stderr = %q, %q; want %q, %q (err %v)", stdout, stderr, tt.wantStdout, tt.wantErr, err)
			}
		})
	}
	// logout exits a login shell with its status.
	s, _, _ := newTestShell(t, Options{Login: true, Env: []string{"HOME=" + t.TempDir()}})
	if err := s.RunString(context.Background(), "logout 4; echo not reached"); ExitCode(err) != 4 {
		t.Errorf("logout 4: %v", err)
	}
}
