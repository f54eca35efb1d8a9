package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

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

// parseFlags parses args, returning -1 to go on or an exit code. Flags
// may come anywhere on the line, before or after the file names
// (`chiso extract a.txt --json`), as people type them; everything after
// "--" is a file name. File names holding * ? or [ that the shell left
// unexpanded (cmd.exe and PowerShell never expand them) are expanded
// here; a pattern that matches nothing stays as typed, so that its error
// names it.
func parseFlags(fs *flag.FlagSet, args []string) int {
	flags, files := splitFlags(fs, args)
	if err := fs.Parse(append(append(flags, "--"), expandGlobs(files)...)); err != nil {
		if err == flag.ErrHelp {
			return exitOK
		}
		return exitUsage
	}
	return -1
}

// splitFlags separates the flags of fs (with the values of those that
// take one) from the other arguments, keeping the order of each.
func splitFlags(fs *flag.FlagSet, args []string) (flags, rest []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return flags, append(rest, args[i+1:]...)
		case len(a) < 2 || a[0] != '-':
			rest = append(rest, a) // a file, or "-" for standard input
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		if f := fs.Lookup(name); f != nil && !isBool(f) && i+1 < len(args) {
			i++
			flags = append(flags, args[i])
		}
	}
	return flags, rest
}

func isBool(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// expandGlobs replaces each argument holding a glob pattern by the files
// it matches, sorted; "-" and names without a pattern are kept.
func expandGlobs(args []string) []string {
	var out []string
	for _, a := range args {
		if _, err := os.Stat(a); err == nil || !strings.ContainsAny(a, "*?[") {
			// A file whose name holds [ or ? is itself.
			out = append(out, a)
			continue
		}
		m, err := filepath.Glob(a)
		if err != nil || len(m) == 0 {
			out = append(out, a)
			continue
		}
		out = append(out, m...)
	}
	return out
}

// badFlag says which flag's value is wrong and why, then the usage, and
// returns the usage error's exit code: `chiso: --workers 0: …` rather
// than the bare usage, which left the user to guess.
func badFlag(e *env, fs *flag.FlagSet, name, value, why string) int {
	fmt.Fprintf(e.stderr, "chiso %s: --%s %s: %s\n", fs.Name(), name, value, why)
	fs.Usage()
	return exitUsage
}

// checkLang checks a --lang value; it returns -1 when it is good.
func checkLang(e *env, fs *flag.FlagSet, lang string) int {
	if lang != "vi" && lang != "en" {
		return badFlag(e, fs, "lang", lang, "the languages are vi (Vietnamese) and en (English)")
	}
	return -1
}
