package shell

// cdCall drops cd's "--" and -L, which the interpreter's cd (always
// logical, without options) does not take: fzf's Alt-C runs
// "builtin cd -- DIR". handled is false for other cd commands.
func cdCall(args []string) ([]string, bool) {
	i := 1
	for i < len(args) && (args[i] == "-L" || args[i] == "--") {
		i++
		if args[i-1] == "--" {
			break
		}
	}
	if i == 1 {
		return args, false
	}
	return append([]string{args[0]}, args[i:]...), true
}
