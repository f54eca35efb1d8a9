package main

import (
	"encoding/json"
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"chiso/internal/msg"
	"chiso/parse/ocr"
)

func init() {
	register(command{name: "version", summary: "print chiso's version and what it was built with", run: runVersion})
}

// version is what `chiso version` says: the module's version and the
// commit it was built from, as the Go toolchain stamped them, so that an
// officer can say which chiso.exe gave a result.
type version struct {
	Version  string `json:"version"`            // "(devel)" for a build from a work tree
	Commit   string `json:"commit,omitempty"`   // vcs.revision
	Time     string `json:"time,omitempty"`     // vcs.time, the commit's time
	Modified bool   `json:"modified,omitempty"` // built with uncommitted changes
	Go       string `json:"go"`
	Platform string `json:"platform"` // GOOS/GOARCH
	// Tesseract is the OCR engine's version and the languages it reads,
	// as found at run time ("5.3.0 vie+eng"); empty when it is absent.
	Tesseract string `json:"tesseract,omitempty"`
}

// stamped is a version set at link time, for a release built from a
// source archive, which has no VCS to stamp:
// go build -ldflags "-X main.stamped=v1.1.0" ./cmd/chiso
var stamped string

// buildVersion reads the version from the binary's build information.
func buildVersion() version {
	v := version{Version: "(devel)", Go: runtime.Version(), Platform: runtime.GOOS + "/" + runtime.GOARCH}
	info, ok := debug.ReadBuildInfo()
	if ok && info.Main.Version != "" {
		v.Version = info.Main.Version
	}
	if stamped != "" {
		v.Version = stamped
	}
	if !ok {
		return v
	}
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			v.Commit = s.Value
		case "vcs.time":
			v.Time = s.Value
		case "vcs.modified":
			v.Modified = s.Value == "true"
		}
	}
	return v
}

// runVersion is `chiso version` and `chiso --version`.
func runVersion(e *env, args []string) int {
	fs := newFlags(e, "version", "[--json]")
	asJSON := fs.Bool("json", false, "print JSON Lines")
	if code := parseFlags(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() != 0 {
		return usageError(e, fs, "version takes no file")
	}
	v := buildVersion()
	if t, err := ocr.Find(); err == nil {
		v.Tesseract = strings.TrimSpace(t.Version + " " + t.Lang())
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			fail(e, err)
			return exitUnread
		}
		return exitOK
	}
	line := "chiso " + v.Version
	if v.Commit != "" {
		commit := v.Commit[:min(len(v.Commit), 12)]
		if v.Modified {
			commit += "+"
		}
		line += " (" + strings.TrimSpace(commit+" "+v.Time) + ")"
	}
	fmt.Fprintln(e.stdout, line)
	p := msg.Printer(e.lang)
	p.Fprintf(e.stdout, "built with %s for %s\n", v.Go, v.Platform)
	if v.Tesseract != "" {
		p.Fprintf(e.stdout, "scans read with Tesseract %s\n", v.Tesseract)
	} else {
		p.Fprintf(e.stdout, "scans cannot be read: Tesseract is not installed\n")
	}
	return exitOK
}
