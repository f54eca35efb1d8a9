//go:build unix

package main

import (
	"os"
	"os/exec"
	"runtime"
	"syscall"
)

// setGroup starts the child in its own process group and, at the wall
// time, kills the group: chiso's Tesseract children die with it.
func setGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
}

// maxRSS is the child's peak resident set in KB (ru_maxrss: KB on
// Linux, bytes on macOS).
func maxRSS(ps *os.ProcessState) int64 {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0
	}
	if runtime.GOOS == "darwin" {
		return int64(ru.Maxrss) >> 10
	}
	return int64(ru.Maxrss)
}
