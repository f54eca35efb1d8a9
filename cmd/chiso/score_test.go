package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chiso/internal/contract"
	"chiso/report"
)

const filledSheet = "../../golden/testdata/seed004_filled.txt"

func runCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(&env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}, args)
	return code, out.String(), errb.String()
}

func TestScoreJSON(t *testing.T) {
	code, out, stderr := runCmd(t, "score", "--json", "--lang", "en", "--rubric", "hcm-dti-2023-district", filledSheet)
	// 4.7's self-score 6 is above its maximum 5: score_over_max, an error.
	if code != exitFindings {
		t.Errorf("exit %d, want %d; stderr %s", code, exitFindings, stderr)
	}
	var got contract.Score
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	if got.Schema != "chiso/v1" || got.Rubric.ID != "hcm-dti-2023-district" || got.Rubric.Max != 660 || got.Error != nil {
		t.Errorf("header %+v %+v %v", got.Schema, got.Rubric, got.Error)
	}
	if got.Total != 456.3785 || got.SelfTotal == nil || *got.SelfTotal != 534.38 {
		t.Errorf("total %v self %v, want 456.3785 and 534.38", got.Total, got.SelfTotal)
	}
	if len(got.Groups) != 9 || len(got.Indicators) != 51 {
		t.Fatalf("%d groups, %d indicators", len(got.Groups), len(got.Indicators))
	}
	ind := got.Indicators[1] // 1.2: 75% of 10
	if ind.ID != "1.2" || ind.Points == nil || *ind.Points != 7.5 || ind.SelfPoints == nil || *ind.SelfPoints != 10 ||
		ind.Basis != "ratio 0.7500 × 10" || ind.Raw != "75%" {
		t.Errorf("1.2: %+v", ind)
	}
	if p := got.Indicators[22]; p.ID != "5.1" || p.Points != nil || p.Need != "cohort" || p.Measure == nil || *p.Measure != 7 {
		t.Errorf("5.1: %+v, want no points, need cohort, measure 7", p)
	}
	counts := map[report.Code]int{}
	for _, f := range got.Findings {
		counts[f.Code]++
	}
	if counts["self_score_mismatch"] != 11 || counts["score_over_max"] != 1 || counts["rubric_missing"] != 0 {
		t.Errorf("findings %v", counts)
	}
	// The raw JSON has the contract's field names.
	for _, key := range []string{`"self_total":`, `"groups":[{"id":"1","label":"Nhận thức số","max":60,"points":50.5}`, `"self_points":10,"basis":`, `"inputs":{}`} {
		if !strings.Contains(out, key) {
			t.Errorf("output lacks %s", key)
		}
	}
}

func TestScoreText(t *testing.T) {
	code, out, _ := runCmd(t, "score", "--rubric", "hcm-dti-2023-district", filledSheet)
	if code != exitFindings {
		t.Errorf("exit %d", code)
	}
	for _, want := range []string{"tổng điểm: 456,38 / 660", "tự chấm: 534,38", "1     Nhận thức số", "tỷ lệ 0,7500 × 10", "self_score_mismatch"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestScoreUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"score", filledSheet}, exitUsage, "cách dùng: chiso score"},
		{[]string{"score", filledSheet, "--lang", "en"}, exitUsage, "usage: chiso score"},
		{[]string{"score", "--rubric", "hcm-dti-2023-district"}, exitUsage, "cách dùng"},
		{[]string{"score", "--rubric", "nope", filledSheet}, exitUsage, "hcm-dti-2023-department"},
		{[]string{"score", "--lang", "fr", "--rubric", "hcm-dti-2023-district", filledSheet}, exitUsage, "--lang fr: các ngôn ngữ là vi"},
		{[]string{"score", "--rubric", "hcm-dti-2023-district", "no/such/file.docx"}, exitUnread, "no/such/file.docx"},
	}
	for _, tt := range tests {
		code, _, stderr := runCmd(t, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.msg) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tt.args, code, stderr, tt.code, tt.msg)
		}
	}
}

func TestRubrics(t *testing.T) {
	code, out, _ := runCmd(t, "rubrics")
	if code != exitOK || !strings.Contains(out, "hcm-dti-2023-department     330 điểm  32 chỉ số") ||
		!strings.Contains(out, "hcm-dti-2023-district       660 điểm  51 chỉ số") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	code, out, _ = runCmd(t, "rubrics", "--lang", "en")
	if code != exitOK || !strings.Contains(out, "hcm-dti-2023-district       660 points  51 indicators") {
		t.Errorf("--lang en: exit %d:\n%s", code, out)
	}
	code, out, _ = runCmd(t, "rubrics", "--json")
	var line rubricLine
	if err := json.Unmarshal([]byte(strings.Split(out, "\n")[1]), &line); err != nil || code != exitOK ||
		line.ID != "hcm-dti-2023-district" || line.Max != 660 || line.Indicators != 51 || line.Groups != 9 {
		t.Errorf("exit %d, %+v, %v", code, line, err)
	}
	code, out, _ = runCmd(t, "rubrics", "hcm-dti-2023-district")
	if code != exitOK || !strings.Contains(out, "6.3   Tỷ lệ hồ sơ xử lý trực tuyến") || !strings.Contains(out, "ratio_cap (b+c)/a") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

// TestScoreRubricFile: --rubric takes a YAML file as well as an id, and a
// bad file is refused with the file, the field and the reason.
func TestScoreRubricFile(t *testing.T) {
	good, err := os.ReadFile("../../rubric/data/hcm-dti-2023-district.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	goodFile, badFile := filepath.Join(dir, "good.yaml"), filepath.Join(dir, "bad.yaml")
	bad := strings.Replace(string(good), "{kind: threshold, threshold: 80}", "{kind: threshold, threshold: 0}", 1)
	if err := os.WriteFile(goodFile, good, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(badFile, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := runCmd(t, "score", "--json", "--rubric", goodFile, filledSheet)
	if code != exitFindings || !strings.Contains(out, `"total":456.3785`) {
		t.Errorf("exit %d, output %.200s", code, out)
	}
	code, _, stderr := runCmd(t, "score", "--rubric", badFile, filledSheet)
	if code != exitUsage || !strings.Contains(stderr, badFile+": indicators[11].method.threshold: missing or outside (0, 100]") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}
