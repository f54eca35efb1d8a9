package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"chiso"
	"chiso/parse"
)

// readInput reads and processes one FILE argument, "-" meaning standard
// input.
func readInput(ctx context.Context, e *env, name string, opt chiso.Options) (*chiso.Result, error) {
	r := e.stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, &parse.Error{Path: name, Err: err}
		}
		defer f.Close()
		r = f
	}
	data, err := chiso.ReadAll(r, name, 0)
	if err != nil {
		return nil, err
	}
	return chiso.Process(ctx, name, data, opt)
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
