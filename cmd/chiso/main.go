// Command chiso turns the reports Vietnamese government units write (PDF,
// DOCX, HTML, text) into structured, audited indicators: it reads their
// indicator tables, types their values, checks the arithmetic, scores them
// against the HCM digital-transformation rubric and keeps years of them in
// a dataset. The command line, its JSON fields, finding codes and exit
// codes are documented in the repository's docs/json.md; see README.md for
// usage.
package main

import (
	"fmt"
	"io"
	"os"
	"sort"
)

// Exit codes fixed by the contract.
const (
	exitOK       = 0
	exitFindings = 1 // at least one finding of severity error
	exitUsage    = 2
	exitUnread   = 3 // a file could not be read or parsed
)

// A command is one verb of the command line. Each lives in its own file and
// registers itself in init, so the verbs stay independent of each other.
type command struct {
	name    string
	summary string
	run     func(env *env, args []string) int
}

// env is what a command may touch, so that tests can run commands in-process.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

var commands = map[string]command{}

func register(c command) { commands[c.name] = c }

func main() {
	os.Exit(run(&env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}, os.Args[1:]))
}

func run(e *env, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(e.stderr)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "chiso: unknown command %q\n\n", args[0])
		usage(e.stderr)
		return exitUsage
	}
	return c.run(e, args[1:])
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: chiso COMMAND [flags] [FILE...]")
	fmt.Fprintln(w, "\ncommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'chiso COMMAND -h' for a command's flags.")
}
