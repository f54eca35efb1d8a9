package serve

import (
	"context"
	"flag"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"chiso"
	"chiso/internal/material"
)

var screenshots = flag.String("screenshots", "", "folder the browser test writes its screenshots to (default: the test's temporary folder)")

// chromium finds the browser: skipped outside CI when there is none,
// failed in CI, which installs it.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if material.InCI() {
		t.Fatal("no chromium on PATH: .ci/run installs it")
	}
	t.Skip("no chromium on PATH")
	return ""
}

// TestBrowser drives a real browser (Debian's chromium, headless) through
// the pages as an officer would: it picks a report in the upload form and
// sends it, finds the finding's row highlighted with the value outlined
// and the message under it, opens a unit's chart and counts its points,
// switches the language, and screenshots each page.
func TestBrowser(t *testing.T) {
	exe := chromium(t)
	r := district(t)
	s := dataset(t, r)
	ts := httptest.NewServer(New(s, r).Handler())
	defer ts.Close()
	dir := *screenshots
	if dir == "" {
		dir = t.TempDir()
	}

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.NoSandbox,
		chromedp.WindowSize(1100, 900), chromedp.Flag("lang", "vi-VN"))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()

	// What the page must show comes from the pipeline: the first error on
	// a row of the fixture, its message and the value it names.
	name := "seed000.html"
	fixture, err := filepath.Abs(filepath.Join(fixtures, name))
	if err != nil {
		t.Fatal(err)
	}
	res, err := chiso.Process(context.Background(), name, readFixture(t, name), chiso.Options{Rubric: r})
	if err != nil {
		t.Fatal(err)
	}
	var rowID, wantMessage, wantValue string
	for _, f := range res.Findings() {
		if f.Severity == "error" && f.Location.Row > 0 {
			rowID, wantMessage = anchor(f.Location.Block, f.Location.Row), f.Message
			for _, ind := range res.Report.Indicators {
				if ind.Location == f.Location {
					wantValue = strings.TrimSpace(ind.Raw)
				}
			}
			break
		}
	}
	if rowID == "" || wantValue == "" {
		t.Fatal("the fixture has no error on a row with a value: the test proves nothing")
	}

	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("%s: %v", sel, err)
		}
		return s
	}
	shoot := func(name string) {
		t.Helper()
		b, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		save(t, dir, name, b)
	}

	do("upload",
		chromedp.Navigate(ts.URL+"/"),
		chromedp.SetUploadFiles(chromedp.CSS(`input[type=file]`), []string{fixture}),
		chromedp.Click(chromedp.CSS(`button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`table.source`)),
	)
	marked := text("#" + rowID + `.error td.marked`)
	notes := text("#" + rowID + ` + tr.notes`)
	do("scroll", chromedp.ScrollIntoView(chromedp.CSS("#"+rowID)))
	shoot("report.png")
	if strings.TrimSpace(marked) != wantValue {
		t.Errorf("row %s: outlined cell %q, want the value %q", rowID, marked, wantValue)
	}
	if !strings.Contains(notes, wantMessage) {
		t.Errorf("row %s: notes %q, want the message %q", rowID, notes, wantMessage)
	}

	// A unit's history: one point per period with a value.
	unit, want := "", 0
	for _, u := range []string{"Quận 1", "Quận Bình Thạnh", "Quận 3"} {
		pts, err := s.History(context.Background(), u, "")
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, p := range pts {
			if p.Value != nil {
				n++
			}
		}
		if n > want {
			unit, want = u, n
		}
	}
	if unit == "" {
		t.Fatal("no unit of the dataset has a value: the test proves nothing")
	}
	do("unit page",
		chromedp.Navigate(ts.URL+"/unit?"+url.Values{"name": {unit}}.Encode()),
		chromedp.WaitVisible(chromedp.CSS(`svg.chart`)),
	)
	points, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("svg.chart circle.point").length`))
	if err != nil {
		t.Fatal(err)
	}
	// The screenshot shows the indicator with the most periods.
	do("scroll", chromedp.ScrollIntoView(chromedp.CSS(`[id="i6.3"]`)))
	shoot("unit.png")
	if points != want {
		t.Errorf("unit %s: %d points drawn, want %d", unit, points, want)
	}

	// The language switch, kept for the next page.
	do("switch", chromedp.Click(chromedp.CSS(`a.lang`)), chromedp.WaitVisible(chromedp.CSS(`svg.chart`)))
	lang, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.lang`))
	if err != nil {
		t.Fatal(err)
	}
	do("home", chromedp.Navigate(ts.URL+"/"))
	h1 := text("h1")
	shoot("home-en.png")
	if lang != "en" || h1 != "Check reports" {
		t.Errorf("after the switch: lang %q, heading %q; want en, Check reports", lang, h1)
	}
}

func save(t *testing.T, dir, name string, png []byte) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot %s", filepath.Join(dir, name))
}
