// Command chiso turns the reports Vietnamese government units write (PDF,
// DOCX, HTML, text) into structured, audited indicators: it reads their
// indicator tables, types their values, checks the arithmetic, scores them
// against the HCM digital-transformation rubric and keeps years of them in
// a dataset. The command line, its JSON fields, finding codes and exit
// codes are documented in the repository's docs/json.md; see README.md for
// usage.
//
// The command line is parsed with the standard library's flag package,
// wrapped (input.go) so that flags may come anywhere on the line, globs
// and folders are expanded for shells that do not, and every flag set
// gains --lang and --out. A CLI library (spf13/cobra with pflag,
// alecthomas/kong) was weighed and not taken: pflag reads "-json" as the
// four short flags -j -s -o -n, which breaks the single-dash flags the
// contract's users type; both would replace the register/flag-set API
// every command file is written against; and what they would add here
// (completion, help) is a walk over the flag sets this package already
// has (completion.go).
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"chiso/internal/msg"
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
	// lang is the language of the messages, "vi" or "en": the --lang of
	// the line, set by run and again by parseFlags.
	lang string
	// flagSets are the flag sets the command made (newFlags), which
	// completion reads.
	flagSets []*flag.FlagSet
}

var commands = map[string]command{}

func register(c command) { commands[c.name] = c }

func main() {
	restore := consoleUTF8()
	code := run(&env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}, os.Args[1:])
	restore()
	os.Exit(code)
}

func run(e *env, args []string) int {
	e.lang = langOf(args)
	p := msg.Printer(e.lang)
	args = commandFirst(args)
	if len(args) > 0 && (args[0] == "--version" || args[0] == "-version") {
		args = append([]string{"version"}, args[1:]...)
	}
	if len(args) >= 2 && args[0] == "help" && commands[args[1]].run != nil {
		// chiso help extract: the command's own help.
		return run(e, append([]string{args[1], "-h"}, args[2:]...))
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(e.stderr, e.lang)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	c, ok := commands[args[0]]
	if !ok {
		p.Fprintf(e.stderr, "chiso: unknown command %q\n\n", args[0])
		usage(e.stderr, e.lang)
		return exitUsage
	}
	rest, out, code := takeOut(e, c.name, args[1:])
	if code >= 0 {
		return code
	}
	if out == "" {
		return c.run(e, rest)
	}
	return withOut(e, out, func() int { return c.run(e, rest) })
}

// commandFirst moves the flags every command takes (--lang, --out,
// --tesseract) from
// before the command to after it, so that `chiso --lang en audit a.pdf`
// reads as `chiso audit a.pdf --lang en`.
func commandFirst(args []string) []string {
	var lead []string
	for len(args) > 0 {
		name, _, hasValue := strings.Cut(strings.TrimLeft(args[0], "-"), "=")
		if !strings.HasPrefix(args[0], "-") || name != "lang" && name != "out" && name != "tesseract" {
			break
		}
		n := 1
		if !hasValue && len(args) > 1 {
			n = 2
		}
		lead, args = append(lead, args[:n]...), args[n:]
	}
	if len(lead) == 0 || len(args) == 0 {
		return args // no command: the usage, in the language of the line
	}
	return append(append([]string{args[0]}, lead...), args[1:]...)
}

func usage(w io.Writer, lang string) {
	fmt.Fprintln(w, msg.String(lang, "usage: chiso COMMAND [flags] [FILE...]"))
	fmt.Fprintln(w, "\n"+msg.String(lang, "commands:"))
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, msg.String(lang, commands[n].summary))
	}
	fmt.Fprintln(w, "\n"+msg.String(lang, "flags of every command:"))
	fmt.Fprintf(w, "  --lang vi|en  %s\n", msg.String(lang, "language of the messages: vi or en"))
	fmt.Fprintf(w, "  --out FILE    %s\n", msg.String(lang, "file to write instead of the standard output"))
	fmt.Fprintf(w, "  --tesseract PATH  %s\n", msg.String(lang, "the Tesseract program that reads scans (default: CHISO_TESSERACT, then the PATH)"))
	fmt.Fprintln(w, "\n"+msg.String(lang, "Run 'chiso COMMAND -h' for a command's flags."))
}
