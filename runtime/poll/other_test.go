//go:build aix || solaris

package poll

func platformMechanisms() []mechanism { return nil }
