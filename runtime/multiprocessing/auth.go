package multiprocessing

import (
	"bytes"
	"crypto/hmac"
	"crypto/md5"
	"crypto/rand"
	"crypto/sha256"
	"crypto/sha3"
	"crypto/sha512"
	"fmt"
	"hash"
)

// The authentication handshake of Python's multiprocessing.connection.
// The side that delivers a challenge sends "#CHALLENGE#" + message; the
// other answers with an HMAC of the message keyed by the shared key; the
// first replies "#WELCOME#" or "#FAILURE#". A listener delivers then
// answers; a client answers then delivers, so both prove the key.
//
// Python 3.11 and earlier send a bare 20-byte random message and answer with
// a bare 16-byte HMAC-MD5. Python 3.12 and later send "{sha256}" + 40 random
// bytes and answer "{digest}" + HMAC-digest over the whole message (prefix
// included); they still accept a bare HMAC-MD5 answer, and answer a bare
// 20-byte challenge with a bare HMAC-MD5. This package speaks as 3.12 does,
// so it talks to both.
const (
	challengeTag  = "#CHALLENGE#"
	welcomeTag    = "#WELCOME#"
	failureTag    = "#FAILURE#"
	legacyMsgLen  = 20 // a 3.11 challenge's message
	md5DigestLen  = 16 // a 3.11 answer
	modernMsgLen  = 40 // random bytes after the prefix in a 3.12 challenge
	authMaxLength = 256
	maxDigestName = 8 // len("sha3_384")
)

// DefaultDigest is the HMAC digest this package's challenges ask for.
const DefaultDigest = "sha256"

// digestOf returns the HMAC digest Python 3.12 accepts by the name, or nil.
// (A switch rather than a map, which every start would build.)
func digestOf(name string) func() hash.Hash {
	switch name {
	case "md5":
		return md5.New
	case "sha256":
		return sha256.New
	case "sha384":
		return sha512.New384
	case "sha3_256":
		return func() hash.Hash { return sha3.New256() }
	case "sha3_384":
		return func() hash.Hash { return sha3.New384() }
	}
	return nil
}

// parseDigestPrefix splits a challenge message or an answer into its digest
// name and payload. A 16- or 20-byte message is the legacy form: no name.
func parseDigestPrefix(msg []byte) (name string, payload []byte, err error) {
	if len(msg) == legacyMsgLen || len(msg) == md5DigestLen {
		return "", msg, nil
	}
	if len(msg) > 0 && msg[0] == '{' {
		end := bytes.IndexByte(msg[1:min(len(msg), maxDigestName+2)], '}')
		if end >= 0 {
			name := string(msg[1 : 1+end])
			if digestOf(name) != nil {
				return name, msg[2+end:], nil
			}
		}
	}
	return "", nil, &AuthenticationError{Msg: "unsupported message length, missing digest prefix, or unsupported digest"}
}

// hmacDigest computes HMAC-name(key, msg).
func hmacDigest(name string, key, msg []byte) []byte {
	m := hmac.New(digestOf(name), key)
	m.Write(msg)
	return m.Sum(nil)
}

// createResponse answers a challenge message (tag removed).
func createResponse(key, msg []byte) ([]byte, error) {
	name, _, err := parseDigestPrefix(msg)
	if err != nil {
		return nil, err
	}
	if name == "" {
		return hmacDigest("md5", key, msg), nil
	}
	return append([]byte("{"+name+"}"), hmacDigest(name, key, msg)...), nil
}

// verifyResponse checks an answer to msg in constant time.
func verifyResponse(key, msg, response []byte) error {
	name, mac, err := parseDigestPrefix(response)
	if err != nil {
		return err
	}
	if name == "" {
		name = "md5"
	}
	want := hmacDigest(name, key, msg)
	if len(want) != len(mac) {
		return &AuthenticationError{Msg: fmt.Sprintf("expected %s digest of length %d, got %d", name, len(want), len(mac))}
	}
	if !hmac.Equal(want, mac) {
		return &AuthenticationError{Msg: "digest received was wrong"}
	}
	return nil
}

// deliverChallenge sends a challenge and checks the peer's answer.
// digest "" sends a legacy (Python 3.11) challenge.
func deliverChallenge(c *Conn, key []byte, digest string) error {
	var msg []byte
	if digest == "" {
		msg = make([]byte, legacyMsgLen)
		rand.Read(msg)
	} else {
		if digestOf(digest) == nil {
			return &AuthenticationError{Msg: "unsupported digest " + digest}
		}
		msg = make([]byte, len(digest)+2+modernMsgLen)
		copy(msg, "{"+digest+"}")
		rand.Read(msg[len(digest)+2:])
	}
	if err := c.SendBytes(append([]byte(challengeTag), msg...)); err != nil {
		return err
	}
	response, err := c.RecvBytes(authMaxLength)
	if err != nil {
		return authIOError(err)
	}
	if verr := verifyResponse(key, msg, response); verr != nil {
		c.SendBytes([]byte(failureTag))
		return verr
	}
	return c.SendBytes([]byte(welcomeTag))
}

// answerChallenge answers the peer's challenge and reads its verdict.
func answerChallenge(c *Conn, key []byte) error {
	msg, err := c.RecvBytes(authMaxLength)
	if err != nil {
		return authIOError(err)
	}
	if !bytes.HasPrefix(msg, []byte(challengeTag)) {
		return &AuthenticationError{Msg: "protocol error, expected a challenge"}
	}
	msg = msg[len(challengeTag):]
	if len(msg) < legacyMsgLen {
		return &AuthenticationError{Msg: fmt.Sprintf("challenge too short: %d bytes", len(msg))}
	}
	response, err := createResponse(key, msg)
	if err != nil {
		return err
	}
	if err := c.SendBytes(response); err != nil {
		return err
	}
	verdict, err := c.RecvBytes(authMaxLength)
	if err != nil {
		return authIOError(err)
	}
	if string(verdict) != welcomeTag {
		return &AuthenticationError{Msg: "digest sent was rejected"}
	}
	return nil
}

// authIOError wraps a receive error met during the handshake.
func authIOError(err error) error {
	if err == ErrBadMessageLength {
		return &AuthenticationError{Msg: "peer sent an over-long handshake message"}
	}
	return fmt.Errorf("multiprocessing: authentication: %w", err)
}
