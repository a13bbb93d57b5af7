package lineedit

// argState is the numeric argument being typed (digit-argument,
// universal-argument) and then in force for the next command.
type argState struct {
	set    bool // an argument was given
	digits bool // digits were typed (not just C-u or -)
	value  int
	neg    bool
	// universal counts the C-u presses without digits: the argument is
	// 4 to that power.
	universal int
}

// count returns the argument for the command about to run: 1 when none
// was given.
func (e *Engine) count() int {
	a := e.arg
	if !a.set {
		return 1
	}
	v := a.value
	if !a.digits {
		v = 1
		for i := 0; i < a.universal; i++ {
			v *= 4
		}
	}
	if a.neg {
		v = -v
	}
	return v
}

// argCap keeps a typed argument within readline's limit.
const argCap = 1000000

// digitArgument (M-0 ... M-9, M--) starts or extends the argument.
func digitArgument(e *Engine, _ int, key byte) {
	a := &e.arg
	a.set = true
	switch {
	case key == '-' && !a.digits:
		a.neg = !a.neg
	case key >= '0' && key <= '9':
		if !a.digits {
			a.value = 0
		}
		a.digits = true
		a.value = min(a.value*10+int(key-'0'), argCap)
	}
	e.argMode = true
}

// universalArgument (C-u) multiplies the argument by four, or starts one;
// digits typed after it are the argument.
func universalArgument(e *Engine, _ int, _ byte) {
	a := &e.arg
	if a.digits {
		// C-u after digits ends the argument, as in readline.
		e.argMode = false
		return
	}
	a.set = true
	a.universal++
	e.argMode = true
}

// argKey handles a key typed while an argument is being entered: digits
// (and a leading minus) extend it; it reports whether the key was used.
func (e *Engine) argKey(b byte) bool {
	if !e.argMode {
		return false
	}
	a := &e.arg
	switch {
	case b >= '0' && b <= '9':
		if !a.digits {
			a.value = 0
		}
		a.digits = true
		a.value = min(a.value*10+int(b-'0'), argCap)
		return true
	case b == '-' && !a.digits:
		a.neg = !a.neg
		return true
	}
	e.argMode = false
	return false
}
