package report

import "testing"

// TestSeverity holds every code to the severity the contract's tables give
// it (v1 and v1.1).
func TestSeverity(t *testing.T) {
	tests := []struct {
		code Code
		want Severity
	}{
		{CodeRateMismatch, SeverityError},
		{CodeRateOver100, SeverityError},
		{CodeZeroDenominator, SeverityError},
		{CodeMissingComponent, SeverityWarning},
		{CodeBreakdownMismatch, SeverityError},
		{CodeProseRateMismatch, SeverityWarning},
		{CodeAmbiguousNumber, SeverityWarning},
		{CodeUnparsedValue, SeverityWarning},
		{CodeDuplicateSTT, SeverityWarning},
		{CodeSelfScoreMismatch, SeverityWarning},
		{CodeScoreOverMax, SeverityError},
		{CodeRubricUnmapped, SeverityInfo},
		{CodeRubricMissing, SeverityWarning},
		{CodeTotalMismatch, SeverityError},
		{CodeUnitMismatch, SeverityWarning},
		{CodeAppraisalGap, SeverityInfo},
		{CodeOCRUncertain, SeverityWarning},
		{CodeCumulativeDecrease, SeverityError},
		{CodePeriodInconsistent, SeverityWarning},
		{CodeSourceDisagrees, SeverityError},
		{CodeDuplicateReport, SeverityWarning},
	}
	for _, tt := range tests {
		if got := tt.code.Severity(); got != tt.want {
			t.Errorf("%s.Severity() = %s, want %s", tt.code, got, tt.want)
		}
	}
}
