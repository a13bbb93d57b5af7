package shell

import "sync"

// interpHelp documents for help the built-ins that mvdan.cc/sh/v3/interp
// runs: bash 5.2's synopses and one-line descriptions. Those the
// interpreter only reserves are marked unimplemented; a gosh built-in of
// the same name, with its own topic, takes their place.
//
// The table is built on first use, not at start-up.
var interpHelp = sync.OnceValue(func() map[string]helpTopic {
	return map[string]helpTopic{
		":":         {synopsis: ":", short: "Null command."},
		".":         {synopsis: ". filename [arguments]", short: "Execute commands from a file in the current shell."},
		"[":         {synopsis: "[ arg... ]", short: "Evaluate conditional expression."},
		"alias":     {synopsis: "alias [-p] [name[=value] ... ]", short: "Define or display aliases."},
		"break":     {synopsis: "break [n]", short: "Exit for, while, or until loops."},
		"builtin":   {synopsis: "builtin [shell-builtin [arg ...]]", short: "Execute shell builtins."},
		"caller":    {synopsis: "caller [expr]", short: "Return the context of the current subroutine call.", unimplemented: true},
		"cd":        {synopsis: "cd [-L|[-P [-e]] [-@]] [dir]", short: "Change the shell working directory."},
		"command":   {synopsis: "command [-pVv] command [arg ...]", short: "Execute a simple command or display information about commands."},
		"compgen":   {synopsis: "compgen [-abcdefgjksuv] [-o option] [-A action] [-G globpat] [-W wordlist] [-F function] [-C command] [-X filterpat] [-P prefix] [-S suffix] [word]", short: "Display possible completions depending on the options.", unimplemented: true},
		"complete":  {synopsis: "complete [-abcdefgjksuv] [-pr] [-DEI] [-o option] [-A action] [-G globpat] [-W wordlist] [-F function] [-C command] [-X filterpat] [-P prefix] [-S suffix] [name ...]", short: "Specify how arguments are to be completed by Readline.", unimplemented: true},
		"compopt":   {synopsis: "compopt [-o|+o option] [-DEI] [name ...]", short: "Modify or display completion options.", unimplemented: true},
		"continue":  {synopsis: "continue [n]", short: "Resume for, while, or until loops."},
		"declare":   {synopsis: "declare [-aAfFgiIlnrtux] [name[=value] ...] or declare -p [-aAfFilnrtux] [name ...]", short: "Set variable values and attributes."},
		"dirs":      {synopsis: "dirs [-clpv] [+N] [-N]", short: "Display directory stack."},
		"echo":      {synopsis: "echo [-neE] [arg ...]", short: "Write arguments to the standard output."},
		"enable":    {synopsis: "enable [-a] [-dnps] [-f filename] [name ...]", short: "Enable and disable shell builtins.", unimplemented: true},
		"eval":      {synopsis: "eval [arg ...]", short: "Execute arguments as a shell command."},
		"exec":      {synopsis: "exec [-cl] [-a name] [command [argument ...]] [redirection ...]", short: "Replace the shell with the given command."},
		"exit":      {synopsis: "exit [n]", short: "Exit the shell."},
		"export":    {synopsis: "export [-fn] [name[=value] ...] or export -p", short: "Set export attribute for shell variables."},
		"false":     {synopsis: "false", short: "Return an unsuccessful result."},
		"fc":        {synopsis: "fc [-e ename] [-lnr] [first] [last] or fc -s [pat=rep] [command]", short: "Display or execute commands from the history list.", unimplemented: true},
		"getopts":   {synopsis: "getopts optstring name [arg ...]", short: "Parse option arguments."},
		"hash":      {synopsis: "hash [-lr] [-p pathname] [-dt] [name ...]", short: "Remember or display program locations."},
		"help":      {synopsis: "help [-dms] [pattern ...]", short: "Display information about builtin commands."},
		"let":       {synopsis: "let arg [arg ...]", short: "Evaluate arithmetic expressions."},
		"local":     {synopsis: "local [option] name[=value] ...", short: "Define local variables."},
		"mapfile":   {synopsis: "mapfile [-d delim] [-n count] [-O origin] [-s count] [-t] [-u fd] [-C callback] [-c quantum] [array]", short: "Read lines from the standard input into an indexed array variable."},
		"popd":      {synopsis: "popd [-n] [+N | -N]", short: "Remove directories from stack."},
		"printf":    {synopsis: "printf [-v var] format [arguments]", short: "Formats and prints ARGUMENTS under control of the FORMAT."},
		"pushd":     {synopsis: "pushd [-n] [+N | -N | dir]", short: "Add directories to stack."},
		"pwd":       {synopsis: "pwd [-LP]", short: "Print the name of the current working directory."},
		"read":      {synopsis: "read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]", short: "Read a line from the standard input and split it into fields."},
		"readarray": {synopsis: "readarray [-d delim] [-n count] [-O origin] [-s count] [-t] [-u fd] [-C callback] [-c quantum] [array]", short: "Read lines from a file into an array variable."},
		"readonly":  {synopsis: "readonly [-aAf] [name[=value] ...] or readonly -p", short: "Mark shell variables as unchangeable."},
		"return":    {synopsis: "return [n]", short: "Return from a shell function."},
		"set":       {synopsis: "set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]", short: "Set or unset values of shell options and positional parameters."},
		"shift":     {synopsis: "shift [n]", short: "Shift positional parameters."},
		"shopt":     {synopsis: "shopt [-pqsu] [-o] [optname ...]", short: "Set and unset shell options."},
		"source":    {synopsis: "source filename [arguments]", short: "Execute commands from a file in the current shell."},
		"test":      {synopsis: "test [expr]", short: "Evaluate conditional expression."},
		"times":     {synopsis: "times", short: "Display process times."},
		"trap":      {synopsis: "trap [-lp] [[arg] signal_spec ...]", short: "Trap signals and other events."},
		"true":      {synopsis: "true", short: "Return a successful result."},
		"typeset":   {synopsis: "typeset [-aAfFgiIlnrtux] name[=value] ... or typeset -p [-aAfFilnrtux] [name ...]", short: "Set variable values and attributes."},
		"ulimit":    {synopsis: "ulimit [-SHabcdefiklmnpqrstuvxPRT] [limit]", short: "Modify shell resource limits.", unimplemented: true},
		"umask":     {synopsis: "umask [-p] [-S] [mode]", short: "Display or set file mode mask.", unimplemented: true},
		"unalias":   {synopsis: "unalias [-a] name [name ...]", short: "Remove each NAME from the list of defined aliases."},
		"unset":     {synopsis: "unset [-f] [-v] [-n] [name ...]", short: "Unset values and attributes of shell variables and functions."},
	}
})
