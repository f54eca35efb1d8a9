// Package report is the indicator model: what package extract reads from a
// document (its title, unit, period, indicator rows with typed values) and
// the findings the stages after it attach to the rows. Every stage of the
// pipeline speaks this model; none of them owns it.
//
// Kinds, statuses, finding codes and severities are named string types, so
// that a switch over them is checked by the compiler while their JSON stays
// the contract's plain strings.
package report

// Report is what extract reads from one document.
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
	Year    *int `json:"year"`
	Quarter *int `json:"quarter"`
	Month   *int `json:"month"`
	// Months is the first and last month of the span the report covers
	// (quý III is [7, 9], 9 tháng đầu năm [1, 9], năm [1, 12]); nil when
	// the span is not a run of months of one year (giai đoạn 2026 - 2030)
	// or not said.
	Months *[2]int `json:"months"`
	Label  string  `json:"label"`
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
	// Confidence is, for a value read from a scan (Source.OCR), the
	// recogniser's lowest confidence (0–1) in the words of its cell when
	// it was unsure of one; nil when it was sure (contract v1.1).
	Confidence *float64 `json:"confidence,omitempty"`
	// Unit is, in a table whose rows are units (a ranking of departments,
	// a city-wide summary), the unit the row is about; Label is then its
	// name too (contract v1.1).
	Unit string `json:"unit,omitempty"`
	// Columns is every cell of the row but its STT and label, in table
	// order, typed under its header (contract v1.1).
	Columns []Cell `json:"columns,omitempty"`
}

// Cell is one cell of an indicator's row under its column's header.
type Cell struct {
	// Header is the column's header path, the texts of its header rows
	// from top to bottom joined with " / ".
	Header string `json:"header"`
	Role   Role   `json:"role"`
	Raw    string `json:"raw"`
	Value  Value  `json:"value"`
}

// Role is what a column of an indicator table holds.
type Role string

// Roles of a column, as the contract names them.
const (
	RoleValue       Role = "value"
	RoleMeasure     Role = "measure" // Đơn vị tính
	RoleMax         Role = "max"     // Điểm tối đa, Điểm chuẩn
	RoleSelf        Role = "self"    // Điểm tự chấm, tự đánh giá
	RoleAppraised   Role = "appraised"
	RoleRank        Role = "rank"
	RoleGrade       Role = "grade"
	RoleEvidence    Role = "evidence"
	RoleResponsible Role = "responsible"
	RoleTarget      Role = "target"
	RoleOther       Role = "other"
)

// RubricRef is the rubric indicator a row maps to.
type RubricRef struct {
	ID         string  `json:"id"`
	Indicator  string  `json:"indicator"`
	Confidence float64 `json:"confidence"`
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
