package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"chiso"
	"chiso/corpus"
	"chiso/internal/msg"
	"chiso/parse"
	"chiso/parse/ocr"
	"chiso/rubric"
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

// flagEnvs is the env of each flag set newFlags made, for parseFlags.
var flagEnvs sync.Map // *flag.FlagSet → *env

// newFlags makes a flag set that reports errors on e.stderr and does not
// exit, so that a usage error becomes exit code 2. Its usage is printed
// in the language of the line, each flag's text through the catalogue.
func newFlags(e *env, name, args string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		msg.Printer(e.lang).Fprintf(e.stderr, "usage: chiso %s %s\n", name, args)
		printDefaults(e, fs)
	}
	flagEnvs.Store(fs, e)
	e.flagSets = append(e.flagSets, fs)
	return fs
}

// printDefaults is flag's PrintDefaults with each flag's usage in the
// language of the line.
func printDefaults(e *env, fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		line := "  -" + f.Name
		if name, _ := flag.UnquoteUsage(f); name != "" && !isBool(f) {
			line += " " + name
		}
		line += "\n    \t" + strings.ReplaceAll(msg.String(e.lang, f.Usage), "\n", "\n    \t")
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			line += fmt.Sprintf(" (%s %s)", msg.String(e.lang, "default"), f.DefValue)
		}
		fmt.Fprintln(fs.Output(), line)
	})
}

// parseFlags parses args, returning -1 to go on or an exit code. Flags
// may come anywhere on the line, before or after the file names
// (`chiso extract a.txt --json`), as people type them; everything after
// "--" is a file name. File names holding * ? or [ that the shell left
// unexpanded (cmd.exe and PowerShell never expand them) are expanded
// here; a pattern that matches nothing stays as typed, so that its error
// names it. A flag set without --lang gains it, so every command takes
// it; its value is checked here and becomes the env's language.
func parseFlags(fs *flag.FlagSet, args []string) int {
	v, _ := flagEnvs.Load(fs)
	e, _ := v.(*env)
	if fs.Lookup("lang") == nil {
		fs.String("lang", "vi", "language of the messages: vi or en")
	}
	flags, files := splitFlags(fs, args)
	// flag writes its errors in English before the usage; they are held
	// back and said again in the language of the line.
	out, usage := fs.Output(), fs.Usage
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	err := fs.Parse(flags)
	if err == nil {
		// The flags alone first, so that a last flag lacking its value
		// does not take the "--" that marks off the files.
		err = fs.Parse(append([]string{"--"}, expandGlobs(files)...))
	}
	fs.SetOutput(out)
	fs.Usage = usage
	if err != nil {
		if err != flag.ErrHelp {
			lang := "vi"
			if e != nil {
				lang = e.lang
			}
			fmt.Fprintf(out, "chiso %s: %s\n", fs.Name(), flagError(lang, err))
		}
		fs.Usage()
		if err == flag.ErrHelp {
			return exitOK
		}
		return exitUsage
	}
	if e != nil {
		lang := fs.Lookup("lang").Value.String()
		if c := checkLang(e, fs, lang); c >= 0 {
			return c
		}
		e.lang = lang
	}
	return -1
}

// flagError is an error of package flag in lang: which flag, and what
// is wrong with it.
func flagError(lang string, err error) string {
	p := msg.Printer(lang)
	s := err.Error()
	if name, ok := strings.CutPrefix(s, "flag provided but not defined: "); ok {
		return p.Sprintf("%s: no such flag", "-"+strings.TrimLeft(name, "-"))
	}
	if name, ok := strings.CutPrefix(s, "flag needs an argument: "); ok {
		return p.Sprintf("%s: needs a value", "-"+strings.TrimLeft(name, "-"))
	}
	// invalid value "abc" for flag -workers: parse error
	if rest, ok := strings.CutPrefix(s, "invalid value "); ok {
		if i := strings.Index(rest, " for flag "); i > 0 {
			value, name := rest[:i], rest[i+len(" for flag "):]
			if j := strings.Index(name, ": "); j > 0 {
				name = name[:j]
			}
			return p.Sprintf("-%s %s: not a value this flag takes", name, strings.Trim(value, `"`))
		}
	}
	return s
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

// inputFiles are the files named by args, each folder replaced by the
// files under it that ingest would read (corpus.Files: the same filter),
// named from the folder as typed. The files under a folder that chiso
// cannot read (another format, a broken link) are returned as errors
// naming them, for the command to report like a file it failed to read:
// a folder of .pages files must not look like a clean audit.
func inputFiles(args []string) (files []string, unread []error) {
	// A link in one folder named may point into another.
	var dirs []string
	for _, a := range args {
		if st, err := os.Stat(a); a != "-" && err == nil && st.IsDir() {
			dirs = append(dirs, a)
		}
	}
	for _, a := range args {
		if st, err := os.Stat(a); a == "-" || err != nil || !st.IsDir() {
			files = append(files, a)
			continue
		}
		found, failed := corpus.ListFiles([]string{a}, corpus.ListOptions{Within: dirs})
		abs, _ := filepath.Abs(a)
		asTyped := func(f string) string {
			if rel, err := filepath.Rel(abs, f); err == nil {
				return filepath.Join(a, rel)
			}
			return f
		}
		for _, f := range found {
			files = append(files, asTyped(f))
		}
		for _, u := range failed {
			unread = append(unread, &unreadFile{Path: asTyped(u.Path), Reason: u.Reason})
		}
	}
	return files, unread
}

// unreadFile is a file under a folder that chiso does not try to read:
// another format, a broken link, a folder that cannot be listed. Its
// reason is corpus.Files', already said for a person.
type unreadFile struct{ Path, Reason string }

func (u *unreadFile) Error() string { return u.Path + ": " + u.Reason }

// eachInput processes each file args name (folders and globs expanded,
// "-" for standard input) and calls f with its path and result, or the
// error reading it; the files under a folder that chiso cannot read come
// last, as errors. f returns false to stop.
func eachInput(e *env, args []string, opt chiso.Options, f func(path string, res *chiso.Result, err error) bool) {
	files, failed := inputFiles(args)
	for _, name := range files {
		res, err := readInput(context.Background(), e, name, opt)
		if !f(name, res, err) {
			return
		}
	}
	for _, err := range failed {
		if !f(err.(*unreadFile).Path, nil, err) {
			return
		}
	}
}

// badFlag says which flag's value is wrong and why, then the usage, and
// returns the usage error's exit code: `chiso: --workers 0: …` rather
// than the bare usage, which left the user to guess.
func badFlag(e *env, fs *flag.FlagSet, name, value, why string) int {
	msg.Printer(e.lang).Fprintf(e.stderr, "chiso %s: --%s %s: %s\n", fs.Name(), name, value, msg.String(e.lang, why))
	fs.Usage()
	return exitUsage
}

// usageError says what the command line lacks or holds too much, then
// the usage, and returns the usage error's exit code.
func usageError(e *env, fs *flag.FlagSet, why string) int {
	fmt.Fprintf(e.stderr, "chiso %s: %s\n", fs.Name(), msg.String(e.lang, why))
	fs.Usage()
	return exitUsage
}

// openRubric opens the rubric --rubric names for the command name, or
// says why it cannot and returns the usage error's exit code: an id that
// is not shipped and no such file is named in the reader's language; a
// YAML file that is wrong, with the file, the field and the reason.
func openRubric(e *env, name, which string) (*rubric.Rubric, int) {
	r, err := rubric.Open(which)
	if err == nil {
		return r, -1
	}
	if _, serr := os.Stat(which); serr != nil {
		msg.Printer(e.lang).Fprintf(e.stderr, "chiso %s: --rubric %s: not a rubric chiso ships (%s) nor a file\n",
			name, which, strings.Join(rubric.IDs(), ", "))
		return nil, exitUsage
	}
	fail(e, err)
	return nil, exitUsage
}

// checkTimeout checks a --timeout value; it returns -1 when it is good.
func checkTimeout(e *env, fs *flag.FlagSet, d time.Duration) int {
	if d <= 0 {
		return badFlag(e, fs, "timeout", d.String(), "the time limit must be above zero, e.g. 2m")
	}
	return -1
}

// checkLang checks a --lang value; it returns -1 when it is good.
func checkLang(e *env, fs *flag.FlagSet, lang string) int {
	if lang != "vi" && lang != "en" {
		return badFlag(e, fs, "lang", lang, "the languages are vi (Vietnamese) and en (English)")
	}
	return -1
}

// langOf is the --lang of a command line, "vi" when it has none or one
// chiso does not speak (the flag set then says so).
func langOf(args []string) string {
	for i, a := range args {
		if a == "--" {
			break
		}
		switch {
		case (a == "--lang" || a == "-lang") && i+1 < len(args) && args[i+1] == "en":
			return "en"
		case a == "--lang=en" || a == "-lang=en":
			return "en"
		}
	}
	return "vi"
}

// takeOut removes --out FILE and --tesseract PATH from args (before any
// "--"): they are flags of every command, handled here — the command's
// standard output pointed at the file, the OCR engine named for any scan
// the command reads.
func takeOut(e *env, name string, args []string) (rest []string, out string, code int) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return append(rest, args[i:]...), out, -1
		}
		flag, value, hasValue := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-"), "=")
		if !strings.HasPrefix(a, "-") || flag != "out" && flag != "tesseract" {
			rest = append(rest, a)
			continue
		}
		if !hasValue {
			if i+1 >= len(args) {
				msg.Printer(e.lang).Fprintf(e.stderr, "chiso %s: --%s needs a value\n", name, flag)
				return nil, "", exitUsage
			}
			i++
			value = args[i]
		}
		if flag == "out" {
			out = value
		} else {
			ocr.SetPath(value)
		}
	}
	return rest, out, -1
}

// withOut runs f with the standard output written to the file out. The
// file is made only when f runs; an error closing it is an unread exit.
func withOut(e *env, out string, f func() int) int {
	file, err := os.Create(out)
	if err != nil {
		fail(e, err)
		return exitUnread
	}
	stdout := e.stdout
	e.stdout = file
	code := f()
	e.stdout = stdout
	if err := file.Close(); err != nil {
		fail(e, err)
		return exitUnread
	}
	if code == exitUsage {
		// The command did not run: leave no empty file behind.
		os.Remove(out)
	}
	return code
}

// fail writes err on stderr for a person, in the language of the line:
// a file that could not be read is named, then what kind of failure it
// is in the catalogue's words, then the reader's own detail.
func fail(e *env, err error) {
	fmt.Fprintf(e.stderr, "chiso: %s\n", printableError(errorText(e.lang, err), err))
}

// datasetKinds are the dataset's failures in the catalogue's words
// (package msg cannot name corpus's sentinels: corpus depends on it).
var datasetKinds = []struct {
	err  error
	text string
}{
	{corpus.ErrOldSchema, "the dataset was made by an older chiso: run chiso ingest on it once, with write access, to upgrade it"},
	{corpus.ErrNewSchema, "the dataset was made by a newer chiso: use that version or a later one"},
	{corpus.ErrNotDataset, "not a chiso dataset"},
	{corpus.ErrUnreachable, "the connection to the dataset's PostgreSQL server was lost: the reports stored before it are whole; run ingest again once the server answers"},
}

// errorText is err as fail writes it, without the "chiso: ".
func errorText(lang string, err error) string {
	kind := msg.Failure(lang, err)
	for _, k := range datasetKinds {
		if errors.Is(err, k.err) {
			kind = msg.String(lang, k.text)
		}
	}
	var pe *parse.Error
	if lang == "en" || kind == "" {
		return err.Error()
	}
	if errors.As(err, &pe) {
		return fmt.Sprintf("%s: %s (%v)", pe.Path, kind, pe.Err)
	}
	return fmt.Sprintf("%s (%v)", kind, err)
}
