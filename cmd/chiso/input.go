package main

import (
	"context"
	"flag"
	"fmt"
	"time"

	"chiso/doc"
	"chiso/parse"
)

// readInput reads one FILE argument, "-" meaning standard input.
func readInput(ctx context.Context, e *env, name string, timeout time.Duration) (*doc.Document, error) {
	opt := parse.Options{Timeout: timeout}
	if name == "-" {
		return parse.ReadOptions(ctx, e.stdin, "-", opt)
	}
	return parse.FileOptions(ctx, name, opt)
}

// newFlags makes a flag set that reports errors on e.stderr and does not
// exit, so that a usage error becomes exit code 2.
func newFlags(e *env, name, args string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "usage: chiso %s %s\n", name, args)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, returning -1 to go on or an exit code.
func parseFlags(fs *flag.FlagSet, args []string) int {
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return exitOK
		}
		return exitUsage
	}
	return -1
}

// errorString is the contract's "error" field: null or the message.
func errorString(err error) *string {
	if err == nil {
		return nil
	}
	s := err.Error()
	return &s
}
