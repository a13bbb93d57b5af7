package multiprocessing

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// python3 returns the interpreter, or skips the test.
func python3(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found: skipping the interoperability test")
	}
	return p
}

// pyAddress renders a Go address as a Python literal for its family.
func pyAddress(family, address string) string {
	if family == AFInet {
		host, port, _ := strings.Cut(address, ":")
		return fmt.Sprintf("(%q, %s)", host, port)
	}
	if strings.HasPrefix(address, "\x00") {
		return fmt.Sprintf("'\\0%s'", address[1:])
	}
	return fmt.Sprintf("%q", address)
}

// runPython runs a script and returns its stdout and whether it succeeded.
func runPython(t *testing.T, script string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, python3(t), "-c", script).CombinedOutput()
	return string(out), err
}

const pyClient = `
import sys
from multiprocessing.connection import Client
from multiprocessing import AuthenticationError
try:
    c = Client(%s, authkey=%s)
except AuthenticationError as e:
    print("AUTHFAIL", e); sys.exit(0)
c.send_bytes(b"x" * 5)
c.send_bytes(b"y" * 100000)
print(c.recv_bytes().decode())
print(len(c.recv_bytes()))
c.close()
`

func TestPythonClientGoListener(t *testing.T) {
	python3(t)
	tests := []struct {
		name, family, address string
		key, pyKey            string
		wantAuthFail          bool
	}{
		{"unix", AFUnix, "", "secret", "b'secret'", false},
		{"inet", AFInet, "", "secret", "b'secret'", false},
		{"abstract", AFUnix, "\x00gosh-mp-interop", "secret", "b'secret'", false},
		{"no key", AFInet, "", "", "None", false},
		{"wrong key", AFInet, "", "secret", "b'wrong'", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := NewListener(tt.address, tt.family, 1, []byte(tt.key))
			if err != nil {
				t.Fatal(err)
			}
			defer l.Close()
			acc := make(chan error, 1)
			go func() {
				c, err := l.Accept()
				if err != nil {
					acc <- err
					return
				}
				defer c.Close()
				a, err := c.RecvBytes(0)
				if err != nil {
					acc <- err
					return
				}
				b, err := c.RecvBytes(0)
				if err != nil {
					acc <- err
					return
				}
				c.SendBytes([]byte(fmt.Sprintf("go got %d and %d bytes", len(a), len(b))))
				acc <- c.SendBytes(make([]byte, 70000))
			}()
			out, err := runPython(t, fmt.Sprintf(pyClient, pyAddress(tt.family, l.Address()), tt.pyKey))
			if err != nil {
				t.Fatalf("python: %v\n%s", err, out)
			}
			aerr := <-acc
			if tt.wantAuthFail {
				var ae *AuthenticationError
				if !strings.HasPrefix(out, "AUTHFAIL") || !errors.As(aerr, &ae) {
					t.Fatalf("python said %q, Go Accept said %v; want authentication failures", out, aerr)
				}
				return
			}
			if aerr != nil {
				t.Fatal(aerr)
			}
			if want := "go got 5 and 100000 bytes\n70000\n"; out != want {
				t.Fatalf("python printed %q, want %q", out, want)
			}
		})
	}
}

const pyListener = `
import sys
from multiprocessing.connection import Listener
from multiprocessing import AuthenticationError
l = Listener(%s, family=%q, authkey=%s)
print(l.address if l._listener._family != "AF_INET" else "%%s:%%d" %% l.address, flush=True)
try:
    c = l.accept()
except AuthenticationError as e:
    print("AUTHFAIL", flush=True); sys.exit(0)
m = c.recv_bytes()
c.send_bytes(b"python got " + m)
c.close()
`

func TestGoClientPythonListener(t *testing.T) {
	python3(t)
	tests := []struct {
		name, family, pyAddr string
		pyKey, key           string
		wantAuthFail         bool
	}{
		{"inet", AFInet, "('127.0.0.1', 0)", "b'secret'", "secret", false},
		{"unix", AFUnix, "None", "b'secret'", "secret", false},
		{"wrong key", AFInet, "('127.0.0.1', 0)", "b'secret'", "nope", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			cmd := exec.CommandContext(ctx, python3(t), "-c", fmt.Sprintf(pyListener, tt.pyAddr, tt.family, tt.pyKey))
			stdout, _ := cmd.StdoutPipe()
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer cmd.Wait()
			sc := bufio.NewScanner(stdout)
			if !sc.Scan() {
				t.Fatal("python listener printed no address")
			}
			addr := sc.Text()
			c, err := Client(addr, tt.family, []byte(tt.key))
			if tt.wantAuthFail {
				var ae *AuthenticationError
				if !errors.As(err, &ae) {
					t.Fatalf("Client: %v, want AuthenticationError", err)
				}
				if !sc.Scan() || sc.Text() != "AUTHFAIL" {
					t.Fatalf("python did not report the failure: %q", sc.Text())
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			c.SendBytes([]byte("hello"))
			got, err := c.RecvBytes(0)
			if err != nil || string(got) != "python got hello" {
				t.Fatalf("got %q, %v", got, err)
			}
		})
	}
}

// A Python peer speaking the 3.12+ handshake ({digest} prefixes), written
// here from the protocol's description since this machine has 3.11.
const py312Peer = `
import hmac, os, sys
from multiprocessing.connection import Client
c = Client(%s)  # no authkey: the handshake is done by hand below
key = b"secret"
digest = %q
# answer the Go listener's challenge
m = c.recv_bytes(256)
assert m.startswith(b"#CHALLENGE#"), m
m = m[len(b"#CHALLENGE#"):]
assert m.startswith(b"{sha256}"), m
name = m[1:m.index(b"}")].decode()
c.send_bytes(b"{" + name.encode() + b"}" + hmac.new(key, m, name).digest())
print(c.recv_bytes(256).decode(), flush=True)
# deliver a modern challenge with the chosen digest
msg = b"{" + digest.encode() + b"}" + os.urandom(40)
c.send_bytes(b"#CHALLENGE#" + msg)
r = c.recv_bytes(256)
want = b"{" + digest.encode() + b"}" + hmac.new(key, msg, digest).digest()
ok = hmac.compare_digest(r, want)
c.send_bytes(b"#WELCOME#" if ok else b"#FAILURE#")
print("ok" if ok else "bad", flush=True)
c.send_bytes(b"after")
`

func TestPython312HandshakeEmulated(t *testing.T) {
	python3(t)
	for _, digest := range []string{"sha256", "sha384", "sha3_256", "md5"} {
		t.Run(digest, func(t *testing.T) {
			l, err := NewListener("", AFInet, 1, []byte("secret"))
			if err != nil {
				t.Fatal(err)
			}
			defer l.Close()
			acc := make(chan error, 1)
			go func() {
				c, err := l.Accept()
				if err == nil {
					var m []byte
					m, err = c.RecvBytes(0)
					if err == nil && string(m) != "after" {
						err = fmt.Errorf("got %q", m)
					}
					c.Close()
				}
				acc <- err
			}()
			out, err := runPython(t, fmt.Sprintf(py312Peer, pyAddress(AFInet, l.Address()), digest))
			if err != nil {
				t.Fatalf("python: %v\n%s", err, out)
			}
			if out != "#WELCOME#\nok\n" {
				t.Fatalf("python printed %q", out)
			}
			if err := <-acc; err != nil {
				t.Fatal(err)
			}
		})
	}
}

const pyJSONClient = `
import json
from multiprocessing.connection import Client
c = Client(%s, authkey=b"secret")
c.send_bytes(json.dumps({"op": "add", "args": [2, 40]}).encode())
print(json.loads(c.recv_bytes())["sum"])
`

func TestPythonJSONCodec(t *testing.T) {
	python3(t)
	l, err := NewListener("127.0.0.1:0", AFInet, 1, []byte("secret"))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	errc := make(chan error, 1)
	go func() {
		c, err := l.Accept()
		if err != nil {
			errc <- err
			return
		}
		defer c.Close()
		c.SetCodec(JSONCodec)
		var req struct {
			Op   string
			Args []int
		}
		if err := c.Recv(&req); err != nil {
			errc <- err
			return
		}
		errc <- c.Send(map[string]int{"sum": req.Args[0] + req.Args[1]})
	}()
	out, err := runPython(t, fmt.Sprintf(pyJSONClient, pyAddress(AFInet, l.Address())))
	if err != nil {
		t.Fatalf("python: %v\n%s", err, out)
	}
	if err := <-errc; err != nil {
		t.Fatal(err)
	}
	if out != "42\n" {
		t.Fatalf("python printed %q", out)
	}
}
