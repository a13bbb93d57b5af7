package completion

import (
	"bufio"
	"io"
	"os"
	"strconv"
	"strings"
)

// DefaultPasswd and DefaultGroup are the files user and group names come
// from.
const (
	DefaultPasswd = "/etc/passwd"
	DefaultGroup  = "/etc/group"
)

// A User is an account from the password file.
type User struct {
	Name string
	UID  int
	Home string
}

// ParsePasswd reads a password file (name:password:uid:gid:gecos:home:shell
// lines) in order. Blank lines, comments and lines with fewer than six
// fields are skipped, as are NIS "+" and "-" entries.
func ParsePasswd(r io.Reader) []User {
	var users []User
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 4096), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' || line[0] == '+' || line[0] == '-' {
			continue
		}
		f := strings.Split(line, ":")
		if len(f) < 6 || f[0] == "" {
			continue
		}
		uid, err := strconv.Atoi(f[2])
		if err != nil {
			uid = -1
		}
		users = append(users, User{Name: f[0], UID: uid, Home: f[5]})
	}
	return users
}

// Users returns the accounts of the password file path (DefaultPasswd
// when ""), or none if it cannot be read.
func Users(path string) []User {
	if path == "" {
		path = DefaultPasswd
	}
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	return ParsePasswd(f)
}

// Groups returns the group names of the group file path (DefaultGroup
// when ""), in order.
func Groups(path string) []string {
	if path == "" {
		path = DefaultGroup
	}
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	return ParseGroups(f)
}

// ParseGroups returns the group names of a group file
// (name:password:gid:members lines) in order, skipping blank lines,
// comments and NIS entries.
func ParseGroups(r io.Reader) []string {
	var names []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 4096), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' || line[0] == '+' || line[0] == '-' {
			continue
		}
		if f := strings.Split(line, ":"); len(f) >= 3 && f[0] != "" {
			names = append(names, f[0])
		}
	}
	return names
}

// UserCandidates completes "~" + prefix to the users whose names start
// with prefix, as bash completes ~ro to ~root/: the text is "~name" and
// the suffix "/".
func UserCandidates(users []User, prefix string) []Candidate {
	var cs []Candidate
	for _, u := range users {
		if strings.HasPrefix(u.Name, prefix) {
			cs = append(cs, Candidate{Text: "~" + u.Name, Suffix: "/", Kind: KindUser, Description: u.Home})
		}
	}
	return cs
}
