package completion

import (
	"bufio"
	"io"
	"os"
	"strings"
)

// DefaultHosts is the file host names come from when $HOSTFILE is unset.
const DefaultHosts = "/etc/hosts"

// ParseHosts returns the host names of a hosts file in order, as bash
// reads them for hostname completion: on each line, after an address
// (a first field starting with a digit), every field up to a word starting
// with '#'. Duplicates are kept. A line "$include FILE" puts in its place
// what include returns for FILE (nothing when include is nil).
func ParseHosts(r io.Reader, include func(path string) []string) (names []string) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 4096), 1<<20)
	for sc.Scan() {
		fields := strings.FieldsFunc(sc.Text(), func(c rune) bool {
			return c == ' ' || c == '\t' || c == '\r' || c == '\n'
		})
		if len(fields) == 0 || fields[0][0] == '#' {
			continue
		}
		if fields[0] == "$include" {
			if len(fields) > 1 && include != nil {
				names = append(names, include(fields[1])...)
			}
			continue
		}
		if c := fields[0][0]; c >= '0' && c <= '9' {
			fields = fields[1:]
		}
		for _, f := range fields {
			if f[0] == '#' {
				break
			}
			names = append(names, f)
		}
	}
	return names
}

// Hosts returns the host names of the hosts file path (DefaultHosts when
// ""), following $include lines up to a small depth. An unreadable file
// has none.
func Hosts(path string) []string {
	if path == "" {
		path = DefaultHosts
	}
	return readHosts(path, 0)
}

func readHosts(path string, depth int) []string {
	if depth > 8 {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	return ParseHosts(f, func(inc string) []string { return readHosts(inc, depth+1) })
}

// HostCandidates returns the candidates for a host name starting with
// prefix.
func HostCandidates(hosts []string, prefix string) []Candidate {
	var cs []Candidate
	for _, h := range hosts {
		if strings.HasPrefix(h, prefix) {
			cs = append(cs, Candidate{Text: h, Kind: KindHost})
		}
	}
	return cs
}
