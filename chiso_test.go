package chiso

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"chiso/parse"
	"chiso/report"
	"chiso/rubric"
)

func TestProcess(t *testing.T) {
	r, err := rubric.Builtin(rubric.DefaultID)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("golden/testdata/seed004_filled.txt")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		rubric *rubric.Rubric
	}{
		{"with a rubric", r},
		{"without", nil},
	}
	for _, tt := range tests {
		res, err := Process(context.Background(), "seed004_filled.txt", data, Options{Rubric: tt.rubric})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if res.Document.Source.Path != "seed004_filled.txt" || len(res.Report.Indicators) == 0 {
			t.Fatalf("%s: source %+v, %d indicators", tt.name, res.Document.Source, len(res.Report.Indicators))
		}
		// The report stays as extract made it: the mapping is apart.
		for _, ind := range res.Report.Indicators {
			if ind.Rubric != nil {
				t.Fatalf("%s: row %v carries a rubric reference", tt.name, ind.Path)
			}
		}
		if (res.Mapping == nil) != (tt.rubric == nil) || (res.Card == nil) != (tt.rubric == nil) {
			t.Fatalf("%s: mapping %v, card %v", tt.name, res.Mapping != nil, res.Card != nil)
		}
		all := res.Findings()
		want := len(res.Report.Findings)
		if res.Mapping != nil {
			want += len(res.Mapping.Findings) + len(res.Card.Findings)
			if len(res.Mapping.Refs) != len(res.Report.Indicators) || res.Card.Total == 0 {
				t.Errorf("%s: %d refs for %d rows, total %v", tt.name, len(res.Mapping.Refs), len(res.Report.Indicators), res.Card.Total)
			}
		}
		if len(all) != want {
			t.Errorf("%s: %d findings, want %d", tt.name, len(all), want)
		}
		if tt.rubric != nil && !hasCode(all, report.CodeSelfScoreMismatch) {
			t.Errorf("%s: no self_score_mismatch on a sheet with wrong self-scores", tt.name)
		}
	}
}

func hasCode(fs []report.Finding, c report.Code) bool {
	for _, f := range fs {
		if f.Code == c {
			return true
		}
	}
	return false
}

// TestProcessError: a file that cannot be read is parse's error, naming it.
func TestProcessError(t *testing.T) {
	_, err := Process(context.Background(), "broken.docx", []byte("PK\x03\x04 not a zip"), Options{})
	var pe *parse.Error
	if !errors.As(err, &pe) || pe.Path != "broken.docx" {
		t.Fatalf("error %v (%T), want a *parse.Error naming broken.docx", err, err)
	}
	if _, err := ReadAll(strings.NewReader("0123456789a"), "big.txt", 10); !errors.As(err, &pe) || pe.Path != "big.txt" {
		t.Fatalf("ReadAll over the limit: %v, want a *parse.Error naming big.txt", err)
	}
}
