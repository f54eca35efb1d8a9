// Package contract defines, once, the JSON objects chiso prints: one line
// per file for `parse --json`, `extract --json`, `audit --json` and
// `score --json`. The command line encodes them and the golden tests pin
// them, so the two cannot drift apart. docs/json.md describes every field.
//
// The stages' own types (doc.Block, report.Indicator, report.Finding …)
// carry their JSON names; the objects here only put them together with the
// schema, the source and the error, as the contract lays them out.
package contract

import (
	"chiso/doc"
	"chiso/report"
)

// Schema is the contract's version, the first field of every object.
const Schema = "chiso/v1"

// Parse is one line of `parse --json`.
type Parse struct {
	Schema string      `json:"schema"`
	Source doc.Source  `json:"source"`
	Blocks []doc.Block `json:"blocks"`
	// Warnings is an addition to the contract: problems that did not stop
	// the reading ("no text layer on page 2").
	Warnings []string `json:"warnings,omitempty"`
	Error    *string  `json:"error"`
}

// NewParse is the object for the file name: d as read, or err when it
// could not be.
func NewParse(name string, d *doc.Document, err error) Parse {
	out := Parse{Schema: Schema, Source: doc.Source{Path: name}, Blocks: []doc.Block{}, Error: errorString(err)}
	if d != nil {
		out.Source, out.Blocks, out.Warnings = d.Source, d.Blocks, d.Warnings
	}
	return out
}

// ReportHead is the contract's "report" object: what the report says about
// itself.
type ReportHead struct {
	Title  string        `json:"title"`
	Unit   string        `json:"unit"`
	Period report.Period `json:"period"`
}

// Head is rep's head.
func Head(rep *report.Report) ReportHead {
	return ReportHead{Title: rep.Title, Unit: rep.Unit, Period: rep.Period}
}

// Extract is one line of `extract --json`.
type Extract struct {
	Schema     string             `json:"schema"`
	Source     doc.Source         `json:"source"`
	Report     ReportHead         `json:"report"`
	Indicators []report.Indicator `json:"indicators"`
	Findings   []report.Finding   `json:"findings"`
	Error      *string            `json:"error"`
}

// NewExtract is the object for a file read from src; rep is nil when the
// file could not be read (err).
func NewExtract(src doc.Source, rep *report.Report, err error) Extract {
	out := Extract{Schema: Schema, Source: src, Indicators: []report.Indicator{}, Findings: []report.Finding{}, Error: errorString(err)}
	if rep != nil {
		out.Report = Head(rep)
		out.Indicators, out.Findings = rep.Indicators, rep.Findings
	}
	return out
}

// Audit is one line of `audit --json`: the findings of one file.
type Audit struct {
	Schema   string           `json:"schema"`
	Source   doc.Source       `json:"source"`
	Findings []report.Finding `json:"findings"`
	Error    *string          `json:"error"`
}

// NewAudit is the object for a file read from src; rep is nil when the
// file could not be read (err).
func NewAudit(src doc.Source, rep *report.Report, err error) Audit {
	e := NewExtract(src, rep, err)
	return Audit{Schema: e.Schema, Source: e.Source, Findings: e.Findings, Error: e.Error}
}

// errorString is the contract's "error" field: null or the message.
func errorString(err error) *string {
	if err == nil {
		return nil
	}
	s := err.Error()
	return &s
}
