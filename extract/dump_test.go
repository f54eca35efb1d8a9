package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

func TestDump(t *testing.T) {
	p := os.Getenv("DUMP")
	if p == "" {
		t.Skip()
	}
	files, _ := filepath.Glob(p)
	for _, f := range files {
		rep := Extract(loadText(t, f), Options{Lang: os.Getenv("DUMPLANG")})
		e := json.NewEncoder(os.Stdout)
		e.SetEscapeHTML(false)
		e.SetIndent("", " ")
		e.Encode(rep)
	}
}

func TestDumpProse(t *testing.T) {
	p := os.Getenv("DUMPPROSE")
	if p == "" {
		t.Skip()
	}
	d := loadText(t, p)
	conv := documentConvention(d)
	check := func(s string) {
		for _, pr := range proseRates(s, conv) {
			c := 100 * pr.x / pr.y
			t.Logf("%v/%v = %.4f vs %v (%d) holds=%v | %s", pr.x, pr.y, c, pr.z, pr.decimals, holds(pr.z, c, pr.decimals), pr.text)
		}
	}
	for _, b := range d.Blocks {
		if b.Table != nil {
			for _, r := range b.Table.Rows {
				for _, c := range r {
					check(c.Text)
				}
			}
		}
		check(b.Text)
	}
}
