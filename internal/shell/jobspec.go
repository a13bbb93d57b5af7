package shell

import (
	"errors"
	"strconv"
	"strings"
)

// errNoJob is a job spec that names no job.
type errNoJob string

func (e errNoJob) Error() string { return string(e) + ": no such job" }

// findJobLocked returns the job a job spec names, as bash's get_job_spec
// reads them: %N (job number N), %+ %% and % (the current job), %- (the
// previous one), %string (the job whose command starts with string) and
// %?string (the job whose command contains string). With bareNumber, a
// number without % is a job number too (fg 1, as in bash).
func (jt *jobTable) findJobLocked(spec string, bareNumber bool) (*job, error) {
	s, hasPercent := strings.CutPrefix(spec, "%")
	if !hasPercent && !bareNumber {
		return nil, errNoJob(spec)
	}
	cur, prev := jt.currentLocked()
	switch s {
	case "", "+", "%":
		if cur == nil {
			return nil, errNoJob("current")
		}
		return cur, nil
	case "-":
		if prev == nil {
			return nil, errNoJob("previous")
		}
		return prev, nil
	}
	if n, err := strconv.Atoi(s); err == nil {
		for _, j := range jt.jobs {
			if j.id == n && !j.disowned {
				return j, nil
			}
		}
		return nil, errNoJob(spec)
	}
	match := func(j *job) bool { return strings.HasPrefix(j.text, s) }
	what := s
	if sub, ok := strings.CutPrefix(s, "?"); ok {
		match = func(j *job) bool { return strings.Contains(j.text, sub) }
		what = sub
	}
	var found *job
	for _, j := range jt.jobs {
		if j.disowned || !match(j) {
			continue
		}
		if found != nil {
			return nil, errors.New(what + ": ambiguous job spec")
		}
		found = j
	}
	if found == nil {
		return nil, errNoJob(spec)
	}
	return found, nil
}

// atoiOr returns s as a number, or def if it is not one.
func atoiOr(s string, def int) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return def
	}
	return n
}
