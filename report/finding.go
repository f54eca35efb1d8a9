package report

// Finding is one discrepancy, in the contract's codes.
type Finding struct {
	Code     Code     `json:"code"`
	Severity Severity `json:"severity"`
	Path     []string `json:"path"`
	Label    string   `json:"label"`
	Message  string   `json:"message"`
	Reported *float64 `json:"reported"`
	Computed *float64 `json:"computed"`
	Location Location `json:"location"`
	// Formula and Detail are what the message names besides the numbers:
	// the rate's formula ("a/b") and the parts it was computed from
	// ("11781/15060", "5519 + 6262"), or the text read ("1.234"). They are
	// data for the message catalogue, not part of the contract's JSON.
	Formula string `json:"-"`
	Detail  string `json:"-"`
	// Scoring is what a finding of the rubric's names (nil for the
	// others): data for the message catalogue, not in the JSON.
	Scoring *Scoring `json:"-"`
}

// Code names a kind of finding; the contract fixes the set.
type Code string

// Finding codes fixed by the contract.
const (
	CodeRateMismatch      Code = "rate_mismatch"
	CodeRateOver100       Code = "rate_over_100"
	CodeZeroDenominator   Code = "zero_denominator"
	CodeMissingComponent  Code = "missing_component"
	CodeBreakdownMismatch Code = "breakdown_mismatch"
	CodeProseRateMismatch Code = "prose_rate_mismatch"
	CodeAmbiguousNumber   Code = "ambiguous_number"
	CodeUnparsedValue     Code = "unparsed_value"
	CodeDuplicateSTT      Code = "duplicate_stt"
	CodeSelfScoreMismatch Code = "self_score_mismatch"
	CodeScoreOverMax      Code = "score_over_max"
	CodeRubricUnmapped    Code = "rubric_unmapped"
	CodeRubricMissing     Code = "rubric_missing"

	// Added in v1.1 of the contract.
	CodeTotalMismatch Code = "total_mismatch"
	CodeUnitMismatch  Code = "unit_mismatch"
	CodeAppraisalGap  Code = "appraisal_gap"
	CodeOCRUncertain  Code = "ocr_uncertain"

	// CodeNoIndicatorTable is a report from which nothing could be
	// checked: no indicator row, and no rate quoted with its counts in the
	// text (added beside v1.1).
	CodeNoIndicatorTable Code = "no_indicator_table"

	// The codes of the audit across the reports of a dataset (chiso
	// audit --db; added beside v1.1). appraisal_gap is also given there,
	// summed per unit.
	CodeCumulativeDecrease Code = "cumulative_decrease"
	CodePeriodInconsistent Code = "period_inconsistent"
	CodeSourceDisagrees    Code = "source_disagrees"
	CodeDuplicateReport    Code = "duplicate_report"
)

// Severity says how much a finding matters.
type Severity string

// Severities.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
	SeverityInfo    Severity = "info"
)

// Severity returns the contract's severity of a finding code.
func (c Code) Severity() Severity {
	switch c {
	case CodeRateMismatch, CodeRateOver100, CodeZeroDenominator, CodeBreakdownMismatch, CodeScoreOverMax,
		CodeTotalMismatch, CodeCumulativeDecrease, CodeSourceDisagrees:
		return SeverityError
	case CodeRubricUnmapped, CodeAppraisalGap:
		return SeverityInfo
	}
	return SeverityWarning
}
