//go:build !unix

package main

import (
	"os"
	"os/exec"
)

// setGroup leaves the default: the child alone is killed at the wall
// time.
func setGroup(cmd *exec.Cmd) {}

// maxRSS is not measured here: 0.
func maxRSS(ps *os.ProcessState) int64 { return 0 }
