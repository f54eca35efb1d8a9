package rubric

import (
	"errors"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func TestBuiltinTotals(t *testing.T) {
	tests := []struct {
		id           string
		groups, inds int
		max          float64
		groupMax     []float64
		groupCounts  []int
		minMaxIDs    []string
		growthIDs    []string
	}{
		{"hcm-dti-2023-district", 9, 51, 660,
			[]float64{60, 50, 70, 60, 35, 185, 90, 90, 20},
			[]int{5, 6, 4, 7, 4, 16, 3, 5, 1},
			[]string{"5.1"}, []string{"6.13"}},
		{"hcm-dti-2023-department", 6, 32, 330,
			[]float64{40, 25, 70, 30, 35, 130},
			[]int{4, 3, 4, 3, 4, 14},
			[]string{"4.1", "5.1"}, []string{"6.13"}},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			r, err := Builtin(tt.id)
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Groups) != tt.groups || len(r.Indicators) != tt.inds || r.Max != tt.max {
				t.Errorf("got %d groups, %d indicators, max %v; want %d, %d, %v", len(r.Groups), len(r.Indicators), r.Max, tt.groups, tt.inds, tt.max)
			}
			for i, g := range r.Groups {
				sum, n := 0.0, 0
				for _, ind := range r.Indicators {
					if ind.Group == g.ID {
						sum += ind.Max
						n++
					}
				}
				if sum != tt.groupMax[i] || n != tt.groupCounts[i] {
					t.Errorf("group %s: %v points in %d indicators, the decision's summary says %v in %d", g.ID, sum, n, tt.groupMax[i], tt.groupCounts[i])
				}
			}
			var minMax, growth []string
			for _, ind := range r.Indicators {
				switch ind.Method.Kind {
				case MinMax:
					minMax = append(minMax, ind.ID)
				case Growth:
					growth = append(growth, ind.ID)
				}
			}
			if strings.Join(minMax, " ") != strings.Join(tt.minMaxIDs, " ") || strings.Join(growth, " ") != strings.Join(tt.growthIDs, " ") {
				t.Errorf("min-max %v, growth %v; want %v, %v", minMax, growth, tt.minMaxIDs, tt.growthIDs)
			}
		})
	}
}

// decisionRow is an indicator as seed 003 (the decision's text) writes it.
type decisionRow struct {
	id, label string
	max       float64
}

// readDecision reads the scored rows of one appendix of the decision from
// testdata/seed003_decision79.txt, where each cell is a line ending in " |".
// The appendix runs from the line starting with start to the one starting
// with end; scored rows follow the "Chỉ số đánh giá" row.
func readDecision(t *testing.T, start, end string) (groups, inds []decisionRow) {
	t.Helper()
	b, err := os.ReadFile("testdata/seed003_decision79.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	i := strings.Index(text, start)
	j := strings.Index(text[i:], end)
	if i < 0 || j < 0 {
		t.Fatalf("appendix %q not found", start)
	}
	var cells []string
	for _, line := range strings.Split(text[i:i+j], "\n") {
		cells = append(cells, strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(line), "|")))
	}
	groupRE := regexp.MustCompile(`^\d+$`)
	indRE := regexp.MustCompile(`^\d+\.\d+$`)
	scored := false
	for k := 0; k+2 < len(cells); k++ {
		if strings.EqualFold(cells[k+1], "chỉ số đánh giá") {
			scored = true
			continue
		}
		if !scored {
			continue
		}
		max, err := strconv.ParseFloat(cells[k+2], 64)
		if err != nil || k+3 >= len(cells) {
			continue
		}
		switch {
		case groupRE.MatchString(cells[k]) && cells[k+3] == "":
			groups = append(groups, decisionRow{cells[k], cells[k+1], max})
			k += 3
		case indRE.MatchString(cells[k]):
			inds = append(inds, decisionRow{cells[k], cells[k+1], max})
			k += 3
		}
	}
	return groups, inds
}

// TestTranscription checks every group and indicator of the shipped rubrics
// against the decision's own text: same ids, labels and maximum points.
func TestTranscription(t *testing.T) {
	tests := []struct{ id, start, end string }{
		{"hcm-dti-2023-department", "BỘ CHỈ SỐ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ CÁC SỞ,", "BỘ CHỈ SỐ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ CÁC QUẬN,"},
		{"hcm-dti-2023-district", "BỘ CHỈ SỐ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ CÁC QUẬN,", "CÁC ĐƠN VỊ CUNG CẤP THÔNG TIN"},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			r, err := Builtin(tt.id)
			if err != nil {
				t.Fatal(err)
			}
			groups, inds := readDecision(t, tt.start, tt.end)
			if len(groups) != len(r.Groups) || len(inds) != len(r.Indicators) {
				t.Fatalf("decision has %d groups and %d indicators, rubric %d and %d", len(groups), len(inds), len(r.Groups), len(r.Indicators))
			}
			for i, g := range groups {
				if got := r.Groups[i]; got.ID != g.id || got.Label != g.label || got.Max != g.max {
					t.Errorf("group %d: rubric %s %q %v, decision %s %q %v", i, got.ID, got.Label, got.Max, g.id, g.label, g.max)
				}
			}
			for i, d := range inds {
				if got := r.Indicators[i]; got.ID != d.id || got.Label != d.label || got.Max != d.max {
					t.Errorf("indicator %d: rubric %s %q %v\n\tdecision %s %q %v", i, got.ID, got.Label, got.Max, d.id, d.label, d.max)
				}
			}
		})
	}
}

func TestLoadRefusesBadFiles(t *testing.T) {
	good, err := builtin.ReadFile("data/hcm-dti-2023-department.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, old, new string
		field, reason  string
	}{
		{"threshold missing", "{kind: threshold, threshold: 80}\n    text: \"Trên 80%: đạt điểm tối đa <80%: 0 điểm\"\n  - id: \"3.2\"",
			"{kind: threshold}\n    text: \"x\"\n  - id: \"3.2\"", "indicators[7].method.threshold", "percentage"},
		{"group sum", "{id: \"1\", label: Nhận thức số, max: 40, count: 4}", "{id: \"1\", label: Nhận thức số, max: 45, count: 4}", "max", "add up to 335"},
		{"indicator max", "    group: \"2\"\n    max: 5\n", "    group: \"2\"\n    max: 6\n", "groups[1].max", "add up to 26"},
		{"duplicate id", "  - id: \"2.2\"", "  - id: \"2.1\"", "indicators[5].id", "duplicate"},
		{"unknown kind", "kind: leader", "kind: boss", "indicators[0].method.kind", "unknown kind"},
		{"undeclared input", "formula: (c+d)/(a+b)", "formula: (c+d)/(a+z)", "indicators[20].formula", `"z" is not declared`},
		{"parts share", "{input: b, share: 0.2,", "{input: b, share: 0.3,", "indicators[18].method.parts", "add up to 1.1"},
		{"levels", "levels: {head: 1, deputy: 0.5, other: 0}", "levels: {head: 1, other: 0}", "indicators[0].method.levels.deputy", "missing"},
		{"misspelt key", "kind: ratio_cap, target: 90}", "kind: ratio_cap, taget: 90}", "", "field taget not found"},
		{"group count", "{id: \"6\", label: Hoạt động chuyển đổi số, max: 130, count: 14}", "{id: \"6\", label: Hoạt động chuyển đổi số, max: 130, count: 15}", "groups[5].count", "states 15 indicators but has 14"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(string(good), tt.old) {
				t.Fatalf("test setup: %q not in the file", tt.old)
			}
			bad := strings.Replace(string(good), tt.old, tt.new, 1)
			_, err := Parse([]byte(bad), "bad.yaml")
			var le *LoadError
			if !errors.As(err, &le) {
				t.Fatalf("got %v, want a *LoadError", err)
			}
			if le.File != "bad.yaml" || le.Field != tt.field || !strings.Contains(le.Reason, tt.reason) {
				t.Errorf("got %v; want field %q and a reason with %q", err, tt.field, tt.reason)
			}
		})
	}
}

func TestOpen(t *testing.T) {
	if _, err := Open("hcm-dti-2023-district"); err != nil {
		t.Error(err)
	}
	if _, err := Open("data/hcm-dti-2023-department.yaml"); err != nil {
		t.Error(err)
	}
	if _, err := Open("no-such-rubric"); err == nil || !strings.Contains(err.Error(), "hcm-dti-2023-district") {
		t.Errorf("got %v, want an error listing the known rubrics", err)
	}
}

// TestCumulative: the cumulative key is read where a rubric has it, for
// indicators and information items, and unknown where it has not.
func TestCumulative(t *testing.T) {
	b, err := builtin.ReadFile("data/hcm-dti-2023-district.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(b), `  - id: "6.3"`+"\n", `  - id: "6.3"`+"\n    cumulative: true\n", 1)
	s = strings.Replace(s, `{id: I.1.14, label: "Số lượng hệ thống thông tin"}`, `{id: I.1.14, label: "Số lượng hệ thống thông tin", cumulative: false}`, 1)
	r, err := Parse([]byte(s), "cumulative.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		id         string
		cum, known bool
	}{{"6.3", true, true}, {"I.1.14", false, true}, {"6.4", false, false}, {"nowhere", false, false}} {
		if cum, known := r.Cumulative(tt.id); cum != tt.cum || known != tt.known {
			t.Errorf("Cumulative(%s) = %v, %v; want %v, %v", tt.id, cum, known, tt.cum, tt.known)
		}
	}
	if _, known := district(t).Cumulative("6.3"); known {
		t.Error("the embedded rubric says 6.3 is cumulative or not: Decision 79 does not")
	}
}
