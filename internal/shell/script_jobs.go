package shell

import (
	"context"
	"strconv"

	"mvdan.cc/sh/v3/syntax"
)

// Background commands in scripts and -c. The interpreter runs a "CMD &"
// of a script itself, in a goroutine whose $! is "g1" and which jobs,
// kill %1 and wait %1 do not know; bash gives the job's process ID. So
// the script's top-level "CMD &" statements are started by gosh as jobs,
// as the interactive shell starts the statements typed at it (without
// "[1] PID", which bash prints only when interactive): the statement is
// replaced by a call of the hidden built-in scriptBgName, whose argument
// indexes the statements kept in Shell.scriptBg, and $! in the script's
// statements reads the job's process ID (rewriteBgPid). A "&" nested in a
// loop, a list or a function stays the interpreter's, as at the prompt.

// scriptBgName is the built-in a script's "CMD &" is replaced by. It
// starts with a NUL byte, which no word of a script can hold.
const scriptBgName = "\x00gosh-background"

// adoptScriptJobs rewrites f's top-level background statements as
// described above, in the order the script runs them.
func (s *Shell) adoptScriptJobs(f *syntax.File) {
	for i, stmt := range f.Stmts {
		s.rewriteBgPid(stmt)
		if !(stmt.Background || stmt.Disown) || stmt.Coprocess {
			continue
		}
		s.interpBgLatest = false // this job is the latest
		n := len(s.scriptBg)
		s.scriptBg = append(s.scriptBg, stmt)
		call := &syntax.CallExpr{Args: []*syntax.Word{litWord(scriptBgName), litWord(strconv.Itoa(n))}}
		f.Stmts[i] = &syntax.Stmt{Comments: stmt.Comments, Cmd: call, Position: stmt.Position, Semicolon: stmt.Semicolon}
	}
}

// runScriptBackground is the hidden built-in: it starts the statement
// args[1] indexes as a background job.
func (s *Shell) runScriptBackground(ctx context.Context, args []string) error {
	n, err := strconv.Atoi(args[1])
	if err != nil || n < 0 || n >= len(s.scriptBg) {
		return nil
	}
	return s.startBackground(ctx, s.scriptBg[n], false)
}
