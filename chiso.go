// Package chiso chains the stages that read one report: parse (package
// parse) into the document model, extract (package extract) into the
// indicator model, the second pass of checks over it (package audit), then,
// given a rubric, mapping and scoring (package rubric). The findings of
// extract and audit carry data; Process renders their messages in
// Options.Lang with the one catalogue (package internal/msg). Process is the one place they are chained: the command line,
// bulk ingest (package corpus) and the golden tests call it, so that a
// stage added or reordered changes every caller at once.
//
// Each stage's result is returned as the stage made it: the report is what
// extract read, the mapping and the card are the rubric's reading of it,
// and none is written back into another.
package chiso

import (
	"context"
	"time"

	"chiso/audit"
	"chiso/doc"
	"chiso/extract"
	"chiso/internal/msg"
	"chiso/parse"
	"chiso/report"
	"chiso/rubric"
)

// Options choose what Process does with a document.
type Options struct {
	// Rubric, when set, maps the report's rows onto it and scores them;
	// nil stops after extraction.
	Rubric *rubric.Rubric
	// Timeout bounds the reading of the document (0: parse.DefaultTimeout).
	Timeout time.Duration
	// Lang is the language of the findings' messages and the basis lines:
	// "vi" (the default) or "en". It changes only text, never a finding.
	Lang string
}

// Result is what each stage made of one document.
type Result struct {
	Document *doc.Document
	Report   *report.Report
	// Mapping and Card are nil when Options.Rubric is.
	Mapping *rubric.Mapping
	Card    *rubric.Card
}

// Process reads the report held in data, named name (a path or "-": used
// in errors, as a format hint and as Source.Path), and runs every stage
// on it. Its error is parse's (*parse.Error): the later stages do not
// fail.
func Process(ctx context.Context, name string, data []byte, opt Options) (*Result, error) {
	if opt.Timeout <= 0 {
		opt.Timeout = parse.DefaultTimeout
	}
	if opt.Lang != "en" {
		opt.Lang = "vi"
	}
	d, err := parse.Bytes(ctx, data, name, opt.Timeout)
	if err != nil {
		return nil, err
	}
	res := &Result{Document: d, Report: extract.Extract(d, extract.Options{})}
	res.Report.Findings = audit.Run(res.Report, d)
	msg.Fill(res.Report.Findings, opt.Lang)
	if opt.Rubric != nil {
		res.Mapping = rubric.Map(res.Report, opt.Rubric)
		res.Card = rubric.Score(res.Report, res.Mapping)
		msg.Fill(res.Mapping.Findings, opt.Lang)
		msg.Fill(res.Card.Findings, opt.Lang)
	}
	return res, nil
}

// Findings are all the stages' findings in the order they were made:
// extract's, the mapping's (rubric_unmapped), then the scoring's.
func (r *Result) Findings() []report.Finding {
	out := append([]report.Finding{}, r.Report.Findings...)
	if r.Mapping != nil {
		out = append(out, r.Mapping.Findings...)
	}
	if r.Card != nil {
		out = append(out, r.Card.Findings...)
	}
	return out
}
