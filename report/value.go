package report

// Kind is the kind of a typed value, as the contract names it.
type Kind string

// Value kinds.
const (
	KindPercent  Kind = "percent"
	KindNumber   Kind = "number"
	KindFraction Kind = "fraction"
	KindBool     Kind = "bool"
	KindStatus   Kind = "status"
	KindText     Kind = "text"
	KindEmpty    Kind = "empty"
)

// Status is the state of a task, the value of a cell of kind status.
type Status string

// Statuses.
const (
	StatusDone       Status = "done"
	StatusInProgress Status = "in_progress"
	StatusNotStarted Status = "not_started"
)

// Value is a cell read as a typed value. Absent fields are omitted from
// JSON: {"kind":"percent","number":78.23}.
type Value struct {
	Kind        Kind     `json:"kind"`
	Number      *float64 `json:"number,omitempty"`
	Unit        string   `json:"unit,omitempty"`
	Numerator   *float64 `json:"numerator,omitempty"`
	Denominator *float64 `json:"denominator,omitempty"`
	Bool        *bool    `json:"bool,omitempty"`
	Status      Status   `json:"status,omitempty"`
	// Ambiguous is set when the numeral's decimal/thousands reading could
	// not be decided; Number then holds the Vietnamese reading and the value
	// is kept out of arithmetic checks.
	Ambiguous bool `json:"ambiguous,omitempty"`
	// Decimals is how many digits were written after the decimal separator
	// of Number: the precision a rate is checked to.
	Decimals int `json:"-"`
	// Alt is the other reading of an ambiguous Number, written with
	// AltDecimals digits after the separator; the a/b of a rate may confirm
	// it. Neither is part of the contract.
	Alt         float64 `json:"-"`
	AltDecimals int     `json:"-"`
}
