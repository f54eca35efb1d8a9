//go:build windows

package main

import (
	"os"

	"golang.org/x/sys/windows"
)

// console returns f to write chiso's output to. When f is a console,
// its output code page is set to UTF-8 (65001) first: chiso writes
// UTF-8, and a console left at the OEM code page (437, 1258) shows the
// diacritics of Vietnamese as other letters, in cmd.exe and in
// PowerShell 5.1 alike. A file or a pipe gets the same UTF-8 bytes,
// untouched: the code page is the console's, not the stream's.
func console(f *os.File) *os.File {
	var mode uint32
	if windows.GetConsoleMode(windows.Handle(f.Fd()), &mode) == nil {
		windows.SetConsoleOutputCP(cpUTF8)
	}
	return f
}

// cpUTF8 is the code page of UTF-8.
const cpUTF8 = 65001
