package golden

import (
	"path/filepath"
	"strings"
	"testing"

	"chiso/internal/contract"
	"chiso/rubric"
)

func init() { views["score"] = scoreView }

// scoreView is what `chiso score --json --lang en --rubric
// hcm-dti-2023-district` prints for the seed-004 fixtures: the district
// task sheet as sent (seed004.*) and filled with invented values and
// self-scores (seed004_filled.*). Other fixtures are not scoring sheets.
func scoreView(t *testing.T, path string) any {
	if !strings.HasPrefix(filepath.Base(path), "seed004") {
		return nil
	}
	r, err := rubric.Builtin("hcm-dti-2023-district")
	if err != nil {
		t.Fatal(err)
	}
	res, err := process(path, "en")
	if err != nil {
		return contract.ScoreError(filepath.Base(path), r, err)
	}
	return contract.NewScore(res.Document.Source, res.Report, res.Mapping, res.Card, "en")
}
