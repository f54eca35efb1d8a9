//go:build !windows

package main

// consoleUTF8 prepares the terminal for chiso's UTF-8 output and returns
// what undoes it: on every system but Windows the terminal takes UTF-8 as
// it is, and there is nothing to do.
func consoleUTF8() (restore func()) { return func() {} }
