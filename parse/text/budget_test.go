package text

import (
	"errors"
	"strings"
	"testing"

	"chiso/parse/fault"
)

// TestBudgets: texts no report is are refused with ErrBudget, in bounded
// memory, instead of becoming millions of blocks or cells; a text just
// inside each budget is read.
func TestBudgets(t *testing.T) {
	tests := []struct {
		name string
		text string
		over bool
	}{
		{"a line over 1 MB", strings.Repeat("a", maxLine+1), true},
		{"a line of 1 MB", strings.Repeat("a", maxLine), false},
		{"a paragraph a line, too many", strings.Repeat("1\n", maxBlocks+10), true},
		{"a tab table of too many rows", strings.Repeat("1\t2\n", maxCells/2+10), true},
		{"a pipe column of too many cells", strings.Repeat("|\n", maxCells+10), true},
		{"a Markdown table of too many rows", "| a | b |\n|---|---|\n" + strings.Repeat("| 1 | 2 |\n", maxCells/2+10), true},
		{"a tab table inside the budget", strings.Repeat("1\t2\n", 1000), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read([]byte(tc.text))
			if got := errors.Is(err, fault.ErrBudget); got != tc.over {
				t.Fatalf("err = %v, want over budget: %v", err, tc.over)
			}
		})
	}
}
