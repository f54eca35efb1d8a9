//go:build windows

package main

import (
	"os"

	"golang.org/x/sys/windows"
)

// consoleUTF8 sets the console's output code page to UTF-8 (65001) when
// chiso writes to a console, and returns what sets it back. chiso writes
// UTF-8, and a console left at its OEM code page (437, 1258) shows the
// diacritics of Vietnamese as other letters, in cmd.exe and in
// PowerShell 5.1 alike. The code page belongs to the console, shared with
// the shell that started chiso, so it is put back on the way out rather
// than left changed for the programs run after. A file or a pipe gets the
// same UTF-8 bytes, untouched.
func consoleUTF8() (restore func()) {
	if !isConsole(os.Stdout) && !isConsole(os.Stderr) {
		return func() {}
	}
	old, err := windows.GetConsoleOutputCP()
	if err != nil || old == cpUTF8 || windows.SetConsoleOutputCP(cpUTF8) != nil {
		return func() {}
	}
	return func() { windows.SetConsoleOutputCP(old) }
}

// isConsole reports whether f is a console rather than a file or a pipe.
func isConsole(f *os.File) bool {
	var mode uint32
	return windows.GetConsoleMode(windows.Handle(f.Fd()), &mode) == nil
}

// cpUTF8 is the code page of UTF-8.
const cpUTF8 = 65001
