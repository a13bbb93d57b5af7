package multiprocessing

import (
	"fmt"
	"io"
	"os"
	"sync"
)

// Level is a logging level, with Python's logging numbers.
type Level int

// Levels, as in Python's logging and multiprocessing.util.
const (
	NotSet     Level = 0
	SubDebug   Level = 5
	Debug      Level = 10
	Info       Level = 20
	SubWarning Level = 25
	Warning    Level = 30
	Error      Level = 40
	Critical   Level = 50
)

func (l Level) String() string {
	switch l {
	case SubDebug:
		return "SUBDEBUG"
	case Debug:
		return "DEBUG"
	case Info:
		return "INFO"
	case SubWarning:
		return "SUBWARNING"
	case Warning:
		return "WARNING"
	case Error:
		return "ERROR"
	case Critical:
		return "CRITICAL"
	}
	return fmt.Sprintf("Level %d", int(l))
}

// Logger is the package's logger. Lines look like Python's
// "[INFO/Process-1] message": each is tagged with the name of the process
// that wrote it, so a child's lines say which child. Children started after
// LogToStderr log to stderr at the same level.
type Logger struct {
	mu     sync.Mutex
	level  Level
	w      io.Writer
	stderr bool
}

var logger = &Logger{level: Warning}

// GetLogger returns the package's logger; it writes nowhere until
// LogToStderr or SetOutput. Python: multiprocessing.get_logger().
func GetLogger() *Logger { return logger }

// LogToStderr makes the logger write to stderr at level (NotSet keeps the
// current level), in this process and in children started later.
// Python: multiprocessing.log_to_stderr(level).
func LogToStderr(level Level) *Logger {
	logger.mu.Lock()
	defer logger.mu.Unlock()
	logger.w, logger.stderr = os.Stderr, true
	if level != NotSet {
		logger.level = level
	}
	return logger
}

// SetOutput sets where log lines go (nil: nowhere). Children do not inherit
// an output other than stderr.
func (l *Logger) SetOutput(w io.Writer) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.w, l.stderr = w, w == os.Stderr
}

// SetLevel sets the lowest level written.
func (l *Logger) SetLevel(level Level) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.level = level
}

// Level returns the lowest level written.
func (l *Logger) Level() Level {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.level
}

func (l *Logger) toStderr() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.stderr
}

// Logf writes one line at level if the level is enabled.
func (l *Logger) Logf(level Level, format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.w == nil || level < l.level {
		return
	}
	fmt.Fprintf(l.w, "[%s/%s] %s\n", level, CurrentProcess().Name, fmt.Sprintf(format, args...))
}

// Debugf logs at Debug. Python: util.debug.
func (l *Logger) Debugf(format string, args ...any) { l.Logf(Debug, format, args...) }

// Infof logs at Info. Python: util.info.
func (l *Logger) Infof(format string, args ...any) { l.Logf(Info, format, args...) }

// Warningf logs at Warning.
func (l *Logger) Warningf(format string, args ...any) { l.Logf(Warning, format, args...) }

// Errorf logs at Error.
func (l *Logger) Errorf(format string, args ...any) { l.Logf(Error, format, args...) }
