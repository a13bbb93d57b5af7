package lineedit

import "strconv"

// argState is the numeric argument being typed (digit-argument,
// universal-argument) and then in force for the next command, as
// readline's rl_numeric_arg, rl_arg_sign, rl_explicit_arg and the
// argument context. The zero value is no argument: a count of 1.
type argState struct {
	started bool // an argument is being typed or in force
	value   int  // rl_numeric_arg, once started
	neg     bool // rl_arg_sign is -1
	// set is rl_explicit_arg: digits were typed, or M-- stood alone.
	set bool
	// sawDigits and sawMinus are the argument context of the digits
	// typed since the last digit-argument or universal-argument.
	sawDigits, sawMinus bool
}

// start begins an argument at readline's default value, 1.
func (a *argState) start() {
	if !a.started {
		*a = argState{started: true, value: 1}
	}
}

// count returns the argument for the command about to run: 1 when none
// was given.
func (e *Engine) count() int {
	a := e.arg
	if !a.started {
		return 1
	}
	if a.neg {
		return -a.value
	}
	return a.value
}

// argCap keeps a typed argument within readline's limit.
const argCap = 1000000

// argDigit handles one key of an argument (readline's
// _rl_arg_dispatch): a digit extends it, a minus before any digit makes
// it negative. It reports whether the key was used.
func (e *Engine) argDigit(key byte) bool {
	a := &e.arg
	switch {
	case key >= '0' && key <= '9':
		d := int(key - '0')
		if a.set {
			d = min(a.value*10+d, argCap)
		}
		a.value, a.set, a.sawDigits = d, true, true
		return true
	case key == '-' && !a.set:
		a.value, a.neg, a.sawMinus = 1, true, true
		return true
	}
	return false
}

// endArg ends the typing of an argument before key runs with it. M--
// alone counts as M-- 1, an explicit argument.
func (e *Engine) endArg() {
	a := &e.arg
	if a.sawMinus && a.value == 1 && !a.set {
		a.set = true
	}
	e.argMode = false
}

// digitArgument (M-0 ... M-9, M--) starts or extends the argument. A
// minus after digits is not part of it: the key then runs as typed.
func digitArgument(e *Engine, _ int, key byte) {
	a := &e.arg
	a.start()
	a.sawDigits, a.sawMinus = false, false
	e.argMode = true
	if !e.argDigit(key &^ 0x80) {
		e.endArg()
		e.queue = append([]byte{key &^ 0x80}, e.queue...)
	}
}

// universalArgument (C-u in readline's emacs keymap when bound)
// multiplies the argument by four; digits typed after it replace it.
func universalArgument(e *Engine, _ int, _ byte) {
	a := &e.arg
	a.start()
	a.sawDigits, a.sawMinus = false, false
	a.value = min(a.value*4, argCap)
	e.argMode = true
}

// argKey handles a key typed while an argument is being entered: digits
// (and a leading minus) extend it, and a key bound on its own to
// universal-argument multiplies it by four, or after digits ends it.
// It reports whether the key was used; any other key ends the argument
// and runs with it.
func (e *Engine) argKey(b byte) bool {
	if !e.argMode {
		return false
	}
	if en := e.keymap.Entry(int(b)); en.Func != nil && en.Func.Name == "universal-argument" {
		a := &e.arg
		if !a.sawDigits {
			a.value = min(a.value*4, argCap)
		} else {
			// After digits it ends the argument; the next key runs.
			e.argMode = false
		}
		return true
	}
	if e.argDigit(b) {
		return true
	}
	e.endArg()
	return false
}

// argPrompt is what readline shows instead of the prompt while an
// argument is typed.
func argPrompt(n int) string { return "(arg: " + strconv.Itoa(n) + ") " }
