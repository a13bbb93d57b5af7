package multiprocessing

import (
	"encoding/hex"
	"errors"
	"net"
	"strings"
	"testing"
)

func TestParseDigestPrefix(t *testing.T) {
	tests := []struct {
		in      string
		name    string
		payload string
		bad     bool
	}{
		{strings.Repeat("a", 20), "", strings.Repeat("a", 20), false},
		{strings.Repeat("b", 16), "", strings.Repeat("b", 16), false},
		{"{sha256}" + strings.Repeat("c", 40), "sha256", strings.Repeat("c", 40), false},
		{"{sha3_384}xyz", "sha3_384", "xyz", false},
		{"{md5}0123456789abcdef", "md5", "0123456789abcdef", false},
		{"{sha1}" + strings.Repeat("c", 40), "", "", true},
		{"{sha256" + strings.Repeat("c", 40), "", "", true},
		{strings.Repeat("d", 21), "", "", true},
		{"", "", "", true},
		{"{}" + strings.Repeat("e", 30), "", "", true},
	}
	for _, tt := range tests {
		name, payload, err := parseDigestPrefix([]byte(tt.in))
		if tt.bad {
			if err == nil {
				t.Errorf("parseDigestPrefix(%q) accepted", tt.in)
			}
			continue
		}
		if err != nil || name != tt.name || string(payload) != tt.payload {
			t.Errorf("parseDigestPrefix(%q) = %q, %q, %v", tt.in, name, payload, err)
		}
	}
}

// Vectors from Python 3.11: hmac.new(b"key", b"message", name).hexdigest().
func TestHMACDigestsMatchPython(t *testing.T) {
	want := map[string]string{
		"md5":      "4e4748e62b463521f6775fbf921234b5",
		"sha256":   "6e9ef29b75fffc5b7abae527d58fdadb2fe42e7219011976917343065f58ed4a",
		"sha3_256": "0f43852a24d5597a8200312a95993991581679d63264f1b1ad4b5ccac7fe8ba4",
	}
	for name, hexwant := range want {
		if hexwant == "" {
			continue
		}
		got := hex.EncodeToString(hmacDigest(name, []byte("key"), []byte("message")))
		if got != hexwant {
			t.Errorf("%s: got %s, want %s", name, got, hexwant)
		}
	}
}

func TestCreateAndVerifyResponse(t *testing.T) {
	key := []byte("secret")
	legacy := []byte(strings.Repeat("L", 20))
	modern := append([]byte("{sha384}"), []byte(strings.Repeat("M", 40))...)
	tests := []struct {
		name    string
		msg     []byte
		wantLen int
		prefix  string
	}{
		{"legacy challenge: bare md5", legacy, 16, ""},
		{"modern challenge: prefixed", modern, len("{sha384}") + 48, "{sha384}"},
	}
	for _, tt := range tests {
		resp, err := createResponse(key, tt.msg)
		if err != nil || len(resp) != tt.wantLen || !strings.HasPrefix(string(resp), tt.prefix) {
			t.Fatalf("%s: response %q, %v", tt.name, resp, err)
		}
		if err := verifyResponse(key, tt.msg, resp); err != nil {
			t.Fatalf("%s: verify: %v", tt.name, err)
		}
		if err := verifyResponse([]byte("other"), tt.msg, resp); err == nil {
			t.Fatalf("%s: wrong key verified", tt.name)
		}
	}
	// A bare md5 answer to a modern challenge is accepted (a 3.11 peer).
	md5resp := hmacDigest("md5", key, modern)
	if err := verifyResponse(key, modern, md5resp); err != nil {
		t.Fatalf("legacy answer to modern challenge: %v", err)
	}
	// A truncated digest is refused.
	resp, _ := createResponse(key, modern)
	if err := verifyResponse(key, modern, resp[:len(resp)-1]); err == nil {
		t.Fatal("truncated digest verified")
	}
}

func TestListenerClientGo(t *testing.T) {
	tests := []struct {
		name          string
		family        string
		address       string
		serverKey     []byte
		clientKey     []byte
		wantAuthError bool
	}{
		{"unix no key", AFUnix, "", nil, nil, false},
		{"unix key", AFUnix, "", []byte("k"), []byte("k"), false},
		{"inet key", AFInet, "", []byte("k"), []byte("k"), false},
		{"abstract key", AFUnix, "\x00gosh-mp-test-abstract", []byte("k"), []byte("k"), false},
		{"wrong key", AFInet, "", []byte("k"), []byte("x"), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := NewListener(tt.address, tt.family, 1, tt.serverKey)
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
				m, err := c.RecvBytes(0)
				if err == nil {
					err = c.SendBytes(append([]byte("echo:"), m...))
				}
				errc <- err
			}()
			c, err := Client(l.Address(), tt.family, tt.clientKey)
			if tt.wantAuthError {
				var ae *AuthenticationError
				if !errors.As(err, &ae) {
					t.Fatalf("client: %v, want AuthenticationError", err)
				}
				if err := <-errc; !errors.As(err, &ae) {
					t.Fatalf("listener: %v, want AuthenticationError", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			c.SendBytes([]byte("hi"))
			got, err := c.RecvBytes(0)
			if err != nil || string(got) != "echo:hi" {
				t.Fatalf("got %q, %v", got, err)
			}
			if err := <-errc; err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestListenerAcceptAfterClose(t *testing.T) {
	l, err := NewListener("", AFInet, 1, nil)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error)
	go func() { _, err := l.Accept(); done <- err }()
	l.Close()
	if err := <-done; err != ErrClosed {
		t.Fatalf("Accept after Close: %v", err)
	}
	if _, err := net.Dial("tcp", l.Address()); err == nil {
		t.Fatal("still listening")
	}
}

func TestAddressType(t *testing.T) {
	tests := map[string]string{
		"127.0.0.1:80":   AFInet,
		"localhost:5000": AFInet,
		"/tmp/sock":      AFUnix,
		"\x00abstract":   AFUnix,
		"relative-name":  AFUnix,
	}
	for in, want := range tests {
		if got := AddressType(in); got != want {
			t.Errorf("AddressType(%q) = %s, want %s", in, got, want)
		}
	}
}
