package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os/exec"
	"strings"
	"time"
)

// headWriter keeps the first max bytes written to it: enough of stderr
// to see a trace's first lines, however much a child prints.
type headWriter struct {
	b   bytes.Buffer
	max int
}

func (h *headWriter) Write(p []byte) (int, error) {
	if room := h.max - h.b.Len(); room > 0 {
		h.b.Write(p[:min(room, len(p))])
	}
	return len(p), nil
}

// runChild runs args[0] with args[1:], stdout to out (nil: discarded),
// killing its process group after wall, and returns how it ended.
func runChild(args []string, wall time.Duration, out io.Writer) result {
	ctx, cancel := context.WithTimeout(context.Background(), wall)
	defer cancel()
	cmd := exec.CommandContext(ctx, args[0], args[1:]...)
	if out == nil {
		out = io.Discard
	}
	stderr := &headWriter{max: 1 << 20}
	cmd.Stdout, cmd.Stderr = out, stderr
	setGroup(cmd)
	cmd.WaitDelay = 5 * time.Second
	start := time.Now()
	err := cmd.Run()
	r := result{elapsed: time.Since(start)}
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		r.exit = ee.ExitCode()
	case err != nil:
		r.exit = -2
		r.firstLine = err.Error()
	}
	if cmd.ProcessState != nil {
		r.maxRSS = maxRSS(cmd.ProcessState)
	}
	r.timedOut = ctx.Err() != nil
	s := stderr.b.String()
	r.fatal = strings.Contains(s, "fatal error:")
	r.panicked = strings.Contains(s, "panic:") || strings.Contains(s, "goroutine ") || strings.Contains(s, "internal error")
	if r.firstLine == "" {
		for _, l := range strings.Split(s, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				r.firstLine = l
				if len(r.firstLine) > 200 {
					r.firstLine = r.firstLine[:200]
				}
				break
			}
		}
	}
	return r
}
