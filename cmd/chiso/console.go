//go:build !windows

package main

import "os"

// console returns f to write chiso's output to: on every system but
// Windows the terminal takes UTF-8 as it is.
func console(f *os.File) *os.File { return f }
