package shell

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// mqServer starts a queue server with src ("mq serve ...") in an
// environment under dir, and stops it when the test ends. It returns the
// address it printed.
func startMQ(t *testing.T, dir, args string) string {
	t.Helper()
	r := runString(t, Options{Env: semEnv(dir), Dir: dir}, "mq serve "+args+" < /dev/null 2>&1")
	if r.code != 0 {
		t.Fatalf("mq serve %s: status %d: %q %q", args, r.code, r.stdout, r.stderr)
	}
	addr := strings.TrimSpace(r.stdout)
	t.Cleanup(func() {
		runString(t, Options{Env: semEnv(dir), Dir: dir}, "mq --addr "+addr+" "+keyOpt(args)+" stop")
	})
	return addr
}

// keyOpt returns the --authkey-file option of args, if any.
func keyOpt(args string) string {
	f := strings.Fields(args)
	for i, a := range f {
		if a == "--authkey-file" && i+1 < len(f) {
			return a + " " + f[i+1]
		}
	}
	return ""
}

func TestMQ(t *testing.T) {
	dir := t.TempDir()
	addr := startMQ(t, dir, "")
	if want := "unix:" + filepath.Join(dir, "gosh", "mq.sock"); addr != want {
		t.Errorf("default address %q, want %q", addr, want)
	}
	run := func(src string) result { return runString(t, Options{Env: semEnv(dir), Dir: dir}, src) }
	r := run(`mq put jobs a 'b c' -d; mq len jobs; mq get jobs; mq get jobs; mq get jobs; mq len jobs`)
	if r.stdout != "3\na\nb c\n-d\n0\n" || r.code != 0 {
		t.Errorf("put/get/len: %q, status %d (stderr %q)", r.stdout, r.code, r.stderr)
	}
	start := time.Now()
	r = run(`mq get -t 0.2 nothing`)
	if r.code != 1 || r.stdout != "" || time.Since(start) < 200*time.Millisecond {
		t.Errorf("get -t: status %d, stdout %q, after %v", r.code, r.stdout, time.Since(start))
	}
	// A get waits for a put from another shell.
	got := make(chan result, 1)
	go func() { got <- run(`mq get later`) }()
	time.Sleep(200 * time.Millisecond)
	run(`mq put later value`)
	select {
	case r := <-got:
		if r.stdout != "value\n" {
			t.Errorf("waiting get: %q (stderr %q)", r.stdout, r.stderr)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the waiting get did not return")
	}
	// A get cancelled (C-c) takes nothing from the queue.
	s, _, _ := newTestShell(t, Options{Env: semEnv(dir), Dir: dir})
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	s.RunString(ctx, `mq get keep`) //nolint:errcheck
	cancel()
	time.Sleep(400 * time.Millisecond)
	r = run(`mq put keep v; mq get -t 1 keep`)
	if r.stdout != "v\n" {
		t.Errorf("after a cancelled get: %q (stderr %q)", r.stdout, r.stderr)
	}
	r = run(`mq serve`)
	if r.code != 1 || !strings.Contains(r.stderr, "already running") {
		t.Errorf("a second server: status %d, %q", r.code, r.stderr)
	}
	r = run(`mq stop; mq len x`)
	if r.code != 1 || !strings.Contains(r.stderr, "no server at "+addr) {
		t.Errorf("after stop: status %d, %q", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "gosh", "mq.sock")); !os.IsNotExist(err) {
		t.Errorf("the socket is left: %v", err)
	}
}

func TestMQTCP(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "key"), []byte("s3cret\n"), 0o600)
	os.WriteFile(filepath.Join(dir, "bad"), []byte("wrong"), 0o600)
	run := func(src string) result { return runString(t, Options{Env: semEnv(dir), Dir: dir}, src) }
	r := run(`mq serve --addr tcp:0`)
	if r.code != 2 || !strings.Contains(r.stderr, "needs --authkey-file") {
		t.Fatalf("TCP without a key: status %d, %q", r.code, r.stderr)
	}
	addr := startMQ(t, dir, "--addr tcp:0 --authkey-file key")
	if !strings.HasPrefix(addr, "tcp:127.0.0.1:") {
		t.Errorf("address %q: not on the loopback", addr)
	}
	r = run(`export GOSH_MQ_ADDR=` + addr + ` GOSH_MQ_AUTHKEY_FILE=key; mq put q 1 2; mq get q`)
	if r.stdout != "1\n" {
		t.Errorf("with the key: %q (stderr %q)", r.stdout, r.stderr)
	}
	r = run(`mq --addr ` + addr + ` --authkey-file bad len q`)
	if r.code != 1 || !strings.Contains(r.stderr, "authentication failed") {
		t.Errorf("a wrong key: status %d, %q", r.code, r.stderr)
	}
	r = run(`mq --addr ` + addr + ` len q`)
	if r.code != 1 {
		t.Errorf("no key: status %d, %q", r.code, r.stderr)
	}
}

// TestMQPython has python3 share the queues through
// multiprocessing.connection.Client, with and without a key.
func TestMQPython(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed: skipping the interoperability test")
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "key"), []byte("k3y"), 0o600)
	unixAddr := startMQ(t, dir, "")
	tcpAddr := startMQ(t, dir, "--addr tcp:0 --authkey-file key")
	script := `
import json, sys
from multiprocessing.connection import Client
from multiprocessing import AuthenticationError

def call(c, **req):
    c.send_bytes(json.dumps(req).encode())
    return json.loads(c.recv_bytes())

kind, addr, key = sys.argv[1], sys.argv[2], sys.argv[3]
if kind == "unix":
    c = Client(addr, "AF_UNIX")
else:
    host, port = addr.rsplit(":", 1)
    c = Client((host, int(port)), "AF_INET", authkey=key.encode())
print(call(c, op="get", queue="from-gosh")["value"])
print(call(c, op="put", queue="from-python", values=["p1", "p2 x"])["len"])
print(call(c, op="get", queue="none", timeout=0))
print(call(c, op="nonsense"))
if kind == "tcp":
    try:
        Client((host, int(port)), "AF_INET", authkey=b"wrong")
        print("wrong key accepted")
    except AuthenticationError:
        print("wrong key refused")
`
	for _, tt := range []struct{ kind, addr, opts string }{
		{"unix", unixAddr, ""},
		{"tcp", tcpAddr, "--authkey-file key"},
	} {
		t.Run(tt.kind, func(t *testing.T) {
			mq := "mq --addr " + tt.addr + " " + tt.opts
			if r := runString(t, Options{Env: semEnv(dir), Dir: dir}, mq+" put from-gosh 'hello python'"); r.code != 0 {
				t.Fatalf("put: %q", r.stderr)
			}
			a, _ := strings.CutPrefix(tt.addr, tt.kind+":")
			out, err := exec.Command(py, "-c", script, tt.kind, a, "k3y").CombinedOutput()
			if err != nil {
				t.Fatalf("python3: %v\n%s", err, out)
			}
			want := "hello python\n2\n{'ok': False, 'error': 'empty'}\n{'ok': False, 'error': 'unknown op \"nonsense\"'}\n"
			if tt.kind == "tcp" {
				want += "wrong key refused\n"
			}
			if string(out) != want {
				t.Errorf("python3 says:\n%s\nwant:\n%s", out, want)
			}
			r := runString(t, Options{Env: semEnv(dir), Dir: dir}, mq+" get from-python; "+mq+" get from-python")
			if r.stdout != "p1\np2 x\n" {
				t.Errorf("what python put: %q (stderr %q)", r.stdout, r.stderr)
			}
		})
	}
}

func TestMQUsage(t *testing.T) {
	dir := t.TempDir()
	for src, want := range map[string]string{
		"mq":                      "gosh: mq: no command\n",
		"mq frob":                 "gosh: mq: frob: unknown command\n",
		"mq get":                  "gosh: mq: get: wrong number of arguments\n",
		"mq put q":                "gosh: mq: put: wrong number of arguments\n",
		"mq -z len q":             "gosh: mq: -z: invalid option\n",
		"mq --addr nowhere len q": "gosh: mq: nowhere: want unix:PATH or tcp:HOST:PORT\n",
		"mq get -t x q":           "gosh: mq: -t: x: invalid number of seconds\n",
	} {
		r := runString(t, Options{Env: semEnv(dir), Dir: dir}, src)
		if r.code != 2 || !strings.HasPrefix(r.stderr, want) {
			t.Errorf("%s: status %d, stderr %q; want 2 and %q", src, r.code, r.stderr, want)
		}
	}
}
