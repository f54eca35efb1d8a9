package main

import (
	"flag"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"chiso/rubric"
)

func init() {
	register(command{name: "completion", summary: "print a script that completes chiso's commands and flags: bash or powershell", run: runCompletion})
}

// A completion script is generated from the flag sets the commands
// themselves make, so that it cannot fall behind them: each command is
// run with -h against a discarded output, and the flags it defined are
// read back (env.flagSets).

// commandFlags are the flags of each command, with their leading "--",
// sorted; --out, which every command takes, is among them.
func commandFlags() map[string][]string {
	out := map[string][]string{}
	for name, c := range commands {
		if name == "completion" {
			continue
		}
		probe := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard, lang: "en"}
		c.run(probe, []string{"-h"})
		if name == "score" || name == "audit" {
			c.run(probe, []string{"--db", "x", "-h"}) // score --db and audit --db have flags of their own
		}
		flags := []string{"--out"}
		for _, fs := range probe.flagSets {
			fs.VisitAll(func(f *flag.Flag) { flags = append(flags, "--"+f.Name) })
		}
		sort.Strings(flags)
		out[name] = slices.Compact(flags)
	}
	out["completion"] = []string{"--lang", "--out"}
	return out
}

// flagValues are the values a flag takes from a fixed list; the others
// (--db, --out, --unit, ...) complete as file names or not at all.
func flagValues() map[string][]string {
	ids := []string{"none"}
	if rs, err := rubric.All(); err == nil {
		for _, r := range rs {
			ids = append(ids, r.ID)
		}
	}
	return map[string][]string{
		"--lang":        {"vi", "en"},
		"--format":      {"csv", "xlsx", "json"},
		"--csv-profile": {"vi", "intl"},
		"--rubric":      ids,
	}
}

// shells are the shells completion writes a script for.
var shells = map[string]func(io.Writer, map[string][]string, map[string][]string){
	"bash":       bashCompletion,
	"powershell": powershellCompletion,
}

func runCompletion(e *env, args []string) int {
	fs := newFlags(e, "completion", "bash|powershell")
	if code := parseFlags(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() != 1 {
		return usageError(e, fs, "the shells are bash and powershell")
	}
	write, ok := shells[fs.Arg(0)]
	if !ok {
		return usageError(e, fs, "the shells are bash and powershell")
	}
	write(e.stdout, commandFlags(), flagValues())
	return exitOK
}

// sortedKeys are m's keys in order, so that a script is the same from
// run to run.
func sortedKeys(m map[string][]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// bashCompletion writes a bash completion function: the command first,
// then its flags after "-", a flag's values after it, and file names
// otherwise (complete -o default). Source it, or save it as
// /etc/bash_completion.d/chiso.
func bashCompletion(w io.Writer, flags, values map[string][]string) {
	fmt.Fprintf(w, "# bash completion for chiso: source <(chiso completion bash)\n_chiso() {\n")
	fmt.Fprintf(w, "\tlocal cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\" words=\"\"\n")
	fmt.Fprintf(w, "\tif [ \"$COMP_CWORD\" -eq 1 ]; then\n\t\tCOMPREPLY=($(compgen -W %q -- \"$cur\"))\n\t\treturn\n\tfi\n",
		strings.Join(append(sortedKeys(flags), "help"), " "))
	fmt.Fprintf(w, "\tcase \"${prev#-}\" in\n")
	for _, f := range sortedKeys(values) {
		fmt.Fprintf(w, "\t%s|%s) COMPREPLY=($(compgen -W %q -- \"$cur\")); return ;;\n", f[1:], f[2:], strings.Join(values[f], " "))
	}
	fmt.Fprintf(w, "\tesac\n\tcase \"${COMP_WORDS[1]}\" in\n")
	for _, c := range sortedKeys(flags) {
		fmt.Fprintf(w, "\t%s) words=%q ;;\n", c, strings.Join(flags[c], " "))
	}
	fmt.Fprintf(w, "\tesac\n")
	fmt.Fprintf(w, "\tif [ \"${COMP_WORDS[1]}\" = completion ]; then words=\"$words bash powershell\"; fi\n")
	fmt.Fprintf(w, "\tif [[ \"$cur\" == -* || \"${COMP_WORDS[1]}\" = completion ]]; then\n\t\tCOMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))\n\tfi\n}\n")
	fmt.Fprintf(w, "complete -o default -F _chiso chiso chiso.exe\n")
}

// powershellCompletion writes a PowerShell argument completer for chiso
// and chiso.exe: add `chiso completion powershell | Out-String |
// Invoke-Expression` to $PROFILE. Returning nothing leaves PowerShell to
// complete file names.
func powershellCompletion(w io.Writer, flags, values map[string][]string) {
	list := func(xs []string) string {
		q := make([]string, len(xs))
		for i, x := range xs {
			q[i] = "'" + strings.ReplaceAll(x, "'", "''") + "'"
		}
		return "@(" + strings.Join(q, ", ") + ")"
	}
	fmt.Fprintf(w, "# PowerShell completion for chiso: chiso completion powershell | Out-String | Invoke-Expression\n")
	fmt.Fprintf(w, "Register-ArgumentCompleter -Native -CommandName 'chiso', 'chiso.exe' -ScriptBlock {\n")
	fmt.Fprintf(w, "    param($wordToComplete, $commandAst, $cursorPosition)\n")
	fmt.Fprintf(w, "    $flags = @{\n")
	for _, c := range sortedKeys(flags) {
		fmt.Fprintf(w, "        '%s' = %s\n", c, list(flags[c]))
	}
	fmt.Fprintf(w, "    }\n    $values = @{\n")
	for _, f := range sortedKeys(values) {
		fmt.Fprintf(w, "        '%s' = %s\n", f, list(values[f]))
	}
	fmt.Fprintf(w, "    }\n")
	fmt.Fprintf(w, "    $words = @($commandAst.CommandElements | ForEach-Object { $_.ToString() })\n")
	fmt.Fprintf(w, "    if ($wordToComplete -ne '') { $words = $words[0..($words.Count - 2)] }\n")
	fmt.Fprintf(w, "    if ($words.Count -le 1) {\n        $candidates = %s\n", list(append(sortedKeys(flags), "help")))
	fmt.Fprintf(w, "    } else {\n")
	fmt.Fprintf(w, "        $prev = '--' + $words[-1].TrimStart('-')\n")
	fmt.Fprintf(w, "        if ($values.ContainsKey($prev)) { $candidates = $values[$prev] }\n")
	fmt.Fprintf(w, "        elseif ($words[1] -eq 'completion') { $candidates = @('bash', 'powershell') }\n")
	fmt.Fprintf(w, "        elseif ($wordToComplete.StartsWith('-')) { $candidates = $flags[$words[1]] }\n")
	fmt.Fprintf(w, "        else { return }\n")
	fmt.Fprintf(w, "    }\n")
	fmt.Fprintf(w, "    $candidates | Where-Object { $_ -like \"$wordToComplete*\" } | ForEach-Object {\n")
	fmt.Fprintf(w, "        [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)\n    }\n}\n")
}
