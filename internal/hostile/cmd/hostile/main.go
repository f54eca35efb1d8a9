// Command hostile writes chiso's hostile corpus (package
// chiso/internal/hostile) to a folder and runs a chiso binary over it,
// one child process a file, recording what each cost and how it ended:
//
//	hostile -write DIR [-seed N]
//	hostile -run -chiso BIN -dir DIR [-j N] [-wall 60s] [-timeout 30s]
//	hostile -exec [-wall D] -- COMMAND ARGS...
//
// -run prints, per class, the files, those read (exit 0 or 1), the clean
// errors (exit 3 without a trace), the panics (a goroutine trace on
// stderr, recovered or not), the fatal errors (the runtime's "fatal
// error:"), the timeouts (killed at the wall time), those over the RSS
// bound, and the largest RSS; then every bad file and the slowest. It
// exits 1 when any file is bad. -exec runs one command the same way (the
// bulk ingest) and prints its exit code, time and peak RSS.
//
// The script scripts/hostile.sh drives the three.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"chiso/internal/hostile"
)

func main() {
	write := flag.String("write", "", "write the corpus into this folder")
	seed := flag.Int64("seed", 1, "seed of the corpus's mutations")
	run := flag.Bool("run", false, "run chiso over the corpus in -dir")
	execute := flag.Bool("exec", false, "run the command after -- and report its time and peak RSS")
	bin := flag.String("chiso", "chiso", "the chiso binary")
	dir := flag.String("dir", "", "the corpus folder (as -write made it)")
	jobs := flag.Int("j", runtime.NumCPU(), "files run at once")
	wall := flag.Duration("wall", 60*time.Second, "kill a child after this long")
	timeout := flag.Duration("timeout", 30*time.Second, "chiso's own --timeout")
	rssMB := flag.Int64("rss", 512, "peak RSS above which a file is bad, in MB")
	also := flag.String("also", "", "a second chiso command run on each file too (parse)")
	flag.Parse()
	switch {
	case *write != "":
		if err := writeCorpus(*write, *seed); err != nil {
			fmt.Fprintln(os.Stderr, "hostile:", err)
			os.Exit(1)
		}
	case *run:
		if *dir == "" {
			fmt.Fprintln(os.Stderr, "hostile: -run needs -dir")
			os.Exit(2)
		}
		cmds := [][]string{{"extract", "--json", "--timeout", timeout.String()}}
		if *also != "" {
			cmds = append(cmds, []string{*also, "--json", "--timeout", timeout.String()})
		}
		if !runCorpus(*bin, *dir, cmds, *jobs, *wall, *rssMB<<10) {
			os.Exit(1)
		}
	case *execute:
		r := runChild(flag.Args(), *wall, os.Stdout)
		fmt.Fprintf(os.Stderr, "exit %d, %s, peak RSS %d MB, timed out %v, panic %v, fatal %v\n",
			r.exit, r.elapsed.Round(time.Millisecond), r.maxRSS>>10, r.timedOut, r.panicked, r.fatal)
		if r.exit != 0 || r.panicked || r.fatal || r.timedOut || r.maxRSS > *rssMB<<10 {
			os.Exit(1)
		}
	default:
		flag.Usage()
		os.Exit(2)
	}
}

// writeCorpus writes every file of the corpus and manifest.tsv, the
// class of each.
func writeCorpus(dir string, seed int64) error {
	files := hostile.Corpus(seed)
	m, err := os.Create(filepath.Join(dir, "manifest.tsv"))
	if err != nil {
		return err
	}
	defer m.Close()
	w := bufio.NewWriter(m)
	for i := range files {
		if _, err := hostile.WriteFile(dir, &files[i]); err != nil {
			return fmt.Errorf("%s: %v", files[i].Name, err)
		}
		fmt.Fprintf(w, "%s\t%s\n", files[i].Name, files[i].Class)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "hostile: %d files in %s\n", len(files), dir)
	return nil
}

// result is how one child ended.
type result struct {
	name, class, cmd string
	exit             int
	elapsed          time.Duration
	maxRSS           int64 // KB
	timedOut         bool
	panicked, fatal  bool
	firstLine        string // of stderr, for the list of bad files
}

func (r *result) bad(rssKB int64) bool {
	return r.panicked || r.fatal || r.timedOut || r.maxRSS > rssKB || r.exit != 0 && r.exit != 1 && r.exit != 3
}

// runCorpus runs each command on each file of the manifest, jobs at a
// time, and prints the counts; it reports whether no file was bad.
func runCorpus(bin, dir string, cmds [][]string, jobs int, wall time.Duration, rssKB int64) bool {
	type entry struct{ name, class string }
	var entries []entry
	m, err := os.ReadFile(filepath.Join(dir, "manifest.tsv"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "hostile:", err)
		return false
	}
	for _, line := range strings.Split(strings.TrimSpace(string(m)), "\n") {
		name, class, _ := strings.Cut(line, "\t")
		entries = append(entries, entry{name, class})
	}
	work := make(chan int)
	results := make([]result, len(entries)*len(cmds))
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	start := time.Now()
	for range jobs {
		wg.Go(func() {
			for i := range work {
				e := entries[i/len(cmds)]
				c := cmds[i%len(cmds)]
				args := append([]string{bin}, c...)
				args = append(args, filepath.Join(dir, filepath.FromSlash(e.name)))
				r := runChild(args, wall, nil)
				r.name, r.class, r.cmd = e.name, e.class, c[0]
				results[i] = r
				mu.Lock()
				done++
				if done%200 == 0 {
					fmt.Fprintf(os.Stderr, "hostile: %d/%d runs, %s\n", done, len(results), time.Since(start).Round(time.Second))
				}
				mu.Unlock()
			}
		})
	}
	for i := range results {
		work <- i
	}
	close(work)
	wg.Wait()
	return report(results, rssKB, time.Since(start))
}

// report prints the counts per class and command, the bad files and the
// slowest, and says whether none was bad.
func report(results []result, rssKB int64, elapsed time.Duration) bool {
	type counts struct {
		files, ok, clean, panics, fatal, timeouts, overRSS, other int
		maxRSS                                                    int64
		slowest                                                   time.Duration
	}
	byClass := map[string]*counts{}
	var total counts
	add := func(c *counts, r *result) {
		c.files++
		switch {
		case r.fatal:
			c.fatal++
		case r.panicked:
			c.panics++
		case r.timedOut:
			c.timeouts++
		case r.exit == 0 || r.exit == 1:
			c.ok++
		case r.exit == 3:
			c.clean++
		default:
			c.other++
		}
		if r.maxRSS > rssKB {
			c.overRSS++
		}
		c.maxRSS = max(c.maxRSS, r.maxRSS)
		c.slowest = max(c.slowest, r.elapsed)
	}
	for i := range results {
		r := &results[i]
		key := r.cmd + " " + r.class
		if byClass[key] == nil {
			byClass[key] = &counts{}
		}
		add(byClass[key], r)
		add(&total, r)
	}
	keys := make([]string, 0, len(byClass))
	for k := range byClass {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 1, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "command class\tfiles\tok\tclean err\tpanic\tfatal\ttimeout\tRSS>bound\tother exit\tmax RSS MB\tslowest s\t")
	line := func(k string, c *counts) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%.1f\t\n", k, c.files, c.ok, c.clean, c.panics, c.fatal,
			c.timeouts, c.overRSS, c.other, c.maxRSS>>10, c.slowest.Seconds())
	}
	for _, k := range keys {
		line(k, byClass[k])
	}
	line("TOTAL", &total)
	tw.Flush()
	fmt.Printf("\n%d runs in %s\n", len(results), elapsed.Round(time.Second))
	ok := true
	for i := range results {
		if r := &results[i]; r.bad(rssKB) {
			if ok {
				fmt.Println("\nbad files:")
			}
			ok = false
			fmt.Printf("  %s %s: exit %d, %.1fs, %d MB, timeout %v, panic %v, fatal %v: %s\n", r.cmd, r.name, r.exit,
				r.elapsed.Seconds(), r.maxRSS>>10, r.timedOut, r.panicked, r.fatal, r.firstLine)
		}
	}
	sort.Slice(results, func(i, j int) bool { return results[i].elapsed > results[j].elapsed })
	fmt.Println("\nslowest:")
	for _, r := range results[:min(12, len(results))] {
		fmt.Printf("  %5.1fs %5d MB exit %d %s %s\n", r.elapsed.Seconds(), r.maxRSS>>10, r.exit, r.cmd, r.name)
	}
	sort.Slice(results, func(i, j int) bool { return results[i].maxRSS > results[j].maxRSS })
	fmt.Println("\nlargest RSS:")
	for _, r := range results[:min(12, len(results))] {
		fmt.Printf("  %5d MB %5.1fs exit %d %s %s\n", r.maxRSS>>10, r.elapsed.Seconds(), r.exit, r.cmd, r.name)
	}
	return ok
}
