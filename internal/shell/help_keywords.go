package shell

import "sync"

// keywordHelp documents for help the topics bash has besides its
// built-ins: the compound commands and reserved words, job specs and the
// shell's variables. The synopses are bash's, since they are the syntax;
// the descriptions are gosh's own, and say what gosh (mvdan.cc/sh's
// interpreter) does. A topic the interpreter parses but cannot run is
// marked unimplemented.
//
// The table is built on first use, not at start-up.
var keywordHelp = sync.OnceValue(func() map[string]helpTopic {
	return map[string]helpTopic{
		"%": {
			synopsis: "job_spec [&]",
			short:    "Bring a job back to the foreground.",
			long: `A job spec given as a command on its own does what ` + "`fg JOB_SPEC'" + ` does:
the job becomes the current one and the shell waits for it in the
foreground. JOB_SPEC is % and a job number (%1), %% or %+ for the
current job, %- for the previous one, %string for the job whose command
starts with string, or %?string for one whose command contains it.
Only an interactive shell with job control has jobs to resume; in gosh
write ` + "`bg JOB_SPEC'" + ` to resume a job in the background.

Exit Status:
The status of the job brought to the foreground.`,
		},
		"(( ... ))": {
			synopsis: "(( expression ))",
			short:    "Evaluate an arithmetic expression.",
			long: `Computes EXPRESSION with the rules of shell arithmetic (see ` + "`help let'" + `),
where variables can be named without $ and assignments such as x++ or
y=x*2 change them. The command is a test: it succeeds when the value is
not zero. ` + "`(( expr ))'" + ` is the same as ` + "`let \"expr\"'" + `.

Exit Status:
0 when EXPRESSION's value is not zero, 1 when it is.`,
		},
		"[[ ... ]]": {
			synopsis: "[[ expression ]]",
			short:    "Test a conditional expression.",
			long: `Evaluates EXPRESSION, made of the primaries ` + "`test'" + ` knows (see ` + "`help test'" + `),
grouped with ( ) and joined with !, && and ||. Within [[ ]] words are
not split and not globbed. With == and != the right side is a pattern
that the left side must (or must not) match, unless it is quoted, and
=~ matches an extended regular expression, leaving what it matched and
its groups in the array BASH_REMATCH. && and || stop as soon as the
result is known.

Exit Status:
0 or 1 as EXPRESSION is true or false.`,
		},
		"case": {
			synopsis: "case WORD in [PATTERN [| PATTERN]...) COMMANDS ;;]... esac",
			short:    "Run the commands of the first pattern a word matches.",
			long: `Expands WORD and compares it with each PATTERN in turn, as pathname
patterns are matched; | separates the patterns of one clause. The
COMMANDS of the first clause with a matching pattern run. A clause that
ends with ;& goes on with the next clause's commands without testing
it, and one that ends with ;;& goes on testing the clauses after it.

Exit Status:
The status of the last command run, or 0 when no pattern matched.`,
		},
		"coproc": {
			synopsis: "coproc [NAME] command [redirections]",
			short:    "Run a command as a coprocess (NAME by default COPROC).",
			long: `In bash, runs COMMAND in the background with its standard input and
output connected by pipes to the shell: NAME[1] is the descriptor to
write to it, NAME[0] the one to read from it, NAME_PID its process.
gosh's interpreter reads coproc but cannot run it; use a named pipe
(mkfifo) or gosh's mq built-in instead.

Exit Status:
In bash, 0; in gosh the command fails.`,
			unimplemented: true,
		},
		"for": {
			synopsis: "for NAME [in WORDS ... ] ; do COMMANDS; done",
			short:    "Run commands once for each word of a list.",
			long: `Expands WORDS, then runs COMMANDS once for each resulting word with the
variable NAME set to it. Without ` + "`in WORDS'" + ` the loop goes over the
positional parameters, as if ` + "`in \"$@\"'" + ` were written.

Exit Status:
The status of the last command run, or 0 when the list was empty.`,
		},
		"for ((": {
			synopsis: "for (( exp1; exp2; exp3 )); do COMMANDS; done",
			short:    "A loop with arithmetic for its start, test and step.",
			long: `Evaluates the arithmetic expression EXP1 once, then, as long as EXP2
has a value other than zero, runs COMMANDS and evaluates EXP3. Any of
the three may be left out; a missing EXP2 counts as 1.

Exit Status:
The status of the last command run.`,
		},
		"function": {
			synopsis: "function name { COMMANDS ; } or name () { COMMANDS ; }",
			short:    "Define a shell function.",
			long: `Makes NAME a command that runs COMMANDS. Called as NAME ARG..., the
function sees ARG... as its positional parameters ($1, $2, ..., $#, $@);
` + "`local'" + ` makes variables that end with the call and ` + "`return'" + ` ends it
early. A function is found before built-ins and files of the same name.

Exit Status:
0.`,
		},
		"if": {
			synopsis: "if COMMANDS; then COMMANDS; [ elif COMMANDS; then COMMANDS; ]... [ else COMMANDS; ] fi",
			short:    "Run commands depending on the status of others.",
			long: `Runs the COMMANDS after ` + "`if'" + `. When their status is 0, the commands
after ` + "`then'" + ` run; otherwise each ` + "`elif'" + ` list is tried the same way in turn,
and when none succeeded the commands after ` + "`else'" + `, if any, run.

Exit Status:
The status of the last command run, or 0 when no condition held and
there is no else.`,
		},
		"select": {
			synopsis: "select NAME [in WORDS ... ;] do COMMANDS; done",
			short:    "Let the user pick words from a numbered menu.",
			long: `Expands WORDS (the positional parameters without ` + "`in WORDS'" + `) and prints
them, numbered, on standard error, then reads a line from standard
input after the PS3 prompt. A line holding the number of a word sets
NAME to that word, any other line sets NAME to ""; the line itself goes
into REPLY and COMMANDS run. An empty line shows the menu again. The
loop goes on until ` + "`break'" + ` or the end of the input.

Exit Status:
The status of the last command run.`,
		},
		"time": {
			synopsis: "time [-p] pipeline",
			short:    "Report how long a pipeline took.",
			long: `Runs PIPELINE and then prints on standard error the elapsed (real) time
and the user and system CPU time it used. With -p the times are printed
in the POSIX format: seconds, one per line.

Exit Status:
The status of PIPELINE.`,
		},
		"until": {
			synopsis: "until COMMANDS; do COMMANDS-2; done",
			short:    "Repeat commands while a test fails.",
			long: `Runs COMMANDS and, as long as the last of them fails (non-zero status),
runs COMMANDS-2 and tries again.

Exit Status:
The status of the last command run.`,
		},
		"variables": {
			synopsis: "variables - Names and meanings of some shell variables",
			short:    "Shell variables gosh reads and what they do.",
			long: `Variables the shell and its line editor use:

HOME            Your home directory; ` + "`cd'" + ` without arguments and ~ go there.
PATH            Directories, separated by colons, searched for commands.
PWD, OLDPWD     The current directory, and the one before the last cd.
IFS             Characters that split words after expansion.
PS1, PS2        The prompt, and the prompt for a command's next lines.
PROMPT_COMMAND  Commands run before each prompt is shown.
PROMPT_DIRTRIM  How many trailing directories \w and \W keep.
HISTFILE        The file history is read from and saved to.
HISTSIZE        How many commands the history list keeps.
HISTFILESIZE    How many lines the history file keeps.
HISTCONTROL     ignorespace, ignoredups, ignoreboth, erasedups: which
                commands stay out of the history.
HISTIGNORE      Patterns, separated by colons, of commands kept out of
                the history.
HISTTIMEFORMAT  A strftime format: history shows and saves time stamps.
FCEDIT, EDITOR  The editor fc and edit-and-execute-command start.
INPUTRC         The readline init file (else ~/.inputrc, /etc/inputrc).
COMP_WORDBREAKS Characters that end a word for completion.
HOSTFILE        The file @host completion reads (else /etc/hosts).
LS_COLORS       Colours of file names in completion lists.
NO_COLOR        When set, gosh's own styling (highlighting, parallel's
                bar) uses no colours, only attributes such as bold.`,
		},
		"while": {
			synopsis: "while COMMANDS; do COMMANDS-2; done",
			short:    "Repeat commands while a test succeeds.",
			long: `Runs COMMANDS and, as long as the last of them succeeds (status 0),
runs COMMANDS-2 and tries again.

Exit Status:
The status of the last command run.`,
		},
		"{ ... }": {
			synopsis: "{ COMMANDS ; }",
			short:    "Run a list of commands as one.",
			long: `Runs COMMANDS in the current shell, so that one redirection or one
pipe applies to all of them: ` + "`{ date; ls; } > out'" + `. Unlike ( ), no
subshell is made, and variables set inside stay set.

Exit Status:
The status of the last command run.`,
		},
	}
})
