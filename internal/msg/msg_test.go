package msg

import (
	"strings"
	"testing"

	"chiso/report"
)

// TestTextEveryCode renders every code of the catalogue in both languages
// and checks that no message carries fmt's error marks: a text that names
// no number once came out as "…%!(EXTRA string=?, …)".
func TestTextEveryCode(t *testing.T) {
	r, c := 85.5, 82.267
	for lang, m := range findings {
		for code := range m {
			for _, f := range []report.Finding{{Code: code}, {Code: code, Reported: &r, Computed: &c, Formula: "a/b", Detail: "1234/1500"}} {
				got := Text(f, lang)
				if got == "" || strings.Contains(got, "%!") {
					t.Errorf("Text(%s, %s) = %q", code, lang, got)
				}
			}
		}
	}
}

// TestBasisEveryRule: every basis rule has its sentence in both languages,
// with as many verbs in each.
func TestBasisEveryRule(t *testing.T) {
	for rule, en := range bases["en"] {
		vi, ok := bases["vi"][rule]
		if !ok {
			t.Errorf("%s: no Vietnamese sentence", rule)
			continue
		}
		if strings.Count(en, "%s")+strings.Count(en, "%q") != strings.Count(vi, "%s")+strings.Count(vi, "%q") {
			t.Errorf("%s: %q and %q name different arguments", rule, en, vi)
		}
	}
	if len(bases["vi"]) != len(bases["en"]) {
		t.Errorf("%d Vietnamese sentences, %d English", len(bases["vi"]), len(bases["en"]))
	}
}

func TestBasis(t *testing.T) {
	parts := report.Basis{Rule: report.RuleParts, Args: []any{[]report.Basis{
		{Rule: report.RulePartRatio, Args: []any{"a/b", report.Ratio(0.5), 0.6}},
		{Rule: report.RulePartYes, Args: []any{"c", true, 0.4}},
	}, 10.0}}
	for _, tt := range []struct {
		b    report.Basis
		lang string
		want string
	}{
		{report.Basis{Rule: report.RuleRatio, Args: []any{report.Ratio(0.78231), 20.0}}, "en", "ratio 0.7823 × 20"},
		{report.Basis{Rule: report.RuleLevel, Args: []any{report.Level("head"), 1.0, 5.0}}, "vi", "người đứng đầu: 1 × 5"},
		{report.Basis{Rule: report.RuleLevel, Args: []any{report.Level("head"), 1.0, 5.0}}, "en", "head: 1 × 5"},
		{parts, "vi", "các phần: (a/b 0,5000 × 0,6 + c có × 0,4) × 10"},
		{report.Basis{Rule: report.RuleMinMax, Args: []any{1234.5, 24, 2.0, 12.0}}, "vi", "Min-Max: 1.234,5 trong 24 đơn vị (thấp nhất 2, cao nhất 12)"},
		{report.Basis{Rule: report.RuleYears, Args: []any{report.Basis{Rule: report.RuleGrowthMet, Args: []any{12.5, 10.0}}, 2024, 9.0, 2023, 8.0}}, "en",
			"growth 12.5% ≥ 10%: maximum (2024: 9, 2023: 8)"},
		{report.Basis{Rule: report.RuleUnread, Args: []any{"đang xây dựng"}}, "en", `value "đang xây dựng" not usable by this method: default 0`},
		{report.Basis{Rule: report.RuleNoData}, "fr", "không có số liệu: mặc định 0"},
	} {
		if got := Basis(tt.b, tt.lang); got != tt.want {
			t.Errorf("Basis(%v, %s) = %q, want %q", tt.b, tt.lang, got, tt.want)
		}
	}
}

// TestNumber: Vietnamese groups thousands with a dot and starts the
// decimals with a comma; English the other way round. An auditor who
// read "15.351%" in a Vietnamese message read fifteen thousand.
func TestNumber(t *testing.T) {
	tests := []struct {
		lang   string
		x      float64
		digits int
		want   string
	}{
		{"vi", 15.3507, 3, "15,351"},
		{"vi", 11781, 3, "11.781"},
		{"vi", 456.3785, 2, "456,38"},
		{"vi", -0.0001, 2, "0"},
		{"vi", 1234567.5, 1, "1.234.567,5"},
		{"en", 11781, 3, "11,781"},
		{"en", 82.267, 2, "82.27"},
		{"fr", 82.267, 2, "82,27"}, // a language chiso does not speak reads as vi
	}
	for _, tt := range tests {
		if got := Number(tt.lang, tt.x, tt.digits); got != tt.want {
			t.Errorf("Number(%s, %v, %d) = %q, want %q", tt.lang, tt.x, tt.digits, got, tt.want)
		}
	}
	if got := Numbers("vi", "11781/15060 = 78.227"); got != "11.781/15.060 = 78,227" {
		t.Errorf("Numbers = %q", got)
	}
	r, c := 85.5, 82.267
	f := report.Finding{Code: report.CodeRateMismatch, Reported: &r, Computed: &c, Formula: "a/b", Detail: "1234/1500"}
	if got := Text(f, "vi"); got != "tỷ lệ báo cáo 85,5% nhưng a/b = 1.234/1.500 = 82,267%" {
		t.Errorf("Text vi = %q", got)
	}
	if got := Text(f, "en"); got != "reported 85.5% but a/b = 1,234/1,500 = 82.267%" {
		t.Errorf("Text en = %q", got)
	}
}

// TestCodeEveryCode: every code with a message has its short Vietnamese
// name for a spreadsheet cell, and English keeps the code.
func TestCodeEveryCode(t *testing.T) {
	for code := range findings["vi"] {
		if strings.Contains(string(code), "/") {
			continue // a variant of a code's message ("appraisal_gap/unit")
		}
		if w := Code("vi", code); w == string(code) || w == "" {
			t.Errorf("Code(vi, %s) = %q: no Vietnamese name", code, w)
		}
		if w := Code("en", code); w != string(code) {
			t.Errorf("Code(en, %s) = %q, want the code", code, w)
		}
	}
}
