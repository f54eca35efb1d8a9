package html

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"chiso/parse/fault"
)

// TestBudgets: pages no report is are refused with ErrBudget before
// their tree or their blocks fill memory.
func TestBudgets(t *testing.T) {
	for _, tc := range []struct {
		name string
		page string
		over bool
	}{
		{"a report", "<p>Báo cáo</p><table><tr><td>1</td><td>Số hồ sơ</td></tr></table>", false},
		{"too many elements", "<body>" + strings.Repeat("<p>", maxTags+1), true},
		{"too many paragraphs", strings.Repeat("<p>1</p>", maxBlocks+1), true},
		{"too many cells", "<table>" + strings.Repeat("<tr>"+strings.Repeat("<td>1", 1024), maxCells/1024+1) + "</table>", true},
	} {
		_, err := Read(bytes.NewReader([]byte(tc.page)))
		if got := errors.Is(err, fault.ErrBudget); got != tc.over {
			t.Errorf("%s: %v, want over budget %v", tc.name, err, tc.over)
		}
	}
}
