// Package pdfcheck finds, in a PDF's bytes, the structures that make the
// PDF libraries chiso uses fail in ways no recover catches (a stack
// overflow is a fatal error), so that the readers refuse such a file
// before a library sees it.
package pdfcheck

import (
	"bytes"
	"regexp"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"chiso/parse/fault"
)

// MaxObjects is the highest object number a file of size bytes may use.
// An object takes at least a few bytes even in a compressed object
// stream; the floor leaves room for sparse numbering in small files, the
// ceiling keeps ledongthuc's table (32 bytes an entry) under 128 MB.
func MaxObjects(size int64) int64 {
	return min(max(size/4, 1<<16), 1<<22)
}

// Table refuses a cross-reference table pdfcpu read from a file of size
// bytes when its size cannot be true for that file. pdfcpu takes the
// highest object number it met as the size — a damaged header ("1 -1
// obj") gave 2^31 — and writing the table then loops and allocates that
// many entries: 5 GB in 30 s before the time limit.
func Table(x *model.XRefTable, size int64) error {
	if x != nil && x.Size != nil && int64(*x.Size) > MaxObjects(size) {
		return fault.Damaged("damaged PDF: a cross-reference table of %d objects is impossible in a file of %d bytes", *x.Size, size)
	}
	return nil
}

// pdfcpu resolves a stream's /Filter, /DecodeParms and /Length when it
// reads the stream, and a reference there to a stream makes it read
// that stream first: a stream whose /Filter is itself recursed until
// the goroutine's stack overflowed, a fatal error. No real file refers
// from these entries to a stream, so StreamRefs refuses any that
// does before a file goes to pdfcpu.

var (
	objHead   = regexp.MustCompile(`(\d+)\s+\d+\s+obj\b`)
	streamRef = regexp.MustCompile(`/(?:Filter|DecodeParms|Length|DL)\s*\[?((?:\s*\d+\s+\d+\s+R)+|[^/>\]]*?\d+\s+\d+\s+R)`)
	ref       = regexp.MustCompile(`(\d+)\s+\d+\s+R`)
)

// StreamRefs reports a stream dictionary in data whose /Filter,
// /DecodeParms or /Length refers to a stream object.
func StreamRefs(data []byte) error {
	heads := objHead.FindAllSubmatchIndex(data, -1)
	streams := map[string]bool{}
	type dict struct {
		num  string
		body []byte
	}
	var dicts []dict
	for i, h := range heads {
		end := len(data)
		if i+1 < len(heads) {
			end = heads[i+1][0]
		}
		body := data[h[1]:end]
		if j := bytes.Index(body, []byte("endobj")); j >= 0 {
			body = body[:j]
		}
		if j := bytes.Index(body, []byte("stream")); j >= 0 {
			num := string(data[h[2]:h[3]])
			streams[num] = true
			dicts = append(dicts, dict{num, body[:j]})
		}
	}
	for _, d := range dicts {
		for _, m := range streamRef.FindAllSubmatch(d.body, -1) {
			for _, r := range ref.FindAllSubmatch(m[1], -1) {
				if streams[string(r[1])] {
					return fault.Damaged("damaged PDF: stream object %s takes its filter or length from stream object %s", d.num, r[1])
				}
			}
		}
	}
	return nil
}
