package docx

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"maps"
	"path"
	"slices"
	"strings"

	"chiso/parse/internal/ziplimit"
)

// Zip bombs are refused by package ziplimit: a real report's document.xml
// is a few MB and compresses about 15:1 (report_big.docx: 1.1 MB at
// 16.6:1); deflate can reach 1000:1 on crafted input.

// Relationship types and content types of the parts Read looks for, in
// both the transitional and the strict (ISO 29500) namespaces.
var (
	relOfficeDocument = []string{
		"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
		"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
	}
	relNumbering = []string{
		"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering",
		"http://purl.oclc.org/ooxml/officeDocument/relationships/numbering",
	}
	relStyles = []string{
		"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
		"http://purl.oclc.org/ooxml/officeDocument/relationships/styles",
	}
	ctMain = []string{
		"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
		"application/vnd.ms-word.document.macroEnabled.main+xml",
		"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
		"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
	}
	relAppProps = []string{
		"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
		"http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties",
	}
	ctAppProps  = []string{"application/vnd.openxmlformats-officedocument.extended-properties+xml"}
	ctNumbering = []string{"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"}
	ctStyles    = []string{"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"}
)

// pkg is an opened OPC package: the zip's parts by name, and what is left
// of the inflation budget.
type pkg struct {
	parts  map[string]*zip.File // key: lower-case part name without leading "/"
	budget *ziplimit.Budget
	types  map[string]string // part name (lower case) -> content type, from [Content_Types].xml
}

func openPackage(r io.ReaderAt, size int64) (*pkg, error) {
	if size <= 0 {
		return nil, errors.New("empty file")
	}
	var magic [8]byte
	n, _ := r.ReadAt(magic[:], 0)
	if n >= 4 && string(magic[:4]) == "\xd0\xcf\x11\xe0" {
		return nil, errors.New("not a zip archive but an OLE compound file: a legacy Word 97-2003 .doc or a password-protected DOCX")
	}
	zr, err := zip.NewReader(r, size)
	if err != nil && !(errors.Is(err, zip.ErrInsecurePath) && zr != nil) {
		if n >= 4 && string(magic[:4]) == "PK\x03\x04" {
			return nil, fmt.Errorf("truncated or damaged zip archive: %w", err)
		}
		return nil, fmt.Errorf("not a zip archive (a DOCX is one): %w", err)
	}
	p := &pkg{parts: make(map[string]*zip.File, len(zr.File)), budget: ziplimit.New()}
	for _, f := range zr.File {
		// OPC part names compare case-insensitively.
		name := strings.ToLower(strings.TrimPrefix(f.Name, "/"))
		if _, dup := p.parts[name]; !dup {
			p.parts[name] = f
		}
	}
	p.types = p.contentTypes()
	return p, nil
}

// open returns the named part's content, counted against the budget.
func (p *pkg) open(name string) (io.ReadCloser, error) {
	f := p.parts[strings.ToLower(name)]
	if f == nil {
		return nil, fmt.Errorf("%s: no such part", name)
	}
	return p.budget.Open(name, f)
}

// decode unmarshals a small XML part (relationships, content types,
// numbering, styles) into v.
func (p *pkg) decode(name string, v any) error {
	rc, err := p.open(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	if err := newDecoder(rc).Decode(v); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// newDecoder returns a strict decoder. encoding/xml never expands entities
// declared in a DOCTYPE: a reference to one is a syntax error, so entity
// bombs fail instead of growing.
func newDecoder(r io.Reader) *xml.Decoder {
	d := xml.NewDecoder(r)
	d.Strict = true
	return d
}

type relationships struct {
	Rels []struct {
		Type       string `xml:"Type,attr"`
		Target     string `xml:"Target,attr"`
		TargetMode string `xml:"TargetMode,attr"`
	} `xml:"Relationship"`
}

// related returns the internal part that the relationships of source
// (the package itself when source is "") point to with one of relTypes.
func (p *pkg) related(source string, relTypes []string) string {
	dir, base := path.Split(source)
	var rels relationships
	if p.decode(dir+"_rels/"+base+".rels", &rels) != nil {
		return ""
	}
	for _, rel := range rels.Rels {
		if rel.TargetMode == "External" || !slices.Contains(relTypes, rel.Type) {
			continue
		}
		target := rel.Target
		if strings.HasPrefix(target, "/") {
			target = path.Clean(target)[1:]
		} else {
			target = path.Join(dir, target)
		}
		if p.parts[strings.ToLower(target)] != nil {
			return target
		}
	}
	return ""
}

func (p *pkg) contentTypes() map[string]string {
	var ct struct {
		Overrides []struct {
			PartName    string `xml:"PartName,attr"`
			ContentType string `xml:"ContentType,attr"`
		} `xml:"Override"`
	}
	if p.decode("[Content_Types].xml", &ct) != nil {
		return nil
	}
	types := make(map[string]string, len(ct.Overrides))
	for _, o := range ct.Overrides {
		types[strings.ToLower(strings.TrimPrefix(o.PartName, "/"))] = o.ContentType
	}
	return types
}

// find locates a part the way Word does: through the relationships of
// source first, then by its content type, then by its usual name.
// It returns "" when there is none.
func (p *pkg) find(source string, relTypes, contentTypes []string, usual string) string {
	if name := p.related(source, relTypes); name != "" {
		return name
	}
	// Sorted so that a package with two candidates reads the same way
	// every time.
	for _, name := range slices.Sorted(maps.Keys(p.types)) {
		if slices.Contains(contentTypes, p.types[name]) && p.parts[name] != nil {
			return name
		}
	}
	if p.parts[strings.ToLower(usual)] != nil {
		return usual
	}
	return ""
}
