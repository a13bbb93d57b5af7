package history

// Tokenize splits a line into words the way the shell would, keeping
// quoted strings and shell operators whole, as GNU History's
// history_tokenize does. yank-nth-arg and yank-last-arg take their words
// from it.
func Tokenize(line string) []string {
	words, _ := hxTokenize(line, -1, (&Expander{}).hxSettings())
	return words
}
