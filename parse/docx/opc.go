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
)

// Limits against zip bombs. A real report's document.xml is a few MB and
// compresses about 15:1 (report_big.docx: 1.1 MB at 16.6:1); deflate can
// reach 1000:1 on crafted input.
const (
	// maxTotal caps the bytes inflated from all the parts one Read opens.
	maxTotal = 200 << 20
	// maxRatio caps uncompressed/compressed size for any part larger
	// than ratioFloor; tiny parts (empty rels, settings) compress
	// better than that without being bombs.
	maxRatio   = 100
	ratioFloor = 1 << 20
)

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
	budget int64
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
	p := &pkg{parts: make(map[string]*zip.File, len(zr.File)), budget: maxTotal}
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
	u, c := f.UncompressedSize64, f.CompressedSize64
	if u > uint64(p.budget) {
		return nil, fmt.Errorf("zip bomb? %s expands to %d bytes, over the %d MB limit", name, u, maxTotal>>20)
	}
	if u > ratioFloor && u/max(c, 1) > maxRatio {
		return nil, fmt.Errorf("zip bomb? %s expands %d:1 (%d to %d bytes), over the %d:1 limit", name, u/max(c, 1), c, u, maxRatio)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &budgetReader{rc: rc, p: p, name: name}, nil
}

// budgetReader stops a part whose real size exceeds what is left of the
// budget; archive/zip also rejects a part longer than its declared size,
// this guards the total.
type budgetReader struct {
	rc   io.ReadCloser
	p    *pkg
	name string
}

func (b *budgetReader) Read(buf []byte) (int, error) {
	n, err := b.rc.Read(buf)
	b.p.budget -= int64(n)
	if b.p.budget < 0 {
		return n, fmt.Errorf("zip bomb? %s: more than %d MB inflated", b.name, maxTotal>>20)
	}
	return n, err
}

func (b *budgetReader) Close() error { return b.rc.Close() }

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
