package multiprocessing

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
)

// Address families, by Python's names.
const (
	// AFInet is a TCP socket; its address is "host:port" (Python: a
	// (host, port) tuple).
	AFInet = "AF_INET"
	// AFUnix is a Unix-domain stream socket; its address is a file path, or
	// on Linux a name starting with a NUL byte ("\x00name") for the abstract
	// namespace, as in Python.
	AFUnix = "AF_UNIX"
)

// AddressType returns the family of an address: AF_UNIX for a path or an
// abstract name, AF_INET for "host:port". Python: address_type(address).
func AddressType(address string) string {
	if strings.HasPrefix(address, "\x00") || strings.Contains(address, "/") {
		return AFUnix
	}
	if _, _, err := net.SplitHostPort(address); err == nil {
		return AFInet
	}
	return AFUnix
}

var listenerSeq atomic.Int64

// arbitraryAddress returns a fresh address of the family: an ephemeral
// loopback port, or a socket path in a private temporary directory.
// Python: arbitrary_address(family).
func arbitraryAddress(family string) (string, error) {
	switch family {
	case AFInet:
		return "127.0.0.1:0", nil
	case AFUnix:
		dir, err := tempDir()
		if err != nil {
			return "", err
		}
		return filepath.Join(dir, fmt.Sprintf("listener-%d-%d", os.Getpid(), listenerSeq.Add(1))), nil
	}
	return "", fmt.Errorf("multiprocessing: unrecognized family %q", family)
}

var tempDirPath atomic.Pointer[string]

// tempDir returns this process's private directory for sockets, made on
// first use (Python: util.get_temp_dir()).
func tempDir() (string, error) {
	if p := tempDirPath.Load(); p != nil {
		return *p, nil
	}
	d, err := os.MkdirTemp("", "pymp-go-")
	if err != nil {
		return "", err
	}
	if !tempDirPath.CompareAndSwap(nil, &d) {
		os.Remove(d)
		return *tempDirPath.Load(), nil
	}
	return d, nil
}

// netAddress converts a Python-style address to a Go network and address.
func netAddress(family, address string) (string, string, error) {
	switch family {
	case AFInet:
		return "tcp", address, nil
	case AFUnix:
		if strings.HasPrefix(address, "\x00") {
			return "unix", "@" + address[1:], nil
		}
		return "unix", address, nil
	}
	return "", "", fmt.Errorf("multiprocessing: unrecognized family %q", family)
}
