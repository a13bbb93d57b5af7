package shell

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// writeFIFOLater writes s to the FIFO path after d, from a goroutine.
func writeFIFOLater(t *testing.T, path, s string, d time.Duration) {
	t.Helper()
	go func() {
		time.Sleep(d)
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			t.Error(err)
			return
		}
		f.WriteString(s)
		f.Close()
	}()
}

func TestPoll(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"f1", "f2", "f3", "f4", "w1"} {
		if err := syscall.Mkfifo(filepath.Join(dir, name), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(dir, "regular"), []byte("x"), 0o644)
	sock := filepath.Join(dir, "sock")
	ln, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				time.Sleep(150 * time.Millisecond)
				c.Write([]byte("hello\n"))
				time.Sleep(time.Second)
				c.Close()
			}()
		}
	}()

	t.Run("the FIFO written to, and its data kept", func(t *testing.T) {
		writeFIFOLater(t, filepath.Join(dir, "f2"), "data\n", 100*time.Millisecond)
		r := runString(t, Options{Dir: dir}, "poll -t 5 f1 f2; echo $?; read x < f2; echo $x")
		if r.stdout != "f2\n0\ndata\n" {
			t.Errorf("stdout %q (stderr %q)", r.stdout, r.stderr)
		}
	})
	t.Run("-a: in the order of readiness", func(t *testing.T) {
		writeFIFOLater(t, filepath.Join(dir, "f4"), "x\n", 50*time.Millisecond)
		writeFIFOLater(t, filepath.Join(dir, "f3"), "y\n", 300*time.Millisecond)
		r := runString(t, Options{Dir: dir}, "poll -a -t 5 f3 f4")
		if r.stdout != "f4\nf3\n" || r.code != 0 {
			t.Errorf("stdout %q, status %d (stderr %q)", r.stdout, r.code, r.stderr)
		}
	})
	t.Run("timeout", func(t *testing.T) {
		start := time.Now()
		r := runString(t, Options{Dir: dir}, "poll -t 0.2 f1")
		if r.code != 1 || r.stdout != "" {
			t.Errorf("status %d, stdout %q, want 1 and nothing", r.code, r.stdout)
		}
		if d := time.Since(start); d < 200*time.Millisecond {
			t.Errorf("returned after %v, before the timeout", d)
		}
	})
	t.Run("a socket", func(t *testing.T) {
		r := runString(t, Options{Dir: dir}, "poll -w -t 5 sock; poll -t 0.05 sock; echo $?; poll -t 5 sock")
		if r.stdout != "sock\n1\nsock\n" {
			t.Errorf("stdout %q (stderr %q)", r.stdout, r.stderr)
		}
	})
	t.Run("a FIFO to write to", func(t *testing.T) {
		r := runString(t, Options{Dir: dir}, "poll -w -t 0.1 w1; echo $?")
		if r.stdout != "1\n" {
			t.Errorf("no reader: stdout %q (stderr %q)", r.stdout, r.stderr)
		}
		go func() {
			time.Sleep(100 * time.Millisecond)
			f, err := os.OpenFile(filepath.Join(dir, "w1"), os.O_RDONLY|syscall.O_NONBLOCK, 0)
			if err == nil {
				time.Sleep(time.Second)
				f.Close()
			}
		}()
		r = runString(t, Options{Dir: dir}, "poll -w -t 5 w1")
		if r.stdout != "w1\n" {
			t.Errorf("with a reader: stdout %q (stderr %q)", r.stdout, r.stderr)
		}
	})
	t.Run("standard input", func(t *testing.T) {
		pr, pw, _ := os.Pipe()
		defer pr.Close()
		go func() {
			time.Sleep(50 * time.Millisecond)
			pw.WriteString("x")
			pw.Close()
		}()
		r := runString(t, Options{Dir: dir, Stdin: pr}, "poll -t 5 0")
		if r.stdout != "0\n" {
			t.Errorf("stdout %q (stderr %q)", r.stdout, r.stderr)
		}
	})
	for _, tt := range []struct{ src, stderr string }{
		{"poll regular", `gosh: poll: regular: a regular file or directory is always ready`},
		{"poll .", `gosh: poll: \.: a regular file or directory is always ready`},
		{"poll nosuch", `gosh: poll: nosuch: No such file or directory`},
		{"poll 99", `gosh: poll: 99: bad file descriptor`},
		{"poll -x f1", `gosh: poll: -x: invalid option\npoll: usage: `},
		{"poll -t soon f1", `-t: soon: invalid number of seconds`},
		{"poll", `no target`},
	} {
		t.Run(tt.src, func(t *testing.T) {
			r := runString(t, Options{Dir: dir}, tt.src)
			if r.code != 2 || !regexp.MustCompile(tt.stderr).MatchString(r.stderr) {
				t.Errorf("status %d, stderr %q; want 2 and %q", r.code, r.stderr, tt.stderr)
			}
		})
	}
	t.Run("C-c", func(t *testing.T) {
		s, _, _ := newTestShell(t, Options{Dir: dir})
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		defer cancel()
		start := time.Now()
		err := s.RunString(ctx, "poll f1")
		if err == nil || time.Since(start) > 5*time.Second {
			t.Errorf("poll did not stop when cancelled: %v", err)
		}
	})
	if !strings.Contains(runString(t, Options{}, "help poll").stdout, "epoll") {
		t.Error("help poll does not say what it waits with")
	}
}
