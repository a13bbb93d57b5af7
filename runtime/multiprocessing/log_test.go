package multiprocessing

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

var tLog = Register("test.log", func(msg string) { GetLogger().Warningf("%s", msg) })

func TestLoggerFormatAndLevels(t *testing.T) {
	var buf bytes.Buffer
	lg := &Logger{level: Info, w: &buf}
	lg.Debugf("hidden")
	lg.Infof("shown %d", 1)
	lg.Errorf("bad")
	want := "[INFO/MainProcess] shown 1\n[ERROR/MainProcess] bad\n"
	if buf.String() != want {
		t.Fatalf("got %q, want %q", buf.String(), want)
	}
	if Level(25).String() != "SUBWARNING" || Level(7).String() != "Level 7" {
		t.Fatal("level names")
	}
}

// TestChildLogsTaggedWithName runs a child after LogToStderr and checks its
// lines carry its name, by capturing stderr in a pipe.
func TestChildLogsTaggedWithName(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	saved, savedLevel := os.Stderr, logger.Level()
	os.Stderr = w
	LogToStderr(Info)
	p := NewProcess(tLog, "hello from the child")
	p.Name = "logger-child"
	err = p.Start()
	os.Stderr = saved
	logger.SetOutput(nil)
	logger.SetLevel(savedLevel)
	w.Close()
	if err != nil {
		t.Fatal(err)
	}
	p.Join(Forever)
	var out bytes.Buffer
	out.ReadFrom(r)
	for _, want := range []string{
		"[INFO/logger-child] child process calling self.run()",
		"[WARNING/logger-child] hello from the child",
		"[INFO/logger-child] process exiting with exitcode 0",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("child's stderr lacks %q:\n%s", want, out.String())
		}
	}
}
