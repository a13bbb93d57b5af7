package lineedit

import (
	"io/fs"
	"strings"

	"github.com/goshell/gosh/completion"
)

// fileInfo is what the display rules know of a candidate that names a
// file: readline stats such names for mark-directories, visible-stats,
// colored-stats and the slash after a completed directory.
type fileInfo struct {
	// name says the candidate is a file name (readline's
	// rl_filename_completion_desired); nothing else applies otherwise.
	name bool
	// mode is the file's own mode, as lstat gives it.
	mode fs.FileMode
	// linkToDir says the file is a symbolic link to a directory.
	linkToDir bool
}

// fileOf returns a candidate's file information: files, directories,
// symbolic links and executables are file names. Their mode is the
// candidate's Mode (as lstat gives it), completed from the Kind when a
// completer left it out. A symbolic link is taken to point to a
// directory when the completer calls it a directory (KindDirectory) or
// asks for nothing to be appended after it (NoSuffix), as readline
// appends nothing after a link to a directory.
func fileOf(c completion.Candidate) fileInfo {
	m := c.Mode
	switch c.Kind {
	case completion.KindFile:
	case completion.KindDirectory:
		if m.Type() == 0 {
			m |= fs.ModeDir
		}
	case completion.KindSymlink:
		if m.Type() == 0 {
			m |= fs.ModeSymlink
		}
	case completion.KindExecutable:
		if m&0o111 == 0 {
			m |= 0o755
		}
	default:
		return fileInfo{}
	}
	link := m&fs.ModeSymlink != 0
	return fileInfo{name: true, mode: m, linkToDir: link && (c.Kind == completion.KindDirectory || c.Suffix == completion.NoSuffix)}
}

// isDir reports whether the file is a directory or a link to one
// (readline's path_isdir, which follows links).
func (f fileInfo) isDir() bool { return f.mode.IsDir() || f.linkToDir }

// statChar is the character visible-stats shows after a file name, as
// readline's stat_char (completion.StatChar); 0 for none.
func (f fileInfo) statChar() byte { return completion.StatChar(f.mode) }

// expandTildeMatches is readline's expand-tilde: when the variable is on,
// file name candidates that start with ~ or ~user replace the word with
// that directory's path (bash: "ls ~/Doc" TAB gives "ls /home/u/Documents/").
// The list keeps showing what it showed before.
func (e *Engine) expandTildeMatches(m *matchSet) {
	if !e.cfg.Vars.Get("expand-tilde") || !strings.HasPrefix(m.text, "~") {
		return
	}
	for i, c := range m.cands {
		if !fileOf(c).name || !strings.HasPrefix(c.Text, "~") {
			continue
		}
		x := expandTilde(c.Text)
		if x == c.Text {
			continue
		}
		if c.Display == "" {
			c.Display = c.Text
		}
		c.Text = x
		m.cands[i] = c
	}
}
