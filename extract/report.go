package extract

// Options change what Extract writes, never what it finds.
type Options struct {
	// Lang is the language of Finding.Message: "vi" (the default) or "en".
	// Codes and field names never change with it.
	Lang string
}

// Report is what Extract reads from one document.
type Report struct {
	Title      string      `json:"title"`
	Unit       string      `json:"unit"`
	Period     Period      `json:"period"`
	Indicators []Indicator `json:"indicators"`
	Findings   []Finding   `json:"findings"`
}

// Period is what the report is about (quý III năm 2023), never its issue
// date. Fields are nil when the report does not say.
type Period struct {
	Year    *int   `json:"year"`
	Quarter *int   `json:"quarter"`
	Month   *int   `json:"month"`
	Label   string `json:"label"`
}

// Indicator is one row of an indicator table.
type Indicator struct {
	// Path is the chain of STT tokens from the outermost group row down to
	// this row, prefixed by the document section when several tables of the
	// document restart their numbering.
	Path  []string `json:"path"`
	STT   string   `json:"stt"`
	Label string   `json:"label"`
	// Raw is the value cell as written.
	Raw   string `json:"raw"`
	Value Value  `json:"value"`
	// Components holds the a, b, c … rows under a rate, by letter; only
	// rows that hold a number are present, and the field is omitted when
	// there are none.
	Components map[string]float64 `json:"components,omitempty"`
	// Formula is the method written in the evidence ("a/b",
	// "(a+b+c+d)/(e+f)"), empty when none is written; the rate check then
	// uses a/b.
	Formula  string     `json:"formula,omitempty"`
	Evidence string     `json:"evidence"`
	Rubric   *RubricRef `json:"rubric"`
	Location Location   `json:"location"`
	// MaxPoints and SelfPoints are the Điểm tối đa and Điểm tự chấm columns
	// of a scoring sheet.
	MaxPoints  *float64 `json:"max_points,omitempty"`
	SelfPoints *float64 `json:"self_points,omitempty"`
	// Responsible is the Đơn vị báo cáo / đơn vị chủ trì column: who
	// reports the row, not the unit of its value (that is Value.Unit).
	Responsible string `json:"responsible,omitempty"`
	// Group is true for a row that only heads other rows (I, II … with no
	// value of its own).
	Group bool `json:"group,omitempty"`
}

// RubricRef is the rubric indicator a row maps to; package mapping fills it.
type RubricRef struct {
	ID         string  `json:"id"`
	Indicator  string  `json:"indicator"`
	Confidence float64 `json:"confidence"`
}

// Value kinds, as the contract names them.
const (
	KindPercent  = "percent"
	KindNumber   = "number"
	KindFraction = "fraction"
	KindBool     = "bool"
	KindStatus   = "status"
	KindText     = "text"
	KindEmpty    = "empty"
)

// Statuses of a value of kind status.
const (
	StatusDone       = "done"
	StatusInProgress = "in_progress"
	StatusNotStarted = "not_started"
)

// Value is a cell read as a typed value. Absent fields are omitted from
// JSON: {"kind":"percent","number":78.23}.
type Value struct {
	Kind        string   `json:"kind"`
	Number      *float64 `json:"number,omitempty"`
	Unit        string   `json:"unit,omitempty"`
	Numerator   *float64 `json:"numerator,omitempty"`
	Denominator *float64 `json:"denominator,omitempty"`
	Bool        *bool    `json:"bool,omitempty"`
	Status      string   `json:"status,omitempty"`
	// Ambiguous is set when the numeral's decimal/thousands reading could
	// not be decided; Number then holds the Vietnamese reading and the value
	// is kept out of arithmetic checks.
	Ambiguous bool `json:"ambiguous,omitempty"`
	// Decimals is how many digits were written after the decimal separator
	// of Number: the precision a rate is checked to.
	Decimals int `json:"-"`
	// alt is the other reading of an ambiguous Number, which the a/b of a
	// rate may confirm.
	alt         float64
	altDecimals int
}

// Finding is one discrepancy, in the contract's codes.
type Finding struct {
	Code     string   `json:"code"`
	Severity string   `json:"severity"`
	Path     []string `json:"path"`
	Label    string   `json:"label"`
	Message  string   `json:"message"`
	Reported *float64 `json:"reported"`
	Computed *float64 `json:"computed"`
	Location Location `json:"location"`
}

// Location says where a row or sentence is. Page is 1-based where the
// format has pages and 0 otherwise; Table is the 1-based index among the
// document's table blocks and Row the 1-based row of that table, both 0 for
// running text; Block is the 0-based index of the block in the document.
type Location struct {
	Page  int `json:"page"`
	Table int `json:"table"`
	Row   int `json:"row"`
	Block int `json:"block"`
}

// Finding codes fixed by the contract. The ones this package emits are
// listed in checks.go; the others belong to packages mapping and rubric.
const (
	CodeRateMismatch      = "rate_mismatch"
	CodeRateOver100       = "rate_over_100"
	CodeZeroDenominator   = "zero_denominator"
	CodeMissingComponent  = "missing_component"
	CodeBreakdownMismatch = "breakdown_mismatch"
	CodeProseRateMismatch = "prose_rate_mismatch"
	CodeAmbiguousNumber   = "ambiguous_number"
	CodeUnparsedValue     = "unparsed_value"
	CodeDuplicateSTT      = "duplicate_stt"
	CodeSelfScoreMismatch = "self_score_mismatch"
	CodeScoreOverMax      = "score_over_max"
	CodeRubricUnmapped    = "rubric_unmapped"
	CodeRubricMissing     = "rubric_missing"
)

// Severities.
const (
	SeverityError   = "error"
	SeverityWarning = "warning"
	SeverityInfo    = "info"
)

// Severity returns the contract's severity of a finding code.
func Severity(code string) string {
	switch code {
	case CodeRateMismatch, CodeRateOver100, CodeZeroDenominator, CodeBreakdownMismatch, CodeScoreOverMax:
		return SeverityError
	case CodeRubricUnmapped:
		return SeverityInfo
	}
	return SeverityWarning
}
