package shell

// The help topics of gosh's own built-ins. Each built-in registered with
// registerDefault has one (TestEveryBuiltinHasHelp checks it).
func init() {
	registerHelp("bind", helpTopic{
		synopsis: "bind [-lpsvPSVX] [-m keymap] [-f filename] [-q name] [-u name] [-r keyseq] [-x keyseq:shell-command] [keyseq:readline-function or readline-command]",
		short:    "Set Readline key bindings and variables.",
		long: `Bind a key sequence to a Readline function or a macro, or set a
Readline variable.  The non-option argument syntax is equivalent to that
found in ~/.inputrc, but must be passed as a single argument:
e.g., bind '"\C-x\C-r": re-read-init-file'.

Options:
  -m  keymap         Use KEYMAP as the keymap for the duration of this
                     command.
  -l                 List names of functions.
  -P                 List function names and bindings.
  -p                 List functions and bindings in a form that can be
                     reused as input.
  -S                 List key sequences that invoke macros and their values
  -s                 List key sequences that invoke macros and their values
                     in a form that can be reused as input.
  -V                 List variable names and values
  -v                 List variable names and values in a form that can
                     be reused as input.
  -q  function-name  Query about which keys invoke the named function.
  -u  function-name  Unbind all keys which are bound to the named function.
  -r  keyseq         Remove the binding for KEYSEQ.
  -f  filename       Read key bindings from FILENAME.
  -x  keyseq:shell-command
                     Run SHELL-COMMAND when KEYSEQ is typed; it sees the
                     line in READLINE_LINE, the cursor in READLINE_POINT
                     and the mark in READLINE_MARK, and may change them.
  -X                 List key sequences bound with -x and their commands
                     in a form that can be reused as input.

Exit Status:
bind returns 0 unless an unrecognized option is given or an error occurs.`,
	})
	registerHelp("history", helpTopic{
		synopsis: "history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]",
		short:    "Display or manipulate the history list.",
		long: `Display the history list with line numbers, prefixing each modified
entry with a '*'.  An argument of N lists only the last N entries.

Options:
  -c        clear the history list by deleting all of the entries
  -d offset delete the history entry at position OFFSET; negative
            offsets count back from the end, and START-END deletes a range
  -a        append history lines from this session to the history file
  -n        read all history lines not already read from the history file
  -r        read the history file and append the contents to the history
            list
  -w        write the current history to the history file
  -p        perform history expansion on each ARG and display the result
            without storing it in the history list
  -s        append the ARGs to the history list as a single entry

The history file is $HISTFILE, ~/.gosh_history when unset.  An
interactive gosh appends each command to it as soon as it has run, and
cuts the file to $HISTFILESIZE lines when it exits.  If HISTTIMEFORMAT
is set, it is used as a format string for strftime(3) to print the time
stamp of each entry.

Exit Status:
Returns success unless an invalid option is given or an error occurs.`,
	})
	registerHelp("jobs", helpTopic{
		synopsis: "jobs [-lnprs] [jobspec ...]",
		short:    "Display status of jobs.",
		long: `Lists the active jobs.  JOBSPEC restricts output to that job.
Without options, the status of all active jobs is displayed.

Options:
  -l	lists process IDs in addition to the normal information
  -n	lists only processes that have changed status since the last
	notification
  -p	lists process IDs only
  -r	restrict output to running jobs
  -s	restrict output to stopped jobs

Jobs that have ended are listed once more, then leave the table.

Exit Status:
Returns success unless an invalid option is given or an error occurs.`,
	})
	registerHelp("fg", helpTopic{
		synopsis: "fg [job_spec]",
		short:    "Move job to the foreground.",
		long: `Place the job identified by JOB_SPEC in the foreground, making it the
current job.  If JOB_SPEC is not present, the shell's notion of the
current job is used.  A job spec is %N (job number N), %+ or %% (the
current job), %- (the previous job), %string (the job whose command
starts with string) or %?string (the job whose command contains string).

Exit Status:
Status of command placed in foreground, or failure if an error occurs.`,
	})
	registerHelp("bg", helpTopic{
		synopsis: "bg [job_spec ...]",
		short:    "Move jobs to the background.",
		long: `Place the jobs identified by each JOB_SPEC in the background, as if they
had been started with '&'.  If JOB_SPEC is not present, the shell's notion
of the current job is used.

Exit Status:
Returns success unless job control is not enabled or an error occurs.`,
	})
	registerHelp("wait", helpTopic{
		synopsis: "wait [-fn] [-p var] [id ...]",
		short:    "Wait for job completion and return exit status.",
		long: `Waits for each process identified by an ID, which may be a process ID
or a job specification, and reports its termination status.  If ID is
not given, waits for all currently active child processes, and the
return status is zero.  If ID is a job specification, waits for all
processes in that job's pipeline.

If the -n option is supplied, waits for the next job to terminate and
returns its exit status.

If the -p option is supplied, the process or job identifier of the job
for which the exit status is returned is assigned to the variable VAR
named by the option argument.

A C-c stops the wait with status 130; a signal with a trap stops it with
status 128 plus the signal's number.

Exit Status:
Returns the status of the last ID; fails if ID is invalid or an invalid
option is given.`,
	})
	registerHelp("disown", helpTopic{
		synopsis: "disown [-h] [-ar] [jobspec ... | pid ...]",
		short:    "Remove jobs from current shell.",
		long: `Removes each JOBSPEC argument from the table of active jobs.  Without
any JOBSPECs, the shell uses its notion of the current job.

Options:
  -a	remove all jobs if JOBSPEC is not supplied
  -h	mark each JOBSPEC so that SIGHUP is not sent to the job if the
	shell receives a SIGHUP
  -r	remove only running jobs

Exit Status:
Returns success unless an invalid option or JOBSPEC is given.`,
	})
	registerHelp("kill", helpTopic{
		synopsis: "kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]",
		short:    "Send a signal to a job.",
		long: `Send the processes identified by PID or JOBSPEC the signal named by
SIGSPEC or SIGNUM.  If neither SIGSPEC nor SIGNUM is present, then
SIGTERM is assumed.  A stopped job sent SIGTERM or SIGHUP is also
continued, so that it can end.

Options:
  -s sig	SIG is a signal name
  -n sig	SIG is a signal number
  -l	list the signal names; if arguments follow '-l' they are
		assumed to be signal numbers for which names should be listed
  -L	synonym for -l

Exit Status:
Returns success unless an invalid option is given or an error occurs.`,
	})
	registerHelp("suspend", helpTopic{
		synopsis: "suspend [-f]",
		short:    "Suspend shell execution.",
		long: `Suspend the execution of this shell until it receives a SIGCONT signal.
Unless forced, login shells cannot be suspended.

Options:
  -f	force the suspend, even if the shell is a login shell

Exit Status:
Returns success unless job control is not enabled or an error occurs.`,
	})
	registerHelp("logout", helpTopic{
		synopsis: "logout [n]",
		short:    "Exit a login shell.",
		long: `Exits a login shell with exit status N.  Returns an error if not executed
in a login shell.`,
	})
	registerHelp("help", helpTopic{
		synopsis: "help [-dms] [pattern ...]",
		short:    "Display information about builtin commands.",
		long: `Displays brief summaries of builtin commands.  If PATTERN is
specified, gives detailed help on all commands matching PATTERN,
otherwise the list of help topics is printed.

Options:
  -d	output short description for each topic
  -m	display usage in pseudo-manpage format
  -s	output only a short usage synopsis for each topic matching
		PATTERN

Exit Status:
Returns success unless PATTERN is not found or an invalid option is given.`,
	})
	registerHelp("type", helpTopic{
		synopsis: "type [-afptP] name [name ...]",
		short:    "Display information about command type.",
		long: `For each NAME, indicate how it would be interpreted if used as a
command name.

Options:
  -a	display all locations containing an executable named NAME;
		includes functions and builtins, but not aliases
  -f	suppress shell function lookup
  -P	force a PATH search for each NAME, even if it is a function or
		builtin, and return the name of the disk file that would be
		executed
  -p	returns either the name of the disk file that would be executed,
		or nothing if 'type -t NAME' would not return 'file'
  -t	output a single word which is one of 'alias', 'keyword',
		'function', 'builtin', 'file' or '', if NAME is an alias,
		shell reserved word, shell function, shell builtin, disk file,
		or not found, respectively

Exit Status:
Returns success if all of the NAMEs are found; fails if any are not found.`,
	})
	registerHelp("command", helpTopic{
		synopsis: "command [-pVv] command [arg ...]",
		short:    "Execute a simple command or display information about commands.",
		long: `Runs COMMAND with ARGS suppressing shell function lookup, or display
information about the specified COMMANDs.  Can be used to invoke commands
on disk when a function with the same name exists.

Options:
  -p    use a default value for PATH that is guaranteed to find all of
        the standard utilities
  -v    print a single word indicating the command or filename that
        invokes COMMAND
  -V    print a more verbose description of each COMMAND

Exit Status:
Returns exit status of COMMAND, or failure if COMMAND is not found.`,
	})
	registerHelp("builtin", helpTopic{
		synopsis: "builtin [shell-builtin [arg ...]]",
		short:    "Execute shell builtins.",
		long: `Execute SHELL-BUILTIN with arguments ARGs without performing command
lookup.  This is useful when you wish to reimplement a shell builtin
as a shell function, but need to execute the builtin within the function.

Exit Status:
Returns the exit status of SHELL-BUILTIN, or false if SHELL-BUILTIN is
not a shell builtin.`,
	})
}
