package completion

import "strings"

// VariableCandidates completes a variable reference, bash style: word is
// "$PRE" or "${PRE" (unquoted), and the candidates are "$NAME" or
// "${NAME}" for each of names starting with PRE, in the order given. A
// variable whose value is a directory (isDir may be nil) has Kind
// KindDirectory, so that a lone one gets a '/' as in bash; the others
// get a space.
func VariableCandidates(word string, names []string, isDir func(name string) bool) []Candidate {
	lead, close := "$", ""
	switch {
	case strings.HasPrefix(word, "${"):
		lead, close = "${", "}"
	case strings.HasPrefix(word, "$"):
	default:
		return nil
	}
	prefix := word[len(lead):]
	var cs []Candidate
	for _, n := range names {
		if !strings.HasPrefix(n, prefix) {
			continue
		}
		c := Candidate{Text: lead + n + close, Display: n, Kind: KindVariable}
		if isDir != nil && isDir(n) {
			c.Kind = KindDirectory
		}
		cs = append(cs, c)
	}
	return cs
}

// MatchPrefix returns the words starting with prefix, in order.
func MatchPrefix(words []string, prefix string) []string {
	var out []string
	for _, w := range words {
		if strings.HasPrefix(w, prefix) {
			out = append(out, w)
		}
	}
	return out
}
